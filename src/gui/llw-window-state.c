/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-settings.h"
#include "llw-window-private.h"

/* What the window keeps from one use to the next: its size and the campaign it showed. */

static void
save_size (LlwWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  /* The size before maximizing, so that unmaximizing next time gives it back. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

/* Saved once, when the window closes, or when it is destroyed without closing (quit). */
static gboolean
close_request_cb (LlwWindow *self)
{
  save_size (self);
  g_clear_object (&self->settings);
  return FALSE;
}

/* Reads the settings and gives the window its last size. */
void
llw_window_state_init (LlwWindow *self)
{
  self->settings = llw_settings_new ();
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (g_settings_get_int (self->settings, "window-width"), 600),
                               MAX (g_settings_get_int (self->settings, "window-height"), 400));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

/* Remembers the campaign shown, to show it first next time. */
void
llw_window_state_campaign_shown (LlwWindow   *self,
                                 LlwCampaign *campaign)
{
  if (self->settings != NULL)
    g_settings_set_int (self->settings, "last-campaign-year", llw_campaign_get_year (campaign));
}

void
llw_window_state_dispose (LlwWindow *self)
{
  save_size (self);
  g_clear_object (&self->settings);
}
