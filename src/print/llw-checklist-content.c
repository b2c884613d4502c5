/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-checklist-private.h"
#include "llw-database-checklists.h"
#include "llw-date.h"
#include "llw-recipient.h"

/* The three checklists, read from the database. Their text is Vietnamese whatever the
 * interface language: these are the office's documents. */

#define N_GROUPS 3

/* Each group as a heading, and inside a sentence ("Cộng cấp huyện: …"). */
static const char * const group_labels[N_GROUPS] = { "Cấp huyện", "Cấp tỉnh", "Đơn vị khác" };
static const char * const group_names[N_GROUPS] = { "cấp huyện", "cấp tỉnh", "đơn vị khác" };
static const char * const numerals[] = { "I", "II", "III", "IV" };

/* Counts as Vietnamese prose writes them: 1.234 */
static char *
format_count (guint n)
{
  GString *text = g_string_new (NULL);
  g_autofree char *digits = g_strdup_printf ("%u", n);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, '.');
      g_string_append_c (text, digits[i]);
    }

  return g_string_free (text, FALSE);
}

static void
add_span_row (LlwChecklist        *self,
              LlwChecklistRowKind  kind,
              const char          *tt,
              const char          *text)
{
  const char *cells[2] = { tt, text };

  llw_checklist_add_row (self, kind, LLW_CHECKLIST_BOX_NONE, cells);
}

static void
set_heading (LlwChecklist *self,
             LlwCampaign  *campaign,
             const GDate  *today)
{
  g_autofree char *iso = llw_date_to_iso (today);
  g_autofree char *day = llw_date_format (iso);
  g_autofree char *printed = g_strdup_printf ("In ngày %s", day);

  llw_checklist_set_heading (self,
                             llw_campaign_get_text (campaign, LLW_CAMPAIGN_REPORT_PARENT_BODY),
                             llw_campaign_get_text (campaign,
                                                    LLW_CAMPAIGN_REPORT_ISSUING_BODY),
                             llw_campaign_get_text (campaign, LLW_CAMPAIGN_OFFICE_NAME),
                             printed);
}

/* Builds the list of assigned units, or of those missing, as the query streams them:
 * a heading where a group starts, a subtotal where it ends, the total at the end. */
typedef struct
{
  LlwChecklist *checklist;
  gboolean missing_only;
  int group;              /* of the rows being added; -1 before the first */
  guint n_groups;
  guint number;
  guint counts[5];        /* units, received, of which late, awaited, need not report */
  guint totals[5];
} Builder;

