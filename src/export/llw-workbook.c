/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "llw-date.h"
#include "llw-output.h"
#include "llw-page-geometry.h"
#include "llw-text.h"
#include "llw-workbook.h"
#include "llw-workbook-private.h"
#include "llw-workbook-split.h"
#include "llw-xlsx-finish.h"

/* The consolidated workbook of DESIGN.md: the report document (llw-report-document.h) laid
 * out as Decree 30/2020 lays out an official document, its annexes, charts and a sheet about
 * the export, written in constant-memory mode (each sheet strictly top to bottom, so that
 * 50,000 units fit in a few megabytes) to a part file (some annexes' parts to a second one,
 * on a second core: llw-workbook-split.c), finished (llw-xlsx-finish.c) into the temporary
 * file of llw_output_write (), which replaces the target only once it has been read back
 * whole. */

#define FONT "Times New Roman"
#define MM_TO_INCHES(mm) ((mm) / 25.4)
#define POINTS_TO_INCHES(points) ((points) / 72.0)

G_DEFINE_QUARK (llw-workbook-error-quark, llw_workbook_error)

enum
{
  BOLD = 1 << 0,
  ITALIC = 1 << 1,
  WRAP = 1 << 2,
  BORDER = 1 << 3,
  TOP = 1 << 4,
  BOTTOM = 1 << 5,
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
  format_set_align (format, align);
  format_set_align (format, flags & TOP ? LXW_ALIGN_VERTICAL_TOP
                            : flags & BOTTOM ? LXW_ALIGN_VERTICAL_BOTTOM
                            : LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static void
init_cell_formats (lxw_workbook   *workbook,
                   LlwCellFormats *cell,
                   guint           flags)
{
  static const char *const number_formats[] = { "#,##0", "#,##0.0", "#,##0.00" };

  flags |= BORDER;
  cell->text = new_format (workbook, LLW_TABLE_SIZE, flags | WRAP, LXW_ALIGN_LEFT);
  cell->center = new_format (workbook, LLW_TABLE_SIZE, flags | WRAP, LXW_ALIGN_CENTER);
  cell->date = new_format (workbook, LLW_TABLE_SIZE, flags, LXW_ALIGN_CENTER);
  format_set_num_format (cell->date, "dd/mm/yyyy");
  for (guint i = 0; i < G_N_ELEMENTS (cell->number); i++)
    {
      cell->number[i] = new_format (workbook, LLW_TABLE_SIZE, flags, LXW_ALIGN_RIGHT);
      format_set_num_format (cell->number[i], number_formats[i]);
    }
}

/* Sizes and styles of Decree 30/2020, Phụ lục I. */
static void
init_formats (LlwWorkbookWriter *w)
{
  lxw_workbook *wb = w->workbook;

  w->parent_body = new_format (wb, 13, 0, LXW_ALIGN_CENTER);
  w->issuing_body = new_format (wb, 13, BOLD, LXW_ALIGN_CENTER);
  w->nation = new_format (wb, 13, BOLD, LXW_ALIGN_CENTER);
  w->motto = new_format (wb, 14, BOLD, LXW_ALIGN_CENTER);
  w->rule = new_format (wb, 4, 0, LXW_ALIGN_CENTER);
  format_set_top (w->rule, LXW_BORDER_THIN);
  w->number = new_format (wb, 13, 0, LXW_ALIGN_CENTER);
  w->place_date = new_format (wb, 14, ITALIC, LXW_ALIGN_CENTER);
  w->title = new_format (wb, 14, BOLD, LXW_ALIGN_CENTER);
  w->subject = new_format (wb, 14, BOLD | WRAP | TOP, LXW_ALIGN_CENTER);
  w->to_label = new_format (wb, 14, TOP, LXW_ALIGN_RIGHT);
  w->to_item = new_format (wb, 14, TOP | WRAP, LXW_ALIGN_LEFT);
  w->body = new_format (wb, 14, TOP | WRAP, LXW_ALIGN_JUSTIFY);
  w->body_italic = new_format (wb, 14, TOP | WRAP | ITALIC, LXW_ALIGN_JUSTIFY);
  w->dots = new_format (wb, 14, TOP, LXW_ALIGN_LEFT);
  w->heading = new_format (wb, 14, BOTTOM | WRAP | BOLD, LXW_ALIGN_LEFT);
  w->subheading = new_format (wb, 14, BOTTOM | WRAP | BOLD, LXW_ALIGN_LEFT);
  w->signer = new_format (wb, 14, BOLD, LXW_ALIGN_CENTER);
  w->cc_label = new_format (wb, 12, BOLD | ITALIC | TOP, LXW_ALIGN_LEFT);
  w->cc_item = new_format (wb, 11, TOP | WRAP, LXW_ALIGN_LEFT);

  w->annex_label = new_format (wb, 14, BOLD, LXW_ALIGN_CENTER);
  w->annex_title = new_format (wb, 14, BOLD | WRAP, LXW_ALIGN_CENTER);
  w->annex_note_format = new_format (wb, 14, ITALIC | WRAP, LXW_ALIGN_CENTER);
  w->table_header = new_format (wb, LLW_TABLE_SIZE, BOLD | WRAP | BORDER, LXW_ALIGN_CENTER);
  init_cell_formats (wb, &w->cell, 0);
  init_cell_formats (wb, &w->bold, BOLD);
  w->info_key = new_format (wb, 12, BOLD | TOP | WRAP, LXW_ALIGN_LEFT);
  w->info_value = new_format (wb, 12, TOP | WRAP, LXW_ALIGN_LEFT);
}

static void
set_properties (LlwWorkbookWriter *w)
{
  lxw_doc_properties properties = {
    .title = (char *) llw_campaign_get_text (w->campaign, LLW_CAMPAIGN_REPORT_SUBJECT),
    .author = (char *) llw_campaign_get_text (w->campaign, LLW_CAMPAIGN_OFFICE_PARENT),
    .company = (char *) llw_campaign_get_text (w->campaign, LLW_CAMPAIGN_REPORT_PARENT_BODY),
    .created = (time_t) g_date_time_to_unix (w->exported_at),
  };

  workbook_set_properties (w->workbook, &properties);
}

static gboolean
set_lxw_error (GError   **error,
               lxw_error  err,
               int        saved_errno)
{
  gboolean system = err == LXW_ERROR_CREATING_XLSX_FILE || err == LXW_ERROR_CREATING_TMPFILE ||
                    err == LXW_ERROR_READING_TMPFILE || err == LXW_ERROR_ZIP_FILE_OPERATION ||
                    err == LXW_ERROR_ZIP_FILE_ADD || err == LXW_ERROR_ZIP_CLOSE;

  if (system && saved_errno != 0)
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s (%s)",
                 g_strerror (saved_errno), lxw_strerror (err));
  else
    g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, lxw_strerror (err));
  return FALSE;
}

