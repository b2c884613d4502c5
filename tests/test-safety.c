/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "llw-database.h"

#include "llw-test-fixture.h"

typedef struct
{
  char *folder;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  fixture->folder = g_dir_make_tmp ("llweek-test-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->folder, "llweek.db", NULL);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  llw_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
}

static LlwDatabase *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  LlwDatabase *db = llw_database_open (path, &error);

  g_assert_no_error (error);
  return db;
}

static gint64
add_unit (LlwDatabase *db,
          const char  *name,
          GError     **error)
{
  g_autoptr(GHashTable) input = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (input, "name", (gpointer) name);
  g_hash_table_insert (input, "unit_group", "other");
  gint64 id = llw_database_insert (db, &llw_entity_unit, 0, input, NULL, error);

  if (id == 0 && error != NULL && *error != NULL)
    g_test_message ("%s", (*error)->message);
  return id;
}

static guint
count_units (const char *path,
             const char *like)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT count (*) FROM unit WHERE name LIKE ?", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, like, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return n;
}

/* A second llweek on the same file may read it but never write to it, and says why. */
static void
test_one_writer (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(LlwDatabase) first = open_ok (fixture->path);
  g_autoptr(LlwDatabase) second = open_ok (fixture->path);
  g_autoptr(LlwDatabase) third = NULL;
  g_autoptr(LlwCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (llw_database_is_read_only (first));
  g_assert_true (llw_database_is_read_only (second));
  g_assert_nonnull (strstr (llw_database_get_read_only_reason (second), "Another copy"));

  campaign = llw_database_get_campaign (second, 2021, &error);
  g_assert_no_error (error);
  g_assert_cmpint (add_unit (second, "UBND xã Mới", &error), ==, 0);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (add_unit (first, "UBND xã Mới", &error), >, 0);
  g_assert_no_error (error);

  /* Once the writer has closed the file, the next copy writes again. */
  g_clear_object (&first);
  g_clear_object (&second);
  third = open_ok (fixture->path);
  g_assert_false (llw_database_is_read_only (third));
}

/* A file that cannot be written opens for reading, says so, and is not changed. */
static void
test_read_only_file (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(LlwDatabase) db = open_ok (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  if (geteuid () == 0)
    {
      g_test_skip ("the superuser can write any file");
      return;
    }

  g_clear_object (&db);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (fixture->folder, 0555), ==, 0);
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));

  db = open_ok (fixture->path);
  g_assert_true (llw_database_is_read_only (db));
  g_assert_cmpint (add_unit (db, "UBND xã Mới", &error), ==, 0);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_READ_ONLY);
  g_clear_object (&db);

  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_chmod (fixture->folder, 0755);
  g_chmod (fixture->path, 0644);
}

