/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#ifdef G_OS_WIN32
#include <windows.h>
#endif

#include "llw-date.h"
#include "llw-file-replace.h"
#include "llw-workbook.h"
#include "llw-workbook-private.h"
#include "llw-xlsx-finish.h"

/* The consolidated workbook of DESIGN.md: six sheets laid out as Decree 30/2020 lays out an
 * official document, written in constant-memory mode (each sheet strictly top to bottom, so
 * that 50,000 units fit in a few megabytes) to a temporary file that replaces the target only
 * once it is complete. */

#define FONT "Times New Roman"
#define MM_TO_INCHES(mm) ((mm) / 25.4)

/* The report sheet is the first worksheet of the container. */
#define REPORT_SHEET_ENTRY "xl/worksheets/sheet1.xml"

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
  cell->text = new_format (workbook, 12, flags | WRAP, LXW_ALIGN_LEFT);
  cell->center = new_format (workbook, 12, flags | WRAP, LXW_ALIGN_CENTER);
  cell->date = new_format (workbook, 12, flags, LXW_ALIGN_CENTER);
  format_set_num_format (cell->date, "dd/mm/yyyy");
  for (guint i = 0; i < G_N_ELEMENTS (cell->number); i++)
    {
      cell->number[i] = new_format (workbook, 12, flags, LXW_ALIGN_RIGHT);
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
  w->heading = new_format (wb, 14, BOTTOM | WRAP | BOLD, LXW_ALIGN_LEFT);
  w->subheading = new_format (wb, 14, BOTTOM | WRAP | BOLD, LXW_ALIGN_LEFT);
  w->signer = new_format (wb, 14, BOLD, LXW_ALIGN_CENTER);
  w->cc_label = new_format (wb, 12, BOLD | ITALIC | TOP, LXW_ALIGN_LEFT);
  w->cc_item = new_format (wb, 11, TOP | WRAP, LXW_ALIGN_LEFT);

  w->annex_label = new_format (wb, 14, BOLD, LXW_ALIGN_CENTER);
  w->annex_title = new_format (wb, 14, BOLD | WRAP, LXW_ALIGN_CENTER);
  w->annex_note_format = new_format (wb, 14, ITALIC | WRAP, LXW_ALIGN_CENTER);
  w->table_header = new_format (wb, 12, BOLD | WRAP | BORDER, LXW_ALIGN_CENTER);
  init_cell_formats (wb, &w->cell, 0);
  init_cell_formats (wb, &w->bold, BOLD);
  w->info_key = new_format (wb, 12, BOLD | TOP | WRAP, LXW_ALIGN_LEFT);
  w->info_value = new_format (wb, 12, TOP | WRAP, LXW_ALIGN_LEFT);
}

/* "/BC-SGDĐT" leaves room before the slash for the number written when the report is
 * registered, as the Decree's samples do. */
static char *
report_number (LlwCampaign *campaign)
{
  const char *number = llw_campaign_get_text (campaign, LLW_CAMPAIGN_REPORT_NUMBER);

  return g_strconcat (number[0] == '/' ? "        " : "", number, NULL);
}

