/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "llw-database.h"
#include "llw-database-private.h"
#include "llw-file.h"
#include "llw-import.h"

#include "llw-test-fixture.h"

typedef struct
{
  char *folder;
  char *path;
  LlwDatabase *db;
  LlwCampaign *campaign;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("LLWEEK_TODAY", "2021-10-25", TRUE);
  fixture->folder = g_dir_make_tmp ("llweek-test-XXXXXX", &error);
  fixture->path = g_build_filename (fixture->folder, "llweek.db", NULL);
  fixture->db = llw_database_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->campaign = llw_database_get_campaign (fixture->db, 2021, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->campaign);
  g_clear_object (&fixture->db);
  llw_test_remove_folder (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* Every row of every table, as text: what a refused import must leave exactly as it was. */
static char *
dump (Fixture *fixture)
{
  static const char *const tables[] = {
    "campaign", "unit", "assignment", "report", "report_value", "history", "theme",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_string_append (out, tables[t]);
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "|%s", sqlite3_column_text (stmt, c) ?
                                    (const char *) sqlite3_column_text (stmt, c) : "NULL");
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (raw);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
query (Fixture    *fixture,
       const char *sql)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return result;
}

static LlwImport *
import_text (Fixture    *fixture,
             const char *text,
             gsize       length,
             GError    **error)
{
  LlwImport *import = llw_import_new (fixture->db, fixture->campaign);

  if (llw_import_read (import, text, length, error))
    llw_import_apply (import, FALSE, error);
  return import;
}

#define RACH_GIA_NFD "UBND tha\xcc\x80nh pho\xcc\x82\xcc\x81 Ra\xcc\xa3" "ch Gia\xcc\x81"

static const char valid_csv[] =
  "\xef\xbb\xbf" "unit,received_date,document_number,channel,theme,A1,A3,C1,G3\r\n"
  "\"" RACH_GIA_NFD "\",20/10/2021,\"15/BC-UBND, ngày 20/10\",thư điện tử,2,3,\"1.200\",0,"
  "\"12,5\"\r\n"
  "KLU,2021-10-22,\"Báo cáo\n(bản gửi lại)\",bưu điện,,4,,,\r\n"
  "\r\n";

static void
test_valid (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) import = import_text (fixture, valid_csv, strlen (valid_csv), &error);
  g_autofree char *summary = llw_import_describe (import, FALSE);
  g_autofree char *document = NULL;
  g_autofree char *a3 = NULL;
  g_autofree char *c1 = NULL;
  g_autofree char *kien_luong_c1 = NULL;
  g_autofree char *g3 = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *channel = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (summary, ==, "Created 2 reports, updated 0 and changed 5 figures.");

  document = query (fixture, "SELECT document_number FROM report r JOIN unit u "
                             "ON u.id = r.unit_id WHERE u.code = 'KLU'");
  g_assert_cmpstr (document, ==, "Báo cáo\n(bản gửi lại)");
  a3 = query (fixture, "SELECT v.value FROM report_value v JOIN indicator i "
                       "ON i.id = v.indicator_id WHERE i.code = 'A3'");
  g_assert_cmpstr (a3, ==, "1200.0");
  c1 = query (fixture, "SELECT v.value FROM report_value v JOIN indicator i "
                       "ON i.id = v.indicator_id WHERE i.code = 'C1'");
  g_assert_cmpstr (c1, ==, "0.0");
  /* An empty cell is "not reported": no figure at all, not 0. */
  kien_luong_c1 = query (fixture, "SELECT count (*) FROM report_value v JOIN report r "
                                  "ON r.id = v.report_id JOIN unit u ON u.id = r.unit_id "
                                  "WHERE u.code = 'KLU'");
  g_assert_cmpstr (kien_luong_c1, ==, "1");
  g3 = query (fixture, "SELECT v.value FROM report_value v JOIN indicator i "
                       "ON i.id = v.indicator_id WHERE i.code = 'G3'");
  g_assert_cmpstr (g3, ==, "12.5");
  theme = query (fixture, "SELECT t.position FROM report r JOIN theme t ON t.id = r.theme_id");
  g_assert_cmpstr (theme, ==, "2");
  channel = query (fixture, "SELECT group_concat (channel) FROM report");
  g_assert_cmpstr (channel, ==, "email,post");
}

/* A second file updates the reports, leaves out columns it lacks, clears a figure it gives
 * empty, and each change is in the history with its old value. */
static void
test_reimport (Fixture      *fixture,
               gconstpointer data)
{
  static const char second[] = "unit,received_date,A1,A3\nRGI,21/10/2021,5,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) first = import_text (fixture, valid_csv, strlen (valid_csv), &error);
  g_autoptr(LlwImport) again = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *history = NULL;
  g_autofree char *c1 = NULL;
  g_autofree char *a3 = NULL;

  g_assert_no_error (error);
  again = import_text (fixture, second, strlen (second), &error);
  g_assert_no_error (error);
  summary = llw_import_describe (again, FALSE);
  g_assert_cmpstr (summary, ==, "Created 0 reports, updated 1 and changed 2 figures.");

  history = query (fixture, "SELECT group_concat (field || ':' || coalesce (old_value, '-') "
                            "|| '>' || coalesce (new_value, '-'), ' ') FROM ("
                            "SELECT * FROM history WHERE action <> 'insert' ORDER BY id)");
  g_assert_cmpstr (history, ==, "received_date:2021-10-20>2021-10-21 A1:3>5 A3:1.200>-");
  c1 = query (fixture, "SELECT v.value FROM report_value v JOIN indicator i "
                       "ON i.id = v.indicator_id WHERE i.code = 'C1'");
  g_assert_cmpstr (c1, ==, "0.0");
  a3 = query (fixture, "SELECT count (*) FROM report_value v JOIN indicator i "
                       "ON i.id = v.indicator_id WHERE i.code = 'A3'");
  g_assert_cmpstr (a3, ==, "0");
}

static void
test_dry_run (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) import = llw_import_new (fixture->db, fixture->campaign);
  g_autofree char *before = dump (fixture);
  g_autofree char *after = NULL;
  g_autofree char *summary = NULL;

  g_assert_true (llw_import_read (import, valid_csv, strlen (valid_csv), &error));
  g_assert_true (llw_import_apply (import, TRUE, &error));
  g_assert_no_error (error);
  summary = llw_import_describe (import, TRUE);
  g_assert_cmpstr (summary, ==, "Would create 2 reports, update 0 and change 5 figures. "
                                "Nothing was written.");
  after = dump (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
exec_raw (Fixture    *fixture,
          const char *sql)
{
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

/* An import that creates more than sixteen reports, with reports it changes among them,
 * writes the history in the order of the file: each new report's line where its row is,
 * each changed figure's lines where theirs is. */
static void
test_history_order (Fixture      *fixture,
                    gconstpointer data)
{
  static const char *const codes[] = {
    "ABI", "AMI", "BAOKG", "BDT", "CTH", "GQU", "GRI", "GTH", "HCCB", "HDA", "HKH", "HLHPN",
    "HND", "HTI", "KHA", "KLU", "LDLD", "MTTQ", "PQU", "PTTH", "RGI", "SCT", "SDL", "SGDDT",
  };
  static const char first[] = "unit,received_date,channel,A1\nHKH,20/10/2021,email,1\n"
                              "SDL,20/10/2021,email,1\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) before = import_text (fixture, first, strlen (first), &error);
  g_autoptr(LlwImport) import = NULL;
  g_autoptr(GString) file = g_string_new ("unit,received_date,channel,A1\n");
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *last = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *history = NULL;

  g_assert_no_error (error);
  last = query (fixture, "SELECT max (id) FROM history");
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      gboolean changed = g_str_equal (codes[i], "HKH") || g_str_equal (codes[i], "SDL");

      g_string_append_printf (file, "%s,20/10/2021,email,2\n", codes[i]);
      g_string_append_printf (expected, "%s%s:%s", i ? " " : "",
                              changed ? "report_value" : "report", codes[i]);
    }
  import = import_text (fixture, file->str, file->len, &error);
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT group_concat (t, ' ') FROM (SELECT h.table_name || ':' || "
                         "u.code AS t FROM history h JOIN report r ON r.id = h.record_id "
                         "JOIN unit u ON u.id = r.unit_id WHERE h.id > %s ORDER BY h.id)", last);
  history = query (fixture, sql);
  g_assert_cmpstr (history, ==, expected->str);
}

/* A record the file names that is deleted between the read and the apply makes the import
 * fail as a foreign key would, writing nothing; once the file no longer names it, the next
 * import is written, and the connection still checks foreign keys. */
static const struct
{
  const char *name;
  const char *deletion;
} gone_cases[] = {
  { "indicator", "DELETE FROM indicator WHERE code = 'C1'" },
  { "theme", "DELETE FROM theme WHERE position = 2" },
  { "unit", "DELETE FROM assignment WHERE unit_id = (SELECT id FROM unit WHERE code = 'KLU'); "
            "DELETE FROM unit WHERE code = 'KLU'" },
};

static void
test_record_gone (Fixture      *fixture,
                  gconstpointer data)
{
  static const char later[] = "unit,received_date,channel,A1\nRGI,21/10/2021,email,7\n";
  const char *deletion = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) import = llw_import_new (fixture->db, fixture->campaign);
  g_autoptr(LlwImport) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *a1 = NULL;

  g_assert_true (llw_import_read (import, valid_csv, strlen (valid_csv), &error));
  g_assert_no_error (error);
  exec_raw (fixture, deletion);
  before = dump (fixture);
  g_assert_false (llw_import_apply (import, FALSE, &error));
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_QUERY);
  g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
  after = dump (fixture);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  again = import_text (fixture, later, strlen (later), &error);
  g_assert_no_error (error);
  a1 = query (fixture, "SELECT v.value FROM report_value v JOIN indicator i "
                       "ON i.id = v.indicator_id WHERE i.code = 'A1'");
  g_assert_cmpstr (a1, ==, "7.0");
  g_assert_false (llw_database_exec (fixture->db, "INSERT INTO report_value (report_id, "
                                     "indicator_id, value) VALUES (99999, 99999, 1)", &error));
}

