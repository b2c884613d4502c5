/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-checklist-layout-private.h"
#include "llw-pages.h"

/* A checklist set on pages: every row is measured once, then the pages are cut so that no
 * row is split, a group heading stays with its first row, and the table header starts
 * every page. Drawing a page reuses the broken lines; nothing is shaped twice. */

static void pages_iface_init (LlwPagesInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlwChecklistLayout, llw_checklist_layout, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LLW_TYPE_PAGES, pages_iface_init))

static void
format_init (Format  *format,
             LlwFont  font,
             double   width,
             guint    max_lines)
{
  *format = (Format) { font, MAX (width, 1), max_lines,
                       g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free) };
}

static void
format_clear (Format *format)
{
  g_clear_pointer (&format->texts, g_hash_table_unref);
}

/* Texts are interned by the checklist: the same pointer is the same text, broken once. */
static const LlwText *
format_wrap (LlwChecklistLayout *self,
             Format             *format,
             const char         *text)
{
  LlwText *wrapped;

  if (text == NULL)
    return NULL;

  if (!g_hash_table_lookup_extended (format->texts, text, NULL, (gpointer *) &wrapped))
    {
      wrapped = llw_shaper_wrap (self->shaper, format->font, text, format->width,
                                 format->max_lines);
      g_hash_table_insert (format->texts, (gpointer) text, wrapped);
    }

  return wrapped;
}

