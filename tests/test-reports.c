/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-consolidation.h"
#include "llw-database.h"
#include "llw-database-checklists.h"
#include "llw-database-get.h"
#include "llw-database-history.h"
#include "llw-date.h"
#include "llw-figures.h"
#include "llw-report-status.h"
#include "llw-report-summary.h"

#include "llw-test-fixture.h"

typedef LlwTestFixture Fixture;

/* Three units report: Rạch Giá on the deadline day, Hà Tiên a day late, Sở LĐ-TB&XH early. */
static const char reports_sql[] =
  "INSERT INTO report (campaign_id, unit_id, received_date, document_number) "
  "SELECT 1, id, '2021-10-21', '12/BC-UBND' FROM unit WHERE code = 'RGI';"
  "INSERT INTO report (campaign_id, unit_id, received_date) "
  "SELECT 1, id, '2021-10-22' FROM unit WHERE code = 'HTI';"
  "INSERT INTO report (campaign_id, unit_id, received_date) "
  "SELECT 1, id, '2021-10-08' FROM unit WHERE code = 'SLDTBXH';";

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  llw_test_fixture_set_up (fixture, data);
  llw_test_exec (fixture, reports_sql);
}

static GListModel *
statuses_on (Fixture    *fixture,
             const char *day)
{
  g_autoptr(GError) error = NULL;
  GListModel *statuses;
  GDate today;

  g_assert_true (llw_date_parse (day, &today));
  statuses = llw_database_list_report_statuses (fixture->db, fixture->campaign, &today, &error);
  g_assert_no_error (error);
  return statuses;
}

static LlwReportStatus *
find (GListModel *statuses,
      const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(LlwReportStatus) status = g_list_model_get_item (statuses, i);

      if (g_str_equal (llw_report_status_get_unit_code (status), code))
        return g_steal_pointer (&status);
    }
  g_error ("no status for %s", code);
}

/* Every unit that must report is listed once, district level first; the lead is not. */
static void
test_list (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr(GListModel) statuses = statuses_on (fixture, "2021-10-21");
  g_autoptr(LlwReportStatus) first = g_list_model_get_item (statuses, 0);
  g_autoptr(LlwReportStatus) sixteenth = g_list_model_get_item (statuses, 15);

  g_assert_cmpuint (g_list_model_get_n_items (statuses), ==, 42);
  g_assert_cmpstr (llw_report_status_get_unit_name (first), ==, "UBND thành phố Rạch Giá");
  g_assert_cmpint (llw_report_status_get_group (sixteenth), ==, LLW_UNIT_GROUP_PROVINCIAL);
  for (guint i = 0; i < 42; i++)
    {
      g_autoptr(LlwReportStatus) status = g_list_model_get_item (statuses, i);

      g_assert_cmpstr (llw_report_status_get_unit_code (status), !=, "SGDDT");
      g_assert_cmpstr (llw_report_status_get_deadline (status), ==, "2021-10-21");
    }
}

static void
test_states_on_deadline_day (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr(GListModel) statuses = statuses_on (fixture, "2021-10-21");
  g_autoptr(LlwReportStatus) rach_gia = find (statuses, "RGI");
  g_autoptr(LlwReportStatus) kien_luong = find (statuses, "KLU");
  LlwReportSummary summary;

  g_assert_cmpint (llw_report_status_get_state (rach_gia), ==, LLW_REPORT_STATE_ON_TIME);
  g_assert_cmpstr (llw_report_status_get_document_number (rach_gia), ==, "12/BC-UBND");
  g_assert_cmpint (llw_report_status_get_state (kien_luong), ==, LLW_REPORT_STATE_PENDING);

  llw_report_summary_compute (&summary, statuses);
  g_assert_cmpuint (summary.all.expected, ==, 42);
  g_assert_cmpuint (summary.all.received, ==, 3);
  g_assert_cmpuint (summary.all.pending, ==, 39);
  g_assert_cmpuint (summary.all.missing, ==, 0);
}

