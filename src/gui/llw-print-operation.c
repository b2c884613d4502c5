/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-checklist-layout.h"
#include "llw-message.h"
#include "llw-print-operation.h"

/* Prints a checklist through the system print dialog, with its preview, page setup and
 * page ranges. The pages are those of the PDF export: the same layout, laid out again for
 * the paper the dialog chose, with the Decree's margins (the operation uses the full page). */

#define ROWS_PER_STEP 2000

struct _LlwPrintOperation
{
  GtkPrintOperation parent_instance;

  LlwChecklist *checklist;
  LlwChecklistLayout *layout;
};

G_DEFINE_FINAL_TYPE (LlwPrintOperation, llw_print_operation, GTK_TYPE_PRINT_OPERATION)

/* The printer and its options, kept from one print to the next while llweek runs. */
static GtkPrintSettings *last_settings;

/* Measures a slice of the rows at a time, so that the dialog's progress moves. */
static gboolean
paginate_cb (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             gpointer           user_data)
{
  LlwPrintOperation *self = LLW_PRINT_OPERATION (operation);

  if (!llw_checklist_layout_paginate (self->layout, ROWS_PER_STEP))
    return FALSE;

  gtk_print_operation_set_n_pages (operation, llw_checklist_layout_get_n_pages (self->layout));
  return TRUE;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  GtkWindow *parent = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        llw_show_error (parent, _("The checklist cannot be printed"), error);
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
  g_clear_object (&self->layout);
  self->layout = llw_checklist_layout_new (self->checklist, &page);
}

static void
llw_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  LlwPrintOperation *self = LLW_PRINT_OPERATION (operation);

  llw_checklist_layout_draw_page (self->layout, gtk_print_context_get_cairo_context (context),
                                  (guint) page_nr);
}

static void
llw_print_operation_end_print (GtkPrintOperation *operation,
                               GtkPrintContext   *context)
{
  LlwPrintOperation *self = LLW_PRINT_OPERATION (operation);

  g_clear_object (&self->layout);
}

static void
llw_print_operation_finalize (GObject *object)
{
  LlwPrintOperation *self = LLW_PRINT_OPERATION (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->checklist);

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
}

/**
 * llw_print_operation_new:
 * @checklist: what to print
 * @landscape: how the page setup is turned at first; the dialog can change it
 *
 * Returns: (transfer full): an operation printing on A4 unless the user chooses otherwise
 */
LlwPrintOperation *
llw_print_operation_new (LlwChecklist *checklist,
                         gboolean      landscape)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  LlwPrintOperation *self;

  g_return_val_if_fail (LLW_IS_CHECKLIST (checklist), NULL);

  self = g_object_new (LLW_TYPE_PRINT_OPERATION, NULL);
  self->checklist = g_object_ref (checklist);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    llw_checklist_get_title (checklist));
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), last_settings);

  return self;
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
