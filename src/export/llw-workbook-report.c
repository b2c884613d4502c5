/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-activity.h"
#include "llw-date.h"
#include "llw-theme.h"
#include "llw-workbook-private.h"

/* The "Báo cáo" sheet: the report itself, laid out as Decree 30/2020 (Phụ lục I) lays out a
 * report on A4 portrait. Seven columns make the grid: the header's left block is A:C with
 * its rule under B, the right block D:G with its rule under E:F, the title's rule under
 * D:E, which sits at the middle of the page. The text runs across A:G. */

enum { COL_A, COL_B, COL_C, COL_D, COL_E, COL_F, COL_G };

static const double column_pixels[] = { 82, 100, 83, 41, 56, 221, 41 };
#define TEXT_PIXELS 624.0
#define LEFT_PIXELS 265.0
#define RIGHT_PIXELS 359.0

/* A first-line indent: cells have none, so spaces stand in for it, non-breaking ones so
 * that justification does not stretch them. */
/* The most characters a row of running text is given: at 14 points across the page, about
 * fifteen lines, well under the tallest row. */
#define ROW_CHARACTERS 1200

#define INDENT "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0"

typedef struct
{
  LlwWorkbookWriter *w;
  lxw_worksheet *sheet;
  lxw_row_t row;
} Report;

static const char *
text (Report           *r,
      LlwCampaignField  field)
{
  return llw_campaign_get_text (r->w->campaign, field);
}

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

/* Returns: (transfer full): @paragraph cut after each sentence, and within a sentence
 * longer than a row holds, after the last space before the row is full (or anywhere, in a
 * word that long). */
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
 * one row (a row is at most 409 points tall). */
static void
write_paragraph (Report     *r,
                 const char *paragraph,
                 lxw_format *format,
                 gboolean    indent)
{
  g_auto(GStrv) sentences = split_sentences (paragraph);
  g_autoptr(GString) chunk = g_string_new (indent ? INDENT : "");

  for (guint i = 0; sentences[i] != NULL; i++)
    {
      const char *sentence = sentences[i];
      gboolean fresh = chunk->len == 0 || g_str_equal (chunk->str, INDENT);
      g_autofree char *longer = g_strjoin (fresh ? "" : " ", chunk->str, sentence, NULL);

      if (chunk->len > strlen (INDENT) &&
          llw_workbook_text_height (longer, TEXT_PIXELS, 14, FALSE, 6) > 380)
        {
          next_row (r, llw_workbook_text_height (chunk->str, TEXT_PIXELS, 14, FALSE, 6));
          merge (r, COL_A, COL_G, chunk->str, format);
          g_string_assign (chunk, sentence);
        }
      else
        g_string_assign (chunk, longer);
    }

  next_row (r, llw_workbook_text_height (chunk->str, TEXT_PIXELS, 14, FALSE, 6));
  merge (r, COL_A, COL_G, chunk->str, format);
}

/* Text the office typed: one paragraph a line; dotted lines to write on when it is empty. */
static void
write_office_text (Report     *r,
                   const char *office_text)
{
  g_auto(GStrv) lines = g_strsplit (office_text, "\n", -1);
  gboolean any = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      write_paragraph (r, lines[i], r->w->body, TRUE);
      any = TRUE;
    }

  for (guint i = 0; !any && i < 2; i++)
    write_paragraph (r, "……………………………………………………………………………………………………………"
                        "……………………………………………", r->w->body, FALSE);
}

static void
write_heading (Report     *r,
               const char *heading)
{
  next_row (r, 28);
  merge (r, COL_A, COL_G, heading, r->w->heading);
}

