/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "llw-core-resources.h"
#include "llw-database-private.h"

/* Written into the SQLite header ("LLWK"), so that another program's database is told
 * apart from ours before anything is written to it. */
#define LLW_APPLICATION_ID 0x4C4C574B

/* One schema file a version, applied in order; the index + 1 is the version it makes. */
static const char *const migrations[] = {
  "/io/github/llweek/Llweek/core/schema/001-initial.sql",
  "/io/github/llweek/Llweek/core/schema/002-report-text.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LLW_DATABASE_SCHEMA_VERSION);

G_DEFINE_FINAL_TYPE (LlwDatabase, llw_database, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  const char *table;   /* interned */
  gint64 id;
} PendingChange;

G_DEFINE_QUARK (llw-database-error-quark, llw_database_error)

typedef struct
{
  gboolean exists;
  gboolean empty;
  guint32 user_version;
  guint32 application_id;
  int n_tables;
} FileHeader;

static gboolean
has_log (const char *path)
{
  g_autofree char *log = g_strconcat (path, "-wal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (log);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL && g_file_info_get_size (info) > 0;
}

/* Reads the 100-byte SQLite header with GIO, so that a file that is not SQLite at all is
 * refused without SQLite ever opening it. */
static gboolean
read_header (const char  *path,
             FileHeader  *header,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 bytes[100];
  gsize n_read = 0;

  memset (header, 0, sizeof *header);

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), bytes, sizeof bytes, &n_read, NULL,
                                &local_error))
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  header->exists = TRUE;
  /* An empty file is a new database, unless its log holds what was written to it. */
  header->empty = n_read == 0 && !has_log (path);
  if (n_read == 0)
    return TRUE;

  if (n_read < sizeof bytes || memcmp (bytes, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_LLWEEK,
                   _("“%s” is not an llweek database. It was left unchanged."), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_header (const char       *path,
              const FileHeader *header,
              GError          **error)
{
  if (!header->exists || header->empty)
    return TRUE;

  if (header->application_id != LLW_APPLICATION_ID &&
      (header->application_id != 0 || header->user_version != 0 || header->n_tables > 0))
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_LLWEEK,
                   _("“%s” is another program’s database, not an llweek database. "
                     "It was left unchanged."), path);
      return FALSE;
    }

  if (header->user_version > LLW_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of llweek (database version %u; "
                     "this version reads up to %d). Please update llweek. "
                     "The file was left unchanged."),
                   path, header->user_version, LLW_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (LlwDatabase  *self,
           const char   *sql,
           int          *value,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      llw_database_set_error (self, error, sql);
      return FALSE;
    }

  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* A quick check reads every page, so a truncated or damaged file is caught at open rather
 * than halfway through the user's work. */
static gboolean
check_integrity (LlwDatabase  *self,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW &&
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
        return TRUE;
    }

  rc = sqlite3_errcode (self->db);
  if (rc == SQLITE_NOTADB)
    g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_LLWEEK,
                 _("“%s” is not an llweek database. It was left unchanged."), self->path);
  else
    g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_CORRUPT,
                 _("“%s” is damaged and cannot be opened safely. Restore it from a backup. "
                   "The file was left unchanged."), self->path);
  return FALSE;
}

static gboolean
configure (LlwDatabase  *self,
           GError      **error)
{
  sqlite3_busy_timeout (self->db, 5000);

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

  sql = g_resource_lookup_data (llw_core_get_resource (), migrations[index],
                                G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (sql == NULL)
    return FALSE;

  stamp = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u",
                           LLW_APPLICATION_ID, index + 1);

  return llw_database_exec (self, g_bytes_get_data (sql, NULL), error) &&
         llw_database_exec (self, stamp, error);
}

/* Each migration is one transaction. A new file gets its whole schema and the default
 * campaign in a single transaction, so it is never left half made; an existing one is
 * backed up first. */
