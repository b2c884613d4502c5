/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-workbook-private.h"

/* Phụ lục I (totals per indicator) and Phụ lục II (every unit's figures). Phụ lục II sums
 * its units per group and the groups into Tổng cộng; Phụ lục I refers to those subtotals, so
 * that a figure corrected in Phụ lục II flows through. Every formula is written with the
 * value it computes, for viewers that do not recalculate. */

#define DETAIL_HEADER_ROW 4
#define DETAIL_FIRST_ROW 6
#define COL_FIRST_VALUE 2

#define SUMMARY_HEADER_ROW 4

static gboolean
has_group (LlwWorkbookWriter *w,
           LlwUnitGroup       group)
{
  return w->detail.group_row[group] != 0;
}

static lxw_format *
number_format (LlwCellFormats *cells,
               LlwIndicator   *indicator)
{
  return cells->number[CLAMP (llw_indicator_get_decimals (indicator), 0, 2)];
}

/* Returns: "'Phụ lục II – Chi tiết'!C8:C22" for the units of @group in column @col. */
static char *
detail_units_range (LlwWorkbookWriter *w,
                    LlwUnitGroup       group,
                    lxw_col_t          col)
{
  char range[LXW_MAX_CELL_RANGE_LENGTH];
  guint first;
  guint n = llw_consolidation_get_group_range (w->data, group, &first);
  lxw_row_t row = w->detail.first_unit_row[group];

  lxw_rowcol_to_range (range, row, col, row + n - 1, col);
  return g_strdup (range);
}

void
llw_workbook_plan_detail (LlwWorkbookWriter *w)
{
  lxw_row_t row = DETAIL_FIRST_ROW;

  w->detail.header_row = DETAIL_HEADER_ROW;
  for (LlwUnitGroup group = 0; group < LLW_N_GROUPS; group++)
    {
      guint first;
      guint n = llw_consolidation_get_group_range (w->data, group, &first);

      if (n == 0)
        continue;
      w->detail.group_row[group] = row;
      w->detail.first_unit_row[group] = row + 1;
      row += n + 1;
    }
  w->detail.total_row = row;
}

/* Column widths follow the largest figure of each indicator, its overall total. */
static double
value_column_pixels (LlwConsolidation *data,
                     guint             indicator)
{
  LlwIndicatorTotal total = llw_consolidation_get_overall_total (data, indicator);
  int decimals = llw_indicator_get_decimals (llw_consolidation_get_indicator (data, indicator));
  g_autofree char *text = llw_workbook_format_number (total.sum, 0);

  return MAX (72, (strlen (text) + (decimals > 0 ? decimals + 1 : 0) + 4) * 8.5);
}

/* The first header row is as tall as the longest group title over its columns. */
static double
group_heading_height (LlwConsolidation *data)
{
  guint n = llw_consolidation_get_n_indicators (data);
  double height = 20, pixels = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *group = llw_indicator_get_group_title (llw_consolidation_get_indicator (data, i));

      pixels += value_column_pixels (data, i);
      if (i + 1 < n &&
          g_str_equal (group, llw_indicator_get_group_title (llw_consolidation_get_indicator (data,
                                                                                       i + 1))))
        continue;
      height = MAX (height, llw_workbook_text_height (group, pixels, 12, TRUE, 6));
      pixels = 0;
    }
  return height;
}

static char *
indicator_heading (LlwIndicator *indicator)
{
  const char *measure = llw_indicator_get_measure (indicator);

  return measure[0] ? g_strdup_printf ("%s (%s)", llw_indicator_get_label (indicator), measure)
                    : g_strdup (llw_indicator_get_label (indicator));
}

/* Two header rows: the indicator groups, then each indicator with its measure; TT, Đơn vị and
 * Ghi chú span both. In constant-memory mode a row is final once a later one is written, so
 * the first row is filled before the merges that reach into the second. */
