/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-checklist-dialog.h"
#include "llw-dialogs.h"
#include "llw-export.h"
#include "llw-window-private.h"

/* What the office takes out of llweek or brings back into it: the consolidated workbook,
 * the checklists, and copies of the whole database. */

static LlwCampaign *
current_campaign (LlwWindow *self)
{
  return llw_campaign_data_get_campaign (self->data);
}

/* Only the files of the type asked for, named in the user's words with their pattern. */
static GtkFileFilter *
new_filter (const char *kind,
            const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("%s (%s)", kind, pattern);

  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, name);
  return filter;
}

static GtkFileChooserNative *
new_chooser (LlwWindow            *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *name,
             const char           *kind,
             const char           *pattern)
{
  g_autoptr(GtkFileFilter) filter = new_filter (kind, pattern);

  return llw_file_chooser_new (GTK_WINDOW (self), title, action, accept, name, filter);
}

static void
report_exported_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LlwWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  llw_export_report_finish (LLW_DATABASE (source), result, &error);
  llw_window_end_job (self, _("The report was exported."), _("The report could not be exported"),
                      error);
}

static void
export_chosen_cb (GtkFileChooserNative *chooser,
                  int                   response,
                  LlwWindow            *self)
{
  g_autoptr(GFile) file = llw_file_chooser_take (chooser, response);
  GCancellable *job;

  if (file == NULL || (job = llw_window_begin_job (self, _("Exporting the report…"))) == NULL)
    return;
  llw_export_report_async (self->database, current_campaign (self), file, job,
                           report_exported_cb, g_object_ref (self));
}

void
llw_window_export_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  g_autofree char *name = llw_export_default_filename (current_campaign (self));
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Export the consolidated report"), GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("_Export"), name, _("Excel workbooks"), "*.xlsx");
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
document_exported_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(LlwWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  llw_export_report_finish (LLW_DATABASE (source), result, &error);
  llw_window_end_job (self, _("The report was written as an editable document."),
                      _("The document could not be written"), error);
}

static void
document_chosen_cb (GtkFileChooserNative *chooser,
                    int                   response,
                    LlwWindow            *self)
{
  g_autoptr(GFile) file = llw_file_chooser_take (chooser, response);
  GCancellable *job;

  if (file == NULL ||
      (job = llw_window_begin_job (self, _("Writing the editable document…"))) == NULL)
    return;
  llw_export_document_async (self->database, current_campaign (self), file, job,
                             document_exported_cb, g_object_ref (self));
}

/* The report as an OpenDocument text, to edit in LibreOffice or Word before it is issued. */
void
llw_window_export_document_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  g_autofree char *name = llw_export_document_filename (current_campaign (self));
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Write the report as an editable document"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), name, _("OpenDocument texts"),
                         "*.odt");
  g_signal_connect (chooser, "response", G_CALLBACK (document_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_checklist_dialog (LlwWindow               *self,
                       LlwChecklistDialogAction what)
{
  LlwChecklistDialog *dialog;

  dialog = llw_checklist_dialog_new (GTK_WINDOW (self), self->database, current_campaign (self),
                                     what);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
llw_window_print_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  open_checklist_dialog (LLW_WINDOW (widget), LLW_CHECKLIST_DIALOG_PRINT);
}

void
llw_window_save_checklist_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  open_checklist_dialog (LLW_WINDOW (widget), LLW_CHECKLIST_DIALOG_SAVE_PDF);
}

static gboolean
backup_job (LlwDatabase   *worker,
            gpointer       path,
            GCancellable  *cancellable,
            GError       **error)
{
  return llw_database_backup_to (worker, path, error);
}

static void
backed_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LlwWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  llw_database_run_finish (LLW_DATABASE (source), result, &error);
  llw_window_end_job (self, _("A copy of the data was saved."), _("The copy could not be saved"),
                      error);
}

static void
backup_chosen_cb (GtkFileChooserNative *chooser,
                  int                   response,
                  LlwWindow            *self)
{
  g_autoptr(GFile) file = llw_file_chooser_take (chooser, response);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  GCancellable *job;

  if (path == NULL || (job = llw_window_begin_job (self, _("Saving a copy of the data…"))) == NULL)
    return;
  llw_database_run_async (self->database, backup_job, g_steal_pointer (&path), g_free, job,
                          backed_up_cb, g_object_ref (self));
}

void
llw_window_backup_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "llweek-%Y-%m-%d.db");
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Save a copy of the data"), GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("_Save"), name, _("Copies of the data"), "*.db");
  g_signal_connect (chooser, "response", G_CALLBACK (backup_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
restore_job (LlwDatabase   *worker,
             gpointer       path,
             GCancellable  *cancellable,
             GError       **error)
{
  return llw_database_restore (worker, path, error);
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LlwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = llw_database_run_finish (LLW_DATABASE (source), result, &error);

  if (llw_window_end_job (self, _("The data was restored from the copy."),
                          _("The copy could not be restored"), error) && ok)
    {
      g_autoptr(LlwCampaign) shown = g_object_ref (current_campaign (self));

      llw_window_reload_campaigns (self, shown);
    }
}

static void
restore_confirmed_cb (GtkWindow *window,
                      gpointer   path)
{
  LlwWindow *self = LLW_WINDOW (window);
  GCancellable *job = llw_window_begin_job (self, _("Restoring the data from the copy…"));

  if (job != NULL)
    llw_database_run_async (self->database, restore_job, g_strdup (path), g_free, job,
                            restored_cb, g_object_ref (self));
}

/* Restoring replaces everything: the user is told that the current data is kept as a
 * backup, and asked. */
static void
restore_chosen_cb (GtkFileChooserNative *chooser,
                   int                   response,
                   LlwWindow            *self)
{
  g_autoptr(GFile) file = llw_file_chooser_take (chooser, response);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autofree char *folder = llw_database_get_backup_folder (self->database);
  g_autofree char *detail = NULL;

  if (path == NULL)
    return;
  detail = g_strdup_printf (_("“%s” will replace every campaign, unit and report. The data as "
                              "it is now is first kept in “%s”."), path, folder);
  llw_ask (GTK_WINDOW (self), _("Replace all the data with this copy?"), detail, NULL,
           _("_Restore"), TRUE, restore_confirmed_cb, g_steal_pointer (&path), g_free);
}

void
llw_window_restore_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  g_autofree char *backups = llw_database_get_backup_folder (self->database);
  g_autoptr(GtkFileFilter) filter = new_filter (_("Copies of the data"), "*.db");
  GtkFileChooserNative *chooser;

  /* The copies llweek keeps by itself are where a restore most often starts. */
  chooser = llw_file_chooser_new_in (GTK_WINDOW (self), _("Restore the data from a copy"),
                                     _("_Open"), filter, backups);
  g_signal_connect (chooser, "response", G_CALLBACK (restore_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
