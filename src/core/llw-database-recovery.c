/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "llw-backup-folder.h"
#include "llw-database-private.h"

/* Recovery made reversible: before SQLite replays into a file the changes a crash left in
 * its log (or rolls back a journal), the file and its -wal, -shm and -journal are copied,
 * byte for byte, into the backups folder, as BASE-YYYYMMDD-HHMMSS-truoc-phuc-hoi.db and its
 * logs. If the recovered file turns out damaged, the copies are put back. */

static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

struct _LlwRecovery
{
  char *folder;
  gboolean made_folder;                      /* the backups folder did not exist */
  char *original;                            /* the database's real file */
  char *copy;                                /* its copy in the backups folder */
  gboolean existed[G_N_ELEMENTS (suffixes)]; /* which of the file and its logs were there */
};

void
llw_recovery_free (LlwRecovery *recovery)
{
  g_free (recovery->folder);
  g_free (recovery->original);
  g_free (recovery->copy);
  g_free (recovery);
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GFileCopyFlags flags,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) destination = g_file_new_for_path (to);

  return g_file_copy (source, destination, flags, NULL, NULL, NULL, error);
}

/* Returns: (transfer full): a name for the copy that no file of the folder has yet. */
static char *
free_name (const char *folder,
           const char *base)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint counter = 0; counter < 1000; counter++)
    {
      g_autofree char *name = llw_backup_make_name (base, stamp, NULL, LLW_BACKUP_BEFORE_RECOVERY,
                                                    counter);
      gboolean taken = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *path = g_strconcat (folder, G_DIR_SEPARATOR_S, name, suffixes[i],
                                               NULL);

          taken = taken || g_file_test (path, G_FILE_TEST_EXISTS);
        }
      if (!taken)
        return g_build_filename (folder, name, NULL);
    }
  return NULL;
}

static gboolean
copy_all (LlwRecovery  *recovery,
          GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (recovery->original, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (recovery->copy, suffixes[i], NULL);

      recovery->existed[i] = g_file_test (from, G_FILE_TEST_EXISTS);
      if (recovery->existed[i] && !copy_file (from, to, G_FILE_COPY_NONE, error))
        return FALSE;
    }
  return TRUE;
}

/* Removes the copies, and the folder if they made it. */
static void
remove_copies (LlwRecovery *recovery)
{
  for (guint i = 0; recovery->copy != NULL && i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *copy = g_strconcat (recovery->copy, suffixes[i], NULL);

      if (recovery->existed[i])
        g_remove (copy);
    }
  if (recovery->made_folder)
    g_rmdir (recovery->folder);
}

/**
 * llw_recovery_keep:
 * @self: a database about to be recovered, which holds the writer's lock
 *
 * Copies the file and its logs into the backups folder.
 *
 * Returns: (transfer full): the recovery, or %NULL with @error set, when the copies could
 *   not be made: then nothing may change the file
 */
LlwRecovery *
llw_recovery_keep (LlwDatabase  *self,
                   GError      **error)
{
  g_autoptr(LlwRecovery) recovery = g_new0 (LlwRecovery, 1);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = llw_backup_base_name (self->real_path);
  g_autofree char *name = g_filename_display_name (self->path);

  recovery->folder = llw_database_get_backup_folder (self);
  recovery->original = g_strdup (self->real_path);
  recovery->made_folder = !g_file_test (recovery->folder, G_FILE_TEST_IS_DIR);
  if (g_mkdir_with_parents (recovery->folder, 0755) != 0)
    local_error = g_error_new_literal (G_IO_ERROR, g_io_error_from_errno (errno),
                                       g_strerror (errno));
  else if ((recovery->copy = free_name (recovery->folder, base)) == NULL)
    local_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, g_strerror (EEXIST));
  else if (!copy_all (recovery, &local_error))
    remove_copies (recovery);

  if (local_error != NULL)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                   _("An interruption left changes beside “%s” that opening it would write "
                     "into it, and llweek could not first keep a copy of the file in “%s”: "
                     "%s. The file was left unchanged."), name, recovery->folder,
                   local_error->message);
      return NULL;
    }

  llw_backup_folder_prune (recovery->folder, base);
  return g_steal_pointer (&recovery);
}

static gboolean
same_contents (const char *a,
               const char *b)
{
  g_autoptr(GMappedFile) x = g_mapped_file_new (a, FALSE, NULL);
  g_autoptr(GMappedFile) y = g_mapped_file_new (b, FALSE, NULL);

  return x != NULL && y != NULL && g_mapped_file_get_length (x) == g_mapped_file_get_length (y) &&
         memcmp (g_mapped_file_get_contents (x), g_mapped_file_get_contents (y),
                 g_mapped_file_get_length (x)) == 0;
}

/**
 * llw_recovery_put_back:
 *
 * Puts back, from the copies, the file and logs that the recovery changed, and removes
 * those it made; the copies stay.
 *
 * Returns: %TRUE on success
 */
gboolean
llw_recovery_put_back (LlwRecovery  *recovery,
                       GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *original = g_strconcat (recovery->original, suffixes[i], NULL);
      g_autofree char *copy = g_strconcat (recovery->copy, suffixes[i], NULL);
      g_autoptr(GError) local_error = NULL;

      if (!recovery->existed[i])
        g_remove (original);
      else if (!same_contents (original, copy) &&
               !copy_file (copy, original, G_FILE_COPY_OVERWRITE, &local_error))
        {
          g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN,
                       _("“%s” could not be put back as it was: %s. A copy of it is in “%s”."),
                       original, local_error->message, recovery->folder);
          return FALSE;
        }
    }
  return TRUE;
}

/* Removes the copies, when the file was found busy with another program: they may not be
 * whole, and nothing was changed. */
void
llw_recovery_discard (LlwRecovery *recovery)
{
  remove_copies (recovery);
}

/* Returns: the folder that keeps the copies. */
const char *
llw_recovery_get_folder (LlwRecovery *recovery)
{
  return recovery->folder;
}
