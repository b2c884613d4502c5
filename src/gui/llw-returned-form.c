/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-database-forms.h"
#include "llw-dialogs.h"
#include "llw-returned-form.h"

/* A returned form is kept in the database with its report: opened again, it is copied to
 * the user's cache, under its own name, and shown by the program that opens workbooks. */

/* Returns: whether the report has a returned form to open */
gboolean
llw_returned_form_exists (LlwDatabase *db,
                          gint64       report_id)
{
  g_autoptr(GPtrArray) forms = NULL;

  if (report_id <= 0)
    return FALSE;
  forms = llw_database_list_returned_forms (db, report_id, NULL);
  return forms != NULL && forms->len > 0;
}

static char *
write_copy (LlwDatabase      *db,
            LlwReturnedForm  *form,
            GError          **error)
{
  g_autoptr(GBytes) content = llw_database_load_returned_form (db, form->id, error);
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (content == NULL)
    return NULL;
  /* One folder per form, so that two forms of the same name never meet. */
  folder = g_strdup_printf ("%s%cllweek%creturned-forms%c%" G_GINT64_FORMAT,
                            g_get_user_cache_dir (), G_DIR_SEPARATOR, G_DIR_SEPARATOR,
                            G_DIR_SEPARATOR, form->id);
  name = g_path_get_basename (form->file_name);
  path = g_build_filename (folder, name, NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Cannot create “%s”."), folder);
      return NULL;
    }
  if (!g_file_set_contents (path, g_bytes_get_data (content, NULL),
                            (gssize) g_bytes_get_size (content), error))
    return NULL;
  return g_steal_pointer (&path);
}

static void
shown_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    llw_show_error (GTK_WINDOW (source), _("The returned form cannot be opened"), error);
}

/* Opens the latest form imported into the report. */
void
llw_returned_form_open (GtkWindow   *parent,
                        LlwDatabase *db,
                        gint64       report_id)
{
  g_autoptr(GPtrArray) forms = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  forms = llw_database_list_returned_forms (db, report_id, &error);
  if (forms != NULL && forms->len == 0)
    g_set_error_literal (&error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                         _("No returned form was imported into this report."));
  if (forms != NULL && forms->len > 0)
    path = write_copy (db, forms->pdata[0], &error);
  if (path == NULL)
    {
      llw_show_error (parent, _("The returned form cannot be opened"), error);
      return;
    }
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, shown_cb, NULL);
}
