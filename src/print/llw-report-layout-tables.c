/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-report-layout-private.h"

/* The annexes' tables on turned pages: each part of a table (Phụ lục II.1, II.2 …) starts a
 * page with the annex's title; its header row is repeated on every page; rows are never
 * split. Every row is measured once, as tall as its tallest cell's text, the same height in
 * every part so that the parts' rows line up. */

#define GAP_AFTER_TITLE 10.0

void
llw_report_layout_part_free (gpointer data)
{
  Part *part = data;

  g_array_unref (part->columns);
  g_ptr_array_unref (part->title);
  g_ptr_array_unref (part->header);
  g_array_unref (part->header_rules);
  g_free (part);
}

static double
line_height (LlwReportLayout *self,
             LlwFont          font)
{
  return llw_report_layout_line_height (self, font);
}

static double
text_width (LlwReportLayout *self)
{
  return self->landscape.width - self->landscape.left - self->landscape.right;
}

/* Returns: each row's height, from its cells' wrapped text; figures take one line. */
static float *
measure_rows (LlwReportLayout *self,
              LlwReportTable  *table,
              double           scale)
{
  guint n_rows = llw_report_table_get_n_rows (table);
  guint n_columns = llw_report_table_get_n_columns (table);
  float *heights = g_new (float, MAX (n_rows, 1));
  double max_height = self->landscape.height - self->landscape.top - self->landscape.bottom -
                      120;

  for (guint r = 0; r < n_rows; r++)
    {
      LlwFont font = llw_report_table_get_row (table, r)->kind == LLW_ROW_ITEM
                     ? LLW_FONT_TABLE : LLW_FONT_TABLE_BOLD;
      guint lines = 1;

      for (guint c = 0; c < n_columns; c++)
        {
          const LlwReportColumn *column = llw_report_table_get_column (table, c);
          g_autofree LlwText *text = NULL;
          LlwCell cell;

          if (column->align == LLW_ALIGN_RIGHT)
            continue;
          llw_report_table_get_cell (table, r, c, &cell);
          if (cell.kind != LLW_CELL_TEXT)
            continue;
          text = llw_shaper_wrap (self->shaper, font, cell.text,
                                  column->width * scale - 2 * PAD_X, 0);
          lines = MAX (lines, text != NULL ? text->n_lines : 1);
        }
      /* A row taller than a page is cut to the page: it cannot be split. */
      heights[r] = (float) MIN (lines * line_height (self, font) + 2 * PAD_Y, max_height);
    }
  return heights;
}

static Placed *
new_placed (LlwText        *text,
            double          x,
            double          y,
            double          width,
            PangoAlignment  align)
{
  Placed *placed = g_new0 (Placed, 1);

  *placed = (Placed) { text, x, y, width, align, FALSE, 0, text ? text->n_lines : 0 };
  return placed;
}

static double
add_title_line (LlwReportLayout *self,
                Part            *part,
                LlwFont          font,
                const char      *text,
                double           y)
{
  LlwText *wrapped = llw_shaper_wrap (self->shaper, font, text, text_width (self) * 0.9, 0);

  if (wrapped == NULL)
    return y;
  g_ptr_array_add (self->texts, wrapped);
  g_ptr_array_add (part->title, new_placed (wrapped, self->landscape.left, y,
                                            text_width (self), PANGO_ALIGN_CENTER));
  return y + wrapped->n_lines * line_height (self, font);
}

/* "Phụ lục II.2", the title, a part's groups, the Kèm theo line; y from the page's top. */
static void
set_title (LlwReportLayout *self,
           Part            *part)
{
  g_autofree char *label = llw_report_annex_get_part_label (part->annex, part->band);
  g_autofree char *groups = llw_report_table_describe_band (part->annex->table, part->band);
  g_autofree char *groups_line = groups != NULL ? g_strdup_printf ("(%s)", groups) : NULL;
  double y = self->landscape.top;

  y = add_title_line (self, part, LLW_FONT_TITLE, label, y);
  y = add_title_line (self, part, LLW_FONT_TITLE, part->annex->title, y);
  y = add_title_line (self, part, LLW_FONT_HEADING_BOLD, groups_line, y);
  y = add_title_line (self, part, LLW_FONT_TEXT_ITALIC, part->annex->note, y);
  part->title_height = y + GAP_AFTER_TITLE - self->landscape.top;
}

static const LlwReportColumn *
column_of (Part  *part,
           guint  i)
{
  return llw_report_table_get_column (part->annex->table,
                                      g_array_index (part->columns, PlacedColumn, i).column);
}

static const PlacedColumn *
placed_column (Part  *part,
               guint  i)
{
  return &g_array_index (part->columns, PlacedColumn, i);
}

static Placed *
header_cell (LlwReportLayout *self,
             const char      *title,
             double           x,
             double           width)
{
  LlwText *text = llw_shaper_wrap (self->shaper, LLW_FONT_TABLE_BOLD, title, width - 2 * PAD_X,
                                   0);

  if (text != NULL)
    g_ptr_array_add (self->texts, text);
  return new_placed (text, x + PAD_X, 0, width - 2 * PAD_X, PANGO_ALIGN_CENTER);
}

static double
placed_height (LlwReportLayout *self,
               Placed          *placed)
{
  return placed->text ? placed->text->n_lines * line_height (self, LLW_FONT_TABLE_BOLD) : 0;
}

/* The header: indicator groups over their columns when the table has them, the other titles
 * over both rows; each cell's text centred in its height. */
