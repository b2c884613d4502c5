/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "llw-page-geometry.h"

G_BEGIN_DECLS

/* A document laid out on pages, as the print dialog and the PDF export take it: the
 * checklists and the report. */

#define LLW_TYPE_PAGES (llw_pages_get_type ())
G_DECLARE_INTERFACE (LlwPages, llw_pages, LLW, PAGES, GObject)

struct _LlwPagesInterface
{
  GTypeInterface parent_iface;

  gboolean    (*paginate)    (LlwPages        *self,
                              guint            max_steps);
  guint       (*get_n_pages) (LlwPages        *self);
  void        (*get_page)    (LlwPages        *self,
                              guint            page,
                              LlwPageGeometry *geometry);
  void        (*draw_page)   (LlwPages        *self,
                              cairo_t         *cr,
                              guint            page);
  const char *(*get_title)   (LlwPages        *self);
};

gboolean    llw_pages_paginate    (LlwPages         *self,
                                   guint             max_steps);
guint       llw_pages_get_n_pages (LlwPages         *self);
void        llw_pages_get_page    (LlwPages         *self,
                                   guint             page,
                                   LlwPageGeometry  *geometry);
void        llw_pages_draw_page   (LlwPages         *self,
                                   cairo_t          *cr,
                                   guint             page);
const char *llw_pages_get_title   (LlwPages         *self);
gboolean    llw_pages_write_pdf   (LlwPages         *self,
                                   const char       *path,
                                   GError          **error);

G_END_DECLS
