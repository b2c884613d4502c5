/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LLW_TYPE_ROWS_MODEL (llw_rows_model_get_type ())
G_DECLARE_FINAL_TYPE (LlwRowsModel, llw_rows_model, LLW, ROWS_MODEL, GObject)

LlwRowsModel *llw_rows_model_new        (GtkFilter    *filter);
void          llw_rows_model_set_model  (LlwRowsModel *self,
                                         GListModel   *model);
GListModel   *llw_rows_model_get_model  (LlwRowsModel *self);
GPtrArray    *llw_rows_model_get_records (LlwRowsModel *self);
void          llw_rows_model_set_sorter (LlwRowsModel *self,
                                         GtkSorter    *sorter);

G_END_DECLS
