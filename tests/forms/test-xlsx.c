/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-xlsx.h"

/* The arithmetic of a spreadsheet that the form reader relies on: serial dates in both of
 * Excel's systems, and cell addresses. */

static void
check_date (double      serial,
            gboolean    is_1904,
            const char *expected)
{
  GDate date;
  g_autofree char *text = NULL;

  if (expected == NULL)
    {
      g_assert_false (llw_xlsx_serial_to_date (serial, is_1904, &date));
      return;
    }
  g_assert_true (llw_xlsx_serial_to_date (serial, is_1904, &date));
  text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
  g_assert_cmpstr (text, ==, expected);
}

static void
test_serial_dates (void)
{
  check_date (1, FALSE, "1900-01-01");
  check_date (59, FALSE, "1900-02-28");
  check_date (60, FALSE, NULL);            /* 29/02/1900, which never was */
  check_date (61, FALSE, "1900-03-01");
  check_date (44484, FALSE, "2021-10-15");
  check_date (44484.75, FALSE, "2021-10-15");
  check_date (43022, TRUE, "2021-10-15");
  check_date (1, TRUE, "1904-01-02");
  check_date (0, FALSE, NULL);
  check_date (-3, FALSE, NULL);
  check_date (2958466, FALSE, NULL);       /* after 31/12/9999 */
}

static void
test_cell_names (void)
{
  struct { const char *text; gboolean ok; guint row, col; } cases[] = {
    { "A1", TRUE, 0, 0 },
    { "B12", TRUE, 11, 1 },
    { "$D$22", TRUE, 21, 3 },
    { "aa3", TRUE, 2, 26 },
    { "XFD1048576", TRUE, 1048575, 16383 },
    { "XFE1", FALSE },
    { "A1048577", FALSE },
    { "A0", FALSE },
    { "1A", FALSE },
    { "A", FALSE },
    { "A1 ", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint row = 0, col = 0;
      gboolean ok;

      ok = llw_xlsx_parse_cell (cases[i].text, &row, &col);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_autofree char *name = llw_xlsx_cell_name (row, col);
          g_autofree char *upper = g_ascii_strup (cases[i].text, -1);

          g_assert_cmpuint (row, ==, cases[i].row);
          g_assert_cmpuint (col, ==, cases[i].col);
          g_assert_cmpstr (name, ==, upper[0] == '$' ? "D22" : upper);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xlsx/serial-dates", test_serial_dates);
  g_test_add_func ("/xlsx/cell-names", test_cell_names);
  return g_test_run ();
}