static void
write_detail_header (LlwWorkbookWriter *w,
                     lxw_worksheet     *sheet,
                     lxw_col_t          note_col)
{
  LlwConsolidation *data = w->data;
  guint n = llw_consolidation_get_n_indicators (data);
  lxw_row_t top = DETAIL_HEADER_ROW;
  double height = 30;

  worksheet_set_row (sheet, top, group_heading_height (data), NULL);
  worksheet_write_string (sheet, top, 0, "TT", w->table_header);
  worksheet_write_string (sheet, top, 1, "Đơn vị", w->table_header);
  worksheet_write_string (sheet, top, note_col, "Ghi chú", w->table_header);
  for (guint i = 0, first = 0; i < n; i++)
    {
      const char *group = llw_indicator_get_group_title (llw_consolidation_get_indicator (data, i));

      if (i + 1 < n &&
          g_str_equal (group, llw_indicator_get_group_title (llw_consolidation_get_indicator (data,
                                                                                       i + 1))))
        continue;
      if (i > first)
        llw_workbook_merge_text (w, sheet, top, COL_FIRST_VALUE + first, top, COL_FIRST_VALUE + i,
                                 group, w->table_header);
      else
        llw_workbook_write_text (w, sheet, top, COL_FIRST_VALUE + i, group, w->table_header);
      first = i + 1;
    }
  worksheet_merge_range (sheet, top, 0, top + 1, 0, "TT", w->table_header);
  worksheet_merge_range (sheet, top, 1, top + 1, 1, "Đơn vị", w->table_header);
  worksheet_merge_range (sheet, top, note_col, top + 1, note_col, "Ghi chú", w->table_header);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *heading = indicator_heading (llw_consolidation_get_indicator (data, i));

      height = MAX (height, llw_workbook_text_height (heading, value_column_pixels (data, i),
                                                      12, TRUE, 6));
    }
  worksheet_set_row (sheet, top + 1, height, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *heading = indicator_heading (llw_consolidation_get_indicator (data, i));

      llw_workbook_write_text (w, sheet, top + 1, COL_FIRST_VALUE + i, heading, w->table_header);
    }
}

/* A group's row carries its subtotals: SUM over its units. */
static void
write_detail_group (LlwWorkbookWriter *w,
                    lxw_worksheet     *sheet,
                    LlwUnitGroup       group,
                    guint              number,
                    lxw_col_t          note_col)
{
  LlwConsolidation *data = w->data;
  const LlwReportCounts *counts = &llw_consolidation_get_summary (data)->groups[group];
  lxw_row_t row = w->detail.group_row[group];
  g_autofree char *note = g_strdup_printf ("Đã báo cáo: %u/%u", counts->received,
                                           counts->expected);

  worksheet_set_row (sheet, row, 20, NULL);
  worksheet_write_string (sheet, row, 0, llw_workbook_roman (number), w->bold.center);
  worksheet_write_string (sheet, row, 1, llw_workbook_group_label (group), w->bold.text);
  for (guint i = 0; i < llw_consolidation_get_n_indicators (data); i++)
    {
      g_autofree char *range = detail_units_range (w, group, COL_FIRST_VALUE + i);
      g_autofree char *formula = g_strdup_printf ("=SUM(%s)", range);

      worksheet_write_formula_num (sheet, row, COL_FIRST_VALUE + i, formula,
                                   number_format (&w->bold,
                                                  llw_consolidation_get_indicator (data, i)),
                                   llw_consolidation_get_total (data, i, group).sum);
    }
  worksheet_write_string (sheet, row, note_col, note, w->bold.text);
}

static void
write_detail_units (LlwWorkbookWriter *w,
                    lxw_worksheet     *sheet,
                    LlwUnitGroup       group,
                    lxw_col_t          note_col)
{
  LlwConsolidation *data = w->data;
  guint n_indicators = llw_consolidation_get_n_indicators (data);
  g_autofree lxw_format **formats = g_new (lxw_format *, MAX (n_indicators, 1));
  lxw_row_t row = w->detail.first_unit_row[group];
  guint first;
  guint n = llw_consolidation_get_group_range (data, group, &first);

  for (guint i = 0; i < n_indicators; i++)
    formats[i] = number_format (&w->cell, llw_consolidation_get_indicator (data, i));

  for (guint u = first; u < first + n; u++, row++)
    {
      const LlwConsolidatedUnit *unit = llw_consolidation_get_unit (data, u);
      double height = llw_workbook_text_height (unit->name, 200, 12, FALSE, 5);

      worksheet_set_row (sheet, row, height, NULL);
      worksheet_write_number (sheet, row, 0, u - first + 1, w->cell.center);
      llw_workbook_write_text (w, sheet, row, 1, unit->name, w->cell.text);
      for (guint i = 0; i < n_indicators; i++)
        {
          double value;

          /* Not reported stays empty, which is not 0. */
          if (llw_consolidation_get_value (data, u, i, &value))
            worksheet_write_number (sheet, row, COL_FIRST_VALUE + i, value, formats[i]);
          else
            worksheet_write_blank (sheet, row, COL_FIRST_VALUE + i, formats[i]);
        }
      if (unit->received_date == NULL)
        worksheet_write_string (sheet, row, note_col, "Chưa báo cáo", w->cell.text);
      else
        worksheet_write_blank (sheet, row, note_col, w->cell.text);
    }
}

