/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-date.h"
#include "llw-figures.h"
#include "llw-form-layout.h"
#include "llw-form-writer-private.h"
#include "llw-indicator.h"
#include "llw-workbook-private.h"

/* The sheets a unit fills in: Báo cáo (the report: who, when, the figures, the narrative),
 * Hoạt động (one row per activity) and Hướng dẫn (how to fill them in). */

enum { COL_CODE, COL_LABEL, COL_MEASURE, COL_INPUT };

/* Column widths in points: the page's width of text, 165 mm, between Decree 30's margins. */
static const double report_points[] = { 39, 268.5, 75, 85.5 };
#define REPORT_POINTS 468.0
#define LABEL_POINTS 307.5

typedef struct
{
  LlwFormWriter *w;
  lxw_worksheet *sheet;
  lxw_row_t row;
} Sheet;

static const char *
prefill_field (LlwFormWriter *w,
               const char    *key)
{
  LlwReportInput *prefill = w->unit->prefill;

  return prefill != NULL ? g_hash_table_lookup (prefill->fields, key) : NULL;
}

/* Writes @text across the whole width of the Báo cáo sheet, on a row as tall as it needs. */
static void
write_line (Sheet        *s,
            const char   *text,
            lxw_format   *format,
            double        size,
            LlwTextStyle  style)
{
  worksheet_set_row (s->sheet, s->row,
                     llw_form_writer_text_height (s->w, text, REPORT_POINTS, size, style, 5),
                     NULL);
  worksheet_merge_range (s->sheet, s->row, COL_CODE, s->row, COL_INPUT, text, format);
  s->row++;
}

static void
write_header (Sheet *s)
{
  LlwFormWriter *w = s->w;
  LlwCampaign *campaign = w->catalogue->campaign;
  g_autofree char *deadline = llw_date_format (w->unit->deadline);
  g_autofree char *unit = g_strdup_printf ("Đơn vị báo cáo: %s", w->unit->unit_name);
  g_autofree char *due = g_strdup_printf ("Hạn gửi báo cáo: chậm nhất ngày %s", deadline);
  g_autofree char *to = g_strdup_printf ("Gửi về: %s, %s",
                                         llw_campaign_get_text (campaign,
                                                                LLW_CAMPAIGN_OFFICE_NAME),
                                         llw_campaign_get_text (campaign,
                                                                LLW_CAMPAIGN_OFFICE_PARENT));
  g_autofree char *address = g_strdup_printf ("Địa chỉ: %s; điện thoại: %s",
                                              llw_campaign_get_text (campaign,
                                                                     LLW_CAMPAIGN_OFFICE_ADDRESS),
                                              llw_campaign_get_text (campaign,
                                                                     LLW_CAMPAIGN_OFFICE_PHONE));
  g_autofree char *email = g_strdup_printf ("Thư điện tử: %s",
                                            llw_campaign_get_text (campaign,
                                                                   LLW_CAMPAIGN_OFFICE_EMAIL));

  worksheet_merge_range (s->sheet, 0, COL_CODE, 0, COL_LABEL,
                         llw_campaign_get_text (campaign, LLW_CAMPAIGN_REPORT_PARENT_BODY),
                         w->body);
  worksheet_merge_range (s->sheet, 1, COL_CODE, 1, COL_LABEL,
                         llw_campaign_get_text (campaign, LLW_CAMPAIGN_REPORT_ISSUING_BODY),
                         w->body_bold);
  s->row = 3;
  write_line (s, "PHIẾU BÁO CÁO KẾT QUẢ", w->title, 14, LLW_TEXT_BOLD);
  write_line (s, llw_campaign_get_title (campaign), w->title, 14, LLW_TEXT_BOLD);
  s->row++;
  write_line (s, unit, w->line_bold, 12, LLW_TEXT_BOLD);
  write_line (s, due, w->line, 12, LLW_TEXT_REGULAR);
  write_line (s, to, w->line, 12, LLW_TEXT_REGULAR);
  write_line (s, address, w->line, 12, LLW_TEXT_REGULAR);
  write_line (s, email, w->line, 12, LLW_TEXT_REGULAR);
  write_line (s, "Đơn vị điền vào các ô nền vàng (xem trang “Hướng dẫn”), lưu lại dưới dạng "
                 "tệp Excel (.xlsx) và gửi lại tệp này.", w->note, 12, LLW_TEXT_ITALIC);
  s->row++;
}

