/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "llw-database-forms.h"
#include "llw-database-private.h"
#include "llw-form-import.h"
#include "llw-test-fixture.h"

/* The import of returned forms in core, with the plain values a form brings, as the forms
 * library hands them over: the token, the received date chosen in the preview, the plan,
 * the returned file kept and named in the history, and the schema that holds them. */

#define UNIT "UBND huyện Hòn Đất"

static gint64
unit_id (LlwTestFixture *fixture,
         const char     *name)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id;

  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT id FROM unit WHERE name = ?", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return id;
}

static char *
query_text (LlwTestFixture *fixture,
            const char     *sql)
{
  return llw_test_query_file (fixture->path, sql);
}

/* A returned form of UNIT, as the forms library would read it, with a token issued. */
static LlwReportInput *
returned_form (LlwTestFixture *fixture,
               const char     *file_name)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) tokens = NULL;
  g_autoptr(GError) error = NULL;
  LlwReportInput *input = llw_report_input_new (file_name);
  gint64 id = unit_id (fixture, UNIT);

  g_array_append_val (ids, id);
  tokens = llw_database_issue_forms (fixture->db, fixture->campaign, ids, &error);
  g_assert_no_error (error);
  input->token = g_strdup (tokens->pdata[0]);
  input->content = g_bytes_new_static ("PK\3\4 the returned file", 22);
  g_hash_table_insert (input->fields, g_strdup (LLW_INPUT_DOCUMENT_NUMBER), g_strdup ("45/BC"));
  g_hash_table_insert (input->fields, g_strdup (LLW_INPUT_THEME), g_strdup ("2"));
  g_hash_table_insert (input->figures, g_strdup ("A1"), g_strdup ("3"));
  g_hash_table_insert (input->figures, g_strdup ("G3"), g_strdup ("1.234,5"));
  llw_report_input_set_place (input, "figure:A1", "Báo cáo › D22");
  return input;
}

static LlwPlannedReport *
first_plan (LlwFormImport *import)
{
  GListModel *plan = llw_form_import_get_plan (import);

  g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 1);
  return g_list_model_get_item (plan, 0);
}

/* The received date is today unless the user sets another; a date the report entity
 * refuses (before the Week) is a problem of the batch, a text that is no date is refused
 * at once. */
static void
test_received_date (LlwTestFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(LlwFormImport) import = llw_form_import_new (fixture->db, fixture->campaign);
  g_autoptr(LlwPlannedReport) plan = NULL;
  g_autoptr(LlwPlannedReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *received = NULL;

  llw_form_import_add (import, returned_form (fixture, "a.xlsx"));
  g_assert_true (llw_form_import_check (import, &error));
  g_assert_no_error (error);
  plan = first_plan (import);
  g_assert_cmpstr (llw_planned_report_get_received_date (plan), ==, "2021-10-25");
  g_assert_cmpint (llw_planned_report_get_action (plan), ==, LLW_PLANNED_CREATE);
  g_assert_cmpuint (llw_planned_report_get_changes (plan)->len, ==, 4);

  g_assert_false (llw_form_import_set_received_date (import, plan, "32/10/2021", &error));
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (llw_form_import_set_received_date (import, plan, "20/09/2021", &error));
  g_assert_false (llw_form_import_check (import, &error));
  g_clear_error (&error);
  g_assert_cmpuint (llw_form_import_get_problems (import)->len, ==, 1);
  g_assert_nonnull (g_strrstr (llw_form_import_get_problems (import)->pdata[0], "a.xlsx: "));

  again = first_plan (import);
  g_assert_true (llw_form_import_set_received_date (import, again, "20/10/2021", &error));
  g_assert_true (llw_form_import_check (import, &error));
  g_assert_no_error (error);
  g_assert_true (llw_form_import_apply (import, &error));
  g_assert_no_error (error);

  received = query_text (fixture, "SELECT received_date FROM report");
  g_assert_cmpstr (received, ==, "2021-10-20");
}

/* The file is kept whole with its report, every history line of the import names it, and
 * a form made again is filled with what was imported. */
static void
test_kept_and_prefilled (LlwTestFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(LlwFormImport) import = llw_form_import_new (fixture->db, fixture->campaign);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LlwReportInput) prefill = NULL;
  g_autofree char *unnamed = NULL;
  gint64 report_id;

  llw_form_import_add (import, returned_form (fixture, "Hòn Đất.xlsx"));
  g_assert_true (llw_form_import_check (import, &error));
  g_assert_true (llw_form_import_apply (import, &error));
  g_assert_no_error (error);

  report_id = llw_database_find_report (fixture->db, fixture->campaign_id,
                                        unit_id (fixture, UNIT));
  kept = llw_database_list_returned_forms (fixture->db, report_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 1);
  g_assert_cmpstr (((LlwReturnedForm *) kept->pdata[0])->file_name, ==, "Hòn Đất.xlsx");
  bytes = llw_database_load_returned_form (fixture->db, ((LlwReturnedForm *) kept->pdata[0])->id,
                                           &error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   "PK\3\4 the returned file", 22);

  unnamed = query_text (fixture, "SELECT count (*) FROM history WHERE table_name IN "
                                 "('report', 'report_value') AND returned_form_id IS NULL");
  g_assert_cmpstr (unnamed, ==, "0");

  prefill = llw_database_load_report_input (fixture->db, report_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (prefill->fields, LLW_INPUT_DOCUMENT_NUMBER), ==, "45/BC");
  g_assert_cmpstr (g_hash_table_lookup (prefill->figures, "G3"), ==, "1.234,50");
  g_assert_cmpstr (g_hash_table_lookup (prefill->figures, "A1"), ==, "3");
}

