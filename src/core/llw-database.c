/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "llw-core-resources.h"
#include "llw-database-private.h"
#include "llw-file.h"
#include "llw-output.h"
#include "llw-sqlite-locks.h"

/* How long a write waits for another connection before it gives up. */
#define BUSY_TIMEOUT_MS 5000

/* One schema file a version, applied in order; the index + 1 is the version it makes. */
static const char *const migrations[] = {
  "/io/github/llweek/Llweek/core/schema/001-initial.sql",
  "/io/github/llweek/Llweek/core/schema/002-report-text.sql",
  "/io/github/llweek/Llweek/core/schema/003-reopened.sql",
  "/io/github/llweek/Llweek/core/schema/004-forms.sql",
  "/io/github/llweek/Llweek/core/schema/005-assigned-unit.sql",
  "/io/github/llweek/Llweek/core/schema/006-check-comparisons.sql",
  "/io/github/llweek/Llweek/core/schema/007-report-theme-index.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LLW_DATABASE_SCHEMA_VERSION);

G_DEFINE_FINAL_TYPE (LlwDatabase, llw_database, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (llw-database-error-quark, llw_database_error)

/* Returns: (transfer full): the SQL of the migration that makes version @index + 1. */
GBytes *
llw_database_get_migration (guint    index,
                            GError **error)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (migrations), NULL);

  return g_resource_lookup_data (llw_core_get_resource (), migrations[index],
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

gboolean
llw_database_configure (LlwDatabase  *self,
                        GError      **error)
{
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* WAL lets the window read while a save is written; synchronous=FULL makes a confirmed
   * save survive a power cut, not only a crash. */
  return llw_database_exec (self, "PRAGMA foreign_keys = ON", error) &&
         (self->read_only ||
          (llw_database_exec (self, "PRAGMA journal_mode = WAL", error) &&
           llw_database_exec (self, "PRAGMA synchronous = FULL", error)));
}

static gboolean
apply_migration (LlwDatabase  *self,
                 guint         index,
                 GError      **error)
{
  g_autoptr(GBytes) sql = NULL;
  g_autofree char *stamp = NULL;

  sql = llw_database_get_migration (index, error);
  if (sql == NULL)
    return FALSE;

  stamp = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u",
                           LLW_APPLICATION_ID, index + 1);

  return llw_database_exec (self, g_bytes_get_data (sql, NULL), error) &&
         llw_database_exec (self, stamp, error);
}

/* A migration that rebuilds a table drops the old one, which with foreign keys on would
 * first delete every row that refers to it (ON DELETE CASCADE). So migrations run with
 * foreign keys off, as SQLite's ALTER TABLE documentation says, and each one checks them
 * before it commits. */
static gboolean
check_foreign_keys (LlwDatabase  *self,
                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self, "PRAGMA foreign_key_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_CORRUPT,
                 _("“%s” could not be updated: a row of “%s” refers to one that does not exist."),
                 self->path, (const char *) sqlite3_column_text (stmt, 0));
  else
    llw_database_set_error (self, error, "PRAGMA foreign_key_check");
  return FALSE;
}

static gboolean
migrate (LlwDatabase  *self,
         GError      **error)
{
  gboolean is_new = self->schema_version == 0;
  guint from = (guint) self->schema_version;

  if (self->read_only)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_READ_ONLY,
                   _("“%s” was made by an older version of llweek and cannot be updated "
                     "while it is read-only. Open a copy that can be written."), self->path);
      return FALSE;
    }
  if (!is_new && !llw_database_backup_before (self, LLW_BACKUP_BEFORE_MIGRATION, error))
    return FALSE;

  for (guint i = from; i < G_N_ELEMENTS (migrations); i++)
    {
      gboolean ok;

      if ((i == from || !is_new) && !llw_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      ok = apply_migration (self, i, error);
      if (ok && is_new && i + 1 == G_N_ELEMENTS (migrations))
        ok = llw_database_seed_default (self, error);

      if (ok && (!is_new || i + 1 == G_N_ELEMENTS (migrations)))
        ok = check_foreign_keys (self, error) && llw_database_exec (self, "COMMIT", error);

      if (!ok)
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      self->schema_version = (int) i + 1;
    }

  return TRUE;
}

/* Each migration is one transaction. A new file gets its whole schema and the default
 * campaign in a single transaction, so it is never left half made; an existing one is
 * backed up first, and that backup is kept until the user deletes it. */
