/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-activity.h"
#include "llw-date.h"
#include "llw-workbook-private.h"

/* Phụ lục III (who reported, when), Phụ lục IV (the activities) and the Thông tin sheet. */

#define HEADER_ROW 4

typedef struct
{
  const char *title;
  double pixels;
} Column;

static void
write_table_header (LlwWorkbookWriter *w,
                    lxw_worksheet     *sheet,
                    const Column      *columns,
                    guint              n_columns)
{
  worksheet_set_row (sheet, HEADER_ROW, 36, NULL);
  for (guint i = 0; i < n_columns; i++)
    worksheet_write_string (sheet, HEADER_ROW, i, columns[i].title, w->table_header);
}

static void
set_columns (lxw_worksheet *sheet,
             const Column  *columns,
             guint          n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    worksheet_set_column_pixels (sheet, i, i, columns[i].pixels, NULL);
}

/* Writes an ISO date as a real date, or a bordered blank. */
static void
write_date (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *iso,
            lxw_format    *format)
{
  GDate date;

  if (iso != NULL && llw_date_parse (iso, &date))
    {
      lxw_datetime datetime = {
        .year = g_date_get_year (&date),
        .month = g_date_get_month (&date),
        .day = g_date_get_day (&date),
      };

      worksheet_write_datetime (sheet, row, col, &datetime, format);
    }
  else
    worksheet_write_blank (sheet, row, col, format);
}

static char *
state_text (const LlwConsolidatedUnit *unit)
{
  switch (unit->state)
    {
    case LLW_REPORT_STATE_ON_TIME:
      return g_strdup ("Đúng hạn");
    case LLW_REPORT_STATE_LATE:
      return g_strdup_printf ("Trễ %d ngày", unit->days_late);
    case LLW_REPORT_STATE_MISSING:
    case LLW_REPORT_STATE_PENDING:
    default:
      return g_strdup ("Chưa báo cáo");
    }
}

enum { ST_TT, ST_UNIT, ST_DEADLINE, ST_RECEIVED, ST_NUMBER, ST_STATE, ST_THEME, ST_N_COLUMNS };

static const Column status_columns[] = {
  { "TT", 36 }, { "Đơn vị", 230 }, { "Hạn báo cáo", 90 }, { "Ngày nhận", 90 },
  { "Số văn bản", 120 }, { "Tình trạng", 100 }, { "Chủ đề đã chọn", 300 },
};
G_STATIC_ASSERT (G_N_ELEMENTS (status_columns) == ST_N_COLUMNS);

static void
write_status_unit (LlwWorkbookWriter         *w,
                   lxw_worksheet             *sheet,
                   lxw_row_t                  row,
                   guint                      number,
                   const LlwConsolidatedUnit *unit)
{
  g_autofree char *state = state_text (unit);
  double height = MAX (llw_workbook_text_height (unit->name, 230, 12, FALSE, 5),
                       llw_workbook_text_height (unit->theme_title, 300, 12, FALSE, 5));

  worksheet_set_row (sheet, row, height, NULL);
  worksheet_write_number (sheet, row, ST_TT, number, w->cell.center);
  llw_workbook_write_text (w, sheet, row, ST_UNIT, unit->name, w->cell.text);
  write_date (sheet, row, ST_DEADLINE, unit->deadline, w->cell.date);
  write_date (sheet, row, ST_RECEIVED, unit->received_date, w->cell.date);
  /* Always text: a document number such as "=1+2" must never become a formula. */
  llw_workbook_write_text (w, sheet, row, ST_NUMBER, unit->document_number, w->cell.center);
  worksheet_write_string (sheet, row, ST_STATE, state, w->cell.center);
  llw_workbook_write_text (w, sheet, row, ST_THEME, unit->theme_title, w->cell.text);
}

static void
write_bold_row (LlwWorkbookWriter *w,
                lxw_worksheet     *sheet,
                lxw_row_t          row,
                const char        *tt,
                const char        *label,
                lxw_col_t          last_col)
{
  worksheet_set_row (sheet, row, 20, NULL);
  worksheet_write_string (sheet, row, 0, tt, w->bold.center);
  worksheet_write_string (sheet, row, 1, label, w->bold.text);
  for (lxw_col_t col = 2; col <= last_col; col++)
    worksheet_write_blank (sheet, row, col, w->bold.text);
}

