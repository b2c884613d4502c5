/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-date.h"
#include "llw-reminder-letter.h"
#include "llw-report-status.h"

/* The text of a reminder (công văn đôn đốc) to the units whose report has not arrived, laid
 * out as Decree 30/2020 lays out an official letter, ready to paste into the office's own
 * document. Documents are always Vietnamese: nothing here is translated. Everything about
 * the office comes from the campaign. The two blocks of the header and of the signature are
 * separated by a tab, which a word processor and the window's text view align. */

static const char *
text (LlwCampaign      *campaign,
      LlwCampaignField  field)
{
  const char *value = llw_campaign_get_text (campaign, field);

  return value != NULL ? value : "";
}

/* Lines of a list field ("one a line"), trimmed, without the empty ones. */
static GPtrArray *
list_items (const char *list)
{
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *item = g_strstrip (lines[i]);

      if (item[0] != '\0')
        g_ptr_array_add (items, g_strdup (item));
    }
  return items;
}

/* The letter's number: the report's "/BC-SGDĐT" without its kind, the number left blank for
 * the office's clerk to fill in when the letter is registered. */
static char *
letter_number (LlwCampaign *campaign)
{
  const char *number = text (campaign, LLW_CAMPAIGN_REPORT_NUMBER);
  const char *slash = strrchr (number, '/');
  const char *code = slash != NULL ? slash + 1 : "";

  if (g_str_has_prefix (code, "BC-"))
    code += strlen ("BC-");
  return g_strconcat ("Số:        /", code, NULL);
}

/* What kind of document the directive is, from the kind its number carries. */
static const char *
document_kind (const char *number)
{
  static const struct
  {
    const char *code;
    const char *kind;
  } kinds[] = {
    { "/KH-", "Kế hoạch" },
    { "/QĐ-", "Quyết định" },
    { "/CT-", "Chỉ thị" },
    { "/TB-", "Thông báo" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strstr (number, kinds[i].code) != NULL)
      return kinds[i].kind;
  return "Công văn";
}

/* "V/v tổ chức …" as a subject line reads "về việc tổ chức …" inside a sentence. */
static char *
about (const char *subject)
{
  if (g_str_has_prefix (subject, "V/v ") || g_str_has_prefix (subject, "v/v "))
    return g_strconcat ("về việc ", subject + strlen ("V/v "), NULL);
  if (g_str_has_prefix (subject, "về ") || subject[0] == '\0')
    return g_strdup (subject);
  return g_strconcat ("về việc ", subject, NULL);
}

/* Returns: (transfer full): the units that have not reported, in the list's order. */
static GPtrArray *
units_to_remind (GListModel *statuses)
{
  GPtrArray *units = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (statuses);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlwReportStatus) status = g_list_model_get_item (statuses, i);
      LlwReportState state = llw_report_status_get_state (status);

      if (state == LLW_REPORT_STATE_MISSING || state == LLW_REPORT_STATE_PENDING)
        g_ptr_array_add (units, g_steal_pointer (&status));
    }
  return units;
}

static void
append_header (GString     *letter,
               LlwCampaign *campaign,
               const GDate *today)
{
  g_autofree char *parent = g_utf8_strup (text (campaign, LLW_CAMPAIGN_REPORT_PARENT_BODY), -1);
  g_autofree char *issuer = g_utf8_strup (text (campaign, LLW_CAMPAIGN_REPORT_ISSUING_BODY), -1);
  g_autofree char *number = letter_number (campaign);
  g_autofree char *date_line =
    llw_reminder_letter_date_line (text (campaign, LLW_CAMPAIGN_REPORT_PLACE), today);

  g_string_append_printf (letter, "%s\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", parent);
  g_string_append_printf (letter, "%s\tĐộc lập - Tự do - Hạnh phúc\n\n", issuer);
  g_string_append_printf (letter, "%s\t%s\n", number, date_line);
  g_string_append_printf (letter, "V/v đôn đốc gửi báo cáo kết quả tổ chức %s\n\n",
                          text (campaign, LLW_CAMPAIGN_TITLE));
}

