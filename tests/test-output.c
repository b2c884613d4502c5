/* SPDX-License-Identifier: GPL-3.0-or-later */
/* llw_output_write (), the one way every output file is written: what it refuses, what it
 * keeps, and what it never leaves behind. Each refusal is checked against a picture of the
 * database and the folder (full dump, every file's permission bits and SHA-256) taken
 * before. */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "llw-output.h"

#include "llw-test-fixture.h"

static gboolean
write_new (const char  *path,
           gpointer     user_data,
           GError     **error)
{
  return g_file_set_contents (path, user_data != NULL ? user_data : "new", -1, error);
}

static gboolean
check_ok (const char  *path,
          gpointer     user_data,
          GError     **error)
{
  return TRUE;
}

static gboolean
check_fails (const char  *path,
             gpointer     user_data,
             GError     **error)
{
  g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "came out short");
  return FALSE;
}

static gboolean
write_fails (const char  *path,
             gpointer     user_data,
             GError     **error)
{
  g_file_set_contents (path, "half", -1, NULL);
  g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "No space left on device");
  return FALSE;
}

static char *
in_folder (LlwTestFixture *fixture,
           const char     *name)
{
  return g_build_filename (fixture->folder, name, NULL);
}

/* Writes @target, which must be refused with nothing changed. */
static void
assert_refused (LlwTestFixture *fixture,
                const char     *target)
{
  g_autofree char *before = llw_test_snapshot (fixture->folder, fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (llw_output_write (target, LLW_OUTPUT_NONE, write_new, check_ok, NULL, &error));
  g_assert_error (error, LLW_OUTPUT_ERROR, LLW_OUTPUT_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, target));
  g_test_message ("%s", error->message);

  after = llw_test_snapshot (fixture->folder, fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* The open database and every file of it, by its name, a link or a hard link. */
static void
test_database_files (LlwTestFixture *fixture,
                     gconstpointer   data)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal", ".lock" };
  g_autofree char *soft = in_folder (fixture, "báo cáo.xlsx");
  g_autofree char *hard = in_folder (fixture, "danh sách.pdf");
  g_autofree char *wal_link = in_folder (fixture, "nhật ký.pdf");
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);

      assert_refused (fixture, file);
    }

  g_assert_cmpint (symlink (fixture->path, soft), ==, 0);
  assert_refused (fixture, soft);
  g_assert_cmpint (link (fixture->path, hard), ==, 0);
  assert_refused (fixture, hard);
  g_assert_cmpint (symlink (wal, wal_link), ==, 0);
  assert_refused (fixture, wal_link);
}

/* Another database, not open here, and its log, are not replaced either. */
static void
test_other_database (LlwTestFixture *fixture,
                     gconstpointer   data)
{
  g_autofree char *other = in_folder (fixture, "năm trước.db");
  g_autofree char *other_wal = g_strconcat (other, "-wal", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (other, contents, length, NULL));
  assert_refused (fixture, other);
  assert_refused (fixture, other_wal);
}

/* A folder, a pipe, a device behind a link: refused, not replaced. */
static void
test_not_files (LlwTestFixture *fixture,
                gconstpointer   data)
{
  g_autofree char *folder = in_folder (fixture, "thư mục.xlsx");
  g_autofree char *fifo = in_folder (fixture, "ống.pdf");
  g_autofree char *device = in_folder (fixture, "thiết bị.xlsx");
  GStatBuf st;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  assert_refused (fixture, folder);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  assert_refused (fixture, fifo);
  g_assert_cmpint (symlink ("/dev/null", device), ==, 0);
  assert_refused (fixture, device);
  g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
}

