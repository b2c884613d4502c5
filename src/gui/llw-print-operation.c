/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-checklist-layout.h"
#include "llw-dialogs.h"
#include "llw-pages.h"
#include "llw-print-operation.h"
#include "llw-report-layout.h"
#include "llw-settings.h"

/* Prints a checklist or the report through the system print dialog, with its preview, page
 * setup and page ranges. The pages are those of the PDF export: the same layout, laid out
 * again for the paper the dialog chose, with the Decree's margins (the operation uses the
 * full page); the report turns the pages of its annexes. */

#define ROWS_PER_STEP 2000

struct _LlwPrintOperation
{
  GtkPrintOperation parent_instance;

  GObject *source;            /* an LlwChecklist or an LlwReportDocument */
  LlwPages *pages;
  char *error_title;
};

G_DEFINE_FINAL_TYPE (LlwPrintOperation, llw_print_operation, GTK_TYPE_PRINT_OPERATION)

/* The printer and its options, kept from one print to the next, and in the settings for the
 * next time llweek runs. */
static GtkPrintSettings *last_settings;

static GtkPrintSettings *
get_last_settings (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GVariant) stored = NULL;

  if (last_settings != NULL)
    return last_settings;
  settings = llw_settings_new ();
  if (settings != NULL)
    stored = g_settings_get_value (settings, "print-settings");
  if (stored != NULL && g_variant_n_children (stored) > 0)
    last_settings = gtk_print_settings_new_from_gvariant (stored);
  return last_settings;
}

static void
keep_settings (GtkPrintSettings *print_settings)
{
  g_autoptr(GSettings) settings = llw_settings_new ();

  g_set_object (&last_settings, print_settings);
  if (settings != NULL && print_settings != NULL)
    g_settings_set_value (settings, "print-settings",
                          gtk_print_settings_to_gvariant (print_settings));
}

/* Measures a slice of the rows at a time, so that the dialog's progress moves. */
static gboolean
paginate_cb (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             gpointer           user_data)
{
  LlwPrintOperation *self = LLW_PRINT_OPERATION (operation);

  if (!llw_pages_paginate (self->pages, ROWS_PER_STEP))
    return FALSE;

  gtk_print_operation_set_n_pages (operation, llw_pages_get_n_pages (self->pages));
  return TRUE;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  GtkWindow *parent = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    keep_settings (gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        llw_show_error (parent, LLW_PRINT_OPERATION (operation)->error_title, error);
    }

  g_clear_object (&parent);
  g_object_unref (operation);
}

static void
llw_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  LlwPrintOperation *self = LLW_PRINT_OPERATION (operation);
  LlwPageGeometry page;

  llw_page_geometry_for_size (&page,
                              gtk_print_context_get_width (context),
                              gtk_print_context_get_height (context));
  g_clear_object (&self->pages);
  if (LLW_IS_CHECKLIST (self->source))
    self->pages = LLW_PAGES (llw_checklist_layout_new (LLW_CHECKLIST (self->source), &page));
  else
    self->pages = LLW_PAGES (llw_report_layout_new (LLW_REPORT_DOCUMENT (self->source), &page));
}

/* The report's annexes are turned, its body is not. */
static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       gpointer           user_data)
{
  LlwPrintOperation *self = LLW_PRINT_OPERATION (operation);
  LlwPageGeometry page;

  if (self->pages == NULL || (guint) page_nr >= llw_pages_get_n_pages (self->pages))
    return;
  llw_pages_get_page (self->pages, (guint) page_nr, &page);
  gtk_page_setup_set_orientation (setup, page.width > page.height
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
llw_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  LlwPrintOperation *self = LLW_PRINT_OPERATION (operation);

  llw_pages_draw_page (self->pages, gtk_print_context_get_cairo_context (context),
                       (guint) page_nr);
}

static void
llw_print_operation_end_print (GtkPrintOperation *operation,
                               GtkPrintContext   *context)
{
  LlwPrintOperation *self = LLW_PRINT_OPERATION (operation);

  g_clear_object (&self->pages);
}

static void
llw_print_operation_finalize (GObject *object)
{
  LlwPrintOperation *self = LLW_PRINT_OPERATION (object);

  g_clear_object (&self->pages);
  g_clear_object (&self->source);
  g_free (self->error_title);

  G_OBJECT_CLASS (llw_print_operation_parent_class)->finalize (object);
}

static void
llw_print_operation_class_init (LlwPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = llw_print_operation_finalize;

  operation_class->begin_print = llw_print_operation_begin_print;
  operation_class->draw_page = llw_print_operation_draw_page;
  operation_class->end_print = llw_print_operation_end_print;
}

static void
llw_print_operation_init (LlwPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);

  /* GTK asks for pagination only from a handler of the signal, not from the class method. */
  g_signal_connect (self, "paginate", G_CALLBACK (paginate_cb), NULL);
  g_signal_connect (self, "request-page-setup", G_CALLBACK (request_page_setup_cb), NULL);
}