/* Gives every format its index in the order the formats were made, rather than in the order
 * of first use: two workbooks that make the same formats then number them alike, and a sheet
 * of one is at home in the other. The hyperlink format, never used, is left out. */
static void
number_formats (lxw_workbook *workbook)
{
  lxw_format *format;

  STAILQ_FOREACH (format, workbook->formats, list_pointers)
    if (format != workbook->default_url_format)
      lxw_format_get_xf_index (format);
}

/**
 * llw_workbook_writer_open:
 * @path: the file libxlsxwriter writes
 *
 * Readies @w to write the workbook of @document: its formats, its properties. Each thread
 * that writes sheets has a writer of its own, whose formats are numbered alike.
 *
 * Returns: %FALSE with @error set if libxlsxwriter could not start
 */
gboolean
llw_workbook_writer_open (LlwWorkbookWriter  *w,
                          LlwReportDocument  *document,
                          GDateTime          *exported_at,
                          const char         *path,
                          GError            **error)
{
  g_autofree char *scratch = llw_output_scratch_folder ();
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = scratch };

  *w = (LlwWorkbookWriter) { 0 };
  w->workbook = workbook_new_opt (path, &options);
  if (w->workbook == NULL)
    return set_lxw_error (error, LXW_ERROR_MEMORY_MALLOC_FAILED, 0);
  /* The first format is the Normal style, by whose font both Excel and LibreOffice size the
   * columns: in Times New Roman too (Liberation Serif where it is missing, same metrics),
   * the columns have the same width everywhere and the pages fit the same way. */
  format_set_font_name (STAILQ_FIRST (w->workbook->formats), FONT);
  w->document = document;
  w->data = llw_report_document_get_consolidation (document);
  w->campaign = llw_consolidation_get_campaign (w->data);
  w->exported_at = exported_at;
  w->metrics = llw_text_metrics_new ();
  init_formats (w);
  number_formats (w->workbook);
  set_properties (w);
  return TRUE;
}