static void
write_detail_total (LlwWorkbookWriter *w,
                    lxw_worksheet     *sheet,
                    lxw_col_t          note_col)
{
  LlwConsolidation *data = w->data;
  const LlwReportCounts *all = &llw_consolidation_get_summary (data)->all;
  lxw_row_t row = w->detail.total_row;
  g_autofree char *note = g_strdup_printf ("Đã báo cáo: %u/%u", all->received, all->expected);

  worksheet_set_row (sheet, row, 20, NULL);
  worksheet_write_blank (sheet, row, 0, w->bold.center);
  worksheet_write_string (sheet, row, 1, "Tổng cộng", w->bold.text);
  for (guint i = 0; i < llw_consolidation_get_n_indicators (data); i++)
    {
      g_autoptr(GString) formula = g_string_new ("=SUM(");
      lxw_format *format = number_format (&w->bold, llw_consolidation_get_indicator (data, i));

      for (LlwUnitGroup group = 0; group < LLW_N_GROUPS; group++)
        {
          char cell[LXW_MAX_CELL_NAME_LENGTH];

          if (!has_group (w, group))
            continue;
          lxw_rowcol_to_cell (cell, w->detail.group_row[group], COL_FIRST_VALUE + i);
          g_string_append_printf (formula, "%s%s", formula->len > 5 ? "," : "", cell);
        }
      g_string_append_c (formula, ')');
      if (formula->len > strlen ("=SUM()"))
        worksheet_write_formula_num (sheet, row, COL_FIRST_VALUE + i, formula->str, format,
                                     llw_consolidation_get_overall_total (data, i).sum);
      else
        worksheet_write_number (sheet, row, COL_FIRST_VALUE + i, 0, format);
    }
  worksheet_write_string (sheet, row, note_col, note, w->bold.text);
}

void
llw_workbook_write_detail (LlwWorkbookWriter *w,
                           lxw_worksheet     *sheet)
{
  LlwConsolidation *data = w->data;
  guint n = llw_consolidation_get_n_indicators (data);
  lxw_col_t note_col = COL_FIRST_VALUE + n;
  guint number = 0;

  worksheet_set_column_pixels (sheet, 0, 0, 36, NULL);
  worksheet_set_column_pixels (sheet, 1, 1, 200, NULL);
  for (guint i = 0; i < n; i++)
    worksheet_set_column_pixels (sheet, COL_FIRST_VALUE + i, COL_FIRST_VALUE + i,
                                 value_column_pixels (data, i), NULL);
  worksheet_set_column_pixels (sheet, note_col, note_col, 140, NULL);
  llw_workbook_set_page (sheet, TRUE, DETAIL_HEADER_ROW, DETAIL_HEADER_ROW + 1);
  worksheet_freeze_panes (sheet, DETAIL_FIRST_ROW, COL_FIRST_VALUE);

  llw_workbook_write_annex_title (w, sheet, note_col, "Phụ lục II",
                                  "KẾT QUẢ CHI TIẾT CỦA CÁC ĐƠN VỊ");
  write_detail_header (w, sheet, note_col);
  for (LlwUnitGroup group = 0; group < LLW_N_GROUPS; group++)
    {
      if (!has_group (w, group))
        continue;
      write_detail_group (w, sheet, group, ++number, note_col);
      write_detail_units (w, sheet, group, note_col);
    }
  write_detail_total (w, sheet, note_col);
}

