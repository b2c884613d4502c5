/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "llw-types.h"

G_BEGIN_DECLS

#define LLW_TYPE_ACTIVITY (llw_activity_get_type ())
G_DECLARE_FINAL_TYPE (LlwActivity, llw_activity, LLW, ACTIVITY, GObject)

gint64       llw_activity_get_id (LlwActivity *self);
gint64       llw_activity_get_unit_id (LlwActivity *self);
const char  *llw_activity_get_unit_name (LlwActivity *self);
const char  *llw_activity_get_kind_title (LlwActivity *self);
const char  *llw_activity_get_theme_title (LlwActivity *self);
const char  *llw_activity_get_title (LlwActivity *self);
const char  *llw_activity_get_start_date (LlwActivity *self);
const char  *llw_activity_get_end_date (LlwActivity *self);
LlwActivityForm llw_activity_get_form (LlwActivity *self);
const char  *llw_activity_get_platform (LlwActivity *self);
const char  *llw_activity_get_place (LlwActivity *self);
gint64       llw_activity_get_participants (LlwActivity *self);
const char  *llw_activity_get_note (LlwActivity *self);
const char  *llw_activity_get_search_key (LlwActivity *self);
const char  *llw_activity_get_sort_key (LlwActivity *self);

G_END_DECLS
