/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-entity.h"

G_BEGIN_DECLS

#define LLW_TYPE_FIELD_ROW (llw_field_row_get_type ())
G_DECLARE_FINAL_TYPE (LlwFieldRow, llw_field_row, LLW, FIELD_ROW, GtkWidget)

LlwFieldRow    *llw_field_row_new        (const LlwField *field,
                                          GListModel     *records);
const LlwField *llw_field_row_get_field  (LlwFieldRow    *self);
void            llw_field_row_set_text   (LlwFieldRow    *self,
                                          const char     *text);
char           *llw_field_row_get_text   (LlwFieldRow    *self);
void            llw_field_row_set_error  (LlwFieldRow    *self,
                                          const char     *message);
gboolean        llw_field_row_has_error  (LlwFieldRow    *self);
void            llw_field_row_set_note   (LlwFieldRow    *self,
                                          const char     *note);
GtkWidget      *llw_field_row_get_label  (LlwFieldRow    *self);
void            llw_field_row_grab_focus (LlwFieldRow    *self);

char           *llw_field_rows_describe_errors (GPtrArray  *rows,
                                                GHashTable *errors);

G_END_DECLS