/* The settings of the last print, with the file that printing to a file proposes: named
 * after what is printed, in the folder of the last file printed, or else in @folder. */
static GtkPrintSettings *
new_settings (const char *folder,
              const char *file_name)
{
  GtkPrintSettings *settings = get_last_settings () != NULL
                               ? gtk_print_settings_copy (last_settings)
                               : gtk_print_settings_new ();
  const char *last_uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  g_autoptr(GFile) last_file = last_uri != NULL ? g_file_new_for_uri (last_uri) : NULL;
  g_autoptr(GFile) last_folder = last_file != NULL ? g_file_get_parent (last_file) : NULL;
  g_autofree char *last_path = last_folder != NULL ? g_file_get_path (last_folder) : NULL;

  if (last_path != NULL)
    folder = last_path;
  gtk_print_settings_unset (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, file_name);
  if (folder != NULL && folder[0] != '\0')
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, folder);
  return settings;
}

static LlwPrintOperation *
new_operation (GObject    *source,
               gboolean    landscape,
               const char *job_name,
               const char *error_title,
               const char *folder,
               const char *file_name)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GtkPrintSettings) settings = NULL;
  LlwPrintOperation *self = g_object_new (LLW_TYPE_PRINT_OPERATION, NULL);

  self->source = g_object_ref (source);
  self->error_title = g_strdup (error_title);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job_name);
  settings = new_settings (folder, file_name);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);

  return self;
}

/**
 * llw_print_operation_new:
 * @checklist: what to print
 * @landscape: how the page setup is turned at first; the dialog can change it
 * @folder: (nullable): where printing to a file proposes to write, unless the user chose
 *   another folder in an earlier print
 * @file_name: the name printing to a file proposes, without its extension, which follows
 *   the format chosen
 *
 * Returns: (transfer full): an operation printing on A4 unless the user chooses otherwise
 */
LlwPrintOperation *
llw_print_operation_new (LlwChecklist *checklist,
                         gboolean      landscape,
                         const char   *folder,
                         const char   *file_name)
{
  g_return_val_if_fail (LLW_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  return new_operation (G_OBJECT (checklist), landscape, llw_checklist_get_title (checklist),
                        _("The checklist cannot be printed"), folder, file_name);
}

/**
 * llw_print_operation_new_for_report:
 * @document: the report to print, with its annexes
 * @folder: (nullable): as for llw_print_operation_new ()
 * @file_name: as for llw_print_operation_new ()
 *
 * Returns: (transfer full): an operation printing the report on A4 unless the user chooses
 *   otherwise, its annexes turned
 */
LlwPrintOperation *
llw_print_operation_new_for_report (LlwReportDocument *document,
                                    const char        *folder,
                                    const char        *file_name)
{
  g_return_val_if_fail (LLW_IS_REPORT_DOCUMENT (document), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  return new_operation (G_OBJECT (document), FALSE,
                        llw_report_document_get_frame (document)->subject,
                        _("The report cannot be printed"), folder, file_name);
}

/**
 * llw_print_operation_run:
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Opens the print dialog and prints in the background; a failure is shown to the user.
 * The operation keeps itself alive until it is done.
 */
void
llw_print_operation_run (LlwPrintOperation *self,
                         GtkWindow         *parent)
{
  g_return_if_fail (LLW_IS_PRINT_OPERATION (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  /* "done" comes in every case, cancelled or failed too: it shows the error and drops
   * the reference taken here. */
  g_signal_connect_after (g_object_ref (self), "done", G_CALLBACK (done_cb),
                          parent != NULL ? g_object_ref (parent) : NULL);
  gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           parent, NULL);
}
