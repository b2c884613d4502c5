/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "llw-database.h"
#include "llw-date.h"
#include "llw-reminder-letter.h"

typedef struct
{
  char *folder;
  char *path;
  LlwDatabase *db;
} Fixture;

/* Rạch Giá reported on time; Hà Tiên was given until 28/10; every other unit is missing. */
static const char setup_sql[] =
  "INSERT INTO report (campaign_id, unit_id, received_date) "
  "SELECT 1, id, '2021-10-20' FROM unit WHERE code = 'RGI';"
  "UPDATE assignment SET deadline = '2021-10-28' "
  "WHERE unit_id = (SELECT id FROM unit WHERE code = 'HTI');";

static void
run_sql (Fixture    *fixture,
         const char *sql)
{
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("llweek-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "llweek.db", NULL);
  fixture->db = llw_database_open (fixture->path, &error);
  g_assert_no_error (error);
  run_sql (fixture, setup_sql);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->db);
  g_remove (wal);
  g_remove (shm);
  g_remove (fixture->path);
  g_rmdir (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* The letter as the window makes it on @day, from what the database holds now. */
static char *
letter_on (Fixture    *fixture,
           const char *day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwCampaign) campaign = NULL;
  g_autoptr(GListModel) statuses = NULL;
  GDate today;

  campaign = llw_database_get_campaign (fixture->db, 2021, &error);
  g_assert_no_error (error);
  g_assert_true (llw_date_parse (day, &today));
  statuses = llw_database_list_report_statuses (fixture->db, campaign, &today, &error);
  g_assert_no_error (error);

  return llw_reminder_letter_text (campaign, statuses, &today);
}

static void
test_date_line (void)
{
  static const struct
  {
    const char *iso;
    const char *expected;
  } cases[] = {
    { "2021-10-25", "Kiên Giang, ngày 25 tháng 10 năm 2021" },
    { "2021-10-05", "Kiên Giang, ngày 05 tháng 10 năm 2021" },
    { "2022-01-10", "Kiên Giang, ngày 10 tháng 01 năm 2022" },
    { "2022-02-09", "Kiên Giang, ngày 09 tháng 02 năm 2022" },
    { "2022-03-01", "Kiên Giang, ngày 01 tháng 3 năm 2022" },
    { "2021-12-31", "Kiên Giang, ngày 31 tháng 12 năm 2021" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = NULL;
      GDate date;

      g_assert_true (llw_date_parse (cases[i].iso, &date));
      line = llw_reminder_letter_date_line ("Kiên Giang", &date);
      g_assert_cmpstr (line, ==, cases[i].expected);
    }
}

static void
assert_contains (const char *letter,
                 const char *part)
{
  if (strstr (letter, part) == NULL)
    g_error ("The letter lacks “%s”:\n%s", part, letter);
}

static void
assert_lacks (const char *letter,
              const char *part)
{
  if (strstr (letter, part) != NULL)
    g_error ("The letter should not have “%s”:\n%s", part, letter);
}

static void
test_missing_units (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *letter = letter_on (fixture, "2021-10-25");

  g_assert_nonnull (letter);
  /* Decree 30's header, the blocks separated by a tab. */
  assert_contains (letter, "UBND TỈNH KIÊN GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n");
  assert_contains (letter, "SỞ GIÁO DỤC VÀ ĐÀO TẠO\tĐộc lập - Tự do - Hạnh phúc\n");
  assert_contains (letter, "Số:        /SGDĐT\tKiên Giang, ngày 25 tháng 10 năm 2021\n");
  assert_contains (letter, "V/v đôn đốc gửi báo cáo kết quả tổ chức Tuần lễ hưởng ứng học tập "
                           "suốt đời năm 2021\n");

  /* The missing units, one a line; the one that reported is not chased. */
  assert_contains (letter, "Kính gửi:\n- UBND thành phố Hà Tiên (hạn trước ngày 28/10/2021);\n"
                           "- UBND huyện Kiên Lương;\n");
  assert_contains (letter, "\n- Báo Kiên Giang.\n");
  assert_lacks (letter, "- UBND thành phố Rạch Giá");

  /* The directive, the deadlines, and where to send the report. */
  assert_contains (letter, "Theo Công văn số 154/T/UBND-KGVX ngày 28/09/2021 của Ủy ban nhân dân "
                           "tỉnh Kiên Giang về việc tổ chức Tuần lễ");
  assert_contains (letter, "về Sở Giáo dục và Đào tạo trước ngày 21/10/2021.");
  assert_contains (letter, "Tính đến ngày 25/10/2021, Sở Giáo dục và Đào tạo chưa nhận được báo "
                           "cáo của các đơn vị nêu trên.");
  assert_contains (letter, "trước ngày 30/10/2021");
  assert_contains (letter, "(qua Phòng Giáo dục Trung học và Giáo dục Thường xuyên), địa chỉ: "
                           "Số 131 Đống Đa, phường Vĩnh Lạc, thành phố Rạch Giá, tỉnh Kiên Giang; "
                           "điện thoại: 02973.861947; "
                           "thư điện tử: phonggdtrh.sokiengiang@moet.edu.vn.");

  /* Signature block and copies. */
  assert_contains (letter, "Nơi nhận:\tKT. GIÁM ĐỐC\n- Như trên;\tPHÓ GIÁM ĐỐC\n"
                           "- Lưu: VT, GDTrH-GDTX.\n");
  g_assert_true (g_str_has_suffix (letter, "- Lưu: VT, GDTrH-GDTX.\n"));
  g_assert_true (g_utf8_validate (letter, -1, NULL));
}

/* Everything about the office is the campaign's: another province gets its own letter. */
static void
test_from_campaign (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *letter = NULL;

  run_sql (fixture,
           "UPDATE campaign SET report_place = 'Cần Thơ', "
           "report_parent_body = 'UBND thành phố Cần Thơ', "
           "report_issuing_body = 'Sở Giáo dục và Đào tạo', report_number = '/BC-SGDĐT-CT', "
           "office_phone = '0292.3820000', office_email = 'vanphong@cantho.edu.vn', "
           "office_address = '39 Đường 3/2', unit_deadline = '2021-10-20', "
           "report_signer_name = 'Trần Văn A', report_cc = 'Như trên\nLưu: VT, P.GDTX'");
  letter = letter_on (fixture, "2022-02-03");

  assert_contains (letter, "UBND THÀNH PHỐ CẦN THƠ\tCỘNG HÒA");
  assert_contains (letter, "Số:        /SGDĐT-CT\tCần Thơ, ngày 03 tháng 02 năm 2022\n");
  assert_contains (letter, "trước ngày 20/10/2021.");
  assert_contains (letter, "địa chỉ: 39 Đường 3/2; điện thoại: 0292.3820000; "
                           "thư điện tử: vanphong@cantho.edu.vn.");
  assert_contains (letter, "- Lưu: VT, P.GDTX.\n\n\n\n\tTrần Văn A\n");
  assert_lacks (letter, "02973.861947");
  assert_lacks (letter, "Kiên Giang, ngày");
}

static void
test_one_unit (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *letter = NULL;

  run_sql (fixture,
           "INSERT INTO report (campaign_id, unit_id, received_date) "
           "SELECT 1, id, '2021-10-21' FROM unit WHERE code NOT IN ('RGI', 'KLU');");
  letter = letter_on (fixture, "2021-10-25");

  /* A single addressee goes on the line of "Kính gửi:", and is one unit, not several. */
  assert_contains (letter, "Kính gửi: UBND huyện Kiên Lương.\n");
  assert_contains (letter, "chưa nhận được báo cáo của đơn vị nêu trên.");
  assert_lacks (letter, "các đơn vị nêu trên");
}

static void
test_everyone_reported (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *letter = NULL;

  run_sql (fixture,
           "INSERT INTO report (campaign_id, unit_id, received_date) "
           "SELECT 1, id, '2021-10-21' FROM unit WHERE code <> 'RGI';");
  letter = letter_on (fixture, "2021-10-25");

  g_assert_null (letter);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminder-letter/date-line", test_date_line);
  g_test_add ("/reminder-letter/missing-units", Fixture, NULL, fixture_set_up,
              test_missing_units, fixture_tear_down);
  g_test_add ("/reminder-letter/from-campaign", Fixture, NULL, fixture_set_up,
              test_from_campaign, fixture_tear_down);
  g_test_add ("/reminder-letter/one-unit", Fixture, NULL, fixture_set_up, test_one_unit,
              fixture_tear_down);
  g_test_add ("/reminder-letter/everyone-reported", Fixture, NULL, fixture_set_up,
              test_everyone_reported, fixture_tear_down);

  return g_test_run ();
}
