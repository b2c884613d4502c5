/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"


#include "llw-consolidation.h"
#include "llw-database.h"
#include "llw-date.h"
#include "llw-theme.h"

#include "llw-test-fixture.h"

typedef LlwTestFixture Fixture;

/* On the 2021 campaign (15 district-level and 27 provincial-level units must report, by
 * 21/10/2021): Rạch Giá reports three figures, Hà Tiên reports late with a zero, an explicit
 * NULL and money, Kiên Lương nothing at all, Sở LĐ-TB&XH on the deadline day, Hội Khuyến học
 * a report without figures. The Sở GD&ĐT need not report and a retired indicator is not
 * part of the report: their figures must not count. */
static const char data_sql[] =
  "INSERT INTO indicator (campaign_id, code, group_title, label, position, active) "
  "VALUES (1, 'Z9', 'Z. Cũ', 'Chỉ tiêu đã bỏ', 99, 0);"
  "INSERT INTO report (campaign_id, unit_id, received_date, document_number, theme_id) "
  "SELECT 1, id, '2021-10-20', '12/BC-UBND', (SELECT id FROM theme WHERE position = 1) "
  "FROM unit WHERE code = 'RGI';"
  "INSERT INTO report (campaign_id, unit_id, received_date) "
  "SELECT 1, id, '2021-10-23' FROM unit WHERE code = 'HTI';"
  "INSERT INTO report (campaign_id, unit_id, received_date, document_number, theme_id) "
  "SELECT 1, id, '2021-10-21', '=1+2', (SELECT id FROM theme WHERE position = 2) "
  "FROM unit WHERE code = 'SLDTBXH';"
  "INSERT INTO report (campaign_id, unit_id, received_date) "
  "SELECT 1, id, '2021-10-19' FROM unit WHERE code IN ('HKH', 'SGDDT');"
  "CREATE TEMP TABLE v (unit TEXT, code TEXT, value REAL);"
  "INSERT INTO v VALUES ('RGI', 'A1', 3), ('RGI', 'A3', 1200), ('RGI', 'G3', 12.5),"
  "  ('RGI', 'Z9', 7), ('HTI', 'A1', 0), ('HTI', 'A3', NULL), ('HTI', 'G3', 0.25),"
  "  ('SLDTBXH', 'A1', 5), ('SLDTBXH', 'G3', 100), ('SGDDT', 'A1', 99);"
  "INSERT INTO report_value (report_id, indicator_id, value) "
  "SELECT r.id, i.id, v.value FROM v JOIN unit u ON u.code = v.unit "
  "JOIN report r ON r.unit_id = u.id JOIN indicator i ON i.code = v.code;"
  "INSERT INTO activity (campaign_id, unit_id, title, start_date, participants) "
  "SELECT 1, id, 'Lễ phát động', '2021-10-01', 250 FROM unit WHERE code IN ('RGI', 'HTI');";

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  llw_test_fixture_set_up (fixture, data);
  llw_test_exec (fixture, data_sql);
}

