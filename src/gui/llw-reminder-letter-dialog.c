/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-dialogs.h"
#include "llw-reminder-letter-dialog.h"
#include "llw-reminder-letter.h"
#include "llw-report-status.h"

/* The reminder letter (công văn đôn đốc) to the units that have not reported, as core
 * writes it, to read and copy into the office's own document. */

struct _LlwReminderLetterDialog
{
  GtkWindow parent_instance;

  GtkWidget *summary_label;
  GtkWidget *text_view;
  GtkWidget *copy_button;

  char *text;
  guint copied_id;          /* puts the button's label back after "Copied" */
};

G_DEFINE_FINAL_TYPE (LlwReminderLetterDialog, llw_reminder_letter_dialog, GTK_TYPE_WINDOW)

/* Where the right-hand blocks (the motto, the date, the signer) begin, as in the printed
 * letter: a little past the middle of the page. */
#define RIGHT_BLOCK_POSITION 360

static gboolean
restore_copy_label_cb (gpointer user_data)
{
  LlwReminderLetterDialog *self = user_data;

  self->copied_id = 0;
  gtk_button_set_label (GTK_BUTTON (self->copy_button), _("C_opy"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy"), -1);
  return G_SOURCE_REMOVE;
}

static void
copy_clicked_cb (LlwReminderLetterDialog *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->text);

  gtk_button_set_label (GTK_BUTTON (self->copy_button), _("Copied"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copied"), -1);
  g_clear_handle_id (&self->copied_id, g_source_remove);
  self->copied_id = g_timeout_add_seconds (2, restore_copy_label_cb, self);
}

static guint
count_not_reported (GListModel *statuses)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(LlwReportStatus) status = g_list_model_get_item (statuses, i);
      LlwReportState state = llw_report_status_get_state (status);

      n += state == LLW_REPORT_STATE_MISSING || state == LLW_REPORT_STATE_PENDING;
    }
  return n;
}

static void
show_letter (LlwReminderLetterDialog *self,
             guint                    n_units)
{
  g_autofree char *summary = NULL;
  PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT,
                                                            RIGHT_BLOCK_POSITION);

  gtk_text_view_set_tabs (GTK_TEXT_VIEW (self->text_view), tabs);
  pango_tab_array_free (tabs);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)),
                            self->text, -1);

  summary = g_strdup_printf (ngettext ("To the %u unit that has not reported yet. Copy it into "
                                       "the office’s letter form, and check it before it is "
                                       "signed.",
                                       "To the %u units that have not reported yet. Copy it "
                                       "into the office’s letter form, and check it before it "
                                       "is signed.", n_units), n_units);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
  gtk_widget_set_sensitive (self->copy_button, n_units > 0);
}

static void
llw_reminder_letter_dialog_dispose (GObject *object)
{
  LlwReminderLetterDialog *self = LLW_REMINDER_LETTER_DIALOG (object);

  g_clear_handle_id (&self->copied_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_REMINDER_LETTER_DIALOG);

  G_OBJECT_CLASS (llw_reminder_letter_dialog_parent_class)->dispose (object);
}

static void
llw_reminder_letter_dialog_finalize (GObject *object)
{
  LlwReminderLetterDialog *self = LLW_REMINDER_LETTER_DIALOG (object);

  g_free (self->text);

  G_OBJECT_CLASS (llw_reminder_letter_dialog_parent_class)->finalize (object);
}

static void
llw_reminder_letter_dialog_class_init (LlwReminderLetterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_reminder_letter_dialog_dispose;
  object_class->finalize = llw_reminder_letter_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/"
                                               "llw-reminder-letter-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwReminderLetterDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LlwReminderLetterDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, LlwReminderLetterDialog, copy_button);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
llw_reminder_letter_dialog_init (LlwReminderLetterDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * llw_reminder_letter_dialog_new:
 * @parent: the window it belongs to
 * @data: the campaign shown, whose units that have not reported are reminded
 *
 * Returns: (transfer none): the dialog, to present; %NULL with @error set when the units
 *   cannot be listed
 */
LlwReminderLetterDialog *
llw_reminder_letter_dialog_new (GtkWindow        *parent,
                                LlwCampaignData  *data,
                                GError          **error)
{
  LlwReminderLetterDialog *self;
  GListModel *statuses;

  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (data), NULL);

  statuses = llw_campaign_data_get_report_statuses (data, error);
  if (statuses == NULL)
    return NULL;

  self = g_object_new (LLW_TYPE_REMINDER_LETTER_DIALOG, "transient-for", parent, NULL);
  self->text = llw_reminder_letter_text (llw_campaign_data_get_campaign (data), statuses,
                                         llw_campaign_data_get_today (data));
  if (self->text == NULL)
    self->text = g_strdup (_("Every unit has reported: there is no one to remind."));
  show_letter (self, count_not_reported (statuses));
  llw_dialog_fit (GTK_WINDOW (self), 860, 700);
  return self;
}
