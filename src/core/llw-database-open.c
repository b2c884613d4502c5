/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "llw-database-private.h"
#include "llw-file.h"

/* How an existing file is looked at before llweek works on it. A file from elsewhere
 * (e-mail, a USB stick) is only ever read until it has been found to be an llweek database:
 * an ordinary file, with an ordinary log and index beside it if any; SQLite, llweek's,
 * not from a newer version, every page readable, and a schema llweek made itself
 * (llw-database-schema.c). Nothing of it runs: every connection has trusted_schema off.
 *
 * A file that SQLite would change on opening (a write-ahead log or a rollback journal left
 * by a crash, replayed into the file) is first copied aside with its log into the backups,
 * and checked through a connection that does not fold the log into the file; a log that
 * does not fit the file (a database copied over another) is caught by the full integrity
 * check, and then the copies are put back. */

static const char *const companions[] = { "-wal", "-shm", "-journal" };

typedef enum
{
  LOOK_IMMUTABLE,   /* the file alone, without locks: nobody else writes it */
  LOOK_READ_ONLY,   /* through its log, with another copy of llweek writing it */
  LOOK_RECOVER,     /* replaying its log, which is never folded into the file here */
} LookMode;

typedef struct
{
  gboolean exists;
  gboolean empty;
  gboolean pending;      /* a log or journal beside it holds changes not in the file */
  guint32 user_version;
  guint32 application_id;
  int n_tables;
} FileHeader;

static goffset
file_size (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_file_info_get_size (info) : 0;
}

/* Returns: whether a log or journal beside @path holds changes, which opening would replay
 *   into the file. */
static gboolean
has_pending (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  return file_size (wal) > 0 || file_size (journal) > 0;
}

/* The file and the files SQLite keeps beside it are ordinary files, or none; @shown is the
 * file as the user named it, @real as its links resolve. */