gboolean
llw_database_migrate (LlwDatabase  *self,
                      GError      **error)
{
  gboolean is_new = self->schema_version == 0;
  guint from = (guint) self->schema_version;

  if (from >= G_N_ELEMENTS (migrations))
    return TRUE;
  if (self->read_only)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_READ_ONLY,
                   _("“%s” was made by an older version of llweek and cannot be updated "
                     "while it is read-only. Open a copy that can be written."), self->path);
      return FALSE;
    }
  if (!is_new && !llw_database_backup_automatic (self, error))
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
        ok = llw_database_exec (self, "COMMIT", error);

      if (!ok)
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      self->schema_version = (int) i + 1;
    }

  return TRUE;
}

static gboolean
inspect_with (LlwDatabase  *self,
              FileHeader   *header,
              int           flags,
              GError      **error)
{
  int application_id = 0, user_version = 0;
  gboolean ok;

  if (sqlite3_open_v2 (self->path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      g_clear_pointer (&self->db, sqlite3_close_v2);
      return FALSE;
    }

  ok = check_integrity (self, error) &&
       query_int (self, "PRAGMA application_id", &application_id, error) &&
       query_int (self, "PRAGMA user_version", &user_version, error) &&
       query_int (self, "SELECT count(*) FROM sqlite_schema", &header->n_tables, error);
  header->application_id = (guint32) application_id;
  header->user_version = (guint32) user_version;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  return ok;
}

/* Looks into an existing file: its version, its owner, its tables and a quick check of
 * every page, through a read-only connection, which never writes the file back, so that a
 * refused file stays as it was; it reads the write-ahead log too, so a database whose last
 * changes were never folded back into it (after a crash) is seen as it is. Only when the
 * log's index must be rebuilt after a crash, which a read-only connection cannot do, is
 * the look taken again through a connection that may write: rebuilding the index changes
 * no data. */
static gboolean
inspect (LlwDatabase  *self,
         FileHeader   *header,
         GError      **error)
{
  g_autoptr(GError) read_only_error = NULL;

  if (inspect_with (self, header, SQLITE_OPEN_READONLY, &read_only_error))
    return TRUE;
  if (read_only_error->code == LLW_DATABASE_ERROR_NOT_LLWEEK)
    {
      g_propagate_error (error, g_steal_pointer (&read_only_error));
      return FALSE;
    }
  return inspect_with (self, header, SQLITE_OPEN_READWRITE, error);
}

/* Opens the file for reading only. A file that cannot be written at all (a USB stick made
 * read-only, a write-protected folder) is opened as immutable, since SQLite could not even
 * create the files that shared reading needs; a file another copy of llweek writes to is
 * read with the usual locks, to see that copy's changes. */
static gboolean
open_read_only (LlwDatabase       *self,
                const FileHeader  *header,
                GError           **error)
{
  g_autofree char *escaped = g_uri_escape_string (self->path, "/\\:", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, self->locked_out ? "" : "?immutable=1",
                                      NULL);

  if (sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }

  self->schema_version = (int) header->user_version;
  return TRUE;
}

static gboolean
can_write (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL &&
         g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
}

/* Only one copy of llweek writes to a file at a time, whoever and wherever it runs: each
 * holds an exclusive SQLite lock on a small file beside the database for as long as it has
 * the database open. The system drops the lock when a process dies, so a crash never
 * leaves the file locked. Returns: whether this copy holds the lock. */
static gboolean
take_lock (LlwDatabase *self)
{
  g_autofree char *path = g_strconcat (self->path, ".lock", NULL);

  if (sqlite3_open_v2 (path, &self->lock, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      == SQLITE_OK &&
      sqlite3_exec (self->lock, "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = OFF; "
                                "BEGIN EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;

  g_clear_pointer (&self->lock, sqlite3_close_v2);
  return FALSE;
}

/* Decides whether an existing file is opened read-only, and why. */
static void
find_read_only (LlwDatabase *self)
{
  g_autofree char *folder = g_path_get_dirname (self->path);

  if (!can_write (self->path) || !can_write (folder))
    self->read_only_reason = g_strdup_printf (_("“%s” cannot be written (a read-only file or "
                                                "folder): it is open for reading only."),
                                              self->path);
  else if (!take_lock (self))
    {
      self->locked_out = TRUE;
      self->read_only_reason = g_strdup_printf (_("Another copy of llweek, on this computer or "
                                                  "another, has “%s” open: it is open here for "
                                                  "reading only."), self->path);
    }
  self->read_only = self->read_only_reason != NULL;
}

static gboolean
open_file (LlwDatabase       *self,
           const FileHeader  *header,
           GError           **error)
{
  int flags = SQLITE_OPEN_READWRITE;

  if (!header->exists || header->empty)
    take_lock (self);
  if (!header->exists)
    {
      g_autofree char *folder = g_path_get_dirname (self->path);

      flags |= SQLITE_OPEN_CREATE;
      if (g_mkdir_with_parents (folder, 0755) != 0)
        {
          g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                       _("Cannot create the folder “%s”: %s"), folder, g_strerror (errno));
          return FALSE;
        }
    }

  if (self->read_only)
    return open_read_only (self, header, error);

  if (sqlite3_open_v2 (self->path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }

  self->schema_version = (int) header->user_version;
  return TRUE;
}

static void
llw_database_finalize (GObject *object)
{
  LlwDatabase *self = (LlwDatabase *) object;

  g_hash_table_destroy (self->cache);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  if (self->lock != NULL)
    {
      g_autofree char *lock = g_strconcat (self->path, ".lock", NULL);

      g_clear_pointer (&self->lock, sqlite3_close_v2);
      g_remove (lock);  /* may fail where another copy has just opened it: harmless */
    }
  g_free (self->read_only_reason);
  g_free (self->path);
  g_free (self->stamp);
  g_array_unref (self->pending);

  G_OBJECT_CLASS (llw_database_parent_class)->finalize (object);
}

static void
llw_database_class_init (LlwDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_database_finalize;

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
  FileHeader header;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_header (path, &header, error))
    return NULL;

  self = g_object_new (LLW_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (header.exists && !header.empty &&
      (!inspect (self, &header, error) || !check_header (path, &header, error)))
    return NULL;

  if (header.exists && !header.empty)
    find_read_only (self);

  if (!open_file (self, &header, error) || !configure (self, error) ||
      !llw_database_migrate (self, error))
    {
      g_clear_pointer (&self->db, sqlite3_close_v2);
      /* A file this call created and could not finish is not left behind half made. */
      if (!header.exists)
        {
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          g_remove (wal);
          g_remove (shm);
          g_remove (path);
        }
      return NULL;
    }

  return g_steal_pointer (&self);
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
 * llw_database_check_file:
 * @path: a file that should be an llweek database, such as a backup to restore
 * @version: (out): its schema version
 *
 * Checks the file as opening it would, without changing it: SQLite, llweek's, not from a
 * newer version, every page readable.
 *
 * Returns: %TRUE if it is a whole llweek database this version can open
 */
gboolean
llw_database_check_file (const char  *path,
                         int         *version,
                         GError     **error)
{
  g_autoptr(LlwDatabase) probe = g_object_new (LLW_TYPE_DATABASE, NULL);
  FileHeader header;

  probe->path = g_strdup (path);
  if (!read_header (path, &header, error) ||
      (header.exists && !header.empty && !inspect (probe, &header, error)) ||
      !check_header (path, &header, error))
    return FALSE;

  if (!header.exists || header.empty || header.user_version == 0)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_LLWEEK,
                   _("“%s” is not an llweek database. It was left unchanged."), path);
      return FALSE;
    }

  *version = (int) header.user_version;
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
  switch (sqlite3_errcode (self->db))
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