/* The two blocks of the header side by side, each with its short rule. */
static void
write_header_blocks (Report *r)
{
  LlwWorkbookWriter *w = r->w;
  g_autofree char *parent = g_utf8_strup (text (r, LLW_CAMPAIGN_REPORT_PARENT_BODY), -1);
  g_autofree char *issuer = g_utf8_strup (text (r, LLW_CAMPAIGN_REPORT_ISSUING_BODY), -1);
  g_autofree char *number = NULL;
  g_autofree char *place_date = NULL;
  const GDate *date = llw_consolidation_get_date (w->data);
  guint day = g_date_get_day (date), month = g_date_get_month (date);
  const char *raw_number = text (r, LLW_CAMPAIGN_REPORT_NUMBER);

  /* Decree 30: days below 10 and the months January and February take a leading zero. */
  place_date = g_strdup_printf ("%s, ngày %s%u tháng %s%u năm %u",
                                text (r, LLW_CAMPAIGN_REPORT_PLACE), day < 10 ? "0" : "", day,
                                month < 3 ? "0" : "", month, g_date_get_year (date));
  number = g_strconcat ("Số: ", raw_number[0] == '/' ? "        " : "", raw_number, NULL);

  worksheet_set_row (r->sheet, r->row, 18, NULL);
  merge (r, COL_A, COL_C, parent, w->parent_body);
  merge (r, COL_D, COL_G, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", w->nation);
  next_row (r, 18);
  merge (r, COL_A, COL_C, issuer, w->issuing_body);
  merge (r, COL_D, COL_G, "Độc lập - Tự do - Hạnh phúc", w->motto);
  next_row (r, 8);
  worksheet_write_blank (r->sheet, r->row, COL_B, w->rule);
  worksheet_write_blank (r->sheet, r->row, COL_E, w->rule);
  worksheet_write_blank (r->sheet, r->row, COL_F, w->rule);
  next_row (r, 20);
  merge (r, COL_A, COL_C, number, w->number);
  merge (r, COL_D, COL_G, place_date, w->place_date);
  next_row (r, 14);
}

static void
write_title (Report *r)
{
  const char *subject = text (r, LLW_CAMPAIGN_REPORT_SUBJECT);

  next_row (r, 20);
  merge (r, COL_A, COL_G, "BÁO CÁO", r->w->title);
  next_row (r, llw_workbook_text_height (subject, TEXT_PIXELS, 14, TRUE, 6));
  merge (r, COL_A, COL_G, subject, r->w->subject);
  next_row (r, 8);
  worksheet_write_blank (r->sheet, r->row, COL_D, r->w->rule);
  worksheet_write_blank (r->sheet, r->row, COL_E, r->w->rule);
}

/* Returns: the items of a one-a-line list, trimmed of their own punctuation. */
static GPtrArray *
list_items (const char *list)
{
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *item = g_strstrip (lines[i]);
      gsize length = strlen (item);

      while (length > 0 && (item[length - 1] == ';' || item[length - 1] == '.'))
        item[--length] = '\0';
      if (item[0] == '-')
        item = g_strchug (item + 1);
      if (item[0] != '\0')
        g_ptr_array_add (items, g_strdup (item));
    }
  return items;
}

/* "Kính gửi:" with one addressee on its line, or several as a list of "- …;". */
static void
write_recipients (Report *r)
{
  g_autoptr(GPtrArray) items = list_items (text (r, LLW_CAMPAIGN_REPORT_TO));

  if (items->len == 0)
    return;

  next_row (r, 10);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *line = items->len == 1
        ? g_strconcat (g_ptr_array_index (items, i), ".", NULL)
        : g_strdup_printf ("- %s%s", (char *) g_ptr_array_index (items, i),
                           i + 1 < items->len ? ";" : ".");

      next_row (r, llw_workbook_text_height (line, RIGHT_PIXELS, 14, FALSE, 4));
      if (i == 0)
        merge (r, COL_B, COL_C, "Kính gửi:", r->w->to_label);
      merge (r, COL_D, COL_G, line, r->w->to_item);
    }
  next_row (r, 10);
}