/* A labelled input across the input columns, named @name. */
static void
write_input_row (Sheet      *s,
                 const char *label,
                 const char *name,
                 const char *value,
                 lxw_format *format,
                 double      height)
{
  LlwFormWriter *w = s->w;

  worksheet_set_row (s->sheet, s->row,
                     MAX (height, llw_form_writer_text_height (w, label, LABEL_POINTS, 12,
                                                               LLW_TEXT_REGULAR, 6)),
                     NULL);
  worksheet_merge_range (s->sheet, s->row, COL_CODE, s->row, COL_LABEL, label, w->label);
  worksheet_merge_range (s->sheet, s->row, COL_MEASURE, s->row, COL_INPUT, "", format);
  if (format == w->input_date)
    llw_form_writer_write_date (s->sheet, s->row, COL_MEASURE, value, format);
  else if (value != NULL && *value != '\0')
    worksheet_write_string (s->sheet, s->row, COL_MEASURE, value, format);
  llw_form_writer_define_name (w, name, LLW_FORM_SHEET_REPORT, s->row, COL_MEASURE, s->row);
  s->row++;
}

static void
validate_theme (lxw_worksheet *sheet,
                lxw_row_t      row,
                lxw_col_t      col,
                lxw_row_t      last_row)
{
  lxw_data_validation validation = {
    .validate = LXW_VALIDATION_TYPE_LIST_FORMULA,
    .value_formula = "=" LLW_FORM_NAME_THEMES,
    .error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION,
    .input_title = "Chủ đề",
    .input_message = "Chọn một chủ đề trong danh sách, hoặc ghi chủ đề riêng của đơn vị.",
    .error_title = "Chủ đề riêng",
    .error_message = "Chủ đề này không có trong danh sách: sẽ được ghi nhận là chủ đề riêng "
                     "của đơn vị.",
  };

  worksheet_data_validation_range (sheet, row, col, last_row, col, &validation);
}

static void
validate_date (lxw_worksheet *sheet,
               lxw_row_t      row,
               lxw_col_t      col,
               lxw_row_t      last_row,
               const char    *first_iso,
               const char    *last_iso)
{
  g_autofree char *first = llw_date_format (first_iso);
  g_autofree char *last = llw_date_format (last_iso);
  g_autofree char *message = g_strdup_printf ("Ghi ngày/tháng/năm, từ %s đến %s.", first, last);
  lxw_data_validation validation = {
    .validate = LXW_VALIDATION_TYPE_DATE,
    .criteria = LXW_VALIDATION_CRITERIA_BETWEEN,
    .error_title = "Ngày không hợp lệ",
    .error_message = message,
  };
  GDate date;

  if (!llw_date_parse (first_iso, &date))
    return;
  validation.minimum_datetime = (lxw_datetime) { g_date_get_year (&date),
                                                 g_date_get_month (&date),
                                                 g_date_get_day (&date), 0, 0, 0 };
  if (!llw_date_parse (last_iso, &date))
    return;
  validation.maximum_datetime = (lxw_datetime) { g_date_get_year (&date),
                                                 g_date_get_month (&date),
                                                 g_date_get_day (&date), 23, 59, 59 };
  worksheet_data_validation_range (sheet, row, col, last_row, col, &validation);
}

