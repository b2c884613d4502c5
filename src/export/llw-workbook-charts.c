/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-document-format.h"
#include "llw-workbook-private.h"

/* The "Biểu đồ" sheet: who reported, group by group (on time, late, missing), and the
 * headline indicators unit by unit for the district level. The charts read the annexes:
 * the status counts are COUNTIFs over Phụ lục III, the figures are Phụ lục II's cells.
 * Black, white and hatching only, so that they read on a black-and-white printer. */

#define FONT "Times New Roman"
#define CHART_WIDTH 900           /* pixels: a landscape page's width at 100 % */
#define ROW_PIXELS 20             /* the sheet's rows */
#define MAX_CHARTED_UNITS 60      /* more bars than this make no readable chart */
#define STATUS_HEADER_ROW 2

enum { STATUS_LABEL, STATUS_ON_TIME, STATUS_LATE, STATUS_MISSING, STATUS_N_COLUMNS };

typedef struct
{
  LlwWorkbookWriter *w;
  lxw_worksheet *sheet;
  lxw_row_t row;                  /* where the next chart goes */
  lxw_row_t breaks[16];
  guint n_breaks;
} Charts;

static lxw_chart_font font = { .name = FONT, .size = 11 };
static lxw_chart_font title_font = { .name = FONT, .size = 13, .bold = LXW_TRUE };
static lxw_chart_font white_font = { .name = FONT, .size = 11, .bold = LXW_TRUE,
                                     .color = LXW_COLOR_WHITE };

static lxw_chart *
new_chart (Charts     *c,
           uint8_t     type,
           const char *title)
{
  lxw_chart *chart = workbook_add_chart (c->w->workbook, type);

  chart_title_set_name (chart, title);
  chart_title_set_name_font (chart, &title_font);
  chart_axis_set_num_font (chart->x_axis, &font);
  chart_axis_set_num_font (chart->y_axis, &font);
  chart_legend_set_font (chart, &font);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  return chart;
}

/* Each chart starts a page of its own, after the first, which shares its page with the
 * table of counts. */
static void
place_chart (Charts    *c,
             lxw_chart *chart,
             double     height)
{
  lxw_chart_options options = {
    .x_scale = CHART_WIDTH / 480.0, .y_scale = height / 288.0,
    .object_position = LXW_OBJECT_MOVE_DONT_SIZE,
  };

  if (c->row > STATUS_HEADER_ROW + 6 && c->n_breaks + 1 < G_N_ELEMENTS (c->breaks))
    c->breaks[c->n_breaks++] = c->row;
  worksheet_insert_chart_opt (c->sheet, c->row, 0, chart, &options);
  c->row += (lxw_row_t) (height / ROW_PIXELS) + 2;
}

/* A COUNTIF over the state column of Phụ lục III for one group's units. */
static void
write_count (Charts          *c,
             lxw_row_t        row,
             lxw_col_t        col,
             const LlwTableRun *run,
             const char      *criterion,
             guint            value)
{
  char range[LXW_MAX_CELL_RANGE_LENGTH];
  g_autofree char *formula = NULL;
  lxw_col_t state_col = 5;

  lxw_rowcol_to_range_abs (range, run->first, state_col, run->last, state_col);
  formula = g_strdup_printf ("=COUNTIF('%s'!%s,\"%s\")", LLW_SHEET_STATUSES, range, criterion);
  worksheet_write_formula_num (c->sheet, row, col, formula, c->w->cell.number[0], value);
}

/* The counts by group, which the first chart draws; returns how many groups it has. */
static guint
write_status_table (Charts *c)
{
  const LlwReportSummary *summary = llw_consolidation_get_summary (c->w->data);
  const LlwTableLayout *statuses = &c->w->layouts[LLW_ANNEX_STATUSES];
  static const char *const titles[] = { "Nhóm đơn vị", "Đúng hạn", "Trễ hạn", "Chưa báo cáo" };
  lxw_row_t row = STATUS_HEADER_ROW;
  guint n = 0;

  worksheet_set_row (c->sheet, row, 20, NULL);
  for (guint col = 0; col < STATUS_N_COLUMNS; col++)
    worksheet_write_string (c->sheet, row, col, titles[col], c->w->table_header);

  for (guint i = 0; i < statuses->runs->len; i++)
    {
      const LlwTableRun *run = &g_array_index (statuses->runs, LlwTableRun, i);
      const LlwReportCounts *counts = &summary->groups[run->index];

      worksheet_set_row (c->sheet, ++row, 20, NULL);
      worksheet_write_string (c->sheet, row, STATUS_LABEL, llw_format_group_label (run->index),
                              c->w->cell.text);
      write_count (c, row, STATUS_ON_TIME, run, "Đúng hạn", counts->on_time);
      write_count (c, row, STATUS_LATE, run, "Trễ*", counts->late);
      write_count (c, row, STATUS_MISSING, run, "Chưa báo cáo",
                   counts->missing + counts->pending);
      n++;
    }
  c->row = row + 2;
  return n;
}

