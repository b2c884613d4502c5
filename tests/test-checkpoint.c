/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "llw-database.h"
#include "llw-import.h"
#include "llw-test-fixture.h"

/* The file on disk is whole: office staff copy the .db file alone, so after an import, a
 * restore or an explicit checkpoint the file alone must hold everything saved. Each test
 * first shows that the copy alone lacks an edit still in the log, so that it would fail if
 * the checkpoint did not happen. */

typedef LlwTestFixture Fixture;

static void
add_theme (Fixture    *fixture,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) theme = llw_test_values ("title", title, NULL);

  g_assert_cmpint (llw_database_insert (fixture->db, &llw_entity_theme, fixture->campaign_id,
                                        theme, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
assert_alone_lags (Fixture *fixture)
{
  g_autofree char *live = llw_test_dump_path (fixture->path);
  g_autofree char *alone = llw_test_dump_alone (fixture->path);

  g_assert_cmpstr (alone, !=, live);
}

static void
assert_whole (Fixture *fixture)
{
  g_autofree char *live = llw_test_dump_path (fixture->path);
  g_autofree char *alone = llw_test_dump_alone (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  GStatBuf info;

  g_assert_cmpstr (alone, ==, live);
  /* Emptied, not only folded back: no large log is left beside the file. */
  g_assert_true (g_stat (wal, &info) != 0 || info.st_size == 0);
}

/* A new database is whole as soon as it is made. */
static void
test_new (Fixture      *fixture,
          gconstpointer data)
{
  assert_whole (fixture);
}

static void
test_after_import (Fixture      *fixture,
                   gconstpointer data)
{
  static const char csv[] = "unit,received_date,A1\nRGI,20/10/2021,3\nKLU,21/10/2021,4\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) import = llw_import_new (fixture->db, fixture->campaign);

  add_theme (fixture, "Chủ đề còn trong nhật ký");
  assert_alone_lags (fixture);
  g_assert_true (llw_import_read (import, csv, strlen (csv), &error));
  g_assert_true (llw_import_apply (import, FALSE, &error));
  g_assert_no_error (error);
  assert_whole (fixture);
}

/* A dry run writes nothing, not even to the log. */
static void
test_dry_run_writes_nothing (Fixture      *fixture,
                             gconstpointer data)
{
  static const char csv[] = "unit,received_date,A1\nRGI,20/10/2021,3\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) import = llw_import_new (fixture->db, fixture->campaign);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  GStatBuf info;

  g_assert_true (llw_import_read (import, csv, strlen (csv), &error));
  g_assert_true (llw_import_apply (import, TRUE, &error));
  g_assert_true (g_stat (wal, &info) != 0 || info.st_size == 0);
  assert_whole (fixture);
}

static void
test_after_restore (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (fixture->folder, "copy.db", NULL);
  g_autofree char *restored = NULL;

  add_theme (fixture, "Chủ đề của bản sao");
  g_assert_true (llw_database_backup_to (fixture->db, copy, &error));
  add_theme (fixture, "Chủ đề sau bản sao");
  assert_alone_lags (fixture);
  g_assert_true (llw_database_restore (fixture->db, copy, &error));
  g_assert_no_error (error);
  assert_whole (fixture);
  restored = llw_test_dump_path (fixture->path);
  g_assert_nonnull (strstr (restored, "Chủ đề của bản sao"));
  g_assert_null (strstr (restored, "Chủ đề sau bản sao"));
}

/* What the window calls when it closes and while it is idle. */
static void
test_explicit (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  add_theme (fixture, "Chủ đề một");
  add_theme (fixture, "Chủ đề hai");
  assert_alone_lags (fixture);
  g_assert_true (llw_database_checkpoint (fixture->db, FALSE, &error));
  g_assert_no_error (error);
  assert_whole (fixture);
}

/* The window's idle checkpoint never waits: while another connection reads an older state
 * (an export, another copy of llweek) it fails at once, and succeeds once that one is done. */
static void
test_reader (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *reader = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &reader), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (reader, "SELECT count (*) FROM unit", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sqlite3_finalize (stmt);

  add_theme (fixture, "Chủ đề viết trong khi có người đọc");
  g_assert_false (llw_database_checkpoint (fixture->db, FALSE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (reader);
  g_assert_true (llw_database_checkpoint (fixture->db, FALSE, &error));
  g_assert_no_error (error);
  assert_whole (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, llw_test_fixture_set_up, func, llw_test_fixture_tear_down)
  ADD ("/checkpoint/new", test_new);
  ADD ("/checkpoint/after-import", test_after_import);
  ADD ("/checkpoint/dry-run-writes-nothing", test_dry_run_writes_nothing);
  ADD ("/checkpoint/after-restore", test_after_restore);
  ADD ("/checkpoint/explicit", test_explicit);
  ADD ("/checkpoint/reader", test_reader);
#undef ADD

  return g_test_run ();
}