/* Whole numbers from 0, or numbers with @decimals places. */
static void
validate_number (lxw_worksheet *sheet,
                 lxw_row_t      row,
                 lxw_col_t      col,
                 lxw_row_t      last_row,
                 int            decimals)
{
  lxw_data_validation validation = {
    .validate = decimals > 0 ? LXW_VALIDATION_TYPE_DECIMAL : LXW_VALIDATION_TYPE_INTEGER,
    .criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO,
    .value_number = 0,
    .error_title = "Số liệu không hợp lệ",
    .error_message = decimals > 0 ? "Ghi một số từ 0 trở lên; để trống nếu không có số liệu."
                                  : "Ghi một số nguyên từ 0 trở lên; để trống nếu không có "
                                    "số liệu.",
  };

  worksheet_data_validation_range (sheet, row, col, last_row, col, &validation);
}

static void
write_document (Sheet *s)
{
  LlwFormWriter *w = s->w;

  write_line (s, "I. THÔNG TIN CHUNG", w->heading, 12, LLW_TEXT_BOLD);
  write_input_row (s, "Số văn bản báo cáo của đơn vị (nếu có)", LLW_FORM_NAME_DOCUMENT_NUMBER,
                   prefill_field (w, LLW_INPUT_DOCUMENT_NUMBER), w->input_text, 20);
  write_input_row (s, "Ngày của văn bản báo cáo (ngày/tháng/năm)", LLW_FORM_NAME_DOCUMENT_DATE,
                   prefill_field (w, LLW_INPUT_DOCUMENT_DATE), w->input_date, 20);
  validate_date (s->sheet, s->row - 1, COL_MEASURE, s->row - 1, "2000-01-01", "2999-12-31");
  write_input_row (s, "Chủ đề đơn vị chọn (chọn trong danh sách, hoặc ghi chủ đề riêng)",
                   LLW_FORM_NAME_THEME, prefill_field (w, LLW_INPUT_THEME), w->input_text, 66);
  validate_theme (s->sheet, s->row - 1, COL_MEASURE, s->row - 1);
  s->row++;
}

static void
write_indicator (Sheet        *s,
                 LlwIndicator *indicator,
                 guint         number)
{
  LlwFormWriter *w = s->w;
  const char *label = llw_indicator_get_label (indicator);
  const char *code = llw_indicator_get_code (indicator);
  int decimals = CLAMP (llw_indicator_get_decimals (indicator), 0, 2);
  g_autofree char *name = g_strdup_printf (LLW_FORM_NAME_FIGURE "%u", number);
  const char *text = w->unit->prefill ? g_hash_table_lookup (w->unit->prefill->figures, code)
                                      : NULL;
  double value;
  gboolean reported = FALSE;

  worksheet_set_row (s->sheet, s->row,
                     MAX (20, llw_form_writer_text_height (w, label, report_points[COL_LABEL], 12,
                                                           LLW_TEXT_REGULAR, 6)), NULL);
  worksheet_write_string (s->sheet, s->row, COL_CODE, code, w->cell_center);
  worksheet_write_string (s->sheet, s->row, COL_LABEL, label, w->cell);
  worksheet_write_string (s->sheet, s->row, COL_MEASURE, llw_indicator_get_measure (indicator),
                          w->cell_center);
  if (text != NULL && llw_figure_parse (text, decimals, &value, &reported, NULL) && reported)
    worksheet_write_number (s->sheet, s->row, COL_INPUT, value, w->input_number[decimals]);
  else
    worksheet_write_blank (s->sheet, s->row, COL_INPUT, w->input_number[decimals]);
  validate_number (s->sheet, s->row, COL_INPUT, s->row, decimals);

  llw_form_writer_define_name (w, name, LLW_FORM_SHEET_REPORT, s->row, COL_INPUT, s->row);
  llw_form_writer_add_figure_key (w, code, name);
  s->row++;
}

