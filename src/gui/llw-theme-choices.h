/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LLW_TYPE_THEME_CHOICES (llw_theme_choices_get_type ())
G_DECLARE_FINAL_TYPE (LlwThemeChoices, llw_theme_choices, LLW, THEME_CHOICES, GtkWidget)

void llw_theme_choices_set_lists (LlwThemeChoices *self,
                                  GListModel      *themes,
                                  GListModel      *statuses);

G_END_DECLS
