/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "llw-backup-folder.h"
#include "llw-database-private.h"
#include "llw-output.h"

/* Copies of the database, made with SQLite's online backup so that each is consistent even
 * while the window is open: the automatic ones in the backups/ folder beside the file (see
 * llw-backup-folder.c for their names and which of them stay), and the ones the user saves
 * and restores.
 *
 * An automatic backup is taken only when the data differs from the newest backup: each
 * backup's name carries a fingerprint of the data it holds, a hash of its pages, which is
 * compared with the same hash of the database as it is now, read without writing anything.
 * Before a restore, an update of the file to a new version, or the copy of a campaign, a
 * backup is kept until the user deletes it; if one with the same data is there already,
 * that one is kept instead of a second. */

#define FINGERPRINT_LENGTH 16

/* Copies the database @from into the file @path, whole. */
static gboolean
copy_database (sqlite3     *from,
               const char  *path,
               GError     **error)
{
  sqlite3 *to = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (path, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (to, "main", from, "main");
      if (backup != NULL)
        {
          /* Copying in steps lets a writer elsewhere go on; -1 copies the rest at once. */
          while ((rc = sqlite3_backup_step (backup, 1024)) == SQLITE_OK ||
                 rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep (rc == SQLITE_OK ? 0 : 50);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (to);
    }

  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    g_set_error_literal (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                         to ? sqlite3_errmsg (to) : g_strerror (ENOMEM));
  sqlite3_close_v2 (to);
  return rc == SQLITE_OK || rc == SQLITE_DONE;
}

/* The hash of a database's pages, as SQLite's online backup copies them: the header
 * fields that SQLite sets anew in every copy (the journal mode's format numbers, the change
 * counter, the schema cookie, the version numbers) do not count. */
static char *
fingerprint_of (const guint8 *data,
                gsize         size)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 header[100];

  if (size >= sizeof header)
    {
      memcpy (header, data, sizeof header);
      memset (header + 18, 0, 2);
      memset (header + 24, 0, 4);
      memset (header + 40, 0, 4);
      memset (header + 92, 0, 8);
      g_checksum_update (checksum, header, sizeof header);
      data += sizeof header;
      size -= sizeof header;
    }
  g_checksum_update (checksum, data, size);
  return g_strndup (g_checksum_get_string (checksum), FINGERPRINT_LENGTH);
}

/* Returns: (transfer full): the fingerprint of the database as it is now; SQLite reads
 *   its pages, through the log, into memory, and nothing is written. */
static char *
live_fingerprint (LlwDatabase  *self,
                  GError      **error)
{
  sqlite3_int64 size = 0;
  unsigned char *data = sqlite3_serialize (self->db, "main", &size, 0);
  char *fingerprint;

  if (data == NULL)
    {
      llw_database_set_error (self, error, "serialize");
      return NULL;
    }
  fingerprint = fingerprint_of (data, (gsize) size);
  sqlite3_free (data);
  return fingerprint;
}

static char *
file_fingerprint (const char  *path,
                  GError     **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);

  if (mapped == NULL)
    return NULL;
  return fingerprint_of ((const guint8 *) g_mapped_file_get_contents (mapped),
                         g_mapped_file_get_length (mapped));
}

typedef struct
{
  LlwDatabase *self;
  const char *fingerprint;   /* what the copy must hold, when known */
} CopyJob;

static gboolean
write_copy (const char  *path,
            gpointer     user_data,
            GError     **error)
{
  CopyJob *job = user_data;

  return copy_database (job->self->db, path, error);
}

/* A copy is complete when it opens as a whole llweek database would and, when the data
 * it must hold is known, holds that. */
static gboolean
check_copy (const char  *path,
            gpointer     user_data,
            GError     **error)
{
  CopyJob *job = user_data;
  g_autofree char *fingerprint = NULL;
  int version;

  if (!llw_database_check_file (path, &version, error))
    return FALSE;
  if (job->fingerprint == NULL)
    return TRUE;
  fingerprint = file_fingerprint (path, error);
  if (fingerprint == NULL)
    return FALSE;
  if (g_str_equal (fingerprint, job->fingerprint))
    return TRUE;
  g_set_error_literal (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                       _("the copy came out different from the database"));
  return FALSE;
}

static gboolean
save_copy (LlwDatabase  *self,
           const char   *path,
           const char   *fingerprint,
           GError      **error)
{
  CopyJob job = { self, fingerprint };

  return llw_output_write (path, LLW_OUTPUT_REPLACES_COPY, write_copy, check_copy, &job,
                          error);
}

/**
 * llw_database_backup_to:
 * @path: the copy to write; an existing file there is replaced only once the copy is whole
 *
 * Saves a consistent copy of the whole database, as it is now, as every output is saved
 * (llw-output.c): never over the database itself or any file of it.
 *
 * Returns: %TRUE on success; on failure nothing is left at @path but what was there
 */
gboolean
llw_database_backup_to (LlwDatabase  *self,
                        const char   *path,
                        GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return save_copy (self, path, NULL, error);
}

/* Returns: (transfer full): the folder of automatic backups, beside the database's file. */
char *
llw_database_get_backup_folder (LlwDatabase *self)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);

  folder = g_path_get_dirname (self->real_path);
  return g_build_filename (folder, "backups", NULL);
}

/* Returns: (transfer none) (nullable): a backup that holds @fingerprint already: for a
 *   regular backup the newest, for a backup to be kept any. */
