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

/* Returns: (transfer full) (nullable): the first column of the first row @sql gives, read
 * from the file behind llweek's back. */
char *
llw_test_query (LlwTestFixture *fixture,
                const char     *sql)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return result;
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

/* Returns: (transfer full): every row of every table of the database at @path, as SQLite
 * reads it, through its write-ahead log if it has one, with the schema version. */
char *
llw_test_dump_path (const char *path)
{
  GString *text = g_string_new (NULL);
  sqlite3 *raw = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                            "UNION ALL SELECT 'version ' || user_version "
                                            "FROM pragma_user_version ORDER BY 1",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", table);
      sqlite3_stmt *stmt = NULL;

      g_string_append_printf (text, "%s\n", table);
      if (g_str_has_prefix (table, "version "))
        continue;
      g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (text, "|%s", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                    ? "NULL" : (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_finalize (tables);
  sqlite3_close (raw);
  return g_string_free (text, FALSE);
}

/* Returns: (transfer full): llw_test_dump_path () of a copy of the database file alone,
 * without its write-ahead log: what a user gets who copies "the database" to a stick. */
char *
llw_test_dump_alone (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("llweek-alone-XXXXXX", &error);
  g_autofree char *copy = g_build_filename (folder, "copy.db", NULL);
  g_autofree char *bytes = NULL;
  char *dump;
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &bytes, &length, &error));
  g_assert_true (g_file_set_contents (copy, bytes, (gssize) length, &error));
  dump = llw_test_dump_path (copy);
  llw_test_remove_folder (folder);
  return dump;
}
