/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "llw-database.h"
#include "llw-database-private.h"
#include "llw-indicator.h"
#include "llw-recipient.h"
#include "llw-report-status.h"
#include "llw-theme.h"
#include "llw-activity-kind.h"
#include "llw-unit.h"

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
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("llweek-test-XXXXXX", &error);
  g_assert_no_error (error);
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
  g_assert_nonnull (db);
  return db;
}

static LlwCampaign *
campaign_2021 (LlwDatabase *db)
{
  g_autoptr(GError) error = NULL;
  LlwCampaign *campaign = llw_database_get_campaign (db, 2021, &error);

  g_assert_no_error (error);
  g_assert_nonnull (campaign);
  return campaign;
}

/* Runs one statement on the file behind llweek's back, as a test's way to set up data. */
static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
test_create_new (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(LlwDatabase) db = NULL;

  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  db = open_ok (fixture->path);

  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (llw_database_get_schema_version (db), ==, LLW_DATABASE_SCHEMA_VERSION);
  g_assert_cmpstr (llw_database_get_path (db), ==, fixture->path);
}

static void
test_create_in_new_folder (Fixture      *fixture,
                           gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "Dữ liệu", "năm 2021", "x.db",
                                            NULL);
  g_autoptr(LlwDatabase) db = open_ok (path);
  g_autoptr(LlwCampaign) campaign = campaign_2021 (db);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_campaign_2021 (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr(LlwDatabase) db = open_ok (fixture->path);
  g_autoptr(LlwCampaign) campaign = campaign_2021 (db);
  static const struct { LlwCampaignField field; const char *value; } expected[] = {
    { LLW_CAMPAIGN_TITLE, "Tuần lễ hưởng ứng học tập suốt đời năm 2021" },
    { LLW_CAMPAIGN_START_DATE, "2021-10-01" },
    { LLW_CAMPAIGN_END_DATE, "2021-10-07" },
    { LLW_CAMPAIGN_OPENING_DATE, "2021-10-01" },
    { LLW_CAMPAIGN_UNIT_DEADLINE, "2021-10-21" },
    { LLW_CAMPAIGN_MINISTRY_DEADLINE, "2021-10-30" },
    { LLW_CAMPAIGN_DIRECTIVE_NUMBER, "154/T/UBND-KGVX" },
    { LLW_CAMPAIGN_DIRECTIVE_DATE, "2021-09-28" },
    { LLW_CAMPAIGN_MINISTRY_LETTER_NUMBER, "3764/BGDĐT-GDTX" },
    { LLW_CAMPAIGN_MINISTRY_LETTER_DATE, "2021-08-31" },
    { LLW_CAMPAIGN_OFFICE_NAME, "Phòng Giáo dục Trung học và Giáo dục Thường xuyên" },
    { LLW_CAMPAIGN_OFFICE_ADDRESS,
      "Số 131 Đống Đa, phường Vĩnh Lạc, thành phố Rạch Giá, tỉnh Kiên Giang" },
    { LLW_CAMPAIGN_OFFICE_PHONE, "02973.861947" },
    { LLW_CAMPAIGN_OFFICE_EMAIL, "phonggdtrh.sokiengiang@moet.edu.vn" },
    { LLW_CAMPAIGN_REPORT_TO, "Bộ Giáo dục và Đào tạo\nỦy ban nhân dân tỉnh Kiên Giang" },
  };

  g_assert_cmpint (llw_campaign_get_year (campaign), ==, 2021);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (llw_campaign_get_text (campaign, expected[i].field), ==, expected[i].value);
}

