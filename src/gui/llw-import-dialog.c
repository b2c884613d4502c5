/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-changes-view.h"
#include "llw-dialogs.h"
#include "llw-import-dialog.h"
#include "llw-import.h"

/* Importing figures from a CSV file, as --import-reports does, with a look first: the file
 * is read and checked, and either every problem is listed (nothing is written), or what the
 * import would change is said, and Import applies it. Reading, checking and importing run on
 * a worker thread with a connection of their own (llw_database_run_async ()): 50,000 rows
 * take seconds, during which the dialog shows a spinner and the window goes on answering.
 * Closing the dialog while the import runs stops it: nothing is written. */

struct _LlwImportDialog
{
  GtkWindow parent_instance;

  GtkWidget *cancel_button;
  GtkWidget *import_button;
  GtkWidget *icon;
  GtkWidget *spinner;
  GtkWidget *heading_label;
  GtkWidget *summary_label;
  GtkWidget *problems_window;
  GtkWidget *problems_list;
  GtkWidget *changes_view;

  LlwImport *import;
  GFile *file;
  GCancellable *cancellable;  /* of the work running; %NULL once the dialog is disposed */
  gboolean applying;
};

G_DEFINE_FINAL_TYPE (LlwImportDialog, llw_import_dialog, GTK_TYPE_WINDOW)

static void
show_state (LlwImportDialog *self,
            const char      *icon_name,
            const char      *heading,
            const char      *summary,
            gboolean         can_import)
{
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_set_visible (self->icon, TRUE);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon_name);
  gtk_label_set_text (GTK_LABEL (self->heading_label), heading);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
  gtk_widget_set_visible (self->import_button, can_import);
  gtk_widget_set_sensitive (self->cancel_button, TRUE);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), can_import ? _("_Cancel")
                                                                     : _("_Close"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cancel_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  can_import ? _("Cancel") : _("Close"), -1);
}

/* Work runs: a spinner instead of the icon, and Cancel stops it (or Stop, while importing). */
static void
show_working (LlwImportDialog *self,
              const char      *heading,
              gboolean         importing)
{
  show_state (self, "document-open-symbolic", heading, "", FALSE);
  gtk_widget_set_visible (self->icon, FALSE);
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), importing ? _("_Stop") : _("_Cancel"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cancel_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  importing ? _("Stop") : _("Cancel"), -1);
}

/* The file cannot be imported: every problem, by line and column. */
static void
show_problems (LlwImportDialog *self,
               const char      *message)
{
  GPtrArray *problems = llw_import_get_problems (self->import);

  for (guint i = 0; i < problems->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (problems, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_margin_bottom (label, 4);
      gtk_widget_set_margin_start (label, 8);
      gtk_widget_set_margin_end (label, 8);
      gtk_list_box_append (GTK_LIST_BOX (self->problems_list), label);
    }
  gtk_widget_set_visible (self->problems_window, problems->len > 0);
  show_state (self, "dialog-error-symbolic", message,
              _("Correct the file and import it again. Nothing was changed."), FALSE);
}

static void
show_preview (LlwImportDialog *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *heading = g_strdup_printf (_("“%s” can be imported"), name);
  g_autofree char *changes = llw_import_describe (self->import, TRUE);
  guint n_rows = llw_import_get_n_rows (self->import);
  g_autofree char *rows = g_strdup_printf (ngettext ("The file gives the figures of %u unit.",
                                                     "The file gives the figures of %u units.",
                                                     n_rows), n_rows);
  g_autofree char *summary = g_strdup_printf ("%s %s\n%s", rows, changes,
                                              _("Import writes the changes listed below, in "
                                                "the history of each report."));
  LlwChangePlan *plan = llw_import_get_plan (self->import);

  show_state (self, "document-open-symbolic", heading, summary, TRUE);
  llw_changes_view_set_plan (LLW_CHANGES_VIEW (self->changes_view), plan);
  gtk_widget_set_visible (self->changes_view, llw_change_plan_get_n_reports (plan) > 0);
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LlwImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = NULL;
  gboolean ok = llw_import_apply_finish (LLW_IMPORT (source), result, &error);

  self->applying = FALSE;
  if (self->cancellable == NULL)
    return;
  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_state (self, "dialog-information-symbolic", _("The import was stopped"),
                  _("Stopped. Nothing was changed."), FALSE);
      return;
    }
  if (!ok)
    {
      show_state (self, "dialog-error-symbolic", _("The figures could not be imported"),
                  error->message, FALSE);
      return;
    }

  changes = llw_import_describe (self->import, FALSE);
  show_state (self, "emblem-ok-symbolic", _("Figures imported"), changes, FALSE);
  llw_changes_view_set_plan (LLW_CHANGES_VIEW (self->changes_view),
                             llw_import_get_plan (self->import));
  gtk_widget_grab_focus (self->cancel_button);
}

static void
import_clicked_cb (LlwImportDialog *self)
{
  self->applying = TRUE;
  gtk_widget_set_visible (self->changes_view, FALSE);
  show_working (self, _("Importing the figures…"), TRUE);
  llw_import_apply_async (self->import, self->cancellable, applied_cb, g_object_ref (self));
}

