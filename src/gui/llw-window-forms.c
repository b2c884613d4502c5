/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-dialogs.h"
#include "llw-forms-dialog.h"
#include "llw-forms.h"
#include "llw-window-private.h"

/* The fill-in forms from the window: making them into a folder, and importing the returned
 * ones, chosen or dropped on the window. */

static LlwCampaign *
current_campaign (LlwWindow *self)
{
  return llw_campaign_data_get_campaign (self->data);
}

/* A chooser that starts in the folder the office used last, or in its documents. */
static GtkFileChooserNative *
new_chooser (LlwWindow            *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  return llw_file_chooser_new (GTK_WINDOW (self), title, action, accept, NULL, NULL);
}

static void
remember_folder (LlwWindow  *self,
                 const char *folder)
{
  if (self->settings != NULL && folder != NULL)
    g_settings_set_string (self->settings, "last-export-folder", folder);
}

static void
forms_made_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LlwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) made = llw_forms_make_finish (LLW_DATABASE (source), result, &error);
  g_autofree char *folder = NULL;
  g_autofree char *message = NULL;

  /* The forms written before Stop stay, each with its own token: they can be sent. */
  if (made == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      llw_window_end_job (self, _("Stopped. The forms made so far stay in the folder."), NULL,
                          NULL);
      return;
    }
  if (made != NULL)
    {
      folder = made->len > 0 ? g_path_get_dirname (made->pdata[0]) : g_strdup ("");
      message = g_strdup_printf (ngettext ("%u form was made in “%s”.",
                                           "%u forms were made in “%s”.", made->len),
                                 made->len, folder);
    }
  llw_window_end_job (self, message, _("The forms could not be made"), error);
}

static void
make_forms_in (LlwWindow  *self,
               const char *folder)
{
  GCancellable *job = llw_window_begin_job (self, _("Making the forms…"));

  if (job != NULL)
    llw_forms_make_async (self->database, current_campaign (self), folder, job, forms_made_cb,
                          g_object_ref (self));
}

static void
replace_confirmed_cb (GtkWindow *window,
                      gpointer   folder)
{
  make_forms_in (LLW_WINDOW (window), folder);
}

/* Forms made before in the same folder are replaced: the user is told how many, and asked. */
static void
folder_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  LlwWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *question = NULL;
  g_autofree char *detail = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL || (folder = g_file_get_path (file)) == NULL)
    return;
  remember_folder (self, folder);

  existing = llw_forms_existing_files (self->database, current_campaign (self), folder, &error);
  if (existing == NULL)
    {
      llw_show_error (GTK_WINDOW (self), _("The forms could not be made"), error);
      return;
    }
  if (existing->len == 0)
    {
      make_forms_in (self, folder);
      return;
    }

  question = g_strdup_printf (ngettext ("Replace %u form in this folder?",
                                        "Replace %u forms in this folder?", existing->len),
                              existing->len);
  detail = g_strdup_printf (_("“%s” already holds forms of the same names. A form a unit "
                              "sent back is kept in llweek once imported, but a file there "
                              "that was not imported yet would be lost."), folder);
  llw_ask (GTK_WINDOW (self), question, detail, NULL, _("_Replace"), TRUE,
           replace_confirmed_cb, g_steal_pointer (&folder), g_free);
}

void
llw_window_make_forms_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Make Report Forms in a Folder"),
                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Make Forms"));
  g_signal_connect (chooser, "response", G_CALLBACK (folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Opens the import of @files (GFile), which may be forms or folders of them. */
static void
import_files (LlwWindow  *self,
              GSList     *files)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  LlwFormsDialog *dialog;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  if (paths->len == 0)
    {
      llw_show_message (GTK_WINDOW (self), GTK_MESSAGE_ERROR, _("The forms cannot be imported"),
                        _("Only files on this computer can be imported."));
      return;
    }
  dialog = llw_forms_dialog_new (GTK_WINDOW (self), self->data, paths);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
forms_chosen_cb (GtkNativeDialog *chooser,
                 int              response,
                 LlwWindow       *self)
{
  g_autoptr(GListModel) chosen = NULL;
  GSList *files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (chosen == NULL)
    return;

  for (guint i = g_list_model_get_n_items (chosen); i > 0; i--)
    files = g_slist_prepend (files, g_list_model_get_item (chosen, i - 1));
  if (files != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (g_file_peek_path (files->data)
                                                    ? g_file_peek_path (files->data) : "");

      remember_folder (self, folder);
    }
  import_files (self, files);
  g_slist_free_full (files, g_object_unref);
}

void
llw_window_import_forms_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) forms = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = new_chooser (self, _("Import Returned Forms"), GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("_Open"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (forms, _("Excel workbooks"));
  gtk_file_filter_add_suffix (forms, "xlsx");
  gtk_file_filter_add_suffix (forms, "xls");
  gtk_file_filter_add_suffix (forms, "ods");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), forms);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (forms_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Returned forms dropped on the window, from the mail program or the file manager. */
static gboolean
files_dropped_cb (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  LlwWindow     *self)
{
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) ||
      !llw_window_action_is_enabled (self, "win.import-forms"))
    return FALSE;
  import_files (self, g_value_get_boxed (value));
  return TRUE;
}

void
llw_window_forms_init (LlwWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (files_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
