/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "llw-file.h"
#include "llw-form-layout.h"
#include "llw-form-reader.h"
#include "llw-text.h"
#include "llw-xlsx.h"

/* A returned form read back into plain values for core (llw-report-input.h). Whatever a
 * spreadsheet program or a person did to the form is either read as they meant it (numbers
 * typed as text, dates as serial numbers or as text, formulas by their computed values,
 * merged cells, rows inserted, sheets renamed) or named as a problem with its cell. Core
 * then checks the values themselves. */

typedef struct
{
  LlwXlsx *xlsx;
  LlwReportInput *input;
  GHashTable *read;       /* "sheet\trow\tcol" of every input cell read */
  LlwXlsxSheet *report;   /* the sheet of the figures, for the cells outside the inputs */
} Reader;

static gboolean
not_a_form (GError **error)
{
  g_set_error_literal (error, LLW_XLSX_ERROR, LLW_XLSX_ERROR_NOT_WORKBOOK,
                       _("This workbook is not an llweek form: it lacks the form’s hidden "
                         "identity. Send the unit the form made with “Make report forms…” and "
                         "import the one they send back."));
  return FALSE;
}

/* ---- Cell values as text ---- */

/* Writes @value as a Vietnamese reader does, 1.234,5, which is how core reads figures; up to
 * ten decimals, so that a figure with too many of them is refused rather than rounded. */
static char *
vietnamese_number (double value)
{
  g_autofree char *plain = g_strdup_printf ("%.10f", fabs (value));
  char *point = strchr (plain, '.');
  GString *out = g_string_new (value < 0 ? "-" : "");
  gsize whole = point ? (gsize) (point - plain) : strlen (plain);

  if (point != NULL)
    {
      gsize end = strlen (plain);

      while (end > whole + 1 && plain[end - 1] == '0')
        plain[--end] = '\0';
      if (end == whole + 1)
        {
          *point = '\0';
          point = NULL;
        }
    }
  for (gsize i = 0; i < whole; i++)
    {
      if (i > 0 && (whole - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, plain[i]);
    }
  if (point != NULL)
    g_string_append_printf (out, ",%s", point + 1);
  return g_string_free (out, FALSE);
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

/* A number typed as text, as people type them: " 7 ", "1 234" with a space or a
 * non-breaking space between thousands. Spaces that do not group thousands are kept, so
 * that core refuses "12 34" rather than read 1234. */
static char *
clean_number (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0' && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (is_space (c) && out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]) &&
          g_ascii_isdigit (next[0]) && g_ascii_isdigit (next[1]) && g_ascii_isdigit (next[2]) &&
          !g_ascii_isdigit (next[3]))
        g_string_append_c (out, '.');
      else
        g_string_append_unichar (out, c);
    }
  while (out->len > 0 && is_space (g_utf8_get_char (g_utf8_find_prev_char (out->str,
                                                                           out->str + out->len))))
    g_string_truncate (out, (gsize) (g_utf8_find_prev_char (out->str, out->str + out->len) -
                                     out->str));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Adds the problem of a cell that holds no usable value. */
static void
refuse_cell (Reader            *r,
             const char        *key,
             const LlwXlsxCell *cell)
{
  g_autofree char *message = NULL;

  if (cell->type == LLW_XLSX_CELL_ERROR)
    message = g_strdup_printf (_("the cell shows the error %s; correct it or type the value."),
                               cell->text);
  else if (cell->type == LLW_XLSX_CELL_EMPTY)
    message = g_strdup (_("the formula has no computed value; open the file in Excel or "
                          "LibreOffice, save it and import it again."));
  else if (cell->type == LLW_XLSX_CELL_BOOLEAN)
    message = g_strdup (_("the cell holds TRUE or FALSE, not a value."));
  else
    message = g_strdup (_("the cell holds a date, not a number."));
  llw_report_input_add_problem (r->input, key, message);
}

/* The value of a figure cell, for llw_figure_parse (). */
static char *
figure_text (Reader            *r,
             const char        *key,
             const LlwXlsxCell *cell)
{
  if (cell == NULL)
    return g_strdup ("");
  if (cell->type == LLW_XLSX_CELL_NUMBER)
    return vietnamese_number (cell->number);
  if (cell->type == LLW_XLSX_CELL_TEXT)
    return clean_number (cell->text);
  refuse_cell (r, key, cell);
  return NULL;
}

/* The value of a date cell: a serial number (1900 or 1904 system), a date cell of the
 * strict format, or text as typed for core to read (dd/mm/yyyy). */
static char *
date_text (Reader            *r,
           const char        *key,
           const LlwXlsxCell *cell)
{
  GDate date;

  if (cell == NULL)
    return g_strdup ("");
  if (cell->type == LLW_XLSX_CELL_NUMBER)
    {
      if (llw_xlsx_serial_to_date (cell->number, llw_xlsx_is_1904 (r->xlsx), &date))
        return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                g_date_get_month (&date), g_date_get_day (&date));
      llw_report_input_add_problem (r->input, key, _("the number in the cell is not a date."));
      return NULL;
    }
  if (cell->type == LLW_XLSX_CELL_DATE)
    return g_strndup (cell->text, 10);
  if (cell->type == LLW_XLSX_CELL_TEXT)
    return clean_number (cell->text);
  refuse_cell (r, key, cell);
  return NULL;
}

