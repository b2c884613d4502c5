/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Builds the data set the workbook tests read back:
 *   make-export-data DATABASE [N_UNITS]
 * A new database made by llw_database_open (the 2021 campaign: 15 district-level and 27
 * provincial-level units must report by 21/10/2021), then, in raw SQL:
 *   - Rạch Giá reports every indicator; Hòn Đất reports 0 for every one (zero is a figure);
 *   - Hà Tiên reports a few, two days late, under document number "=1+2";
 *   - Sở LĐ-TB&XH a few, early ("+84 297"); Hội Khuyến học late, without figures ("@home");
 *   - Kiên Lương and the others nothing at all;
 *   - a unit of the "other" group (Trường Chính trị tỉnh, "-5/KH") reports two figures;
 *   - the Sở GD&ĐT, which need not report, and a retired indicator have figures that must
 *     not be counted;
 *   - three activities, one with an unknown number of participants;
 *   - the report settings: signer, assessment on two lines, limitations, proposals that look
 *     like a formula, two outstanding examples;
 *   - a 2020 campaign to compare with: 4 units had to report, Rạch Giá and Sở LĐ-TB&XH did,
 *     with A1 = 4 + 1, A3 = 1.000.000, C2 = 20 + 100, and nothing for G3.
 * With N_UNITS, as many extra district-level units (every third provincial), each reporting
 * every indicator: the benchmark's data set. */
#include "config.h"

#include <stdlib.h>
#include <sqlite3.h>

#include "llw-database.h"

static const char data_sql[] =
  "BEGIN;"
  "UPDATE campaign SET report_signer_name = 'Nguyễn Văn Minh', "
  "  report_assessment = 'Các đơn vị đã chủ động triển khai Tuần lễ.' || char (10) || "
  "                      'Một số đơn vị gửi báo cáo chậm.', "
  "  report_proposals = '=HYPERLINK(\"http://example.org\")', "
  "  report_limitations = 'Một số huyện chưa tổ chức lễ phát động.';"
  "INSERT INTO report_example (campaign_id, position, person, unit_name, achievement) VALUES "
  "  (1, 1, 'Bà Trần Thị Mai', 'Trường THCS Vĩnh Lạc', 'mở 12 lớp tin học miễn phí cho người "
  "dân.'), (1, 2, 'Câu lạc bộ Đọc sách xã Mong Thọ', '', 'duy trì tủ sách cộng đồng');"
  "INSERT INTO campaign (year, title, start_date, end_date, unit_deadline, ministry_deadline) "
  "VALUES (2020, 'Tuần lễ hưởng ứng học tập suốt đời năm 2020', '2020-10-01', '2020-10-07', "
  "        '2020-10-21', '2020-10-30');"
  "INSERT INTO indicator (campaign_id, code, group_title, label, measure, decimals, position) "
  "SELECT 2, code, group_title, label, measure, decimals, position FROM indicator "
  "WHERE campaign_id = 1 AND active = 1;"
  "INSERT INTO assignment (campaign_id, unit_id, role) "
  "SELECT 2, id, 'implement' FROM unit WHERE code IN ('RGI', 'HTI', 'SLDTBXH', 'KLU');"
  "INSERT INTO report (campaign_id, unit_id, received_date) "
  "SELECT 2, id, '2020-10-15' FROM unit WHERE code IN ('RGI', 'SLDTBXH');"
  "INSERT INTO report_value (report_id, indicator_id, value) "
  "SELECT r.id, i.id, p.value FROM (SELECT 'RGI' AS unit, 'A1' AS code, 4 AS value "
  "  UNION ALL SELECT 'RGI', 'A3', 1000000 UNION ALL SELECT 'RGI', 'C2', 20 "
  "  UNION ALL SELECT 'SLDTBXH', 'A1', 1 UNION ALL SELECT 'SLDTBXH', 'C2', 100) p "
  "JOIN unit u ON u.code = p.unit JOIN report r ON r.unit_id = u.id AND r.campaign_id = 2 "
  "JOIN indicator i ON i.code = p.code AND i.campaign_id = 2;"
  "INSERT INTO indicator (campaign_id, code, group_title, label, position, active) "
  "VALUES (1, 'Z9', 'Z. Cũ', 'Chỉ tiêu đã bỏ', 99, 0);"
  "INSERT INTO unit (name, name_key, code, unit_group, position) "
  "VALUES ('Trường Chính trị tỉnh', 'trường chính trị tỉnh', 'TCT', 'other', 999);"
  "INSERT INTO assignment (campaign_id, unit_id, role) "
  "SELECT 1, id, 'implement' FROM unit WHERE code = 'TCT';"
  "CREATE TEMP TABLE r (unit TEXT, received TEXT, number TEXT, theme INTEGER);"
  "INSERT INTO r VALUES ('RGI', '2021-10-20', '15/BC-UBND', 1), "
  "  ('HTI', '2021-10-23', '=1+2', 2), ('HDA', '2021-10-21', '', NULL), "
  "  ('SLDTBXH', '2021-10-18', '+84 297', 3), ('HKH', '2021-10-25', '@home', NULL), "
  "  ('SGDDT', '2021-10-10', '', NULL), ('TCT', '2021-10-19', '-5/KH', 1);"
  "INSERT INTO report (campaign_id, unit_id, received_date, document_number, theme_id) "
  "SELECT 1, u.id, r.received, r.number, (SELECT id FROM theme WHERE position = r.theme) "
  "FROM r JOIN unit u ON u.code = r.unit;"
  "CREATE TEMP TABLE v (unit TEXT, code TEXT, value REAL);"
  "INSERT INTO v SELECT 'RGI', code, position * 3 FROM indicator WHERE active = 1 AND campaign_id = 1;"
  "UPDATE v SET value = 1250000 WHERE code = 'A3';"
  "UPDATE v SET value = 1234.5 WHERE code = 'G3';"
  "INSERT INTO v SELECT 'HDA', code, 0 FROM indicator WHERE active = 1 AND campaign_id = 1;"
  "INSERT INTO v VALUES ('HTI', 'A1', 0), ('HTI', 'A2', 1), ('HTI', 'A3', NULL), "
  "  ('HTI', 'B1', 12), ('HTI', 'G3', 0.25), ('SLDTBXH', 'A1', 2), ('SLDTBXH', 'C2', 350), "
  "  ('SLDTBXH', 'G3', 50.75), ('TCT', 'A1', 1), ('TCT', 'G3', 10), ('SGDDT', 'A1', 99), "
  "  ('RGI', 'Z9', 7);"
  "INSERT INTO report_value (report_id, indicator_id, value) "
  "SELECT rp.id, i.id, v.value FROM v JOIN unit u ON u.code = v.unit "
  "JOIN report rp ON rp.unit_id = u.id AND rp.campaign_id = 1 "
  "JOIN indicator i ON i.code = v.code AND i.campaign_id = 1;"
  "INSERT INTO activity (campaign_id, unit_id, kind_id, theme_id, title, start_date, end_date, "
  "                      form, platform, place, participants) "
  "SELECT 1, u.id, (SELECT id FROM activity_kind WHERE position = a.kind), "
  "       (SELECT id FROM theme WHERE position = a.kind), a.title, a.start, a.end, a.form, "
  "       a.platform, a.place, a.participants "
  "FROM (SELECT 'RGI' AS unit, 1 AS kind, 'Lễ phát động Tuần lễ' AS title, "
  "             '2021-10-01' AS start, '2021-10-01' AS end, 'in_person' AS form, "
  "             '' AS platform, 'Nhà văn hóa thành phố' AS place, 250 AS participants "
  "      UNION ALL SELECT 'SLDTBXH', 3, 'Lớp kỹ năng số trực tuyến', '2021-10-02', "
  "             '2021-10-06', 'online', 'Zoom', '', NULL "
  "      UNION ALL SELECT 'HTI', 2, 'Tọa đàm chuyển đổi số', '2021-10-05', '2021-10-05', "
  "             'mixed', 'Google Meet', 'Hội trường UBND', 120) a "
  "JOIN unit u ON u.code = a.unit;"
  "COMMIT;";

