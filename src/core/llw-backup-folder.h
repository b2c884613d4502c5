/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why an automatic backup was taken: all but the regular ones are kept until the user
 * deletes them. */
typedef enum
{
  LLW_BACKUP_REGULAR,               /* at start, when the data changed since the last one */
  LLW_BACKUP_BEFORE_RESTORE,
  LLW_BACKUP_BEFORE_MIGRATION,
  LLW_BACKUP_BEFORE_CAMPAIGN_COPY,
  LLW_BACKUP_BEFORE_RECOVERY,       /* the file and its logs as a crash left them */
} LlwBackupReason;

/* One backup of the folder, as its name tells. */
typedef struct
{
  char *name;              /* the .db file; a recovery copy has its logs beside it */
  char *stamp;             /* YYYYMMDD-HHMMSS, local time */
  char *fingerprint;       /* of its data, or NULL where the name gives none */
  LlwBackupReason reason;
  gint64 modified;         /* microseconds since 1970, to order copies of one second */
} LlwBackup;

char      *llw_backup_base_name        (const char      *database_path);
char      *llw_backup_make_name        (const char      *base,
                                        const char      *stamp,
                                        const char      *fingerprint,
                                        LlwBackupReason  reason,
                                        guint            counter);
gboolean   llw_backup_parse_name       (const char      *base,
                                        const char      *name,
                                        LlwBackup       *backup,
                                        const char     **log_suffix);
void       llw_backup_clear            (LlwBackup       *backup);
GPtrArray *llw_backup_folder_list      (const char      *folder,
                                        const char      *base);
void       llw_backup_folder_prune     (const char      *folder,
                                        const char      *base);

G_END_DECLS
