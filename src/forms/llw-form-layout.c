/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-form-layout.h"
#include "llw-text.h"

const LlwFormColumn llw_form_activity_columns[LLW_FORM_N_ACTIVITY_COLUMNS] = {
  { "title", "llw_activity_title", "Tên hoạt động", 36 },
  { "kind", "llw_activity_kind", "Loại hoạt động", 24 },
  { "theme", "llw_activity_theme", "Chủ đề", 28 },
  { "start_date", "llw_activity_start", "Từ ngày", 12 },
  { "end_date", "llw_activity_end", "Đến ngày", 12 },
  { "form", "llw_activity_form", "Hình thức", 12 },
  { "platform", "llw_activity_platform", "Nền tảng trực tuyến", 18 },
  { "place", "llw_activity_place", "Địa điểm", 18 },
  { "participants", "llw_activity_participants", "Số người tham gia", 11 },
  { "note", "llw_activity_note", "Ghi chú", 20 },
};

static const char *const form_words[][2] = {
  { "in_person", "Trực tiếp" },
  { "online", "Trực tuyến" },
  { "mixed", "Kết hợp" },
};

/* Returns: (transfer none): the word the sheet shows for a stored form, "" for none */
const char *
llw_form_activity_form_word (const char *stored)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_words); i++)
    if (g_strcmp0 (stored, form_words[i][0]) == 0)
      return form_words[i][1];
  return "";
}

/* Returns: (transfer none) (nullable): the stored form a word of the sheet stands for,
 *   in any case and composition; %NULL for a word that is none of them */
const char *
llw_form_activity_form_value (const char *word)
{
  g_autofree char *key = llw_text_name_key (word);

  for (guint i = 0; i < G_N_ELEMENTS (form_words); i++)
    {
      g_autofree char *known = llw_text_name_key (form_words[i][1]);

      if (g_str_equal (key, known) || g_str_equal (key, form_words[i][0]))
        return form_words[i][0];
    }
  return NULL;
}