/* "Kính gửi:" the units, each with its own deadline when it is not the campaign's. */
static void
append_addressees (GString     *letter,
                   LlwCampaign *campaign,
                   GPtrArray   *units)
{
  const char *deadline = text (campaign, LLW_CAMPAIGN_UNIT_DEADLINE);

  g_string_append (letter, "Kính gửi:");
  for (guint i = 0; i < units->len; i++)
    {
      LlwReportStatus *status = g_ptr_array_index (units, i);
      const char *own = llw_report_status_get_deadline (status);
      g_autofree char *own_text = llw_date_format (own);

      g_string_append_printf (letter, "%s%s", units->len > 1 ? "\n- " : " ",
                              llw_report_status_get_unit_name (status));
      if (own != NULL && own[0] != '\0' && g_strcmp0 (own, deadline) != 0)
        g_string_append_printf (letter, " (hạn trước ngày %s)", own_text);
      g_string_append (letter, i + 1 < units->len ? ";" : ".");
    }
  g_string_append (letter, "\n\n");
}

/* Where to send the report: "Sở … (qua Phòng …), địa chỉ: …; điện thoại: …; thư điện tử: …" */
static char *
office_contact (LlwCampaign *campaign)
{
  const char *office = text (campaign, LLW_CAMPAIGN_OFFICE_NAME);
  const char *address = text (campaign, LLW_CAMPAIGN_OFFICE_ADDRESS);
  const char *phone = text (campaign, LLW_CAMPAIGN_OFFICE_PHONE);
  const char *email = text (campaign, LLW_CAMPAIGN_OFFICE_EMAIL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contact = NULL;

  if (address[0] != '\0')
    g_ptr_array_add (parts, g_strconcat ("địa chỉ: ", address, NULL));
  if (phone[0] != '\0')
    g_ptr_array_add (parts, g_strconcat ("điện thoại: ", phone, NULL));
  if (email[0] != '\0')
    g_ptr_array_add (parts, g_strconcat ("thư điện tử: ", email, NULL));
  g_ptr_array_add (parts, NULL);
  contact = g_strjoinv ("; ", (char **) parts->pdata);

  return g_strdup_printf ("%s%s%s%s%s",
                          office[0] != '\0' ? " (qua " : "", office,
                          office[0] != '\0' ? ")" : "",
                          contact[0] != '\0' ? ", " : "", contact);
}

/* The office the reports go to, as the letter names it: "Sở Giáo dục và Đào tạo". */
static const char *
office_name (LlwCampaign *campaign)
{
  const char *office = text (campaign, LLW_CAMPAIGN_OFFICE_PARENT);

  return office[0] != '\0' ? office : text (campaign, LLW_CAMPAIGN_OFFICE_NAME);
}

/* What the directive asked of the units, and by when. */
static void
append_request (GString     *letter,
                LlwCampaign *campaign)
{
  const char *number = text (campaign, LLW_CAMPAIGN_DIRECTIVE_NUMBER);
  g_autofree char *date = llw_date_format (text (campaign, LLW_CAMPAIGN_DIRECTIVE_DATE));
  g_autofree char *subject = about (text (campaign, LLW_CAMPAIGN_DIRECTIVE_SUBJECT));
  g_autofree char *deadline = llw_date_format (text (campaign, LLW_CAMPAIGN_UNIT_DEADLINE));

  if (number[0] != '\0')
    {
      g_string_append_printf (letter, "Theo %s số %s", document_kind (number), number);
      if (date[0] != '\0')
        g_string_append_printf (letter, " ngày %s", date);
      g_string_append_printf (letter, " của %s %s, ",
                              text (campaign, LLW_CAMPAIGN_DIRECTIVE_ISSUER), subject);
    }
  else
    g_string_append_printf (letter, "Theo kế hoạch tổ chức %s, ",
                            text (campaign, LLW_CAMPAIGN_TITLE));
  g_string_append_printf (letter, "các đơn vị gửi báo cáo kết quả tổ chức Tuần lễ về %s",
                          office_name (campaign));
  if (deadline[0] != '\0')
    g_string_append_printf (letter, " trước ngày %s", deadline);
  g_string_append (letter, ".\n\n");
}

/* Why it is urgent (the office reports to the bodies above it by their deadline), and where
 * to send the report. */
static void
append_urging (GString     *letter,
               LlwCampaign *campaign,
               const char  *units)
{
  const char *office = office_name (campaign);
  g_autofree char *ministry = llw_date_format (text (campaign,
                                                    LLW_CAMPAIGN_MINISTRY_DEADLINE));
  g_autoptr(GPtrArray) bodies = list_items (text (campaign, LLW_CAMPAIGN_REPORT_TO));
  g_autofree char *contact = office_contact (campaign);
  g_autofree char *higher = NULL;

  g_ptr_array_add (bodies, NULL);
  higher = g_strjoinv (", ", (char **) bodies->pdata);

  g_string_append (letter, "Để kịp tổng hợp");
  if (higher[0] != '\0')
    g_string_append_printf (letter, ", báo cáo %s", higher);
  if (ministry[0] != '\0')
    g_string_append_printf (letter, " trước ngày %s", ministry);
  g_string_append_printf (letter, ", %s đề nghị Thủ trưởng %s khẩn trương chỉ đạo gửi báo cáo "
                          "kết quả tổ chức %s về %s%s.\n\n", office, units,
                          text (campaign, LLW_CAMPAIGN_TITLE), office, contact);
}

static void
append_body (GString     *letter,
             LlwCampaign *campaign,
             guint        n_units,
             const GDate *today)
{
  g_autofree char *today_iso = llw_date_to_iso (today);
  g_autofree char *today_text = llw_date_format (today_iso);
  const char *units = n_units > 1 ? "các đơn vị" : "đơn vị";

  append_request (letter, campaign);
  g_string_append_printf (letter, "Tính đến ngày %s, %s chưa nhận được báo cáo của %s nêu "
                          "trên.\n\n", today_text, office_name (campaign), units);
  append_urging (letter, campaign, units);
  g_string_append (letter, "Trân trọng./.\n\n");
}

/* "Nơi nhận:" at left, the signer at right: copies to the addressees, and the office's own
 * file reference as the consolidated report gives it. */
static void
append_signature (GString     *letter,
                  LlwCampaign *campaign)
{
  g_autoptr(GPtrArray) cc = list_items (text (campaign, LLW_CAMPAIGN_REPORT_CC));
  const char *name = text (campaign, LLW_CAMPAIGN_REPORT_SIGNER_NAME);
  const char *file = "Lưu: VT";
  g_autofree char *file_line = NULL;
  const char *left[3] = { "Nơi nhận:", "- Như trên;", NULL };
  const char *right[3] = {
    text (campaign, LLW_CAMPAIGN_REPORT_SIGNER_AUTHORITY),
    text (campaign, LLW_CAMPAIGN_REPORT_SIGNER_TITLE),
    "",
  };

  for (guint i = 0; i < cc->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (cc, i), "Lưu"))
      file = g_ptr_array_index (cc, i);
  file_line = g_strconcat ("- ", file, g_str_has_suffix (file, ".") ? "" : ".", NULL);
  left[2] = file_line;

  for (guint i = 0; i < G_N_ELEMENTS (left); i++)
    g_string_append_printf (letter, "%s%s%s\n", left[i], right[i][0] != '\0' ? "\t" : "",
                            right[i]);
  /* Room for the signature and the seal, then the signer's name when it is known. */
  if (name[0] != '\0')
    g_string_append_printf (letter, "\n\n\n\t%s\n", name);
}

