/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-checklist-pdf.h"
#include "llw-pdf-async.h"
#include "llw-report-layout.h"

/* A checklist or the report written to PDF in a thread, for the window: neither is changed
 * after it is built, and the layout, with its own font map, lives in the thread alone. */

typedef struct
{
  GObject *document;
  gboolean landscape;
  char *path;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_object_unref (data->document);
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
  gboolean ok;

  if (LLW_IS_CHECKLIST (data->document))
    ok = llw_checklist_write_pdf (LLW_CHECKLIST (data->document), data->landscape, data->path,
                                  &error);
  else
    ok = llw_report_layout_write_pdf (LLW_REPORT_DOCUMENT (data->document), data->path,
                                      &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * llw_pdf_write_async:
 * @document: an LlwChecklist or an LlwReportDocument
 * @landscape: for a checklist, whether its pages are turned; the report turns its annexes
 * @path: the PDF to write; an existing file is replaced only by a complete one
 */
void
llw_pdf_write_async (GObject             *document,
                     gboolean             landscape,
                     const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (LLW_IS_CHECKLIST (document) || LLW_IS_REPORT_DOCUMENT (document));
  g_return_if_fail (path != NULL);

  data = g_new0 (WriteData, 1);
  data->document = g_object_ref (document);
  data->landscape = landscape;
  data->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, llw_pdf_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
llw_pdf_write_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == llw_pdf_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
