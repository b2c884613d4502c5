/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Draws page @page (from 0) on @cr; the page is shown by the caller. */
typedef void (*LlwPdfDrawFunc) (cairo_t  *cr,
                                guint     page,
                                gpointer  user_data);

gboolean llw_pdf_write (const char      *path,
                        const char      *title,
                        double           width,
                        double           height,
                        guint            n_pages,
                        LlwPdfDrawFunc   draw,
                        gpointer         user_data,
                        GError         **error);
gboolean llw_pdf_check (const char      *path,
                        gsize            expected_size,
                        GError         **error);

G_END_DECLS
