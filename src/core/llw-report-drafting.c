/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "llw-activity.h"
#include "llw-date.h"
#include "llw-document-format.h"
#include "llw-report-document-private.h"
#include "llw-report-example.h"
#include "llw-theme.h"

/* The report's body: sections I and II drafted from the figures, as sentences the office
 * can keep or edit, sections III and IV the office's own text, dotted lines where it wrote
 * nothing. */

#define DOTTED_LINE "……………………………………………………………………………………………………………………………………………………………"

/* Units named one by one in a sentence before the rest are counted: the annexes list all. */
#define MAX_NAMED_UNITS 20

#define N_GROUPS (LLW_UNIT_GROUP_OTHER + 1)

static void
add (LlwReportDocument *self,
     LlwBlockKind       kind,
     LlwBlockOrigin     origin,
     const char        *text)
{
  llw_report_document_add (self, kind, origin, text);
}

static const char *
text (LlwReportDocument *self,
      LlwCampaignField   field)
{
  return llw_report_document_text (self, field);
}

/* The office's own text, a paragraph a line; two dotted lines where it wrote nothing. */
static void
add_office_text (LlwReportDocument *self,
                 const char        *office_text)
{
  g_auto(GStrv) lines = g_strsplit (office_text, "\n", -1);
  gboolean any = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      add (self, LLW_BLOCK_PARAGRAPH, LLW_ORIGIN_OFFICE, lines[i]);
      any = TRUE;
    }

  for (guint i = 0; !any && i < 2; i++)
    add (self, LLW_BLOCK_DOTS, LLW_ORIGIN_FIXED, DOTTED_LINE);
}

/* "Công văn số … ngày … của … về việc …", the subject as the letter wrote it after "V/v". */
static char *
letter_reference (LlwReportDocument *self,
                  LlwCampaignField   number)
{
  const char *subject = text (self, number + 3);
  g_autofree char *date = llw_date_format (text (self, number + 1));

  if (g_str_has_prefix (subject, "V/v ") || g_str_has_prefix (subject, "v/v "))
    subject += 4;
  else if (g_str_has_prefix (subject, "về việc ") || g_str_has_prefix (subject, "Về việc "))
    subject += strlen ("về việc ");

  return g_strdup_printf ("Công văn số %s%s%s của %s%s%s", text (self, number),
                          date[0] ? " ngày " : "", date, text (self, number + 2),
                          subject[0] ? " về việc " : "", subject);
}

static void
add_opening (LlwReportDocument *self)
{
  g_autoptr(GPtrArray) letters = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_autofree char *opening = NULL;

  G_STATIC_ASSERT (LLW_CAMPAIGN_DIRECTIVE_SUBJECT == LLW_CAMPAIGN_DIRECTIVE_NUMBER + 3);
  G_STATIC_ASSERT (LLW_CAMPAIGN_MINISTRY_LETTER_SUBJECT ==
                   LLW_CAMPAIGN_MINISTRY_LETTER_NUMBER + 3);

  if (text (self, LLW_CAMPAIGN_MINISTRY_LETTER_NUMBER)[0] != '\0')
    g_ptr_array_add (letters, letter_reference (self, LLW_CAMPAIGN_MINISTRY_LETTER_NUMBER));
  if (text (self, LLW_CAMPAIGN_DIRECTIVE_NUMBER)[0] != '\0')
    g_ptr_array_add (letters, letter_reference (self, LLW_CAMPAIGN_DIRECTIVE_NUMBER));
  g_ptr_array_add (letters, NULL);
  joined = g_strjoinv ("; ", (char **) letters->pdata);

  opening = g_strdup_printf ("%s%s%s%s báo cáo kết quả tổ chức %s như sau:",
                             joined[0] ? "Thực hiện " : "", joined, joined[0] ? ", " : "",
                             text (self, LLW_CAMPAIGN_OFFICE_PARENT),
                             llw_campaign_get_title (self->campaign));
  add (self, LLW_BLOCK_PARAGRAPH, LLW_ORIGIN_FIXED, opening);
}

