/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "llw-output.h"
#include "llw-pages.h"

/* A document's pages as a PDF file, written as every output is (llw-output.c): into a
 * temporary file that replaces the target only once it has been read back whole, so that a
 * failure (a full disk, a file open in a viewer on Windows) leaves any earlier file as it
 * was. Cairo does not always report a write that failed, so the bytes are counted as they
 * go and the file must hold all of them and end as a PDF ends. GLib's stdio wrappers take
 * UTF-8 names on Windows too. */

typedef struct
{
  LlwPages *pages;
  FILE *file;
  gsize written;
  int saved_errno;
} PdfJob;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  PdfJob *job = closure;

  errno = 0;
  if (fwrite (data, 1, length, job->file) == length)
    {
      job->written += length;
      return CAIRO_STATUS_SUCCESS;
    }

  job->saved_errno = errno != 0 ? errno : EIO;
  return CAIRO_STATUS_WRITE_ERROR;
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

static cairo_status_t
write_surface (PdfJob *job)
{
  const char *title = llw_pages_get_title (job->pages);
  LlwPageGeometry first = { 595, 842 };
  cairo_surface_t *surface;
  cairo_status_t status;

  if (llw_pages_get_n_pages (job->pages) > 0)
    llw_pages_get_page (job->pages, 0, &first);
  surface = cairo_pdf_surface_create_for_stream (write_cb, job, first.width, first.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title != NULL ? title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "llweek " PACKAGE_VERSION);

  status = draw_pages (job->pages, surface);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

static gboolean
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_file (const char  *path,
            gpointer     user_data,
            GError     **error)
{
  PdfJob *job = user_data;
  cairo_status_t status;

  job->file = g_fopen (path, "wb");
  if (job->file == NULL)
    return set_errno_error (error, errno);

  status = write_surface (job);
  if (fclose (job->file) != 0 && job->saved_errno == 0)
    job->saved_errno = errno != 0 ? errno : EIO;
  job->file = NULL;

  if (job->saved_errno != 0)
    return set_errno_error (error, job->saved_errno);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                           cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
incomplete (GError **error)
{
  g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC,
                       _("the PDF came out incomplete; is the disk full?"));
  return FALSE;
}

/* Returns: whether @pdf ends as a PDF file does: "startxref", the offset of a cross-reference
 *   section that lies inside the file, and "%%EOF". */
static gboolean
ends_whole (const char *pdf,
            gsize       size)
{
  gsize end = size, tail, offset;
  const char *startxref = NULL, *at;

  while (end > 0 && g_ascii_isspace (pdf[end - 1]))
    end--;
  if (end < 5 || memcmp (pdf + end - 5, "%%EOF", 5) != 0)
    return FALSE;

  tail = MIN (end, 1024);
  for (const char *p = pdf + end - tail; p + 9 <= pdf + end; p++)
    if (memcmp (p, "startxref", 9) == 0)
      startxref = p;
  if (startxref == NULL)
    return FALSE;

  offset = (gsize) g_ascii_strtoull (startxref + 9, NULL, 10);
  if (offset == 0 || offset + 4 > size)
    return FALSE;
  at = pdf + offset;
  return memcmp (at, "xref", 4) == 0 || g_ascii_isdigit (at[0]);
}

/* A PDF just written is complete when it holds every byte written to it, begins as a PDF
 * and ends as one. */
static gboolean
check_file (const char  *path,
            gpointer     user_data,
            GError     **error)
{
  PdfJob *job = user_data;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);
  const char *pdf;
  gsize size;

  if (mapped == NULL)
    return FALSE;
  pdf = g_mapped_file_get_contents (mapped);
  size = g_mapped_file_get_length (mapped);

  if (size != job->written || size < 8 || memcmp (pdf, "%PDF-", 5) != 0 ||
      !ends_whole (pdf, size))
    return incomplete (error);
  return TRUE;
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
  PdfJob job = { pages, NULL, 0, 0 };

  g_return_val_if_fail (LLW_IS_PAGES (pages), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  llw_pages_paginate (pages, 0);
  return llw_output_write (path, LLW_OUTPUT_NONE, write_file, check_file, &job, error);
}