/* The value of a text cell; a number typed into it is written as the sheet shows it. */
static char *
plain_text (Reader            *r,
            const char        *key,
            const LlwXlsxCell *cell)
{
  if (cell == NULL)
    return g_strdup ("");
  if (cell->type == LLW_XLSX_CELL_TEXT || cell->type == LLW_XLSX_CELL_DATE)
    return g_strdup (cell->text);
  if (cell->type == LLW_XLSX_CELL_NUMBER)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", cell->number));
    }
  refuse_cell (r, key, cell);
  return NULL;
}

/* ---- Named cells ---- */

static char *
place_name (const char *sheet,
            guint       row,
            guint       col)
{
  g_autofree char *cell = llw_xlsx_cell_name (row, col);

  return g_strdup_printf ("%s › %s", sheet, cell);
}

static void
mark_read (Reader     *r,
           const char *sheet,
           guint       row,
           guint       col)
{
  g_hash_table_add (r->read, g_strdup_printf ("%s\t%u\t%u", sheet, row, col));
}

/* Finds the cell of the input @name, notes its place under @key and returns its sheet
 * (%NULL with a problem when the form lost the name: its row or sheet was deleted). */
static LlwXlsxSheet *
find_input (Reader       *r,
            const char   *name,
            const char   *key,
            const char   *label,
            LlwXlsxRange *range,
            GError      **error)
{
  const char *sheet_name = llw_xlsx_find_name (r->xlsx, name, range);
  LlwXlsxSheet *sheet = NULL;

  if (sheet_name != NULL)
    sheet = llw_xlsx_get_sheet (r->xlsx, sheet_name, error);
  if (sheet == NULL)
    {
      if (error == NULL || *error == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("the form no longer has the cell for “%s”; was its row deleted?"),
                             label);

          llw_report_input_add_problem (r->input, NULL, message);
        }
      return NULL;
    }

  {
    g_autofree char *place = place_name (llw_xlsx_sheet_get_name (sheet), range->first_row,
                                         range->first_col);

    llw_report_input_set_place (r->input, key, place);
  }
  return sheet;
}

typedef char *(*Convert) (Reader *r, const char *key, const LlwXlsxCell *cell);

/* Reads the single cell named @name into @table under @key. */
static gboolean
read_input (Reader      *r,
            const char  *name,
            GHashTable  *table,
            const char  *table_key,
            const char  *key,
            const char  *label,
            Convert      convert,
            GError     **error)
{
  LlwXlsxRange range, merge;
  LlwXlsxSheet *sheet = find_input (r, name, key, label, &range, error);
  char *text;

  if (sheet == NULL)
    return error == NULL || *error == NULL;
  mark_read (r, llw_xlsx_sheet_get_name (sheet), range.first_row, range.first_col);
  if (llw_xlsx_sheet_get_merge (sheet, range.first_row, range.first_col, &merge) &&
      (merge.first_row != range.first_row || merge.first_col != range.first_col))
    {
      g_autofree char *first = llw_xlsx_cell_name (merge.first_row, merge.first_col);
      g_autofree char *cell = llw_xlsx_cell_name (range.first_row, range.first_col);
      g_autofree char *message =
        g_strdup_printf (_("the cell was merged into the cells from %s, which hide it; unmerge "
                           "them and type the value into %s."), first, cell);

      llw_report_input_add_problem (r->input, key, message);
      return TRUE;
    }
  text = convert (r, key, llw_xlsx_sheet_get_cell (sheet, range.first_row, range.first_col));
  if (text != NULL)
    g_hash_table_insert (table, g_strdup (table_key), text);
  return TRUE;
}

