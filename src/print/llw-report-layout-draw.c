/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-report-layout-private.h"

/* Drawing a page the layout has cut, in black, on any cairo context whose unit is the
 * point: a PDF surface or a print context. */

static void
draw_placed (LlwReportLayout *self,
             cairo_t         *cr,
             const Placed    *placed,
             double           dy)
{
  if (placed->text == NULL)
    {
      cairo_move_to (cr, placed->x, placed->y + dy);
      cairo_line_to (cr, placed->x + placed->width, placed->y + dy);
      return;
    }
  if (placed->justify)
    llw_shaper_draw_justified (self->shaper, cr, placed->text, placed->x, placed->y + dy,
                               placed->width, placed->first_line, placed->n_lines);
  else
    llw_shaper_draw (self->shaper, cr, placed->text, placed->x, placed->y + dy, placed->width,
                     placed->align, placed->n_lines);
}

/* The number centred in the top margin, from a part's second page on (Decree 30). */
static void
draw_page_number (LlwReportLayout       *self,
                  cairo_t               *cr,
                  const Page            *page,
                  const LlwPageGeometry *geometry)
{
  g_autofree char *number = NULL;
  double width;

  if (page->number < 2)
    return;
  number = g_strdup_printf ("%u", page->number);
  width = llw_shaper_figure_width (self->shaper, LLW_FONT_HEADING, number);
  llw_shaper_draw_figure (self->shaper, cr, LLW_FONT_HEADING, number,
                          (geometry->width - width) / 2,
                          (geometry->top - llw_report_layout_line_height (self,
                                                                          LLW_FONT_HEADING)) / 2);
}

static void
draw_body (LlwReportLayout *self,
           cairo_t         *cr,
           const Page      *page)
{
  for (guint i = page->first; i < page->end; i++)
    draw_placed (self, cr, g_ptr_array_index (self->placed, i), 0);
  llw_shaper_flush (self->shaper, cr);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
}

/* A cell's content: text wrapped in the column, figures and dates set from their glyphs;
 * centred in the row's height. */
static void
draw_cell (LlwReportLayout    *self,
           cairo_t            *cr,
           const Part         *part,
           const PlacedColumn *column,
           guint               row,
           double              y,
           double              height,
           LlwFont             font)
{
  const LlwReportColumn *info = llw_report_table_get_column (part->annex->table, column->column);
  double line = llw_report_layout_line_height (self, font);
  char buffer[64];
  const char *text;
  LlwCell cell;

  llw_report_table_get_cell (part->annex->table, row, column->column, &cell);
  if (cell.kind == LLW_CELL_EMPTY)
    return;
  text = llw_cell_to_text (&cell, buffer, sizeof buffer);
  if (text[0] == '\0')
    return;

  if (cell.kind == LLW_CELL_TEXT)
    {
      g_autofree LlwText *wrapped = llw_shaper_wrap (self->shaper, font, text,
                                                     column->width - 2 * PAD_X, 0);
      guint n = MIN (wrapped->n_lines, MAX ((guint) ((height - 2 * PAD_Y) / line), 1));
      PangoAlignment align = info->align == LLW_ALIGN_LEFT ? PANGO_ALIGN_LEFT
                             : info->align == LLW_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                             : PANGO_ALIGN_CENTER;

      llw_shaper_draw (self->shaper, cr, wrapped, column->x + PAD_X, y + (height - n * line) / 2,
                       column->width - 2 * PAD_X, align, n);
    }
  else
    {
      double width = llw_shaper_figure_width (self->shaper, font, text);
      double x = info->align == LLW_ALIGN_CENTER || cell.kind == LLW_CELL_DATE
                 ? column->x + (column->width - width) / 2
                 : column->x + column->width - PAD_X - width;

      llw_shaper_draw_figure (self->shaper, cr, font, text, x, y + (height - line) / 2);
    }
}

static void
draw_grid (LlwReportLayout *self,
           cairo_t         *cr,
           const Part      *part,
           const Page      *page,
           double           top)
{
  const PlacedColumn *last = &g_array_index (part->columns, PlacedColumn,
                                             part->columns->len - 1);
  double left = g_array_index (part->columns, PlacedColumn, 0).x;
  double right = last->x + last->width;
  double y = top + part->header_height;

  cairo_move_to (cr, left, top);
  cairo_line_to (cr, right, top);
  for (guint r = page->first; r <= page->end; r++)
    {
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      if (r < page->end)
        y += part->heights[r];
    }
  for (guint i = 0; i <= part->columns->len; i++)
    {
      double x = i < part->columns->len ? g_array_index (part->columns, PlacedColumn, i).x
                                        : right;
      gboolean under_span = i > 0 && i < part->columns->len &&
        llw_report_table_get_column (part->annex->table,
                                     g_array_index (part->columns, PlacedColumn, i).column)->span
        != NULL &&
        llw_report_table_get_column (part->annex->table,
                                     g_array_index (part->columns, PlacedColumn, i - 1).column)->span
        == llw_report_table_get_column (part->annex->table,
                                        g_array_index (part->columns, PlacedColumn, i).column)->span;

      /* Inside a group of indicators the line starts under the group's title. */
      cairo_move_to (cr, x, top + (under_span ? part->span_height : 0));
      cairo_line_to (cr, x, y);
    }
  for (guint i = 0; i < part->header_rules->len; i++)
    {
      const PlacedColumn *column = &g_array_index (part->header_rules, PlacedColumn, i);

      cairo_move_to (cr, column->x, top + part->span_height);
      cairo_line_to (cr, column->x + column->width, top + part->span_height);
    }
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_stroke (cr);
}

static void
draw_table (LlwReportLayout *self,
            cairo_t         *cr,
            const Page      *page)
{
  const Part *part = page->part;
  double top = self->landscape.top;
  double y;

  if (page->number == 1)
    {
      for (guint i = 0; i < part->title->len; i++)
        draw_placed (self, cr, g_ptr_array_index (part->title, i), 0);
      top += part->title_height;
    }
  for (guint i = 0; i < part->header->len; i++)
    if (((Placed *) g_ptr_array_index (part->header, i))->text != NULL)
      draw_placed (self, cr, g_ptr_array_index (part->header, i), top);

  y = top + part->header_height;
  for (guint r = page->first; r < page->end; r++)
    {
      LlwFont font = llw_report_table_get_row (part->annex->table, r)->kind == LLW_ROW_ITEM
                     ? LLW_FONT_TABLE : LLW_FONT_TABLE_BOLD;

      for (guint i = 0; i < part->columns->len; i++)
        draw_cell (self, cr, part, &g_array_index (part->columns, PlacedColumn, i), r, y,
                   part->heights[r], font);
      y += part->heights[r];
    }
  llw_shaper_flush (self->shaper, cr);
  draw_grid (self, cr, part, page, top);
}

void
llw_report_layout_draw (LlwReportLayout *self,
                        cairo_t         *cr,
                        guint            index)
{
  const Page *page = &g_array_index (self->pages, Page, index);
  const LlwPageGeometry *geometry = page->landscape ? &self->landscape : &self->portrait;

  cairo_save (cr);
  /* Painting the white paper first keeps cairo's PDF surface from growing a region out of
   * every glyph run and rule it analyses. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, geometry->width, geometry->height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);

  draw_page_number (self, cr, page, geometry);
  if (page->part == NULL)
    draw_body (self, cr, page);
  else
    draw_table (self, cr, page);
  llw_shaper_flush (self->shaper, cr);
  cairo_restore (cr);
}
