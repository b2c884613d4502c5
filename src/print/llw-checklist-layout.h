/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "llw-checklist.h"
#include "llw-page-geometry.h"

G_BEGIN_DECLS

#define LLW_TYPE_CHECKLIST_LAYOUT (llw_checklist_layout_get_type ())
G_DECLARE_FINAL_TYPE (LlwChecklistLayout, llw_checklist_layout, LLW, CHECKLIST_LAYOUT, GObject)

LlwChecklistLayout *llw_checklist_layout_new             (LlwChecklist          *checklist,
                                                          const LlwPageGeometry *page);
gboolean            llw_checklist_layout_paginate        (LlwChecklistLayout    *self,
                                                          guint                  max_rows);
guint               llw_checklist_layout_get_n_pages     (LlwChecklistLayout    *self);
void                llw_checklist_layout_get_page        (LlwChecklistLayout    *self,
                                                          LlwPageGeometry       *page);
const char         *llw_checklist_layout_get_title       (LlwChecklistLayout    *self);
void                llw_checklist_layout_draw_page       (LlwChecklistLayout    *self,
                                                          cairo_t               *cr,
                                                          guint                  page);

/* For tests of the pagination. */
guint               llw_checklist_layout_get_first_row   (LlwChecklistLayout    *self,
                                                          guint                  page);
guint               llw_checklist_layout_get_first_line  (LlwChecklistLayout    *self,
                                                          guint                  page);
double              llw_checklist_layout_get_rows_top    (LlwChecklistLayout    *self,
                                                          guint                  page);
double              llw_checklist_layout_get_rows_bottom (LlwChecklistLayout    *self);
double              llw_checklist_layout_get_row_height  (LlwChecklistLayout    *self,
                                                          guint                  row);
guint               llw_checklist_layout_get_row_lines   (LlwChecklistLayout    *self,
                                                          guint                  row,
                                                          guint                  column);
guint               llw_checklist_layout_get_n_shaped    (LlwChecklistLayout    *self);

G_END_DECLS
