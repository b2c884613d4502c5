/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-date.h"
#include "llw-dialogs.h"
#include "llw-window-private.h"

/* Past years are history. A campaign past its Ministry deadline is closed: a bar above the
 * tabs says so, and that its records can be viewed and exported but not changed (core
 * refuses the changes; the forms show them greyed). Reopening it is a menu action that asks
 * first and is written in the campaign's history; so is closing it again. */

static LlwCampaign *
current_campaign (LlwWindow *self)
{
  return llw_campaign_data_get_campaign (self->data);
}

/* Opens or closes the campaign shown, with its line of history, and says so. */
static void
set_reopened (LlwWindow *self,
              gboolean   reopened)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int year = llw_campaign_get_year (current_campaign (self));

  if (!llw_database_reopen_campaign (self->database, current_campaign (self), reopened,
                                     &error))
    {
      llw_show_error (GTK_WINDOW (self), reopened ? _("The campaign cannot be reopened")
                                                  : _("The campaign cannot be closed"), error);
      return;
    }
  message = reopened ? g_strdup_printf (_("The %d campaign is open for editing."), year)
                     : g_strdup_printf (_("The %d campaign is closed again."), year);
  llw_notification_bar_show (self->notification_bar, message, FALSE);
}

static void
reopen_confirmed_cb (GtkWindow *window,
                     gpointer   unused)
{
  set_reopened (LLW_WINDOW (window), TRUE);
}

void
llw_window_reopen_campaign_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  LlwCampaign *campaign = current_campaign (self);
  g_autofree char *deadline = llw_date_format (llw_campaign_get_text (
                                                 campaign, LLW_CAMPAIGN_MINISTRY_DEADLINE));
  g_autofree char *question = g_strdup_printf (_("Reopen the %d campaign for editing?"),
                                               llw_campaign_get_year (campaign));
  g_autofree char *detail = g_strdup_printf (
    _("Its report was due at the Ministry on %s, and the campaign is closed so that what was "
      "reported stays as it was. Changes made now will no longer match that report. Reopening "
      "is written in the campaign’s history; close it again when you are done."), deadline);

  llw_ask (GTK_WINDOW (self), question, detail, NULL, _("_Reopen"), FALSE, reopen_confirmed_cb,
           NULL, NULL);
}

void
llw_window_close_campaign_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  set_reopened (LLW_WINDOW (widget), FALSE);
}

/* The bar and the menu follow the campaign shown: closed, reopened, or neither. */
void
llw_window_closing_campaign_shown (LlwWindow *self)
{
  LlwCampaign *campaign = current_campaign (self);
  const GDate *today = llw_campaign_data_get_today (self->data);
  gboolean past = llw_campaign_is_past_deadline (campaign, today);
  gboolean reopened = llw_campaign_get_reopened (campaign);
  gboolean writable = !llw_database_is_read_only (self->database);
  int year = llw_campaign_get_year (campaign);
  g_autofree char *deadline = llw_date_format (llw_campaign_get_text (
                                                 campaign, LLW_CAMPAIGN_MINISTRY_DEADLINE));
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->closed_bar, past);
  if (!past)
    return;

  if (reopened)
    text = g_strdup_printf (_("The %d campaign was reopened for editing after its report was "
                              "due at the Ministry on %s: changes no longer match that "
                              "report."), year, deadline);
  else
    text = g_strdup_printf (_("The %d campaign is closed: its report was due at the Ministry "
                              "on %s. Its records can be viewed and exported but not changed."),
                            year, deadline);
  gtk_label_set_text (GTK_LABEL (self->closed_label), text);
  gtk_button_set_label (GTK_BUTTON (self->closed_button),
                        reopened ? _("_Close it again") : _("_Reopen for editing…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->closed_button),
                                  reopened ? "win.close-campaign" : "win.reopen-campaign");
  gtk_widget_set_visible (self->closed_button, writable);
}
