/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "llw-text.h"
#include "llw-xlsx-private.h"

/* A worksheet's cells as they were saved: shared strings, inline strings, numbers, the
 * cached values of formulas, and merged ranges. Rows and cells without an address (some
 * programs leave them out) follow the one before. */

#define CELL_KEY(row, col) (((guint64) (row) << 14) | (col))

static void
cell_free (gpointer data)
{
  LlwXlsxCell *cell = data;

  g_free (cell->text);
  g_free (cell);
}

void
llw_xlsx_sheet_free (LlwXlsxSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->name);
  g_clear_pointer (&sheet->cells, g_hash_table_unref);
  g_clear_pointer (&sheet->merges, g_array_unref);
  g_free (sheet);
}

/**
 * llw_xlsx_parse_cell:
 * @text: a cell's address, "B12" or "$B$12"
 * @row: (out): its row, 0-based
 * @col: (out): its column, 0-based
 *
 * Returns: whether @text is an address within a sheet's limits
 */
gboolean
llw_xlsx_parse_cell (const char *text,
                     guint      *row,
                     guint      *col)
{
  const char *p = text;
  guint64 c = 0, r = 0;
  guint letters = 0, digits = 0;

  if (*p == '$')
    p++;
  for (; g_ascii_isalpha (*p) && letters < 4; p++, letters++)
    c = c * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
  if (*p == '$')
    p++;
  for (; g_ascii_isdigit (*p) && digits < 8; p++, digits++)
    r = r * 10 + (guint64) (*p - '0');

  if (*p != '\0' || letters == 0 || digits == 0 || c > LLW_XLSX_MAX_COLS || r == 0 ||
      r > LLW_XLSX_MAX_ROWS)
    return FALSE;
  *row = (guint) r - 1;
  *col = (guint) c - 1;
  return TRUE;
}

/* Returns: (transfer full): the address of a cell as the user sees it, "B12" */
char *
llw_xlsx_cell_name (guint row,
                    guint col)
{
  char letters[8];
  int n = 0;

  for (guint c = col + 1; c > 0 && n < 7; c = (c - 1) / 26)
    letters[n++] = (char) ('A' + (c - 1) % 26);
  letters[n] = '\0';
  g_strreverse (letters);
  return g_strdup_printf ("%s%u", letters, row + 1);
}

/* Returns: (transfer full): @text with Office's escapes of characters that XML cannot hold
 * written as those characters ("_x000B_" is a vertical tab, "_x005F_" an underscore), as
 * Excel, LibreOffice and openpyxl read them: a character no document can hold comes through
 * and is refused with its place, never kept as its escape. NUL and halves of surrogate
 * pairs, which no text holds, stay as they were written. */
