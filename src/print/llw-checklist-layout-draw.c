/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "llw-checklist-layout-private.h"

/* Drawing a page that llw-checklist-layout.c has cut: the text in its broken lines, the
 * boxes and the rules, on any cairo context whose unit is the point. */

/* Centres the text vertically in the row; a row cut between pages shows its lines of this
 * page from the top, below "(tiếp theo)" where it goes on from the page before. */
static void
draw_cell (LlwChecklistLayout *self,
           cairo_t            *cr,
           const LlwText      *text,
           guint               first,
           guint               last,
           double              y,
           const Slice        *slice,
           PangoAlignment      align)
{
  double lh;
  guint n_lines;

  if (text == NULL || slice->first_line >= text->n_lines)
    return;

  lh = line_height (self, text->font);
  n_lines = MIN (text->n_lines, slice->end_line) - slice->first_line;
  if (slice->first_line == 0 && slice->end_line >= text->n_lines)
    y += (slice->height - n_lines * lh) / 2;
  else
    y += PAD_Y + (slice->continued ? lh : 0);
  llw_shaper_draw_lines (self->shaper, cr, text, self->edges[first] + PAD_X, y,
                         cell_width (self, first, last), align, slice->first_line, n_lines);
}

static void
draw_box (cairo_t         *cr,
          double           cx,
          double           cy,
          LlwChecklistBox  box)
{
  double s = BOX_SIZE;

  if (box == LLW_CHECKLIST_BOX_NONE)
    return;

  cairo_set_line_width (cr, 0.75);
  cairo_rectangle (cr, cx - s / 2, cy - s / 2, s, s);
  cairo_stroke (cr);

  if (box == LLW_CHECKLIST_BOX_TICKED)
    {
      cairo_set_line_width (cr, 1.2);
      cairo_move_to (cr, cx - s * 0.3, cy);
      cairo_line_to (cr, cx - s * 0.08, cy + s * 0.25);
      cairo_line_to (cr, cx + s * 0.32, cy - s * 0.3);
      cairo_stroke (cr);
    }
}

/* "(tiếp theo)" at the top of a row's second column where it goes on from the page before. */
static void
draw_continued (LlwChecklistLayout *self,
                cairo_t            *cr,
                double              y)
{
  g_autofree LlwText *text = llw_shaper_wrap (self->shaper, LLW_FONT_BODY_ITALIC, "(tiếp theo)",
                                              cell_width (self, 1, 1), 1);

  llw_shaper_draw (self->shaper, cr, text, self->edges[1] + PAD_X, y + PAD_Y,
                   cell_width (self, 1, 1), PANGO_ALIGN_LEFT, 1);
}

static void
draw_row (LlwChecklistLayout *self,
          cairo_t            *cr,
          guint               r,
          double              y,
          const Slice        *slice)
{
  const LlwChecklistRow *row = get_row (self, r);
  const LlwText **cells = self->cells + (gsize) r * self->n_columns;

  if (slice->continued)
    draw_continued (self, cr, y);
  if (row->kind != LLW_CHECKLIST_ROW_ITEM)
    {
      draw_cell (self, cr, cells[0], 0, 0, y, slice, PANGO_ALIGN_CENTER);
      draw_cell (self, cr, cells[1], 1, self->n_columns - 1, y, slice, PANGO_ALIGN_LEFT);
      return;
    }

  for (guint c = 0; c < self->n_columns; c++)
    {
      const LlwChecklistColumn *column = get_column (self, c);

      if (column->flags & LLW_CHECKLIST_COLUMN_BOX)
        {
          if (!slice->continued)
            draw_box (cr, (self->edges[c] + self->edges[c + 1]) / 2, y + slice->height / 2,
                      row->box);
        }
      else
        draw_cell (self, cr, cells[c], c, c, y, slice, column->align);
    }
}

static void
draw_header (LlwChecklistLayout *self,
             cairo_t            *cr,
             double              y)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      const LlwText *text = self->header[c];
      Slice whole = { 0, text ? text->n_lines : 0, FALSE, self->header_height };

      draw_cell (self, cr, text, c, c, y, &whole, PANGO_ALIGN_CENTER);
    }
}

static void
add_verticals (LlwChecklistLayout *self,
               cairo_t            *cr,
               guint               first,
               guint               last,
               double              y1,
               double              y2)
{
  for (guint c = first; c <= last; c++)
    {
      cairo_move_to (cr, self->edges[c], y1);
      cairo_line_to (cr, self->edges[c], y2);
    }
}

/* The table's rules in one path: a line under every row, the column lines drawn once for
 * each run of unit rows, and only the outer ones and TT's beside a row that spans. */
