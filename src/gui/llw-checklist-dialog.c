/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-checklist-dialog.h"
#include "llw-checklist-pdf.h"
#include "llw-date.h"
#include "llw-dialogs.h"
#include "llw-pdf-async.h"
#include "llw-print-operation.h"
#include "llw-report-document.h"

/* Asks which checklist, or the report, to print or save, and how a checklist's page is
 * turned, then hands over to the print dialog or to a file chooser. It reads the database
 * when the user accepts, so that the document shows the reports received until then. */

struct _LlwChecklistDialog
{
  GtkWindow parent_instance;

  GtkButton *accept_button;
  GtkCheckButton *assigned_button;
  GtkCheckButton *missing_button;
  GtkCheckButton *recipients_button;
  GtkCheckButton *report_button;
  GtkWidget *orientation_box;
  GtkCheckButton *portrait_button;
  GtkCheckButton *landscape_button;

  LlwDatabase *database;
  LlwCampaign *campaign;
  LlwChecklistDialogAction action;
  gboolean orientation_chosen;   /* by the user: a change of list no longer turns the page */
};

G_DEFINE_FINAL_TYPE (LlwChecklistDialog, llw_checklist_dialog, GTK_TYPE_WINDOW)

/* What a save in progress needs once the dialog is gone. */
typedef struct
{
  GtkWindow *parent;
  GObject *document;           /* an LlwChecklist or an LlwReportDocument */
  gboolean landscape;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->document);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static LlwChecklistKind
get_kind (LlwChecklistDialog *self)
{
  if (gtk_check_button_get_active (self->missing_button))
    return LLW_CHECKLIST_MISSING;
  if (gtk_check_button_get_active (self->recipients_button))
    return LLW_CHECKLIST_RECIPIENTS;
  return LLW_CHECKLIST_ASSIGNED;
}

static gboolean
is_report (LlwChecklistDialog *self)
{
  return gtk_check_button_get_active (self->report_button);
}

/* A file name without diacritics, which every system and mail program takes; without its
 * extension. */
static char *
default_file_name (LlwChecklistDialog *self)
{
  static const char * const names[] = {
    [LLW_CHECKLIST_ASSIGNED] = "danh-sach-theo-doi-bao-cao",
    [LLW_CHECKLIST_MISSING] = "danh-sach-chua-bao-cao",
    [LLW_CHECKLIST_RECIPIENTS] = "danh-sach-noi-nhan",
  };
  int year = llw_campaign_get_year (self->campaign);

  if (is_report (self))
    return g_strdup_printf ("Bao-cao-Tuan-le-HTSD-%d", year);
  return g_strdup_printf ("%s-%d", names[get_kind (self)], year);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;

  if (!llw_pdf_write_finish (result, &error))
    llw_show_error (data->parent, LLW_IS_CHECKLIST (data->document)
                                  ? _("The checklist cannot be saved")
                                  : _("The report cannot be saved"), error);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GFile) file = llw_file_chooser_take (GTK_FILE_CHOOSER_NATIVE (chooser), response);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  SaveData *save;

  if (path == NULL)
    return;

  /* A long list takes seconds to write: the window stays responsive meanwhile. The data
   * goes to the callback; it is read before, since arguments have no order of evaluation. */
  save = g_steal_pointer (&data);
  llw_pdf_write_async (save->document, save->landscape, path, NULL, saved_cb, save);
}