static LlwConsolidation *
load_on (Fixture    *fixture,
         const char *day)
{
  g_autoptr(GError) error = NULL;
  LlwConsolidation *data;
  GDate today;

  g_assert_true (llw_date_parse (day, &today));
  data = llw_consolidation_load (fixture->db, fixture->campaign, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static guint
find_unit (LlwConsolidation *data,
           const char       *code)
{
  for (guint i = 0; i < llw_consolidation_get_n_units (data); i++)
    if (g_str_equal (llw_consolidation_get_unit (data, i)->code, code))
      return i;
  g_error ("no unit %s", code);
}

static guint
find_indicator (LlwConsolidation *data,
                const char       *code)
{
  for (guint i = 0; i < llw_consolidation_get_n_indicators (data); i++)
    if (g_str_equal (llw_indicator_get_code (llw_consolidation_get_indicator (data, i)), code))
      return i;
  g_error ("no indicator %s", code);
}

/* The units that must report, district level first, each group in one run. */
static void
test_units (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr(LlwConsolidation) cons = load_on (fixture, "2021-10-25");
  guint first = 99;

  g_assert_cmpuint (llw_consolidation_get_n_units (cons), ==, 42);
  g_assert_cmpstr (llw_consolidation_get_unit (cons, 0)->code, ==, "RGI");
  g_assert_cmpuint (llw_consolidation_get_group_range (cons, LLW_UNIT_GROUP_DISTRICT, &first),
                    ==, 15);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (llw_consolidation_get_group_range (cons, LLW_UNIT_GROUP_PROVINCIAL, &first),
                    ==, 27);
  g_assert_cmpuint (first, ==, 15);
  g_assert_cmpuint (llw_consolidation_get_group_range (cons, LLW_UNIT_GROUP_OTHER, &first), ==, 0);
  for (guint i = 0; i < 42; i++)
    {
      const LlwConsolidatedUnit *unit = llw_consolidation_get_unit (cons, i);

      g_assert_cmpstr (unit->code, !=, "SGDDT");
      g_assert_cmpint (unit->group, ==, i < 15 ? LLW_UNIT_GROUP_DISTRICT
                                               : LLW_UNIT_GROUP_PROVINCIAL);
    }
  g_assert_cmpuint (llw_consolidation_get_n_indicators (cons), ==, 22);
  g_assert_cmpuint (g_list_model_get_n_items (llw_consolidation_get_activities (cons)), ==, 2);
  g_assert_cmpstr (llw_consolidation_get_database_path (cons), ==, fixture->path);
}

typedef struct
{
  const char *day;
  const char *unit;
  LlwReportState state;
  int days_late;
  const char *document_number;
} StateCase;

static const StateCase state_cases[] = {
  { "2021-10-25", "RGI", LLW_REPORT_STATE_ON_TIME, 0, "12/BC-UBND" },
  { "2021-10-25", "HTI", LLW_REPORT_STATE_LATE, 2, "" },
  { "2021-10-25", "KLU", LLW_REPORT_STATE_MISSING, 0, "" },
  { "2021-10-25", "SLDTBXH", LLW_REPORT_STATE_ON_TIME, 0, "=1+2" },
  { "2021-10-25", "HKH", LLW_REPORT_STATE_ON_TIME, 0, "" },
  { "2021-10-21", "KLU", LLW_REPORT_STATE_PENDING, 0, "" },
};

static void
test_states (Fixture      *fixture,
             gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_cases); i++)
    {
      const StateCase *c = &state_cases[i];
      g_autoptr(LlwConsolidation) cons = load_on (fixture, c->day);
      const LlwConsolidatedUnit *unit = llw_consolidation_get_unit (cons, find_unit (cons,
                                                                                   c->unit));

      g_test_message ("%s on %s", c->unit, c->day);
      g_assert_cmpint (unit->state, ==, c->state);
      g_assert_cmpint (unit->days_late, ==, c->days_late);
      g_assert_cmpstr (unit->document_number, ==, c->document_number);
      g_assert_cmpstr (unit->deadline, ==, "2021-10-21");
    }
}

static void
test_summary (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr(LlwConsolidation) cons = load_on (fixture, "2021-10-25");
  const LlwReportSummary *summary = llw_consolidation_get_summary (cons);

  g_assert_cmpuint (summary->all.expected, ==, 42);
  g_assert_cmpuint (summary->all.received, ==, 4);
  g_assert_cmpuint (summary->all.on_time, ==, 3);
  g_assert_cmpuint (summary->all.late, ==, 1);
  g_assert_cmpuint (summary->all.missing, ==, 38);
  g_assert_cmpuint (summary->groups[LLW_UNIT_GROUP_DISTRICT].received, ==, 2);
  g_assert_cmpuint (summary->groups[LLW_UNIT_GROUP_PROVINCIAL].expected, ==, 27);
  g_assert_cmpuint (summary->groups[LLW_UNIT_GROUP_PROVINCIAL].on_time, ==, 2);
}

typedef struct
{
  const char *unit;
  const char *indicator;
  gboolean reported;
  double value;
} ValueCase;

