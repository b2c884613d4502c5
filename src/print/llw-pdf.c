/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "llw-output.h"
#include "llw-pdf.h"

/* A PDF file of pages drawn with Cairo, written as every output is (llw-output.c): into a
 * temporary file that replaces the target only once it has been read back whole. Cairo does
 * not always report a write that failed, so the bytes are counted as they go and the file
 * must hold all of them and end as a PDF ends. GLib's stdio wrappers take UTF-8 names on
 * Windows too. */

typedef struct
{
  const char *title;
  double width;
  double height;
  guint n_pages;
  LlwPdfDrawFunc draw;
  gpointer user_data;

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

static cairo_status_t
draw_pages (PdfJob          *job,
            cairo_surface_t *surface)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  for (guint page = 0; page < job->n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      job->draw (cr, page, job->user_data);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  return status;
}

static cairo_status_t
write_surface (PdfJob *job)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (write_cb, job, job->width, job->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  job->title != NULL ? job->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "llweek " PACKAGE_VERSION);

  status = draw_pages (job, surface);
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
check_file (const char  *path,
            gpointer     user_data,
            GError     **error)
{
  PdfJob *job = user_data;

  return llw_pdf_check (path, job->written, error);
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

/**
 * llw_pdf_check:
 * @path: a PDF file just written
 * @expected_size: how many bytes were written to it, or 0 if not known
 *
 * Returns: %TRUE if @path holds all the bytes written and ends as a whole PDF does;
 *   otherwise %FALSE with @error saying the file is incomplete
 */
gboolean
llw_pdf_check (const char  *path,
               gsize        expected_size,
               GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  const char *pdf;
  gsize size;

  g_return_val_if_fail (path != NULL, FALSE);

  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return FALSE;
  pdf = g_mapped_file_get_contents (mapped);
  size = g_mapped_file_get_length (mapped);

  if ((expected_size != 0 && size != expected_size) || size < 8 ||
      memcmp (pdf, "%PDF-", 5) != 0 || !ends_whole (pdf, size))
    return incomplete (error);
  return TRUE;
}

/**
 * llw_pdf_write:
 * @path: the PDF file to write; an existing one is replaced only by a complete file
 * @title: the document's title, in its properties
 * @width: the page's width in points
 * @height: its height
 * @n_pages: how many pages @draw draws
 *
 * Returns: %TRUE on success; otherwise %FALSE with an error naming @path
 */
gboolean
llw_pdf_write (const char      *path,
               const char      *title,
               double           width,
               double           height,
               guint            n_pages,
               LlwPdfDrawFunc   draw,
               gpointer         user_data,
               GError         **error)
{
  PdfJob job = { title, width, height, n_pages, draw, user_data, NULL, 0, 0 };

  g_return_val_if_fail (path != NULL && draw != NULL, FALSE);

  return llw_output_write (path, LLW_OUTPUT_NONE, write_file, check_file, &job, error);
}
