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

typedef LlwTestFolder Fixture;

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

/* The lock's file holds nothing that matters: one full of garbage, as another program or a
 * bad copy may leave, neither stops llweek from writing nor lets a second copy write. */
static void
test_lock_garbage (Fixture      *fixture,
                   gconstpointer data)
{
  static const char garbage[] = "SQLite format 3\0 but not quite, \xff\xfe";
  g_autoptr(LlwDatabase) created = open_ok (fixture->path);
  g_autofree char *lock = g_strconcat (fixture->path, ".lock", NULL);
  g_autoptr(LlwDatabase) first = NULL;
  g_autoptr(LlwDatabase) second = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&created);
  g_assert_true (g_file_set_contents (lock, garbage, sizeof garbage, NULL));
  first = open_ok (fixture->path);
  g_assert_false (llw_database_is_read_only (first));
  g_assert_cmpint (add_unit (first, "Sau khóa hỏng", &error), >, 0);
  g_assert_no_error (error);
  second = open_ok (fixture->path);
  g_assert_true (llw_database_is_read_only (second));
}

/* A link where the lock should be is never followed, and the file it leads to stays as it
 * was; the lock still works. */
static void
test_lock_link (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(LlwDatabase) created = open_ok (fixture->path);
  g_autofree char *lock = g_strconcat (fixture->path, ".lock", NULL);
  g_autofree char *victim = g_build_filename (fixture->folder, "văn bản.txt", NULL);
  g_autoptr(LlwDatabase) first = NULL;
  g_autoptr(LlwDatabase) second = NULL;
  g_autofree char *contents = NULL;

  g_clear_object (&created);
  g_remove (lock);
  g_assert_true (g_file_set_contents (victim, "Báo cáo quan trọng", -1, NULL));
  g_assert_cmpint (symlink (victim, lock), ==, 0);

  first = open_ok (fixture->path);
  g_assert_false (llw_database_is_read_only (first));
  g_assert_false (g_file_test (lock, G_FILE_TEST_IS_SYMLINK));
  second = open_ok (fixture->path);
  g_assert_true (llw_database_is_read_only (second));
  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Báo cáo quan trọng");
}

/* The same file opened by its name and through a link (or a link to its folder) has one
 * writer: the lock sits beside the real file. */
static void
test_lock_through_link (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr(LlwDatabase) created = open_ok (fixture->path);
  g_autofree char *link = g_build_filename (fixture->folder, "lối tắt.db", NULL);
  g_autofree char *folder_link = g_strconcat (fixture->folder, "-link", NULL);
  g_autofree char *through_folder = g_build_filename (folder_link, "llweek.db", NULL);
  g_autofree char *link_lock = g_strconcat (link, ".lock", NULL);
  g_autoptr(LlwDatabase) by_link = NULL;
  g_autoptr(LlwDatabase) by_name = NULL;
  g_autoptr(LlwDatabase) by_folder = NULL;

  g_clear_object (&created);
  g_assert_cmpint (symlink (fixture->path, link), ==, 0);
  g_assert_cmpint (symlink (fixture->folder, folder_link), ==, 0);

  by_link = open_ok (link);
  g_assert_false (llw_database_is_read_only (by_link));
  by_name = open_ok (fixture->path);
  g_assert_true (llw_database_is_read_only (by_name));
  by_folder = open_ok (through_folder);
  g_assert_true (llw_database_is_read_only (by_folder));
  g_assert_false (g_file_test (link_lock, G_FILE_TEST_EXISTS));
  g_clear_object (&by_folder);
  g_remove (folder_link);
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

/* A writer's process, whose lines are read as they come. The machine may be slow or busy:
 * nothing here waits a fixed time; each wait is for the writer's own words, with a limit so
 * generous that only a hung writer reaches it. */
#define PATIENCE_US (120 * G_USEC_PER_SEC)

typedef struct
{
  GPid pid;
  int out;
  GString *pending;
  gint64 ready_at;      /* monotonic time it said "ready", 0 before */
  long confirmed;       /* the last number it confirmed */
  guint n_confirmed;
} Writer;

static void
writer_start (Writer     *writer,
              const char *path,
              long        first,
              const char *mode)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "safety-writer", NULL);
  g_autofree char *start = g_strdup_printf ("%ld", first);
  const char *argv[] = { program, path, start, mode, NULL };
  g_autoptr(GError) error = NULL;

  memset (writer, 0, sizeof *writer);
  writer->pending = g_string_new (NULL);
  writer->confirmed = first - 1;
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &writer->pid,
                                           NULL, &writer->out, NULL, &error));
  g_assert_no_error (error);
}