static void
init_texts (LlwWorkbookWriter *w)
{
  g_autofree char *iso = llw_date_to_iso (llw_consolidation_get_date (w->data));
  g_autofree char *number = report_number (w->campaign);

  w->report_date = llw_date_format (iso);
  w->annex_note = g_strdup_printf ("(Kèm theo Báo cáo số %s ngày %s của %s)", number,
                                   w->report_date,
                                   llw_campaign_get_text (w->campaign,
                                                          LLW_CAMPAIGN_OFFICE_PARENT));
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

/* libxlsxwriter writes the .xlsx itself with wide-character calls on Windows, but opens its
 * scratch files with _open (), which takes names in the system's code page. There the
 * temporary folder, under the user's profile, is given by its short (8.3) name: plain ASCII,
 * whatever letters the user's name has. %NULL lets libxlsxwriter choose. */
static char *
scratch_folder (void)
{
#ifdef G_OS_WIN32
  g_autofree gunichar2 *wide = g_utf8_to_utf16 (g_get_tmp_dir (), -1, NULL, NULL, NULL);
  wchar_t short_name[MAX_PATH];
  DWORD length = wide != NULL ? GetShortPathNameW (wide, short_name, MAX_PATH) : 0;
  g_autofree char *folder = NULL;

  if (length > 0 && length < MAX_PATH)
    folder = g_utf16_to_utf8 (short_name, length, NULL, NULL, NULL);
  if (folder != NULL && g_str_is_ascii (folder))
    return g_steal_pointer (&folder);
#endif
  return NULL;
}

static gboolean
write_workbook (LlwConsolidation  *data,
                GDateTime         *exported_at,
                const char        *path,
                GError           **error)
{
  static const char *const names[] = {
    LLW_SHEET_REPORT, LLW_SHEET_SUMMARY, LLW_SHEET_DETAIL,
    LLW_SHEET_STATUSES, LLW_SHEET_ACTIVITIES, LLW_SHEET_INFO,
  };
  g_autofree char *scratch = scratch_folder ();
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = scratch };
  LlwWorkbookWriter w = { 0 };
  lxw_worksheet *sheets[G_N_ELEMENTS (names)];
  lxw_error err;
  int saved_errno;

  w.workbook = workbook_new_opt (path, &options);
  if (w.workbook == NULL)
    return set_lxw_error (error, LXW_ERROR_MEMORY_MALLOC_FAILED, 0);
  /* The first format is the Normal style, by whose font both Excel and LibreOffice size the
   * columns: in Times New Roman too (Liberation Serif where it is missing, same metrics),
   * the columns have the same width everywhere and the pages fit the same way. */
  format_set_font_name (STAILQ_FIRST (w.workbook->formats), FONT);
  w.data = data;
  w.campaign = llw_consolidation_get_campaign (data);
  w.exported_at = exported_at;
  init_texts (&w);
  init_formats (&w);
  set_properties (&w);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    sheets[i] = workbook_add_worksheet (w.workbook, names[i]);

  llw_workbook_plan_detail (&w);
  llw_workbook_write_report (&w, sheets[0]);
  llw_workbook_write_summary (&w, sheets[1]);
  llw_workbook_write_detail (&w, sheets[2]);
  llw_workbook_write_statuses (&w, sheets[3]);
  llw_workbook_write_activities (&w, sheets[4]);
  llw_workbook_write_info (&w, sheets[5]);

  errno = 0;
  err = workbook_close (w.workbook);
  saved_errno = errno;
  g_free (w.report_date);
  g_free (w.annex_note);

  return err == LXW_NO_ERROR || set_lxw_error (error, err, saved_errno);
}

/* The temporary file lies beside @path, on the same volume, so that it replaces @path in one
 * step. */
static char *
create_temporary (const char  *path,
                  GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *template = g_build_filename (folder, "llweek-export-XXXXXX.tmp", NULL);
  int fd = g_mkstemp_full (template, O_RDWR, 0666);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return NULL;
    }

  g_close (fd, NULL);
  return g_steal_pointer (&template);
}

/**
 * llw_workbook_write:
 * @data: what to report
 * @exported_at: the time written in the Thông tin sheet and the file's properties
 * @path: the .xlsx file to write
 *
 * Writes the consolidated workbook. It goes to a temporary file first, which then replaces
 * @path in one step: on failure nothing is left behind and an existing @path is unchanged.
 *
 * Returns: %TRUE on success; else %FALSE with LLW_WORKBOOK_ERROR_WRITE naming @path
 */
