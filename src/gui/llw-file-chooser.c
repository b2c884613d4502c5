/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-file-chooser.h"
#include "llw-settings.h"

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
