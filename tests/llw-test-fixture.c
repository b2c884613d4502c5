/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "llw-test-fixture.h"

/* Shared by the tests that work on a fresh database. */

void
llw_test_fixture_set_up (LlwTestFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("llweek-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "llweek.db", NULL);
  fixture->db = llw_database_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->campaign = llw_database_get_campaign (fixture->db, 2021, &error);
  g_assert_no_error (error);
  fixture->campaign_id = llw_campaign_get_id (fixture->campaign);
}

/* Removes @folder and all it holds. */
void
llw_test_remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (folder, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        llw_test_remove_folder (child);
      else
        g_remove (child);
    }
  g_rmdir (folder);
}

void
llw_test_fixture_tear_down (LlwTestFixture *fixture,
                            gconstpointer   data)
{
  g_clear_object (&fixture->campaign);
  g_clear_object (&fixture->db);
  llw_test_remove_folder (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* Runs @sql on the file behind llweek's back, as a test's way to set up its data. */
void
llw_test_exec (LlwTestFixture *fixture,
               const char     *sql)
{
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

/* Returns: (transfer full): column → text from "column", "text", … NULL, as a form gives. */
GHashTable *
llw_test_values (const char *first,
                 ...)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first);
  for (const char *column = first; column != NULL; column = va_arg (args, const char *))
    g_hash_table_insert (table, g_strdup (column), g_strdup (va_arg (args, const char *)));
  va_end (args);
  return table;
}
