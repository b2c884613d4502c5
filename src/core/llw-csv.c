/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "llw-csv.h"
#include "llw-database.h"

/* RFC 4180, as spreadsheets write it: comma-separated, fields quoted with '"' when they hold
 * a comma, a quote ("" inside quotes) or a line break; lines end with CRLF or LF. */

static void
record_free (gpointer data)
{
  LlwCsvRecord *record = data;

  g_ptr_array_unref (record->fields);
  g_free (record);
}

/* Returns: a record whose fields are the @n_fields texts in @text, each ending in a NUL at
 * the offsets in @ends. A record is one block with its text, not a block per field: a file
 * of 50,000 rows has more than a million fields. */
static LlwCsvRecord *
record_new (guint          line,
            const GString *text,
            const gsize   *ends,
            guint          n_fields)
{
  LlwCsvRecord *record = g_malloc (sizeof (LlwCsvRecord) + text->len);
  char *copy = (char *) (record + 1);

  memcpy (copy, text->str, text->len);
  record->line = line;
  record->fields = g_ptr_array_sized_new (n_fields);
  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (record->fields, copy + (i > 0 ? ends[i - 1] + 1 : 0));
  return record;
}

static gboolean
fail (GError    **error,
      guint       line,
      const char *message)
{
  g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID,
               _("Line %u: %s"), line, message);
  return FALSE;
}

/* Refuses what is not UTF-8 text before parsing it, naming the first bad line. */
static gboolean
check_text (const char  *data,
            gsize        length,
            GError     **error)
{
  const char *end = NULL;
  guint line = 1;

  if (memchr (data, '\0', length) != NULL || !g_utf8_validate_len (data, length, &end))
    {
      const char *bad = end != NULL ? end : memchr (data, '\0', length);

      for (const char *p = data; p < bad; p++)
        line += *p == '\n';
      return fail (error, line, _("the file is not UTF-8 text. Save it from the spreadsheet "
                                  "as “CSV UTF-8”."));
    }
  return TRUE;
}

/**
 * llw_csv_parse:
 * @data: the file's contents; a UTF-8 byte order mark at the start is skipped
 * @length: its length
 *
 * Returns: (transfer full) (element-type LlwCsvRecord): the records, blank lines left out,
 *   or %NULL with @error set for a file that is not UTF-8 text or has an unclosed quote
 */
GPtrArray *
llw_csv_parse (const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  g_autoptr(GString) text = g_string_new (NULL);   /* the record's fields, each ending in NUL */
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *p = data, *end = data + length;
  gsize field = 0;                                  /* where the field starts in text */
  gboolean quoted = FALSE, was_quoted = FALSE;
  guint line = 1, quote_line = 0, record_line = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  if (!check_text (p, (gsize) (end - p), error))
    return NULL;

  for (; p <= end; p++)
    {
      char c = p < end ? *p : '\n';

      if (quoted)
        {
          if (p == end)
            {
              fail (error, quote_line, _("a quoted field is never closed."));
              return NULL;
            }
          if (c == '"' && p + 1 < end && p[1] == '"')
            g_string_append_c (text, '"'), p++;
          else if (c == '"')
            quoted = FALSE;
          else
            {
              line += c == '\n';
              g_string_append_c (text, c);
            }
          continue;
        }

      if (c == '"' && text->len == field && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          quote_line = line;
          continue;
        }
      if (c == ',' || c == '\n' || (c == '\r' && p + 1 < end && p[1] == '\n'))
        {
          if (c == '\r')
            p++;
          if (ends->len == 0)
            record_line = line;
          g_array_append_val (ends, text->len);
          g_string_append_c (text, '\0');
          field = text->len;
          was_quoted = FALSE;
          if (c != ',')
            {
              /* A blank line is one empty field: no record. */
              if (ends->len > 1 || text->str[0] != '\0')
                g_ptr_array_add (records, record_new (record_line, text,
                                                      (const gsize *) ends->data, ends->len));
              g_string_truncate (text, 0);
              g_array_set_size (ends, 0);
              field = 0;
              line++;
            }
          continue;
        }
      if (was_quoted)
        {
          fail (error, line, _("text follows a closing quote; a quote inside a quoted field "
                               "is written twice (\"\")."));
          return NULL;
        }
      g_string_append_c (text, c);
    }

  return g_steal_pointer (&records);
}