static void
set_header (LlwReportLayout *self,
            Part            *part)
{
  guint n = part->columns->len;
  g_autofree Placed **titles = g_new0 (Placed *, n);
  g_autoptr(GPtrArray) spans = g_ptr_array_new ();
  double span_height = 0, low = 0, full = 0;

  for (guint i = 0; i < n;)
    {
      const char *span = column_of (part, i)->span;
      double x = placed_column (part, i)->x, width = 0;
      guint end = i + 1;

      if (span == NULL)
        {
          i++;
          continue;
        }
      while (end < n && column_of (part, end)->span == span)
        end++;
      for (guint k = i; k < end; k++)
        width += placed_column (part, k)->width;
      g_ptr_array_add (spans, header_cell (self, span, x, width));
      span_height = MAX (span_height, placed_height (self, g_ptr_array_index (spans,
                                                                           spans->len - 1)) +
                                      2 * PAD_Y);
      i = end;
    }

  for (guint i = 0; i < n; i++)
    {
      titles[i] = header_cell (self, column_of (part, i)->title, placed_column (part, i)->x,
                               placed_column (part, i)->width);
      if (column_of (part, i)->span != NULL)
        low = MAX (low, placed_height (self, titles[i]) + 2 * PAD_Y);
      else
        full = MAX (full, placed_height (self, titles[i]) + 2 * PAD_Y);
    }
  part->header_height = MAX (span_height + low, full);
  low = part->header_height - span_height;

  for (guint k = 0; k < spans->len; k++)
    {
      Placed *placed = g_ptr_array_index (spans, k);

      placed->y = (span_height - placed_height (self, placed)) / 2;
      g_ptr_array_add (part->header, placed);
    }
  for (guint i = 0; i < n; i++)
    {
      gboolean under_span = column_of (part, i)->span != NULL;
      double top = under_span ? span_height : 0;
      double height = under_span ? low : part->header_height;

      titles[i]->y = top + (height - placed_height (self, titles[i])) / 2;
      g_ptr_array_add (part->header, titles[i]);
      if (under_span)
        g_array_append_val (part->header_rules, *placed_column (part, i));
    }
  part->span_height = span_height;
}

/* The part's columns from the left margin, narrowed alike if the paper is narrower than A4. */
static Part *
new_part (LlwReportLayout      *self,
          const LlwReportAnnex *annex,
          guint                 band,
          const float          *heights,
          double                scale)
{
  Part *part = g_new0 (Part, 1);
  guint n = llw_report_table_get_n_columns (annex->table);
  double x = self->landscape.left;

  part->annex = annex;
  part->band = band;
  part->heights = heights;
  part->columns = g_array_new (FALSE, FALSE, sizeof (PlacedColumn));
  part->title = g_ptr_array_new_with_free_func (g_free);
  part->header = g_ptr_array_new_with_free_func (g_free);
  part->header_rules = g_array_new (FALSE, FALSE, sizeof (PlacedColumn));
  for (guint c = 0; c < n; c++)
    if (llw_report_table_in_band (annex->table, c, band))
      {
        PlacedColumn column = { c, x, llw_report_table_get_column (annex->table, c)->width *
                                      scale };

        g_array_append_val (part->columns, column);
        x += column.width;
      }
  set_title (self, part);
  set_header (self, part);
  return part;
}

static void
add_page (LlwReportLayout *self,
          Part            *part,
          guint            number,
          guint            first,
          guint            end)
{
  Page page = { TRUE, number, part, first, end };

  g_array_append_val (self->pages, page);
}

/* Cuts a part's rows into pages. */
static void
paginate_part (LlwReportLayout *self,
               Part            *part)
{
  guint n_rows = llw_report_table_get_n_rows (part->annex->table);
  double bottom = self->landscape.height - self->landscape.bottom;
  double y = self->landscape.top + part->title_height + part->header_height;
  guint first = 0, number = 0;

  for (guint r = 0; r < n_rows; r++)
    {
      if (y + part->heights[r] > bottom && r > first)
        {
          add_page (self, part, ++number, first, r);
          first = r;
          y = self->landscape.top + part->header_height;
        }
      y += part->heights[r];
    }
  add_page (self, part, ++number, first, n_rows);
}

/* Lays out the annexes, part by part, after the body. */
void
llw_report_layout_set_tables (LlwReportLayout *self)
{
  for (LlwAnnexKind kind = 0; kind < LLW_N_ANNEXES; kind++)
    {
      const LlwReportAnnex *annex = llw_report_document_get_annex (self->document, kind);
      guint n_bands = llw_report_table_get_n_bands (annex->table);
      double widest = 0, scale;
      float *heights;

      for (guint band = 0; band < n_bands; band++)
        {
          double width = 0;

          for (guint c = 0; c < llw_report_table_get_n_columns (annex->table); c++)
            if (llw_report_table_in_band (annex->table, c, band))
              width += llw_report_table_get_column (annex->table, c)->width;
          widest = MAX (widest, width);
        }
      scale = widest > text_width (self) ? text_width (self) / widest : 1.0;
      heights = measure_rows (self, annex->table, scale);
      g_ptr_array_add (self->row_heights, heights);

      for (guint band = 0; band < n_bands; band++)
        {
          Part *part = new_part (self, annex, band, heights, scale);

          g_ptr_array_add (self->parts, part);
          paginate_part (self, part);
        }
    }
}