/* "Công văn số … ngày … của … về việc …", the subject as the letter wrote it after "V/v". */
static char *
letter_reference (Report           *r,
                  LlwCampaignField  number)
{
  const char *subject = text (r, number + 3);
  g_autofree char *date = llw_date_format (text (r, number + 1));

  if (g_str_has_prefix (subject, "V/v ") || g_str_has_prefix (subject, "v/v "))
    subject += 4;
  else if (g_str_has_prefix (subject, "về việc ") || g_str_has_prefix (subject, "Về việc "))
    subject += strlen ("về việc ");

  return g_strdup_printf ("Công văn số %s%s%s của %s%s%s", text (r, number),
                          date[0] ? " ngày " : "", date, text (r, number + 2),
                          subject[0] ? " về việc " : "", subject);
}

static void
write_opening (Report *r)
{
  g_autoptr(GPtrArray) letters = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_autofree char *opening = NULL;

  G_STATIC_ASSERT (LLW_CAMPAIGN_DIRECTIVE_SUBJECT == LLW_CAMPAIGN_DIRECTIVE_NUMBER + 3);
  G_STATIC_ASSERT (LLW_CAMPAIGN_MINISTRY_LETTER_SUBJECT ==
                   LLW_CAMPAIGN_MINISTRY_LETTER_NUMBER + 3);

  if (text (r, LLW_CAMPAIGN_MINISTRY_LETTER_NUMBER)[0] != '\0')
    g_ptr_array_add (letters, letter_reference (r, LLW_CAMPAIGN_MINISTRY_LETTER_NUMBER));
  if (text (r, LLW_CAMPAIGN_DIRECTIVE_NUMBER)[0] != '\0')
    g_ptr_array_add (letters, letter_reference (r, LLW_CAMPAIGN_DIRECTIVE_NUMBER));
  g_ptr_array_add (letters, NULL);
  joined = g_strjoinv ("; ", (char **) letters->pdata);

  opening = g_strdup_printf ("%s%s%s%s báo cáo kết quả tổ chức %s như sau:",
                             joined[0] ? "Thực hiện " : "", joined, joined[0] ? ", " : "",
                             text (r, LLW_CAMPAIGN_OFFICE_PARENT),
                             llw_campaign_get_title (r->w->campaign));
  write_paragraph (r, opening, r->w->body, TRUE);
}