static void
test_themes_and_kinds (Fixture      *fixture,
                       gconstpointer data)
{
  static const char *const themes[] = {
    "Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người trong bối cảnh đại dịch "
    "COVID-19.",
    "Chuyển đổi số để xây dựng thành công một xã hội học tập mới.",
    "Thi đua đẩy nhanh mức độ trưởng thành chuyển đổi số tại địa phương, đơn vị và cộng đồng.",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = open_ok (fixture->path);
  g_autoptr(LlwCampaign) campaign = campaign_2021 (db);
  g_autoptr(GListModel) list = llw_database_list_themes (db, campaign, &error);
  g_autoptr(GListModel) kinds = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (themes));
  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      g_autoptr(LlwTheme) theme = g_list_model_get_item (list, i);

      g_assert_cmpstr (llw_theme_get_title (theme), ==, themes[i]);
      g_assert_true (llw_theme_get_suggested (theme));
    }

  kinds = llw_database_list_activity_kinds (db, campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(LlwActivityKind) kind = g_list_model_get_item (kinds, i);

      g_assert_cmpint (llw_activity_kind_get_position (kind), ==, i + 1);
      g_assert_cmpstr (llw_activity_kind_get_title (kind), !=, "");
      g_assert_cmpstr (llw_activity_kind_get_description (kind), !=, "");
    }
  {
    g_autoptr(LlwActivityKind) unesco = g_list_model_get_item (kinds, 5);

    g_assert_nonnull (strstr (llw_activity_kind_get_description (unesco), "uil.unesco.org"));
  }
}

static void
test_units (Fixture      *fixture,
            gconstpointer data)
{
  static const char *const districts[] = {
    "UBND thành phố Rạch Giá", "UBND thành phố Hà Tiên", "UBND huyện Kiên Lương",
    "UBND huyện Hòn Đất", "UBND huyện Tân Hiệp", "UBND huyện Châu Thành",
    "UBND huyện Giồng Riềng", "UBND huyện Gò Quao", "UBND huyện An Biên",
    "UBND huyện An Minh", "UBND huyện Vĩnh Thuận", "UBND thành phố Phú Quốc",
    "UBND huyện Kiên Hải", "UBND huyện U Minh Thượng", "UBND huyện Giang Thành",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = open_ok (fixture->path);
  g_autoptr(LlwCampaign) campaign = campaign_2021 (db);
  g_autoptr(GListModel) units = llw_database_list_units (db, campaign, &error);
  guint n_district = 0, n_provincial = 0, n_lead = 0;
  gboolean found_ldtbxh = FALSE, found_hkh = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(LlwUnit) unit = g_list_model_get_item (units, i);
      const char *name = llw_unit_get_name (unit);

      g_assert_true (llw_unit_get_assigned (unit));
      g_assert_cmpstr (llw_unit_get_task (unit), !=, "");
      g_assert_cmpstr (llw_unit_get_deadline (unit), ==, "2021-10-21");
      if (llw_unit_get_group (unit) == LLW_UNIT_GROUP_DISTRICT)
        {
          g_assert_cmpuint (n_district, <, G_N_ELEMENTS (districts));
          g_assert_cmpstr (name, ==, districts[n_district]);
          g_assert_cmpint (llw_unit_get_role (unit), ==, LLW_ROLE_IMPLEMENT);
          g_assert_true (llw_unit_get_report_required (unit));
          n_district++;
        }
      else
        {
          g_assert_cmpint (llw_unit_get_group (unit), ==, LLW_UNIT_GROUP_PROVINCIAL);
          n_provincial++;
        }

      if (llw_unit_get_role (unit) == LLW_ROLE_LEAD)
        {
          g_assert_cmpstr (name, ==, "Sở Giáo dục và Đào tạo");
          g_assert_false (llw_unit_get_report_required (unit));
          n_lead++;
        }
      found_ldtbxh |= g_str_equal (name, "Sở Lao động - Thương binh và Xã hội");
      found_hkh |= g_str_equal (name, "Hội Khuyến học tỉnh") &&
                   llw_unit_get_role (unit) == LLW_ROLE_COORDINATE;
    }

  g_assert_cmpuint (n_district, ==, 15);
  g_assert_cmpuint (n_provincial, ==, 28);
  g_assert_cmpuint (n_lead, ==, 1);
  g_assert_true (found_ldtbxh);
  g_assert_true (found_hkh);
}