/**
 * llw_reminder_letter_date_line:
 * @place: the place name of the date line, such as "Kiên Giang"
 * @date: the day
 *
 * Returns: (transfer full): "Kiên Giang, ngày 05 tháng 02 năm 2022": Decree 30 gives days
 *   below 10 and the months January and February a leading zero
 */
char *
llw_reminder_letter_date_line (const char  *place,
                        const GDate *date)
{
  guint day, month;

  g_return_val_if_fail (place != NULL && date != NULL && g_date_valid (date), NULL);

  day = g_date_get_day (date);
  month = g_date_get_month (date);
  return g_strdup_printf ("%s%sngày %s%u tháng %s%u năm %u", place, place[0] != '\0' ? ", " : "",
                          day < 10 ? "0" : "", day, month < 3 ? "0" : "", month,
                          g_date_get_year (date));
}

/**
 * llw_reminder_letter_text:
 * @campaign: the campaign, which gives the office, the deadlines and the signer
 * @statuses: the LlwReportStatus of the units; those that have not reported are reminded
 * @today: the date of the letter
 *
 * Returns: (transfer full) (nullable): the letter, in Vietnamese, or %NULL when every unit
 *   has reported
 */
char *
llw_reminder_letter_text (LlwCampaign *campaign,
                          GListModel  *statuses,
                          const GDate *today)
{
  g_autoptr(GPtrArray) units = NULL;
  GString *letter;

  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (statuses), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  units = units_to_remind (statuses);
  if (units->len == 0)
    return NULL;

  letter = g_string_new (NULL);
  append_header (letter, campaign, today);
  append_addressees (letter, campaign, units);
  append_body (letter, campaign, units->len, today);
  append_signature (letter, campaign);

  return g_string_free (letter, FALSE);
}
