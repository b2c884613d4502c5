/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Database files from elsewhere, as e-mail, USB sticks and tired people bring them: what is
 * not an ordinary file is refused at once; a schema llweek did not make is refused, naming
 * what it holds; a log left by a crash is replayed only after a copy of it is kept, and a log
 * that does not belong to its file is put back untouched. Each refusal is checked against
 * a picture of the folder (every file's permission bits and SHA-256) taken before. */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "llw-core-resources.h"
#include "llw-database.h"

#include "llw-test-fixture.h"

typedef LlwTestFolder Fixture;

static void
create (const char *path)
{
  g_autoptr(GError) error = NULL;
  LlwDatabase *db = llw_database_open (path, &error);

  g_assert_no_error (error);
  g_object_unref (db);
}


/* Opening @path must fail with @code, name @named, and change nothing in the folder. */
static void
assert_refused (Fixture    *fixture,
                const char *path,
                int         code,
                const char *named)
{
  g_autofree char *before = llw_test_snapshot (fixture->folder, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = llw_database_open (path, &error);

  g_assert_null (db);
  g_assert_error (error, LLW_DATABASE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  if (named != NULL)
    g_assert_nonnull (strstr (error->message, named));
  after = llw_test_snapshot (fixture->folder, NULL);
  g_assert_cmpstr (before, ==, after);
}

typedef struct
{
  const char *name;
  const char *sql;      /* run on a new llweek database */
  const char *named;    /* what the message must name */
} ForeignCase;

static const ForeignCase foreign_cases[] = {
  { "trigger", "CREATE TRIGGER t_audit AFTER INSERT ON report BEGIN DELETE FROM unit; END",
    "t_audit" },
  { "view", "CREATE VIEW v_units AS SELECT name, phone FROM unit", "v_units" },
  { "index", "CREATE INDEX i_phone ON unit (phone)", "i_phone" },
  { "table", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "notes" },
  { "altered-table", "ALTER TABLE unit ADD COLUMN secret TEXT", "unit" },
  { "dropped-index", "DROP INDEX unit_position", "unit_position" },
};

/* A schema object llweek did not make, or one it made changed, is refused by name. */
static void
test_foreign_schema (Fixture      *fixture,
                     gconstpointer data)
{
  const ForeignCase *foreign = data;

  create (fixture->path);
  llw_test_exec_file (fixture->path, foreign->sql);
  assert_refused (fixture, fixture->path, LLW_DATABASE_ERROR_FOREIGN, foreign->named);
}

/* A backup with a trigger in it is not restored: it would run inside llweek's writes. */
static void
test_foreign_restore (Fixture      *fixture,
                      gconstpointer data)
{
  g_autofree char *copy = g_build_filename (fixture->folder, "bản sao.db", NULL);
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  create (copy);
  llw_test_exec_file (copy, "CREATE TRIGGER t_wipe AFTER UPDATE ON campaign BEGIN DELETE FROM unit; END");
  db = llw_database_open (fixture->path, &error);
  g_assert_no_error (error);
  before = llw_test_snapshot (fixture->folder, fixture->path);

  g_assert_false (llw_database_restore (db, copy, &error));
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_FOREIGN);
  g_assert_nonnull (strstr (error->message, "t_wipe"));
  after = llw_test_snapshot (fixture->folder, fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* What is not an ordinary file, as the database or beside it, is refused at once. */
static void
test_not_files (Fixture      *fixture,
                gconstpointer data)
{
  g_autofree char *fifo = g_build_filename (fixture->folder, "ống.db", NULL);
  g_autofree char *device = g_build_filename (fixture->folder, "thiết bị.db", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  assert_refused (fixture, fifo, LLW_DATABASE_ERROR_OPEN, NULL);
  g_assert_cmpint (symlink ("/dev/zero", device), ==, 0);
  assert_refused (fixture, device, LLW_DATABASE_ERROR_OPEN, NULL);
  assert_refused (fixture, fixture->folder, LLW_DATABASE_ERROR_OPEN, NULL);

  create (fixture->path);
  g_assert_cmpint (g_mkdir (wal, 0755), ==, 0);
  assert_refused (fixture, fixture->path, LLW_DATABASE_ERROR_OPEN, "-wal");
  g_assert_cmpint (g_rmdir (wal), ==, 0);
  g_assert_cmpint (mkfifo (journal, 0644), ==, 0);
  assert_refused (fixture, fixture->path, LLW_DATABASE_ERROR_OPEN, "-journal");
}

/* Leaves in @path's log, as a crash does, a change the file does not have yet. */
static void
crash_with_change (const char *path,
                   const char *into,
                   const char *sql)
{
  const char *suffixes[] = { "", "-wal" };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  /* The files as they are while the change is only in the log: a crash's leftovers. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (into, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }
  sqlite3_close (db);
}

static char *
sha256_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) contents, length);
}

/* Returns: (transfer full): the name of the one file in @folder ending in @suffix. */
static char *
find_copy (const char *folder,
           const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  char *found = NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      {
        g_assert_null (found);
        found = g_build_filename (folder, name, NULL);
      }
  g_assert_nonnull (found);
  return found;
}

/* A crash's log is replayed, after the file and its log are copied into the backups. */
static void
test_recover_crash (Fixture      *fixture,
                    gconstpointer data)
{
  g_autofree char *source = g_build_filename (fixture->folder, "nguồn.db", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *backups = g_build_filename (fixture->folder, "backups", NULL);
  g_autofree char *file_sum = NULL;
  g_autofree char *wal_sum = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_wal = NULL;
  g_autofree char *file_copy_sum = NULL;
  g_autofree char *wal_copy_sum = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(LlwCampaign) campaign = NULL;

  create (source);
  crash_with_change (source, fixture->path,
                     "UPDATE campaign SET report_signer_name = 'Trần Thị B'");
  file_sum = sha256_of (fixture->path);
  wal_sum = sha256_of (wal);

  db = llw_database_open (fixture->path, &error);
  g_assert_no_error (error);
  campaign = llw_database_get_campaign (db, 2021, &error);
  g_assert_cmpstr (llw_campaign_get_text (campaign, LLW_CAMPAIGN_REPORT_SIGNER_NAME), ==,
                   "Trần Thị B");

  copy = find_copy (backups, "-truoc-phuc-hoi.db");
  copy_wal = find_copy (backups, "-truoc-phuc-hoi.db-wal");
  file_copy_sum = sha256_of (copy);
  wal_copy_sum = sha256_of (copy_wal);
  g_assert_cmpstr (file_copy_sum, ==, file_sum);
  g_assert_cmpstr (wal_copy_sum, ==, wal_sum);
}

/* A database copied over another, whose log stayed: the log would replace the file's pages
 * with the other's, and shorten it. It is found not to fit, and the file, its log and the
 * folder are as they were, but for the copy kept in the backups. */
static void
test_foreign_log (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *other = g_build_filename (fixture->folder, "khác.db", NULL);
  g_autofree char *other_copy = g_build_filename (fixture->folder, "khác-sao.db", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *other_wal = g_strconcat (other_copy, "-wal", NULL);
  g_autofree char *backups = g_build_filename (fixture->folder, "backups", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *file_sum = NULL;
  g_autofree char *wal_sum = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_sum = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(GString) units = g_string_new ("BEGIN;");

  /* This file grows large; the other's log holds changes of a small one. */
  create (fixture->path);
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (units, "INSERT INTO unit (name, name_key, unit_group, position) "
                                   "VALUES ('Đơn vị %u', 'đơn vị %u', 'other', %u);",
                            i, i, 1000 + i);
  g_string_append (units, "COMMIT; PRAGMA wal_checkpoint (TRUNCATE);");
  llw_test_exec_file (fixture->path, units->str);
  create (other);
  crash_with_change (other, other_copy,
                     "UPDATE campaign SET report_signer_name = 'Người ký khác';"
                     "INSERT INTO unit (name, name_key, unit_group, position) "
                     "VALUES ('Z', 'z', 'other', 5000)");
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (other_wal, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (wal, contents, length, NULL));
  }
  file_sum = sha256_of (fixture->path);
  wal_sum = sha256_of (wal);
  before = llw_test_snapshot (fixture->folder, NULL);

  db = llw_database_open (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, backups));

  /* The file and its log are byte for byte as they were; the backups hold a copy. */
  copy = find_copy (backups, "-truoc-phuc-hoi.db");
  copy_sum = sha256_of (copy);
  g_assert_cmpstr (copy_sum, ==, file_sum);
  llw_test_remove_folder (backups);
  after = llw_test_snapshot (fixture->folder, NULL);
  g_assert_cmpstr (before, ==, after);
}

#define SCHEMA_FOLDER "/io/github/llweek/Llweek/core/schema/"

/* Returns: (transfer full): the SQL of llweek's migration number @index, counted from 0, as
 *   its schema folder orders them. */
static char *
migration (guint index)
{
  g_auto(GStrv) files = g_resource_enumerate_children (llw_core_get_resource (), SCHEMA_FOLDER,
                                                       0, NULL);
  g_autofree char *name = NULL;
  g_autoptr(GBytes) sql = NULL;

  g_assert_nonnull (files);
  g_assert_cmpuint (g_strv_length (files), ==, LLW_DATABASE_SCHEMA_VERSION);
  qsort (files, g_strv_length (files), sizeof *files, llw_test_compare_strings);
  name = g_strconcat (SCHEMA_FOLDER, files[index], NULL);
  sql = g_resource_lookup_data (llw_core_get_resource (), name, 0, NULL);
  g_assert_nonnull (sql);
  return g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
}

/* Writes at @path what llweek made one version before this one, with a unit: every
 * migration but the last, stamped with that version; then runs @sql on it. */
static void
make_previous_version (const char *path,
                       const char *sql)
{
  g_autoptr(GString) script = g_string_new (NULL);

  for (guint i = 0; i + 1 < LLW_DATABASE_SCHEMA_VERSION; i++)
    {
      g_autofree char *step = migration (i);

      g_string_append_printf (script, "%s;\n", step);
    }
  g_string_append_printf (script, "PRAGMA application_id = 1280071499; "
                          "PRAGMA user_version = %d; INSERT INTO unit (name, name_key, "
                          "unit_group, position) VALUES ('Sở Y tế', 'sở y tế', 'other', 1); %s",
                          LLW_DATABASE_SCHEMA_VERSION - 1, sql);
  llw_test_exec_file (path, script->str);
}

/* A file of the version before this one is accepted and brought up to date, its data kept;
 * opened again at this version it is accepted again. Its schema is compared with that of
 * its own version: the same file claiming the earlier version with the latest schema is not
 * llweek's. */
static void
test_previous_version (Fixture      *fixture,
                       gconstpointer data)
{
  g_autofree char *claims = g_build_filename (fixture->folder, "sai phiên bản.db", NULL);
  g_autofree char *last = migration (LLW_DATABASE_SCHEMA_VERSION - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autofree char *dump = NULL;

  make_previous_version (fixture->path, "");
  for (guint i = 0; i < 2; i++)
    {
      db = llw_database_open (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (llw_database_get_schema_version (db), ==, LLW_DATABASE_SCHEMA_VERSION);
      g_clear_object (&db);
    }
  dump = llw_test_dump_path (fixture->path);
  g_assert_nonnull (strstr (dump, "Sở Y tế"));

  make_previous_version (claims, last);
  assert_refused (fixture, claims, LLW_DATABASE_ERROR_FOREIGN, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, llw_test_folder_set_up, func, llw_test_folder_tear_down)
  ADD ("/open/not-files", test_not_files);
  ADD ("/open/foreign-restore", test_foreign_restore);
  ADD ("/open/recover-crash", test_recover_crash);
  ADD ("/open/foreign-log", test_foreign_log);
  ADD ("/open/previous-version", test_previous_version);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (foreign_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/open/foreign-schema/%s", foreign_cases[i].name);

      g_test_add (name, Fixture, &foreign_cases[i], llw_test_folder_set_up, test_foreign_schema,
                  llw_test_folder_tear_down);
    }

  return g_test_run ();
}