/* The figures, grouped as in the consolidated workbook. */
static void
write_figures (Sheet *s)
{
  LlwFormWriter *w = s->w;
  GPtrArray *indicators = w->catalogue->indicators;
  static const char *const headings[] = { "Mã", "Nội dung", "Đơn vị tính", "Số liệu" };
  const char *group = NULL;
  lxw_row_t header_row;

  write_line (s, "II. SỐ LIỆU KẾT QUẢ", w->heading, 12, LLW_TEXT_BOLD);
  header_row = s->row;
  worksheet_set_row (s->sheet, s->row, 22, NULL);
  for (lxw_col_t col = 0; col < G_N_ELEMENTS (headings); col++)
    worksheet_write_string (s->sheet, s->row, col, headings[col], w->table_header);
  s->row++;

  for (guint i = 0; i < indicators->len; i++)
    {
      LlwIndicator *indicator = g_ptr_array_index (indicators, i);
      const char *title = llw_indicator_get_group_title (indicator);

      if (g_strcmp0 (group, title) != 0)
        {
          group = title;
          worksheet_set_row (s->sheet, s->row,
                             MAX (20, llw_form_writer_text_height (w, title, REPORT_POINTS, 12,
                                                                   LLW_TEXT_BOLD, 6)), NULL);
          worksheet_merge_range (s->sheet, s->row, COL_CODE, s->row, COL_INPUT, title, w->group);
          s->row++;
        }
      write_indicator (s, indicator, i + 1);
    }
  llw_form_writer_set_page (s->sheet, FALSE, header_row);
  s->row++;
}

static void
write_narrative (Sheet *s)
{
  static const struct { const char *label, *name, *key; } parts[] = {
    { "1. Kết quả nổi bật, cách làm hay", LLW_FORM_NAME_RESULTS, LLW_INPUT_RESULTS },
    { "2. Khó khăn, vướng mắc", LLW_FORM_NAME_DIFFICULTIES, LLW_INPUT_DIFFICULTIES },
    { "3. Đề xuất, kiến nghị", LLW_FORM_NAME_PROPOSALS, LLW_INPUT_PROPOSALS },
  };
  LlwFormWriter *w = s->w;

  write_line (s, "III. KẾT QUẢ NỔI BẬT, KHÓ KHĂN VÀ ĐỀ XUẤT", w->heading, 12, LLW_TEXT_BOLD);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *value = prefill_field (w, parts[i].key);

      write_line (s, parts[i].label, w->line_bold, 12, LLW_TEXT_BOLD);
      worksheet_set_row (s->sheet, s->row,
                         MAX (120, value ? llw_form_writer_text_height (w, value, REPORT_POINTS,
                                                                        12, LLW_TEXT_REGULAR, 6)
                                        : 0), NULL);
      worksheet_merge_range (s->sheet, s->row, COL_CODE, s->row, COL_INPUT,
                             value ? value : "", w->input_long);
      llw_form_writer_define_name (w, parts[i].name, LLW_FORM_SHEET_REPORT, s->row, COL_CODE,
                                   s->row);
      s->row++;
    }
}

/* The Báo cáo sheet. */
void
llw_form_writer_write_report (LlwFormWriter *w,
                              lxw_worksheet *sheet)
{
  Sheet s = { w, sheet, 0 };
  lxw_protection protection = { .format_rows = 1, .format_columns = 1 };

  for (lxw_col_t col = 0; col < G_N_ELEMENTS (report_points); col++)
    llw_workbook_set_column (sheet, col, report_points[col]);

  write_header (&s);
  write_document (&s);
  write_figures (&s);
  write_narrative (&s);
  worksheet_protect (sheet, NULL, &protection);
}

static void
write_activity (LlwFormWriter *w,
                lxw_worksheet *sheet,
                lxw_row_t      row,
                GHashTable    *activity)
{
  for (guint i = 0; i < LLW_FORM_N_ACTIVITY_COLUMNS; i++)
    {
      const LlwFormColumn *column = &llw_form_activity_columns[i];
      const char *value = activity ? g_hash_table_lookup (activity, column->key) : NULL;
      lxw_col_t col = i + 1;

      if (i == LLW_FORM_ACTIVITY_START || i == LLW_FORM_ACTIVITY_END)
        llw_form_writer_write_date (sheet, row, col, value, w->input_date);
      else if (i == LLW_FORM_ACTIVITY_PARTICIPANTS && value != NULL && *value != '\0')
        worksheet_write_number (sheet, row, col, g_ascii_strtod (value, NULL),
                                w->input_number[0]);
      else if (i == LLW_FORM_ACTIVITY_PARTICIPANTS)
        worksheet_write_blank (sheet, row, col, w->input_number[0]);
      else if (i == LLW_FORM_ACTIVITY_FORM && value != NULL)
        worksheet_write_string (sheet, row, col, llw_form_activity_form_word (value),
                                w->input_text);
      else if (value != NULL && *value != '\0')
        worksheet_write_string (sheet, row, col, value, w->input_text);
      else
        worksheet_write_blank (sheet, row, col, w->input_text);
    }
}