static char *
group_counts (const LlwReportSummary *summary,
              gboolean                received)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (LlwUnitGroup g = 0; g <= LLW_UNIT_GROUP_OTHER; g++)
    {
      const LlwReportCounts *counts = &summary->groups[g];
      g_autofree char *label = g_utf8_strdown (llw_workbook_group_label (g), -1);

      if (counts->expected == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, received ? "; " : ", ");
      if (received)
        g_string_append_printf (out, "%s %u/%u", label, counts->received, counts->expected);
      else if (g == LLW_UNIT_GROUP_OTHER)
        g_string_append_printf (out, "%u %s", counts->expected, label);
      else
        g_string_append_printf (out, "%u đơn vị %s", counts->expected, label);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
write_themes (Report *r)
{
  GListModel *themes = llw_consolidation_get_themes (r->w->data);
  g_autoptr(GString) out = g_string_new ("Về chủ đề, các đơn vị đã lựa chọn: ");
  guint n_chosen = 0;

  for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
    {
      g_autoptr(LlwTheme) theme = g_list_model_get_item (themes, i);
      guint count = llw_consolidation_count_theme (r->w->data, llw_theme_get_id (theme));
      g_autofree char *title = g_strdup (llw_theme_get_title (theme));
      gsize length = strlen (title);

      if (count == 0)
        continue;
      while (length > 0 && title[length - 1] == '.')
        title[--length] = '\0';
      g_string_append_printf (out, "%schủ đề “%s” (%u đơn vị)", n_chosen++ > 0 ? "; " : "",
                              title, count);
    }

  if (n_chosen == 0)
    g_string_assign (out, "Chưa có đơn vị nào báo cáo chủ đề đã lựa chọn");
  g_string_append (out, ".");
  write_paragraph (r, out->str, r->w->body, TRUE);
}

static void
write_direction (Report *r)
{
  const LlwReportSummary *summary = llw_consolidation_get_summary (r->w->data);
  const LlwReportCounts *all = &summary->all;
  g_autofree char *deadline = llw_date_format (text (r, LLW_CAMPAIGN_UNIT_DEADLINE));
  g_autofree char *expected = group_counts (summary, FALSE);
  g_autofree char *received = group_counts (summary, TRUE);
  g_autofree char *rate = llw_workbook_format_number (
    all->expected > 0 ? 100.0 * all->received / all->expected : 0, 1);
  g_autofree char *assigned = NULL;
  g_autofree char *reported = NULL;
  guint n_activities = g_list_model_get_n_items (llw_consolidation_get_activities (r->w->data));

  write_heading (r, "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI");
  assigned = g_strdup_printf ("%s đã hướng dẫn %u đơn vị (%s) tổ chức các hoạt động hưởng ứng "
                              "Tuần lễ và gửi báo cáo kết quả, hạn chót ngày %s.",
                              text (r, LLW_CAMPAIGN_OFFICE_PARENT), all->expected, expected,
                              deadline);
  write_paragraph (r, assigned, r->w->body, TRUE);

  reported = g_strdup_printf ("Tính đến ngày %s, có %u/%u đơn vị đã gửi báo cáo (đạt %s%%), "
                              "trong đó %u đơn vị gửi đúng hạn, %u đơn vị gửi trễ hạn; còn %u "
                              "đơn vị chưa gửi báo cáo (%s; chi tiết tại Phụ lục III).",
                              r->w->report_date, all->received, all->expected, rate,
                              all->on_time, all->late, all->missing + all->pending, received);
  write_paragraph (r, reported, r->w->body, TRUE);
  write_themes (r);

  if (n_activities > 0)
    {
      g_autofree char *activities = g_strdup_printf ("Các đơn vị đã tổ chức %u hoạt động hưởng "
                                                     "ứng Tuần lễ (chi tiết tại Phụ lục IV).",
                                                     n_activities);
      write_paragraph (r, activities, r->w->body, TRUE);
    }
}

static char *
result_line (LlwConsolidation *data,
             guint             i,
             gboolean          last)
{
  LlwIndicator *indicator = llw_consolidation_get_indicator (data, i);
  LlwIndicatorTotal total = llw_consolidation_get_overall_total (data, i);
  g_autofree char *value = NULL;

  if (total.count == 0)
    return g_strdup_printf ("- %s: chưa có đơn vị báo cáo%s", llw_indicator_get_label (indicator),
                            last ? "." : ";");

  value = llw_workbook_format_number (total.sum, llw_indicator_get_decimals (indicator));
  return g_strdup_printf ("- %s: %s %s (%u đơn vị báo cáo)%s",
                          llw_indicator_get_label (indicator), value,
                          llw_indicator_get_measure (indicator), total.count, last ? "." : ";");
}

/* The main totals as sentences, one group of indicators after another. */
static void
write_results (Report *r)
{
  LlwConsolidation *data = r->w->data;
  guint n = llw_consolidation_get_n_indicators (data);
  guint n_groups = 0;

  write_heading (r, "II. KẾT QUẢ");
  for (guint i = 0; i < n; i++)
    {
      const char *group = llw_indicator_get_group_title (llw_consolidation_get_indicator (data, i));
      gboolean last = i + 1 == n ||
        !g_str_equal (group, llw_indicator_get_group_title (llw_consolidation_get_indicator (data,
                                                                                       i + 1)));
      g_autofree char *line = result_line (data, i, last);

      if (i == 0 ||
          !g_str_equal (group, llw_indicator_get_group_title (llw_consolidation_get_indicator (data,
                                                                                        i - 1))))
        {
          g_autofree char *subheading = g_strdup_printf ("%u. %s", ++n_groups,
                                                         llw_workbook_strip_numbering (group));

          next_row (r, 22);
          merge (r, COL_A, COL_G, subheading, r->w->subheading);
        }
      write_paragraph (r, line, r->w->body, TRUE);
    }
  write_paragraph (r, "(Số liệu chi tiết tại Phụ lục I và Phụ lục II kèm theo.)",
                   r->w->body_italic, TRUE);
}

static void
write_closing (Report *r)
{
  const char *subject = text (r, LLW_CAMPAIGN_REPORT_SUBJECT);
  g_autofree char *first = g_utf8_strdown (subject, g_utf8_next_char (subject) - subject);
  g_autofree char *closing = g_strdup_printf ("Trên đây là báo cáo %s%s của %s./.", first,
                                              g_utf8_next_char (subject),
                                              text (r, LLW_CAMPAIGN_OFFICE_PARENT));

  if (subject[0] == '\0')
    return;
  write_paragraph (r, closing, r->w->body, TRUE);
}

/* "Nơi nhận:" and its list at left, level with the signature block at right. */
static void
write_signature (Report *r)
{
  LlwWorkbookWriter *w = r->w;
  g_autoptr(GPtrArray) cc = list_items (text (r, LLW_CAMPAIGN_REPORT_CC));
  g_autofree char *authority = g_utf8_strup (text (r, LLW_CAMPAIGN_REPORT_SIGNER_AUTHORITY), -1);
  g_autofree char *title = g_utf8_strup (text (r, LLW_CAMPAIGN_REPORT_SIGNER_TITLE), -1);
  const char *right[8] = { 0 };
  guint n_right = 0, n_rows;

  if (authority[0] != '\0')
    right[n_right++] = authority;
  right[n_right++] = title;
  n_right += 4;    /* room to sign and stamp */
  right[n_right++] = text (r, LLW_CAMPAIGN_REPORT_SIGNER_NAME);
  n_rows = MAX (n_right, cc->len + 1);

  next_row (r, 12);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *item = NULL;

      if (i > 0 && i <= cc->len)
        item = g_strdup_printf ("- %s%s", (char *) g_ptr_array_index (cc, i - 1),
                                i < cc->len ? ";" : ".");
      next_row (r, MAX (19, item ? llw_workbook_text_height (item, LEFT_PIXELS, 11, FALSE, 2) : 0));
      if (i == 0)
        merge (r, COL_A, COL_C, "Nơi nhận:", w->cc_label);
      else if (item != NULL)
        merge (r, COL_A, COL_C, item, w->cc_item);
      if (i < n_right && right[i] != NULL)
        merge (r, COL_D, COL_G, right[i], w->signer);
    }
}

void
llw_workbook_write_report (LlwWorkbookWriter *w,
                           lxw_worksheet     *sheet)
{
  Report r = { w, sheet, 0 };

  for (lxw_col_t col = COL_A; col <= COL_G; col++)
    worksheet_set_column_pixels (sheet, col, col, column_pixels[col], NULL);
  llw_workbook_set_page (sheet, FALSE, 0, 0);
  worksheet_gridlines (sheet, LXW_HIDE_ALL_GRIDLINES);
  worksheet_activate (sheet);

  write_header_blocks (&r);
  write_title (&r);
  write_recipients (&r);
  write_opening (&r);
  write_direction (&r);
  write_results (&r);
  write_heading (&r, "III. ĐÁNH GIÁ CHUNG");
  write_office_text (&r, text (&r, LLW_CAMPAIGN_REPORT_ASSESSMENT));
  write_heading (&r, "IV. ĐỀ XUẤT, KIẾN NGHỊ");
  write_office_text (&r, text (&r, LLW_CAMPAIGN_REPORT_PROPOSALS));
  write_closing (&r);
  write_signature (&r);
}
