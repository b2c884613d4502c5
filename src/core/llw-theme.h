/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "llw-types.h"

G_BEGIN_DECLS

#define LLW_TYPE_THEME (llw_theme_get_type ())
G_DECLARE_FINAL_TYPE (LlwTheme, llw_theme, LLW, THEME, GObject)

gint64       llw_theme_get_id (LlwTheme *self);
int          llw_theme_get_position (LlwTheme *self);
const char  *llw_theme_get_title (LlwTheme *self);
gboolean     llw_theme_get_suggested (LlwTheme *self);
int          llw_theme_get_chosen_count (LlwTheme *self);

G_END_DECLS
