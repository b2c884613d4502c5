/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-dialogs.h"
#include "llw-report-dialog.h"
#include "llw-report-status.h"
#include "llw-reports-page.h"
#include "llw-returned-form.h"

/* The Reports tab: every unit that must report, with what it sent and whether it was on time. */

struct _LlwReportsPage
{
  LlwPage parent_instance;

  GtkColumnViewColumn *unit_column;
  GtkColumnView *column_view;
  GtkWidget *receive_button;
  GtkLabel *hint_label;

  LlwCampaignData *data;
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

/* Receiving a report: the selected unit's, or the one double-clicked (or Enter). */

/* The list shows the unit's new state in a row of its own: that row is selected again, so
 * that the clerk finds the unit where it was. */
static void
report_saved_cb (LlwReportsPage  *self,
                 gint64           unit_id,
                 LlwReportDialog *dialog)
{
  GtkSelectionModel *rows = gtk_column_view_get_model (self->column_view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (rows));

  llw_campaign_data_flush_changes (self->data);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlwReportStatus) status = g_list_model_get_item (G_LIST_MODEL (rows), i);

      if (llw_report_status_get_unit_id (status) != unit_id)
        continue;
      gtk_selection_model_select_item (rows, i, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
      return;
    }
}

static void
open_report (LlwReportsPage  *self,
             LlwReportStatus *status)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autoptr(GError) error = NULL;
  LlwReportDialog *dialog;

  if (self->data == NULL || status == NULL)
    return;

  dialog = llw_report_dialog_new (parent, self->data, status, &error);
  if (dialog != NULL)
    {
      g_signal_connect_object (dialog, "saved", G_CALLBACK (report_saved_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  llw_show_error (parent, _("The report cannot be opened"), error);
}

static LlwReportStatus *
get_selected (LlwReportsPage *self)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);

  if (!GTK_IS_SINGLE_SELECTION (selection))
    return NULL;
  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
}

static void
receive (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LlwReportsPage *self = LLW_REPORTS_PAGE (widget);

  open_report (self, get_selected (self));
}

static void
returned_form (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlwReportsPage *self = LLW_REPORTS_PAGE (widget);
  LlwReportStatus *status = get_selected (self);

  if (status != NULL)
    llw_returned_form_open (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                            llw_campaign_data_get_database (self->data),
                            llw_report_status_get_report_id (status));
}

static void
row_activated_cb (LlwReportsPage *self,
                  guint           position,
                  GtkColumnView  *column_view)
{
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  g_autoptr(LlwReportStatus) status = g_list_model_get_item (rows, position);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), position, TRUE);
  open_report (self, status);
}

/* The button, and the hint beside it, say whether the unit's report is new or is opened
 * again. */
static void
selection_changed_cb (LlwReportsPage *self)
{
  LlwReportStatus *status = get_selected (self);
  gboolean received = status != NULL && llw_report_status_get_report_id (status) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.receive", status != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.returned-form",
                                 received && self->data != NULL &&
                                 llw_returned_form_exists (
                                   llw_campaign_data_get_database (self->data),
                                   llw_report_status_get_report_id (status)));
  gtk_button_set_label (GTK_BUTTON (self->receive_button),
                        received ? _("_Open report…") : _("_Receive report…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->receive_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  received ? _("Open report…") : _("Receive report…"), -1);
  gtk_label_set_text (self->hint_label,
                      received
                      ? _("Open the unit's report to see or correct it, or double-click it.")
                      : _("Select a unit and receive its report, or double-click it. "
                          "Receiving it again updates it."));
}

static gboolean
llw_reports_page_load (LlwPage          *page,
                       LlwCampaignData  *data,
                       GError          **error)
{
  GListModel *statuses = llw_campaign_data_get_report_statuses (data, error);

  if (statuses == NULL)
    return FALSE;

  g_set_object (&LLW_REPORTS_PAGE (page)->data, data);
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
  g_clear_object (&LLW_REPORTS_PAGE (object)->data);

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
  gtk_widget_class_bind_template_child (widget_class, LlwReportsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LlwReportsPage, receive_button);
  gtk_widget_class_bind_template_child (widget_class, LlwReportsPage, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, format_channel);
  gtk_widget_class_bind_template_callback (widget_class, format_review_state);

  gtk_widget_class_install_action (widget_class, "reports.receive", NULL, receive);
  gtk_widget_class_install_action (widget_class, "reports.returned-form", NULL, returned_form);
}

static void
llw_reports_page_init (LlwReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_column_view_column_set_sorter (self->unit_column,
                                     llw_page_get_sort_key_sorter (LLW_PAGE (self)));
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_model (self->column_view),
                           "notify::selected-item", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.receive", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.returned-form", FALSE);
}