static void
validate_list (lxw_worksheet *sheet,
               lxw_row_t      first,
               lxw_col_t      col,
               lxw_row_t      last,
               const char    *formula,
               const char    *message)
{
  lxw_data_validation validation = {
    .validate = LXW_VALIDATION_TYPE_LIST_FORMULA,
    .value_formula = (char *) formula,
    .error_title = "Chọn trong danh sách",
    .error_message = (char *) message,
  };

  worksheet_data_validation_range (sheet, first, col, last, col, &validation);
}

static void
validate_activities (LlwFormWriter *w,
                     lxw_worksheet *sheet,
                     lxw_row_t      first,
                     lxw_row_t      last)
{
  LlwCampaign *campaign = w->catalogue->campaign;
  const char *start = llw_campaign_get_text (campaign, LLW_CAMPAIGN_START_DATE);
  const char *end = llw_campaign_get_text (campaign, LLW_CAMPAIGN_END_DATE);

  if (w->catalogue->kinds->len > 0)
    validate_list (sheet, first, 1 + LLW_FORM_ACTIVITY_KIND, last, "=" LLW_FORM_NAME_KINDS,
                   "Chọn một loại hoạt động trong danh sách.");
  if (w->catalogue->themes->len > 0)
    validate_theme (sheet, first, 1 + LLW_FORM_ACTIVITY_THEME, last);
  validate_date (sheet, first, 1 + LLW_FORM_ACTIVITY_START, last, start, end);
  validate_date (sheet, first, 1 + LLW_FORM_ACTIVITY_END, last, start, end);
  validate_list (sheet, first, 1 + LLW_FORM_ACTIVITY_FORM, last, "=" LLW_FORM_NAME_FORMS,
                 "Chọn Trực tiếp, Trực tuyến hoặc Kết hợp.");
  validate_number (sheet, first, 1 + LLW_FORM_ACTIVITY_PARTICIPANTS, last, 0);
}