/**
 * llw_workbook_writer_close:
 *
 * Writes the workbook's file and frees what @w holds but its layouts.
 *
 * Returns: %FALSE with @error set if a cell could not be written or the file not closed
 */
gboolean
llw_workbook_writer_close (LlwWorkbookWriter  *w,
                           GError            **error)
{
  lxw_error err;
  int saved_errno;

  errno = 0;
  err = workbook_close (w->workbook);
  saved_errno = errno;
  w->workbook = NULL;
  g_clear_pointer (&w->metrics, llw_text_metrics_free);

  if (w->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&w->error));
      return FALSE;
    }
  return err == LXW_NO_ERROR || set_lxw_error (error, err, saved_errno);
}

/* Writes the sheets, handing some of the annexes' parts to a second writer on a thread of
 * its own (llw-workbook-split.c), which writes them to @second_path. */
static gboolean
write_workbook (LlwReportDocument  *document,
                GDateTime          *exported_at,
                const char         *path,
                const char         *second_path,
                LlwWorkbookSplit  **split,
                GError            **error)
{
  LlwWorkbookWriter w;
  guint index = 1;
  gboolean ok;

  if (!llw_workbook_writer_open (&w, document, exported_at, path, error))
    return FALSE;

  llw_workbook_plan_annexes (&w);
  *split = llw_workbook_split_start (&w, second_path);
  llw_workbook_write_report (&w, workbook_add_worksheet (w.workbook, LLW_SHEET_REPORT));
  for (LlwAnnexKind kind = 0; kind < LLW_N_ANNEXES; kind++)
    for (guint band = 0; band < llw_report_table_get_n_bands (
                                  llw_report_document_get_annex (document, kind)->table); band++)
      {
        g_autofree char *name = llw_workbook_part_name (&w, kind, band);
        lxw_worksheet *sheet = workbook_add_worksheet (w.workbook, name);

        if (llw_workbook_split_takes (*split, index++))
          llw_workbook_set_up_annex (&w, sheet, kind, band);
        else
          llw_workbook_write_annex (&w, sheet, kind, band);
      }
  llw_workbook_write_charts (&w, workbook_add_worksheet (w.workbook, LLW_SHEET_CHARTS));
  llw_workbook_write_info (&w, workbook_add_worksheet (w.workbook, LLW_SHEET_INFO));

  ok = llw_workbook_writer_close (&w, error);
  for (LlwAnnexKind kind = 0; kind < LLW_N_ANNEXES; kind++)
    {
      g_clear_pointer (&w.layouts[kind].runs, g_array_unref);
      g_clear_pointer (&w.layouts[kind].heights, g_free);
    }
  return ok;
}

typedef struct
{
  LlwReportDocument *document;
  GDateTime *exported_at;
} WorkbookJob;

/* libxlsxwriter's workbook goes to a part file beside the output's temporary file (the
 * second writer's to another), and is finished from there into it: the main thread reads
 * its parts while the second writer reads its own. */
static gboolean
write_file (const char  *path,
            gpointer     user_data,
            GError     **error)
{
  WorkbookJob *job = user_data;
  g_autofree char *raw = g_strconcat (path, LLW_OUTPUT_PART_SUFFIX, NULL);
  g_autofree char *second = g_strconcat (path, LLW_OUTPUT_PART_SUFFIX, "2", NULL);
  g_autoptr(LlwXlsxParts) parts = NULL;
  g_autoptr(LlwXlsxParts) others = NULL;
  LlwWorkbookSplit *split = NULL;
  gboolean ok;

  ok = write_workbook (job->document, job->exported_at, raw, second, &split, error) &&
       (parts = llw_xlsx_parts_read (raw, NULL, error)) != NULL;
  ok = llw_workbook_split_finish (split, ok ? &others : NULL, ok ? error : NULL) && ok &&
       llw_xlsx_parts_write (parts, others, path, job->exported_at, error);
  g_remove (raw);
  g_remove (second);
  return ok;
}