/* Not reported (no row, or a NULL) is told apart from 0. */
static const ValueCase value_cases[] = {
  { "RGI", "A1", TRUE, 3 },
  { "RGI", "A2", FALSE, 0 },
  { "RGI", "G3", TRUE, 12.5 },
  { "HTI", "A1", TRUE, 0 },
  { "HTI", "A3", FALSE, 0 },
  { "KLU", "A1", FALSE, 0 },
  { "HKH", "A1", FALSE, 0 },
  { "SLDTBXH", "G3", TRUE, 100 },
};

static void
test_values (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(LlwConsolidation) cons = load_on (fixture, "2021-10-25");

  for (guint i = 0; i < G_N_ELEMENTS (value_cases); i++)
    {
      const ValueCase *c = &value_cases[i];
      double value = -1;
      gboolean reported = llw_consolidation_get_value (cons, find_unit (cons, c->unit),
                                                       find_indicator (cons, c->indicator),
                                                       &value);

      g_test_message ("%s %s", c->unit, c->indicator);
      g_assert_cmpint (reported, ==, c->reported);
      if (reported)
        g_assert_cmpfloat (value, ==, c->value);
    }
}

typedef struct
{
  const char *indicator;
  int group;               /* -1: every unit */
  double sum;
  guint count;
} TotalCase;

static const TotalCase total_cases[] = {
  { "A1", LLW_UNIT_GROUP_DISTRICT, 3, 2 },
  { "A1", LLW_UNIT_GROUP_PROVINCIAL, 5, 1 },
  { "A1", -1, 8, 3 },
  { "A2", -1, 0, 0 },
  { "A3", LLW_UNIT_GROUP_DISTRICT, 1200, 1 },
  { "A3", LLW_UNIT_GROUP_PROVINCIAL, 0, 0 },
  { "G3", LLW_UNIT_GROUP_DISTRICT, 12.75, 2 },
  { "G3", LLW_UNIT_GROUP_OTHER, 0, 0 },
  { "G3", -1, 112.75, 3 },
};

static void
test_totals (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(LlwConsolidation) cons = load_on (fixture, "2021-10-25");

  for (guint i = 0; i < G_N_ELEMENTS (total_cases); i++)
    {
      const TotalCase *c = &total_cases[i];
      guint indicator = find_indicator (cons, c->indicator);
      LlwIndicatorTotal total = c->group < 0
        ? llw_consolidation_get_overall_total (cons, indicator)
        : llw_consolidation_get_total (cons, indicator, c->group);

      g_test_message ("%s in group %d", c->indicator, c->group);
      g_assert_cmpfloat_with_epsilon (total.sum, c->sum, 1e-9);
      g_assert_cmpuint (total.count, ==, c->count);
    }
}

static void
test_themes (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(LlwConsolidation) cons = load_on (fixture, "2021-10-25");
  GListModel *themes = llw_consolidation_get_themes (cons);
  const guint expected[] = { 1, 1, 0 };

  g_assert_cmpuint (g_list_model_get_n_items (themes), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(LlwTheme) theme = g_list_model_get_item (themes, i);

      g_assert_cmpuint (llw_consolidation_count_theme (cons, llw_theme_get_id (theme)), ==,
                        expected[i]);
    }
  g_assert_cmpstr (llw_consolidation_get_unit (cons, find_unit (cons, "RGI"))->theme_title, ==,
                   "Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người trong bối "
                   "cảnh đại dịch COVID-19.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/consolidation/units", Fixture, NULL, fixture_set_up, test_units,
              llw_test_fixture_tear_down);
  g_test_add ("/consolidation/states", Fixture, NULL, fixture_set_up, test_states,
              llw_test_fixture_tear_down);
  g_test_add ("/consolidation/summary", Fixture, NULL, fixture_set_up, test_summary,
              llw_test_fixture_tear_down);
  g_test_add ("/consolidation/values", Fixture, NULL, fixture_set_up, test_values,
              llw_test_fixture_tear_down);
  g_test_add ("/consolidation/totals", Fixture, NULL, fixture_set_up, test_totals,
              llw_test_fixture_tear_down);
  g_test_add ("/consolidation/themes", Fixture, NULL, fixture_set_up, test_themes,
              llw_test_fixture_tear_down);

  return g_test_run ();
}