gboolean
llw_workbook_write (LlwConsolidation  *data,
                    GDateTime         *exported_at,
                    const char        *path,
                    GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temporary = NULL;

  g_return_val_if_fail (LLW_IS_CONSOLIDATION (data), FALSE);
  g_return_val_if_fail (exported_at != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  temporary = create_temporary (path, &local_error);
  if (temporary != NULL &&
      (!write_workbook (data, exported_at, temporary, &local_error) ||
       !llw_xlsx_finish (temporary, REPORT_SHEET_ENTRY, &local_error) ||
       !llw_file_replace (temporary, path, &local_error)))
    g_remove (temporary);

  if (local_error != NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, LLW_WORKBOOK_ERROR, LLW_WORKBOOK_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* A4; Decree 30 margins (top and bottom 20 mm, left 30 mm, right 15 mm); the page number
 * centred in the top margin; one page wide; each sheet numbered from 1. */
void
llw_workbook_set_page (lxw_worksheet     *sheet,
                       gboolean           landscape,
                       lxw_row_t          repeat_first,
                       lxw_row_t          repeat_last)
{
  lxw_header_footer_options header = { .margin = MM_TO_INCHES (10) };

  worksheet_set_paper (sheet, 9);
  if (landscape)
    worksheet_set_landscape (sheet);
  else
    worksheet_set_portrait (sheet);
  worksheet_set_margins (sheet, MM_TO_INCHES (30), MM_TO_INCHES (15), MM_TO_INCHES (20),
                         MM_TO_INCHES (20));
  worksheet_set_header_opt (sheet, "&C&\"" FONT ",Regular\"&13&P", &header);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_set_start_page (sheet, 1);
  if (repeat_last >= repeat_first && repeat_last > 0)
    worksheet_repeat_rows (sheet, repeat_first, repeat_last);
}

/* Writes "Phụ lục …", its title and the "(Kèm theo Báo cáo số …)" line across the table's
 * width in the first three rows; the fourth stays blank. */
void
llw_workbook_write_annex_title (LlwWorkbookWriter *w,
                                lxw_worksheet     *sheet,
                                lxw_col_t          last_col,
                                const char        *label,
                                const char        *title)
{
  worksheet_set_row (sheet, 0, 20, NULL);
  worksheet_merge_range (sheet, 0, 0, 0, last_col, label, w->annex_label);
  worksheet_set_row (sheet, 1, 20, NULL);
  worksheet_merge_range (sheet, 1, 0, 1, last_col, title, w->annex_title);
  worksheet_set_row (sheet, 2, 20, NULL);
  worksheet_merge_range (sheet, 2, 0, 2, last_col, w->annex_note, w->annex_note_format);
}

/* Advance widths of Times New Roman (and Liberation Serif) in thousandths of an em, for the
 * printable ASCII characters from the space on. */
static const guint16 ascii_widths[] = {
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
};

/* A Vietnamese letter is as wide as its base letter: "ệ" as "e", "ư" as "u". */
static double
char_width (gunichar c)
{
  gunichar base[4];

  if (c == 0x0110)    /* Đ */
    return 0.722;
  if (c == 0x0111)    /* đ */
    return 0.5;
  if (c == 0x00a0)
    return 0.25;
  if (c == 0x2026 || c == 0x2014)
    return 1.0;
  if (c >= 0x80 && g_unichar_fully_decompose (c, FALSE, base, G_N_ELEMENTS (base)) > 0)
    c = base[0];
  return c >= 0x20 && c < 0x7f ? ascii_widths[c - 0x20] / 1000.0 : 0.5;
}

static double
word_width (const char *word)
{
  double width = 0;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width;
}

/* Lays out one paragraph as a cell wraps it, at spaces, and counts its lines. */
static guint
count_lines (const char *paragraph,
             double      available)
{
  g_auto(GStrv) words = g_strsplit (paragraph, " ", -1);
  double line = 0;
  guint lines = 1;

  for (guint i = 0; words[i] != NULL; i++)
    {
      double width = word_width (words[i]);

      if (line > 0 && line + 0.25 + width > available)
        {
          lines++;
          line = width;
        }
      else
        line += (i > 0 ? 0.25 : 0) + width;

      for (; line > available; line -= available)
        lines++;
    }
  return lines;
}

/**
 * llw_workbook_text_height:
 * @width_pixels: the width of the cell, or of the merged cells
 * @size: the font size in points
 * @bold: whether the text is bold, which is a little wider
 * @spacing: points added below the text
 *
 * Neither Excel nor LibreOffice grows a row for wrapped text in merged cells, so the height
 * is worked out from the metrics of Times New Roman, erring towards a row a little too tall
 * rather than a clipped line.
 *
 * Returns: the row height in points, at most Excel's 409
 */
double
llw_workbook_text_height (const char *text,
                          double      width_pixels,
                          double      size,
                          gboolean    bold,
                          double      spacing)
{
  double available = (width_pixels * 0.75 - 5) / size / (bold ? 1.08 : 1.0);
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  guint lines = 0;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    lines += count_lines (paragraphs[i], MAX (available, 1));

  return MIN (409, lines * size * 1.17 + spacing);
}

/* Returns: @value as Vietnamese prose writes it: 1.234.567 and 12,5 (trailing zeros of the
 *   decimals dropped). */
char *
llw_workbook_format_number (double value,
                            int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GString) out = g_string_new (NULL);
  const char *point;
  gsize integral;

  g_ascii_formatd (buffer, sizeof buffer, decimals == 2 ? "%.2f" : decimals == 1 ? "%.1f"
                                                                                 : "%.0f",
                   value);
  point = strchr (buffer, '.');
  integral = point != NULL ? (gsize) (point - buffer) : strlen (buffer);

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

      while (length > 0 && fraction[length - 1] == '0')
        fraction[--length] = '\0';
      if (length > 0)
        g_string_append_printf (out, ",%s", fraction);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Returns: @n (1 to 39) in Roman numerals, as Vietnamese documents number their groups. */
const char *
llw_workbook_roman (guint n)
{
  static const char *const numerals[] = {
    "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX",
    "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII", "XXXVIII", "XXXIX",
  };

  return n < G_N_ELEMENTS (numerals) ? numerals[n] : "";
}

const char *
llw_workbook_group_label (LlwUnitGroup group)
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
llw_workbook_strip_numbering (const char *title)
{
  const char *p = title;

  while (g_ascii_isupper (*p) && p - title < 4)
    p++;
  if (p > title && p[0] == '.' && p[1] == ' ')
    return p + 2;
  return title;
}