/* Reads what the writer said by @deadline (monotonic); returns FALSE at the end of its
 * output. */
static gboolean
writer_read (Writer *writer,
             gint64  deadline)
{
  GPollFD poll_fd = { writer->out, G_IO_IN | G_IO_HUP | G_IO_ERR, 0 };
  char buffer[4096];
  gssize n;
  char *newline;
  gint64 left = deadline - g_get_monotonic_time ();

  if (left <= 0 || g_poll (&poll_fd, 1, (int) (left / 1000) + 1) <= 0)
    return TRUE;
  n = read (writer->out, buffer, sizeof buffer);
  if (n <= 0)
    return FALSE;
  g_string_append_len (writer->pending, buffer, n);
  while ((newline = strchr (writer->pending->str, '\n')) != NULL)
    {
      *newline = '\0';
      if (g_str_equal (writer->pending->str, "ready"))
        writer->ready_at = g_get_monotonic_time ();
      else
        {
          writer->confirmed = atol (writer->pending->str);
          writer->n_confirmed++;
        }
      g_string_erase (writer->pending, 0, newline - writer->pending->str + 1);
    }
  return TRUE;
}

static void
writer_wait_ready (Writer *writer)
{
  gint64 deadline = g_get_monotonic_time () + PATIENCE_US;

  while (writer->ready_at == 0 && g_get_monotonic_time () < deadline)
    g_assert_true (writer_read (writer, deadline));
  g_assert_cmpint (writer->ready_at, !=, 0);
}

/* Kills the writer and reads the rest of what it said. */
static void
writer_kill (Writer *writer)
{
  gint64 deadline = g_get_monotonic_time () + PATIENCE_US;

  kill (writer->pid, SIGKILL);
  waitpid (writer->pid, NULL, 0);
  g_spawn_close_pid (writer->pid);
  while (writer_read (writer, deadline) && g_get_monotonic_time () < deadline)
    ;
  close (writer->out);
  g_string_free (writer->pending, TRUE);
}

/* Returns: how long one save takes on this machine now, in microseconds: the writer's own
 * pace over its first saves. */
static double
measure_save (const char *path,
              const char *mode,
              long        first,
              guint       n_saves)
{
  gint64 deadline = g_get_monotonic_time () + PATIENCE_US;
  Writer writer;
  double elapsed;

  writer_start (&writer, path, first, mode);
  writer_wait_ready (&writer);
  while (writer.n_confirmed < n_saves && g_get_monotonic_time () < deadline)
    g_assert_true (writer_read (&writer, deadline));
  g_assert_cmpuint (writer.n_confirmed, >=, n_saves);
  elapsed = (double) (g_get_monotonic_time () - writer.ready_at);
  writer_kill (&writer);
  return elapsed / writer.n_confirmed;
}

/* Runs the writer from @first and kills it at a moment drawn from the span of @span_saves
 * saves after it said it was ready, on the pace @save_us, which the run then refines. */
static long
run_and_kill (const char *path,
              long        first,
              const char *mode,
              GRand      *rand,
              double      span_saves,
              double     *save_us)
{
  Writer writer;
  gint64 delay = (gint64) (g_rand_double (rand) * span_saves * *save_us);
  gint64 kill_at;

  writer_start (&writer, path, first, mode);
  writer_wait_ready (&writer);
  kill_at = writer.ready_at + delay;
  while (g_get_monotonic_time () < kill_at)
    writer_read (&writer, kill_at);
  if (writer.n_confirmed >= 3)
    *save_us = 0.8 * *save_us + 0.2 * (double) (g_get_monotonic_time () - writer.ready_at) /
                                writer.n_confirmed;
  writer_kill (&writer);
  return writer.confirmed;
}

/* Kills a writer at moments spread over its saves, again and again: the file must always
 * open, pass its integrity check and hold every save the writer had confirmed. */
