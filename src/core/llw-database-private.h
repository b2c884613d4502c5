/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "llw-database.h"

G_BEGIN_DECLS

struct _LlwDatabase
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  int schema_version;
  guint depth;          /* transactions and savepoints open, see llw_database_begin () */
  GArray *pending;      /* PendingChange: announced once the outermost transaction commits */
  GHashTable *cache;    /* static SQL text → prepared statement, see llw_database_cached () */
  char *stamp;          /* when the open transaction began: the time of its history lines */
  sqlite3 *lock;        /* holds the writer's lock, see take_lock () */
  gboolean read_only;
  gboolean locked_out;  /* read-only because another copy of llweek writes to the file */
  char *read_only_reason;
};

void          llw_database_set_error    (LlwDatabase  *self,
                                         GError      **error,
                                         const char   *what);
sqlite3_stmt *llw_database_prepare      (LlwDatabase  *self,
                                         const char   *sql,
                                         GError      **error);
sqlite3_stmt *llw_database_cached       (LlwDatabase  *self,
                                         const char   *sql,
                                         GError      **error);
gboolean      llw_database_exec         (LlwDatabase  *self,
                                         const char   *sql,
                                         GError      **error);
gboolean      llw_database_step_done    (LlwDatabase  *self,
                                         sqlite3_stmt *stmt,
                                         GError      **error);
gboolean      llw_database_seed_default (LlwDatabase  *self,
                                         GError      **error);
gboolean      llw_database_migrate      (LlwDatabase  *self,
                                         GError      **error);

gboolean      llw_database_begin        (LlwDatabase  *self,
                                         GError      **error);
gboolean      llw_database_end          (LlwDatabase  *self,
                                         gboolean      ok,
                                         GError      **error);
gboolean      llw_database_log          (LlwDatabase  *self,
                                         gint64        campaign_id,
                                         const char   *table,
                                         gint64        record_id,
                                         const char   *action,
                                         const char   *field,
                                         const char   *old_value,
                                         const char   *new_value,
                                         GError      **error);
void          llw_database_emit_changed (LlwDatabase  *self,
                                         const char   *table,
                                         gint64        id);
void          llw_database_flush_changes (LlwDatabase *self);

/* An indicator of a campaign as figures are checked against it. */
typedef struct
{
  gint64 id;
  char *code;
  char *label;
  char *at_least;
  int decimals;
} LlwIndicatorInfo;

GHashTable   *llw_database_load_indicators (LlwDatabase *self,
                                           gint64       campaign_id,
                                           GError     **error);

void          llw_stmt_bind_text        (sqlite3_stmt *stmt,
                                         int           index,
                                         const char   *text);
void          llw_stmt_bind_optional    (sqlite3_stmt *stmt,
                                         int           index,
                                         const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static inline char *
llw_stmt_dup_text (sqlite3_stmt *stmt,
                   int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

G_END_DECLS