/* Every report of the plan, one after the other, as --dry-run prints them. */
static char *
format_plan (LlwChangePlan *plan)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < llw_change_plan_get_n_reports (plan); i++)
    {
      g_autofree char *report = llw_change_plan_format_report (plan, i);

      g_string_append_printf (text, "%s\n", report);
    }
  return g_string_free (text, FALSE);
}

/* The preview says what changes before anything is written: a file changing three units
 * lists those three, each figure with its old and new value, and the report created; the
 * import then does just that, and the same file again changes nothing and lists nothing. */
static void
test_plan (Fixture      *fixture,
           gconstpointer data)
{
  static const char three[] = "unit,received_date,A1,A3\n"
                              "RGI,20/10/2021,999,\"1.200\"\n"
                              "KLU,23/10/2021,7,\n"
                              "HTI,24/10/2021,5,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) first = import_text (fixture, valid_csv, strlen (valid_csv), &error);
  g_autoptr(LlwImport) import = llw_import_new (fixture->db, fixture->campaign);
  g_autoptr(LlwImport) again = llw_import_new (fixture->db, fixture->campaign);
  g_autofree char *before = dump (fixture);
  g_autofree char *after = NULL;
  g_autofree char *rach_gia = NULL;
  g_autofree char *kien_luong = NULL;
  g_autofree char *ha_tien = NULL;
  g_autofree char *previewed = NULL;
  g_autofree char *applied = NULL;
  LlwChangePlan *plan;

  g_assert_no_error (error);
  g_assert_true (llw_import_read (import, three, strlen (three), &error));
  g_assert_true (llw_import_apply (import, TRUE, &error));
  g_assert_no_error (error);
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);

  plan = llw_import_get_plan (import);
  g_assert_cmpuint (llw_change_plan_get_n_reports (plan), ==, 3);
  g_assert_cmpuint (llw_change_plan_count_reports (plan, LLW_REPORT_CHANGE_NEW), ==, 1);
  g_assert_cmpuint (llw_change_plan_count_figures (plan), ==, 3);
  rach_gia = llw_change_plan_format_report (plan, 0);
  g_assert_cmpstr (rach_gia, ==,
                   "UBND thành phố Rạch Giá: changes to the report received on 20/10/2021\n"
                   "  A1 Số văn bản chỉ đạo, kế hoạch đã ban hành: 3 → 999");
  kien_luong = llw_change_plan_format_report (plan, 1);
  g_assert_cmpstr (kien_luong, ==,
                   "UBND huyện Kiên Lương: changes to the report received on 22/10/2021\n"
                   "  Received on: 22/10/2021 → 23/10/2021\n"
                   "  A1 Số văn bản chỉ đạo, kế hoạch đã ban hành: 4 → 7");
  ha_tien = llw_change_plan_format_report (plan, 2);
  g_assert_cmpstr (ha_tien, ==,
                   "UBND thành phố Hà Tiên: new report\n"
                   "  Received on: — → 24/10/2021\n"
                   "  A1 Số văn bản chỉ đạo, kế hoạch đã ban hành: — → 5");
  previewed = format_plan (plan);

  g_assert_true (llw_import_apply (import, FALSE, &error));
  g_assert_no_error (error);
  applied = format_plan (llw_import_get_plan (import));
  g_assert_cmpstr (applied, ==, previewed);

  g_assert_true (llw_import_read (again, three, strlen (three), &error));
  g_assert_true (llw_import_apply (again, TRUE, &error));
  g_assert_cmpuint (llw_change_plan_get_n_reports (llw_import_get_plan (again)), ==, 0);
}