static gboolean
check_file (const char  *path,
            gpointer     user_data,
            GError     **error)
{
  return llw_package_check (path, error);
}

/**
 * llw_workbook_write:
 * @document: what to report
 * @exported_at: the time written in the Thông tin sheet and the file's properties
 * @path: the .xlsx file to write
 *
 * Writes the consolidated workbook as every output is written (llw-output.c): the finished
 * file is read back whole before it replaces @path in one step; on failure nothing is left
 * behind and an existing @path is unchanged.
 *
 * Returns: %TRUE on success; else %FALSE with @error naming @path
 */
gboolean
llw_workbook_write (LlwReportDocument  *document,
                    GDateTime          *exported_at,
                    const char         *path,
                    GError            **error)
{
  WorkbookJob job = { document, exported_at };

  g_return_val_if_fail (LLW_IS_REPORT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (exported_at != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* libxlsxwriter opens its file with fopen (), which on Windows takes no UTF-8 name. */
  return llw_output_write (path, LLW_OUTPUT_ANSI_PATH, write_file, check_file, &job, error);
}

/* Notes the first cell that could not be written as it is: the export then fails with a
 * message that names it, and the text that did not fit. */
static void
note_cell_error (LlwWorkbookWriter *w,
                 lxw_worksheet     *sheet,
                 lxw_row_t          row,
                 lxw_col_t          col,
                 const char        *text,
                 const char        *reason)
{
  char cell[LXW_MAX_CELL_NAME_LENGTH];
  g_autofree char *start = NULL;

  if (w->error != NULL)
    return;
  lxw_rowcol_to_cell (cell, row, col);
  start = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 40));
  g_set_error (&w->error, LLW_WORKBOOK_ERROR, LLW_WORKBOOK_ERROR_CONTENT,
               _("Cell %s of the sheet “%s”, which begins “%s”: %s Correct it in llweek and "
                 "export again."), cell, sheet->name, start, reason);
}

/* Returns: whether @text fits in a cell of @sheet at @row; otherwise notes why not. */
static gboolean
check_cell (LlwWorkbookWriter *w,
            lxw_worksheet     *sheet,
            lxw_row_t          row,
            lxw_col_t          col,
            const char        *text)
{
  g_autoptr(GError) local_error = NULL;

  if (row >= LXW_ROW_MAX)
    {
      g_autofree char *reason = g_strdup_printf (_("the list is longer than a sheet holds "
                                                   "(%u rows)."), (guint) LXW_ROW_MAX);

      note_cell_error (w, sheet, LXW_ROW_MAX - 1, col, text, reason);
      return FALSE;
    }
  if (llw_text_check (text, LLW_TEXT_MAX_CELL, &local_error))
    return TRUE;
  note_cell_error (w, sheet, row, col, text, local_error->message);
  return FALSE;
}

/* Writes @text into one cell, or across merged cells. Text that a cell cannot hold (more
 * than 32,767 characters, or a character XML forbids) or a row past the last of a sheet is
 * never cut or dropped without a word: the export fails, naming the cell. */
static void
write_cell (LlwWorkbookWriter *w,
            lxw_worksheet     *sheet,
            lxw_row_t          first_row,
            lxw_col_t          first_col,
            lxw_row_t          last_row,
            lxw_col_t          last_col,
            const char        *text,
            lxw_format        *format)
{
  lxw_error err;

  if (!check_cell (w, sheet, last_row, first_col, text != NULL ? text : ""))
    return;
  if (first_row == last_row && first_col == last_col)
    err = worksheet_write_string (sheet, first_row, first_col, text, format);
  else
    err = worksheet_merge_range (sheet, first_row, first_col, last_row, last_col, text, format);
  if (err != LXW_NO_ERROR)
    note_cell_error (w, sheet, first_row, first_col, text, lxw_strerror (err));
}

