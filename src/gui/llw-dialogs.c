/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-dialogs.h"
#include "llw-settings.h"

/* The window's messages, questions, file choosers and what its forms do alike, in one place:
 * each is made the same way everywhere, and moving to GTK 4.10's GtkAlertDialog and
 * GtkFileDialog is this file.
 *
 * A message tells the user that something failed or needs attention: modal over its parent,
 * it closes itself when answered. A question asks before something that cannot be undone
 * easily, with Cancel as its default answer. */

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

/* A question's answer, kept until the question goes. */
typedef struct
{
  GtkWindow *parent;
  LlwAnswerFunc accepted;
  gpointer data;
  GDestroyNotify destroy;
} Answer;

static void
answer_free (gpointer  data,
             GClosure *closure)
{
  Answer *answer = data;

  g_clear_weak_pointer (&answer->parent);
  if (answer->destroy != NULL)
    answer->destroy (answer->data);
  g_free (answer);
}

static void
question_response_cb (GtkDialog *question,
                      int        response,
                      Answer    *answer)
{
  /* The question lives until its response is emitted, after its parent may be gone (the
   * answer may close it): it lets go of the parent now, or it would let go of a freed window
   * then. */
  gtk_window_set_transient_for (GTK_WINDOW (question), NULL);
  gtk_window_destroy (GTK_WINDOW (question));
  if (response == GTK_RESPONSE_ACCEPT && answer->parent != NULL)
    answer->accepted (answer->parent, answer->data);
}

/**
 * llw_ask:
 * @parent: the window the question is about
 * @question: what is asked, in a few words
 * @detail: what answering yes does, and what it cannot undo
 * @cancel: (nullable): the label of the button that does not, "_Cancel" if %NULL
 * @accept: the label of the button that goes ahead, "_Restore"
 * @destructive: whether going ahead throws something away: its button says so
 * @accepted: called with @parent and @data if the user goes ahead
 * @data: (transfer full): for @accepted, freed with @destroy once the question is gone
 *
 * Asks @question over @parent, with @cancel, the default, and @accept.
 */
void
llw_ask (GtkWindow      *parent,
         const char     *question,
         const char     *detail,
         const char     *cancel,
         const char     *accept,
         gboolean        destructive,
         LlwAnswerFunc   accepted,
         gpointer        data,
         GDestroyNotify  destroy)
{
  Answer *answer = g_new0 (Answer, 1);
  GtkWidget *dialog;
  GtkWidget *button;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  answer->accepted = accepted;
  answer->data = data;
  answer->destroy = destroy;
  g_set_weak_pointer (&answer->parent, parent);

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", question);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  gtk_dialog_add_button (GTK_DIALOG (dialog), cancel != NULL ? cancel : _("_Cancel"),
                         GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), accept, GTK_RESPONSE_ACCEPT);
  if (destructive)
    gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect_data (dialog, "response", G_CALLBACK (question_response_cb), answer,
                         answer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Every file the office takes out of llweek or brings into it is chosen here: the chooser
 * opens in the folder of the last one, where the office keeps its documents, and
 * remembers the folder chosen. The first time it opens in the documents folder rather than
 * on GTK's "Recent", which lists files of every program. */

/* Whether the folder a chooser was opened in is llweek's own (the backups), not the user's:
 * a file chosen there does not move the next chooser there. */
#define OWN_FOLDER_KEY "llw-own-folder"

static char *
dup_existing_folder (const char *folder)
{
  return folder != NULL && folder[0] != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR)
         ? g_strdup (folder) : NULL;
}

/* Returns: whether @chooser opens in @folder, which exists. */
static gboolean
start_in (GtkFileChooserNative *chooser,
          const char           *folder)
{
  g_autoptr(GFile) start = NULL;

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    return FALSE;
  start = g_file_new_for_path (folder);
  return gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), start, NULL);
}

/**
 * llw_file_chooser_get_folder:
 *
 * Returns: (transfer full): the folder of the last file chosen, if it still exists, or else
 *   the user's documents folder, or else the home folder
 */