/* The target keeps its permission bits; a new file gets the usual ones. */
static void
test_permissions (LlwTestFixture *fixture,
                  gconstpointer   data)
{
  g_autofree char *kept = in_folder (fixture, "chỉ nhóm đọc.xlsx");
  g_autofree char *fresh = in_folder (fixture, "mới.xlsx");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  mode_t mask = umask (022);
  GStatBuf st;

  umask (mask);
  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_assert_cmpint (g_chmod (kept, 0640), ==, 0);
  g_assert_true (llw_output_write (kept, LLW_OUTPUT_NONE, write_new, check_ok, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (kept, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");

  g_assert_true (llw_output_write (fresh, LLW_OUTPUT_NONE, write_new, check_ok, NULL, &error));
  g_assert_cmpint (g_stat (fresh, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0666 & ~mask);
}

/* A 250-byte Vietnamese name is as good as any. */
static void
test_long_name (LlwTestFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  while (name->len + strlen ("Báo cáo tổng hợp Tuần lễ ") + 5 <= 250)
    g_string_append (name, "Báo cáo tổng hợp Tuần lễ ");
  while (name->len + 5 < 250)
    g_string_append_c (name, 'x');
  g_string_append (name, ".xlsx");
  g_assert_cmpuint (name->len, ==, 250);
  path = in_folder (fixture, name->str);

  g_assert_true (llw_output_write (path, LLW_OUTPUT_NONE, write_new, check_ok, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
make_file (const char *path,
           gint64      age_seconds)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint64 time = (guint64) (g_get_real_time () / G_USEC_PER_SEC - age_seconds);

  g_assert_true (g_file_set_contents (path, "left", -1, NULL));
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, time,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
}

/* What a killed run left is removed by the next; what may belong to a run going on, and
 * what the user named alike, stay. */
static void
test_stale_temporaries (LlwTestFixture *fixture,
                        gconstpointer   data)
{
  const char *stale[] = { ".llweek-AbC123.tmp", ".llweek-Xy9z0Q.tmp-journal",
                          ".llweek-Qq1Ww2.tmp-wal", ".llweek-Pp3Rr4.tmp-part",
                          ".llweek-Ss5Tt6.tmp-part2" };
  const char *kept[] = { ".llweek-Fresh1.tmp", ".llweek-notes.tmp", "llweek-AbC123.tmp",
                         ".llweek-AbC123.tmp.bak", ".llweek-Uu7Vv8.tmp-party" };
  g_autofree char *target = in_folder (fixture, "báo cáo.xlsx");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *path = in_folder (fixture, stale[i]);

      make_file (path, 3600);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = in_folder (fixture, kept[i]);

      make_file (path, i == 0 ? 0 : 3600);
    }

  g_assert_true (llw_output_write (target, LLW_OUTPUT_NONE, write_new, check_ok, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *path = in_folder (fixture, stale[i]);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = in_folder (fixture, kept[i]);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

/* A file that fails its check, or a write that fails, leaves the old file as it was and
 * nothing else behind. */
static void
test_failures (LlwTestFixture *fixture,
               gconstpointer   data)
{
  g_autofree char *target = in_folder (fixture, "báo cáo.pdf");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  before = llw_test_snapshot (fixture->folder, fixture->path);

  g_assert_false (llw_output_write (target, LLW_OUTPUT_NONE, write_new, check_fails, NULL,
                                    &error));
  g_assert_error (error, LLW_OUTPUT_ERROR, LLW_OUTPUT_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, target));
  g_assert_nonnull (strstr (error->message, "came out short"));
  g_clear_error (&error);
  after = llw_test_snapshot (fixture->folder, fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  g_assert_false (llw_output_write (target, LLW_OUTPUT_NONE, write_fails, check_ok, NULL,
                                    &error));
  g_assert_error (error, LLW_OUTPUT_ERROR, LLW_OUTPUT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "No space left"));
  after = llw_test_snapshot (fixture->folder, fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* A folder that does not exist is named; nothing is made. */
static void
test_missing_folder (LlwTestFixture *fixture,
                     gconstpointer   data)
{
  g_autofree char *target = g_build_filename (fixture->folder, "không có", "báo cáo.xlsx", NULL);
  g_autofree char *before = llw_test_snapshot (fixture->folder, fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (llw_output_write (target, LLW_OUTPUT_NONE, write_new, check_ok, NULL, &error));
  g_assert_error (error, LLW_OUTPUT_ERROR, LLW_OUTPUT_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "không có"));
  after = llw_test_snapshot (fixture->folder, fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* A file the user may not write is not replaced behind its back. */
static void
test_read_only_target (LlwTestFixture *fixture,
                       gconstpointer   data)
{
  g_autofree char *target = in_folder (fixture, "đã khóa.xlsx");

  if (geteuid () == 0)
    {
      g_test_skip ("the superuser can write any file");
      return;
    }
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0444), ==, 0);
  assert_refused (fixture, target);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, LlwTestFixture, NULL, llw_test_fixture_set_up, func, \
              llw_test_fixture_tear_down)
  ADD ("/output/database-files", test_database_files);
  ADD ("/output/other-database", test_other_database);
  ADD ("/output/not-files", test_not_files);
  ADD ("/output/permissions", test_permissions);
  ADD ("/output/long-name", test_long_name);
  ADD ("/output/stale-temporaries", test_stale_temporaries);
  ADD ("/output/failures", test_failures);
  ADD ("/output/missing-folder", test_missing_folder);
  ADD ("/output/read-only-target", test_read_only_target);
#undef ADD

  return g_test_run ();
}
