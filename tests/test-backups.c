/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The automatic backups: taken only when the data changed, kept before a restore or a copy
 * of a campaign until the user deletes them, pruned to the last ten distinct states and one
 * a month, and only ever the backups of their own database. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "llw-core-resources.h"
#include "llw-database.h"

#include "llw-test-fixture.h"

static gint64
add_unit (LlwTestFixture *fixture,
          const char     *name)
{
  g_autoptr(GHashTable) input = llw_test_values ("name", name, "unit_group", "other", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = llw_database_insert (fixture->db, &llw_entity_unit, 0, input, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
backup (LlwTestFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (llw_database_backup_automatic (fixture->db, &error));
  g_assert_no_error (error);
}

static char *
backup_folder (LlwTestFixture *fixture)
{
  return llw_database_get_backup_folder (fixture->db);
}

/* Returns: (transfer full): the names in @folder, sorted. */
static GPtrArray *
list_names (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, llw_test_compare_strings);
  return names;
}

static guint
count_with (GPtrArray  *names,
            const char *part)
{
  guint n = 0;

  for (guint i = 0; i < names->len; i++)
    n += strstr (names->pdata[i], part) != NULL;
  return n;
}

/* Returns: (transfer full): the units whose name starts with "Trạng thái ", in the file at
 *   @path: the marks that tell the states of these tests apart. */
static char *
marks (const char *path)
{
  g_autofree char *uri = g_strdup_printf ("file:%s?immutable=1", path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT coalesce (group_concat (name, ','), '') FROM "
                                           "(SELECT name FROM unit WHERE name LIKE 'Trạng thái %' "
                                           "ORDER BY name)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

/* A start whose data did not change since the last backup takes none; a change makes the
 * next start take one. */
static void
test_only_when_changed (LlwTestFixture *fixture,
                        gconstpointer   data)
{
  g_autofree char *folder = backup_folder (fixture);
  g_autoptr(GPtrArray) names = NULL;

  backup (fixture);
  backup (fixture);
  names = list_names (folder);
  g_assert_cmpuint (names->len, ==, 1);

  add_unit (fixture, "Trạng thái mới");
  backup (fixture);
  backup (fixture);
  g_clear_pointer (&names, g_ptr_array_unref);
  names = list_names (folder);
  g_assert_cmpuint (names->len, ==, 2);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

/* A backup of the database as it is, to stand for backups of earlier days. */
static void
make_old_backup (LlwTestFixture *fixture,
                 const char     *name)
{
  g_autofree char *folder = backup_folder (fixture);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (llw_database_backup_to (fixture->db, path, &error));
  g_assert_no_error (error);
}

/* Rotation keeps the ten latest states and one a month, and deletes nothing that is not a
 * backup of this very database: not another database's, not a file the user put there. */
static void
test_rotation (LlwTestFixture *fixture,
               gconstpointer   data)
{
  g_autofree char *folder = backup_folder (fixture);
  /* Not ours, though some look so; the fourth would be pruned if it were. */
  const char *others[] = {
    "llweek-2022-20190101-120000.db",       /* a backup of llweek-2022.db */
    "llweek-20190101-120000.db.txt",
    "llweek-ghi-chu.db",
    "llweek-20190102-130000.db",            /* named like one, but the user's text */
    "other-20190101-120000.db",
  };
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *new_one = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  for (guint month = 1; month <= 3; month++)
    for (guint day = 1; day <= 4; day++)
      {
        g_autofree char *name = g_strdup_printf ("llweek-2019%02u%02u-120000.db", month, day);

        make_old_backup (fixture, name);
      }
  for (guint day = 1; day <= 12; day++)
    {
      g_autofree char *name = g_strdup_printf ("llweek-202010%02u-120000.db", day);

      make_old_backup (fixture, name);
    }
  make_old_backup (fixture, "llweek-20180115-120000-0123456789abcdef-truoc-khoi-phuc.db");
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (folder, others[i], NULL);

      if (g_str_has_suffix (others[i], "0.db") && !g_str_has_prefix (others[i], "llweek-2019"))
        copy_file (fixture->path, path);
      else
        g_assert_true (g_file_set_contents (path, "ghi chú của người dùng", -1, NULL));
    }

  add_unit (fixture, "Trạng thái mới");
  backup (fixture);
  names = list_names (folder);
  g_assert_cmpuint (names->len, ==, 1 + 9 + 3 + 1 + G_N_ELEMENTS (others));

  /* The new one and nine of October 2020 are the ten latest states; each month of 2019
   * keeps its last; the one kept before a restore stays; the rest is not ours. */
  for (guint i = 0; i < names->len; i++)
    if (g_str_has_prefix (names->pdata[i], "llweek-20") && strlen (names->pdata[i]) > 40)
      new_one = g_strdup (names->pdata[i]);
  g_assert_nonnull (new_one);
  g_ptr_array_add (expected, g_strdup (new_one));
  for (guint day = 4; day <= 12; day++)
    g_ptr_array_add (expected, g_strdup_printf ("llweek-202010%02u-120000.db", day));
  for (guint month = 1; month <= 3; month++)
    g_ptr_array_add (expected, g_strdup_printf ("llweek-2019%02u04-120000.db", month));
  g_ptr_array_add (expected, g_strdup ("llweek-20180115-120000-0123456789abcdef-truoc-khoi-"
                                       "phuc.db"));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_ptr_array_add (expected, g_strdup (others[i]));
  g_ptr_array_sort (expected, llw_test_compare_strings);
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (names->pdata[i], ==, expected->pdata[i]);
}

/* The backups taken before a restore and before a campaign is copied are never pruned. */
static void
test_kept_before_changes (LlwTestFixture *fixture,
                          gconstpointer   data)
{
  g_autofree char *folder = backup_folder (fixture);
  g_autofree char *saved = g_build_filename (fixture->folder, "đã lưu.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwCampaign) copy = NULL;
  g_autoptr(GPtrArray) names = NULL;

  g_assert_true (llw_database_backup_to (fixture->db, saved, &error));
  add_unit (fixture, "Trạng thái trước khôi phục");
  g_assert_true (llw_database_restore (fixture->db, saved, &error));
  g_assert_no_error (error);
  add_unit (fixture, "Trạng thái trước khi tạo đợt mới");
  copy = llw_database_copy_campaign (fixture->db, fixture->campaign, 2022, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);

  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *name = g_strdup_printf ("Trạng thái %02u", i);

      add_unit (fixture, name);
      backup (fixture);
    }

  names = list_names (folder);
  g_assert_cmpuint (count_with (names, "-truoc-khoi-phuc.db"), ==, 1);
  g_assert_cmpuint (count_with (names, "-truoc-tao-dot-moi.db"), ==, 1);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, names->pdata[i], NULL);
      g_autofree char *found = marks (path);

      if (strstr (names->pdata[i], "truoc-khoi-phuc") != NULL)
        g_assert_cmpstr (found, ==, "Trạng thái trước khôi phục");
      else if (strstr (names->pdata[i], "truoc-tao-dot-moi") != NULL)
        g_assert_cmpstr (found, ==, "Trạng thái trước khi tạo đợt mới");
    }
  /* Of the 25 regular ones, the last ten states stay, this month. */
  g_assert_cmpuint (names->len, ==, 2 + 10);
}

/* Thirty restores in a row, of three copies and each one twice running, keep one backup of
 * each state the data was in before a restore, and never the same state twice. */
static void
test_thirty_restores (LlwTestFixture *fixture,
                      gconstpointer   data)
{
  const char *states[] = { "Trạng thái A", "Trạng thái B", "Trạng thái C" };
  g_autofree char *folder = backup_folder (fixture);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Copies of three states: A; A and B; A, B and C. */
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autofree char *copy = g_strdup_printf ("%s/bản sao %u.db", fixture->folder, i);
      g_autoptr(GError) error = NULL;

      add_unit (fixture, states[i]);
      g_assert_true (llw_database_backup_to (fixture->db, copy, &error));
      g_assert_no_error (error);
      g_ptr_array_add (copies, g_steal_pointer (&copy));
    }
  add_unit (fixture, "Trạng thái D");

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *copy = copies->pdata[(i / 2) % copies->len];

      g_assert_true (llw_database_restore (fixture->db, copy, &error));
      g_assert_no_error (error);
    }

  names = list_names (folder);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, names->pdata[i], NULL);
      g_autofree char *found = marks (path);

      g_test_message ("%s: %s", (char *) names->pdata[i], found);
      g_assert_nonnull (strstr (names->pdata[i], "-truoc-khoi-phuc.db"));
      g_assert_true (g_hash_table_add (seen, g_steal_pointer (&found)));
    }
  g_assert_cmpuint (names->len, ==, 4);
  g_assert_true (g_hash_table_contains (seen, "Trạng thái A"));
  g_assert_true (g_hash_table_contains (seen, "Trạng thái A,Trạng thái B"));
  g_assert_true (g_hash_table_contains (seen, "Trạng thái A,Trạng thái B,Trạng thái C"));
  g_assert_true (g_hash_table_contains (seen, "Trạng thái A,Trạng thái B,Trạng thái C,"
                                              "Trạng thái D"));
}