/* A figure emptied in the file is not reported any more: old → dash. */
static void
test_plan_cleared (Fixture      *fixture,
                   gconstpointer data)
{
  static const char second[] = "unit,received_date,A3\nRGI,20/10/2021,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) first = import_text (fixture, valid_csv, strlen (valid_csv), &error);
  g_autoptr(LlwImport) again = import_text (fixture, second, strlen (second), &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = format_plan (llw_import_get_plan (again));
  g_assert_nonnull (strstr (text, "A3 "));
  g_assert_nonnull (strstr (text, ": 1.200 → —\n"));
}

/* Refused files: every problem listed by line and column, the database unchanged. */
typedef struct
{
  const char *name;
  const char *text;
  const char *problem;   /* one of the problems, as listed */
} BadCase;

static const BadCase bad_cases[] = {
  { "bad-date", "unit,received_date\nRGI,31/02/2021\n",
    "Line 2, column “received_date”: enter the date as dd/mm/yyyy, such as 21/10/2021." },
  { "future-date", "unit,received_date\nRGI,26/10/2021\n",
    "Line 2, column “received_date”: the date has not come yet." },
  { "negative", "unit,received_date,A1\nRGI,20/10/2021,-3\n",
    "Line 2, column “A1”: A figure cannot be negative." },
  { "not-a-number", "unit,received_date,A1\nRGI,20/10/2021,nhiều\n",
    "Line 2, column “A1”: Enter a whole number, 0 or more." },
  { "fraction-in-count", "unit,received_date,C2\nRGI,20/10/2021,\"12,5\"\n",
    "Line 2, column “C2”: Enter a whole number, 0 or more." },
  { "too-many-decimals", "unit,received_date,G3\nRGI,20/10/2021,\"1,234\"\n",
    "Line 2, column “G3”: Too many decimal places." },
  { "unknown-unit", "unit,received_date\nUBND huyện Không Có,20/10/2021\n",
    "Line 2, column “unit”: no unit of this campaign has this name or code." },
  { "unknown-column", "unit,received_date,Z9\nRGI,20/10/2021,1\n",
    "Line 1, column “Z9”: unknown column: neither unit, received_date, document_number, "
    "channel, theme nor an indicator code of this campaign." },
  { "duplicate-unit", "unit,received_date\nRGI,20/10/2021\nubnd thành phố rạch giá,"
    "20/10/2021\n", "Line 3, column “unit”: the unit is already on line 2." },
  { "duplicate-column", "unit,received_date,A1,a1\nRGI,20/10/2021,1,2\n",
    "Line 1, column “a1”: this column appears twice." },
  { "bad-channel", "unit,received_date,channel\nRGI,20/10/2021,fax\n",
    "Line 2, column “channel”: write one of: thư điện tử, bưu điện, nộp trực tiếp, trực tuyến." },
  { "bad-theme", "unit,received_date,theme\nRGI,20/10/2021,9\n",
    "Line 2, column “theme”: no theme of this campaign has this number or title." },
  { "short-line", "unit,received_date,A1\nRGI,20/10/2021\n",
    "Line 2: the line has 2 fields where the header has 3." },
  /* Found by the fuzzer: the unit's column past the end of a short line. */
  { "short-line-unit-last", "received_date,theme,unit\n20/10/2021\n",
    "Line 2: the line has 1 fields where the header has 3." },
  { "many-columns", NULL, "Line 1, column “X0”: unknown column: neither unit, "
    "received_date, document_number, channel, theme nor an indicator code of this campaign." },
  { "missing-unit-column", "received_date\n20/10/2021\n",
    "Line 1: the column “unit” is missing." },
  { "empty", "", "Line 1: the file is empty." },
  { "header-only", "unit,received_date\n", "Line 1: the file has a header but no rows." },
  { "unclosed-quote", "unit,received_date\n\"RGI,20/10/2021\n",
    "Line 2: a quoted field is never closed." },
  { "latin1", "unit,received_date\nR\xe1" "ch Gi\xe1,20/10/2021\n",
    "Line 2: the file is not UTF-8 text. Save it from the spreadsheet as “CSV UTF-8”." },
  { "unit-not-assigned", "unit,received_date\nPhòng không tồn tại,20/10/2021\n",
    "Line 2, column “unit”: no unit of this campaign has this name or code." },
  /* Characters a workbook cannot hold, wherever they are, by line and column. */
  { "noncharacter", "unit,received_date,document_number\nRGI,20/10/2021,15/BC\xef\xbf\xbf\n",
    "Line 2, column “document_number”: character 6 is U+FFFF, which a document cannot hold; "
    "remove it." },
  { "noncharacter-later-line", "unit,received_date,document_number\nRGI,20/10/2021,\"Báo cáo\n"
    "số \xef\xbf\xbe\"\n", "Line 3, column “document_number”: character 4 is U+FFFE, which a "
    "document cannot hold; remove it." },
  { "control-character", "unit,received_date,A1\nRGI,20/10/2021,\x1b[2J\n",
    "Line 2, column “A1”: character 1 is U+001B, which a document cannot hold; remove it." },
  { "noncharacter-in-header", "unit,received_date,\xef\xb7\x90\nRGI,20/10/2021,1\n",
    "Line 1, column “3”: character 1 is U+FDD0, which a document cannot hold; remove it." },
  /* An empty channel never becomes "e-mail": a new report needs to say how it came. */
  { "empty-channel-new-report", "unit,received_date,channel\nRGI,20/10/2021,\n",
    "Line 2, column “channel”: the channel is empty and this unit has no report yet: write "
    "how the report came (thư điện tử, bưu điện, nộp trực tiếp or trực tuyến)." },
};

static gboolean
has_problem (GPtrArray  *problems,
             const char *problem)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (problems->pdata[i], problem))
      return TRUE;
  return FALSE;
}

