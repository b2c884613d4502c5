/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "llw-activity-kind.h"
#include "llw-database.h"
#include "llw-date.h"
#include "llw-form-layout.h"
#include "llw-form-writer-private.h"
#include "llw-theme.h"
#include "llw-workbook-private.h"

/* One unit's fill-in form (DESIGN.md, "Fill-in forms"): the Báo cáo, Hoạt động and Hướng
 * dẫn sheets, and a hidden sheet that carries the form's identity and the lists its
 * drop-downs offer. Only input cells are unlocked; every sheet is protected without a
 * password, which keeps a form's shape without locking anyone out. */

#define FONT "Times New Roman"
#define MM_TO_INCHES(mm) ((mm) / 25.4)
#define INPUT_TINT 0xFFF2CC

enum
{
  BOLD = 1 << 0,
  ITALIC = 1 << 1,
  WRAP = 1 << 2,
  BORDER = 1 << 3,
  TOP = 1 << 4,
  INPUT = 1 << 5,
};

static lxw_format *
new_format (lxw_workbook *workbook,
            double        size,
            guint         flags,
            guint8        align)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_font_name (format, FONT);
  format_set_font_size (format, size);
  if (flags & BOLD)
    format_set_bold (format);
  if (flags & ITALIC)
    format_set_italic (format);
  if (flags & WRAP)
    format_set_text_wrap (format);
  if (flags & BORDER)
    format_set_border (format, LXW_BORDER_THIN);
  if (flags & INPUT)
    {
      format_set_unlocked (format);
      format_set_bg_color (format, INPUT_TINT);
      format_set_border (format, LXW_BORDER_THIN);
    }
  format_set_align (format, align);
  format_set_align (format, flags & TOP ? LXW_ALIGN_VERTICAL_TOP : LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static void
init_formats (LlwFormWriter *w)
{
  static const char *const number_formats[] = { "#,##0", "#,##0.0", "#,##0.00" };
  lxw_workbook *wb = w->workbook;

  w->body = new_format (wb, 12, 0, LXW_ALIGN_CENTER);
  w->body_bold = new_format (wb, 12, BOLD, LXW_ALIGN_CENTER);
  w->title = new_format (wb, 14, BOLD | WRAP, LXW_ALIGN_CENTER);
  w->line = new_format (wb, 12, WRAP, LXW_ALIGN_LEFT);
  w->line_bold = new_format (wb, 12, WRAP | BOLD, LXW_ALIGN_LEFT);
  w->note = new_format (wb, 12, WRAP | ITALIC, LXW_ALIGN_LEFT);
  w->heading = new_format (wb, 12, BOLD, LXW_ALIGN_LEFT);
  w->label = new_format (wb, 12, WRAP | BORDER, LXW_ALIGN_LEFT);
  w->table_header = new_format (wb, 12, BOLD | WRAP | BORDER, LXW_ALIGN_CENTER);
  format_set_bg_color (w->table_header, 0xE7E6E6);
  w->cell = new_format (wb, 12, WRAP | BORDER, LXW_ALIGN_LEFT);
  w->cell_center = new_format (wb, 12, WRAP | BORDER, LXW_ALIGN_CENTER);
  w->group = new_format (wb, 12, WRAP | BORDER | BOLD, LXW_ALIGN_LEFT);
  w->input_text = new_format (wb, 12, WRAP | INPUT, LXW_ALIGN_LEFT);
  w->input_long = new_format (wb, 12, WRAP | INPUT | TOP, LXW_ALIGN_LEFT);
  w->input_date = new_format (wb, 12, INPUT, LXW_ALIGN_CENTER);
  format_set_num_format (w->input_date, "dd/mm/yyyy");
  for (guint i = 0; i < G_N_ELEMENTS (w->input_number); i++)
    {
      w->input_number[i] = new_format (wb, 12, INPUT, LXW_ALIGN_RIGHT);
      format_set_num_format (w->input_number[i], number_formats[i]);
    }
  w->guide = new_format (wb, 12, WRAP | TOP, LXW_ALIGN_LEFT);
}

/* Quotes a sheet name for a formula: 'Báo cáo'. */
static char *
quote_sheet (const char *sheet)
{
  g_auto(GStrv) parts = g_strsplit (sheet, "'", -1);
  g_autofree char *escaped = g_strjoinv ("''", parts);

  return g_strdup_printf ("'%s'", escaped);
}

/* Defines @name as the cells of column @col from @first_row to @last_row of @sheet. */
void
llw_form_writer_define_name (LlwFormWriter *w,
                             const char    *name,
                             const char    *sheet,
                             lxw_row_t      first_row,
                             lxw_col_t      col,
                             lxw_row_t      last_row)
{
  g_autofree char *quoted = quote_sheet (sheet);
  char first[LXW_MAX_CELL_NAME_LENGTH], last[LXW_MAX_CELL_NAME_LENGTH];
  g_autofree char *formula = NULL;

  lxw_rowcol_to_cell_abs (first, first_row, col, LXW_TRUE, LXW_TRUE);
  lxw_rowcol_to_cell_abs (last, last_row, col, LXW_TRUE, LXW_TRUE);
  formula = last_row > first_row ? g_strdup_printf ("=%s!%s:%s", quoted, first, last)
                                 : g_strdup_printf ("=%s!%s", quoted, first);
  workbook_define_name (w->workbook, name, formula);
}

/* A4 with the margins of Decree 30, one page wide, the table's heading on every page. */
void
llw_form_writer_set_page (lxw_worksheet *sheet,
                          gboolean       landscape,
                          lxw_row_t      repeat_row)
{
  worksheet_set_paper (sheet, 9);
  if (landscape)
    worksheet_set_landscape (sheet);
  else
    worksheet_set_portrait (sheet);
  worksheet_set_margins (sheet, MM_TO_INCHES (25), MM_TO_INCHES (15), MM_TO_INCHES (20),
                         MM_TO_INCHES (20));
  worksheet_fit_to_pages (sheet, 1, 0);
  if (repeat_row > 0)
    worksheet_repeat_rows (sheet, repeat_row, repeat_row);
}

/**
 * llw_form_writer_text_height:
 * @width_points: the width of the cell, or of the merged cells, as
 *   llw_workbook_set_column () set it
 *
 * Neither Excel nor LibreOffice grows a row for wrapped text in merged cells: the row is
 * made as tall as the text measured in the form's font, as the consolidated workbook's are.
 *
 * Returns: the row height in points, at most Excel's 409
 */
double
llw_form_writer_text_height (LlwFormWriter *w,
                             const char    *text,
                             double         width_points,
                             double         size,
                             LlwTextStyle   style,
                             double         spacing)
{
  const LlwFormCatalogue *catalogue = w->catalogue;
  double available = MAX (LLW_NARROWEST (width_points) - 5, 1);
  double height;
  guint lines;

  g_mutex_lock (catalogue->metrics_lock);
  lines = llw_text_metrics_count_lines (catalogue->metrics, size, style, text, available);
  height = lines * llw_text_metrics_line_height (catalogue->metrics, size, style) * 1.06;
  g_mutex_unlock (catalogue->metrics_lock);
  return MIN (409, height + spacing);
}

/* Writes a stored date as a date cell; an empty one as a blank input cell. */
void
llw_form_writer_write_date (lxw_worksheet *sheet,
                            lxw_row_t      row,
                            lxw_col_t      col,
                            const char    *iso,
                            lxw_format    *format)
{
  GDate date;

  if (iso != NULL && llw_date_parse (iso, &date))
    {
      lxw_datetime datetime = { g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 0, 0, 0 };

      worksheet_write_datetime (sheet, row, col, &datetime, format);
    }
  else
    worksheet_write_blank (sheet, row, col, format);
}

static void
add_key (LlwFormWriter *w,
         const char    *key,
         const char    *value)
{
  worksheet_write_string (w->identity, w->identity_row, 0, key, NULL);
  worksheet_write_string (w->identity, w->identity_row, 1, value, NULL);
  w->identity_row++;
}

/* Notes in the identity sheet which indicator the input cell @name holds. */
void
llw_form_writer_add_figure_key (LlwFormWriter *w,
                                const char    *code,
                                const char    *name)
{
  add_key (w, LLW_FORM_KEY_FIGURE, code);
  worksheet_write_string (w->identity, w->identity_row - 1, 2, name, NULL);
}

/* Writes one list for the drop-downs in column @col of the identity sheet, and names it. */
static void
write_list (LlwFormWriter *w,
            lxw_col_t      col,
            const char    *name,
            GPtrArray     *items)
{
  for (guint i = 0; i < items->len; i++)
    worksheet_write_string (w->identity, i, col, g_ptr_array_index (items, i), NULL);
  if (items->len > 0)
    llw_form_writer_define_name (w, name, LLW_FORM_SHEET_IDENTITY, 0, col, items->len - 1);
}

static void
write_lists (LlwFormWriter *w)
{
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  g_autoptr(GPtrArray) forms = g_ptr_array_new ();
  for (guint i = 0; i < w->catalogue->themes->len; i++)
    g_ptr_array_add (themes,
                     (gpointer) llw_theme_get_title (g_ptr_array_index (w->catalogue->themes, i)));
  for (guint i = 0; i < w->catalogue->kinds->len; i++)
    g_ptr_array_add (kinds, (gpointer) llw_activity_kind_get_title (
                              g_ptr_array_index (w->catalogue->kinds, i)));
  g_ptr_array_add (forms, (gpointer) llw_form_activity_form_word ("in_person"));
  g_ptr_array_add (forms, (gpointer) llw_form_activity_form_word ("online"));
  g_ptr_array_add (forms, (gpointer) llw_form_activity_form_word ("mixed"));

  write_list (w, 4, LLW_FORM_NAME_THEMES, themes);
  write_list (w, 5, LLW_FORM_NAME_KINDS, kinds);
  write_list (w, 6, LLW_FORM_NAME_FORMS, forms);
}

/* The form's identity, twice: as custom document properties and in the hidden sheet. */
static void
write_identity (LlwFormWriter *w)
{
  g_autofree char *version = g_strdup_printf ("%d", LLW_FORM_VERSION);
  g_autofree char *schema = g_strdup_printf ("%d", LLW_DATABASE_SCHEMA_VERSION);
  g_autofree char *year = g_strdup_printf ("%d",
                                           llw_campaign_get_year (w->catalogue->campaign));
  const char *const pairs[][2] = {
    { LLW_FORM_KEY_VERSION, version },
    { LLW_FORM_KEY_SCHEMA, schema },
    { LLW_FORM_KEY_CAMPAIGN, year },
    { LLW_FORM_KEY_UNIT, w->unit->unit_name },
    { LLW_FORM_KEY_TOKEN, w->unit->token },
  };

  worksheet_set_column (w->identity, 0, 2, 24, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      add_key (w, pairs[i][0], pairs[i][1]);
      workbook_set_custom_property_string (w->workbook, pairs[i][0], pairs[i][1]);
    }
  write_lists (w);
  worksheet_hide (w->identity);
  worksheet_protect (w->identity, NULL, NULL);
}

static void
set_properties (LlwFormWriter *w)
{
  LlwCampaign *campaign = w->catalogue->campaign;
  g_autofree char *title = g_strdup_printf ("Phiếu báo cáo – %s – %s", w->unit->unit_name,
                                            llw_campaign_get_title (campaign));
  lxw_doc_properties properties = {
    .title = title,
    .author = (char *) llw_campaign_get_text (campaign, LLW_CAMPAIGN_OFFICE_PARENT),
    .company = (char *) llw_campaign_get_text (campaign, LLW_CAMPAIGN_REPORT_PARENT_BODY),
    .created = (time_t) g_date_time_to_unix (w->catalogue->made_at),
  };

  workbook_set_properties (w->workbook, &properties);
}

static gboolean
set_lxw_error (GError   **error,
               lxw_error  err,
               int        saved_errno)
{
  if (saved_errno != 0 && err != LXW_NO_ERROR)
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s (%s)",
                 g_strerror (saved_errno), lxw_strerror (err));
  else
    g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, lxw_strerror (err));
  return FALSE;
}

