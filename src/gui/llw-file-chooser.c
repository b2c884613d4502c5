/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-file-chooser.h"
#include "llw-settings.h"

/* Every file the office takes out of llweek or brings into it is chosen here: the chooser
 * opens in the folder of the last one, where the office keeps its documents, and
 * remembers the folder chosen. */

/**
 * llw_file_chooser_get_folder:
 *
 * Returns: (transfer full) (nullable): the folder of the last file chosen, if it still
 *   exists
 */
char *
llw_file_chooser_get_folder (void)
{
  g_autoptr(GSettings) settings = llw_settings_new ();
  g_autofree char *folder = settings ? g_settings_get_string (settings, "last-export-folder")
                                     : NULL;

  if (folder == NULL || folder[0] == '\0' || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&folder);
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
  GtkFileChooserNative *chooser;
  g_autofree char *folder = llw_file_chooser_get_folder ();

  chooser = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (folder != NULL)
    {
      g_autoptr(GFile) start = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), start, NULL);
    }
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
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

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser), NULL);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);

  if (file != NULL && (folder = g_file_get_parent (file)) != NULL &&
      (path = g_file_get_path (folder)) != NULL && (settings = llw_settings_new ()) != NULL)
    g_settings_set_string (settings, "last-export-folder", path);
  return g_steal_pointer (&file);
}