static gboolean
read_fields (Reader  *r,
             GError **error)
{
  static const struct { const char *name, *key, *label; Convert convert; } fields[] = {
    { LLW_FORM_NAME_DOCUMENT_NUMBER, LLW_INPUT_DOCUMENT_NUMBER, "Số văn bản", plain_text },
    { LLW_FORM_NAME_DOCUMENT_DATE, LLW_INPUT_DOCUMENT_DATE, "Ngày văn bản", date_text },
    { LLW_FORM_NAME_THEME, LLW_INPUT_THEME, "Chủ đề", plain_text },
    { LLW_FORM_NAME_RESULTS, LLW_INPUT_RESULTS, "Kết quả nổi bật", plain_text },
    { LLW_FORM_NAME_DIFFICULTIES, LLW_INPUT_DIFFICULTIES, "Khó khăn, vướng mắc", plain_text },
    { LLW_FORM_NAME_PROPOSALS, LLW_INPUT_PROPOSALS, "Đề xuất, kiến nghị", plain_text },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!read_input (r, fields[i].name, r->input->fields, fields[i].key, fields[i].key,
                     fields[i].label, fields[i].convert, error))
      return FALSE;
  return TRUE;
}

/* ---- Identity ---- */

typedef struct
{
  Reader *r;
  GHashTable *keys;       /* identity key → value */
  GPtrArray *figures;     /* code, name, code, name … */
  LlwXlsxSheet *sheet;
} Identity;

static void
collect_identity (guint              row,
                  guint              col,
                  const LlwXlsxCell *cell,
                  gpointer           data)
{
  Identity *identity = data;
  const LlwXlsxCell *value = llw_xlsx_sheet_get_cell (identity->sheet, row, 1);
  const LlwXlsxCell *name = llw_xlsx_sheet_get_cell (identity->sheet, row, 2);

  if (col != 0 || cell->type != LLW_XLSX_CELL_TEXT || value == NULL || value->text == NULL)
    return;
  if (g_str_equal (cell->text, LLW_FORM_KEY_FIGURE) && name != NULL && name->text != NULL)
    {
      g_ptr_array_add (identity->figures, GUINT_TO_POINTER (row));
      return;
    }
  g_hash_table_insert (identity->keys, g_strdup (cell->text), g_strdup (value->text));
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (*(gpointer *) a), y = GPOINTER_TO_UINT (*(gpointer *) b);

  return x < y ? -1 : x > y;
}

static const char *
identity_value (Identity   *identity,
                const char *key)
{
  const char *property = llw_xlsx_get_property (identity->r->xlsx, key);

  return property != NULL ? property : g_hash_table_lookup (identity->keys, key);
}

/* Returns: whether the identity the hidden sheet and the document properties both carry
 * says the same in both: one edited without the other is a form whose identity was
 * changed, or put together from two forms. Names are compared in NFC, as a program may
 * have written either. */
static gboolean
is_consistent (Identity *identity)
{
  static const char *const keys[] = {
    LLW_FORM_KEY_VERSION, LLW_FORM_KEY_CAMPAIGN, LLW_FORM_KEY_UNIT, LLW_FORM_KEY_TOKEN,
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *property = llw_xlsx_get_property (identity->r->xlsx, keys[i]);
      const char *cell = g_hash_table_lookup (identity->keys, keys[i]);
      g_autofree char *property_key = property ? llw_text_normalize (property) : NULL;
      g_autofree char *cell_key = cell ? llw_text_normalize (cell) : NULL;

      if (property_key != NULL && cell_key != NULL && !g_str_equal (property_key, cell_key))
        return FALSE;
    }
  return TRUE;
}