/* The Hoạt động sheet: a row per activity, the unit's own first when it has some. */
void
llw_form_writer_write_activities (LlwFormWriter *w,
                                  lxw_worksheet *sheet)
{
  GPtrArray *prefilled = w->unit->prefill ? w->unit->prefill->activities : NULL;
  guint n_prefilled = prefilled ? prefilled->len : 0;
  guint n_rows = MAX (LLW_FORM_ACTIVITY_ROWS, n_prefilled + 20);
  const lxw_row_t header = 4, first = 5, last = first + n_rows - 1;
  lxw_protection protection = { .format_rows = 1, .format_columns = 1 };
  g_autofree char *unit = g_strdup_printf ("Đơn vị: %s", w->unit->unit_name);
  LlwCampaign *campaign = w->catalogue->campaign;
  g_autofree char *start = llw_date_format (llw_campaign_get_text (campaign,
                                                                   LLW_CAMPAIGN_START_DATE));
  g_autofree char *end = llw_date_format (llw_campaign_get_text (campaign,
                                                                 LLW_CAMPAIGN_END_DATE));
  g_autofree char *note = g_strdup_printf ("Mỗi hoạt động ghi một dòng. Ngày ghi ngày/tháng/năm, "
                                           "trong Tuần lễ (từ %s đến %s).", start, end);
  lxw_col_t last_col = LLW_FORM_N_ACTIVITY_COLUMNS;

  worksheet_set_column (sheet, 0, 0, 5, NULL);
  worksheet_set_row (sheet, 0, 22, NULL);
  worksheet_merge_range (sheet, 0, 0, 0, last_col, "DANH SÁCH HOẠT ĐỘNG TRONG TUẦN LỄ", w->title);
  worksheet_merge_range (sheet, 1, 0, 1, last_col, unit, w->line_bold);
  worksheet_merge_range (sheet, 2, 0, 2, last_col, note, w->note);
  worksheet_set_row (sheet, header, 36, NULL);
  worksheet_write_string (sheet, header, 0, "TT", w->table_header);

  for (guint i = 0; i < LLW_FORM_N_ACTIVITY_COLUMNS; i++)
    {
      const LlwFormColumn *column = &llw_form_activity_columns[i];

      worksheet_set_column (sheet, i + 1, i + 1, column->width, NULL);
      worksheet_write_string (sheet, header, i + 1, column->heading, w->table_header);
      llw_form_writer_define_name (w, column->name, LLW_FORM_SHEET_ACTIVITIES, first, i + 1,
                                   last);
    }

  for (guint i = 0; i < n_rows; i++)
    {
      worksheet_write_number (sheet, first + i, 0, i + 1, w->cell_center);
      write_activity (w, sheet, first + i, i < n_prefilled ? prefilled->pdata[i] : NULL);
    }
  validate_activities (w, sheet, first, last);

  worksheet_freeze_panes (sheet, first, 2);
  llw_form_writer_set_page (sheet, TRUE, header);
  worksheet_protect (sheet, NULL, &protection);
}

/* The Hướng dẫn sheet: what a unit needs to know, in a few lines. */
void
llw_form_writer_write_guide (LlwFormWriter *w,
                             lxw_worksheet *sheet)
{
  LlwCampaign *campaign = w->catalogue->campaign;
  g_autofree char *deadline = llw_date_format (w->unit->deadline);
  g_autofree char *send = g_strdup_printf ("7. Lưu tệp (Excel Workbook, .xlsx) và gửi lại qua "
                                           "thư điện tử về %s, chậm nhất ngày %s.",
                                           llw_campaign_get_text (campaign,
                                                                  LLW_CAMPAIGN_OFFICE_EMAIL),
                                           deadline);
  const char *const lines[] = {
    "HƯỚNG DẪN ĐIỀN PHIẾU BÁO CÁO",
    "1. Chỉ điền vào các ô nền vàng; các ô khác đã được khóa để giữ nguyên mẫu phiếu.",
    "2. Trang “Báo cáo”: ghi số và ngày văn bản báo cáo của đơn vị, chọn chủ đề (hoặc ghi chủ "
    "đề riêng), rồi ghi số liệu của từng chỉ tiêu.",
    "3. Số liệu ghi bằng số, từ 0 trở lên; chỉ tiêu kinh phí được ghi số thập phân. Để trống "
    "ô của chỉ tiêu đơn vị không theo dõi; ghi 0 khi có theo dõi mà không có kết quả.",
    "4. Ngày ghi theo dạng ngày/tháng/năm, ví dụ 05/10/2021.",
    "5. Trang “Hoạt động”: mỗi hoạt động đã tổ chức ghi một dòng; chọn loại hoạt động và hình "
    "thức trong danh sách.",
    "6. Không đổi tên hoặc xóa các trang, không chép phiếu của đơn vị khác. Phiếu này chỉ dùng "
    "cho đơn vị có tên trên phiếu.",
    send,
  };

  worksheet_set_column (sheet, 0, 0, 100, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      worksheet_set_row (sheet, i, llw_form_writer_text_height (w, lines[i], 525, 12,
                                                                i == 0 ? LLW_TEXT_BOLD
                                                                       : LLW_TEXT_REGULAR, 8),
                         NULL);
      worksheet_write_string (sheet, i, 0, lines[i], i == 0 ? w->heading : w->guide);
    }
  llw_form_writer_set_page (sheet, FALSE, 0);
  worksheet_protect (sheet, NULL, NULL);
}