/* Extra units for the benchmark, all assigned and reporting every indicator. */
static const char bulk_sql[] =
  "BEGIN;"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) "
  "INSERT INTO unit (name, name_key, code, unit_group, position) "
  "SELECT 'UBND xã Thử nghiệm số ' || i, 'ubnd xã thử nghiệm số ' || i, 'T' || i, "
  "       CASE WHEN i % 3 = 0 THEN 'provincial' ELSE 'district' END, 1000 + i FROM n;"
  "INSERT INTO assignment (campaign_id, unit_id, role) "
  "SELECT 1, id, 'implement' FROM unit WHERE code GLOB 'T[0-9]*';"
  "INSERT INTO report (campaign_id, unit_id, received_date, document_number, theme_id) "
  "SELECT 1, id, '2021-10-' || (10 + id % 20), id || '/BC-UBND', 1 + id % 3 FROM unit "
  "WHERE code GLOB 'T[0-9]*';"
  "INSERT INTO report_value (report_id, indicator_id, value) "
  "SELECT r.id, i.id, CASE WHEN i.decimals > 0 THEN (r.id % 1000) / 4.0 ELSE r.id % 977 END "
  "FROM report r JOIN unit u ON u.id = r.unit_id "
  "JOIN indicator i ON i.active = 1 AND i.campaign_id = 1 "
  "WHERE u.code GLOB 'T[0-9]*';"
  "COMMIT;";

static int
exec_all (sqlite3    *db,
          const char *sql,
          int         n_units)
{
  const char *tail = sql;

  while (*tail != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, tail, -1, &stmt, &tail) != SQLITE_OK)
        return SQLITE_ERROR;
      if (stmt == NULL)
        break;
      if (sqlite3_bind_parameter_count (stmt) > 0)
        sqlite3_bind_int (stmt, 1, n_units);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return rc;
    }
  return SQLITE_OK;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  int n_units = argc > 2 ? atoi (argv[2]) : 0;
  sqlite3 *raw = NULL;
  int rc;

  if (argc < 2)
    {
      g_printerr ("usage: %s DATABASE [N_UNITS]\n", argv[0]);
      return 2;
    }

  db = llw_database_open (argv[1], &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_object (&db);

  if (sqlite3_open (argv[1], &raw) != SQLITE_OK)
    return 1;
  rc = exec_all (raw, data_sql, 0);
  if (rc == SQLITE_OK && n_units > 0)
    rc = exec_all (raw, bulk_sql, n_units);
  if (rc != SQLITE_OK)
    g_printerr ("%s: %s\n", argv[1], sqlite3_errmsg (raw));
  sqlite3_close (raw);

  return rc == SQLITE_OK ? 0 : 1;
}