static void
add_status_series (Charts    *c,
                   lxw_chart *chart,
                   guint      n_groups,
                   lxw_col_t  col)
{
  lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
  lxw_chart_line border = { .color = LXW_COLOR_BLACK, .width = 0.75 };
  lxw_chart_fill black = { .color = LXW_COLOR_BLACK };
  lxw_chart_fill white = { .color = LXW_COLOR_WHITE };
  lxw_chart_pattern hatching = { .type = LXW_CHART_PATTERN_WIDE_UPWARD_DIAGONAL,
                                 .fg_color = LXW_COLOR_BLACK, .bg_color = LXW_COLOR_WHITE };

  chart_series_set_categories (series, LLW_SHEET_CHARTS, STATUS_HEADER_ROW + 1, STATUS_LABEL,
                               STATUS_HEADER_ROW + n_groups, STATUS_LABEL);
  chart_series_set_values (series, LLW_SHEET_CHARTS, STATUS_HEADER_ROW + 1, col,
                           STATUS_HEADER_ROW + n_groups, col);
  chart_series_set_name_range (series, LLW_SHEET_CHARTS, STATUS_HEADER_ROW, col);
  chart_series_set_line (series, &border);
  if (col == STATUS_ON_TIME)
    chart_series_set_fill (series, &black);
  else if (col == STATUS_LATE)
    chart_series_set_pattern (series, &hatching);
  else
    chart_series_set_fill (series, &white);

  chart_series_set_labels (series);
  chart_series_set_labels_position (series, LXW_CHART_LABEL_POSITION_CENTER);
  chart_series_set_labels_font (series, col == STATUS_ON_TIME ? &white_font : &font);
}

static void
add_status_chart (Charts *c)
{
  guint n_groups = write_status_table (c);
  lxw_chart *chart;

  if (n_groups == 0)
    return;
  chart = new_chart (c, LXW_CHART_BAR_STACKED, "Tình hình gửi báo cáo theo nhóm đơn vị");
  for (lxw_col_t col = STATUS_ON_TIME; col < STATUS_N_COLUMNS; col++)
    add_status_series (c, chart, n_groups, col);
  /* Groups from the top down, in the tables' order. */
  chart_axis_set_reverse (chart->y_axis);
  chart_axis_set_crossing_max (chart->y_axis);
  chart_axis_set_name (chart->x_axis, "Số đơn vị");
  chart_axis_set_name_font (chart->x_axis, &font);
  place_chart (c, chart, 100 + 60 * n_groups);
}

/* One headline indicator, unit by unit, for the units of the district level. */
static void
add_indicator_chart (Charts            *c,
                     guint              i,
                     const LlwTableRun *run)
{
  LlwIndicator *indicator = llw_consolidation_get_indicator (c->w->data, i);
  const char *measure = llw_indicator_get_measure (indicator);
  g_autofree char *title = g_strdup_printf ("%s%s%s%s – cấp huyện",
                                            llw_indicator_get_label (indicator),
                                            measure[0] ? " (" : "", measure,
                                            measure[0] ? ")" : "");
  lxw_chart *chart = new_chart (c, LXW_CHART_BAR, title);
  lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
  lxw_chart_fill grey = { .color = 0x808080 };
  lxw_chart_line border = { .color = LXW_COLOR_BLACK, .width = 0.75 };
  guint n_units = run->last - run->first + 1;
  g_autofree char *sheet = NULL;
  lxw_col_t col;

  if (!llw_workbook_find_figure (c->w, i, &sheet, &col))
    return;
  chart_series_set_categories (series, sheet, run->first, 1, run->last, 1);
  chart_series_set_values (series, sheet, run->first, col, run->last, col);
  chart_series_set_name (series, llw_indicator_get_label (indicator));
  chart_series_set_fill (series, &grey);
  chart_series_set_line (series, &border);
  chart_series_set_labels (series);
  chart_series_set_labels_font (series, &font);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_num_format (chart->x_axis, "#,##0");
  chart_axis_set_reverse (chart->y_axis);
  chart_axis_set_crossing_max (chart->y_axis);
  place_chart (c, chart, MIN (100 + 22 * n_units, 600));
}

static void
add_indicator_charts (Charts *c)
{
  const LlwTableLayout *detail = &c->w->layouts[LLW_ANNEX_DETAIL];
  const LlwTableRun *district = NULL;
  guint n = llw_consolidation_get_n_indicators (c->w->data);

  for (guint i = 0; i < detail->runs->len; i++)
    if (g_array_index (detail->runs, LlwTableRun, i).index == LLW_UNIT_GROUP_DISTRICT)
      district = &g_array_index (detail->runs, LlwTableRun, i);

  if (district == NULL)
    return;
  if (district->last - district->first + 1 > MAX_CHARTED_UNITS)
    {
      worksheet_write_string (c->sheet, c->row++, 0,
                              "Các chỉ tiêu chính không được vẽ theo từng đơn vị cấp huyện vì "
                              "có quá nhiều đơn vị; số liệu chi tiết tại Phụ lục II.",
                              c->w->info_value);
      return;
    }
  for (guint i = 0; i < n; i++)
    if (llw_indicator_is_headline (llw_consolidation_get_indicator (c->w->data, i)))
      add_indicator_chart (c, i, district);
}

void
llw_workbook_write_charts (LlwWorkbookWriter *w,
                           lxw_worksheet     *sheet)
{
  Charts c = { w, sheet, 0 };
  g_autofree char *title = g_strdup_printf ("BIỂU ĐỒ KẾT QUẢ %s",
                                            llw_campaign_get_title (w->campaign));
  g_autofree char *upper = g_utf8_strup (title, -1);

  llw_workbook_set_column (sheet, STATUS_LABEL, 120);
  for (lxw_col_t col = STATUS_ON_TIME; col <= STATUS_MISSING; col++)
    llw_workbook_set_column (sheet, col, 84);
  llw_workbook_set_page (sheet, TRUE, 0, 0);
  worksheet_gridlines (sheet, LXW_HIDE_ALL_GRIDLINES);
  worksheet_set_row (sheet, 0, 20, NULL);
  worksheet_merge_range (sheet, 0, 0, 0, 8, upper, w->annex_title);

  add_status_chart (&c);
  add_indicator_charts (&c);
  if (c.n_breaks > 0)
    worksheet_set_h_pagebreaks (sheet, c.breaks);
}