static void
test_indicators (Fixture      *fixture,
                 gconstpointer data)
{
  static const char *const codes[] = {
    "A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "C1", "C2", "C3", "C4", "C5", "C6",
    "D1", "D2", "D3", "E1", "F1", "G1", "G2", "G3",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = open_ok (fixture->path);
  g_autoptr(LlwCampaign) campaign = campaign_2021 (db);
  g_autoptr(GListModel) list = llw_database_list_indicators (db, campaign, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(LlwIndicator) indicator = g_list_model_get_item (list, i);

      g_assert_cmpstr (llw_indicator_get_code (indicator), ==, codes[i]);
      g_assert_cmpint (llw_indicator_get_decimals (indicator), ==,
                       g_str_equal (codes[i], "G3") ? 2 : 0);
      g_assert_cmpstr (llw_indicator_get_label (indicator), !=, "");
      g_assert_cmpstr (llw_indicator_get_measure (indicator), !=, "");
    }
}

static void
test_recipients (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = open_ok (fixture->path);
  g_autoptr(LlwCampaign) campaign = campaign_2021 (db);
  g_autoptr(GListModel) list = llw_database_list_recipients (db, campaign, &error);
  g_autoptr(LlwRecipient) first = NULL;
  g_autoptr(LlwRecipient) last = NULL;
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (list);
  g_assert_cmpuint (n, ==, 11);
  first = g_list_model_get_item (list, 0);
  last = g_list_model_get_item (list, n - 1);
  g_assert_cmpstr (llw_recipient_get_kind (first), ==, "to");
  g_assert_cmpstr (llw_recipient_get_name (first), ==, "Các Sở, ban, ngành, đoàn thể cấp tỉnh");
  g_assert_cmpstr (llw_recipient_get_kind (last), ==, "cc");
  g_assert_cmpstr (llw_recipient_get_name (last), ==, "Lưu: VT");
}

/* Opening again must not seed a second campaign nor change the schema. */
static void
test_reopen (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) campaigns = NULL;
  g_autoptr(LlwDatabase) db = NULL;

  g_clear_object (&db);
  db = open_ok (fixture->path);
  g_clear_object (&db);
  exec_sql (fixture->path, "UPDATE campaign SET report_signer_name = 'Nguyễn Văn A'");

  db = open_ok (fixture->path);
  campaigns = llw_database_list_campaigns (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (campaigns), ==, 1);
  {
    g_autoptr(LlwCampaign) campaign = campaign_2021 (db);

    g_assert_cmpstr (llw_campaign_get_text (campaign, LLW_CAMPAIGN_REPORT_SIGNER_NAME), ==,
                     "Nguyễn Văn A");
  }
}

/* A machine that loses power leaves the last changes in the write-ahead log, not yet in the
 * file itself; a copy of both, taken while llweek has the file open, stands for that. */