/* A header of 10,000 columns, the last of them unknown. */
static char *
many_columns (void)
{
  GString *text = g_string_new ("unit,received_date");

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text, ",X%u", i);
  g_string_append (text, "\nRGI,20/10/2021\n");
  return g_string_free (text, FALSE);
}

static void
test_refused (Fixture      *fixture,
              gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) import = llw_import_new (fixture->db, fixture->campaign);
  g_autofree char *before = dump (fixture);
  g_autofree char *after = NULL;
  g_autofree char *text = bad->text ? g_strdup (bad->text) : many_columns ();

  g_assert_false (llw_import_read (import, text, strlen (text), &error));
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID);
  if (!has_problem (llw_import_get_problems (import), bad->problem))
    {
      for (guint i = 0; i < llw_import_get_problems (import)->len; i++)
        g_test_message ("%s", (char *) llw_import_get_problems (import)->pdata[i]);
      g_error ("expected “%s”", bad->problem);
    }
  after = dump (fixture);
  g_assert_cmpstr (before, ==, after);
}

/* Every problem of a file is listed, not just the first. */
static void
test_all_problems (Fixture      *fixture,
                   gconstpointer data)
{
  static const char text[] = "unit,received_date,A1\nXX,1/1/2021,-1\nYY,bad,2\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) import = llw_import_new (fixture->db, fixture->campaign);

  g_assert_false (llw_import_read (import, text, strlen (text), &error));
  g_assert_cmpuint (llw_import_get_problems (import)->len, ==, 5);
}