static void
test_states_day_after (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(GListModel) statuses = statuses_on (fixture, "2021-10-22");
  g_autoptr(LlwReportStatus) ha_tien = find (statuses, "HTI");
  g_autoptr(LlwReportStatus) kien_luong = find (statuses, "KLU");
  LlwReportSummary summary;

  g_assert_cmpint (llw_report_status_get_state (ha_tien), ==, LLW_REPORT_STATE_LATE);
  g_assert_cmpint (llw_report_status_get_days_late (ha_tien), ==, 1);
  g_assert_cmpint (llw_report_status_get_state (kien_luong), ==, LLW_REPORT_STATE_MISSING);

  llw_report_summary_compute (&summary, statuses);
  g_assert_cmpuint (summary.all.expected, ==, 42);
  g_assert_cmpuint (summary.all.on_time, ==, 2);
  g_assert_cmpuint (summary.all.late, ==, 1);
  g_assert_cmpuint (summary.all.missing, ==, 39);
  g_assert_cmpuint (summary.all.pending, ==, 0);
  g_assert_cmpuint (summary.groups[LLW_UNIT_GROUP_DISTRICT].expected, ==, 15);
  g_assert_cmpuint (summary.groups[LLW_UNIT_GROUP_DISTRICT].received, ==, 2);
  g_assert_cmpuint (summary.groups[LLW_UNIT_GROUP_PROVINCIAL].expected, ==, 27);
  g_assert_cmpuint (summary.groups[LLW_UNIT_GROUP_PROVINCIAL].on_time, ==, 1);
  g_assert_cmpfloat_with_epsilon (llw_report_counts_rate (&summary.all, summary.all.received),
                                  3.0 / 42, 1e-9);
}

static GHashTable *
table_of (const char *first,
          ...)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first);
  for (const char *key = first; key != NULL; key = va_arg (args, const char *))
    g_hash_table_insert (table, g_strdup (key), g_strdup (va_arg (args, const char *)));
  va_end (args);
  return table;
}

static gint64
unit_id (Fixture    *fixture,
         const char *code)
{
  g_autoptr(GListModel) statuses = statuses_on (fixture, "2021-10-21");
  g_autoptr(LlwReportStatus) status = find (statuses, code);

  return llw_report_status_get_unit_id (status);
}

/* Receiving a report, then receiving it again: one report, updated, every change in the
 * history; an empty figure is "not reported" and 0 stays 0. */
static void
test_receive (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) input = table_of ("received_date", "20/10/2021", "channel", "post",
                                          "document_number", "33/BC-UBND", NULL);
  g_autoptr(GHashTable) figures = table_of ("A1", "2", "C1", "0", "C2", "", "G3", "1.250,5",
                                            NULL);
  g_autoptr(GHashTable) again = table_of ("received_date", "22/10/2021", NULL);
  g_autoptr(GHashTable) again_figures = table_of ("A1", "3", "C1", "", NULL);
  g_autoptr(GHashTable) loaded = NULL;
  g_autoptr(GListModel) statuses = NULL;
  g_autoptr(LlwReportStatus) status = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(LlwHistoryEntry) newest = NULL;
  g_autofree char *record = NULL;
  gint64 unit = unit_id (fixture, "KLU");
  gint64 id, id_again;

  id = llw_database_save_report (fixture->db, fixture->campaign, unit, input, figures, NULL,
                                 &error);
  g_assert_no_error (error);
  loaded = llw_database_load_figures (fixture->db, id, &error);
  g_assert_cmpuint (g_hash_table_size (loaded), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (loaded, "C1"), ==, "0");
  g_assert_false (g_hash_table_contains (loaded, "C2"));
  g_assert_cmpstr (g_hash_table_lookup (loaded, "G3"), ==, "1.250,50");

  id_again = llw_database_save_report (fixture->db, fixture->campaign, unit, again,
                                       again_figures, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id_again, ==, id);
  g_clear_pointer (&loaded, g_hash_table_unref);
  loaded = llw_database_load_figures (fixture->db, id, &error);
  g_assert_cmpstr (g_hash_table_lookup (loaded, "A1"), ==, "3");
  g_assert_false (g_hash_table_contains (loaded, "C1"));
  g_assert_cmpstr (g_hash_table_lookup (loaded, "G3"), ==, "1.250,50");

  statuses = statuses_on (fixture, "2021-10-25");
  status = find (statuses, "KLU");
  g_assert_cmpint (llw_report_status_get_state (status), ==, LLW_REPORT_STATE_LATE);
  g_assert_cmpstr (llw_report_status_get_document_number (status), ==, "33/BC-UBND");

  /* The campaign's history says whose figures changed. */
  history = llw_database_list_campaign_history (fixture->db, fixture->campaign_id, 0, &error);
  g_assert_no_error (error);
  newest = g_list_model_get_item (history, 0);
  g_assert_cmpstr (llw_history_entry_get_table_name (newest), ==, "report_value");
  record = llw_history_entry_describe_record (newest);
  g_assert_cmpstr (record, ==, "Figure “UBND huyện Kiên Lương”");
}