static void
test_kill (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2021);
  g_autoptr(LlwDatabase) created = open_ok (fixture->path);
  guint kills = 60, saves = 0, after_a_save = 0;
  double save_us;

  g_clear_object (&created);
  save_us = measure_save (fixture->path, NULL, 900000000, 20);
  g_test_message ("one save: %.1f ms", save_us / 1000);
  for (guint k = 0; k < kills; k++)
    {
      /* Each run numbers its saves apart from the others': a save the kill interrupted
       * after its commit, but before it was confirmed, may well be there. */
      long first = 1 + 100000L * k;
      long last = run_and_kill (fixture->path, first, NULL, rand, 50, &save_us);
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
      after_a_save += last >= first;
    }
  g_test_message ("%u kills, %u after a save, %u confirmed saves, none lost", kills,
                  after_a_save, saves);
  /* The kills fell among the saves, not before them. */
  g_assert_cmpuint (after_a_save, >=, kills * 3 / 4);
  g_assert_cmpuint (saves, >=, 1000);
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

/* Kills an importer at moments spread over its imports: each import is whole or absent, so
 * every unit always has the same figure, the last confirmed import's or the one after it. */
static void
test_kill_import (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1373);
  g_autoptr(LlwDatabase) created = open_ok (fixture->path);
  long next = 1, confirmed = 0;
  guint after_an_import = 0;
  double save_us;

  g_clear_object (&created);
  save_us = measure_save (fixture->path, "import", 1, 5);
  next = 100;
  for (guint k = 0; k < 25; k++)
    {
      long last = run_and_kill (fixture->path, next, "import", rand, 12, &save_us);
      g_autofree char *figures = figures_a1 (fixture->path);

      /* One figure for all units: no import was written halfway. It is the last confirmed
       * one or a later one whose confirmation the kill cut off. */
      if (last >= next)
        {
          confirmed = last;
          after_an_import++;
        }
      g_assert_nonnull (figures);
      g_assert_null (strchr (figures, ','));
      g_assert_cmpint (atol (figures), >=, confirmed);
      g_assert_cmpint (atol (figures), <=, MAX (last, next - 1) + 1);
      next = MAX (next, last + 1) + 1;
    }
  g_assert_cmpuint (after_an_import, >=, 15);
}

/* Kills llweek while it creates a new database, at moments spread from its start to a little
 * after it is ready: the next start finds either nothing or the whole default campaign,
 * never half of it. */
static void
test_kill_create (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (154);
  g_autofree char *probe = g_strdup_printf ("%s/probe.db", fixture->folder);
  Writer writer;
  gint64 creation;
  guint before_ready = 0;

  /* How long a start that creates the file takes here. */
  creation = g_get_monotonic_time ();
  writer_start (&writer, probe, 1, NULL);
  writer_wait_ready (&writer);
  creation = writer.ready_at - creation;
  writer_kill (&writer);

  for (guint k = 0; k < 25; k++)
    {
      g_autofree char *path = g_strdup_printf ("%s/new-%u.db", fixture->folder, k);
      gint64 kill_at;
      g_autoptr(GError) error = NULL;
      g_autoptr(LlwDatabase) db = NULL;
      g_autoptr(LlwCampaign) campaign = NULL;
      g_autoptr(GListModel) units = NULL;

      kill_at = g_get_monotonic_time () + (gint64) (g_rand_double (rand) * 1.2 * creation);
      writer_start (&writer, path, 1, NULL);
      while (g_get_monotonic_time () < kill_at)
        writer_read (&writer, kill_at);
      before_ready += writer.ready_at == 0;
      writer_kill (&writer);

      db = llw_database_open (path, &error);
      g_assert_no_error (error);
      campaign = llw_database_get_campaign (db, 2021, &error);
      g_assert_no_error (error);
      units = llw_database_list_units (db, campaign, &error);
      g_assert_cmpuint (g_list_model_get_n_items (units), >=, 43);
    }
  g_test_message ("%u of 25 kills before the writer was ready", before_ready);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, llw_test_folder_set_up, func, llw_test_folder_tear_down)
  ADD ("/safety/one-writer", test_one_writer);
  ADD ("/safety/read-only-file", test_read_only_file);
  ADD ("/safety/lock-garbage", test_lock_garbage);
  ADD ("/safety/lock-link", test_lock_link);
  ADD ("/safety/lock-through-link", test_lock_through_link);
  ADD ("/safety/backup-and-restore", test_backup_and_restore);
  ADD ("/safety/kill", test_kill);
  ADD ("/safety/kill-import", test_kill_import);
  ADD ("/safety/kill-create", test_kill_create);
#undef ADD

  return g_test_run ();
}