/* Ten megabytes of noise: refused at once, quickly, nothing changed. */
static void
test_garbage (Fixture      *fixture,
              gconstpointer data)
{
  gsize length = 10 * 1024 * 1024;
  g_autofree char *noise = g_malloc (length);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) import = llw_import_new (fixture->db, fixture->campaign);
  g_autofree char *before = dump (fixture);
  g_autofree char *after = NULL;

  for (gsize i = 0; i < length; i++)
    noise[i] = (char) g_rand_int_range (rand, 0, 256);
  g_assert_false (llw_import_read (import, noise, length, &error));
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID);
  after = dump (fixture);
  g_assert_cmpstr (before, ==, after);
}

/* A 1 MB cell is read whole, and refused at once: a document number is one line. */
static void
test_huge_cell (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GString) text = g_string_new ("unit,received_date,document_number\nRGI,20/10/2021,\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) import = llw_import_new (fixture->db, fixture->campaign);
  g_autofree char *expected = NULL;
  g_autofree char *before = dump (fixture);
  g_autofree char *after = NULL;
  guint n = 1024 * 1024 / 11;

  /* Each piece is 11 bytes of the file and 7 characters of the cell: "" is one quote. */
  for (guint i = 0; i < n; i++)
    g_string_append (text, "Số \"\"VB\"\"");
  g_string_append (text, "\"\n");
  g_assert_false (llw_import_read (import, text->str, text->len, &error));
  expected = g_strdup_printf ("Line 2, column “document_number”: At most 500 characters here; "
                              "this text has %u.", n * 7);
  g_assert_cmpuint (llw_import_get_problems (import)->len, ==, 1);
  g_assert_cmpstr (llw_import_get_problems (import)->pdata[0], ==, expected);
  after = dump (fixture);
  g_assert_cmpstr (before, ==, after);
}