/* A file of the first version of the schema is brought up to date, after a backup of it that
 * pruning never takes. */
static void
test_kept_before_migration (LlwTestFixture *fixture,
                            gconstpointer   data)
{
  g_autofree char *old = g_build_filename (fixture->folder, "năm cũ.db", NULL);
  g_autofree char *backups = g_build_filename (fixture->folder, "backups", NULL);
  g_autoptr(GBytes) first = g_resource_lookup_data (llw_core_get_resource (),
                                                    "/io/github/llweek/Llweek/core/schema/"
                                                    "001-initial.sql", 0, NULL);
  g_autofree char *stamp = g_strdup_printf ("%s; PRAGMA application_id = 1280071499; "
                                            "PRAGMA user_version = 1; INSERT INTO unit (name, "
                                            "name_key, unit_group, position) VALUES "
                                            "('Trạng thái cũ', 'trạng thái cũ', 'other', 1)",
                                            (const char *) g_bytes_get_data (first, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(GPtrArray) names = NULL;

  llw_test_exec_file (old, stamp);
  db = llw_database_open (old, &error);
  g_assert_no_error (error);
  g_assert_cmpint (llw_database_get_schema_version (db), ==, LLW_DATABASE_SCHEMA_VERSION);

  names = list_names (backups);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_nonnull (strstr (names->pdata[0], "-truoc-nang-cap.db"));
  {
    g_autofree char *path = g_build_filename (backups, names->pdata[0], NULL);
    g_autofree char *found = marks (path);

    g_assert_cmpstr (found, ==, "Trạng thái cũ");
  }
}

/* A copy the user saves may replace an earlier copy, never the database open here nor any
 * file of it, whatever name leads there. */
static void
test_save_copy (LlwTestFixture *fixture,
                gconstpointer   data)
{
  g_autofree char *copy = g_build_filename (fixture->folder, "llweek-2021-10-25.db", NULL);
  g_autofree char *link = g_build_filename (fixture->folder, "lối tắt.db", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  const char *refused[] = { fixture->path, link, wal };
  g_autofree char *found = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (llw_database_backup_to (fixture->db, copy, &error));
  add_unit (fixture, "Trạng thái sau");
  g_assert_true (llw_database_backup_to (fixture->db, copy, &error));
  g_assert_no_error (error);
  found = marks (copy);
  g_assert_cmpstr (found, ==, "Trạng thái sau");

  g_assert_cmpint (symlink (fixture->path, link), ==, 0);
  before = llw_test_snapshot (fixture->folder, fixture->path);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (llw_database_backup_to (fixture->db, refused[i], &error));
      g_assert_nonnull (strstr (error->message, refused[i]));
      g_clear_error (&error);
    }
  after = llw_test_snapshot (fixture->folder, fixture->path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, LlwTestFixture, NULL, llw_test_fixture_set_up, func, \
              llw_test_fixture_tear_down)
  ADD ("/backups/only-when-changed", test_only_when_changed);
  ADD ("/backups/rotation", test_rotation);
  ADD ("/backups/kept-before-changes", test_kept_before_changes);
  ADD ("/backups/thirty-restores", test_thirty_restores);
  ADD ("/backups/save-copy", test_save_copy);
  ADD ("/backups/kept-before-migration", test_kept_before_migration);
#undef ADD

  return g_test_run ();
}
