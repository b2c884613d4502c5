/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-notification-bar.h"

/* The bar that slides up over the bottom of the window after a delete: what was deleted, and
 * an Undo button (the window's win.undo). It goes away by itself after a while; the undo
 * stays available with Ctrl+Z. While long work runs on a worker thread, it says what runs,
 * with a spinner and a Stop button, until the work's own message replaces it. */

/* Long enough to read the message and reach for the button. */
#define SHOWN_SECONDS 12

struct _LlwNotificationBar
{
  GtkWidget parent_instance;

  GtkWidget *revealer;
  GtkWidget *spinner;
  GtkWidget *label;
  GtkWidget *undo_button;
  GtkWidget *stop_button;
  GtkWidget *close_button;

  GCancellable *cancellable;  /* of the work shown running */
  guint timeout_id;
};

G_DEFINE_FINAL_TYPE (LlwNotificationBar, llw_notification_bar, GTK_TYPE_WIDGET)

static gboolean
timeout_cb (gpointer user_data)
{
  LlwNotificationBar *self = user_data;

  self->timeout_id = 0;
  llw_notification_bar_hide (self);
  return G_SOURCE_REMOVE;
}

static void
close_clicked_cb (LlwNotificationBar *self)
{
  llw_notification_bar_hide (self);
}

static void
stop_clicked_cb (LlwNotificationBar *self)
{
  gtk_label_set_text (GTK_LABEL (self->label), _("Stopping…"));
  gtk_widget_set_sensitive (self->stop_button, FALSE);
  g_cancellable_cancel (self->cancellable);
}

/* Shows @message, with the spinner and Stop only while work runs. */
static void
show_message (LlwNotificationBar *self,
              const char         *message,
              GCancellable       *cancellable)
{
  gboolean busy = cancellable != NULL;

  g_set_object (&self->cancellable, cancellable);
  gtk_label_set_text (GTK_LABEL (self->label), message);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_visible (self->stop_button, busy);
  gtk_widget_set_sensitive (self->stop_button, TRUE);
  gtk_widget_set_visible (self->close_button, !busy);
  gtk_widget_set_visible (self->undo_button, FALSE);
  /* Hidden, the bar lets clicks through to the list below it. */
  gtk_widget_set_can_target (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

static void
llw_notification_bar_dispose (GObject *object)
{
  LlwNotificationBar *self = LLW_NOTIFICATION_BAR (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_NOTIFICATION_BAR);

  G_OBJECT_CLASS (llw_notification_bar_parent_class)->dispose (object);
}

static void
llw_notification_bar_class_init (LlwNotificationBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_notification_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/"
                                               "llw-notification-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwNotificationBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, LlwNotificationBar, label);
  gtk_widget_class_bind_template_child (widget_class, LlwNotificationBar, spinner);
  gtk_widget_class_bind_template_child (widget_class, LlwNotificationBar, undo_button);
  gtk_widget_class_bind_template_child (widget_class, LlwNotificationBar, stop_button);
  gtk_widget_class_bind_template_child (widget_class, LlwNotificationBar, close_button);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
}

static void
llw_notification_bar_init (LlwNotificationBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Shows @message, with the Undo button if @can_undo, for a few seconds. */
void
llw_notification_bar_show (LlwNotificationBar *self,
                           const char         *message,
                           gboolean            can_undo)
{
  g_return_if_fail (LLW_IS_NOTIFICATION_BAR (self));

  show_message (self, message, NULL);
  gtk_widget_set_visible (self->undo_button, can_undo);
  self->timeout_id = g_timeout_add_seconds (SHOWN_SECONDS, timeout_cb, self);
}

/**
 * llw_notification_bar_show_running:
 * @message: what runs, "Exporting the report…"
 * @cancellable: cancelled by the Stop button
 *
 * Shows @message with a spinner and a Stop button until the next message replaces it.
 */
void
llw_notification_bar_show_running (LlwNotificationBar *self,
                                   const char         *message,
                                   GCancellable       *cancellable)
{
  g_return_if_fail (LLW_IS_NOTIFICATION_BAR (self));
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  show_message (self, message, cancellable);
}

void
llw_notification_bar_hide (LlwNotificationBar *self)
{
  g_return_if_fail (LLW_IS_NOTIFICATION_BAR (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->cancellable);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}