static gboolean
check_files (const char  *shown,
             const char  *real,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_filename_display_name (shown);

  if (!llw_file_check_regular (shown, TRUE, &local_error))
    {
      g_set_error_literal (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                           local_error->message);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *companion = g_strconcat (real, companions[i], NULL);

      if (!llw_file_check_regular (companion, TRUE, &local_error))
        {
          g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                       _("Cannot open “%s”: %s"), name, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads the 100-byte SQLite header with GIO, so that a file that is not SQLite at all is
 * refused without SQLite ever opening it. */
static gboolean
read_header (const char  *shown,
             const char  *real,
             FileHeader  *header,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (real);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_filename_display_name (shown);
  guint8 bytes[100];
  gsize n_read = 0;

  memset (header, 0, sizeof *header);
  if (!check_files (shown, real, error))
    return FALSE;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), bytes, sizeof bytes, &n_read, NULL,
                                &local_error))
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  header->exists = TRUE;
  header->pending = has_pending (real);
  /* An empty file is a new database, unless its log holds what was written to it. */
  header->empty = n_read == 0 && !header->pending;
  if (n_read == 0)
    return TRUE;

  if (n_read < sizeof bytes || memcmp (bytes, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_LLWEEK,
                   _("“%s” is not an llweek database. It was left unchanged."), name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_header (const char       *path,
              const FileHeader *header,
              GError          **error)
{
  g_autofree char *name = g_filename_display_name (path);

  if (header->application_id != LLW_APPLICATION_ID &&
      (header->application_id != 0 || header->user_version != 0 || header->n_tables > 0))
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_LLWEEK,
                   _("“%s” is another program’s database, not an llweek database. "
                     "It was left unchanged."), name);
      return FALSE;
    }

  if (header->user_version > LLW_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of llweek (database version %u; "
                     "this version reads up to %d). Please update llweek. "
                     "The file was left unchanged."),
                   name, header->user_version, LLW_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/**
 * llw_database_secure_connection:
 *
 * What every connection to a file gets first: nothing in the file's schema may run as if
 * llweek had written it, and the schema cannot be written around SQLite's checks.
 */
void
llw_database_secure_connection (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
}

/* Opens @path as @mode says. */
static int
open_connection (const char  *path,
                 LookMode     mode,
                 sqlite3    **db)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/\\:", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, mode == LOOK_IMMUTABLE ? "?immutable=1"
                                                                              : "", NULL);
  int flags = (mode == LOOK_RECOVER ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) |
              SQLITE_OPEN_URI | LLW_DATABASE_OPEN_THREADING;
  int rc = sqlite3_open_v2 (uri, db, flags, NULL);

  if (*db != NULL)
    {
      llw_database_secure_connection (*db);
      sqlite3_busy_timeout (*db, 5000);
      if (mode == LOOK_RECOVER)
        sqlite3_db_config (*db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    }
  return rc;
}

/* Sets @error from what SQLite said when it looked at @path: the real cause, in words the
 * user can act on. */
static gboolean
set_look_error (const char  *path,
                sqlite3     *db,
                int          rc,
                GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_LLWEEK,
                   _("“%s” is not an llweek database. It was left unchanged."), name);
      break;
    case SQLITE_FULL:
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                   _("The disk that holds “%s” is full, so it cannot be opened. Free some "
                     "space and try again. The file was left unchanged."), name);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_BUSY,
                   _("“%s” is busy: another program is working on it. Try again in a "
                     "moment. The file was left unchanged."), name);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened safely. Restore it from a backup. "
                     "The file was left unchanged."), name);
      break;
    default:
      if (db != NULL && sqlite3_system_errno (db) == ENOSPC)
        return set_look_error (path, db, SQLITE_FULL, error);
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN, _("Cannot open “%s”: %s"),
                   name, db != NULL && sqlite3_system_errno (db) != 0
                           ? g_strerror (sqlite3_system_errno (db))
                           : db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    }
  return FALSE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *value,
           int         *rc)
{
  sqlite3_stmt *stmt = NULL;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK && (*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return *rc == SQLITE_ROW;
}

/* Reads every page: a quick check, or the full check of what a replayed log gave, which
 * also finds a log that does not belong to its file. */
static gboolean
check_pages (sqlite3  *db,
             gboolean  full,
             int      *rc)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  *rc = sqlite3_prepare_v2 (db, full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)",
                            -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    *rc = sqlite3_step (stmt);
  if (*rc == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  /* A check that finds a problem says so in its row. */
  if (!ok && (*rc == SQLITE_ROW || *rc == SQLITE_DONE))
    *rc = SQLITE_CORRUPT;
  sqlite3_finalize (stmt);
  return ok;
}

/* Looks into @path through a connection of @mode, and checks its owner, version and
 * schema. Returns: whether it is an llweek database this version can open. */
static gboolean
look (const char  *shown,
      const char  *path,
      LookMode     mode,
      FileHeader  *header,
      GError     **error)
{
  sqlite3 *db = NULL;
  int application_id = 0, user_version = 0, rc;
  gboolean ok;

  rc = open_connection (path, mode, &db);
  ok = rc == SQLITE_OK && check_pages (db, mode == LOOK_RECOVER, &rc) &&
       query_int (db, "PRAGMA application_id", &application_id, &rc) &&
       query_int (db, "PRAGMA user_version", &user_version, &rc) &&
       query_int (db, "SELECT count(*) FROM sqlite_schema", &header->n_tables, &rc);
  header->application_id = (guint32) application_id;
  header->user_version = (guint32) user_version;

  if (!ok)
    set_look_error (shown, db, rc, error);
  else
    ok = check_header (shown, header, error) &&
         (header->n_tables == 0 ||
          llw_database_check_schema (db, shown, (int) header->user_version, error));

  sqlite3_close_v2 (db);
  return ok;
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

/* The changes in the log cannot be read where neither the log's index can be made nor the
 * log replayed. */
static gboolean
refuse_unreadable_log (LlwDatabase  *self,
                       GError      **error)
{
  g_autofree char *name = g_filename_display_name (self->path);
  g_autofree char *wal = g_strconcat (name, "-wal", NULL);

  g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_READ_ONLY,
               _("The last changes to “%s” are still in “%s”, and they cannot be read here "
                 "because the folder cannot be written. Copy both files to a folder that "
                 "can be written and open the copy. The files were left unchanged."),
               name, wal);
  return FALSE;
}

/* A file that cannot be written at all (a USB stick made read-only, a write-protected
 * folder) is read as it is, with its log if another program left the log's index. */
static gboolean
look_read_only (LlwDatabase  *self,
                FileHeader   *header,
                GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  self->read_only_reason = g_strdup_printf (_("“%s” cannot be written (a read-only file or "
                                              "folder): it is open for reading only."),
                                            self->path);
  self->read_only = TRUE;
  if (!header->pending)
    return look (self->path, self->real_path, LOOK_IMMUTABLE, header, error);

  self->read_through_log = TRUE;
  if (look (self->path, self->real_path, LOOK_READ_ONLY, header, &local_error))
    return TRUE;
  if (g_error_matches (local_error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN) ||
      g_error_matches (local_error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_CORRUPT))
    return refuse_unreadable_log (self, error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Replays a log left by a crash, after keeping a copy of the file and its log; a result
 * that fails the full check is undone by putting the copies back. */
static gboolean
look_recovering (LlwDatabase  *self,
                 FileHeader   *header,
                 GError      **error)
{
  g_autoptr(LlwRecovery) recovery = llw_recovery_keep (self, error);
  g_autoptr(GError) look_error = NULL;

  if (recovery == NULL)
    return FALSE;
  if (look (self->path, self->real_path, LOOK_RECOVER, header, &look_error))
    return TRUE;

  if (g_error_matches (look_error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_BUSY))
    {
      llw_recovery_discard (recovery);
      g_propagate_error (error, g_steal_pointer (&look_error));
      return FALSE;
    }
  if (!llw_recovery_put_back (recovery, error))
    return FALSE;
  if (g_error_matches (look_error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_CORRUPT))
    {
      g_autofree char *name = g_filename_display_name (self->path);
      g_autofree char *folder = g_filename_display_name (llw_recovery_get_folder (recovery));

      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_CORRUPT,
                   _("“%s” could not be recovered: the changes left beside it after an "
                     "interruption (“%s-wal”) do not fit it, as when a database is copied "
                     "over another. The file and its changes were put back as they were, and "
                     "a copy of them was kept in “%s”. Restore a backup, or ask for help "
                     "with that copy."), name, name, folder);
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&look_error));
  return FALSE;
}

/* Takes the writer's lock; without it, the file is read only. */
static void
take_lock (LlwDatabase *self)
{
  g_autofree char *lock_path = g_strconcat (self->real_path, ".lock", NULL);
  gboolean busy = FALSE;

  self->made_lock_file = !g_file_test (lock_path, G_FILE_TEST_EXISTS);
  self->lock = llw_database_lock_take (self->real_path, &busy);
  if (self->lock != NULL)
    return;

  self->read_only = TRUE;
  self->locked_out = busy;
  if (busy)
    self->read_only_reason = g_strdup_printf (_("Another copy of llweek, on this computer or "
                                                "another, has “%s” open: it is open here for "
                                                "reading only."), self->path);
  else
    self->read_only_reason = g_strdup_printf (_("llweek cannot make its lock file beside "
                                                "“%s”: it is open for reading only."),
                                              self->path);
}

/* Looks at an existing file as the comment at the top says, and decides whether it is open
 * for writing, with the writer's lock, or only for reading, and why. */
static gboolean
look_existing (LlwDatabase  *self,
               FileHeader   *header,
               GError      **error)
{
  g_autofree char *folder = g_path_get_dirname (self->real_path);
  gboolean ok;

  if (!can_write (self->real_path) || !can_write (folder))
    return look_read_only (self, header, error);

  take_lock (self);
  if (self->locked_out)
    {
      /* The copy that writes keeps the log and its index. */
      self->read_through_log = TRUE;
      return look (self->path, self->real_path, LOOK_READ_ONLY, header, error);
    }

  if (self->lock != NULL && header->pending)
    ok = look_recovering (self, header, error);
  else
    ok = look (self->path, self->real_path, LOOK_IMMUTABLE, header, error);

  if (!ok)
    llw_database_drop_lock (self);
  return ok;
}

/**
 * llw_database_drop_lock:
 *
 * Lets go of the writer's lock of a file that could not be opened after all, which is left
 * as it was: without the lock file, if this open made it.
 */
void
llw_database_drop_lock (LlwDatabase *self)
{
  g_autofree char *lock_path = g_strconcat (self->real_path, ".lock", NULL);

  if (self->lock == NULL)
    return;
  if (self->made_lock_file)
    g_remove (lock_path);
  g_clear_pointer (&self->lock, llw_database_lock_release);
}

/* Opens a connection to the file, for writing with @flags or for reading only as the file
 * was found. */
static gboolean
connect_file (LlwDatabase  *self,
              int           flags,
              GError      **error)
{
  int rc;

  if (self->read_only)
    rc = open_connection (self->real_path,
                          self->read_through_log ? LOOK_READ_ONLY : LOOK_IMMUTABLE, &self->db);
  else
    {
      rc = sqlite3_open_v2 (self->real_path, &self->db, flags | LLW_DATABASE_OPEN_THREADING,
                            NULL);
      if (self->db != NULL)
        llw_database_secure_connection (self->db);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }
  return TRUE;
}

/* Opens the main connection to the file, which has been looked at, or is new. */
static gboolean
open_main (LlwDatabase       *self,
           const FileHeader  *header,
           GError           **error)
{
  int flags = SQLITE_OPEN_READWRITE;

  if (!header->exists)
    {
      g_autofree char *folder = g_path_get_dirname (self->real_path);

      flags |= SQLITE_OPEN_CREATE;
      if (g_mkdir_with_parents (folder, 0755) != 0)
        {
          g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                       _("Cannot create the folder “%s”: %s"), folder, g_strerror (errno));
          return FALSE;
        }
    }
  if (!header->exists || header->empty)
    take_lock (self);

  if (!connect_file (self, flags, error))
    return FALSE;
  self->schema_version = (int) header->user_version;
  return TRUE;
}