gboolean
llw_database_migrate (LlwDatabase  *self,
                      GError      **error)
{
  gboolean ok;

  if (self->schema_version >= (int) G_N_ELEMENTS (migrations))
    return TRUE;
  if (!llw_database_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  ok = migrate (self, error);
  return llw_database_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL) && ok;
}

/* Returns: the schema version the file holds now, or -1 if it cannot be read. */
int
llw_database_read_schema_version (LlwDatabase *self)
{
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self, "PRAGMA user_version", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -1;
}

static void
llw_database_finalize (GObject *object)
{
  LlwDatabase *self = (LlwDatabase *) object;

  g_hash_table_destroy (self->cache);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  if (self->is_protected)
    llw_output_unprotect_database (self->real_path);
  g_clear_pointer (&self->lock, llw_database_lock_release);
  g_free (self->read_only_reason);
  g_free (self->path);
  g_free (self->real_path);
  g_free (self->stamp);
  g_array_unref (self->pending);
  g_clear_object (&self->owner);
  g_clear_pointer (&self->owner_context, g_main_context_unref);

  G_OBJECT_CLASS (llw_database_parent_class)->finalize (object);
}

static void
llw_database_class_init (LlwDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_database_finalize;

  /* Before the first database opens, so that no lock of it can be lost. */
  llw_sqlite_locks_install ();

  /**
   * LlwDatabase::changed:
   * @table: the table of the record that changed
   * @id: the record, or 0 when many records of @table changed
   *
   * Emitted after a change is committed, so that every view shows it.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
llw_database_init (LlwDatabase *self)
{
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

/**
 * llw_database_default_path:
 *
 * Returns: where the office's database lives unless another is asked for: the user's data
 *   folder (on Windows, under %LOCALAPPDATA%), llweek/llweek.db.
 */
char *
llw_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "llweek", "llweek.db", NULL);
}

/**
 * llw_database_open:
 * @path: the database file; it is created, with the default campaign, if it does not exist
 * @error: return location for an error
 *
 * Opens an llweek database and brings its schema up to date. A file that is not an llweek
 * database, is damaged, or comes from a newer version is refused and left untouched.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
LlwDatabase *
llw_database_open (const char  *path,
                   GError     **error)
{
  g_autoptr(LlwDatabase) self = NULL;
  gboolean created = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LLW_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  /* The file itself, whatever link leads to it: SQLite keeps its logs beside it, and the
   * writer's lock and the backups go there too. */
  self->real_path = llw_file_resolve_links (path);

  if (!llw_database_open_file (self, &created, error) || !llw_database_configure (self, error) ||
      !llw_database_migrate (self, error))
    {
      g_clear_pointer (&self->db, sqlite3_close_v2);
      llw_database_drop_lock (self);
      /* A file this call created and could not finish is not left behind half made. */
      if (created)
        {
          const char *suffixes[] = { "-wal", "-shm", "-journal", "" };

          for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
            {
              g_autofree char *file = g_strconcat (self->real_path, suffixes[i], NULL);

              g_remove (file);
            }
        }
      return NULL;
    }

  /* No output, whatever name or link it is given, ever replaces a file of this database. */
  llw_output_protect_database (self->real_path);
  self->is_protected = TRUE;
  self->created = created;
  /* A new or migrated file, or a log left by a crash and found sound, goes into the file
   * at once. */
  llw_database_checkpoint (self, TRUE, NULL);
  return g_steal_pointer (&self);
}

/* Returns: whether llw_database_open () created the file, with the default campaign. */
gboolean
llw_database_was_created (LlwDatabase *self)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);

  return self->created;
}

const char *
llw_database_get_path (LlwDatabase *self)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);

  return self->path;
}

/* Returns: whether changes are refused, because the file cannot be written or another copy
 * of llweek writes to it; llw_database_get_read_only_reason () says which, for the user. */
gboolean
llw_database_is_read_only (LlwDatabase *self)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), TRUE);

  return self->read_only;
}

/* Returns: (nullable): why the database is open for reading only, in the user's language. */
const char *
llw_database_get_read_only_reason (LlwDatabase *self)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);

  return self->read_only_reason;
}

/**
 * llw_database_checkpoint:
 * @wait: whether to wait (up to the busy timeout) for another connection that reads the
 *   log, such as an export in progress; without waiting, a checkpoint that cannot finish
 *   fails at once, to be tried again later
 *
 * Folds the write-ahead log back into the database file and empties it, so that the file
 * alone holds every saved change: office staff copy "the database" to a USB stick or send
 * it by e-mail, one file. Done after opening, a restore and an import, when the window
 * closes and while it is idle. A file open for reading only, or a transaction under way,
 * is left.
 *
 * Returns: %TRUE once the file holds everything saved
 */