/* Phụ lục I: one row per indicator under its group, with the subtotals of Phụ lục II, their
 * sum, and how many units reported the indicator. */

enum { SUMMARY_TT, SUMMARY_LABEL, SUMMARY_MEASURE, SUMMARY_FIRST_GROUP };

static guint
summary_groups (LlwWorkbookWriter *w,
                LlwUnitGroup      *groups)
{
  const LlwReportSummary *summary = llw_consolidation_get_summary (w->data);
  guint n = 0;

  /* District and provincial levels always have their column; others only when there are. */
  for (LlwUnitGroup group = 0; group < LLW_N_GROUPS; group++)
    if (group != LLW_UNIT_GROUP_OTHER || summary->groups[group].expected > 0)
      groups[n++] = group;
  return n;
}

static void
write_summary_header (LlwWorkbookWriter  *w,
                      lxw_worksheet      *sheet,
                      const LlwUnitGroup *groups,
                      guint               n_groups)
{
  lxw_col_t col = SUMMARY_FIRST_GROUP;

  worksheet_set_row (sheet, SUMMARY_HEADER_ROW, 36, NULL);
  worksheet_write_string (sheet, SUMMARY_HEADER_ROW, SUMMARY_TT, "TT", w->table_header);
  worksheet_write_string (sheet, SUMMARY_HEADER_ROW, SUMMARY_LABEL, "Nội dung", w->table_header);
  worksheet_write_string (sheet, SUMMARY_HEADER_ROW, SUMMARY_MEASURE, "Đơn vị tính",
                          w->table_header);
  for (guint g = 0; g < n_groups; g++)
    worksheet_write_string (sheet, SUMMARY_HEADER_ROW, col++, llw_workbook_group_label (groups[g]),
                            w->table_header);
  worksheet_write_string (sheet, SUMMARY_HEADER_ROW, col++, "Tổng cộng", w->table_header);
  worksheet_write_string (sheet, SUMMARY_HEADER_ROW, col, "Số đơn vị báo cáo", w->table_header);
}

static void
write_summary_group (LlwWorkbookWriter *w,
                     lxw_worksheet     *sheet,
                     lxw_row_t          row,
                     guint              number,
                     const char        *title,
                     lxw_col_t          last_col)
{
  worksheet_set_row (sheet, row, llw_workbook_text_height (title, 330, 12, TRUE, 6), NULL);
  worksheet_write_string (sheet, row, SUMMARY_TT, llw_workbook_roman (number), w->bold.center);
  llw_workbook_write_text (w, sheet, row, SUMMARY_LABEL, llw_workbook_strip_numbering (title),
                           w->bold.text);
  for (lxw_col_t col = SUMMARY_MEASURE; col <= last_col; col++)
    worksheet_write_blank (sheet, row, col, w->bold.text);
}

/* Returns: "COUNT('Phụ lục II – Chi tiết'!C8:C22,…)" over every unit row of Phụ lục II. */
static char *
count_formula (LlwWorkbookWriter *w,
               guint              indicator)
{
  g_autoptr(GString) formula = g_string_new ("=COUNT(");

  for (LlwUnitGroup group = 0; group < LLW_N_GROUPS; group++)
    {
      g_autofree char *range = NULL;

      if (!has_group (w, group))
        continue;
      range = detail_units_range (w, group, COL_FIRST_VALUE + indicator);
      g_string_append_printf (formula, "%s'%s'!%s", formula->len > 7 ? "," : "",
                              LLW_SHEET_DETAIL, range);
    }
  g_string_append_c (formula, ')');
  return g_string_free (g_steal_pointer (&formula), FALSE);
}

