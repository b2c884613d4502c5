/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "llw-database-private.h"

/* Copies of the database, made with SQLite's online backup so that each is consistent even
 * while the window is open: automatic ones in a backups/ folder beside the file, and the
 * ones the user saves and restores. */

#define KEEP_LATEST 10

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
    g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                 _("Cannot write the copy “%s”: %s"), path,
                 to ? sqlite3_errmsg (to) : g_strerror (ENOMEM));
  sqlite3_close_v2 (to);
  return rc == SQLITE_OK || rc == SQLITE_DONE;
}

/**
 * llw_database_backup_to:
 * @path: the copy to write; an existing file there is replaced only once the copy is whole
 *
 * Saves a consistent copy of the whole database, as it is now.
 *
 * Returns: %TRUE on success; on failure nothing is left at @path but what was there
 */
gboolean
llw_database_backup_to (LlwDatabase  *self,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *temp = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) local_error = NULL;
  int fd;

  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);

  temp = g_build_filename (folder, ".llweek-backup-XXXXXX", NULL);
  fd = g_mkstemp (temp);
  if (fd < 0)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                   _("Cannot write in the folder “%s”: %s"), folder, g_strerror (errno));
      return FALSE;
    }
  g_close (fd, NULL);

  source = g_file_new_for_path (temp);
  target = g_file_new_for_path (path);
  if (!copy_database (self->db, temp, error) ||
      !g_file_move (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      if (local_error != NULL)
        g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                     _("Cannot write the copy “%s”: %s"), path, local_error->message);
      g_remove (temp);
      return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full): the folder of automatic backups, beside the database. */
char *
llw_database_get_backup_folder (LlwDatabase *self)
{
  g_autofree char *folder = g_path_get_dirname (self->path);

  return g_build_filename (folder, "backups", NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return -g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Keeps the latest KEEP_LATEST backups and the latest of every month; names sort by time. */
static void
prune (const char *folder,
       const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      /* prefix-YYYYMMDD-HHMMSS.db: the month is YYYYMM */
      char *month = g_strndup (file + strlen (prefix), 6);

      if (g_hash_table_add (months, month) || i < KEEP_LATEST)
        continue;

      {
        g_autofree char *old = g_build_filename (folder, file, NULL);

        g_remove (old);
      }
    }
}

/**
 * llw_database_backup_automatic:
 *
 * Keeps a copy in the backups/ folder beside the database, as done at every start and
 * before every change of schema: the last ten and one a month are kept.
 *
 * Returns: %TRUE on success
 */
gboolean
llw_database_backup_automatic (LlwDatabase  *self,
                               GError      **error)
{
  g_autofree char *folder = llw_database_get_backup_folder (self);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *prefix = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);

  if (g_str_has_suffix (base, ".db"))
    base[strlen (base) - 3] = '\0';
  prefix = g_strconcat (base, "-", NULL);
  name = g_strconcat (prefix, stamp, ".db", NULL);
  path = g_build_filename (folder, name, NULL);

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), folder, g_strerror (errno));
      return FALSE;
    }

  if (!llw_database_backup_to (self, path, error))
    return FALSE;
  prune (folder, prefix);
  return TRUE;
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

  if (!llw_database_check_file (path, &version, error) ||
      !llw_database_backup_automatic (self, error))
    return FALSE;

  if (sqlite3_open_v2 (path, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN, _("Cannot open “%s”: %s"),
                   path, from ? sqlite3_errmsg (from) : g_strerror (ENOMEM));
      sqlite3_close_v2 (from);
      return FALSE;
    }

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
