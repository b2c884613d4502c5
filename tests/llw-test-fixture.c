/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "llw-test-fixture.h"
#include "llw-database-private.h"

/* Shared by the tests that work on a fresh database, or on a file of their own making. */

void
llw_test_folder_set_up (LlwTestFolder *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("llweek-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "llweek.db", NULL);
}

void
llw_test_folder_tear_down (LlwTestFolder *fixture,
                           gconstpointer  data)
{
  llw_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
}

/* Runs @sql on the file at @path behind llweek's back. */
void
llw_test_exec_file (const char *path,
                    const char *sql)
{
  sqlite3 *raw = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  if (sqlite3_exec (raw, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (raw);
}

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
  llw_test_exec_file (fixture->path, sql);
}

/* Returns: (transfer full): the first column of the first row @sql gives on the file at
 *   @path, read behind llweek's back, or %NULL. */
char *
llw_test_query_file (const char *path,
                     const char *sql)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return result;
}

char *
llw_test_query (LlwTestFixture *fixture,
                const char     *sql)
{
  return llw_test_query_file (fixture->path, sql);
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

static void
dump_value (GString      *out,
            sqlite3_stmt *stmt,
            int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_string_append (out, "NULL");
      break;
    case SQLITE_INTEGER:
      g_string_append_printf (out, "i:%lld", (long long) sqlite3_column_int64 (stmt, column));
      break;
    case SQLITE_FLOAT:
      g_string_append_printf (out, "r:%.17g", sqlite3_column_double (stmt, column));
      break;
    default:
      g_string_append_printf (out, "t:%s", (const char *) sqlite3_column_text (stmt, column));
      break;
    }
}

static void
dump_query (GString    *out,
            sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          g_string_append (out, i > 0 ? "|" : "");
          dump_value (out, stmt, i);
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
}

/* Every row of every table of @path, with its schema, read from a copy of the file and,
 * @with_log, its write-ahead log, so that nothing is made or changed beside it. */
static void
dump_database (GString    *out,
               const char *path,
               gboolean    with_log)
{
  g_autofree char *folder = g_dir_make_tmp ("llweek-dump-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (folder, "copy.db", NULL);
  const char *suffixes[] = { "", "-wal" };
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  for (guint i = 0; i < (with_log ? G_N_ELEMENTS (suffixes) : 1); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (copy, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (from, &contents, &length, NULL))
        g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }

  g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
  dump_query (out, db, "PRAGMA user_version");
  dump_query (out, db, "PRAGMA application_id");
  dump_query (out, db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"",
                                              (const char *) sqlite3_column_text (tables, 0));

      g_string_append_printf (out, "table %s\n", (const char *) sqlite3_column_text (tables, 0));
      dump_query (out, db, sql);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  llw_test_remove_folder (folder);
}

static void
list_files (GString    *out,
            const char *folder,
            const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, llw_test_compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, names->pdata[i], NULL);
      g_autofree char *relative = g_build_filename (prefix, names->pdata[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInfo) info = g_file_query_info (file, "standard::*,unix::mode",
                                                     G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL,
                                                     NULL);
      GFileType type = g_file_info_get_file_type (info);
      guint32 mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);

      g_string_append_printf (out, "%s %o", relative, mode);
      if (type == G_FILE_TYPE_DIRECTORY)
        {
          g_string_append (out, " folder\n");
          list_files (out, path, relative);
        }
      else if (type == G_FILE_TYPE_SYMBOLIC_LINK)
        g_string_append_printf (out, " -> %s\n", g_file_info_get_symlink_target (info));
      else if (type != G_FILE_TYPE_REGULAR)
        g_string_append (out, " special\n");
      else if (g_str_has_suffix (path, "-shm"))
        g_string_append (out, " index\n");  /* SQLite rewrites it whenever the file is read */
      else
        {
          g_autofree char *contents = NULL;
          gsize length = 0;
          g_autofree char *sum = NULL;

          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) contents,
                                             length);
          g_string_append_printf (out, " %s\n", sum);
        }
    }
}

/**
 * llw_test_snapshot:
 * @folder: a folder to picture, with every file in it and under it
 * @database: (nullable): a database whose data to picture too
 *
 * Returns: (transfer full): what a test compares before and after an operation that must
 *   change nothing: the database's full dump, and each file's name, permission bits and
 *   SHA-256 (SQLite's -shm index excepted: it is rewritten whenever the file is read)
 */
char *
llw_test_snapshot (const char *folder,
                   const char *database)
{
  GString *out = g_string_new (NULL);

  list_files (out, folder, "");
  if (database != NULL)
    dump_database (out, database, TRUE);
  return g_string_free (out, FALSE);
}

/* Returns: (transfer full): the full dump of the database at @path, as SQLite reads it
 * through its write-ahead log. */
char *
llw_test_dump_path (const char *path)
{
  GString *out = g_string_new (NULL);

  dump_database (out, path, TRUE);
  return g_string_free (out, FALSE);
}

/* Returns: (transfer full): the full dump of the database file alone, without its
 * write-ahead log: what a user gets who copies "the database" to a USB stick. */
char *
llw_test_dump_alone (const char *path)
{
  GString *out = g_string_new (NULL);

  dump_database (out, path, FALSE);
  return g_string_free (out, FALSE);
}

int
llw_test_compare_strings (gconstpointer a,
                          gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every readable property of @a equals @b's. */
void
llw_test_assert_same_record (GObject *a,
                             GObject *b)
{
  g_autofree GParamSpec **specs = NULL;
  guint n_specs;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_specs);
  for (guint i = 0; i < n_specs; i++)
    {
      g_auto(GValue) value_a = G_VALUE_INIT;
      g_auto(GValue) value_b = G_VALUE_INIT;
      g_autofree char *text_a = NULL;
      g_autofree char *text_b = NULL;

      g_value_init (&value_a, specs[i]->value_type);
      g_value_init (&value_b, specs[i]->value_type);
      g_object_get_property (a, specs[i]->name, &value_a);
      g_object_get_property (b, specs[i]->name, &value_b);
      text_a = g_strdup_value_contents (&value_a);
      text_b = g_strdup_value_contents (&value_b);
      g_test_message ("%s: %s", specs[i]->name, text_a);
      g_assert_cmpstr (text_a, ==, text_b);
    }
}

/* Returns: (transfer full): a script that makes a database as llweek made it before the
 *   migration whose SQL holds @text (found by what it makes: migrations may be renumbered),
 *   stamped with that version, ready for rows of the test's own to be appended. */
char *
llw_test_schema_before (const char *text)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < LLW_DATABASE_SCHEMA_VERSION; i++)
    {
      g_autoptr(GBytes) part = llw_database_get_migration (i, NULL);

      if (strstr (g_bytes_get_data (part, NULL), text) != NULL)
        {
          g_string_append_printf (sql, "PRAGMA application_id = %d; PRAGMA user_version = %u;\n",
                                  LLW_APPLICATION_ID, i);
          return g_string_free (sql, FALSE);
        }
      g_string_append_printf (sql, "%s;\n", (const char *) g_bytes_get_data (part, NULL));
    }
  g_assert_not_reached ();
}
