/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "llw-file-replace.h"
#include "llw-pages.h"

/* A PDF is written to a new file beside the target and moved over it at the end
 * (llw_file_replace ()), so that a failure (a full disk, a file open in a viewer on Windows)
 * leaves any earlier file as it was. GLib's stdio wrappers take UTF-8 names on Windows too. */

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

/* Each page gets its own size: the report's annexes are turned, its body is not. */
static cairo_status_t
draw_pages (LlwPages        *pages,
            cairo_surface_t *surface)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  guint n_pages = llw_pages_get_n_pages (pages);

  for (guint page = 0; page < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      LlwPageGeometry geometry;

      llw_pages_get_page (pages, page, &geometry);
      cairo_pdf_surface_set_size (surface, geometry.width, geometry.height);
      llw_pages_draw_page (pages, cr, page);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  return status;
}

static gboolean
write_pages (LlwPages    *pages,
             const char  *title,
             double       width,
             double       height,
             Output      *output)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (write_cb, output, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title != NULL ? title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "llweek " PACKAGE_VERSION);

  status = draw_pages (pages, surface);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS && output->saved_errno == 0)
    output->saved_errno = status == CAIRO_STATUS_NO_MEMORY ? ENOMEM : EIO;

  return status == CAIRO_STATUS_SUCCESS;
}

/**
 * llw_pages_write_pdf:
 * @pages: a document, paginated or not
 * @path: the PDF to write; an existing file is replaced only once the new one is complete
 *
 * Returns: %TRUE on success; otherwise %FALSE with an error naming @path
 */
gboolean
llw_pages_write_pdf (LlwPages     *pages,
                     const char   *path,
                     GError      **error)
{
  g_autofree char *temp_path = NULL;
  LlwPageGeometry page = { 595, 842 };
  Output output = { NULL, 0 };
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (LLW_IS_PAGES (pages), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  llw_pages_paginate (pages, 0);
  if (llw_pages_get_n_pages (pages) > 0)
    llw_pages_get_page (pages, 0, &page);

  output.file = open_temporary (path, &temp_path);
  if (output.file == NULL)
    {
      set_errno_error (error, path, errno);
      return FALSE;
    }

  ok = write_pages (pages, llw_pages_get_title (pages), page.width, page.height, &output);
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

