/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-date.h"
#include "llw-timeliness.h"

static void
test_parse_valid (void)
{
  static const struct { const char *text; const char *iso; } cases[] = {
    { "21/10/2021", "2021-10-21" },
    { "1/10/2021", "2021-10-01" },
    { " 01/10/2021 ", "2021-10-01" },
    { "2021-10-30", "2021-10-30" },
    { "\t2021-10-30 \n", "2021-10-30" },
    { "29/02/2024", "2024-02-29" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      g_autofree char *iso = NULL;

      g_assert_true (llw_date_parse (cases[i].text, &date));
      iso = llw_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

static void
test_parse_invalid (void)
{
  static const char *const cases[] = {
    "", "21/10", "31/02/2021", "29/02/2021", "32/01/2021", "1/13/2021", "0/10/2021",
    "21-10-2021", "2021/10/21", "21/10/21", "21/10/2021x", "21/10/2021 x", "1a/10/2021",
    "2021-1-5", "tháng 10", "21 / 10 / 2021", "10/21/2021",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      if (llw_date_parse (cases[i], &date))
        g_error ("“%s” was taken as a date", cases[i]);
    }
  g_assert_false (llw_date_parse (NULL, &(GDate) { 0 }));
}

static void
test_format (void)
{
  g_autofree char *a = llw_date_format ("2021-10-01");
  g_autofree char *b = llw_date_format (NULL);
  g_autofree char *c = llw_date_format ("rubbish");

  g_assert_cmpstr (a, ==, "01/10/2021");
  g_assert_cmpstr (b, ==, "");
  g_assert_cmpstr (c, ==, "");
}

static void
test_today_fixed (void)
{
  GDate today;
  g_autofree char *iso = NULL;
  g_autofree char *suite_today = g_strdup (g_getenv ("LLWEEK_TODAY"));

  g_setenv ("LLWEEK_TODAY", "2021-10-22", TRUE);
  llw_date_today (&today);
  iso = llw_date_to_iso (&today);
  g_assert_cmpstr (iso, ==, "2021-10-22");
  if (suite_today != NULL)
    g_setenv ("LLWEEK_TODAY", suite_today, TRUE);
  else
    g_unsetenv ("LLWEEK_TODAY");
}

/* The deadline day itself still counts as on time; the day after does not. */
static void
test_report_state (void)
{
  static const struct
  {
    const char *received;
    const char *today;
    LlwReportState state;
    int days_late;
  } cases[] = {
    { NULL, "2021-10-20", LLW_REPORT_STATE_PENDING, 0 },
    { NULL, "2021-10-21", LLW_REPORT_STATE_PENDING, 0 },
    { NULL, "2021-10-22", LLW_REPORT_STATE_MISSING, 0 },
    { "2021-10-05", "2021-10-06", LLW_REPORT_STATE_ON_TIME, 0 },
    { "2021-10-21", "2021-10-21", LLW_REPORT_STATE_ON_TIME, 0 },
    { "2021-10-21", "2021-11-30", LLW_REPORT_STATE_ON_TIME, 0 },
    { "2021-10-22", "2021-10-22", LLW_REPORT_STATE_LATE, 1 },
    { "2021-11-01", "2021-12-01", LLW_REPORT_STATE_LATE, 11 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate today;
      int days_late = -1;

      g_assert_true (llw_date_parse (cases[i].today, &today));
      g_assert_cmpint (llw_report_state_compute (cases[i].received, "2021-10-21", &today,
                                                 &days_late), ==, cases[i].state);
      g_assert_cmpint (days_late, ==, cases[i].days_late);
    }
}

static void
test_report_state_label (void)
{
  g_autofree char *late = llw_report_state_to_label (LLW_REPORT_STATE_LATE, 3);
  g_autofree char *one = llw_report_state_to_label (LLW_REPORT_STATE_LATE, 1);

  g_assert_cmpstr (late, ==, "Late by 3 days");
  g_assert_cmpstr (one, ==, "Late by 1 day");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse-valid", test_parse_valid);
  g_test_add_func ("/date/parse-invalid", test_parse_invalid);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/today-fixed", test_today_fixed);
  g_test_add_func ("/timeliness/state", test_report_state);
  g_test_add_func ("/timeliness/label", test_report_state_label);

  return g_test_run ();
}
