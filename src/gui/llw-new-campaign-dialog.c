/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-new-campaign-dialog.h"

/* Asks the year of a new campaign, made from the one shown. Create emits ::create with the
 * year typed; whoever makes the campaign closes the dialog, or says why not with
 * llw_new_campaign_dialog_refuse () and leaves it open for another year. */

struct _LlwNewCampaignDialog
{
  GtkWindow parent_instance;

  GtkWidget *create_button;
  GtkWidget *explanation;
  GtkWidget *year_button;
  GtkWidget *refusal;
};

enum {
  CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlwNewCampaignDialog, llw_new_campaign_dialog, GTK_TYPE_WINDOW)

static void
create_clicked_cb (LlwNewCampaignDialog *self)
{
  /* The year typed, not only the one last stepped to. */
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->year_button));
  gtk_widget_set_visible (self->refusal, FALSE);
  g_signal_emit (self, signals[CREATE], 0,
                 gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_button)));
}

static void
llw_new_campaign_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LLW_TYPE_NEW_CAMPAIGN_DIALOG);

  G_OBJECT_CLASS (llw_new_campaign_dialog_parent_class)->dispose (object);
}

static void
llw_new_campaign_dialog_class_init (LlwNewCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_new_campaign_dialog_dispose;

  /**
   * LlwNewCampaignDialog::create:
   * @year: the year typed
   *
   * The user asks for the campaign of @year.
   */
  signals[CREATE] = g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/llweek/Llweek/ui/"
                                                             "llw-new-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwNewCampaignDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, LlwNewCampaignDialog, explanation);
  gtk_widget_class_bind_template_child (widget_class, LlwNewCampaignDialog, year_button);
  gtk_widget_class_bind_template_child (widget_class, LlwNewCampaignDialog, refusal);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  /* A question of the window, as screen readers and the window tests know one. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
llw_new_campaign_dialog_init (LlwNewCampaignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_default_widget (GTK_WINDOW (self), self->create_button);
  /* Enter in the year creates, as the dialog's default button: GTK 4.8's spin button has
   * no activates-default, its text has the signal. */
  g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (self->year_button)),
                            "activate", G_CALLBACK (create_clicked_cb), self);
}

/**
 * llw_new_campaign_dialog_new:
 * @from_year: the year of the campaign the new one is made from
 * @year: the year proposed
 *
 * Returns: (transfer none): the dialog, to present
 */
LlwNewCampaignDialog *
llw_new_campaign_dialog_new (GtkWindow *parent,
                             int        from_year,
                             int        year)
{
  LlwNewCampaignDialog *self = g_object_new (LLW_TYPE_NEW_CAMPAIGN_DIALOG,
                                             "transient-for", parent, NULL);
  g_autofree char *explanation = NULL;

  explanation = g_strdup_printf (_("The new campaign starts from the %d campaign: the units’ "
                                   "assignments, the kinds of activity, the indicators and "
                                   "the recipients are copied, with every date moved to the "
                                   "new year. Themes, activities and reports start empty."),
                                 from_year);
  gtk_label_set_text (GTK_LABEL (self->explanation), explanation);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_button), year);
  return self;
}

/* Says why the year asked for cannot be made, under the year, and lets the user change it. */
void
llw_new_campaign_dialog_refuse (LlwNewCampaignDialog *self,
                                const char           *why)
{
  g_return_if_fail (LLW_IS_NEW_CAMPAIGN_DIALOG (self));

  gtk_label_set_text (GTK_LABEL (self->refusal), why);
  gtk_widget_set_visible (self->refusal, TRUE);
  gtk_widget_grab_focus (self->year_button);
}
