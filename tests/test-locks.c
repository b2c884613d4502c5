/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#ifdef G_OS_UNIX
/* The locks are looked at from another process as the system keeps them: fcntl (). */
#include <fcntl.h>
#endif

#include "llw-database.h"
#include "llw-test-fixture.h"

/* While llweek has a database open, other programs see its locks on the file, its log's
 * index (-shm) and the writer's lock file, whatever else the process does with those files.
 * On Linux a process loses every lock it holds on a file the moment any descriptor of that
 * file is closed in it, and GTK's file chooser opens and closes each file it lists to tell
 * its type; a program that then opened the database found its index unlocked, took it for
 * abandoned and cut it short under llweek, which died of SIGBUS on its next read. */

typedef LlwTestFixture Fixture;

static const char *self_path;

/* The byte ranges SQLite locks, as os_unix.c lays them out. */
#define SHARED_FIRST (0x40000000 + 2)
#define SHARED_SIZE 510
#define SHM_DMS 128

#ifdef G_OS_UNIX
/* Returns: whether another process holds a lock on @path that forbids a lock of @type on
 *   @length bytes from @start. */
static gboolean
held (const char *path,
      short       type,
      off_t       start,
      off_t       length)
{
  int fd = g_open (path, type == F_WRLCK ? O_RDWR : O_RDONLY, 0);
  struct flock lock = { .l_type = type, .l_whence = SEEK_SET, .l_start = start,
                        .l_len = length };
  gboolean found;

  /* The last connection to close removes the log and its index. */
  if (fd < 0 && !g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (fcntl (fd, F_GETLK, &lock), ==, 0);
  found = lock.l_type != F_UNLCK;
  close (fd);
  return found;
}

/* Run in a process of its own: prints which of the database's locks it finds held. */
static int
probe (const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *lock = g_strconcat (path, ".lock", NULL);

  g_print ("file:%d index:%d writer:%d\n",
           held (path, F_WRLCK, SHARED_FIRST, SHARED_SIZE),
           held (shm, F_WRLCK, SHM_DMS, 1),
           held (lock, F_RDLCK, SHARED_FIRST, SHARED_SIZE));
  return 0;
}

static char *
probe_locks (const char *path)
{
  const char *argv[] = { self_path, "--probe", path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strchomp (out);
}
#endif

/* Reads the database through the log, so that its index is mapped and locked. */
static void
read_through_log (Fixture *fixture)
{
  g_autofree char *count = llw_test_query (fixture, "SELECT count(*) FROM unit");

  g_assert_cmpint (g_ascii_strtoll (count, NULL, 10), >, 0);
}

/* Opens and closes each file of the database as GTK's file chooser does when it lists the
 * folder (reading the first bytes to tell the type), and as any reading of them would. */
static void
look_at_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", ".lock" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (name);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      g_autofree char *contents = NULL;

      g_assert_nonnull (info);
      g_assert_true (g_file_get_contents (name, &contents, NULL, NULL));
    }
}

static void
test_held (Fixture      *fixture,
           gconstpointer data)
{
#ifdef G_OS_UNIX
  g_autofree char *before = NULL;

  read_through_log (fixture);
  before = probe_locks (fixture->path);
  g_assert_cmpstr (before, ==, "file:1 index:1 writer:1");
#else
  g_test_skip ("a file's locks are per handle here: closing another handle keeps them");
#endif
}

/* Reading the database's own files in the process, as the file chooser does, leaves every
 * lock in place, and the database goes on working. */
static void
test_kept_after_reading_files (Fixture      *fixture,
                               gconstpointer data)
{
#ifdef G_OS_UNIX
  g_autofree char *after = NULL;

  read_through_log (fixture);
  look_at_files (fixture->path);
  after = probe_locks (fixture->path);
  g_assert_cmpstr (after, ==, "file:1 index:1 writer:1");

  /* Another program reads the database while llweek writes to it: nothing is lost. */
  llw_test_exec (fixture, "UPDATE unit SET phone = '0297 3862 000' WHERE code = 'SYT'");
  {
    g_autofree char *live = llw_test_dump_path (fixture->path);
    g_autofree char *phone = llw_test_query (fixture,
                                             "SELECT phone FROM unit WHERE code = 'SYT'");

    g_assert_nonnull (strstr (live, "0297 3862 000"));
    g_assert_cmpstr (phone, ==, "0297 3862 000");
  }
#else
  g_test_skip ("a file's locks are per handle here: closing another handle keeps them");
#endif
}

/* Once the database is closed, no lock of it is left behind. */
static void
test_released_on_close (Fixture      *fixture,
                        gconstpointer data)
{
#ifdef G_OS_UNIX
  g_autofree char *after = NULL;

  read_through_log (fixture);
  look_at_files (fixture->path);
  g_clear_object (&fixture->campaign);
  g_clear_object (&fixture->db);
  after = probe_locks (fixture->path);
  g_assert_cmpstr (after, ==, "file:0 index:0 writer:0");
#else
  g_test_skip ("a file's locks are per handle here: closing another handle keeps them");
#endif
}

int
main (int   argc,
      char *argv[])
{
#ifdef G_OS_UNIX
  if (argc == 3 && g_str_equal (argv[1], "--probe"))
    return probe (argv[2]);
#endif
  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/locks/held", Fixture, NULL, llw_test_fixture_set_up, test_held,
              llw_test_fixture_tear_down);
  g_test_add ("/locks/kept-after-reading-files", Fixture, NULL, llw_test_fixture_set_up,
              test_kept_after_reading_files, llw_test_fixture_tear_down);
  g_test_add ("/locks/released-on-close", Fixture, NULL, llw_test_fixture_set_up,
              test_released_on_close, llw_test_fixture_tear_down);

  return g_test_run ();
}