/* An empty channel keeps the report's: it never invents "e-mail". */
static void
test_empty_channel (Fixture      *fixture,
                    gconstpointer data)
{
  static const char first[] = "unit,received_date,channel\nRGI,20/10/2021,bưu điện\n";
  static const char again[] = "unit,received_date,channel,A1\nRGI,20/10/2021,,7\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) import = import_text (fixture, first, strlen (first), &error);
  g_autofree char *channel = NULL;

  g_assert_no_error (error);
  g_clear_object (&import);
  import = import_text (fixture, again, strlen (again), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llw_import_get_n_rows (import), ==, 1);
  channel = query (fixture, "SELECT channel FROM report");
  g_assert_cmpstr (channel, ==, "post");
}

/* A 1 MB unit name is refused as unknown, at once: normalising it must not take the square
 * of its length (it took minutes before). */
static void
test_huge_unit_name (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(GString) text = g_string_new ("unit,received_date\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) import = llw_import_new (fixture->db, fixture->campaign);

  for (guint i = 0; i < 1024 * 1024 / 4; i++)
    g_string_append (text, "Số");
  g_string_append (text, ",20/10/2021\n");
  g_assert_false (llw_import_read (import, text->str, text->len, &error));
  g_assert_cmpuint (llw_import_get_problems (import)->len, ==, 1);
}

/* Text that a spreadsheet would run as a formula is stored as the text it is. */
static void
test_formula_text (Fixture      *fixture,
                   gconstpointer data)
{
  static const char text[] = "unit,received_date,document_number\nRGI,20/10/2021,=1+2\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwImport) import = import_text (fixture, text, strlen (text), &error);
  g_autofree char *document = query (fixture, "SELECT document_number FROM report");

  g_assert_no_error (error);
  g_assert_cmpstr (document, ==, "=1+2");
}

/* A pipe, a device or a folder given as the file is refused at once, and nothing changes; a
 * file is read within its limit while it is read, whatever its size looked. */
static void
test_not_files (Fixture      *fixture,
                gconstpointer data)
{
  g_autofree char *fifo = g_build_filename (fixture->folder, "ống.csv", NULL);
  g_autofree char *device = g_build_filename (fixture->folder, "vô tận.csv", NULL);
  const char *paths[] = { fifo, device, fixture->folder };
  g_autofree char *before = dump (fixture);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", device), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(LlwImport) import = llw_import_new (fixture->db, fixture->campaign);

      g_assert_false (llw_import_read_file (import, paths[i], &error));
      g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_OPEN);
      g_assert_nonnull (strstr (error->message, paths[i]));
      g_clear_error (&error);
    }
  after = dump (fixture);
  g_assert_cmpstr (before, ==, after);

  /* The system says this file is empty; it is not, and the limit holds all the same. */
  bytes = llw_file_read_input ("/proc/self/status", 64, &error);
  g_assert_null (bytes);
  g_assert_error (error, LLW_FILE_ERROR, LLW_FILE_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/valid", test_valid);
  ADD ("/import/reimport", test_reimport);
  ADD ("/import/dry-run", test_dry_run);
  ADD ("/import/history-order", test_history_order);
  ADD ("/import/plan", test_plan);
  ADD ("/import/plan-cleared", test_plan_cleared);
  ADD ("/import/all-problems", test_all_problems);
  ADD ("/import/garbage", test_garbage);
  ADD ("/import/formula-text", test_formula_text);
  ADD ("/import/huge-cell", test_huge_cell);
  ADD ("/import/empty-channel", test_empty_channel);
  ADD ("/import/not-files", test_not_files);
  ADD ("/import/huge-unit-name", test_huge_unit_name);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/import/refused/%s", bad_cases[i].name);

      g_test_add (name, Fixture, &bad_cases[i], fixture_set_up, test_refused,
                  fixture_tear_down);
    }

  for (guint i = 0; i < G_N_ELEMENTS (gone_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/import/record-gone/%s", gone_cases[i].name);

      g_test_add (name, Fixture, gone_cases[i].deletion, fixture_set_up, test_record_gone,
                  fixture_tear_down);
    }

  return g_test_run ();
}