/* Automatic backups: the latest ten and one a month stay. */
static void
test_backup_rotation (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr(LlwDatabase) db = open_ok (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = llw_database_get_backup_folder (db);
  g_autoptr(GDir) dir = NULL;
  guint n = 0, n_2025 = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  /* Three older months with several copies each, and twelve recent ones. */
  for (guint month = 1; month <= 3; month++)
    for (guint day = 1; day <= 4; day++)
      {
        g_autofree char *name = g_strdup_printf ("%s/llweek-2025%02u%02u-120000.db", folder,
                                                 month, day);

        g_assert_true (g_file_set_contents (name, "x", 1, NULL));
      }
  for (guint day = 1; day <= 12; day++)
    {
      g_autofree char *name = g_strdup_printf ("%s/llweek-202610%02u-120000.db", folder, day);

      g_assert_true (g_file_set_contents (name, "x", 1, NULL));
    }

  g_assert_true (llw_database_backup_automatic (db, &error));
  g_assert_no_error (error);

  dir = g_dir_open (folder, 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL; n++)
    n_2025 += g_str_has_prefix (name, "llweek-2025");
  /* The new copy and nine of October 2026 are the ten; each 2025 month keeps its last. */
  g_assert_cmpuint (n, ==, 13);
  g_assert_cmpuint (n_2025, ==, 3);
}

/* A copy saved earlier comes back whole, the current state is kept as a backup first, and a
 * file that is not a database is refused without touching anything. */
static void
test_backup_and_restore (Fixture      *fixture,
                         gconstpointer data)
{
  g_autoptr(LlwDatabase) db = open_ok (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (fixture->folder, "Sao lưu ngày 20.db", NULL);
  g_autofree char *text = g_build_filename (fixture->folder, "ghi chú.db", NULL);
  g_autofree char *folder = llw_database_get_backup_folder (db);

  g_assert_cmpint (add_unit (db, "Trước khi sao lưu", &error), >, 0);
  g_assert_true (llw_database_backup_to (db, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (add_unit (db, "Sau khi sao lưu", &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (text, "không phải dữ liệu", -1, NULL));
  g_assert_false (llw_database_restore (db, text, &error));
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_LLWEEK);
  g_clear_error (&error);
  g_assert_cmpuint (count_units (fixture->path, "Sau khi%"), ==, 1);

  g_assert_true (llw_database_restore (db, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_units (fixture->path, "Trước khi%"), ==, 1);
  g_assert_cmpuint (count_units (fixture->path, "Sau khi%"), ==, 0);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* The database keeps working after the restore. */
  g_assert_cmpint (add_unit (db, "Sau khi khôi phục", &error), >, 0);
  g_assert_no_error (error);
}

/* Returns: how many of the units named "Đơn vị thử N", N from @first to @last, exist; and
 * whether the file passes SQLite's integrity check. */
static guint
count_confirmed (const char *path,
                 long        first,
                 long        last,
                 gboolean   *intact)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count (*) FROM unit WHERE name IN (''");
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  for (long i = first; i <= last; i++)
    g_string_append_printf (sql, ", 'Đơn vị thử %ld'", i);
  g_string_append (sql, ")");

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  *intact = sqlite3_step (stmt) == SQLITE_ROW &&
            g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return n;
}

/* Runs the writer from @first for about @microseconds, kills it, and returns the last
 * number it confirmed (first - 1 when none). */
static long
run_and_kill (const char *path,
              long        first,
              const char *mode,
              gulong      microseconds)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "safety-writer", NULL);
  g_autofree char *start = g_strdup_printf ("%ld", first);
  const char *argv[] = { writer, path, start, mode, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) out = NULL;
  g_autofree char *line = NULL;
  long confirmed = first - 1;
  GPid pid;
  int out_fd;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, NULL,
                                           &out_fd, NULL, &error));
  g_assert_no_error (error);
  g_usleep (microseconds);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  out = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (out, TRUE);
  while (g_io_channel_read_line (out, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
    {
      confirmed = atol (line);
      g_clear_pointer (&line, g_free);
    }
  return confirmed;
}

/* Kills a writer at random moments, again and again: the file must always open, pass its
 * integrity check and hold every save the writer had confirmed. */
static void
test_kill (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2021);
  g_autoptr(LlwDatabase) created = open_ok (fixture->path);
  guint kills = 200, saves = 0;

  g_clear_object (&created);
  for (guint k = 0; k < kills; k++)
    {
      /* Each run numbers its saves apart from the others': a save the kill interrupted
       * after its commit, but before it was confirmed, may well be there. */
      long first = 1 + 100000L * k;
      long last = run_and_kill (fixture->path, first, NULL, g_rand_int_range (rand, 2000, 40000));
      g_autoptr(GError) error = NULL;
      g_autoptr(LlwDatabase) db = llw_database_open (fixture->path, &error);
      gboolean intact = FALSE;

      g_assert_no_error (error);
      g_assert_false (llw_database_is_read_only (db));
      g_clear_object (&db);
      g_assert_cmpuint (count_confirmed (fixture->path, first, last, &intact), ==,
                        (guint) (last - first + 1));
      g_assert_true (intact);
      saves += (guint) (last - first + 1);
    }
  g_test_message ("%u kills, %u confirmed saves, none lost", kills, saves);
  g_assert_cmpuint (saves, >, kills);
}

/* Returns: the distinct figures A1 of the campaign's reports, as "n" or "n,m". */
static char *
figures_a1 (const char *path)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT group_concat (DISTINCT CAST (v.value AS "
                                            "INTEGER)) FROM report_value v JOIN indicator i "
                                            "ON i.id = v.indicator_id WHERE i.code = 'A1'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return result;
}

/* Kills an importer at random moments: each import is whole or absent, so every unit
 * always has the same figure, the last confirmed import's or the one after it. */
static void
test_kill_import (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1373);
  g_autoptr(LlwDatabase) created = open_ok (fixture->path);
  long next = 1, confirmed = 0;

  g_clear_object (&created);
  for (guint k = 0; k < 60; k++)
    {
      long last = run_and_kill (fixture->path, next, "import",
                                g_rand_int_range (rand, 2000, 60000));
      g_autofree char *figures = figures_a1 (fixture->path);

      /* One figure for all units: no import was written halfway. It is the last confirmed
       * one or a later one whose confirmation the kill cut off. */
      if (last >= next)
        confirmed = last;
      if (confirmed > 0)
        {
          g_assert_nonnull (figures);
          g_assert_null (strchr (figures, ','));
          g_assert_cmpint (atol (figures), >=, confirmed);
          g_assert_cmpint (atol (figures), <=, last + 1);
        }
      next = MAX (next, last + 1) + 1;
    }
  g_assert_cmpint (confirmed, >, 0);
}

/* Kills llweek while it creates a new database: the next start finds either nothing or
 * the whole default campaign, never half of it. */
static void
test_kill_create (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (154);

  for (guint k = 0; k < 40; k++)
    {
      g_autofree char *path = g_strdup_printf ("%s/new-%u.db", fixture->folder, k);
      g_autoptr(GError) error = NULL;
      g_autoptr(LlwDatabase) db = NULL;
      g_autoptr(LlwCampaign) campaign = NULL;
      g_autoptr(GListModel) units = NULL;

      run_and_kill (path, 1, NULL, g_rand_int_range (rand, 0, 20000));
      db = llw_database_open (path, &error);
      g_assert_no_error (error);
      campaign = llw_database_get_campaign (db, 2021, &error);
      g_assert_no_error (error);
      units = llw_database_list_units (db, campaign, &error);
      g_assert_cmpuint (g_list_model_get_n_items (units), >=, 43);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/safety/one-writer", test_one_writer);
  ADD ("/safety/read-only-file", test_read_only_file);
  ADD ("/safety/backup-rotation", test_backup_rotation);
  ADD ("/safety/backup-and-restore", test_backup_and_restore);
  ADD ("/safety/kill", test_kill);
  ADD ("/safety/kill-import", test_kill_import);
  ADD ("/safety/kill-create", test_kill_create);
#undef ADD

  return g_test_run ();
}