/* Closing while the import runs stops it, and the dialog stays to say that nothing was
 * written; closing while the file is read just closes. */
static gboolean
close_request_cb (LlwImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  if (!self->applying)
    return FALSE;
  gtk_label_set_text (GTK_LABEL (self->heading_label), _("Stopping…"));
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
  return TRUE;
}

static void
llw_import_dialog_dispose (GObject *object)
{
  LlwImportDialog *self = LLW_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->import);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (llw_import_dialog_parent_class)->dispose (object);
}

static void
llw_import_dialog_class_init (LlwImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_import_dialog_dispose;

  g_type_ensure (LLW_TYPE_CHANGES_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/llw-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LlwImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, LlwImportDialog, icon);
  gtk_widget_class_bind_template_child (widget_class, LlwImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LlwImportDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LlwImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LlwImportDialog, problems_window);
  gtk_widget_class_bind_template_child (widget_class, LlwImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, LlwImportDialog, changes_view);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
llw_import_dialog_init (LlwImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
  /* Nothing here takes Enter for itself: it imports, while there is something to import. */
  llw_dialog_add_shortcuts (GTK_WINDOW (self), TRUE);
}

/* Reading and checking the file, and finding out what importing it would change, on a
 * worker thread. */
typedef struct
{
  LlwCampaign *campaign;
  char *path;
  LlwImport *import;      /* made on the worker's connection, which it keeps */
  char *problems;         /* the heading of the problems found, if any */
} Check;

static void
check_free (gpointer data)
{
  Check *check = data;

  g_object_unref (check->campaign);
  g_free (check->path);
  g_clear_object (&check->import);
  g_free (check->problems);
  g_free (check);
}

static gboolean
check_job (LlwDatabase   *worker,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Check *check = data;
  g_autoptr(GError) read_error = NULL;

  check->import = llw_import_new (worker, check->campaign);
  if (llw_import_read_file (check->import, check->path, &read_error))
    return llw_import_apply (check->import, TRUE, error);
  /* A file with problems is shown with them; one that cannot be read at all is refused. */
  if (llw_import_get_problems (check->import)->len == 0)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }
  check->problems = g_strdup (read_error->message);
  return TRUE;
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LlwImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Check *check = llw_database_run_get_data (result);
  gboolean ok = llw_database_run_finish (LLW_DATABASE (source), result, &error);

  if (self->cancellable == NULL)
    return;
  if (!ok)
    {
      show_state (self, "dialog-error-symbolic", _("The file cannot be imported"),
                  error->message, FALSE);
      return;
    }

  self->import = g_steal_pointer (&check->import);
  if (check->problems != NULL)
    show_problems (self, check->problems);
  else
    show_preview (self);
}

/**
 * llw_import_dialog_new:
 * @parent: the window it belongs to
 * @data: the campaign the figures are imported into
 * @file: a CSV file in the format of the README
 *
 * Reads and checks @file, and finds out what importing it would change, writing nothing;
 * the dialog says what it found once it has.
 *
 * Returns: (transfer none): the dialog, to present; %NULL with @error set when @file is not
 *   on this computer
 */
LlwImportDialog *
llw_import_dialog_new (GtkWindow        *parent,
                       LlwCampaignData  *data,
                       GFile            *file,
                       GError          **error)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  LlwImportDialog *self;
  Check *check;

  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (data), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_file_peek_path (file) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only a file on this computer can be imported."));
      return NULL;
    }

  self = g_object_new (LLW_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->file = g_object_ref (file);
  name = g_file_get_basename (file);
  heading = g_strdup_printf (_("Reading “%s”…"), name);
  show_working (self, heading, FALSE);

  check = g_new0 (Check, 1);
  check->campaign = g_object_ref (llw_campaign_data_get_campaign (data));
  check->path = g_file_get_path (file);
  llw_database_run_async (llw_campaign_data_get_database (data), check_job, check, check_free,
                          self->cancellable, checked_cb, g_object_ref (self));
  return self;
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                LlwCampaignData *data)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LlwImportDialog *dialog;

  file = llw_file_chooser_take (GTK_FILE_CHOOSER_NATIVE (chooser), response);
  if (file != NULL)
    {
      dialog = llw_import_dialog_new (parent, data, file, &error);
      if (dialog != NULL)
        gtk_window_present (GTK_WINDOW (dialog));
      else
        llw_show_error (parent, _("The file cannot be imported"), error);
    }
}

/* Asks for the file to import, then shows what importing it would do. */
void
llw_import_dialog_choose_file (GtkWindow       *parent,
                               LlwCampaignData *data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (LLW_IS_CAMPAIGN_DATA (data));

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  chooser = llw_file_chooser_new (parent, _("Choose the file of figures to import"),
                                  GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL, csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect_data (chooser, "response", G_CALLBACK (file_chosen_cb), g_object_ref (data),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
