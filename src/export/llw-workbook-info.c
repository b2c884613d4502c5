/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-date.h"
#include "llw-workbook-private.h"

/* The "Thông tin" sheet: when, by what and from what the workbook was made. */
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
  g_autofree char *iso = llw_date_to_iso (llw_consolidation_get_date (w->data));
  g_autofree char *as_of = llw_date_format (iso);
  LlwCampaign *previous = llw_consolidation_get_previous_campaign (w->data);
  g_autofree char *compared = previous != NULL
    ? g_strdup_printf ("%d", llw_campaign_get_year (previous)) : g_strdup ("Không có");
  const char *rows[][2] = {
    { "Thời điểm xuất", exported },
    { "Chương trình", "llweek " PACKAGE_VERSION },
    { "Tuần lễ", llw_campaign_get_title (w->campaign) },
    { "Năm", year },
    { "Tình hình báo cáo tính đến ngày", as_of },
    { "Ngày của báo cáo", llw_report_document_get_date (w->document) },
    { "So sánh với năm", compared },
    { "Số đơn vị phải báo cáo", units },
    { "Số chỉ tiêu", indicators },
    { "Cơ sở dữ liệu", database },
  };

  llw_workbook_set_column (sheet, 0, 190);
  llw_workbook_set_column (sheet, 1, 270);
  llw_workbook_set_page (sheet, FALSE, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      worksheet_set_row (sheet, i, llw_workbook_text_height (w, rows[i][1], 270, 12,
                                                             LLW_TEXT_REGULAR, 6), NULL);
      worksheet_write_string (sheet, i, 0, rows[i][0], w->info_key);
      llw_workbook_write_text (w, sheet, i, 1, rows[i][1], w->info_value);
    }
}