static char *
decode_escapes (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p != '\0')
    {
      const char *escape = strstr (p, "_x");
      guint64 code = 0;
      char digits[5] = { 0 };

      if (escape == NULL)
        break;
      g_string_append_len (out, p, escape - p);
      p = escape;
      memcpy (digits, escape + 2, strnlen (escape + 2, 4));
      if (strlen (digits) == 4 && escape[6] == '_' && g_ascii_isxdigit (digits[0]) &&
          g_ascii_isxdigit (digits[1]) && g_ascii_isxdigit (digits[2]) &&
          g_ascii_isxdigit (digits[3]) &&
          (code = g_ascii_strtoull (digits, NULL, 16)) != 0 && !(code >= 0xD800 && code <= 0xDFFF))
        {
          g_string_append_unichar (out, (gunichar) code);
          p += 7;
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

/* Office's escapes decoded and the text in NFC. */
static char *
cell_text (const char *text)
{
  g_autofree char *decoded = decode_escapes (text);

  return llw_text_normalize (decoded);
}

/* The text of a rich or plain string item as written: its <t> elements, but not the
 * phonetic guide (<rPh>) that East Asian versions of Excel add. */
static char *
read_string_item (LlwXmlPart  *part,
                  GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int depth = xmlTextReaderDepth (part->reader);
  int phonetic_depth = -1;
  int rc;

  if (xmlTextReaderIsEmptyElement (part->reader))
    return g_strdup ("");
  while ((rc = llw_xml_part_next (part, error)) == 1)
    {
      int type = xmlTextReaderNodeType (part->reader);
      int d = xmlTextReaderDepth (part->reader);

      if (type == XML_READER_TYPE_END_ELEMENT && d == depth)
        return g_strdup (text->str);
      if (type == XML_READER_TYPE_END_ELEMENT && d == phonetic_depth)
        phonetic_depth = -1;
      else if (llw_xml_part_is (part, "rPh") && !xmlTextReaderIsEmptyElement (part->reader))
        phonetic_depth = d;
      else if (llw_xml_part_is (part, "t") && phonetic_depth < 0)
        {
          g_autofree char *t = llw_xml_part_text (part, error);

          if (t == NULL)
            return NULL;
          g_string_append (text, t);
          if (text->len > LLW_XLSX_MAX_PART)
            break;
        }
    }
  if (rc >= 0)
    llw_xlsx_damaged (error, part->path);
  return NULL;
}

static gboolean
load_strings (LlwXlsx  *self,
              GError  **error)
{
  LlwXmlPart part;
  int rc;

  self->strings = g_ptr_array_new_with_free_func (g_free);
  if (self->strings_path == NULL)
    return TRUE;
  if (!llw_xml_part_open (self, self->strings_path, &part, error))
    return FALSE;

  while ((rc = llw_xml_part_next (&part, error)) == 1)
    if (llw_xml_part_is (&part, "si"))
      {
        g_autofree char *text = read_string_item (&part, error);

        if (text == NULL)
          {
            rc = -1;
            break;
          }
        g_ptr_array_add (self->strings, cell_text (text));
        if (self->strings->len > LLW_XLSX_MAX_STRINGS)
          {
            g_set_error_literal (error, LLW_XLSX_ERROR, LLW_XLSX_ERROR_TOO_LARGE,
                                 _("The workbook holds too many texts to be a form."));
            rc = -1;
            break;
          }
      }
  llw_xml_part_close (&part);
  return rc == 0;
}

/* Where the cell reader stands: the row and column of the next cell without an address. */
typedef struct
{
  LlwXlsx *xlsx;
  LlwXlsxSheet *sheet;
  LlwXmlPart *part;
  guint row;            /* of the current <row>, 0-based */
  guint next_col;
} Cursor;

/* A number as the file writes it: the whole text must be one. */
static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (*trimmed == '\0')
    return FALSE;
  *value = g_ascii_strtod (trimmed, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

/* Gives the cell its value from its type attribute and the text of <v> or <is>. */
static void
set_value (Cursor      *cursor,
           LlwXlsxCell *cell,
           const char  *type,
           const char  *value)
{
  GPtrArray *strings = cursor->xlsx->strings;
  double number;

  if (value == NULL)
    return;
  if (type == NULL || g_str_equal (type, "n"))
    {
      if (parse_number (value, &number))
        {
          cell->type = LLW_XLSX_CELL_NUMBER;
          cell->number = number;
        }
      else
        {
          cell->type = LLW_XLSX_CELL_ERROR;
          cell->text = g_strdup ("#VALUE!");
        }
    }
  else if (g_str_equal (type, "s"))
    {
      guint64 index = g_ascii_strtoull (value, NULL, 10);

      cell->type = index < strings->len ? LLW_XLSX_CELL_TEXT : LLW_XLSX_CELL_ERROR;
      cell->text = g_strdup (index < strings->len ? (char *) strings->pdata[index] : "#REF!");
    }
  else if (g_str_equal (type, "b"))
    {
      cell->type = LLW_XLSX_CELL_BOOLEAN;
      cell->number = g_strcmp0 (g_strstrip ((char *) value), "1") == 0;
    }
  else if (g_str_equal (type, "e"))
    {
      cell->type = LLW_XLSX_CELL_ERROR;
      cell->text = llw_text_normalize (value);
    }
  else if (g_str_equal (type, "d"))
    {
      cell->type = LLW_XLSX_CELL_DATE;
      cell->text = llw_text_normalize (value);
    }
  else
    {
      /* "str", a formula's text, and "inlineStr" */
      cell->type = LLW_XLSX_CELL_TEXT;
      cell->text = cell_text (value);
    }
}

static gboolean
store_cell (Cursor      *cursor,
            guint        col,
            LlwXlsxCell *cell,
            GError     **error)
{
  GHashTable *cells = cursor->sheet->cells;

  if (cell->type == LLW_XLSX_CELL_EMPTY && !cell->formula)
    {
      cell_free (cell);
      return TRUE;
    }
  if (g_hash_table_size (cells) >= LLW_XLSX_MAX_CELLS)
    {
      cell_free (cell);
      g_set_error_literal (error, LLW_XLSX_ERROR, LLW_XLSX_ERROR_TOO_LARGE,
                           _("A sheet of the workbook holds too many cells to be a form."));
      return FALSE;
    }
  g_hash_table_insert (cells, g_memdup2 (&(guint64) { CELL_KEY (cursor->row, col) },
                                         sizeof (guint64)), cell);
  return TRUE;
}

/* Reads one <c> element: its address, type, formula and value. */
static gboolean
read_cell (Cursor  *cursor,
           GError **error)
{
  LlwXmlPart *part = cursor->part;
  g_autofree char *address = llw_xml_part_attribute (part, "r");
  g_autofree char *type = llw_xml_part_attribute (part, "t");
  g_autofree char *value = NULL;
  LlwXlsxCell *cell = g_new0 (LlwXlsxCell, 1);
  int depth = xmlTextReaderDepth (part->reader);
  guint row = cursor->row, col = cursor->next_col;
  int rc = 1;

  if (address != NULL && !llw_xlsx_parse_cell (address, &row, &col))
    {
      cell_free (cell);
      return llw_xlsx_damaged (error, part->path);
    }
  if (col >= LLW_XLSX_MAX_COLS)
    {
      cell_free (cell);
      return llw_xlsx_damaged (error, part->path);
    }
  cursor->next_col = col + 1;

  while (!xmlTextReaderIsEmptyElement (part->reader) && (rc = llw_xml_part_next (part, error)) == 1)
    {
      if (xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_END_ELEMENT &&
          xmlTextReaderDepth (part->reader) == depth)
        break;
      if (llw_xml_part_is (part, "f"))
        cell->formula = TRUE;
      else if (value == NULL && (llw_xml_part_is (part, "v") || llw_xml_part_is (part, "is")))
        {
          value = llw_xml_part_is (part, "v") ? llw_xml_part_text (part, error)
                                              : read_string_item (part, error);
          if (value == NULL)
            {
              rc = -1;
              break;
            }
        }
    }
  if (rc <= 0)
    {
      cell_free (cell);
      return rc == 0 ? llw_xlsx_damaged (error, part->path) : FALSE;
    }

  set_value (cursor, cell, type, value);
  return store_cell (cursor, col, cell, error);
}

static gboolean
read_row (Cursor  *cursor,
          gboolean first)
{
  g_autofree char *number = llw_xml_part_attribute (cursor->part, "r");
  guint64 r = number ? g_ascii_strtoull (number, NULL, 10) : 0;

  if (number != NULL && (r == 0 || r > LLW_XLSX_MAX_ROWS))
    return FALSE;
  cursor->row = number != NULL ? (guint) r - 1 : first ? 0 : cursor->row + 1;
  cursor->next_col = 0;
  return cursor->row < LLW_XLSX_MAX_ROWS;
}

static gboolean
read_merge (Cursor *cursor)
{
  g_autofree char *ref = llw_xml_part_attribute (cursor->part, "ref");
  g_auto(GStrv) ends = ref ? g_strsplit (ref, ":", 3) : NULL;
  LlwXlsxRange range;

  if (ends == NULL || g_strv_length (ends) != 2 ||
      !llw_xlsx_parse_cell (ends[0], &range.first_row, &range.first_col) ||
      !llw_xlsx_parse_cell (ends[1], &range.last_row, &range.last_col))
    return TRUE;  /* a merge the reader cannot place changes no value */
  if (cursor->sheet->merges->len >= LLW_XLSX_MAX_CELLS)
    return FALSE;
  g_array_append_val (cursor->sheet->merges, range);
  return TRUE;
}

/* Returns: (transfer full): the sheet's cells, or %NULL with @error set */
LlwXlsxSheet *
llw_xlsx_sheet_load (LlwXlsx     *self,
                     const char  *name,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  LlwXlsxSheet *sheet;
  LlwXmlPart part;
  Cursor cursor = { self, NULL, &part, 0, 0 };
  gboolean first_row = TRUE;
  int rc;

  if (self->strings == NULL && !load_strings (self, error))
    return NULL;
  if (!llw_xml_part_open (self, path, &part, error))
    return NULL;

  sheet = g_new0 (LlwXlsxSheet, 1);
  sheet->name = g_strdup (name);
  sheet->cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, cell_free);
  sheet->merges = g_array_new (FALSE, FALSE, sizeof (LlwXlsxRange));
  cursor.sheet = sheet;

  while ((rc = llw_xml_part_next (&part, &local_error)) == 1)
    {
      gboolean ok = TRUE;

      if (llw_xml_part_is (&part, "row"))
        {
          ok = read_row (&cursor, first_row);
          first_row = FALSE;
          if (!ok)
            llw_xlsx_damaged (&local_error, path);
        }
      else if (llw_xml_part_is (&part, "c"))
        ok = read_cell (&cursor, &local_error);
      else if (llw_xml_part_is (&part, "mergeCell"))
        ok = read_merge (&cursor) || llw_xlsx_damaged (&local_error, path);
      if (!ok)
        {
          rc = -1;
          break;
        }
    }
  llw_xml_part_close (&part);

  if (rc < 0)
    {
      llw_xlsx_sheet_free (sheet);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return sheet;
}

const char *
llw_xlsx_sheet_get_name (LlwXlsxSheet *sheet)
{
  return sheet->name;
}

/**
 * llw_xlsx_sheet_get_cell:
 * @row: 0-based
 * @col: 0-based
 *
 * Returns: (transfer none) (nullable): the cell, %NULL for an empty one; a cell hidden
 *   under merged cells other than their first is empty, as spreadsheet programs show it
 */
const LlwXlsxCell *
llw_xlsx_sheet_get_cell (LlwXlsxSheet *sheet,
                         guint         row,
                         guint         col)
{
  guint64 key = CELL_KEY (row, col);

  return g_hash_table_lookup (sheet->cells, &key);
}

/**
 * llw_xlsx_sheet_get_merge:
 * @range: (out): the merged cells
 *
 * Returns: whether the cell is one of merged cells
 */
gboolean
llw_xlsx_sheet_get_merge (LlwXlsxSheet *sheet,
                          guint         row,
                          guint         col,
                          LlwXlsxRange *range)
{
  for (guint i = 0; i < sheet->merges->len; i++)
    {
      LlwXlsxRange *merge = &g_array_index (sheet->merges, LlwXlsxRange, i);

      if (row >= merge->first_row && row <= merge->last_row && col >= merge->first_col &&
          col <= merge->last_col)
        {
          *range = *merge;
          return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  void (*func) (guint row, guint col, const LlwXlsxCell *cell, gpointer data);
  gpointer data;
} ForeachData;

static void
call_func (gpointer key,
           gpointer value,
           gpointer user_data)
{
  ForeachData *foreach = user_data;
  guint64 k = *(guint64 *) key;

  foreach->func ((guint) (k >> 14), (guint) (k & 0x3fff), value, foreach->data);
}

/* Calls @func on every cell of the sheet that holds something, in no particular order. */
void
llw_xlsx_sheet_foreach (LlwXlsxSheet *sheet,
                        void        (*func) (guint              row,
                                             guint              col,
                                             const LlwXlsxCell *cell,
                                             gpointer           data),
                        gpointer      data)
{
  ForeachData foreach = { func, data };

  g_hash_table_foreach (sheet->cells, call_func, &foreach);
}

/**
 * llw_xlsx_serial_to_date:
 * @serial: a date as a spreadsheet stores it, days since its epoch; a time of day is ignored
 * @is_1904: whether the workbook counts from 1904
 * @date: (out): the date
 *
 * Returns: whether @serial is a date from 1900 to 9999
 */
gboolean
llw_xlsx_serial_to_date (double   serial,
                         gboolean is_1904,
                         GDate   *date)
{
  double days = floor (serial);

  if (!isfinite (serial) || days < 1 || days > 2958465)
    return FALSE;

  g_date_clear (date, 1);
  if (is_1904)
    g_date_set_dmy (date, 1, 1, 1904);
  else
    {
      /* Day 60 is 29/02/1900, a day that never was but that Excel counts (as Lotus 1-2-3
       * did): later days are one off. */
      if (days == 60)
        return FALSE;
      g_date_set_dmy (date, 31, 12, 1899);
      if (days > 60)
        days -= 1;
    }
  g_date_add_days (date, (guint) days);
  return TRUE;
}
