/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "llw-campaign.h"
#include "llw-deletion.h"
#include "llw-entity.h"

G_BEGIN_DECLS

#define LLW_DATABASE_ERROR (llw_database_error_quark ())

typedef enum
{
  LLW_DATABASE_ERROR_OPEN,        /* the file cannot be opened or created */
  LLW_DATABASE_ERROR_NOT_LLWEEK,  /* not SQLite, or another program's database */
  LLW_DATABASE_ERROR_CORRUPT,     /* an llweek database that fails its integrity check */
  LLW_DATABASE_ERROR_TOO_NEW,     /* written by a newer llweek */
  LLW_DATABASE_ERROR_SEED,        /* the default data could not be loaded */
  LLW_DATABASE_ERROR_QUERY,       /* a statement failed */
  LLW_DATABASE_ERROR_NOT_FOUND,   /* no such campaign or record */
  LLW_DATABASE_ERROR_INVALID,     /* a value the user gave breaks a rule */
  LLW_DATABASE_ERROR_READ_ONLY,   /* the file is open for reading only */
  LLW_DATABASE_ERROR_BUSY,        /* another program is working on the file */
  LLW_DATABASE_ERROR_FOREIGN,     /* its schema holds what llweek did not make */
  LLW_DATABASE_ERROR_CLOSED,      /* the campaign is closed: its Ministry deadline has passed */
} LlwDatabaseError;

/* The schema version this build writes; PRAGMA user_version holds the file's. */
#define LLW_DATABASE_SCHEMA_VERSION 7

#define LLW_TYPE_DATABASE (llw_database_get_type ())
G_DECLARE_FINAL_TYPE (LlwDatabase, llw_database, LLW, DATABASE, GObject)

GQuark       llw_database_error_quark           (void);
char        *llw_database_default_path          (void);
LlwDatabase *llw_database_open                  (const char   *path,
                                                 GError      **error);
const char  *llw_database_get_path              (LlwDatabase  *self);
gboolean     llw_database_was_created           (LlwDatabase  *self);
int          llw_database_get_schema_version    (LlwDatabase  *self);
gboolean     llw_database_is_read_only          (LlwDatabase  *self);
const char  *llw_database_get_read_only_reason  (LlwDatabase  *self);
gboolean     llw_database_check_file            (const char   *path,
                                                 int          *version,
                                                 GError      **error);
gboolean     llw_database_backup_to             (LlwDatabase  *self,
                                                 const char   *path,
                                                 GError      **error);
gboolean     llw_database_backup_automatic      (LlwDatabase  *self,
                                                 GError      **error);
char        *llw_database_get_backup_folder     (LlwDatabase  *self);
gboolean     llw_database_restore               (LlwDatabase  *self,
                                                 const char   *path,
                                                 GError      **error);
gboolean     llw_database_checkpoint            (LlwDatabase  *self,
                                                 gboolean      wait,
                                                 GError      **error);

/**
 * LlwDatabaseJob:
 * @worker: a connection of the job's own, see llw_database_open_worker ()
 * @data: what the job works on
 *
 * Work done on a worker thread by llw_database_run_async ().
 *
 * Returns: %TRUE on success; else %FALSE with @error set
 */
typedef gboolean (*LlwDatabaseJob) (LlwDatabase   *worker,
                                    gpointer       data,
                                    GCancellable  *cancellable,
                                    GError       **error);

LlwDatabase *llw_database_open_worker           (LlwDatabase          *self,
                                                 GError              **error);