/**
 * llw_form_write:
 * @catalogue: what every form of the campaign shows
 * @unit: the unit the form is for, and its token
 * @path: the .xlsx file to write, in a folder fopen () can reach
 *
 * Writes one fill-in form, filled with @unit's prefill when there is one.
 *
 * Returns: %TRUE on success; else %FALSE with @error set
 */
gboolean
llw_form_write (const LlwFormCatalogue  *catalogue,
                const LlwFormUnit       *unit,
                const char              *path,
                GError                 **error)
{
  LlwFormWriter w = { catalogue, unit };
  lxw_worksheet *report, *activities, *guide;
  lxw_error err;
  int saved_errno;

  g_return_val_if_fail (catalogue != NULL && unit != NULL && path != NULL, FALSE);

  w.workbook = workbook_new (path);
  if (w.workbook == NULL)
    return set_lxw_error (error, LXW_ERROR_MEMORY_MALLOC_FAILED, 0);
  /* The Normal style sizes the columns: Times New Roman, as the cells. */
  format_set_font_name (STAILQ_FIRST (w.workbook->formats), FONT);
  init_formats (&w);
  set_properties (&w);

  report = workbook_add_worksheet (w.workbook, LLW_FORM_SHEET_REPORT);
  activities = workbook_add_worksheet (w.workbook, LLW_FORM_SHEET_ACTIVITIES);
  guide = workbook_add_worksheet (w.workbook, LLW_FORM_SHEET_GUIDE);
  w.identity = workbook_add_worksheet (w.workbook, LLW_FORM_SHEET_IDENTITY);

  write_identity (&w);
  llw_form_writer_write_report (&w, report);
  llw_form_writer_write_activities (&w, activities);
  llw_form_writer_write_guide (&w, guide);

  errno = 0;
  err = workbook_close (w.workbook);
  saved_errno = errno;
  return err == LXW_NO_ERROR || set_lxw_error (error, err, saved_errno);
}