static void
choose_file (LlwChecklistDialog *self,
             GObject            *document,
             gboolean            landscape)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *base = default_file_name (self);
  g_autofree char *name = g_strconcat (base, ".pdf", NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  SaveData *data;

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  chooser = llw_file_chooser_new (parent, _("Choose where to save the PDF"),
                                  GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), name, filter);

  data = g_new0 (SaveData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->document = g_object_ref (document);
  data->landscape = landscape;

  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The report as of today, with last year's figures beside it. */
static LlwReportDocument *
make_report (LlwChecklistDialog  *self,
             GError             **error)
{
  g_autoptr(LlwConsolidation) data = NULL;
  GDate today;

  llw_date_today (&today);
  data = llw_consolidation_load (self->database, self->campaign, &today, error);
  return data != NULL ? llw_report_document_new (data) : NULL;
}

static GObject *
make_document (LlwChecklistDialog  *self,
               GError             **error)
{
  GDate today;

  if (is_report (self))
    return G_OBJECT (make_report (self, error));
  llw_date_today (&today);
  return G_OBJECT (llw_checklist_new_for_campaign (self->database, self->campaign,
                                                   get_kind (self), &today, error));
}

static void
accept_clicked_cb (LlwChecklistDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gboolean landscape = gtk_check_button_get_active (self->landscape_button);
  g_autoptr(GObject) document = NULL;
  g_autoptr(GError) error = NULL;

  document = make_document (self, &error);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  if (document == NULL)
    llw_show_error (parent, is_report (self) ? _("The report cannot be prepared")
                                             : _("The checklist cannot be prepared"), error);
  else if (self->action == LLW_CHECKLIST_DIALOG_PRINT)
    {
      g_autofree char *folder = llw_file_chooser_get_folder ();
      g_autofree char *name = default_file_name (self);
      g_autoptr(LlwPrintOperation) operation =
        LLW_IS_CHECKLIST (document)
        ? llw_print_operation_new (LLW_CHECKLIST (document), landscape, folder, name)
        : llw_print_operation_new_for_report (LLW_REPORT_DOCUMENT (document), folder, name);

      llw_print_operation_run (operation, parent);
    }
  else
    choose_file (self, document, landscape);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
orientation_toggled_cb (LlwChecklistDialog *self,
                        GtkCheckButton     *button)
{
  if (gtk_check_button_get_active (button))
    self->orientation_chosen = TRUE;
}

/* The list of missing units has too many columns to read well upright: choosing it turns
 * the page, unless the user has turned it already. */
static void
kind_toggled_cb (LlwChecklistDialog *self,
                 GtkCheckButton     *button)
{
  GtkCheckButton *orientation;

  /* The report turns its annexes' pages itself. */
  gtk_widget_set_sensitive (self->orientation_box, !is_report (self));
  if (!gtk_check_button_get_active (button) || self->orientation_chosen || is_report (self))
    return;

  orientation = llw_checklist_kind_is_wide (get_kind (self)) ? self->landscape_button
                                                             : self->portrait_button;
  g_signal_handlers_block_by_func (self->portrait_button, orientation_toggled_cb, self);
  g_signal_handlers_block_by_func (self->landscape_button, orientation_toggled_cb, self);
  gtk_check_button_set_active (orientation, TRUE);
  g_signal_handlers_unblock_by_func (self->portrait_button, orientation_toggled_cb, self);
  g_signal_handlers_unblock_by_func (self->landscape_button, orientation_toggled_cb, self);
}

static void
llw_checklist_dialog_dispose (GObject *object)
{
  LlwChecklistDialog *self = LLW_CHECKLIST_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_CHECKLIST_DIALOG);
  g_clear_object (&self->database);
  g_clear_object (&self->campaign);

  G_OBJECT_CLASS (llw_checklist_dialog_parent_class)->dispose (object);
}

static void
llw_checklist_dialog_class_init (LlwChecklistDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_checklist_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/"
                                               "llw-checklist-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwChecklistDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, LlwChecklistDialog, assigned_button);
  gtk_widget_class_bind_template_child (widget_class, LlwChecklistDialog, missing_button);
  gtk_widget_class_bind_template_child (widget_class, LlwChecklistDialog, recipients_button);
  gtk_widget_class_bind_template_child (widget_class, LlwChecklistDialog, report_button);
  gtk_widget_class_bind_template_child (widget_class, LlwChecklistDialog, orientation_box);
  gtk_widget_class_bind_template_child (widget_class, LlwChecklistDialog, portrait_button);
  gtk_widget_class_bind_template_child (widget_class, LlwChecklistDialog, landscape_button);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, orientation_toggled_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
llw_checklist_dialog_init (LlwChecklistDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Enter prints or saves from the list of choices, where it would only tick again the
   * choice that has the focus. */
  llw_dialog_add_shortcuts (GTK_WINDOW (self), TRUE);
}

/**
 * llw_checklist_dialog_new:
 * @parent: the window the dialog, and the print dialog or file chooser after it, belong to
 * @action: whether the chosen checklist, or the report, is printed or saved as PDF
 *
 * Returns: (transfer none): a modal dialog, to be presented; it destroys itself when done
 */
LlwChecklistDialog *
llw_checklist_dialog_new (GtkWindow                *parent,
                          LlwDatabase              *database,
                          LlwCampaign              *campaign,
                          LlwChecklistDialogAction  action)
{
  LlwChecklistDialog *self;
  gboolean print = action == LLW_CHECKLIST_DIALOG_PRINT;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LLW_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  self = g_object_new (LLW_TYPE_CHECKLIST_DIALOG,
                       "transient-for", parent,
                       "title", print ? _("Print the report or a checklist")
                                     : _("Save the report or a checklist as PDF"),
                       NULL);
  self->database = g_object_ref (database);
  self->campaign = g_object_ref (campaign);
  self->action = action;
  gtk_button_set_label (self->accept_button, print ? _("_Print…") : _("_Save…"));

  return self;
}