/**
 * llw_database_open_second:
 * @self: a worker's database, with the paths and read-only state of its owner
 *
 * Opens a second connection to a file its owner opened already and checked, as the owner's
 * own was opened, and configures it the same way.
 *
 * Returns: %TRUE if the connection is open
 */
gboolean
llw_database_open_second (LlwDatabase  *self,
                          GError      **error)
{
  return connect_file (self, SQLITE_OPEN_READWRITE, error) && llw_database_configure (self, error);
}

/**
 * llw_database_open_file:
 * @self: a database whose path and real path are set
 * @created: (out): whether the file did not exist and was created
 *
 * Everything that opening does up to the main connection: checks the file as the comment
 * at the top of this file says, and opens it, for writing or for reading only.
 *
 * Returns: %TRUE if the main connection is open
 */
gboolean
llw_database_open_file (LlwDatabase  *self,
                        gboolean     *created,
                        GError      **error)
{
  FileHeader header;

  *created = FALSE;
  if (!read_header (self->path, self->real_path, &header, error))
    return FALSE;
  *created = !header.exists;

  if (header.exists && !header.empty && !look_existing (self, &header, error))
    return FALSE;

  return open_main (self, &header, error);
}

/**
 * llw_database_check_file:
 * @path: a file that should be an llweek database, such as a backup to restore
 * @version: (out): its schema version
 *
 * Checks the file as opening it would, without changing it: SQLite, llweek's, not from a
 * newer version, made by llweek alone, every page readable.
 *
 * Returns: %TRUE if it is a whole llweek database this version can open
 */
gboolean
llw_database_check_file (const char  *path,
                         int         *version,
                         GError     **error)
{
  FileHeader header;

  g_return_val_if_fail (path != NULL && version != NULL, FALSE);

  if (!read_header (path, path, &header, error) ||
      (header.exists && !header.empty &&
       !look (path, path, header.pending ? LOOK_READ_ONLY : LOOK_IMMUTABLE, &header, error)))
    return FALSE;

  if (!header.exists || header.empty || header.user_version == 0)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_LLWEEK,
                   _("“%s” is not an llweek database. It was left unchanged."), name);
      return FALSE;
    }

  *version = (int) header.user_version;
  return TRUE;
}

/* Opens a file that llw_database_check_file () accepted, for reading only, changing
 * nothing beside it. */
sqlite3 *
llw_database_open_copy (const char  *path,
                        GError     **error)
{
  sqlite3 *db = NULL;
  int rc = open_connection (path, has_pending (path) ? LOOK_READ_ONLY : LOOK_IMMUTABLE, &db);

  if (rc != SQLITE_OK)
    {
      set_look_error (path, db, rc, error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}