/* The form's identity, from its custom properties or else its hidden sheet. */
static gboolean
read_identity (Reader    *r,
               Identity  *identity,
               GError   **error)
{
  const char *token, *version;

  identity->r = r;
  identity->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  identity->figures = g_ptr_array_new ();
  identity->sheet = llw_xlsx_get_sheet (r->xlsx, LLW_FORM_SHEET_IDENTITY, error);
  if (identity->sheet == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (identity->sheet != NULL)
    llw_xlsx_sheet_foreach (identity->sheet, collect_identity, identity);
  g_ptr_array_sort (identity->figures, compare_rows);

  token = identity_value (identity, LLW_FORM_KEY_TOKEN);
  version = identity_value (identity, LLW_FORM_KEY_VERSION);
  if (token == NULL || version == NULL)
    return not_a_form (error);
  if (!is_consistent (identity))
    {
      g_set_error_literal (error, LLW_XLSX_ERROR, LLW_XLSX_ERROR_NOT_WORKBOOK,
                           _("The form’s hidden identity is contradictory: it was edited, or "
                             "parts of two different forms were put together. Ask the unit to "
                             "fill in their own form again."));
      return FALSE;
    }
  if (g_ascii_strtoll (version, NULL, 10) > LLW_FORM_VERSION)
    {
      g_set_error_literal (error, LLW_XLSX_ERROR, LLW_XLSX_ERROR_NOT_WORKBOOK,
                           _("The form was made by a newer version of llweek. Update llweek to "
                             "import it."));
      return FALSE;
    }

  r->input->token = g_strdup (token);
  r->input->unit_name = g_strdup (identity_value (identity, LLW_FORM_KEY_UNIT));
  r->input->campaign_year = (int) g_ascii_strtoll (identity_value (identity,
                                                                   LLW_FORM_KEY_CAMPAIGN)
                                                   ?: "0", NULL, 10);
  return TRUE;
}

static void
identity_clear (Identity *identity)
{
  g_clear_pointer (&identity->keys, g_hash_table_unref);
  g_clear_pointer (&identity->figures, g_ptr_array_unref);
}

/* Every figure listed in the identity sheet, from its named cell. */
static gboolean
read_figures (Reader    *r,
              Identity  *identity,
              GError   **error)
{
  for (guint i = 0; i < identity->figures->len; i++)
    {
      guint row = GPOINTER_TO_UINT (identity->figures->pdata[i]);
      const char *code = llw_xlsx_sheet_get_cell (identity->sheet, row, 1)->text;
      const char *name = llw_xlsx_sheet_get_cell (identity->sheet, row, 2)->text;
      g_autofree char *key = g_strconcat ("figure:", code, NULL);

      if (!read_input (r, name, r->input->figures, code, key, code, figure_text, error))
        return FALSE;
      if (r->report == NULL)
        {
          LlwXlsxRange range;
          const char *sheet = llw_xlsx_find_name (r->xlsx, name, &range);

          r->report = sheet ? llw_xlsx_get_sheet (r->xlsx, sheet, NULL) : NULL;
        }
    }
  return TRUE;
}

/* ---- Activities ---- */

static char *
activity_text (Reader            *r,
               guint              column,
               const char        *key,
               const LlwXlsxCell *cell)
{
  char *text;

  if (column == LLW_FORM_ACTIVITY_START || column == LLW_FORM_ACTIVITY_END)
    return date_text (r, key, cell);
  if (column == LLW_FORM_ACTIVITY_PARTICIPANTS)
    {
      if (cell != NULL && cell->type == LLW_XLSX_CELL_NUMBER && cell->number >= 0 &&
          cell->number == floor (cell->number) && cell->number < 1e15)
        return g_strdup_printf ("%.0f", cell->number);
      return figure_text (r, key, cell);
    }
  text = plain_text (r, key, cell);
  if (text != NULL && column == LLW_FORM_ACTIVITY_FORM && *text != '\0' &&
      llw_form_activity_form_value (text) != NULL)
    {
      char *value = g_strdup (llw_form_activity_form_value (text));

      g_free (text);
      return value;
    }
  return text;
}

typedef struct
{
  LlwXlsxSheet *sheet;
  LlwXlsxRange range;
} ActivityColumn;

/* Reads row @i of the activity columns as activity @number; a row with nothing in it is
 * no activity. */
static void
read_activity (Reader         *r,
               ActivityColumn *columns,
               guint           i,
               guint           number)
{
  g_autoptr(GHashTable) activity = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          g_free);
  ActivityColumn *title = &columns[LLW_FORM_ACTIVITY_TITLE];
  g_autofree char *row_key = g_strdup_printf ("activity:%u", number);
  g_autofree char *row_place = place_name (llw_xlsx_sheet_get_name (title->sheet),
                                           title->range.first_row + i, title->range.first_col);

  for (guint c = 0; c < LLW_FORM_N_ACTIVITY_COLUMNS; c++)
    {
      const char *column = llw_form_activity_columns[c].key;
      guint row = columns[c].range.first_row + i, col = columns[c].range.first_col;
      g_autofree char *key = g_strdup_printf ("activity:%u:%s", number, column);
      g_autofree char *place = NULL;
      const LlwXlsxCell *cell;
      char *text;

      if (columns[c].sheet == NULL || row > columns[c].range.last_row ||
          (cell = llw_xlsx_sheet_get_cell (columns[c].sheet, row, col)) == NULL ||
          (cell->type == LLW_XLSX_CELL_TEXT && *cell->text == '\0'))
        continue;
      place = place_name (llw_xlsx_sheet_get_name (columns[c].sheet), row, col);
      llw_report_input_set_place (r->input, key, place);
      text = activity_text (r, c, key, cell);
      g_hash_table_insert (activity, g_strdup (column), text ? text : g_strdup (""));
    }

  if (g_hash_table_size (activity) == 0)
    return;
  llw_report_input_set_place (r->input, row_key, row_place);
  g_ptr_array_add (r->input->activities, g_steal_pointer (&activity));
}

