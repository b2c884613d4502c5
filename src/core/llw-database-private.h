/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "llw-backup-folder.h"
#include "llw-database.h"

G_BEGIN_DECLS

/* Written into the SQLite header ("LLWK"), so that another program's database is told
 * apart from ours before anything is written to it. */
#define LLW_APPLICATION_ID 0x4C4C574B
#define LLW_APPLICATION_ID_BYTES "LLWK"

/* Each connection is used by one thread at a time: the owner's by its thread, a worker's by
 * its job (llw-database-worker.c). So SQLite need not lock a connection around every call,
 * which took a fifth of reading 50,000 report statuses. */
#define LLW_DATABASE_OPEN_THREADING SQLITE_OPEN_NOMUTEX

typedef struct _LlwDatabaseLock LlwDatabaseLock;

/* A change made in the open transaction, announced once it commits. */
typedef struct
{
  const char *table;   /* interned */
  gint64 id;
} PendingChange;

typedef struct _LlwRecovery LlwRecovery;

struct _LlwDatabase
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;           /* as the user gave it, for messages */
  char *real_path;      /* the file itself, links resolved */
  int schema_version;
  guint depth;          /* transactions and savepoints open, see llw_database_begin () */
  GArray *pending;      /* PendingChange: announced once the outermost transaction commits */
  GHashTable *cache;    /* static SQL text → prepared statement, see llw_database_cached () */
  char *stamp;          /* when the open transaction began: the time of its history lines */
  LlwDatabaseLock *lock;  /* the writer's lock, see llw-database-lock.c */
  gboolean read_only;
  gboolean locked_out;  /* read-only because another copy of llweek writes to the file */
  gboolean read_through_log;  /* read-only, with changes in the log beside the file */
  char *read_only_reason;
  gboolean is_protected;  /* known to llw_output_protect_database () */
  gboolean created;     /* the file was made by this open */
  gboolean made_lock_file;  /* and the lock file beside it */
  LlwDatabase *owner;   /* a worker's: the database whose thread announces its changes */
  GMainContext *owner_context;
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
int           llw_database_read_schema_version (LlwDatabase *self);
gboolean      llw_database_configure    (LlwDatabase  *self,
                                         GError      **error);
GBytes       *llw_database_get_migration (guint        index,
                                          GError     **error);

/* llw-database-open.c */
gboolean      llw_database_open_file    (LlwDatabase  *self,
                                         gboolean     *created,
                                         GError      **error);
sqlite3      *llw_database_open_copy    (const char   *path,
                                         GError      **error);
void          llw_database_secure_connection (sqlite3 *db);
void          llw_database_drop_lock    (LlwDatabase  *self);
gboolean      llw_database_open_second  (LlwDatabase  *self,
                                         GError      **error);

/* llw-database-worker.c */
void          llw_database_forward_changes (LlwDatabase *self,
                                            GArray      *changes);

/* llw-database-schema.c */
gboolean      llw_database_check_schema (sqlite3      *db,
                                         const char   *path,
                                         int           version,
                                         GError      **error);

/* llw-database-lock.c */
LlwDatabaseLock *llw_database_lock_take    (const char      *real_path,
                                            gboolean        *busy);
void             llw_database_lock_release (LlwDatabaseLock *lock);

/* llw-database-recovery.c */
LlwRecovery  *llw_recovery_keep         (LlwDatabase  *self,
                                         GError      **error);
gboolean      llw_recovery_put_back     (LlwRecovery  *recovery,
                                         GError      **error);
const char   *llw_recovery_get_folder   (LlwRecovery  *recovery);
void          llw_recovery_discard      (LlwRecovery  *recovery);
void          llw_recovery_free         (LlwRecovery  *recovery);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlwRecovery, llw_recovery_free)

/* llw-database-backup.c */
gboolean      llw_database_backup_before (LlwDatabase     *self,
                                          LlwBackupReason  reason,
                                          GError         **error);

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
gboolean      llw_database_log_inserts  (LlwDatabase  *self,
                                         gint64        campaign_id,
                                         const char   *table,
                                         const gint64 *record_ids,
                                         guint         n,
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