char *
llw_file_chooser_get_folder (void)
{
  g_autoptr(GSettings) settings = llw_settings_new ();
  g_autofree char *last = settings ? g_settings_get_string (settings, "last-export-folder")
                                   : NULL;
  char *folder = dup_existing_folder (last);

  if (folder == NULL)
    folder = dup_existing_folder (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
  if (folder == NULL)
    folder = g_strdup (g_get_home_dir ());
  return folder;
}

static GtkFileChooserNative *
new_chooser (GtkWindow            *parent,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *name,
             GtkFileFilter        *filter,
             const char           *folder)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Set once: GTK 4.8's chooser reports a folder change made while it reads the last one as
   * an error ("Operation was cancelled"). */
  start_in (chooser, folder);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  return chooser;
}

/**
 * llw_file_chooser_new:
 * @parent: the window the chooser is modal for
 * @name: (nullable): the file name proposed, for saving
 * @filter: (nullable): the files shown
 *
 * Returns: (transfer full): a chooser to show; its "response" handler gives it to
 *   llw_file_chooser_take ()
 */
GtkFileChooserNative *
llw_file_chooser_new (GtkWindow            *parent,
                      const char           *title,
                      GtkFileChooserAction  action,
                      const char           *accept,
                      const char           *name,
                      GtkFileFilter        *filter)
{
  g_autofree char *folder = llw_file_chooser_get_folder ();

  return new_chooser (parent, title, action, accept, name, filter, folder);
}

/**
 * llw_file_chooser_new_in:
 * @parent: the window the chooser is modal for
 * @filter: (nullable): the files shown
 * @own_folder: a folder of llweek's own, such as its backups
 *
 * Like llw_file_chooser_new (), for opening a file, but in @own_folder if it exists. A
 * file chosen there does not change the folder the next chooser opens in.
 *
 * Returns: (transfer full): a chooser to show
 */
GtkFileChooserNative *
llw_file_chooser_new_in (GtkWindow     *parent,
                         const char    *title,
                         const char    *accept,
                         GtkFileFilter *filter,
                         const char    *own_folder)
{
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (own_folder != NULL, NULL);

  if (!g_file_test (own_folder, G_FILE_TEST_IS_DIR))
    return llw_file_chooser_new (parent, title, GTK_FILE_CHOOSER_ACTION_OPEN, accept, NULL,
                                 filter);

  chooser = new_chooser (parent, title, GTK_FILE_CHOOSER_ACTION_OPEN, accept, NULL, filter,
                         own_folder);
  g_object_set_data (G_OBJECT (chooser), OWN_FOLDER_KEY, GINT_TO_POINTER (TRUE));
  return chooser;
}

/**
 * llw_file_chooser_take:
 * @chooser: (transfer full): a chooser of llw_file_chooser_new () that has responded
 * @response: its response
 *
 * Destroys the chooser and remembers the folder of the file chosen.
 *
 * Returns: (transfer full) (nullable): the file chosen, or %NULL if the user cancelled
 */
GFile *
llw_file_chooser_take (GtkFileChooserNative *chooser,
                       int                   response)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;
  gboolean own_folder;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser), NULL);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  own_folder = g_object_get_data (G_OBJECT (chooser), OWN_FOLDER_KEY) != NULL;
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);

  if (file != NULL && !own_folder && (folder = g_file_get_parent (file)) != NULL &&
      (path = g_file_get_path (folder)) != NULL && (settings = llw_settings_new ()) != NULL)
    g_settings_set_string (settings, "last-export-folder", path);
  return g_steal_pointer (&file);
}

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
discard_confirmed_cb (GtkWindow *dialog,
                      gpointer   unused)
{
  g_object_set_data (G_OBJECT (dialog), DISCARDING_KEY, GINT_TO_POINTER (TRUE));
  gtk_window_destroy (dialog);
}

static gboolean
close_request_cb (GtkWindow *dialog)
{
  LlwDialogChangedFunc changed = g_object_get_data (G_OBJECT (dialog), CHANGED_KEY);

  if (g_object_get_data (G_OBJECT (dialog), DISCARDING_KEY) || !changed (dialog))
    return FALSE;

  llw_ask (dialog, _("Discard the changes?"), _("What was typed in this form has not been "
                                                "saved."),
           _("_Keep editing"), _("_Discard"), TRUE, discard_confirmed_cb, NULL, NULL);
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