/* A bad figure or date is refused with a message beside it, and nothing is written. */
static void
test_receive_refused (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) input = table_of ("received_date", "26/10/2021", NULL);
  g_autoptr(GHashTable) figures = table_of ("A1", "-1", "G3", "1,255", "Z1", "4", NULL);
  g_autoptr(GHashTable) errors = NULL;
  gint64 unit = unit_id (fixture, "KLU");

  g_assert_cmpint (llw_database_save_report (fixture->db, fixture->campaign, unit, input,
                                             figures, &errors, &error), ==, 0);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 4);
  g_assert_true (g_hash_table_contains (errors, "received_date"));
  g_assert_true (g_hash_table_contains (errors, "figure:A1"));
  g_assert_true (g_hash_table_contains (errors, "figure:G3"));
  g_assert_true (g_hash_table_contains (errors, "figure:Z1"));
  g_assert_cmpint (llw_database_find_report (fixture->db, llw_campaign_get_id (fixture->campaign),
                                             unit), ==, 0);
}

/* Figures that are probably wrong are pointed out, never refused. */
static void
test_warnings (Fixture      *fixture,
               gconstpointer data)
{
  static const char *const others[] = { "RGI", "HTI", "HDA", "THI" };
  g_autoptr(GHashTable) input = table_of ("received_date", "20/10/2021", NULL);
  g_autoptr(GHashTable) fine = table_of ("C1", "10", "C2", "300", "B1", "40", NULL);
  g_autoptr(GHashTable) odd = table_of ("C1", "10", "C2", "8", "B1", "4000", NULL);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  gint64 unit = unit_id (fixture, "KLU");

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_cmpint (llw_database_save_report (fixture->db, fixture->campaign,
                                               unit_id (fixture, others[i]), input, fine, NULL,
                                               NULL), >, 0);

  none = llw_database_check_figures (fixture->db, fixture->campaign, unit, fine,
                                     LLW_FIGURE_OUTLIER_RATIO);
  g_assert_cmpuint (none->len, ==, 0);
  warnings = llw_database_check_figures (fixture->db, fixture->campaign, unit, odd,
                                         LLW_FIGURE_OUTLIER_RATIO);
  g_assert_cmpuint (warnings->len, ==, 2);
  {
    const char *all = g_strjoin ("\n", warnings->pdata[0], warnings->pdata[1], NULL);

    g_assert_nonnull (strstr (all, "(8) is smaller than"));
    g_assert_nonnull (strstr (all, "(4.000) is more than 10 times what the other units "
                                   "reported (usually 40)"));
    g_free ((char *) all);
  }
}

/* Reminders are logged per unit; the report list shows the latest one, and a reminder dated
 * in the future is refused. */
static void
test_reminders (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GListModel) statuses = NULL;
  g_autoptr(LlwReportStatus) status = NULL;
  g_autofree char *unit = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id (fixture, "KLU"));
  const char *days[] = { "22/10/2021", "25/10/2021", "23/10/2021" };
  gint64 campaign_id = llw_campaign_get_id (fixture->campaign);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GHashTable) input = table_of ("unit_id", unit, "reminded_on", days[i],
                                              "channel", "phone", "note", "Gọi chị Lan", NULL);

      g_assert_cmpint (llw_database_insert (fixture->db, &llw_entity_reminder, campaign_id,
                                            input, NULL, &error), >, 0);
      g_assert_no_error (error);
    }

  {
    g_autoptr(GHashTable) future = table_of ("unit_id", unit, "reminded_on", "26/10/2021",
                                             NULL);

    g_assert_cmpint (llw_database_insert (fixture->db, &llw_entity_reminder, campaign_id,
                                          future, &errors, &error), ==, 0);
    g_assert_true (g_hash_table_contains (errors, "reminded_on"));
  }

  statuses = statuses_on (fixture, "2021-10-25");
  status = find (statuses, "KLU");
  g_assert_cmpstr (llw_report_status_get_last_reminder (status), ==, "2021-10-25");
  g_clear_object (&status);
  status = find (statuses, "HDA");
  g_assert_null (llw_report_status_get_last_reminder (status));
}