/* The last row counts the received reports with a formula over the dates of Ngày nhận. */
static void
write_status_total (LlwWorkbookWriter *w,
                    lxw_worksheet     *sheet,
                    lxw_row_t          row,
                    GString           *ranges)
{
  const LlwReportCounts *all = &llw_consolidation_get_summary (w->data)->all;
  g_autofree char *formula = g_strdup_printf ("=COUNT(%s)", ranges->str);
  g_autofree char *states = g_strdup_printf ("Đúng hạn: %u; trễ hạn: %u; chưa báo cáo: %u",
                                             all->on_time, all->late,
                                             all->missing + all->pending);
  g_autofree char *label = g_strdup_printf ("Tổng cộng: %u đơn vị", all->expected);

  write_bold_row (w, sheet, row, "", label, ST_N_COLUMNS - 1);
  worksheet_set_row (sheet, row, 36, NULL);
  if (ranges->len > 0)
    worksheet_write_formula_num (sheet, row, ST_RECEIVED, formula, w->bold.number[0],
                                 all->received);
  else
    worksheet_write_number (sheet, row, ST_RECEIVED, 0, w->bold.number[0]);
  worksheet_write_string (sheet, row, ST_STATE, states, w->bold.center);
}

void
llw_workbook_write_statuses (LlwWorkbookWriter *w,
                             lxw_worksheet     *sheet)
{
  LlwConsolidation *data = w->data;
  g_autoptr(GString) ranges = g_string_new (NULL);
  lxw_row_t row = HEADER_ROW + 1;
  guint number = 0;

  set_columns (sheet, status_columns, ST_N_COLUMNS);
  llw_workbook_set_page (sheet, TRUE, HEADER_ROW, HEADER_ROW);
  worksheet_freeze_panes (sheet, HEADER_ROW + 1, 0);
  llw_workbook_write_annex_title (w, sheet, ST_N_COLUMNS - 1, "Phụ lục III",
                                  "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ");
  write_table_header (w, sheet, status_columns, ST_N_COLUMNS);

  for (LlwUnitGroup group = 0; group < LLW_N_GROUPS; group++)
    {
      guint first;
      guint n = llw_consolidation_get_group_range (data, group, &first);
      char range[LXW_MAX_CELL_RANGE_LENGTH];

      if (n == 0)
        continue;
      write_bold_row (w, sheet, row++, llw_workbook_roman (++number),
                      llw_workbook_group_label (group), ST_N_COLUMNS - 1);
      lxw_rowcol_to_range (range, row, ST_RECEIVED, row + n - 1, ST_RECEIVED);
      g_string_append_printf (ranges, "%s%s", ranges->len > 0 ? "," : "", range);
      for (guint u = 0; u < n; u++)
        write_status_unit (w, sheet, row++, u + 1, llw_consolidation_get_unit (data, first + u));
    }
  write_status_total (w, sheet, row, ranges);
}

enum {
  AC_TT, AC_UNIT, AC_TITLE, AC_KIND, AC_THEME, AC_START, AC_END, AC_FORM, AC_WHERE,
  AC_PARTICIPANTS, AC_N_COLUMNS
};

static const Column activity_columns[] = {
  { "TT", 36 }, { "Đơn vị", 170 }, { "Hoạt động", 230 }, { "Loại hoạt động", 150 },
  { "Chủ đề", 200 }, { "Từ ngày", 84 }, { "Đến ngày", 84 }, { "Hình thức", 84 },
  { "Nền tảng, địa điểm", 150 }, { "Số người tham gia", 90 },
};
G_STATIC_ASSERT (G_N_ELEMENTS (activity_columns) == AC_N_COLUMNS);

static const char *
form_text (LlwActivityForm form)
{
  switch (form)
    {
    case LLW_ACTIVITY_FORM_ONLINE:
      return "Trực tuyến";
    case LLW_ACTIVITY_FORM_MIXED:
      return "Trực tiếp và trực tuyến";
    case LLW_ACTIVITY_FORM_IN_PERSON:
    default:
      return "Trực tiếp";
    }
}

static double
activity_height (LlwActivity *activity,
                 const char  *where)
{
  const char *texts[] = {
    llw_activity_get_unit_name (activity), llw_activity_get_title (activity),
    llw_activity_get_kind_title (activity), llw_activity_get_theme_title (activity), where,
  };
  const int columns[] = { AC_UNIT, AC_TITLE, AC_KIND, AC_THEME, AC_WHERE };
  double height = 20;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    height = MAX (height, llw_workbook_text_height (texts[i], activity_columns[columns[i]].pixels,
                                                    12, FALSE, 5));
  return height;
}