/**
 * llw_workbook_write_text:
 *
 * Writes text from the database into a cell, always as text, as write_cell () says.
 */
void
llw_workbook_write_text (LlwWorkbookWriter *w,
                         lxw_worksheet     *sheet,
                         lxw_row_t          row,
                         lxw_col_t          col,
                         const char        *text,
                         lxw_format        *format)
{
  write_cell (w, sheet, row, col, row, col, text, format);
}

/* Like llw_workbook_write_text (), across merged cells. */
void
llw_workbook_merge_text (LlwWorkbookWriter *w,
                         lxw_worksheet     *sheet,
                         lxw_row_t          first_row,
                         lxw_col_t          first_col,
                         lxw_row_t          last_row,
                         lxw_col_t          last_col,
                         const char        *text,
                         lxw_format        *format)
{
  write_cell (w, sheet, first_row, first_col, last_row, last_col, text, format);
}

/**
 * llw_workbook_set_column:
 * @points: the column's width as LibreOffice shows it
 *
 * Column widths are kept in characters of the Normal style's font (Times New Roman 11), which
 * LibreOffice takes as 22/3 pixels wide and Excel rounds to 7: the same column is 22/21 as
 * wide in LibreOffice as in Excel. Columns are set so that LibreOffice shows @points, and
 * text is measured for Excel's narrower ones (LLW_NARROWEST ()), so that both fit the page
 * and neither clips a line.
 */
void
llw_workbook_set_column (lxw_worksheet *sheet,
                         lxw_col_t      col,
                         double         points)
{
  double pixels = points * 4.0 / 3.0;

  worksheet_set_column_pixels (sheet, col, col, (pixels - 5) * 21.0 / 22.0 + 5, NULL);
}

/* A4 with the Decree 30 margins of llw-page-geometry.h; the page number centred in the top
 * margin; at full size, never shrunk (a table too wide is split into parts instead); each
 * sheet numbered from 1. */
void
llw_workbook_set_page (lxw_worksheet     *sheet,
                       gboolean           landscape,
                       lxw_row_t          repeat_first,
                       lxw_row_t          repeat_last)
{
  lxw_header_footer_options header = { .margin = MM_TO_INCHES (10) };
  LlwPageGeometry page;

  llw_page_geometry_a4 (&page, landscape);
  worksheet_set_paper (sheet, 9);
  if (landscape)
    worksheet_set_landscape (sheet);
  else
    worksheet_set_portrait (sheet);
  worksheet_set_margins (sheet, POINTS_TO_INCHES (page.left), POINTS_TO_INCHES (page.right),
                         POINTS_TO_INCHES (page.top), POINTS_TO_INCHES (page.bottom));
  worksheet_set_header_opt (sheet, "&C&\"" FONT ",Regular\"&13&P", &header);
  worksheet_set_print_scale (sheet, 100);
  worksheet_set_start_page (sheet, 1);
  if (repeat_last >= repeat_first && repeat_last > 0)
    worksheet_repeat_rows (sheet, repeat_first, repeat_last);
}

/**
 * llw_workbook_text_height:
 * @width_points: the width of the cell, or of the merged cells, as
 *   llw_workbook_set_column () set it
 * @size: the font size in points
 * @spacing: points added below the text
 *
 * Neither Excel nor LibreOffice grows a row for wrapped text in merged cells, so the height
 * is worked out from the text measured in the document's font, with the room a cell keeps
 * on its sides and a little leading.
 *
 * Returns: the row height in points, at most Excel's 409
 */
double
llw_workbook_text_height (LlwWorkbookWriter *w,
                          const char        *text,
                          double             width_points,
                          double             size,
                          LlwTextStyle       style,
                          double             spacing)
{
  double available = MAX (LLW_NARROWEST (width_points) - 5, 1);
  guint lines = llw_text_metrics_count_lines (w->metrics, size, style, text, available);

  return MIN (409, lines * llw_text_metrics_line_height (w->metrics, size, style) * 1.06 +
                   spacing);
}