/* One rule for every number typed or read from a file: "." groups thousands, "," is the
 * decimal mark; a "." that groups nothing is refused, not taken for a decimal mark. */
static void
test_figure_rule (void)
{
  static const struct
  {
    const char *text;
    int decimals;
    gboolean ok;
    double value;
  } cases[] = {
    { "1.250", 0, TRUE, 1250 },
    { "1.250.000", 0, TRUE, 1250000 },
    { "12,5", 1, TRUE, 12.5 },
    { "1.250,75", 2, TRUE, 1250.75 },
    { "12.5", 1, FALSE, 0 },
    { "12.50", 2, FALSE, 0 },
    { "1,250", 0, FALSE, 0 },
    { "1.25.000", 0, FALSE, 0 },
    { "1.250,5", 0, FALSE, 0 },
    { "12,5.0", 2, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -1;
      gboolean reported = FALSE;
      gboolean ok = llw_figure_parse (cases[i].text, cases[i].decimals, &value, &reported,
                                      &error);

      g_test_message ("%s with %d decimals", cases[i].text, cases[i].decimals);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
      else
        g_assert_nonnull (error);
    }
}

/* Figures are shown as a Vietnamese reader writes them, rounded as printf rounds: whole
 * numbers and typed decimals are written digit for digit, other numbers through printf. */
static void
test_figure_format (void)
{
  static const struct
  {
    double value;
    int decimals;
    const char *text;
  } cases[] = {
    { 0, 0, "0" },
    { -0.0, 0, "0" },
    { 7, 0, "7" },
    { 1250, 0, "1.250" },
    { 1234567, 0, "1.234.567" },
    { -1234567, 0, "-1.234.567" },
    { 12.5, 1, "12,5" },
    { 0.5, 1, "0,5" },
    { 0.05, 2, "0,05" },
    { 1234.5, 2, "1.234,50" },
    { 1250.75, 2, "1.250,75" },
    { 2.5, 0, "2" },              /* printf rounds a half to even */
    { 3.5, 0, "4" },
    { -0.4, 0, "-0" },
    { 1.005, 2, "1,00" },         /* 1.005 is a little below it in binary */
    { 0.1, 1, "0,1" },
    { 9007199254740992.0, 0, "9.007.199.254.740.992" },
    { 1e20, 0, "100.000.000.000.000.000.000" },
    { 1234.5678, 8, "1.234,56780000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = llw_figure_format (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The rules of the report statuses (deadline, group order) live in the view assigned_unit:
 * its group rank must be the order of LlwUnitGroup, which the window sorts by in C. */
static void
test_group_rank (Fixture      *fixture,
                 gconstpointer data)
{
  for (LlwUnitGroup group = LLW_UNIT_GROUP_DISTRICT; group <= LLW_UNIT_GROUP_OTHER; group++)
    {
      g_autofree char *update = NULL;
      g_autofree char *rank = NULL;

      update = g_strdup_printf ("UPDATE unit SET unit_group = '%s' WHERE code = 'RGI'",
                                llw_unit_group_to_string (group));
      llw_test_exec (fixture, update);
      rank = llw_test_query (fixture,
                             "SELECT group_rank FROM assigned_unit "
                             "WHERE unit_id = (SELECT id FROM unit WHERE code = 'RGI')");
      g_assert_cmpint (g_ascii_strtoll (rank, NULL, 10), ==, group);
    }
}

/* Units out of group order, one with a deadline of its own and one that must not report. */
static const char mixed_units_sql[] =
  "UPDATE unit SET position = -1, unit_group = 'other' WHERE code = 'HTI';"
  "UPDATE unit SET position = 1000 WHERE code = 'RGI';"
  "UPDATE unit SET position = -2 WHERE code = 'SLDTBXH';"
  "UPDATE assignment SET deadline = '2021-10-15' "
  "WHERE unit_id = (SELECT id FROM unit WHERE code = 'KLU');"
  "UPDATE assignment SET report_required = 0 "
  "WHERE unit_id = (SELECT id FROM unit WHERE code = 'PQU');";

static void
append_row (GString    *rows,
            gint64      unit_id,
            const char *deadline)
{
  g_string_append_printf (rows, "%" G_GINT64_FORMAT " %s\n", unit_id, deadline);
}

static gboolean
append_assigned_unit (const LlwAssignedUnit *unit,
                      gpointer               user_data)
{
  if (unit->report_required)
    append_row (user_data, unit->unit_id, unit->deadline);
  return TRUE;
}

/* The same units, in the same order and with the same deadlines, wherever they are read:
 * the reports tab's list and its single rows, the units tab, the consolidated report and
 * the checklists. */
static void
test_rules_everywhere (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) statuses = NULL;
  g_autoptr(LlwConsolidation) consolidation = NULL;
  g_autoptr(GString) listed = g_string_new (NULL);
  g_autoptr(GString) fetched = g_string_new (NULL);
  g_autoptr(GString) units = g_string_new (NULL);
  g_autoptr(GString) consolidated = g_string_new (NULL);
  g_autoptr(GString) printed = g_string_new (NULL);
  LlwUnitGroup last_group = LLW_UNIT_GROUP_DISTRICT;
  GDate today;

  llw_test_exec (fixture, mixed_units_sql);
  g_date_set_dmy (&today, 25, 10, 2021);
  statuses = statuses_on (fixture, "2021-10-25");
  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(LlwReportStatus) status = g_list_model_get_item (statuses, i);
      gint64 unit_id = llw_report_status_get_unit_id (status);
      g_autoptr(LlwReportStatus) one = NULL;
      g_autoptr(LlwUnit) unit = NULL;

      g_assert_cmpint (llw_report_status_get_group (status), >=, last_group);
      last_group = llw_report_status_get_group (status);
      append_row (listed, unit_id, llw_report_status_get_deadline (status));
      one = llw_database_get_report_status (fixture->db, fixture->campaign, &today, unit_id,
                                            &error);
      g_assert_no_error (error);
      append_row (fetched, unit_id, llw_report_status_get_deadline (one));
      unit = llw_database_get_unit (fixture->db, fixture->campaign, unit_id, &error);
      g_assert_no_error (error);
      append_row (units, unit_id, llw_unit_get_deadline (unit));
    }
  g_assert_cmpint (last_group, ==, LLW_UNIT_GROUP_OTHER);
  g_assert_nonnull (strstr (listed->str, " 2021-10-15\n"));

  consolidation = llw_consolidation_load (fixture->db, fixture->campaign, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < llw_consolidation_get_n_units (consolidation); i++)
    {
      const LlwConsolidatedUnit *unit = llw_consolidation_get_unit (consolidation, i);
      g_autoptr(LlwReportStatus) status = g_list_model_get_item (statuses, i);

      /* The consolidation keeps no unit id: its names follow the list's. */
      g_assert_cmpstr (unit->name, ==, llw_report_status_get_unit_name (status));
      append_row (consolidated, llw_report_status_get_unit_id (status), unit->deadline);
    }
  g_assert_true (llw_database_foreach_assigned_unit (fixture->db, fixture->campaign, &today,
                                                     append_assigned_unit, printed, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (fetched->str, ==, listed->str);
  g_assert_cmpstr (units->str, ==, listed->str);
  g_assert_cmpstr (consolidated->str, ==, listed->str);
  g_assert_cmpstr (printed->str, ==, listed->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reports/figure-rule", test_figure_rule);
  g_test_add_func ("/reports/figure-format", test_figure_format);
  g_test_add ("/reports/list", Fixture, NULL, fixture_set_up, test_list, llw_test_fixture_tear_down);
  g_test_add ("/reports/deadline-day", Fixture, NULL, fixture_set_up,
              test_states_on_deadline_day, llw_test_fixture_tear_down);
  g_test_add ("/reports/day-after-deadline", Fixture, NULL, fixture_set_up,
              test_states_day_after, llw_test_fixture_tear_down);

  g_test_add ("/reports/receive", Fixture, NULL, fixture_set_up, test_receive,
              llw_test_fixture_tear_down);
  g_test_add ("/reports/receive-refused", Fixture, NULL, fixture_set_up, test_receive_refused,
              llw_test_fixture_tear_down);
  g_test_add ("/reports/warnings", Fixture, NULL, fixture_set_up, test_warnings,
              llw_test_fixture_tear_down);
  g_test_add ("/reports/reminders", Fixture, NULL, fixture_set_up, test_reminders,
              llw_test_fixture_tear_down);
  g_test_add ("/reports/group-rank", Fixture, NULL, fixture_set_up, test_group_rank,
              llw_test_fixture_tear_down);
  g_test_add ("/reports/rules-everywhere", Fixture, NULL, fixture_set_up,
              test_rules_everywhere, llw_test_fixture_tear_down);

  return g_test_run ();
}
