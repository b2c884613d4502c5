/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For the open file description locks of Linux, F_OFD_SETLK and the like. */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "llw-sqlite-locks.h"

/* Locks that nothing else in the process can drop.
 *
 * SQLite locks the database, its log's index (-shm) and llweek's writer's lock file with
 * POSIX advisory locks, which belong to the process: the system drops every one the process
 * holds on a file as soon as any descriptor of that file is closed in it, whoever opened it.
 * And files get opened behind SQLite's back: GTK's file chooser reads the first bytes of
 * each file of the folder it shows to tell its type, the database's files included when the
 * user browses the database's folder. With its locks gone, the next program to open the
 * database took its index for abandoned and cut it short: llweek, whose index was mapped,
 * died of SIGBUS on its next read, and a second writer could have been let in.
 *
 * So, where the system has them (Linux), every lock SQLite takes is made an open file
 * description lock, which belongs to one opening of the file and goes only when that opening
 * is closed: SQLite's calls to fcntl (), open () and close () are routed through here (its
 * unix VFS lets a program replace them). All the locks of a file are taken through one
 * opening of it kept here, as long as SQLite has the file open at all, so that they behave
 * as SQLite expects of process locks: shared by all its connections in the process, and
 * seen by other processes, whatever locks those use.
 *
 * On Windows a lock belongs to the handle that took it, and closing another handle of the
 * file keeps it: nothing to do there. */

#if defined(G_OS_UNIX)
/* Unavoidable here: SQLite's unix VFS hands these very system calls over. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#if defined(G_OS_UNIX) && defined(F_OFD_SETLK)

typedef int (*OpenCall) (const char *, int, int);
typedef int (*CloseCall) (int);
typedef int (*FcntlCall) (int, int, ...);

/* A file SQLite has open, one or more times. */
typedef struct
{
  char *key;        /* its device and inode */
  guint n_open;     /* SQLite's descriptors of it */
  int locker;       /* the descriptor its locks are taken through, -1 before the first */
} LockedFile;

static GMutex lock_mutex;
static GHashTable *files;        /* key → LockedFile */
static GHashTable *descriptors;  /* SQLite's descriptor → its LockedFile */
static OpenCall system_open;
static CloseCall system_close;
static FcntlCall system_fcntl;

static void
locked_file_free (gpointer data)
{
  LockedFile *file = data;

  g_free (file->key);
  g_free (file);
}

static char *
key_of (const struct stat *info)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, (guint64) info->st_dev,
                          (guint64) info->st_ino);
}

/* Notes that SQLite opened @fd, a descriptor of the file @info describes. */
static void
note_open (int                fd,
           const struct stat *info)
{
  g_autofree char *key = key_of (info);
  LockedFile *file;

  g_mutex_lock (&lock_mutex);
  file = g_hash_table_lookup (files, key);
  if (file == NULL)
    {
      file = g_new0 (LockedFile, 1);
      file->key = g_steal_pointer (&key);
      file->locker = -1;
      g_hash_table_insert (files, file->key, file);
    }
  file->n_open++;
  g_hash_table_insert (descriptors, GINT_TO_POINTER (fd), file);
  g_mutex_unlock (&lock_mutex);
}

static int
open_cb (const char *path,
         int         flags,
         int         mode)
{
  int fd = system_open (path, flags, mode);
  struct stat info;

  if (fd >= 0 && fstat (fd, &info) == 0 && S_ISREG (info.st_mode))
    note_open (fd, &info);
  return fd;
}

/* When SQLite closes its last descriptor of a file, the opening that holds the locks goes
 * too, and with it whatever lock is left. */
static int
close_cb (int fd)
{
  LockedFile *file;
  int locker = -1;

  g_mutex_lock (&lock_mutex);
  file = g_hash_table_lookup (descriptors, GINT_TO_POINTER (fd));
  if (file != NULL)
    {
      g_hash_table_remove (descriptors, GINT_TO_POINTER (fd));
      if (--file->n_open == 0)
        {
          locker = file->locker;
          g_hash_table_remove (files, file->key);
        }
    }
  g_mutex_unlock (&lock_mutex);

  if (locker >= 0)
    system_close (locker);
  return system_close (fd);
}

