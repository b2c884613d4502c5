/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "llw-checklist-pdf.h"
#include "llw-date.h"
#include "llw-file-replace.h"

/* A PDF is written to a new file beside the target and moved over it at the end, so that
 * a failure (a full disk, a file open in a viewer on Windows) leaves any earlier file as it
 * was. GLib's stdio wrappers take UTF-8 names on Windows too. */

typedef struct
{
  FILE *file;
  int saved_errno;
} Output;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Output *output = closure;

  if (fwrite (data, 1, length, output->file) == length)
    return CAIRO_STATUS_SUCCESS;

  output->saved_errno = errno != 0 ? errno : EIO;
  return CAIRO_STATUS_WRITE_ERROR;
}

/* Returns: a new file in @path's folder, with its name in @temp_path; NULL with errno. */
static FILE *
open_temporary (const char  *path,
                char       **temp_path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *temp_name = g_strdup_printf (".%s.%08x.part", name, g_random_int ());
      g_autofree char *candidate = g_build_filename (folder, temp_name, NULL);
      FILE *file = g_fopen (candidate, "wbx");

      if (file != NULL)
        {
          *temp_path = g_steal_pointer (&candidate);
          return file;
        }
      if (errno != EEXIST)
        return NULL;
    }

  return NULL;
}

static void
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
}

static cairo_status_t
draw_pages (LlwChecklistLayout *layout,
            cairo_surface_t    *surface)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  guint n_pages = llw_checklist_layout_get_n_pages (layout);

  for (guint page = 0; page < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      llw_checklist_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  return status;
}

static gboolean
write_pages (LlwChecklistLayout  *layout,
             const char          *title,
             double               width,
             double               height,
             Output              *output)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (write_cb, output, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title != NULL ? title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "llweek " PACKAGE_VERSION);

  status = draw_pages (layout, surface);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS && output->saved_errno == 0)
    output->saved_errno = status == CAIRO_STATUS_NO_MEMORY ? ENOMEM : EIO;

  return status == CAIRO_STATUS_SUCCESS;
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
  g_autofree char *temp_path = NULL;
  g_autoptr(GError) local_error = NULL;
  LlwPageGeometry page;
  Output output = { NULL, 0 };
  gboolean ok;

  g_return_val_if_fail (LLW_IS_CHECKLIST_LAYOUT (layout), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  llw_checklist_layout_paginate (layout, 0);
  llw_checklist_layout_get_page (layout, &page);

  output.file = open_temporary (path, &temp_path);
  if (output.file == NULL)
    {
      set_errno_error (error, path, errno);
      return FALSE;
    }

  ok = write_pages (layout, llw_checklist_layout_get_title (layout), page.width, page.height,
                    &output);
  if (fclose (output.file) != 0 && ok)
    {
      output.saved_errno = errno;
      ok = FALSE;
    }
  if (!ok)
    {
      g_remove (temp_path);
      set_errno_error (error, path, output.saved_errno);
      return FALSE;
    }

  if (!llw_file_replace (temp_path, path, &local_error))
    {
      g_remove (temp_path);
      g_set_error (error, G_IO_ERROR, local_error->code, _("Cannot write “%s”: %s"), path,
                   local_error->message);
      return FALSE;
    }

  return TRUE;
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
 * @year: the campaign's year, 0 for the latest
 *
 * What `llweek --print-checklist` does: the checklist of @kind as of today (LLWEEK_TODAY
 * fixes the day), on A4 in the orientation the kind reads best in.
 *
 * Returns: %TRUE on success; otherwise %FALSE with a one-line error naming the file at fault
 */
gboolean
llw_checklist_export_pdf (const char        *database_path,
                          int                year,
                          LlwChecklistKind   kind,
                          const char        *path,
                          GError           **error)
{
  g_autoptr(LlwDatabase) database = NULL;
  g_autoptr(LlwCampaign) campaign = NULL;
  g_autoptr(LlwChecklist) checklist = NULL;
  GDate today;

  g_return_val_if_fail (database_path != NULL && path != NULL, FALSE);

  llw_date_today (&today);
  database = llw_database_open (database_path, error);
  if (database != NULL)
    campaign = llw_database_get_campaign (database, year, error);
  if (campaign != NULL)
    checklist = llw_checklist_new_for_campaign (database, campaign, kind, &today, error);

  if (checklist == NULL)
    return FALSE;  /* the database's errors name its file */

  return llw_checklist_write_pdf (checklist, llw_checklist_kind_is_wide (kind), path, error);
}