static gint64
write_activity (LlwWorkbookWriter *w,
                lxw_worksheet     *sheet,
                lxw_row_t          row,
                guint              number,
                LlwActivity       *activity)
{
  const char *platform = llw_activity_get_platform (activity);
  const char *place = llw_activity_get_place (activity);
  g_autofree char *where = g_strjoin (platform[0] && place[0] ? "; " : "", platform, place, NULL);
  gint64 participants = llw_activity_get_participants (activity);

  worksheet_set_row (sheet, row, activity_height (activity, where), NULL);
  worksheet_write_number (sheet, row, AC_TT, number, w->cell.center);
  llw_workbook_write_text (w, sheet, row, AC_UNIT, llw_activity_get_unit_name (activity),
                           w->cell.text);
  llw_workbook_write_text (w, sheet, row, AC_TITLE, llw_activity_get_title (activity),
                           w->cell.text);
  llw_workbook_write_text (w, sheet, row, AC_KIND, llw_activity_get_kind_title (activity),
                           w->cell.text);
  llw_workbook_write_text (w, sheet, row, AC_THEME, llw_activity_get_theme_title (activity),
                           w->cell.text);
  write_date (sheet, row, AC_START, llw_activity_get_start_date (activity), w->cell.date);
  write_date (sheet, row, AC_END, llw_activity_get_end_date (activity), w->cell.date);
  worksheet_write_string (sheet, row, AC_FORM, form_text (llw_activity_get_form (activity)),
                          w->cell.center);
  llw_workbook_write_text (w, sheet, row, AC_WHERE, where, w->cell.text);
  /* -1: not known, which is not 0. */
  if (participants >= 0)
    worksheet_write_number (sheet, row, AC_PARTICIPANTS, participants, w->cell.number[0]);
  else
    worksheet_write_blank (sheet, row, AC_PARTICIPANTS, w->cell.number[0]);

  return MAX (participants, 0);
}

void
llw_workbook_write_activities (LlwWorkbookWriter *w,
                               lxw_worksheet     *sheet)
{
  GListModel *activities = llw_consolidation_get_activities (w->data);
  guint n = g_list_model_get_n_items (activities);
  lxw_row_t row = HEADER_ROW + 1;
  gint64 participants = 0;
  char range[LXW_MAX_CELL_RANGE_LENGTH];
  g_autofree char *formula = NULL;

  set_columns (sheet, activity_columns, AC_N_COLUMNS);
  llw_workbook_set_page (sheet, TRUE, HEADER_ROW, HEADER_ROW);
  worksheet_freeze_panes (sheet, HEADER_ROW + 1, 0);
  llw_workbook_write_annex_title (w, sheet, AC_N_COLUMNS - 1, "Phụ lục IV",
                                  "CÁC HOẠT ĐỘNG HƯỞNG ỨNG TUẦN LỄ ĐÃ TỔ CHỨC");
  write_table_header (w, sheet, activity_columns, AC_N_COLUMNS);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlwActivity) activity = g_list_model_get_item (activities, i);

      participants += write_activity (w, sheet, row++, i + 1, activity);
    }

  write_bold_row (w, sheet, row, "", "Tổng cộng", AC_N_COLUMNS - 1);
  if (n == 0)
    {
      worksheet_write_number (sheet, row, AC_PARTICIPANTS, 0, w->bold.number[0]);
      return;
    }
  lxw_rowcol_to_range (range, HEADER_ROW + 1, AC_PARTICIPANTS, row - 1, AC_PARTICIPANTS);
  formula = g_strdup_printf ("=SUM(%s)", range);
  worksheet_write_formula_num (sheet, row, AC_PARTICIPANTS, formula, w->bold.number[0],
                               participants);
}

/* When, by what and from what the workbook was made. */
void
llw_workbook_write_info (LlwWorkbookWriter *w,
                         lxw_worksheet     *sheet)
{
  const LlwReportSummary *summary = llw_consolidation_get_summary (w->data);
  g_autofree char *exported = g_date_time_format (w->exported_at, "%d/%m/%Y %H:%M");
  g_autofree char *year = g_strdup_printf ("%d", llw_campaign_get_year (w->campaign));
  g_autofree char *units = g_strdup_printf ("%u", summary->all.expected);
  g_autofree char *indicators = g_strdup_printf ("%u",
                                                 llw_consolidation_get_n_indicators (w->data));
  g_autofree char *database =
    g_filename_display_name (llw_consolidation_get_database_path (w->data));
  const char *rows[][2] = {
    { "Thời điểm xuất", exported },
    { "Chương trình", "llweek " PACKAGE_VERSION },
    { "Tuần lễ", llw_campaign_get_title (w->campaign) },
    { "Năm", year },
    { "Tình hình báo cáo tính đến ngày", w->report_date },
    { "Số đơn vị phải báo cáo", units },
    { "Số chỉ tiêu", indicators },
    { "Cơ sở dữ liệu", database },
  };

  worksheet_set_column_pixels (sheet, 0, 0, 260, NULL);
  worksheet_set_column_pixels (sheet, 1, 1, 520, NULL);
  llw_workbook_set_page (sheet, FALSE, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      worksheet_set_row (sheet, i, llw_workbook_text_height (rows[i][1], 520, 12, FALSE, 6), NULL);
      worksheet_write_string (sheet, i, 0, rows[i][0], w->info_key);
      llw_workbook_write_text (w, sheet, i, 1, rows[i][1], w->info_value);
    }
}