static gboolean
read_activities (Reader  *r,
                 GError **error)
{
  ActivityColumn columns[LLW_FORM_N_ACTIVITY_COLUMNS] = { 0 };
  guint n_rows = 0;

  for (guint c = 0; c < LLW_FORM_N_ACTIVITY_COLUMNS; c++)
    {
      const char *sheet = llw_xlsx_find_name (r->xlsx, llw_form_activity_columns[c].name,
                                              &columns[c].range);

      if (sheet != NULL && (columns[c].sheet = llw_xlsx_get_sheet (r->xlsx, sheet, error)) == NULL)
        return FALSE;
      if (columns[c].sheet != NULL)
        n_rows = MAX (n_rows, columns[c].range.last_row - columns[c].range.first_row + 1);
    }
  if (columns[LLW_FORM_ACTIVITY_TITLE].sheet == NULL)
    {
      llw_report_input_add_problem (r->input, NULL,
                                    _("the form no longer has its list of activities; was the "
                                      "sheet “Hoạt động” deleted?"));
      return TRUE;
    }

  for (guint i = 0; i < n_rows; i++)
    read_activity (r, columns, i, r->input->activities->len);
  return TRUE;
}

/* ---- Numbers left outside the input cells ---- */

static void
note_stray_number (guint              row,
                   guint              col,
                   const LlwXlsxCell *cell,
                   gpointer           data)
{
  Reader *r = data;
  const char *sheet = llw_xlsx_sheet_get_name (r->report);
  g_autofree char *key = g_strdup_printf ("%s\t%u\t%u", sheet, row, col);
  g_autofree char *place = NULL;
  g_autofree char *number = NULL;

  if (cell->type != LLW_XLSX_CELL_NUMBER || g_hash_table_contains (r->read, key))
    return;
  place = place_name (sheet, row, col);
  number = vietnamese_number (cell->number);
  g_ptr_array_add (r->input->notes,
                   g_strdup_printf (_("%s: %s is not in an input cell of the form and is not "
                                      "imported."), place, number));
}

/**
 * llw_form_read:
 * @bytes: the returned form
 * @file_name: its name, for messages and to keep it by
 *
 * Reads a returned form into plain values. A workbook that is not an llweek form, or that
 * cannot be read at all, is refused with @error; a form whose cells hold something that
 * cannot be read is returned with its problems, each with its sheet and cell.
 *
 * Returns: (transfer full): the form's values, or %NULL with @error set
 */
LlwReportInput *
llw_form_read (GBytes      *bytes,
               const char  *file_name,
               GError     **error)
{
  g_autoptr(LlwXlsx) xlsx = NULL;
  g_autoptr(LlwReportInput) input = NULL;
  g_autoptr(GHashTable) read = NULL;
  Identity identity = { 0 };
  Reader r;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);

  xlsx = llw_xlsx_open (bytes, error);
  if (xlsx == NULL)
    return NULL;
  input = llw_report_input_new (file_name);
  input->content = g_bytes_ref (bytes);
  read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r = (Reader) { xlsx, input, read, NULL };

  ok = read_identity (&r, &identity, error) &&
       read_fields (&r, error) &&
       read_figures (&r, &identity, error) &&
       read_activities (&r, error);
  identity_clear (&identity);
  if (!ok)
    return NULL;

  if (r.report != NULL)
    llw_xlsx_sheet_foreach (r.report, note_stray_number, &r);
  return g_steal_pointer (&input);
}

/* Reads the returned form at @path, an ordinary file read within a form's size (a file can
 * grow, a device or a pipe never ends); see llw_form_read (). @file_name defaults to the
 * file's own name. */
LlwReportInput *
llw_form_read_file (const char  *path,
                    const char  *file_name,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = llw_file_read_input (path, LLW_FORM_MAX_FILE_SIZE, &local_error);
  g_autofree char *base = NULL;

  if (g_error_matches (local_error, LLW_FILE_ERROR, LLW_FILE_ERROR_TOO_LARGE))
    {
      g_set_error (error, LLW_XLSX_ERROR, LLW_XLSX_ERROR_TOO_LARGE,
                   _("The file is too large to be a returned form (more than %d MB)."),
                   LLW_FORM_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (bytes == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (file_name == NULL)
    {
      g_autofree char *basename = g_path_get_basename (path);

      base = g_filename_display_name (basename);
    }
  return llw_form_read (bytes, file_name ? file_name : base, error);
}
