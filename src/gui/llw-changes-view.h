/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-change-plan.h"

G_BEGIN_DECLS

#define LLW_TYPE_CHANGES_VIEW (llw_changes_view_get_type ())
G_DECLARE_FINAL_TYPE (LlwChangesView, llw_changes_view, LLW, CHANGES_VIEW, GtkWidget)

GtkWidget *llw_changes_view_new      (void);
void       llw_changes_view_set_plan (LlwChangesView *self,
                                      LlwChangePlan  *plan);

G_END_DECLS