/* The sentence of a subtotal or total row. */
static char *
describe_counts (Builder     *builder,
                 const char  *label,
                 const guint *counts)
{
  g_autofree char *units = format_count (counts[0]);
  g_autofree char *received = format_count (counts[1]);
  g_autofree char *late = format_count (counts[2]);
  g_autofree char *waiting = format_count (counts[3]);
  g_autofree char *exempt = format_count (counts[4]);
  GString *text = g_string_new (NULL);

  if (builder->missing_only)
    {
      g_string_printf (text, "%s: %s đơn vị chưa gửi báo cáo.", label, units);
      return g_string_free (text, FALSE);
    }

  g_string_printf (text, "%s: %s đơn vị; đã nhận báo cáo: %s (trễ hạn: %s); chưa nhận: %s",
                   label, units, received, late, waiting);
  if (counts[4] > 0)
    g_string_append_printf (text, "; không phải báo cáo: %s", exempt);
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

static void
end_group (Builder *builder)
{
  g_autofree char *label = NULL;
  g_autofree char *subtotal = NULL;

  if (builder->group < 0)
    return;

  label = g_strdup_printf ("Cộng %s", group_names[builder->group]);
  subtotal = describe_counts (builder, label, builder->counts);
  add_span_row (builder->checklist, LLW_CHECKLIST_ROW_SUBTOTAL, NULL, subtotal);

  for (guint k = 0; k < G_N_ELEMENTS (builder->totals); k++)
    builder->totals[k] += builder->counts[k];
  memset (builder->counts, 0, sizeof builder->counts);
}

static void
add_assigned_row (Builder               *builder,
                  const LlwAssignedUnit *unit,
                  const char            *tt)
{
  g_autofree char *deadline = llw_date_format (unit->deadline);
  g_autofree char *received = NULL;
  g_autofree char *note = NULL;
  LlwChecklistBox box = LLW_CHECKLIST_BOX_EMPTY;

  if (!unit->report_required)
    {
      box = LLW_CHECKLIST_BOX_NONE;
      note = g_strdup ("Không phải báo cáo");
      builder->counts[4]++;
    }
  else if (unit->state == LLW_REPORT_STATE_ON_TIME || unit->state == LLW_REPORT_STATE_LATE)
    {
      box = LLW_CHECKLIST_BOX_TICKED;
      received = llw_date_format (unit->received_date);
      builder->counts[1]++;
      if (unit->state == LLW_REPORT_STATE_LATE)
        {
          note = g_strdup_printf ("Trễ %d ngày", unit->days_late);
          builder->counts[2]++;
        }
    }
  else
    {
      builder->counts[3]++;
      if (unit->state == LLW_REPORT_STATE_MISSING)
        note = g_strdup ("Chưa báo cáo");
    }

  llw_checklist_add_row (builder->checklist, LLW_CHECKLIST_ROW_ITEM, box,
                         (const char *[]) { tt, unit->name, deadline, NULL, received, note });
}

static void
add_missing_row (Builder               *builder,
                 const LlwAssignedUnit *unit,
                 const char            *tt)
{
  g_autofree char *reminded = llw_date_format (unit->last_reminder);

  llw_checklist_add_row (builder->checklist, LLW_CHECKLIST_ROW_ITEM, LLW_CHECKLIST_BOX_EMPTY,
                         (const char *[]) { tt, unit->name, unit->contact_person, unit->phone,
                                            unit->email, reminded, NULL, NULL });
}

static gboolean
add_unit_cb (const LlwAssignedUnit *unit,
             gpointer               user_data)
{
  Builder *builder = user_data;
  int group = (int) MIN ((guint) unit->group, N_GROUPS - 1);
  g_autofree char *tt = NULL;

  if (builder->missing_only &&
      (!unit->report_required || unit->state != LLW_REPORT_STATE_MISSING))
    return TRUE;

  if (group != builder->group)
    {
      end_group (builder);
      builder->group = group;
      add_span_row (builder->checklist, LLW_CHECKLIST_ROW_GROUP,
                    numerals[builder->n_groups++], group_labels[group]);
    }

  tt = g_strdup_printf ("%u", ++builder->number);
  builder->counts[0]++;
  if (builder->missing_only)
    add_missing_row (builder, unit, tt);
  else
    add_assigned_row (builder, unit, tt);

  return TRUE;
}

static void
add_assigned_columns (LlwChecklist *self)
{
  llw_checklist_add_column (self, "TT", "00", 0, PANGO_ALIGN_CENTER, 0, 0);
  /* The unit gets the room a task column had: tasks are the directive's paragraphs, too
   * long to tick a list off by, and were only ever shown cut. */
  llw_checklist_add_column (self, "Đơn vị", NULL, 1, PANGO_ALIGN_LEFT, 0, 0);
  llw_checklist_add_column (self, "Hạn báo cáo", "00/00/0000", 0, PANGO_ALIGN_CENTER, 0, 0);
  llw_checklist_add_column (self, "Đã nhận", "nhận", 0, PANGO_ALIGN_CENTER, 0,
                            LLW_CHECKLIST_COLUMN_BOX);
  llw_checklist_add_column (self, "Ngày nhận", "00/00/0000", 0, PANGO_ALIGN_CENTER, 0, 0);
  llw_checklist_add_column (self, "Ghi chú", "Chưa báo cáo", 0, PANGO_ALIGN_LEFT, 0, 0);
}

static void
add_missing_columns (LlwChecklist *self)
{
  llw_checklist_add_column (self, "TT", "00", 0, PANGO_ALIGN_CENTER, 0, 0);
  llw_checklist_add_column (self, "Đơn vị", NULL, 3, PANGO_ALIGN_LEFT, 0, 0);
  llw_checklist_add_column (self, "Người liên hệ", NULL, 2, PANGO_ALIGN_LEFT, 0, 0);
  llw_checklist_add_column (self, "Điện thoại", "0000.000.0000", 0, PANGO_ALIGN_LEFT, 0, 0);
  llw_checklist_add_column (self, "Thư điện tử", NULL, 3, PANGO_ALIGN_LEFT, 0, 0);
  llw_checklist_add_column (self, "Nhắc lần cuối", "00/00/0000", 0, PANGO_ALIGN_CENTER, 0, 0);
  llw_checklist_add_column (self, "Đã nhắc", "nhắc", 0, PANGO_ALIGN_CENTER, 0,
                            LLW_CHECKLIST_COLUMN_BOX);
  llw_checklist_add_column (self, "Ghi chú", NULL, 2, PANGO_ALIGN_LEFT, 0,
                            LLW_CHECKLIST_COLUMN_NOTES);
  llw_checklist_set_min_row_lines (self, 2);
}

/* The assigned units (a) or the missing ones (b), district level first. */
static gboolean
build_units (LlwChecklist *self,
             LlwDatabase  *database,
             LlwCampaign  *campaign,
             const GDate  *today,
             gboolean      missing_only,
             GError      **error)
{
  Builder builder = { self, missing_only, -1 };
  g_autofree char *total = NULL;
  g_autofree char *widest = NULL;

  if (missing_only)
    add_missing_columns (self);
  else
    add_assigned_columns (self);

  if (!llw_database_foreach_assigned_unit (database, campaign, today, add_unit_cb, &builder,
                                           error))
    return FALSE;
  end_group (&builder);

  if (missing_only && builder.number == 0)
    add_span_row (self, LLW_CHECKLIST_ROW_NOTE, NULL, "Không có đơn vị nào chưa gửi báo cáo.");
  else
    {
      total = describe_counts (&builder, "Tổng cộng", builder.totals);
      add_span_row (self, LLW_CHECKLIST_ROW_TOTAL, NULL, total);
    }

  /* TT is as wide as the largest number. */
  widest = g_strdup_printf ("%u", MAX (builder.number, 10));
  memset (widest, '0', strlen (widest));
  llw_checklist_set_column_sample (self, 0, widest);
  return TRUE;
}

static void
add_recipient (LlwChecklist *self,
               LlwRecipient *recipient,
               guint         number,
               guint        *sent)
{
  g_autofree char *tt = g_strdup_printf ("%u", number);
  g_autofree char *date = llw_date_format (llw_recipient_get_sent_date (recipient));
  gboolean is_sent = *date != '\0';

  *sent += is_sent;
  llw_checklist_add_row (self, LLW_CHECKLIST_ROW_ITEM,
                         is_sent ? LLW_CHECKLIST_BOX_TICKED : LLW_CHECKLIST_BOX_EMPTY,
                         (const char *[]) { tt, llw_recipient_get_name (recipient), NULL, date,
                                            NULL });
}

/* "to" first (Kính gửi), then "cc" (Nơi nhận), each in the letter's order. */
static gboolean
build_recipients (LlwChecklist *self,
                  LlwDatabase  *database,
                  LlwCampaign  *campaign,
                  GError      **error)
{
  static const char * const kinds[] = { "to", "cc" };
  static const char * const labels[] = { "Kính gửi", "Nơi nhận" };
  g_autoptr(GListModel) recipients = NULL;
  g_autofree char *count = NULL;
  g_autofree char *sent_count = NULL;
  g_autofree char *total = NULL;
  guint n, number = 0, sent = 0, n_groups = 0;

  recipients = llw_database_list_recipients (database, campaign, error);
  if (recipients == NULL)
    return FALSE;
  n = g_list_model_get_n_items (recipients);

  llw_checklist_add_column (self, "TT", n >= 100 ? "000" : "00", 0, PANGO_ALIGN_CENTER, 0, 0);
  llw_checklist_add_column (self, "Nơi nhận", NULL, 4, PANGO_ALIGN_LEFT, 0, 0);
  llw_checklist_add_column (self, "Đã gửi", "nhận", 0, PANGO_ALIGN_CENTER, 0,
                            LLW_CHECKLIST_COLUMN_BOX);
  llw_checklist_add_column (self, "Ngày gửi", "00/00/0000", 0, PANGO_ALIGN_CENTER, 0, 0);
  llw_checklist_add_column (self, "Ghi chú", NULL, 2, PANGO_ALIGN_LEFT, 0,
                            LLW_CHECKLIST_COLUMN_NOTES);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gboolean first = TRUE;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LlwRecipient) recipient = g_list_model_get_item (recipients, i);

          if (g_strcmp0 (llw_recipient_get_kind (recipient), kinds[k]) != 0)
            continue;
          if (first)
            add_span_row (self, LLW_CHECKLIST_ROW_GROUP, numerals[n_groups++], labels[k]);
          first = FALSE;
          add_recipient (self, recipient, ++number, &sent);
        }
    }

  count = format_count (number);
  sent_count = format_count (sent);
  total = g_strdup_printf ("Tổng cộng: %s nơi nhận; đã gửi: %s.", count, sent_count);
  add_span_row (self, LLW_CHECKLIST_ROW_TOTAL, NULL, total);
  return TRUE;
}

