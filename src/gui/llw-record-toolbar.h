/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-entity.h"

G_BEGIN_DECLS

#define LLW_TYPE_RECORD_TOOLBAR (llw_record_toolbar_get_type ())
G_DECLARE_FINAL_TYPE (LlwRecordToolbar, llw_record_toolbar, LLW, RECORD_TOOLBAR, GtkBox)

void llw_record_toolbar_set_list (LlwRecordToolbar *self,
                                  GtkColumnView    *column_view,
                                  const LlwEntity  *entity);

G_END_DECLS