static void
test_reopen_after_crash (Fixture      *fixture,
                         gconstpointer data)
{
  g_autoptr(LlwDatabase) db = open_ok (fixture->path);
  g_autofree char *copy = g_build_filename (fixture->folder, "copy.db", NULL);
  const char *suffixes[] = { "", "-wal" };

  exec_sql (fixture->path, "UPDATE campaign SET report_signer_name = 'Trần Thị B'");
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (fixture->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (copy, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }
  g_clear_object (&db);

  db = open_ok (copy);
  {
    g_autoptr(LlwCampaign) campaign = campaign_2021 (db);

    g_assert_cmpstr (llw_campaign_get_text (campaign, LLW_CAMPAIGN_REPORT_SIGNER_NAME), ==,
                     "Trần Thị B");
  }
}

/* An SQLite file with no tables, such as one made by "sqlite3 x.db VACUUM", is migrated. */
static void
test_migrate_empty_sqlite (Fixture      *fixture,
                           gconstpointer data)
{
  g_autoptr(LlwDatabase) db = NULL;

  exec_sql (fixture->path, "VACUUM");
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  db = open_ok (fixture->path);
  g_assert_cmpint (llw_database_get_schema_version (db), ==, LLW_DATABASE_SCHEMA_VERSION);
  {
    g_autoptr(LlwCampaign) campaign = campaign_2021 (db);
  }
}

/* The tables rebuilt by a migration keep every row, the rows that refer to them, and their
 * rules: a channel or an action outside the list is still refused, and deleting a report
 * still deletes its figures, in llweek's own connection after the migration. */
static void
test_migrate_rebuilt_tables (Fixture      *fixture,
                             gconstpointer data)
{
  g_autofree char *schema = llw_test_schema_before ("CREATE TABLE report_new");
  g_autofree char *sql = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *left = NULL;
  sqlite3 *raw = NULL;

  sql = g_strconcat (schema,
    "INSERT INTO campaign (id, year, title, start_date, end_date, unit_deadline,"
    "  ministry_deadline) VALUES (1, 2021, 'Tuần lễ', '2021-10-01', '2021-10-07',"
    "  '2021-10-21', '2021-10-30');"
    "INSERT INTO unit (id, name, name_key, unit_group, position)"
    "  VALUES (1, 'Sở Y tế', 'sở y tế', 'provincial', 1);"
    "INSERT INTO indicator (id, campaign_id, code, group_title, label, position)"
    "  VALUES (1, 1, 'A1', 'A', 'Số văn bản', 1);"
    "INSERT INTO report (id, campaign_id, unit_id, received_date, channel, review_state)"
    "  VALUES (1, 1, 1, '2021-10-20', 'post', 'accepted');"
    "INSERT INTO report_value VALUES (1, 1, 12);"
    "INSERT INTO history (changed_at, campaign_id, table_name, record_id, action)"
    "  VALUES ('2021-10-20 08:00:00', 1, 'report', 1, 'insert');", NULL);
  exec_sql (fixture->path, sql);

  db = open_ok (fixture->path);
  g_assert_cmpint (llw_database_get_schema_version (db), ==, LLW_DATABASE_SCHEMA_VERSION);
  kept = llw_test_query_file (fixture->path,
                              "SELECT channel || ' ' || review_state || ' '"
                              " || (SELECT value FROM report_value WHERE report_id = r.id)"
                              " || ' ' || (SELECT action FROM history) FROM report r");
  g_assert_cmpstr (kept, ==, "post accepted 12.0 insert");

  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE report SET channel = 'fax'", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE report SET review_state = 'lost'", NULL, NULL,
                                 NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE history SET action = 'erase'", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  sqlite3_close (raw);

  g_assert_true (llw_database_exec (db, "DELETE FROM report", &error));
  g_assert_no_error (error);
  left = llw_test_query_file (fixture->path, "SELECT count (*) FROM report_value");
  g_assert_cmpstr (left, ==, "0");
}

static void
test_empty_file (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;

  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);
  db = open_ok (fixture->path);
  g_clear_object (&db);
  db = open_ok (fixture->path);
  {
    g_autoptr(LlwCampaign) campaign = campaign_2021 (db);
  }
}

static void
test_latest_and_missing_campaign (Fixture      *fixture,
                                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = open_ok (fixture->path);
  g_autoptr(LlwCampaign) latest = llw_database_get_campaign (db, 0, &error);
  g_autoptr(LlwCampaign) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (llw_campaign_get_year (latest), ==, 2021);

  none = llw_database_get_campaign (db, 2030, &error);
  g_assert_null (none);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND);
}

/* Refused files: the contents are made by each case, then the open must fail with @code and
 * leave the file, and the folder around it, exactly as they were. */
typedef void (*MakeFile) (const char *path);

static void
make_text (const char *path)
{
  g_file_set_contents (path, "Danh sách đơn vị\nRạch Giá;Hà Tiên\n", -1, NULL);
}

static void
make_short_binary (const char *path)
{
  g_file_set_contents (path, "SQLite format 3", 15, NULL);
}