static char *
group_counts (const LlwReportSummary *summary,
              gboolean                received)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (LlwUnitGroup g = 0; g < N_GROUPS; g++)
    {
      const LlwReportCounts *counts = &summary->groups[g];
      g_autofree char *label = g_utf8_strdown (llw_format_group_label (g), -1);

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
add_themes (LlwReportDocument *self)
{
  GListModel *themes = llw_consolidation_get_themes (self->data);
  g_autoptr(GString) out = g_string_new ("Về chủ đề, các đơn vị đã lựa chọn: ");
  guint n_chosen = 0;

  for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
    {
      g_autoptr(LlwTheme) theme = g_list_model_get_item (themes, i);
      guint count = llw_consolidation_count_theme (self->data, llw_theme_get_id (theme));
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
  add (self, LLW_BLOCK_PARAGRAPH, LLW_ORIGIN_DRAFTED, out->str);
}

/* "So với năm 2020 (40/42 đơn vị gửi báo cáo), số đơn vị gửi báo cáo giảm 34 đơn vị." */
static void
add_reporting_comparison (LlwReportDocument *self)
{
  const LlwReportCounts *all = &llw_consolidation_get_summary (self->data)->all;
  LlwCampaign *previous = llw_consolidation_get_previous_campaign (self->data);
  g_autofree char *sentence = NULL;
  guint expected, received;
  int change;

  if (!llw_consolidation_get_previous_counts (self->data, &expected, &received))
    return;

  change = (int) all->received - (int) received;
  if (change == 0)
    sentence = g_strdup_printf ("So với năm %d (%u/%u đơn vị gửi báo cáo), số đơn vị gửi báo "
                                "cáo không thay đổi.", llw_campaign_get_year (previous),
                                received, expected);
  else
    sentence = g_strdup_printf ("So với năm %d (%u/%u đơn vị gửi báo cáo), số đơn vị gửi báo "
                                "cáo %s %u đơn vị.", llw_campaign_get_year (previous), received,
                                expected, change > 0 ? "tăng" : "giảm", (guint) ABS (change));
  add (self, LLW_BLOCK_PARAGRAPH, LLW_ORIGIN_DRAFTED, sentence);
}

/* The units that did not report, by name up to a point, then counted. */
static void
add_missing_units (LlwReportDocument *self)
{
  guint n_units = llw_consolidation_get_n_units (self->data);
  g_autoptr(GString) out = g_string_new ("Các đơn vị chưa gửi báo cáo: ");
  guint n_missing = 0;

  for (guint u = 0; u < n_units; u++)
    {
      const LlwConsolidatedUnit *unit = llw_consolidation_get_unit (self->data, u);

      if (unit->received_date != NULL)
        continue;
      if (n_missing < MAX_NAMED_UNITS)
        g_string_append_printf (out, "%s%s", n_missing > 0 ? ", " : "", unit->name);
      n_missing++;
    }

  if (n_missing == 0)
    return;
  if (n_missing > MAX_NAMED_UNITS)
    g_string_append_printf (out, " và %u đơn vị khác", n_missing - MAX_NAMED_UNITS);
  g_string_append (out, " (chi tiết tại Phụ lục III).");
  add (self, LLW_BLOCK_PARAGRAPH, LLW_ORIGIN_DRAFTED, out->str);
}

static void
add_direction (LlwReportDocument *self)
{
  const LlwReportSummary *summary = llw_consolidation_get_summary (self->data);
  const LlwReportCounts *all = &summary->all;
  g_autofree char *deadline = llw_date_format (text (self, LLW_CAMPAIGN_UNIT_DEADLINE));
  g_autofree char *expected = group_counts (summary, FALSE);
  g_autofree char *received = group_counts (summary, TRUE);
  g_autofree char *rate = llw_format_number (all->expected > 0
                                             ? 100.0 * all->received / all->expected : 0, 1);
  g_autofree char *as_of = NULL;
  g_autofree char *iso = llw_date_to_iso (llw_consolidation_get_date (self->data));
  g_autofree char *assigned = NULL;
  g_autofree char *reported = NULL;
  guint n_activities = g_list_model_get_n_items (llw_consolidation_get_activities (self->data));

  as_of = llw_date_format (iso);
  add (self, LLW_BLOCK_HEADING, LLW_ORIGIN_FIXED, "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI");
  assigned = g_strdup_printf ("%s đã hướng dẫn %u đơn vị (%s) tổ chức các hoạt động hưởng ứng "
                              "Tuần lễ và gửi báo cáo kết quả, hạn chót ngày %s.",
                              text (self, LLW_CAMPAIGN_OFFICE_PARENT), all->expected, expected,
                              deadline);
  add (self, LLW_BLOCK_PARAGRAPH, LLW_ORIGIN_DRAFTED, assigned);

  reported = g_strdup_printf ("Tính đến ngày %s, có %u/%u đơn vị đã gửi báo cáo (đạt %s%%), "
                              "trong đó %u đơn vị gửi đúng hạn, %u đơn vị gửi trễ hạn; còn %u "
                              "đơn vị chưa gửi báo cáo (%s; chi tiết tại Phụ lục III).",
                              as_of, all->received, all->expected, rate, all->on_time,
                              all->late, all->missing + all->pending, received);
  add (self, LLW_BLOCK_PARAGRAPH, LLW_ORIGIN_DRAFTED, reported);
  add_reporting_comparison (self);
  add_missing_units (self);
  add_themes (self);

  if (n_activities > 0)
    {
      g_autofree char *activities = g_strdup_printf ("Các đơn vị đã tổ chức %u hoạt động hưởng "
                                                     "ứng Tuần lễ (chi tiết tại Phụ lục IV).",
                                                     n_activities);

      add (self, LLW_BLOCK_PARAGRAPH, LLW_ORIGIN_DRAFTED, activities);
    }
}

/* ", tăng 25% so với năm 2020 (1.000.000 người)", or nothing when last year's figure of the
 * indicator is unknown. */
static char *
comparison_clause (LlwReportDocument *self,
                   guint              i,
                   double             now)
{
  LlwIndicator *indicator = llw_consolidation_get_indicator (self->data, i);
  int decimals = llw_indicator_get_decimals (indicator);
  const char *measure = llw_indicator_get_measure (indicator);
  int year = 0;
  LlwIndicatorTotal before;
  g_autofree char *then = NULL;
  g_autofree char *change = NULL;
  double difference;

  if (!llw_consolidation_get_previous_total (self->data, i, &before))
    return g_strdup ("");

  year = llw_campaign_get_year (llw_consolidation_get_previous_campaign (self->data));
  then = llw_format_number (before.sum, decimals);
  difference = now - before.sum;
  if (fabs (difference) < 0.005)
    return g_strdup_printf (", bằng năm %d", year);
  if (before.sum > 0)
    change = llw_format_percent (100.0 * fabs (difference) / before.sum);
  else
    {
      g_autofree char *amount = llw_format_number (fabs (difference), decimals);

      change = g_strdup_printf ("%s%s%s", amount, measure[0] ? " " : "", measure);
    }
  return g_strdup_printf (", %s %s so với năm %d (%s%s%s)", difference > 0 ? "tăng" : "giảm",
                          change, year, then, measure[0] ? " " : "", measure);
}

static char *
result_line (LlwReportDocument *self,
             guint              i,
             gboolean           last)
{
  LlwIndicator *indicator = llw_consolidation_get_indicator (self->data, i);
  LlwIndicatorTotal total = llw_consolidation_get_overall_total (self->data, i);
  g_autofree char *value = NULL;
  g_autofree char *comparison = NULL;

  if (total.count == 0)
    return g_strdup_printf ("- %s: chưa có đơn vị báo cáo%s",
                            llw_indicator_get_label (indicator), last ? "." : ";");

  value = llw_format_number (total.sum, llw_indicator_get_decimals (indicator));
  comparison = comparison_clause (self, i, total.sum);
  return g_strdup_printf ("- %s: %s %s (%u đơn vị báo cáo)%s%s",
                          llw_indicator_get_label (indicator), value,
                          llw_indicator_get_measure (indicator), total.count, comparison,
                          last ? "." : ";");
}

static const char *
group_title (LlwReportDocument *self,
             guint              i)
{
  return llw_indicator_get_group_title (llw_consolidation_get_indicator (self->data, i));
}

/* The main totals as sentences, one group of indicators after another; returns how many
 * groups were numbered. */
static guint
add_totals (LlwReportDocument *self)
{
  guint n = llw_consolidation_get_n_indicators (self->data);
  guint n_groups = 0;

  for (guint i = 0; i < n; i++)
    {
      gboolean last = i + 1 == n || !g_str_equal (group_title (self, i),
                                                  group_title (self, i + 1));
      g_autofree char *line = result_line (self, i, last);

      if (i == 0 || !g_str_equal (group_title (self, i), group_title (self, i - 1)))
        {
          g_autofree char *subheading = g_strdup_printf ("%u. %s", ++n_groups,
                                                         llw_format_strip_numbering (
                                                           group_title (self, i)));

          add (self, LLW_BLOCK_SUBHEADING, LLW_ORIGIN_FIXED, subheading);
        }
      add (self, LLW_BLOCK_ITEM, LLW_ORIGIN_DRAFTED, line);
    }
  return n_groups;
}

/* Returns: whether @i is an indicator whose leaders are named: a headline one, or, in a
 *   catalogue without any, the first of its group. */
static gboolean
is_leading_indicator (LlwReportDocument *self,
                      guint              i,
                      gboolean           any_headline)
{
  if (any_headline)
    return llw_indicator_is_headline (llw_consolidation_get_indicator (self->data, i));
  return i == 0 || !g_str_equal (group_title (self, i), group_title (self, i - 1));
}

/* "cấp huyện: UBND thành phố Rạch Giá (1.250.000 người)", the unit of @group with the
 * highest figure; NULL when none of the group reported it above 0. */
static char *
group_leader (LlwReportDocument *self,
              guint              i,
              LlwUnitGroup       group)
{
  LlwIndicator *indicator = llw_consolidation_get_indicator (self->data, i);
  const LlwConsolidatedUnit *best = NULL;
  double best_value = 0;
  g_autofree char *value = NULL;
  g_autofree char *label = NULL;
  guint first;
  guint n = llw_consolidation_get_group_range (self->data, group, &first);

  for (guint u = first; u < first + n; u++)
    {
      double v;

      if (llw_consolidation_get_value (self->data, u, i, &v) && v > best_value)
        {
          best = llw_consolidation_get_unit (self->data, u);
          best_value = v;
        }
    }
  if (best == NULL)
    return NULL;

  value = llw_format_number (best_value, llw_indicator_get_decimals (indicator));
  label = g_utf8_strdown (llw_format_group_label (group), -1);
  return g_strdup_printf ("%s: %s (%s %s)", label, best->name, value,
                          llw_indicator_get_measure (indicator));
}

/* The units with the highest figures, group by group, for the headline indicators; returns
 * whether any unit reported them. */
static gboolean
add_leaders (LlwReportDocument *self,
             guint              number)
{
  guint n = llw_consolidation_get_n_indicators (self->data);
  gboolean any_headline = FALSE;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subheading = NULL;

  for (guint i = 0; i < n; i++)
    any_headline |= llw_indicator_is_headline (llw_consolidation_get_indicator (self->data, i));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) leaders = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

      if (!is_leading_indicator (self, i, any_headline))
        continue;
      for (LlwUnitGroup group = 0; group < N_GROUPS; group++)
        {
          char *leader = group_leader (self, i, group);

          if (leader != NULL)
            g_ptr_array_add (leaders, leader);
        }
      if (leaders->len == 0)
        continue;
      g_ptr_array_add (leaders, NULL);
      joined = g_strjoinv ("; ", (char **) leaders->pdata);
      g_ptr_array_add (lines, g_strdup_printf ("- %s, cao nhất %s",
                                               llw_indicator_get_label (
                                                 llw_consolidation_get_indicator (self->data,
                                                                                  i)),
                                               joined));
    }
  if (lines->len == 0)
    return FALSE;

  subheading = g_strdup_printf ("%u. Đơn vị có kết quả nổi bật", number);
  add (self, LLW_BLOCK_SUBHEADING, LLW_ORIGIN_FIXED, subheading);
  for (guint k = 0; k < lines->len; k++)
    {
      g_autofree char *line = g_strconcat (g_ptr_array_index (lines, k),
                                           k + 1 < lines->len ? ";" : ".", NULL);

      add (self, LLW_BLOCK_ITEM, LLW_ORIGIN_DRAFTED, line);
    }
  return TRUE;
}