/* A bad figure is named by its file, sheet and cell. */
static void
test_problem_place (LlwTestFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(LlwFormImport) import = llw_form_import_new (fixture->db, fixture->campaign);
  LlwReportInput *input = returned_form (fixture, "b.xlsx");
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  g_hash_table_insert (input->figures, g_strdup ("A1"), g_strdup ("-5"));
  llw_form_import_add (import, input);
  g_assert_false (llw_form_import_check (import, &error));
  problems = llw_form_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (problems->pdata[0], "b.xlsx › Báo cáo › D22: A1: "));
}

/* A database from before the forms, made with llweek's own migrations up to the one before
 * them, is brought up to date and keeps its data. */
static void
test_migrate (LlwTestFixture *fixture,
              gconstpointer   data)
{
  g_autofree char *old = g_build_filename (fixture->folder, "trước phiếu.db", NULL);
  g_autofree char *schema = llw_test_schema_before ("CREATE TABLE issued_form");
  g_autofree char *sql = g_strconcat (schema, "INSERT INTO unit (name, name_key, unit_group, "
                                      "position) VALUES ('Sở Y tế', 'sở y tế', 'provincial', 1)",
                                      NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autofree char *units = NULL;
  g_autofree char *forms = NULL;

  llw_test_exec_file (old, sql);

  db = llw_database_open (old, &error);
  g_assert_no_error (error);
  g_assert_cmpint (llw_database_get_schema_version (db), ==, LLW_DATABASE_SCHEMA_VERSION);
  g_clear_object (&db);
  units = llw_test_query_file (old, "SELECT group_concat (name) FROM unit");
  forms = llw_test_query_file (old, "SELECT count (*) FROM issued_form");
  g_assert_cmpstr (units, ==, "Sở Y tế");
  g_assert_cmpstr (forms, ==, "0");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LLWEEK_TODAY", "2021-10-25", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, LlwTestFixture, NULL, llw_test_fixture_set_up, func, \
              llw_test_fixture_tear_down)
  ADD ("/form-import/received-date", test_received_date);
  ADD ("/form-import/kept-and-prefilled", test_kept_and_prefilled);
  ADD ("/form-import/problem-place", test_problem_place);
  ADD ("/form-import/migrate", test_migrate);
#undef ADD

  return g_test_run ();
}
