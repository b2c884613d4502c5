/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-report-status.h"
#include "llw-reports-page.h"

/* The Reports tab: every unit that must report, with what it sent and whether it was on time. */

struct _LlwReportsPage
{
  LlwPage parent_instance;

  GtkColumnViewColumn *unit_column;
};

G_DEFINE_FINAL_TYPE (LlwReportsPage, llw_reports_page, LLW_TYPE_PAGE)

static char *
format_channel (gpointer unused,
                int      channel)
{
  return g_strdup (llw_channel_to_label (channel));
}

static char *
format_review_state (gpointer unused,
                     int      review_state)
{
  return g_strdup (llw_review_state_to_label (review_state));
}

static gboolean
llw_reports_page_load (LlwPage          *page,
                       LlwCampaignData  *data,
                       GError          **error)
{
  GListModel *statuses = llw_campaign_data_get_report_statuses (data, error);

  if (statuses == NULL)
    return FALSE;

  llw_page_set_items (page, statuses);
  return TRUE;
}

static const char *
llw_reports_page_get_search_key (LlwPage  *page,
                                 gpointer  item)
{
  return llw_report_status_get_search_key (item);
}

static const char *
llw_reports_page_get_sort_key (LlwPage  *page,
                               gpointer  item)
{
  return llw_report_status_get_sort_key (item);
}

static char *
llw_reports_page_format_count (LlwPage *page,
                               guint    n_items)
{
  return g_strdup_printf (ngettext ("%u unit must report", "%u units must report", n_items),
                          n_items);
}

static void
llw_reports_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LLW_TYPE_REPORTS_PAGE);

  G_OBJECT_CLASS (llw_reports_page_parent_class)->dispose (object);
}

static void
llw_reports_page_class_init (LlwReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LlwPageClass *page_class = LLW_PAGE_CLASS (klass);

  object_class->dispose = llw_reports_page_dispose;

  page_class->empty_icon_name = "x-office-document-symbolic";
  page_class->empty_title = N_("No unit has to report in this campaign");
  /* Translators: %s is the text typed in the search entry */
  page_class->no_match_title = N_("No unit matches “%s”");
  page_class->load = llw_reports_page_load;
  page_class->get_search_key = llw_reports_page_get_search_key;
  page_class->get_sort_key = llw_reports_page_get_sort_key;
  page_class->format_count = llw_reports_page_format_count;

  g_type_ensure (LLW_TYPE_REPORT_STATUS);
  llw_page_class_set_template (page_class, "/io/github/llweek/Llweek/ui/llw-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwReportsPage, unit_column);
  gtk_widget_class_bind_template_callback (widget_class, format_channel);
  gtk_widget_class_bind_template_callback (widget_class, format_review_state);
}

static void
llw_reports_page_init (LlwReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_column_view_column_set_sorter (self->unit_column,
                                     llw_page_get_sort_key_sorter (LLW_PAGE (self)));
}