static LlwBackup *
find_same (GPtrArray       *backups,
           const char      *fingerprint,
           LlwBackupReason  reason)
{
  for (guint i = 0; i < backups->len; i++)
    {
      LlwBackup *backup = g_ptr_array_index (backups, i);

      if (backup->reason == LLW_BACKUP_BEFORE_RECOVERY)
        continue;
      if (g_strcmp0 (backup->fingerprint, fingerprint) == 0)
        return backup;
      if (reason == LLW_BACKUP_REGULAR)
        return NULL;
    }
  return NULL;
}

/* Keeps @backup until the user deletes it, giving it the tag of @reason. */
static gboolean
keep_for_good (const char       *folder,
               const char       *base,
               const LlwBackup  *backup,
               LlwBackupReason   reason,
               GError          **error)
{
  g_autofree char *name = llw_backup_make_name (base, backup->stamp, backup->fingerprint, reason,
                                                0);
  g_autofree char *from = g_build_filename (folder, backup->name, NULL);
  g_autofree char *to = g_build_filename (folder, name, NULL);

  if (backup->reason != LLW_BACKUP_REGULAR || g_rename (from, to) == 0)
    return TRUE;
  g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
               _("Cannot keep the backup “%s”: %s"), from, g_strerror (errno));
  return FALSE;
}

/* Takes an automatic backup for @reason, unless one with the same data stands for it. */
static gboolean
take_backup (LlwDatabase      *self,
             LlwBackupReason   reason,
             GError          **error)
{
  g_autofree char *folder = llw_database_get_backup_folder (self);
  g_autofree char *base = llw_backup_base_name (self->real_path);
  g_autofree char *fingerprint = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  LlwBackup *same;
  gboolean ok = TRUE;

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), folder, g_strerror (errno));
      return FALSE;
    }
  fingerprint = live_fingerprint (self, error);
  if (fingerprint == NULL)
    return FALSE;

  backups = llw_backup_folder_list (folder, base);
  same = find_same (backups, fingerprint, reason);
  name = llw_backup_make_name (base, stamp, fingerprint, reason, 0);
  path = g_build_filename (folder, name, NULL);

  if (same != NULL)
    ok = reason == LLW_BACKUP_REGULAR || keep_for_good (folder, base, same, reason, error);
  else if (!g_file_test (path, G_FILE_TEST_EXISTS))
    ok = save_copy (self, path, fingerprint, error);

  if (ok)
    llw_backup_folder_prune (folder, base);
  return ok;
}

/**
 * llw_database_backup_automatic:
 *
 * Keeps a copy in the backups/ folder beside the database, as done at every start, when
 * the data differs from the newest backup there.
 *
 * Returns: %TRUE on success, including when no new copy was needed
 */
gboolean
llw_database_backup_automatic (LlwDatabase  *self,
                               GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);

  return take_backup (self, LLW_BACKUP_REGULAR, error);
}

/**
 * llw_database_backup_before:
 * @reason: what is about to change the data
 *
 * Keeps a copy of the data as it is, until the user deletes it: before a restore, an
 * update to a new version of the file, or the copy of a campaign.
 *
 * Returns: %TRUE on success; on failure, the change must not go ahead
 */
gboolean
llw_database_backup_before (LlwDatabase      *self,
                            LlwBackupReason   reason,
                            GError          **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (reason != LLW_BACKUP_REGULAR && reason != LLW_BACKUP_BEFORE_RECOVERY,
                        FALSE);

  return take_backup (self, reason, error);
}

/**
 * llw_database_restore:
 * @path: a copy saved earlier
 *
 * Replaces the database with the copy at @path, after checking that the copy is a whole
 * llweek database this version can read, and after keeping a backup of the database as it
 * is now. The copy itself is not changed.
 *
 * Returns: %TRUE on success; on failure the database is as it was
 */
gboolean
llw_database_restore (LlwDatabase  *self,
                      const char   *path,
                      GError      **error)
{
  sqlite3 *from = NULL;
  sqlite3_backup *backup;
  int version = 0;
  int rc;

  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);

  /* Stopped on a worker thread (its cancellable, see g_cancellable_push_current ()) once
   * the backup is made, the database is left as it was. */
  if (!llw_database_check_file (path, &version, error) ||
      !llw_database_backup_before (self, LLW_BACKUP_BEFORE_RESTORE, error) ||
      g_cancellable_set_error_if_cancelled (g_cancellable_get_current (), error))
    return FALSE;

  from = llw_database_open_copy (path, error);
  if (from == NULL)
    return FALSE;

  /* One step copies every page in a single transaction of the destination: a failure
   * halfway leaves the database as it was. */
  backup = sqlite3_backup_init (self->db, "main", from, "main");
  rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (self->db);
  if (backup != NULL)
    sqlite3_backup_finish (backup);
  sqlite3_close_v2 (from);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_QUERY,
                   _("“%s” could not be restored: %s"), path, sqlite3_errstr (rc));
      return FALSE;
    }

  g_hash_table_remove_all (self->cache);
  self->schema_version = version;
  if (!llw_database_migrate (self, error))
    return FALSE;

  /* The copy restored is in the log, every page of it: the file alone must hold it. */
  llw_database_checkpoint (self, TRUE, NULL);
  llw_database_emit_changed (self, "campaign", 0);
  return TRUE;
}
