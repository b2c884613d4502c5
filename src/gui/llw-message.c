/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-message.h"

/* The one way the window tells the user that something failed or needs attention: a modal
 * message over @parent that closes itself when answered. */

/**
 * llw_show_message:
 * @parent: (nullable): the window the message belongs to
 * @title: what happened, in a few words
 * @detail: (nullable): why, and what to do about it
 */
void
llw_show_message (GtkWindow      *parent,
                  GtkMessageType  type,
                  const char     *title,
                  const char     *detail)
{
  GtkWidget *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   type, GTK_BUTTONS_CLOSE, "%s", title);
  if (detail != NULL && detail[0] != '\0')
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * llw_show_error:
 * @error: (nullable): the reason; without one the title is said alone
 */
void
llw_show_error (GtkWindow    *parent,
                const char   *title,
                const GError *error)
{
  llw_show_message (parent, GTK_MESSAGE_ERROR, title, error != NULL ? error->message : NULL);
}