gboolean
llw_database_checkpoint (LlwDatabase  *self,
                         gboolean      wait,
                         GError      **error)
{
  int rc;

  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);

  if (self->read_only || self->depth > 0)
    return TRUE;
  if (!wait)
    sqlite3_busy_timeout (self->db, 0);
  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (!wait)
    sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (rc != SQLITE_OK)
    {
      llw_database_set_error (self, error, "checkpoint");
      return FALSE;
    }
  return TRUE;
}

/* Returns: the schema version of the open file, LLW_DATABASE_SCHEMA_VERSION once opened. */
int
llw_database_get_schema_version (LlwDatabase *self)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), 0);

  return self->schema_version;
}

/* Notes a change, announced by LlwDatabase::changed once its transaction commits. */
void
llw_database_emit_changed (LlwDatabase *self,
                           const char  *table,
                           gint64       id)
{
  PendingChange change = { g_intern_string (table), id };

  g_array_append_val (self->pending, change);
  if (self->depth == 0)
    llw_database_flush_changes (self);
}

void
llw_database_flush_changes (LlwDatabase *self)
{
  g_autoptr(GArray) pending = self->pending;

  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  if (self->owner != NULL)
    {
      llw_database_forward_changes (self, g_steal_pointer (&pending));
      return;
    }
  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *change = &g_array_index (pending, PendingChange, i);

      g_signal_emit (self, signals[CHANGED], 0, change->table, change->id);
    }
}

/* Sets @error from SQLite's last error, in words the user can act on where there are some;
 * @what says which statement failed. */
void
llw_database_set_error (LlwDatabase  *self,
                        GError      **error,
                        const char   *what)
{
  int rc = sqlite3_errcode (self->db);

  if (rc == SQLITE_IOERR && sqlite3_system_errno (self->db) == ENOSPC)
    rc = SQLITE_FULL;
  if (rc == SQLITE_IOERR && sqlite3_system_errno (self->db) == 0)
    rc = SQLITE_ERROR;
  switch (rc)
    {
    case SQLITE_FULL:
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_QUERY,
                   _("The disk that holds “%s” is full: the change was not saved. Free some "
                     "space and try again."), self->path);
      break;
    case SQLITE_READONLY:
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: the change was not saved."), self->path);
      break;
    case SQLITE_IOERR:
      /* The system's own words, where SQLite says only "disk I/O error". */
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_QUERY,
                   _("“%s” cannot be read or written: %s"), self->path,
                   g_strerror (sqlite3_system_errno (self->db)));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_QUERY,
                   _("“%s” is busy with another change: the change was not saved. Try again "
                     "in a moment."), self->path);
      break;
    default:
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_QUERY,
                   _("Database error in “%s”: %s"), self->path, sqlite3_errmsg (self->db));
      break;
    }
  g_debug ("failed statement: %s", what);
}

sqlite3_stmt *
llw_database_prepare (LlwDatabase  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      llw_database_set_error (self, error, sql);
      return NULL;
    }

  return stmt;
}

/**
 * llw_database_cached:
 * @sql: a statement in static storage: the cache is keyed by its address
 *
 * For statements run many times in a row, such as the lines of an import and their
 * history: prepared once, reset and cleared of bindings for each use.
 *
 * Returns: (transfer none): the statement, owned by the database, or %NULL with @error set
 */
sqlite3_stmt *
llw_database_cached (LlwDatabase  *self,
                     const char   *sql,
                     GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->cache, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL)
          != SQLITE_OK)
        {
          llw_database_set_error (self, error, sql);
          return NULL;
        }
      g_hash_table_insert (self->cache, (gpointer) sql, stmt);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

gboolean
llw_database_exec (LlwDatabase  *self,
                   const char   *sql,
                   GError      **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      llw_database_set_error (self, error, sql);
      return FALSE;
    }

  return TRUE;
}

/* Runs a statement that returns no rows. */
gboolean
llw_database_step_done (LlwDatabase  *self,
                        sqlite3_stmt *stmt,
                        GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      llw_database_set_error (self, error, sqlite3_sql (stmt));
      return FALSE;
    }

  return TRUE;
}

/* Binds @text, or "" for %NULL. */
void
llw_stmt_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

/* Binds @text, or NULL for a %NULL or empty string: optional dates are stored as NULL. */
void
llw_stmt_bind_optional (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}
