/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "llw-database.h"
#include "llw-figures.h"

/* The figures of a report as the office types them and as the units write them, with one
 * rule for every field and file: Vietnamese groups thousands with "." and writes decimals
 * with "," (1.234.567,5). A "." that does not group three digits is refused, not guessed:
 * "12.5" could be twelve and a half or a mistyped 12.500. */

static gboolean
fail (GError    **error,
      const char *message)
{
  g_set_error_literal (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID, message);
  return FALSE;
}

/* Returns: whether the group mark at @p is followed by exactly three digits and then the end,
 * another group mark or @decimal. */
static gboolean
is_group (const char *p,
          const char *decimal)
{
  return g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
         (p[4] == '\0' || p[4] == '.' || p + 4 == decimal);
}

typedef enum
{
  NUMBER_OK,
  NUMBER_BAD,
  NUMBER_BAD_GROUP,   /* a "." that does not group three digits: "12.5" */
} NumberCheck;

/* Rewrites @text as digits with an optional "." before the decimals: "," is the decimal
 * mark, and "." groups thousands ("1.234" is 1234, as Vietnamese writes it). */
static NumberCheck
canonical (const char *text,
           GString    *out)
{
  const char *decimal = strchr (text, ',');

  if (decimal != NULL && (strchr (decimal + 1, ',') != NULL || strchr (decimal, '.') != NULL))
    return NUMBER_BAD;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (out, *p);
      else if (p == decimal && p != text)
        g_string_append_c (out, '.');
      else if (*p == '.' && p != text && !is_group (p, decimal))
        return NUMBER_BAD_GROUP;
      else if (*p != '.' || p == text)
        return NUMBER_BAD;
    }

  return out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]) ? NUMBER_OK : NUMBER_BAD;
}

/**
 * llw_figure_parse:
 * @text: (nullable): the figure as typed or read from a file
 * @decimals: decimal places the indicator allows (0 for counts, 2 for money)
 * @value: (out): the figure
 * @reported: (out): %FALSE for an empty figure, which means "not reported", not 0
 *
 * Returns: %TRUE if @text is empty or a number ≥ 0 with at most @decimals decimals
 */
gboolean
llw_figure_parse (const char  *text,
                  int          decimals,
                  double      *value,
                  gboolean    *reported,
                  GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GString) digits = NULL;
  const char *point;
  gsize n = 0;

  /* Most figures of a large file are plain digits: read those without copying, and as a
   * whole number, exact up to 15 digits, without strtod's locale and rounding machinery. */
  gint64 whole = 0;

  while (text != NULL && g_ascii_isdigit (text[n]) && n <= 15)
    whole = whole * 10 + (text[n++] - '0');
  if (n > 0 && n <= 15 && text[n] == '\0')
    {
      *value = (double) whole;
      *reported = TRUE;
      return TRUE;
    }

  trimmed = g_strstrip (g_strdup (text ? text : ""));
  digits = g_string_new (NULL);
  *value = 0;
  *reported = FALSE;
  if (*trimmed == '\0')
    return TRUE;

  if (*trimmed == '-')
    return fail (error, _("A figure cannot be negative."));
  switch (canonical (trimmed, digits))
    {
    case NUMBER_BAD_GROUP:
      return fail (error, decimals > 0 ? _("“.” only groups thousands; write decimals after "
                                           "“,”, such as 12,5.")
                                       : _("“.” only groups thousands, such as 1.250."));
    case NUMBER_BAD:
      return fail (error, decimals > 0 ? _("Enter a number, such as 1.250,5.")
                                       : _("Enter a whole number, 0 or more."));
    case NUMBER_OK:
    default:
      break;
    }

  point = strchr (digits->str, '.');
  if (point != NULL && (int) strlen (point + 1) > decimals)
    return fail (error, decimals > 0 ? _("Too many decimal places.")
                                     : _("Enter a whole number, 0 or more."));
  if (digits->len > 15)
    return fail (error, _("This number is too large."));

  *value = g_ascii_strtod (digits->str, NULL);
  *reported = TRUE;
  return TRUE;
}

/* Puts the digits of @plain (the figure's magnitude as "%.*f" prints it) into @out as
 * Vietnamese groups them. */
static void
append_grouped (GString    *out,
                const char *plain)
{
  const char *point = strchr (plain, '.');
  gsize whole = point ? (gsize) (point - plain) : strlen (plain);

  for (gsize i = 0; i < whole; i++)
    {
      if (i > 0 && (whole - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, plain[i]);
    }
  if (point != NULL)
    {
      g_string_append_c (out, ',');
      g_string_append (out, point + 1);
    }
}

/* Writes into @plain what "%.*f" prints of @magnitude when @magnitude × 10^@decimals is a
 * whole number below 2^53, which every figure typed with at most its indicator's decimals
 * is: the digits of that number, with the point @decimals from the end. Then printf's
 * rounding cannot differ from it (the product is within 2^-53 of it, far from a half).
 * Returns: %FALSE for any other figure, which printf formats. */
static gboolean
print_exact (double  magnitude,
             int     decimals,
             char   *plain)
{
  static const double scales[] = { 1, 10, 100, 1000, 10000, 100000, 1000000 };
  char digits[24];
  double scaled;
  guint64 n;
  int len = 0, p = 0;

  if (decimals < 0 || decimals >= (int) G_N_ELEMENTS (scales))
    return FALSE;
  scaled = magnitude * scales[decimals];
  if (!(scaled < 9007199254740992.0) || scaled != floor (scaled))
    return FALSE;

  n = (guint64) scaled;
  do
    digits[len++] = (char) ('0' + n % 10), n /= 10;
  while (n > 0);
  while (len <= decimals)
    digits[len++] = '0';
  while (len > 0)
    {
      if (len == decimals)
        plain[p++] = '.';
      plain[p++] = digits[--len];
    }
  plain[p] = '\0';
  return TRUE;
}

/**
 * llw_figure_append:
 * @out: where to put the figure
 * @value: a figure
 * @decimals: decimal places of its indicator
 *
 * Appends what llw_figure_format () returns to @out, without allocating for the figures
 * of a report: a preview of 50,000 reports shows a million of them.
 */
void
llw_figure_append (GString *out,
                   double   value,
                   int      decimals)
{
  char exact[32];

  if (value < 0)
    g_string_append_c (out, '-');
  if (print_exact (fabs (value), decimals, exact))
    append_grouped (out, exact);
  else
    {
      g_autofree char *plain = g_strdup_printf ("%.*f", decimals, fabs (value));

      append_grouped (out, plain);
    }
}

/**
 * llw_figure_format:
 * @value: a figure
 * @decimals: decimal places of its indicator
 *
 * Returns: (transfer full): the figure as a Vietnamese reader writes it: 1.234.567 or
 *   1.234,50
 */
char *
llw_figure_format (double value,
                   int    decimals)
{
  GString *out = g_string_sized_new (16);

  llw_figure_append (out, value, decimals);
  return g_string_free (out, FALSE);
}
