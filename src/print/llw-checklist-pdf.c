/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-checklist-pdf.h"
#include "llw-date.h"
#include "llw-pdf.h"

/* The checklists as PDF files, written through llw_pdf_write (): a failure (a full disk, a
 * file open in a viewer on Windows) leaves any earlier file as it was. */

static void
draw_page (cairo_t  *cr,
           guint     page,
           gpointer  user_data)
{
  llw_checklist_layout_draw_page (user_data, cr, page);
}

/**
 * llw_checklist_layout_write_pdf:
 * @layout: a layout, paginated or not
 * @path: the PDF to write; an existing file is replaced only once the new one is complete
 *
 * Returns: %TRUE on success; otherwise %FALSE with an error naming @path
 */
gboolean
llw_checklist_layout_write_pdf (LlwChecklistLayout  *layout,
                                const char          *path,
                                GError             **error)
{
  LlwPageGeometry page;

  g_return_val_if_fail (LLW_IS_CHECKLIST_LAYOUT (layout), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  llw_checklist_layout_paginate (layout, 0);
  llw_checklist_layout_get_page (layout, &page);

  return llw_pdf_write (path, llw_checklist_layout_get_title (layout), page.width, page.height,
                        llw_checklist_layout_get_n_pages (layout), draw_page, layout, error);
}

/* Lays out @checklist on A4, portrait or landscape, and writes it to @path as PDF. */
gboolean
llw_checklist_write_pdf (LlwChecklist  *checklist,
                         gboolean       landscape,
                         const char    *path,
                         GError       **error)
{
  g_autoptr(LlwChecklistLayout) layout = NULL;
  LlwPageGeometry page;

  g_return_val_if_fail (LLW_IS_CHECKLIST (checklist), FALSE);

  llw_page_geometry_a4 (&page, landscape);
  layout = llw_checklist_layout_new (checklist, &page);
  return llw_checklist_layout_write_pdf (layout, path, error);
}

typedef struct
{
  LlwChecklist *checklist;
  gboolean landscape;
  char *path;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_object_unref (data->checklist);
  g_free (data->path);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (llw_checklist_write_pdf (data->checklist, data->landscape, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Like llw_checklist_write_pdf (), in a thread: the checklist is not changed after it is
 * built, and the layout, with its own font map, lives in the thread alone. */
void
llw_checklist_write_pdf_async (LlwChecklist        *checklist,
                               gboolean             landscape,
                               const char          *path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (LLW_IS_CHECKLIST (checklist));
  g_return_if_fail (path != NULL);

  data = g_new0 (WriteData, 1);
  data->checklist = g_object_ref (checklist);
  data->landscape = landscape;
  data->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, llw_checklist_write_pdf_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
llw_checklist_write_pdf_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * llw_checklist_export_pdf:
 * @database: the database the command line opened
 * @campaign: its campaign to list
 *
 * What `llweek --print-checklist` does: the checklist of @kind as of today (LLWEEK_TODAY
 * fixes the day), on A4 in the orientation the kind reads best in.
 *
 * Returns: %TRUE on success; otherwise %FALSE with a one-line error naming the file at fault
 */
gboolean
llw_checklist_export_pdf (LlwDatabase       *database,
                          LlwCampaign       *campaign,
                          LlwChecklistKind   kind,
                          const char        *path,
                          GError           **error)
{
  g_autoptr(LlwChecklist) checklist = NULL;
  GDate today;

  g_return_val_if_fail (LLW_IS_DATABASE (database) && LLW_IS_CAMPAIGN (campaign), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  llw_date_today (&today);
  checklist = llw_checklist_new_for_campaign (database, campaign, kind, &today, error);
  if (checklist == NULL)
    return FALSE;  /* the database's errors name its file */

  return llw_checklist_write_pdf (checklist, llw_checklist_kind_is_wide (kind), path, error);
}