/* Returns: an opening of the file of @fd of its own, for writing where the file can be
 *   written (a write lock needs one), so that the locks taken through it follow no
 *   descriptor of SQLite's. */
static int
open_locker (int fd)
{
  int flags = system_fcntl (fd, F_GETFL);

  if (flags >= 0 && (flags & O_ACCMODE) == O_RDONLY)
    {
      g_autofree char *path = g_strdup_printf ("/proc/self/fd/%d", fd);
      int locker = system_open (path, O_RDWR | O_CLOEXEC, 0);

      if (locker >= 0)
        return locker;
    }
  return system_fcntl (fd, F_DUPFD_CLOEXEC, 0);
}

/* Returns: the descriptor to take @fd's locks through, or -1 for a descriptor SQLite did
 *   not open through open_cb () (then its locks stay process locks). */
static int
get_locker (int fd)
{
  LockedFile *file;
  int locker = -1;

  g_mutex_lock (&lock_mutex);
  file = g_hash_table_lookup (descriptors, GINT_TO_POINTER (fd));
  if (file != NULL)
    {
      if (file->locker < 0)
        file->locker = open_locker (fd);
      locker = file->locker;
      if (locker < 0)
        errno = EMFILE;
    }
  g_mutex_unlock (&lock_mutex);
  return file != NULL ? locker : -2;
}

static int
fcntl_cb (int fd,
          int command,
          ...)
{
  va_list args;
  void *argument;
  struct flock *lock;
  int locker;

  /* As the C library's fcntl () does, whatever the command's argument. */
  va_start (args, command);
  argument = va_arg (args, void *);
  va_end (args);

  if (command != F_GETLK && command != F_SETLK && command != F_SETLKW)
    return system_fcntl (fd, command, argument);

  locker = get_locker (fd);
  if (locker == -2)
    return system_fcntl (fd, command, argument);
  if (locker < 0)
    return -1;

  lock = argument;
  lock->l_pid = 0;
  /* The locker stays open while @fd is: the caller holds @fd. */
  return system_fcntl (locker, command == F_GETLK ? F_OFD_GETLK
                               : command == F_SETLK ? F_OFD_SETLK : F_OFD_SETLKW, lock);
}

/* Returns: whether this system takes open file description locks. */
static gboolean
supported (void)
{
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("llweek-locks-XXXXXX", &path, NULL);
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 1 };
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fcntl (fd, F_OFD_GETLK, &lock) == 0;
  close (fd);
  g_unlink (path);
  return ok;
}

static gboolean
install (void)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find ("unix");

  if (vfs == NULL || vfs->iVersion < 3 || vfs->xSetSystemCall == NULL || !supported ())
    return FALSE;

  files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, locked_file_free);
  descriptors = g_hash_table_new (NULL, NULL);
  system_open = (OpenCall) vfs->xGetSystemCall (vfs, "open");
  system_close = (CloseCall) vfs->xGetSystemCall (vfs, "close");
  system_fcntl = (FcntlCall) vfs->xGetSystemCall (vfs, "fcntl");
  return system_open != NULL && system_close != NULL && system_fcntl != NULL &&
         vfs->xSetSystemCall (vfs, "open", (sqlite3_syscall_ptr) open_cb) == SQLITE_OK &&
         vfs->xSetSystemCall (vfs, "close", (sqlite3_syscall_ptr) close_cb) == SQLITE_OK &&
         vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) fcntl_cb) == SQLITE_OK;
}

#else

static gboolean
install (void)
{
  return FALSE;
}

#endif

/**
 * llw_sqlite_locks_install:
 *
 * Makes the locks SQLite takes from now on ones that nothing else in the process can drop,
 * where the system allows. Called before the process opens its first SQLite file: the
 * locks of a file opened earlier stay process locks.
 *
 * Returns: whether the locks are now kept whatever the process does with the files
 */
gboolean
llw_sqlite_locks_install (void)
{
  static gsize done = 0;
  static gboolean installed = FALSE;

  if (g_once_init_enter (&done))
    {
      installed = install ();
      g_once_init_leave (&done, 1);
    }
  return installed;
}