void         llw_database_run_async             (LlwDatabase          *self,
                                                 LlwDatabaseJob        job,
                                                 gpointer              data,
                                                 GDestroyNotify        data_free,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gpointer     llw_database_run_get_data          (GAsyncResult         *result);
gboolean     llw_database_run_finish            (LlwDatabase          *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

GListModel  *llw_database_list_campaigns        (LlwDatabase  *self,
                                                 GError      **error);
LlwCampaign *llw_database_get_campaign          (LlwDatabase  *self,
                                                 int           year,
                                                 GError      **error);
GListModel  *llw_database_list_themes           (LlwDatabase  *self,
                                                 LlwCampaign  *campaign,
                                                 GError      **error);
GListModel  *llw_database_list_activity_kinds   (LlwDatabase  *self,
                                                 LlwCampaign  *campaign,
                                                 GError      **error);
GListModel  *llw_database_list_units            (LlwDatabase  *self,
                                                 LlwCampaign  *campaign,
                                                 GError      **error);
GListModel  *llw_database_list_activities       (LlwDatabase  *self,
                                                 LlwCampaign  *campaign,
                                                 GError      **error);
GListModel  *llw_database_list_report_statuses  (LlwDatabase  *self,
                                                 LlwCampaign  *campaign,
                                                 const GDate  *today,
                                                 GError      **error);
GListModel  *llw_database_list_indicators       (LlwDatabase  *self,
                                                 LlwCampaign  *campaign,
                                                 GError      **error);
GListModel  *llw_database_list_recipients       (LlwDatabase  *self,
                                                 LlwCampaign  *campaign,
                                                 GError      **error);
GListModel  *llw_database_list_report_examples  (LlwDatabase  *self,
                                                 LlwCampaign  *campaign,
                                                 GError      **error);

GHashTable  *llw_database_load_values           (LlwDatabase      *self,
                                                 const LlwEntity  *entity,
                                                 gint64            id,
                                                 GError          **error);
GHashTable  *llw_database_check                 (LlwDatabase      *self,
                                                 const LlwEntity  *entity,
                                                 gint64            campaign_id,
                                                 gint64            id,
                                                 GHashTable       *input,
                                                 GHashTable       *current,
                                                 GHashTable      **stored);
gint64       llw_database_insert                (LlwDatabase      *self,
                                                 const LlwEntity  *entity,
                                                 gint64            campaign_id,
                                                 GHashTable       *input,
                                                 GHashTable      **errors,
                                                 GError          **error);
gboolean     llw_database_update                (LlwDatabase      *self,
                                                 const LlwEntity  *entity,
                                                 gint64            campaign_id,
                                                 gint64            id,
                                                 GHashTable       *input,
                                                 GHashTable      **errors,
                                                 GError          **error);
LlwDeletion *llw_database_plan_deletion         (LlwDatabase      *self,
                                                 const char       *table,
                                                 gint64            campaign_id,
                                                 gint64            id,
                                                 GError          **error);
LlwDeletion *llw_database_plan_deletion_everywhere (LlwDatabase   *self,
                                                   const char    *table,
                                                   gint64         id,
                                                   GError       **error);
gboolean     llw_database_delete                (LlwDatabase      *self,
                                                 LlwDeletion      *deletion,
                                                 GError          **error);
gboolean     llw_database_undo_deletion         (LlwDatabase      *self,
                                                 LlwDeletion      *deletion,
                                                 GError          **error);
gboolean     llw_database_check_open            (LlwDatabase      *self,
                                                 gint64            campaign_id,
                                                 GError          **error);
gboolean     llw_database_reopen_campaign       (LlwDatabase      *self,
                                                 LlwCampaign      *campaign,
                                                 gboolean          reopened,
                                                 GError          **error);
LlwCampaign *llw_database_copy_campaign         (LlwDatabase      *self,
                                                 LlwCampaign      *from,
                                                 int               year,
                                                 GHashTable      **errors,
                                                 GError          **error);
gint64       llw_database_find_report           (LlwDatabase      *self,
                                                 gint64            campaign_id,
                                                 gint64            unit_id);
GHashTable  *llw_database_load_figures          (LlwDatabase      *self,
                                                 gint64            report_id,
                                                 GError          **error);
gint64       llw_database_save_report           (LlwDatabase      *self,
                                                 LlwCampaign      *campaign,
                                                 gint64            unit_id,
                                                 GHashTable       *input,
                                                 GHashTable       *figures,
                                                 GHashTable      **errors,
                                                 GError          **error);
GPtrArray   *llw_database_check_figures         (LlwDatabase      *self,
                                                 LlwCampaign      *campaign,
                                                 gint64            unit_id,
                                                 GHashTable       *figures,
                                                 double            ratio);

/* Figures more than this many times the usual one get a warning, unless set otherwise. */
#define LLW_FIGURE_OUTLIER_RATIO 10.0

G_END_DECLS
