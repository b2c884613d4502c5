/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-deletion-question.h"

/* The question asked before a delete that takes more than the record asked for: it names
 * what goes, and in which campaign, and what stays. A campaign's tab changes that campaign:
 * taking a unit out of it says so, and that the unit's other years are kept. */

static char *
primary_text (LlwDeletion *deletion,
              LlwCampaign *campaign)
{
  const char *label = llw_deletion_get_label (deletion);

  if (campaign == NULL)
    return g_strdup_printf (_("Delete “%s” from every campaign?"), label);
  if (!llw_deletion_takes_record (deletion))
    return g_strdup_printf (_("Remove “%s” from the %d campaign?"), label,
                            llw_campaign_get_year (campaign));
  return g_strdup_printf (_("Delete “%s”?"), label);
}

static char *
secondary_text (LlwDeletion *deletion,
                LlwCampaign *campaign)
{
  g_autofree char *dependents = llw_deletion_describe_dependents (deletion);
  g_autofree char *kept = llw_deletion_describe_kept (deletion);
  const char *undo = _("While this window stays open, Ctrl+Z brings everything back.");

  if (campaign == NULL && dependents == NULL)
    return g_strdup_printf ("%s %s", _("It has nothing in any campaign."), undo);
  if (campaign == NULL)
    return g_strdup_printf (_("This deletes it with everything it has in every campaign: %s. "
                              "%s"), dependents, undo);
  if (!llw_deletion_takes_record (deletion) && kept != NULL)
    /* Translators: the campaign's year, what goes, then the years of the other campaigns */
    return g_strdup_printf (_("In %d this deletes %s. Its records in %s stay as they are. %s"),
                            llw_campaign_get_year (campaign), dependents, kept, undo);
  if (!llw_deletion_takes_record (deletion))
    return g_strdup_printf (_("In %d this deletes %s. The unit itself stays. %s"),
                            llw_campaign_get_year (campaign), dependents, undo);
  return g_strdup_printf (_("This also deletes: %s. %s"), dependents ? dependents : "", undo);
}

/**
 * llw_deletion_question_new:
 * @parent: the window asked over
 * @deletion: a planned deletion
 * @campaign: (nullable): the campaign whose tab asks, or %NULL for a deletion from every
 *   campaign
 *
 * Returns: (transfer none): a modal question, not shown yet, whose "response" is
 *   %GTK_RESPONSE_ACCEPT to go ahead; Cancel is the default
 */
GtkWidget *
llw_deletion_question_new (GtkWindow   *parent,
                           LlwDeletion *deletion,
                           LlwCampaign *campaign)
{
  g_autofree char *primary = primary_text (deletion, campaign);
  g_autofree char *secondary = secondary_text (deletion, campaign);
  gboolean removes = campaign != NULL && !llw_deletion_takes_record (deletion);
  GtkWidget *dialog;
  GtkWidget *button;

  g_return_val_if_fail (LLW_IS_DELETION (deletion), NULL);

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), removes ? _("_Remove") : _("_Delete"),
                                  GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  return dialog;
}
