/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "llw-database-private.h"
#include "llw-file.h"

/* Only one copy of llweek writes to a database at a time, whoever and wherever it runs,
 * whatever name or link it opened the file by: each holds an exclusive lock on a small
 * file beside the database's real file, "NAME.lock", for as long as it has the database
 * open. The lock is taken through SQLite's own file layer, which locks files the same way
 * on every system and lets the system drop the lock when a process dies, so a crash never
 * leaves the file locked. Only the lock matters, never what the file holds: a lock file
 * full of garbage is locked like an empty one. A symbolic link in its place is removed,
 * never followed. The file stays when the database is closed: removing it could let a
 * copy that had just opened it hold a lock on a file no longer there. */

struct _LlwDatabaseLock
{
  sqlite3_vfs *vfs;
  sqlite3_file *file;   /* vfs->szOsFile bytes */
  char *name;           /* kept by the file until it closes: SQLite does not copy it */
};

static void
close_lock (LlwDatabaseLock *lock)
{
  if (lock->file->pMethods != NULL)
    lock->file->pMethods->xClose (lock->file);
  g_free (lock->file);
  g_free (lock->name);
  g_free (lock);
}

/* Returns: the full name SQLite gives @path, or %NULL where @path is a symbolic link. */
static char *
full_name (sqlite3_vfs *vfs,
           const char  *path)
{
  g_autofree char *full = g_malloc0 ((gsize) vfs->mxPathname + 1);
  int rc = vfs->xFullPathname (vfs, path, vfs->mxPathname + 1, full);

  return rc == SQLITE_OK ? g_steal_pointer (&full) : NULL;
}

static gboolean
is_link (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK,
                                                 G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL,
                                                 NULL);

  return info != NULL && g_file_info_get_is_symlink (info);
}

/**
 * llw_database_lock_take:
 * @real_path: the database's real file, its links resolved
 * @busy: (out): set when another copy holds the lock
 *
 * Returns: (transfer full) (nullable): the lock, or %NULL when it cannot be had: @busy says
 *   whether another copy of llweek holds it or the lock file cannot be made at all
 */
LlwDatabaseLock *
llw_database_lock_take (const char *real_path,
                        gboolean   *busy)
{
  g_autofree char *path = g_strconcat (real_path, ".lock", NULL);
  LlwDatabaseLock *lock;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MAIN_DB, out_flags;

  *busy = FALSE;
  if (is_link (path))
    g_remove (path);
  if (!llw_file_check_regular (path, TRUE, NULL))
    return NULL;

  lock = g_new0 (LlwDatabaseLock, 1);
  lock->vfs = sqlite3_vfs_find (NULL);
  lock->file = g_malloc0 ((gsize) lock->vfs->szOsFile);
  lock->name = full_name (lock->vfs, path);
  if (lock->name == NULL ||
      lock->vfs->xOpen (lock->vfs, lock->name, lock->file, flags, &out_flags) != SQLITE_OK)
    {
      close_lock (lock);
      return NULL;
    }

  if (lock->file->pMethods->xLock (lock->file, SQLITE_LOCK_SHARED) != SQLITE_OK ||
      lock->file->pMethods->xLock (lock->file, SQLITE_LOCK_RESERVED) != SQLITE_OK ||
      lock->file->pMethods->xLock (lock->file, SQLITE_LOCK_EXCLUSIVE) != SQLITE_OK)
    {
      *busy = TRUE;
      close_lock (lock);
      return NULL;
    }
  return lock;
}

/* Lets another copy write. */
void
llw_database_lock_release (LlwDatabaseLock *lock)
{
  lock->file->pMethods->xUnlock (lock->file, SQLITE_LOCK_NONE);
  close_lock (lock);
}
