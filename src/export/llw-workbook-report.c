/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-workbook-private.h"

/* The "Báo cáo" sheet: the report of llw-report-document.h, laid out as Decree 30/2020
 * (Phụ lục I) lays out a report on A4 portrait. Seven columns make the grid: the header's
 * left block is A:C with its rule under B, the right block D:G with its rule under E:F, the
 * title's rule under D:E, which sits at the middle of the page. The text runs across A:G. */

enum { COL_A, COL_B, COL_C, COL_D, COL_E, COL_F, COL_G };

/* In points: the page's width inside its margins (165 mm), less a little for rounding. */
static const double column_points[] = { 61, 75, 62, 31, 42, 161, 31 };
#define TEXT_POINTS 463.0
#define LEFT_POINTS 198.0
#define RIGHT_POINTS 265.0
#define CC_POINTS 229.0

/* A first-line indent: cells have none, so spaces stand in for it, non-breaking ones so
 * that justification does not stretch them. */
#define INDENT "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0"

/* Excel's tallest row, less a margin: a paragraph longer than that is cut at sentences. */
#define MAX_ROW_HEIGHT 380.0

/* The most characters a row of running text is given, a sentence that long being cut: at
 * 14 points across the page, about fifteen lines, well under the tallest row. */
#define ROW_CHARACTERS 1200

typedef struct
{
  LlwWorkbookWriter *w;
  lxw_worksheet *sheet;
  lxw_row_t row;
} Report;

static void
merge (Report     *r,
       lxw_col_t   first,
       lxw_col_t   last,
       const char *string,
       lxw_format *format)
{
  llw_workbook_merge_text (r->w, r->sheet, r->row, first, r->row, last, string, format);
}

static void
next_row (Report *r,
          double  height)
{
  r->row++;
  worksheet_set_row (r->sheet, r->row, height, NULL);
}

static double
body_height (Report       *r,
             const char   *text,
             LlwTextStyle  style)
{
  return llw_workbook_text_height (r->w, text, TEXT_POINTS, 14, style, 6);
}

/* Returns: (transfer full): @paragraph cut after each sentence, and within a sentence
 * longer than a row holds, after the last space before the row is full (or anywhere, in a
 * word that long): no text is left out of a cell too small for it. */
static GStrv
split_sentences (const char *paragraph)
{
  g_auto(GStrv) sentences = g_strsplit (paragraph, ". ", -1);
  GPtrArray *pieces = g_ptr_array_new ();

  for (guint i = 0; sentences[i] != NULL; i++)
    {
      g_autofree char *sentence = g_strconcat (sentences[i], sentences[i + 1] ? "." : "", NULL);
      const char *p = sentence;

      while (g_utf8_strlen (p, -1) > ROW_CHARACTERS)
        {
          const char *end = g_utf8_offset_to_pointer (p, ROW_CHARACTERS);
          const char *space = g_strrstr_len (p, end - p, " ");

          if (space != NULL && space > p)
            end = space;
          g_ptr_array_add (pieces, g_strndup (p, end - p));
          p = *end == ' ' ? end + 1 : end;
        }
      g_ptr_array_add (pieces, g_strdup (p));
    }
  g_ptr_array_add (pieces, NULL);
  return (GStrv) g_ptr_array_free (pieces, FALSE);
}

/* Writes one paragraph across the page, in rows of whole sentences when it is too long for
 * one row. */
static void
write_paragraph (Report       *r,
                 const char   *paragraph,
                 lxw_format   *format,
                 LlwTextStyle  style,
                 gboolean      indent)
{
  g_auto(GStrv) sentences = split_sentences (paragraph);
  g_autoptr(GString) chunk = g_string_new (indent ? INDENT : "");

  for (guint i = 0; sentences[i] != NULL; i++)
    {
      const char *sentence = sentences[i];
      gboolean fresh = chunk->len == 0 || g_str_equal (chunk->str, INDENT);
      g_autofree char *longer = g_strjoin (fresh ? "" : " ", chunk->str, sentence, NULL);

      if (chunk->len > strlen (INDENT) && body_height (r, longer, style) > MAX_ROW_HEIGHT)
        {
          next_row (r, body_height (r, chunk->str, style));
          merge (r, COL_A, COL_G, chunk->str, format);
          g_string_assign (chunk, sentence);
        }
      else
        g_string_assign (chunk, longer);
    }

  next_row (r, body_height (r, chunk->str, style));
  merge (r, COL_A, COL_G, chunk->str, format);
}

/* As many dots as fit the narrower of the spreadsheets' columns: a longer line would spill
 * past the page's edge and print on a page of its own. */
static char *
dotted_line (Report *r)
{
  double dot = llw_text_metrics_width (r->w->metrics, 14, LLW_TEXT_REGULAR, "…");
  guint n = (guint) ((LLW_NARROWEST (TEXT_POINTS) - 8) / MAX (dot, 1));
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (line, "…");
  return g_string_free (line, FALSE);
}