static void
draw_grid (LlwChecklistLayout *self,
           cairo_t            *cr,
           guint               page)
{
  guint first = g_array_index (self->page_starts, guint, page);
  guint last = llw_checklist_layout_get_page_end (self, page);
  double left = self->edges[0], right = self->edges[self->n_columns];
  double top = rows_top (self, page) - self->header_height;
  double y = rows_top (self, page);
  double run_top = y;

  cairo_move_to (cr, left, top);
  cairo_line_to (cr, right, top);
  add_verticals (self, cr, 1, self->n_columns - 1, top, y);

  for (guint r = first; r <= last; r++)
    {
      gboolean item = r < last && get_row (self, r)->kind == LLW_CHECKLIST_ROW_ITEM;
      Slice slice = { 0 };

      if (!item && y > run_top)
        add_verticals (self, cr, 1, self->n_columns - 1, run_top, y);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      if (r == last)
        break;

      llw_checklist_layout_get_slice (self, page, r, &slice);
      if (!item)
        add_verticals (self, cr, 1, 1, y, y + slice.height);
      y += slice.height;
      if (!item)
        run_top = y;
    }

  add_verticals (self, cr, 0, 0, top, y);
  add_verticals (self, cr, self->n_columns, self->n_columns, top, y);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_stroke (cr);
}

/* A dotted line across the middle of each notes cell, to write on. */
static void
draw_note_lines (LlwChecklistLayout *self,
                 cairo_t            *cr,
                 guint               page)
{
  static const double dash[] = { 1, 2 };
  guint first = g_array_index (self->page_starts, guint, page);
  guint last = llw_checklist_layout_get_page_end (self, page);
  double y = rows_top (self, page);

  for (guint r = first; r < last; r++)
    {
      Slice slice = { 0 };

      llw_checklist_layout_get_slice (self, page, r, &slice);
      if (get_row (self, r)->kind == LLW_CHECKLIST_ROW_ITEM && !slice.continued)
        for (guint c = 0; c < self->n_columns; c++)
          if (get_column (self, c)->flags & LLW_CHECKLIST_COLUMN_NOTES)
            {
              cairo_move_to (cr, self->edges[c] + PAD_X, y + slice.height / 2);
              cairo_line_to (cr, self->edges[c + 1] - PAD_X, y + slice.height / 2);
            }
      y += slice.height;
    }

  cairo_save (cr);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_heading (LlwChecklistLayout *self,
              cairo_t            *cr)
{
  for (guint i = 0; i < self->heading->len; i++)
    {
      const HeadingLine *line = &g_array_index (self->heading, HeadingLine, i);

      llw_shaper_draw (self->shaper, cr, line->text, line->x, line->y, line->width,
                       line->align, 0);
    }

  for (guint i = 0; i < self->rules->len; i++)
    {
      const Rule *rule = &g_array_index (self->rules, Rule, i);

      cairo_move_to (cr, rule->x1, rule->y);
      cairo_line_to (cr, rule->x2, rule->y);
    }
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
}

/* "Trang x/y", centred in the top margin. */
static void
draw_page_number (LlwChecklistLayout *self,
                  cairo_t            *cr,
                  guint               page)
{
  double width = self->page.width - self->page.left - self->page.right;
  g_autofree char *label = g_strdup_printf ("Trang %u/%u", page + 1,
                                            llw_checklist_layout_get_n_pages (self));
  g_autofree LlwText *text = llw_shaper_wrap (self->shaper, LLW_FONT_BODY, label, width, 0);

  llw_shaper_draw (self->shaper, cr, text, self->page.left,
                   (self->page.top - text_height (self, text)) / 2, width,
                   PANGO_ALIGN_CENTER, 0);
}

/**
 * llw_checklist_layout_draw_page:
 * @cr: a context whose user unit is the point, with the page's top left corner at 0, 0
 * @page: the page, from 0
 *
 * Draws the page in black on @cr: a PDF surface or a print context.
 */
void
llw_checklist_layout_draw_page (LlwChecklistLayout *self,
                                cairo_t            *cr,
                                guint               page)
{
  guint first, last;
  double y;

  g_return_if_fail (LLW_IS_CHECKLIST_LAYOUT (self));
  g_return_if_fail (page < llw_checklist_layout_get_n_pages (self));

  first = g_array_index (self->page_starts, guint, page);
  last = llw_checklist_layout_get_page_end (self, page);

  cairo_save (cr);

  /* The paper is white anyway. Painting it first keeps cairo's PDF surface from growing a
   * region out of every glyph run and rule it analyses: that took 3 of the 7 seconds of a
   * 3,000-page list. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->page.width, self->page.height);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);

  draw_page_number (self, cr, page);
  if (page == 0)
    draw_heading (self, cr);

  y = rows_top (self, page);
  draw_header (self, cr, y - self->header_height);
  for (guint r = first; r < last; r++)
    {
      Slice slice;

      llw_checklist_layout_get_slice (self, page, r, &slice);
      draw_row (self, cr, r, y, &slice);
      y += slice.height;
    }
  llw_shaper_flush (self->shaper, cr);
  draw_grid (self, cr, page);
  draw_note_lines (self, cr, page);

  cairo_restore (cr);
}