static double
widest_word (LlwChecklistLayout *self,
             const char         *text)
{
  g_auto(GStrv) words = g_strsplit (text != NULL ? text : "", " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    widest = MAX (widest, llw_shaper_measure (self->shaper, LLW_FONT_BODY_BOLD, words[i]));

  return widest;
}

/* Columns with a sample are as wide as it, or as their header's longest word, in bold;
 * the others share the rest by weight. */
static void
place_columns (LlwChecklistLayout *self)
{
  double text_width = self->page.width - self->page.left - self->page.right;
  double fixed = 0, weights = 0, x;
  g_autofree double *widths = g_new0 (double, self->n_columns);

  for (guint i = 0; i < self->n_columns; i++)
    {
      const LlwChecklistColumn *column = get_column (self, i);

      if (column->sample != NULL)
        {
          widths[i] = MAX (llw_shaper_measure (self->shaper, LLW_FONT_BODY_BOLD, column->sample),
                           widest_word (self, column->header));
          widths[i] = MAX (widths[i], BOX_SIZE) + 2 * PAD_X + 1;
          fixed += widths[i];
        }
      else
        weights += column->weight;
    }

  x = self->page.left;
  self->edges = g_new (double, self->n_columns + 1);
  for (guint i = 0; i < self->n_columns; i++)
    {
      const LlwChecklistColumn *column = get_column (self, i);

      if (column->sample == NULL)
        widths[i] = MAX (text_width - fixed, 0) * column->weight / weights;
      self->edges[i] = x;
      x += widths[i];
    }
  self->edges[self->n_columns] = x;
}

static void
init_formats (LlwChecklistLayout *self)
{
  double span = cell_width (self, 1, self->n_columns - 1);
  static const LlwFont span_fonts[] = {
    [LLW_CHECKLIST_ROW_ITEM] = LLW_FONT_BODY,
    [LLW_CHECKLIST_ROW_GROUP] = LLW_FONT_BODY_BOLD,
    [LLW_CHECKLIST_ROW_SUBTOTAL] = LLW_FONT_BODY_ITALIC,
    [LLW_CHECKLIST_ROW_TOTAL] = LLW_FONT_BODY_BOLD,
    [LLW_CHECKLIST_ROW_NOTE] = LLW_FONT_BODY_ITALIC,
  };

  self->formats = g_new0 (Format, self->n_columns);
  self->header = g_new0 (LlwText *, self->n_columns);
  self->header_height = 0;

  for (guint i = 0; i < self->n_columns; i++)
    {
      const LlwChecklistColumn *column = get_column (self, i);
      double width = cell_width (self, i, i);

      format_init (&self->formats[i], LLW_FONT_BODY, width, column->max_lines);
      self->header[i] = llw_shaper_wrap (self->shaper, LLW_FONT_BODY_BOLD, column->header,
                                         width, 0);
      self->header_height = MAX (self->header_height, text_height (self, self->header[i]));
    }
  self->header_height += 2 * PAD_Y;

  format_init (&self->number_format, LLW_FONT_BODY_BOLD, cell_width (self, 0, 0), 0);
  for (guint k = 0; k < G_N_ELEMENTS (span_fonts); k++)
    format_init (&self->span_formats[k], span_fonts[k], span, 0);
}

/* Returns: @text broken into as few lines as in @width, but as even as they can be, so that
 *   a centred title does not leave one word alone on its last line. */
static LlwText *
wrap_balanced (LlwChecklistLayout *self,
               LlwFont             font,
               const char         *text,
               double              width)
{
  LlwText *best = llw_shaper_wrap (self->shaper, font, text, width, 0);
  double low, high;

  if (best == NULL || best->n_lines < 2)
    return best;

  low = best->width / best->n_lines;
  high = best->width;
  for (guint i = 0; i < 12 && high - low > 1; i++)
    {
      double middle = (low + high) / 2;
      LlwText *candidate = llw_shaper_wrap (self->shaper, font, text, middle, 0);

      if (candidate->n_lines == best->n_lines)
        {
          g_free (best);
          best = candidate;
          high = middle;
        }
      else
        {
          g_free (candidate);
          low = middle;
        }
    }

  return best;
}

static double
add_heading_line (LlwChecklistLayout *self,
                  LlwFont             font,
                  const char         *text,
                  double              x,
                  double              y,
                  double              width,
                  PangoAlignment      align)
{
  HeadingLine line = { wrap_balanced (self, font, text, width), x, y, width, align };

  if (line.text == NULL)
    return y;

  g_array_append_val (self->heading, line);
  return y + text_height (self, line.text);
}

/* Decree 30's header at the top of page 1: the parent body over the issuing body, with a
 * short rule under it, on the left; the office and the day it was printed on the right.
 * Then the title, the campaign and a note, centred. */
static void
build_heading (LlwChecklistLayout *self)
{
  LlwChecklist *checklist = self->checklist;
  double x = self->page.left;
  double width = self->page.width - self->page.left - self->page.right;
  double left_width = width * 0.45;
  double y = self->page.top;
  double left_y, right_y;

  left_y = add_heading_line (self, LLW_FONT_HEADING, checklist->parent_body,
                             x, y, left_width, PANGO_ALIGN_CENTER);
  if (checklist->issuing_body != NULL)
    {
      double issuing_width;
      Rule rule;

      left_y = add_heading_line (self, LLW_FONT_HEADING_BOLD, checklist->issuing_body,
                                 x, left_y, left_width, PANGO_ALIGN_CENTER);
      issuing_width = g_array_index (self->heading, HeadingLine, self->heading->len - 1)
                      .text->width;
      rule = (Rule) { x + left_width / 2 - issuing_width * 0.2,
                      x + left_width / 2 + issuing_width * 0.2, left_y + 3.5 };
      g_array_append_val (self->rules, rule);
      left_y += 6;
    }

  right_y = add_heading_line (self, LLW_FONT_HEADING, checklist->office,
                              x + left_width, y, width - left_width, PANGO_ALIGN_CENTER);
  right_y = add_heading_line (self, LLW_FONT_BODY_ITALIC, checklist->printed_on,
                              x + left_width, right_y, width - left_width, PANGO_ALIGN_CENTER);

  y = MAX (left_y, right_y) + GAP_AFTER_HEADER;
  y = add_heading_line (self, LLW_FONT_TITLE, checklist->title, x, y, width, PANGO_ALIGN_CENTER);
  y = add_heading_line (self, LLW_FONT_HEADING_BOLD, checklist->subtitle,
                        x, y, width, PANGO_ALIGN_CENTER);
  y = add_heading_line (self, LLW_FONT_BODY_ITALIC, checklist->note,
                        x, y, width, PANGO_ALIGN_CENTER);

  self->heading_height = y + GAP_AFTER_TITLE - self->page.top;
}

static void
measure_row (LlwChecklistLayout *self,
             guint               r)
{
  const LlwChecklistRow *row = get_row (self, r);
  const char * const *texts = (const char * const *) self->checklist->cells->pdata +
                              (gsize) r * self->n_columns;
  const LlwText **cells = self->cells + (gsize) r * self->n_columns;
  guint lines = 1;

  if (row->kind == LLW_CHECKLIST_ROW_ITEM)
    {
      for (guint c = 0; c < self->n_columns; c++)
        {
          cells[c] = format_wrap (self, &self->formats[c], texts[c]);
          lines = MAX (lines, cells[c] != NULL ? cells[c]->n_lines : 0);
        }
      lines = MAX (lines, self->checklist->min_row_lines);
    }
  else
    {
      cells[0] = format_wrap (self, &self->number_format, texts[0]);
      cells[1] = format_wrap (self, &self->span_formats[row->kind], texts[1]);
      lines = MAX (lines, MAX (cells[0] ? cells[0]->n_lines : 0,
                               cells[1] ? cells[1]->n_lines : 0));
    }

  /* Every face of a checklist is 12 pt: a line is as tall in any of them. */
  self->lines[r] = lines;
  self->heights[r] = (float) (lines * line_height (self, LLW_FONT_BODY) + 2 * PAD_Y);
}

static double
lines_height (LlwChecklistLayout *self,
              guint               n_lines)
{
  return n_lines * line_height (self, LLW_FONT_BODY) + 2 * PAD_Y;
}

static void
start_page (LlwChecklistLayout *self,
            guint               row,
            guint               line)
{
  g_array_append_val (self->page_starts, row);
  g_array_append_val (self->page_lines, line);
}

/* Starts a page where the next row does not fit; a group heading goes with its first row.
 * A page that holds no row yet takes the row whatever its height, unless it is the first
 * page, whose heading leaves less room than the others. A row taller than a page is cut
 * between lines, and goes on at the top of the next page under "(tiếp theo)". */
static void
cut_pages (LlwChecklistLayout *self)
{
  guint n_rows = self->checklist->rows->len;
  double bottom = llw_checklist_layout_get_rows_bottom (self);
  double fresh_top = rows_top (self, 1);
  double y = rows_top (self, 0);
  guint first = 0;

  start_page (self, 0, 0);
  for (guint r = 0; r < n_rows; r++)
    {
      double needed = self->heights[r];
      guint line = 0;

      if (get_row (self, r)->kind == LLW_CHECKLIST_ROW_GROUP && r + 1 < n_rows)
        needed += self->heights[r + 1];

      if (y + needed > bottom + EPSILON && (r > first || y > fresh_top + EPSILON))
        {
          first = r;
          start_page (self, r, 0);
          y = fresh_top;
        }

      /* What is left of the row does not fit even a fresh page: as many lines as fit, the
       * rest on the next page, one line below its "(tiếp theo)". */
      while (y + lines_height (self, self->lines[r] - line + (line > 0)) > bottom + EPSILON)
        {
          int fit = (int) ((bottom - y - 2 * PAD_Y + EPSILON) / line_height (self,
                                                                         LLW_FONT_BODY));

          line += MAX (fit - (line > 0), 1);
          if (line >= self->lines[r])
            break;
          first = r;
          start_page (self, r, line);
          y = fresh_top;
        }
      y += lines_height (self, self->lines[r] - MIN (line, self->lines[r]) + (line > 0));
    }
  start_page (self, n_rows, 0);
}

/* Returns: the end of the rows page @page shows: one past its last, which may be cut. */
guint
llw_checklist_layout_get_page_end (LlwChecklistLayout *self,
                                   guint               page)
{
  guint next = g_array_index (self->page_starts, guint, page + 1);

  return next + (g_array_index (self->page_lines, guint, page + 1) > 0);
}

/* Returns: (out) @slice: which of @row's lines @page shows, and how tall they stand there;
 *   %FALSE if the page shows none. */
gboolean
llw_checklist_layout_get_slice (LlwChecklistLayout *self,
                                guint               page,
                                guint               row,
                                Slice              *slice)
{
  guint first = g_array_index (self->page_starts, guint, page);
  guint next = g_array_index (self->page_starts, guint, page + 1);
  guint next_line = g_array_index (self->page_lines, guint, page + 1);

  if (row < first || row >= llw_checklist_layout_get_page_end (self, page))
    return FALSE;

  slice->first_line = row == first ? g_array_index (self->page_lines, guint, page) : 0;
  slice->end_line = row == next && next_line > 0 ? next_line : self->lines[row];
  slice->continued = slice->first_line > 0;
  slice->height = lines_height (self, slice->end_line - slice->first_line + slice->continued);
  return TRUE;
}

static void
llw_checklist_layout_finalize (GObject *object)
{
  LlwChecklistLayout *self = LLW_CHECKLIST_LAYOUT (object);

  for (guint i = 0; i < self->n_columns; i++)
    {
      format_clear (&self->formats[i]);
      g_free (self->header[i]);
    }
  format_clear (&self->number_format);
  for (guint k = 0; k < G_N_ELEMENTS (self->span_formats); k++)
    format_clear (&self->span_formats[k]);
  for (guint i = 0; i < self->heading->len; i++)
    g_free (g_array_index (self->heading, HeadingLine, i).text);

  g_free (self->formats);
  g_free (self->header);
  g_free (self->edges);
  g_free (self->cells);
  g_free (self->heights);
  g_free (self->lines);
  g_array_unref (self->heading);
  g_array_unref (self->rules);
  g_array_unref (self->page_starts);
  g_array_unref (self->page_lines);
  g_clear_pointer (&self->shaper, llw_shaper_free);
  g_clear_object (&self->checklist);

  G_OBJECT_CLASS (llw_checklist_layout_parent_class)->finalize (object);
}

static gboolean
pages_paginate (LlwPages *pages,
                guint     max_steps)
{
  return llw_checklist_layout_paginate (LLW_CHECKLIST_LAYOUT (pages), max_steps);
}

static guint
pages_get_n_pages (LlwPages *pages)
{
  return llw_checklist_layout_get_n_pages (LLW_CHECKLIST_LAYOUT (pages));
}

static void
pages_get_page (LlwPages        *pages,
                guint            page,
                LlwPageGeometry *geometry)
{
  llw_checklist_layout_get_page (LLW_CHECKLIST_LAYOUT (pages), geometry);
}

static void
pages_draw_page (LlwPages *pages,
                 cairo_t  *cr,
                 guint     page)
{
  llw_checklist_layout_draw_page (LLW_CHECKLIST_LAYOUT (pages), cr, page);
}

static const char *
pages_get_title (LlwPages *pages)
{
  return llw_checklist_layout_get_title (LLW_CHECKLIST_LAYOUT (pages));
}

static void
pages_iface_init (LlwPagesInterface *iface)
{
  iface->paginate = pages_paginate;
  iface->get_n_pages = pages_get_n_pages;
  iface->get_page = pages_get_page;
  iface->draw_page = pages_draw_page;
  iface->get_title = pages_get_title;
}

static void
llw_checklist_layout_class_init (LlwChecklistLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = llw_checklist_layout_finalize;
}

static void
llw_checklist_layout_init (LlwChecklistLayout *self)
{
  self->heading = g_array_new (FALSE, FALSE, sizeof (HeadingLine));
  self->rules = g_array_new (FALSE, FALSE, sizeof (Rule));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->page_lines = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * llw_checklist_layout_new:
 * @checklist: a checklist with at least two columns
 * @page: the paper and its margins
 *
 * Places the columns and the heading; the rows are measured by
 * llw_checklist_layout_paginate ().
 *
 * Returns: (transfer full): the layout
 */
LlwChecklistLayout *
llw_checklist_layout_new (LlwChecklist          *checklist,
                          const LlwPageGeometry *page)
{
  LlwChecklistLayout *self;
  guint n_rows;

  g_return_val_if_fail (LLW_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (llw_checklist_get_n_columns (checklist) >= 2, NULL);
  g_return_val_if_fail (page != NULL, NULL);

  self = g_object_new (LLW_TYPE_CHECKLIST_LAYOUT, NULL);
  self->checklist = g_object_ref (checklist);
  self->page = *page;
  self->shaper = llw_shaper_new ();
  self->n_columns = llw_checklist_get_n_columns (checklist);

  n_rows = llw_checklist_get_n_rows (checklist);
  self->cells = g_new0 (const LlwText *, (gsize) n_rows * self->n_columns);
  self->heights = g_new0 (float, n_rows);
  self->lines = g_new0 (guint, n_rows);

  place_columns (self);
  init_formats (self);
  build_heading (self);

  return self;
}

/**
 * llw_checklist_layout_paginate:
 * @max_rows: measure at most this many rows now, 0 for all; a print dialog calls this
 *   repeatedly to stay responsive
 *
 * Returns: %TRUE when every row is measured and the pages are cut
 */
gboolean
llw_checklist_layout_paginate (LlwChecklistLayout *self,
                               guint               max_rows)
{
  guint n_rows, end;

  g_return_val_if_fail (LLW_IS_CHECKLIST_LAYOUT (self), TRUE);

  if (self->page_starts->len > 0)
    return TRUE;

  n_rows = llw_checklist_get_n_rows (self->checklist);
  end = max_rows > 0 ? MIN (n_rows, self->n_measured + max_rows) : n_rows;
  for (; self->n_measured < end; self->n_measured++)
    measure_row (self, self->n_measured);

  if (self->n_measured < n_rows)
    return FALSE;

  cut_pages (self);
  return TRUE;
}

/* Returns: the number of pages, once paginated; 0 before. */
guint
llw_checklist_layout_get_n_pages (LlwChecklistLayout *self)
{
  g_return_val_if_fail (LLW_IS_CHECKLIST_LAYOUT (self), 0);

  return self->page_starts->len > 0 ? self->page_starts->len - 1 : 0;
}

/* Returns: the paper and margins the layout was made for. */
void
llw_checklist_layout_get_page (LlwChecklistLayout *self,
                               LlwPageGeometry    *page)
{
  g_return_if_fail (LLW_IS_CHECKLIST_LAYOUT (self));
  g_return_if_fail (page != NULL);

  *page = self->page;
}

/* Returns: (nullable): the checklist's title, for the document's metadata. */
const char *
llw_checklist_layout_get_title (LlwChecklistLayout *self)
{
  g_return_val_if_fail (LLW_IS_CHECKLIST_LAYOUT (self), NULL);

  return llw_checklist_get_title (self->checklist);
}

/* Returns: the first row of @page (which may go on from the page before, see
 *   llw_checklist_layout_get_first_line ()); for @page = n_pages, the number of rows. */
guint
llw_checklist_layout_get_first_row (LlwChecklistLayout *self,
                                    guint               page)
{
  g_return_val_if_fail (LLW_IS_CHECKLIST_LAYOUT (self), 0);
  g_return_val_if_fail (page < self->page_starts->len, 0);

  return g_array_index (self->page_starts, guint, page);
}

/* Returns: where the first row of @page starts, under the heading and the table header. */
double
llw_checklist_layout_get_rows_top (LlwChecklistLayout *self,
                                   guint               page)
{
  g_return_val_if_fail (LLW_IS_CHECKLIST_LAYOUT (self), 0);

  return rows_top (self, page);
}

/* Returns: the lowest a row may end: the bottom margin. */
double
llw_checklist_layout_get_rows_bottom (LlwChecklistLayout *self)
{
  g_return_val_if_fail (LLW_IS_CHECKLIST_LAYOUT (self), 0);

  return self->page.height - self->page.bottom;
}

double
llw_checklist_layout_get_row_height (LlwChecklistLayout *self,
                                     guint               row)
{
  g_return_val_if_fail (LLW_IS_CHECKLIST_LAYOUT (self), 0);
  g_return_val_if_fail (row < self->n_measured, 0);

  return self->heights[row];
}

/* Returns: how many lines the cell was broken into (0 if empty). */
guint
llw_checklist_layout_get_row_lines (LlwChecklistLayout *self,
                                    guint               row,
                                    guint               column)
{
  const LlwText *text;

  g_return_val_if_fail (LLW_IS_CHECKLIST_LAYOUT (self), 0);
  g_return_val_if_fail (row < self->n_measured && column < self->n_columns, 0);

  text = self->cells[(gsize) row * self->n_columns + column];
  return text != NULL ? text->n_lines : 0;
}

/* Returns: how many distinct words were shaped: each once, whatever the rows repeat. */
guint
llw_checklist_layout_get_n_shaped (LlwChecklistLayout *self)
{
  g_return_val_if_fail (LLW_IS_CHECKLIST_LAYOUT (self), 0);

  return llw_shaper_get_n_shaped (self->shaper);
}

/* Returns: the line the first row of @page starts at: 0, unless the row, taller than a page,
 *   goes on from the page before. */
guint
llw_checklist_layout_get_first_line (LlwChecklistLayout *self,
                                     guint               page)
{
  g_return_val_if_fail (LLW_IS_CHECKLIST_LAYOUT (self), 0);
  g_return_val_if_fail (page < self->page_lines->len, 0);

  return g_array_index (self->page_lines, guint, page);
}