static void
write_block (Report         *r,
             const LlwBlock *block)
{
  LlwWorkbookWriter *w = r->w;
  g_autofree char *dots = NULL;

  switch (block->kind)
    {
    case LLW_BLOCK_HEADING:
      next_row (r, 28);
      merge (r, COL_A, COL_G, block->text, w->heading);
      break;

    case LLW_BLOCK_SUBHEADING:
      next_row (r, MAX (22, body_height (r, block->text, LLW_TEXT_BOLD)));
      merge (r, COL_A, COL_G, block->text, w->subheading);
      break;

    case LLW_BLOCK_NOTE:
      write_paragraph (r, block->text, w->body_italic, LLW_TEXT_ITALIC, TRUE);
      break;

    /* One line of dots across the page. */
    case LLW_BLOCK_DOTS:
      next_row (r, 24);
      dots = dotted_line (r);
      merge (r, COL_A, COL_G, dots, w->dots);
      break;

    case LLW_BLOCK_ITEM:
    case LLW_BLOCK_PARAGRAPH:
    default:
      write_paragraph (r, block->text, w->body, LLW_TEXT_REGULAR, TRUE);
    }
}

/* The two blocks of the header side by side, each with its short rule. */
static void
write_header_blocks (Report               *r,
                     const LlwReportFrame *frame)
{
  LlwWorkbookWriter *w = r->w;

  worksheet_set_row (r->sheet, r->row, 18, NULL);
  merge (r, COL_A, COL_C, frame->parent_body, w->parent_body);
  merge (r, COL_D, COL_G, frame->nation, w->nation);
  next_row (r, 18);
  merge (r, COL_A, COL_C, frame->issuing_body, w->issuing_body);
  merge (r, COL_D, COL_G, frame->motto, w->motto);
  next_row (r, 8);
  worksheet_write_blank (r->sheet, r->row, COL_B, w->rule);
  worksheet_write_blank (r->sheet, r->row, COL_E, w->rule);
  worksheet_write_blank (r->sheet, r->row, COL_F, w->rule);
  next_row (r, 20);
  merge (r, COL_A, COL_C, frame->number, w->number);
  merge (r, COL_D, COL_G, frame->place_date, w->place_date);
  next_row (r, 14);
}

static void
write_title (Report               *r,
             const LlwReportFrame *frame)
{
  next_row (r, 20);
  merge (r, COL_A, COL_G, frame->title, r->w->title);
  next_row (r, llw_workbook_text_height (r->w, frame->subject, TEXT_POINTS, 14, LLW_TEXT_BOLD,
                                         6));
  merge (r, COL_A, COL_G, frame->subject, r->w->subject);
  next_row (r, 8);
  worksheet_write_blank (r->sheet, r->row, COL_D, r->w->rule);
  worksheet_write_blank (r->sheet, r->row, COL_E, r->w->rule);
}

/* "Kính gửi:" with one addressee on its line, or several as a list of "- …;". */
static void
write_addressees (Report               *r,
                  const LlwReportFrame *frame)
{
  if (frame->to[0] == NULL)
    return;

  next_row (r, 10);
  for (guint i = 0; frame->to[i] != NULL; i++)
    {
      next_row (r, llw_workbook_text_height (r->w, frame->to[i], RIGHT_POINTS, 14,
                                             LLW_TEXT_REGULAR, 4));
      if (i == 0)
        merge (r, COL_B, COL_C, "Kính gửi:", r->w->to_label);
      merge (r, COL_D, COL_G, frame->to[i], r->w->to_item);
    }
  next_row (r, 10);
}

/* "Nơi nhận:" and its list at left (A:D), level with the signature block at right (E:G). */
static void
write_signature (Report               *r,
                 const LlwReportFrame *frame)
{
  LlwWorkbookWriter *w = r->w;
  const char *right[8] = { 0 };
  guint n_right = 0, n_cc = g_strv_length ((char **) frame->cc), n_rows;

  for (guint i = 0; frame->signer[i] != NULL && n_right < 2; i++)
    right[n_right++] = frame->signer[i];
  n_right += 4;    /* room to sign and stamp */
  right[n_right++] = frame->signer_name;
  n_rows = MAX (n_right, n_cc + 1);

  next_row (r, 12);
  for (guint i = 0; i < n_rows; i++)
    {
      const char *item = i > 0 && i <= n_cc ? frame->cc[i - 1] : NULL;

      next_row (r, MAX (19, item != NULL ? llw_workbook_text_height (w, item, CC_POINTS, 11,
                                                                     LLW_TEXT_REGULAR, 2)
                                         : 0));
      if (i == 0)
        merge (r, COL_A, COL_D, "Nơi nhận:", w->cc_label);
      else if (item != NULL)
        merge (r, COL_A, COL_D, item, w->cc_item);
      if (i < n_right && right[i] != NULL)
        merge (r, COL_E, COL_G, right[i], w->signer);
    }
}

void
llw_workbook_write_report (LlwWorkbookWriter *w,
                           lxw_worksheet     *sheet)
{
  Report r = { w, sheet, 0 };
  const LlwReportFrame *frame = llw_report_document_get_frame (w->document);

  for (lxw_col_t col = COL_A; col <= COL_G; col++)
    llw_workbook_set_column (sheet, col, column_points[col]);
  llw_workbook_set_page (sheet, FALSE, 0, 0);
  worksheet_gridlines (sheet, LXW_HIDE_ALL_GRIDLINES);
  worksheet_activate (sheet);

  write_header_blocks (&r, frame);
  write_title (&r, frame);
  write_addressees (&r, frame);
  for (guint i = 0; i < llw_report_document_get_n_blocks (w->document); i++)
    write_block (&r, llw_report_document_get_block (w->document, i));
  write_signature (&r, frame);
}