/* The outstanding examples the office named: who, where, for what. */
static void
add_examples (LlwReportDocument *self,
              guint              number)
{
  GListModel *examples = llw_consolidation_get_examples (self->data);
  guint n = g_list_model_get_n_items (examples);
  g_autofree char *subheading = g_strdup_printf ("%u. Tập thể, cá nhân điển hình", number);

  add (self, LLW_BLOCK_SUBHEADING, LLW_ORIGIN_FIXED, subheading);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlwReportExample) example = g_list_model_get_item (examples, i);
      const char *unit = llw_report_example_get_unit_name (example);
      g_autofree char *achievement = g_strstrip (g_strdup (
                                        llw_report_example_get_achievement (example)));
      gsize length = strlen (achievement);
      g_autofree char *line = NULL;

      while (length > 0 && (achievement[length - 1] == '.' || achievement[length - 1] == ';'))
        achievement[--length] = '\0';
      line = g_strdup_printf ("- %s%s%s%s: %s%s", llw_report_example_get_person (example),
                              unit[0] ? " (" : "", unit, unit[0] ? ")" : "", achievement,
                              i + 1 < n ? ";" : ".");
      add (self, LLW_BLOCK_ITEM, LLW_ORIGIN_OFFICE, line);
    }
  for (guint i = 0; n == 0 && i < 2; i++)
    add (self, LLW_BLOCK_DOTS, LLW_ORIGIN_FIXED, DOTTED_LINE);
}