static void
set_titles (LlwChecklist     *self,
            LlwCampaign      *campaign,
            LlwChecklistKind  kind,
            const GDate      *today)
{
  g_autofree char *iso = llw_date_to_iso (today);
  g_autofree char *day = llw_date_format (iso);
  g_autofree char *deadline =
    llw_date_format (llw_campaign_get_text (campaign, LLW_CAMPAIGN_UNIT_DEADLINE));
  g_autofree char *directive_date =
    llw_date_format (llw_campaign_get_text (campaign, LLW_CAMPAIGN_DIRECTIVE_DATE));
  const char *directive = llw_campaign_get_text (campaign, LLW_CAMPAIGN_DIRECTIVE_NUMBER);
  const char *title = llw_campaign_get_title (campaign);
  g_autofree char *note = NULL;

  switch (kind)
    {
    case LLW_CHECKLIST_ASSIGNED:
      note = g_strdup_printf ("Hạn gửi báo cáo: %s. Tình hình nhận báo cáo đến ngày %s.",
                              deadline, day);
      llw_checklist_set_title (self, "DANH SÁCH THEO DÕI BÁO CÁO CỦA CÁC ĐƠN VỊ", title, note);
      break;

    case LLW_CHECKLIST_MISSING:
      note = g_strdup_printf ("Tính đến ngày %s (hạn gửi báo cáo: %s).", day, deadline);
      llw_checklist_set_title (self, "DANH SÁCH ĐƠN VỊ CHƯA GỬI BÁO CÁO", title, note);
      break;

    case LLW_CHECKLIST_RECIPIENTS:
      if (directive != NULL && *directive != '\0')
        note = g_strdup_printf ("Công văn số %s%s%s của %s.", directive,
                                *directive_date ? " ngày " : "", directive_date,
                                llw_campaign_get_text (campaign,
                                                       LLW_CAMPAIGN_DIRECTIVE_ISSUER));
      llw_checklist_set_title (self, "DANH SÁCH NƠI NHẬN CÔNG VĂN", title, note);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * llw_checklist_new_for_campaign:
 * @today: the day the list is printed, which decides who is late or missing
 *
 * Returns: (transfer full): the checklist of @kind for @campaign, in Vietnamese, or %NULL
 *   with the database's error
 */
LlwChecklist *
llw_checklist_new_for_campaign (LlwDatabase       *database,
                                LlwCampaign       *campaign,
                                LlwChecklistKind   kind,
                                const GDate       *today,
                                GError           **error)
{
  g_autoptr(LlwChecklist) self = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (LLW_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = llw_checklist_new ();
  set_heading (self, campaign, today);
  set_titles (self, campaign, kind, today);

  if (kind == LLW_CHECKLIST_RECIPIENTS)
    ok = build_recipients (self, database, campaign, error);
  else
    ok = build_units (self, database, campaign, today, kind == LLW_CHECKLIST_MISSING, error);

  return ok ? g_steal_pointer (&self) : NULL;
}

/* Returns: whether @kind has too many columns for a portrait page to read well; the
 *   landscape page is then the one offered first. */
gboolean
llw_checklist_kind_is_wide (LlwChecklistKind kind)
{
  return kind == LLW_CHECKLIST_MISSING;
}
