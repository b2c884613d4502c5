/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-document-format.h"

/* Groups the digits of @buffer's integral part with "." and writes its decimals after ",";
 * @keep_zeros keeps trailing zeros of the decimals, as a table's column does. */
static char *
group_digits (const char *buffer,
              gboolean    keep_zeros)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *point = strchr (buffer, '.');
  gsize integral = point != NULL ? (gsize) (point - buffer) : strlen (buffer);

  for (gsize i = 0; i < integral; i++)
    {
      if (i > 0 && buffer[i - 1] != '-' && (integral - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, buffer[i]);
    }
  if (point != NULL)
    {
      g_autofree char *fraction = g_strdup (point + 1);
      gsize length = strlen (fraction);

      while (!keep_zeros && length > 0 && fraction[length - 1] == '0')
        fraction[--length] = '\0';
      if (length > 0)
        g_string_append_printf (out, ",%s", fraction);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
format_decimals (double   value,
                 int      decimals,
                 gboolean keep_zeros)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, decimals >= 2 ? "%.2f" : decimals == 1 ? "%.1f"
                                                                                 : "%.0f",
                   value);
  /* "-0" is no figure anyone writes. */
  if (strcmp (buffer, "-0") == 0)
    return g_strdup ("0");
  return group_digits (buffer, keep_zeros);
}

/* Returns: @value as Vietnamese prose writes it: 1.234.567 and 12,5 (trailing zeros of the
 *   decimals dropped). */
char *
llw_format_number (double value,
                   int    decimals)
{
  return format_decimals (value, decimals, FALSE);
}

/* Returns: @value as a table's column shows it, every row with the same decimals:
 *   1.295,50 */
char *
llw_format_figure (double value,
                   int    decimals)
{
  return format_decimals (value, decimals, TRUE);
}

/* Returns: a share in per cent with one decimal, as prose writes it: 12,5% */
char *
llw_format_percent (double value)
{
  g_autofree char *number = llw_format_number (value, 1);

  return g_strconcat (number, "%", NULL);
}

/* Returns: @n (1 to 39) in Roman numerals, as Vietnamese documents number their groups. */
const char *
llw_format_roman (guint n)
{
  static const char *const numerals[] = {
    "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX",
    "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII", "XXXVIII", "XXXIX",
  };

  return n < G_N_ELEMENTS (numerals) ? numerals[n] : "";
}

/* Returns: the group's name as the office's documents write it. */
const char *
llw_format_group_label (LlwUnitGroup group)
{
  switch (group)
    {
    case LLW_UNIT_GROUP_DISTRICT:
      return "Cấp huyện";
    case LLW_UNIT_GROUP_PROVINCIAL:
      return "Cấp tỉnh";
    case LLW_UNIT_GROUP_OTHER:
    default:
      return "Đơn vị khác";
    }
}

/* Returns: (transfer none): @title without a leading "A. " or "IV. ", for tables that number
 *   their groups themselves. */
const char *
llw_format_strip_numbering (const char *title)
{
  const char *p = title;

  while (g_ascii_isupper (*p) && p - title < 4)
    p++;
  if (p > title && p[0] == '.' && p[1] == ' ')
    return p + 2;
  return title;
}

/* Returns: "Kiên Giang, ngày 08 tháng 02 năm 2022": Decree 30 writes days below 10 and the
 *   months January and February with a leading zero. */
char *
llw_format_date_line (const char  *place,
                      const GDate *date)
{
  guint day = g_date_get_day (date), month = g_date_get_month (date);

  return g_strdup_printf ("%s%sngày %s%u tháng %s%u năm %u", place, place[0] ? ", " : "",
                          day < 10 ? "0" : "", day, month < 3 ? "0" : "", month,
                          g_date_get_year (date));
}