static void
write_summary_indicator (LlwWorkbookWriter  *w,
                         lxw_worksheet      *sheet,
                         lxw_row_t          row,
                         guint               number,
                         guint               i,
                         const LlwUnitGroup *groups,
                         guint               n_groups)
{
  LlwIndicator *indicator = llw_consolidation_get_indicator (w->data, i);
  lxw_format *format = number_format (&w->cell, indicator);
  lxw_col_t col = SUMMARY_FIRST_GROUP;
  LlwIndicatorTotal all = llw_consolidation_get_overall_total (w->data, i);
  char first[LXW_MAX_CELL_NAME_LENGTH], last[LXW_MAX_CELL_NAME_LENGTH];
  g_autofree char *sum = NULL;
  g_autofree char *count = count_formula (w, i);

  worksheet_set_row (sheet, row, llw_workbook_text_height (llw_indicator_get_label (indicator),
                                                           330, 12, FALSE, 6), NULL);
  worksheet_write_number (sheet, row, SUMMARY_TT, number, w->cell.center);
  llw_workbook_write_text (w, sheet, row, SUMMARY_LABEL, llw_indicator_get_label (indicator),
                           w->cell.text);
  llw_workbook_write_text (w, sheet, row, SUMMARY_MEASURE, llw_indicator_get_measure (indicator),
                           w->cell.center);
  for (guint g = 0; g < n_groups; g++, col++)
    {
      char cell[LXW_MAX_CELL_NAME_LENGTH];
      g_autofree char *formula = NULL;

      if (!has_group (w, groups[g]))
        {
          worksheet_write_number (sheet, row, col, 0, format);
          continue;
        }
      lxw_rowcol_to_cell (cell, w->detail.group_row[groups[g]], COL_FIRST_VALUE + i);
      formula = g_strdup_printf ("='%s'!%s", LLW_SHEET_DETAIL, cell);
      worksheet_write_formula_num (sheet, row, col, formula, format,
                                   llw_consolidation_get_total (w->data, i, groups[g]).sum);
    }
  lxw_rowcol_to_cell (first, row, SUMMARY_FIRST_GROUP);
  lxw_rowcol_to_cell (last, row, col - 1);
  sum = g_strdup_printf ("=SUM(%s:%s)", first, last);
  worksheet_write_formula_num (sheet, row, col++, sum, format, all.sum);
  if (strlen (count) > strlen ("=COUNT()"))
    worksheet_write_formula_num (sheet, row, col, count, w->cell.number[0], all.count);
  else
    worksheet_write_number (sheet, row, col, 0, w->cell.number[0]);
}

void
llw_workbook_write_summary (LlwWorkbookWriter *w,
                            lxw_worksheet     *sheet)
{
  LlwConsolidation *data = w->data;
  LlwUnitGroup groups[LLW_N_GROUPS];
  guint n_groups = summary_groups (w, groups);
  lxw_col_t last_col = SUMMARY_FIRST_GROUP + n_groups + 1;
  g_autofree char *title = g_strdup_printf ("TỔNG HỢP KẾT QUẢ %s",
                                            llw_campaign_get_title (w->campaign));
  g_autofree char *upper = g_utf8_strup (title, -1);
  lxw_row_t row = SUMMARY_HEADER_ROW + 1;
  guint n_groups_seen = 0, number = 0;

  worksheet_set_column_pixels (sheet, SUMMARY_TT, SUMMARY_TT, 40, NULL);
  worksheet_set_column_pixels (sheet, SUMMARY_LABEL, SUMMARY_LABEL, 330, NULL);
  worksheet_set_column_pixels (sheet, SUMMARY_MEASURE, SUMMARY_MEASURE, 90, NULL);
  worksheet_set_column_pixels (sheet, SUMMARY_FIRST_GROUP, last_col - 1, 100, NULL);
  worksheet_set_column_pixels (sheet, last_col, last_col, 90, NULL);
  llw_workbook_set_page (sheet, TRUE, SUMMARY_HEADER_ROW, SUMMARY_HEADER_ROW);
  worksheet_freeze_panes (sheet, SUMMARY_HEADER_ROW + 1, 0);

  llw_workbook_write_annex_title (w, sheet, last_col, "Phụ lục I", upper);
  write_summary_header (w, sheet, groups, n_groups);
  for (guint i = 0; i < llw_consolidation_get_n_indicators (data); i++)
    {
      const char *group = llw_indicator_get_group_title (llw_consolidation_get_indicator (data, i));

      if (i == 0 ||
          !g_str_equal (group, llw_indicator_get_group_title (llw_consolidation_get_indicator (data,
                                                                                        i - 1))))
        {
          write_summary_group (w, sheet, row++, ++n_groups_seen, group, last_col);
          number = 0;
        }
      write_summary_indicator (w, sheet, row++, ++number, i, groups, n_groups);
    }
}
