/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "llw-date.h"

/* Reads exactly N digits; the whole field must be digits so that "1a/10/2021" is refused. */
static gboolean
read_number (const char **cursor,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  const char *p = *cursor;
  guint n = 0;
  guint v = 0;

  while (g_ascii_isdigit (*p) && n < max_digits)
    {
      v = v * 10 + (guint) (*p - '0');
      p++;
      n++;
    }

  if (n < min_digits || g_ascii_isdigit (*p))
    return FALSE;

  *cursor = p;
  *value = v;
  return TRUE;
}

static gboolean
expect (const char **cursor,
        char         c)
{
  if (**cursor != c)
    return FALSE;
  (*cursor)++;
  return TRUE;
}

/**
 * llw_date_parse:
 * @text: a date as the office writes it (dd/mm/yyyy, d/m/yyyy) or ISO 8601 (yyyy-mm-dd)
 * @date: (out): where to put the date
 *
 * Returns: %TRUE if @text is one real calendar date, with nothing around it but spaces.
 */
gboolean
llw_date_parse (const char *text,
                GDate      *date)
{
  const char *p;
  guint day, month, year;
  gboolean ok;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL)
    return FALSE;

  /* Read in place, spaces skipped, not from a stripped copy: a list of 50,000 units reads
   * two dates a row. */
  while (g_ascii_isspace (*text))
    text++;
  p = text;

  if (strchr (text, '-') != NULL)
    ok = read_number (&p, 4, 4, &year) && expect (&p, '-') &&
         read_number (&p, 2, 2, &month) && expect (&p, '-') &&
         read_number (&p, 2, 2, &day);
  else
    ok = read_number (&p, 1, 2, &day) && expect (&p, '/') &&
         read_number (&p, 1, 2, &month) && expect (&p, '/') &&
         read_number (&p, 4, 4, &year);
  while (ok && g_ascii_isspace (*p))
    p++;

  if (!ok || *p != '\0' || year < 1900 || year > 2999 || month < 1 || month > 12 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* Returns: the date as stored in the database, YYYY-MM-DD. */
char *
llw_date_to_iso (const GDate *date)
{
  char iso[16];
  guint year, month, day;
  int n = 0;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* "%04u-%02u-%02u" without printf: an import of 50,000 rows makes one per row. */
  year = g_date_get_year (date);
  month = g_date_get_month (date);
  day = g_date_get_day (date);
  if (year >= 10000)
    iso[n++] = (char) ('0' + year / 10000);
  iso[n++] = (char) ('0' + year / 1000 % 10);
  iso[n++] = (char) ('0' + year / 100 % 10);
  iso[n++] = (char) ('0' + year / 10 % 10);
  iso[n++] = (char) ('0' + year % 10);
  iso[n++] = '-';
  iso[n++] = (char) ('0' + month / 10);
  iso[n++] = (char) ('0' + month % 10);
  iso[n++] = '-';
  iso[n++] = (char) ('0' + day / 10);
  iso[n++] = (char) ('0' + day % 10);
  return g_strndup (iso, n);
}

/**
 * llw_date_format:
 * @iso: (nullable): a stored date, YYYY-MM-DD
 *
 * Returns: the date as the office reads it, dd/mm/yyyy; "" for %NULL or an invalid date.
 */
char *
llw_date_format (const char *iso)
{
  GDate date;

  char text[16];
  guint year, month, day;
  int n = 0;

  if (iso == NULL || !llw_date_parse (iso, &date))
    return g_strdup ("");

  /* "%02u/%02u/%04u" without printf: an import's preview shows one per report. */
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);
  day = g_date_get_day (&date);
  text[n++] = (char) ('0' + day / 10);
  text[n++] = (char) ('0' + day % 10);
  text[n++] = '/';
  text[n++] = (char) ('0' + month / 10);
  text[n++] = (char) ('0' + month % 10);
  text[n++] = '/';
  if (year >= 10000)
    text[n++] = (char) ('0' + year / 10000);
  text[n++] = (char) ('0' + year / 1000 % 10);
  text[n++] = (char) ('0' + year / 100 % 10);
  text[n++] = (char) ('0' + year / 10 % 10);
  text[n++] = (char) ('0' + year % 10);
  return g_strndup (text, n);
}

/**
 * llw_date_today:
 * @date: (out): today's date
 *
 * Today in local time, unless the LLWEEK_TODAY environment variable holds a date: that
 * makes tests and screenshots independent of the day they run.
 */
void
llw_date_today (GDate *date)
{
  const char *fixed = g_getenv ("LLWEEK_TODAY");
  g_autoptr(GDateTime) now = NULL;

  if (fixed != NULL && llw_date_parse (fixed, date))
    return;

  now = g_date_time_new_now_local ();
  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

/* Returns: the number of days from @from to @to, negative when @to is earlier. */
int
llw_date_days_until (const GDate *from,
                     const GDate *to)
{
  return g_date_days_between (from, to);
}