static void
add_results (LlwReportDocument *self)
{
  guint n_groups;

  add (self, LLW_BLOCK_HEADING, LLW_ORIGIN_FIXED, "II. KẾT QUẢ");
  n_groups = add_totals (self);
  add (self, LLW_BLOCK_NOTE, LLW_ORIGIN_FIXED,
       "(Số liệu chi tiết tại Phụ lục I và Phụ lục II kèm theo.)");
  if (add_leaders (self, n_groups + 1))
    n_groups++;
  add_examples (self, n_groups + 1);
}

static void
add_assessment (LlwReportDocument *self)
{
  add (self, LLW_BLOCK_HEADING, LLW_ORIGIN_FIXED, "III. ĐÁNH GIÁ CHUNG");
  add (self, LLW_BLOCK_SUBHEADING, LLW_ORIGIN_FIXED, "1. Ưu điểm");
  add_office_text (self, text (self, LLW_CAMPAIGN_REPORT_ASSESSMENT));
  add (self, LLW_BLOCK_SUBHEADING, LLW_ORIGIN_FIXED, "2. Hạn chế, khó khăn");
  add_office_text (self, text (self, LLW_CAMPAIGN_REPORT_LIMITATIONS));

  add (self, LLW_BLOCK_HEADING, LLW_ORIGIN_FIXED, "IV. ĐỀ XUẤT, KIẾN NGHỊ");
  add_office_text (self, text (self, LLW_CAMPAIGN_REPORT_PROPOSALS));
}

static void
add_closing (LlwReportDocument *self)
{
  const char *subject = text (self, LLW_CAMPAIGN_REPORT_SUBJECT);
  g_autofree char *first = NULL;
  g_autofree char *closing = NULL;

  if (subject[0] == '\0')
    return;
  first = g_utf8_strdown (subject, g_utf8_next_char (subject) - subject);
  closing = g_strdup_printf ("Trên đây là báo cáo %s%s của %s./.", first,
                             g_utf8_next_char (subject),
                             text (self, LLW_CAMPAIGN_OFFICE_PARENT));
  add (self, LLW_BLOCK_PARAGRAPH, LLW_ORIGIN_FIXED, closing);
}

void
llw_report_document_draft_body (LlwReportDocument *self)
{
  add_opening (self);
  add_direction (self);
  add_results (self);
  add_assessment (self);
  add_closing (self);
}