static void
make_newer (const char *path)
{
  g_autoptr(LlwDatabase) db = open_ok (path);

  g_clear_object (&db);
  exec_sql (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
}

static void
make_foreign (const char *path)
{
  exec_sql (path, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT);"
                  "INSERT INTO accounts (owner) VALUES ('someone')");
}

static void
make_foreign_app_id (const char *path)
{
  exec_sql (path, "PRAGMA application_id = 1234; PRAGMA user_version = 1");
}

/* Damages pages after the header of a real llweek database, as a bad USB copy would. */
static void
make_corrupt (const char *path)
{
  g_autoptr(LlwDatabase) db = open_ok (path);
  g_autofree char *contents = NULL;
  gsize length;

  g_clear_object (&db);
  exec_sql (path, "PRAGMA journal_mode = DELETE");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  for (gsize i = 4096 + 100; i < length; i += 7)
    contents[i] = (char) (i * 31);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
make_truncated (const char *path)
{
  g_autoptr(LlwDatabase) db = open_ok (path);
  g_autofree char *contents = NULL;
  gsize length;

  g_clear_object (&db);
  exec_sql (path, "PRAGMA journal_mode = DELETE");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length / 3, NULL));
}

typedef struct
{
  const char *name;
  MakeFile make;
  LlwDatabaseError code;
} RefusedCase;

static const RefusedCase refused_cases[] = {
  { "text", make_text, LLW_DATABASE_ERROR_NOT_LLWEEK },
  { "short-binary", make_short_binary, LLW_DATABASE_ERROR_NOT_LLWEEK },
  { "newer", make_newer, LLW_DATABASE_ERROR_TOO_NEW },
  { "foreign", make_foreign, LLW_DATABASE_ERROR_NOT_LLWEEK },
  { "foreign-app-id", make_foreign_app_id, LLW_DATABASE_ERROR_NOT_LLWEEK },
  { "corrupt", make_corrupt, LLW_DATABASE_ERROR_CORRUPT },
  { "truncated", make_truncated, LLW_DATABASE_ERROR_CORRUPT },
};

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
test_refused (Fixture      *fixture,
              gconstpointer data)
{
  const RefusedCase *refused = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) files_before = NULL;
  g_auto(GStrv) files_after = NULL;
  gsize before_length, after_length;

  refused->make (fixture->path);
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));
  files_before = list_folder (fixture->folder);

  db = llw_database_open (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, LLW_DATABASE_ERROR, (int) refused->code);
  g_assert_nonnull (strstr (error->message, fixture->path));

  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  files_after = list_folder (fixture->folder);
  g_assert_cmpstrv (files_before, files_after);
}

static void
test_folder_refused (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = llw_database_open (fixture->folder, &error);

  g_assert_null (db);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN);
}

static void
test_pragmas (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr(LlwDatabase) db = open_ok (fixture->path);
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA journal_mode", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/database/create-new", test_create_new);
  ADD ("/database/create-in-new-folder", test_create_in_new_folder);
  ADD ("/database/reopen", test_reopen);
  ADD ("/database/reopen-after-crash", test_reopen_after_crash);
  ADD ("/database/migrate-empty-sqlite", test_migrate_empty_sqlite);
  ADD ("/database/migrate-rebuilt-tables", test_migrate_rebuilt_tables);
  ADD ("/database/empty-file", test_empty_file);
  ADD ("/database/pragmas", test_pragmas);
  ADD ("/database/folder-refused", test_folder_refused);
  ADD ("/seed/campaign-2021", test_campaign_2021);
  ADD ("/seed/themes-and-kinds", test_themes_and_kinds);
  ADD ("/seed/units", test_units);
  ADD ("/seed/indicators", test_indicators);
  ADD ("/seed/recipients", test_recipients);
  ADD ("/seed/latest-and-missing-campaign", test_latest_and_missing_campaign);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (refused_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/database/refuse/%s", refused_cases[i].name);

      g_test_add (name, Fixture, &refused_cases[i], fixture_set_up, test_refused,
                  fixture_tear_down);
    }

  return g_test_run ();
}
