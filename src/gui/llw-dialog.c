/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-dialog.h"

/* What every dialog of the window does alike: the keys that save it, the question before
 * typed changes are thrown away, why Save is off, and a size that fits the screen. */

#define CHANGED_KEY "llw-dialog-changed"
#define DISCARDING_KEY "llw-dialog-discarding"

static gboolean
activate_default_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  GtkWidget *button = gtk_window_get_default_widget (GTK_WINDOW (widget));

  if (button != NULL && gtk_widget_is_sensitive (button) && gtk_widget_get_visible (button))
    gtk_widget_activate (button);
  return TRUE;
}

static void
add_key (GtkShortcutController *controller,
         guint                  key,
         guint                  keypad_key,
         GdkModifierType        modifiers)
{
  GtkShortcutTrigger *trigger;

  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (key, modifiers),
                                         gtk_keyval_trigger_new (keypad_key, modifiers));
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (trigger, gtk_callback_action_new (
                                                            activate_default_cb, NULL, NULL)));
}

/**
 * llw_dialog_add_shortcuts:
 * @dialog: a dialog whose default widget is the button that saves, prints or exports
 * @enter: whether Enter alone clicks that button, from any of the dialog's widgets (a
 *   dialog of choices, where Enter would only tick again what is ticked)
 *
 * Ctrl+Enter clicks the default button from anywhere in @dialog, even from a field that
 * takes Enter for a new line, as the shortcuts window promises; a disabled button stays so.
 */
void
llw_dialog_add_shortcuts (GtkWindow *dialog,
                          gboolean   enter)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_return_if_fail (GTK_IS_WINDOW (dialog));

  add_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Return, GDK_KEY_KP_Enter,
           GDK_CONTROL_MASK);
  if (enter)
    add_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Return, GDK_KEY_KP_Enter, 0);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (dialog), controller);
}

static void
discard_response_cb (GtkDialog *question,
                     int        response,
                     GtkWindow *dialog)
{
  /* The question lives until its response is emitted, after the form may be gone: it lets
   * go of the form now, or it would let go of a freed window then. */
  gtk_window_set_transient_for (GTK_WINDOW (question), NULL);
  gtk_window_destroy (GTK_WINDOW (question));
  if (response != GTK_RESPONSE_REJECT)
    return;

  g_object_set_data (G_OBJECT (dialog), DISCARDING_KEY, GINT_TO_POINTER (TRUE));
  gtk_window_destroy (dialog);
}

static gboolean
close_request_cb (GtkWindow *dialog)
{
  LlwDialogChangedFunc changed = g_object_get_data (G_OBJECT (dialog), CHANGED_KEY);
  GtkWidget *question;
  GtkWidget *discard;

  if (g_object_get_data (G_OBJECT (dialog), DISCARDING_KEY) || !changed (dialog))
    return FALSE;

  question = gtk_message_dialog_new (dialog, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                     GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                     _("Discard the changes?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (question), "%s",
                                            _("What was typed in this form has not been "
                                              "saved."));
  gtk_dialog_add_button (GTK_DIALOG (question), _("_Keep editing"), GTK_RESPONSE_CANCEL);
  discard = gtk_dialog_add_button (GTK_DIALOG (question), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (discard, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  g_signal_connect_object (question, "response", G_CALLBACK (discard_response_cb), dialog, 0);
  gtk_window_present (GTK_WINDOW (question));
  return TRUE;
}

/**
 * llw_dialog_confirm_discard:
 * @dialog: a form
 * @changed: tells whether the user has typed something not saved
 *
 * Escape, Cancel or the window's close ask before throwing changes away. A form that saves
 * closes with gtk_window_destroy (), which asks nothing.
 */
void
llw_dialog_confirm_discard (GtkWindow            *dialog,
                            LlwDialogChangedFunc  changed)
{
  g_return_if_fail (GTK_IS_WINDOW (dialog));
  g_return_if_fail (changed != NULL);

  g_object_set_data (G_OBJECT (dialog), CHANGED_KEY, changed);
  g_signal_connect (dialog, "close-request", G_CALLBACK (close_request_cb), NULL);
}

/**
 * llw_dialog_set_save_hint:
 * @button: a form's Save button, disabled while the form cannot be saved
 * @why: (nullable): what keeps it from being saved, or %NULL when nothing does
 *
 * Says why Save is off, in its tooltip and to screen readers.
 */
void
llw_dialog_set_save_hint (GtkWidget  *button,
                          const char *why)
{
  g_return_if_fail (GTK_IS_WIDGET (button));

  gtk_widget_set_sensitive (button, why == NULL);
  gtk_widget_set_tooltip_text (button, why);
  if (why != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * llw_dialog_fit:
 * @dialog: a dialog not shown yet, transient for the main window
 * @width: the width it would like
 * @height: the height it would like, or -1 for its content's
 *
 * Gives @dialog its default size, within its parent's, so that a dialog opened on a small
 * screen (1024×600) shows its buttons.
 *
 * Returns: the height it may take, at most @height if given
 */
int
llw_dialog_fit (GtkWindow *dialog,
                int        width,
                int        height)
{
  GtkWidget *parent = GTK_WIDGET (gtk_window_get_transient_for (dialog));
  int room = G_MAXINT;

  g_return_val_if_fail (GTK_IS_WINDOW (dialog), height);

  if (parent != NULL && gtk_widget_get_mapped (parent))
    {
      width = MIN (width, gtk_widget_get_width (parent));
      room = gtk_widget_get_height (parent);
      if (height > 0)
        height = MIN (height, room);
    }
  gtk_window_set_default_size (dialog, width, height);
  return height > 0 ? height : room;
}
