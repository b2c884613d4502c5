/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "llw-types.h"

G_BEGIN_DECLS

#define LLW_TYPE_ACTIVITY_KIND (llw_activity_kind_get_type ())
G_DECLARE_FINAL_TYPE (LlwActivityKind, llw_activity_kind, LLW, ACTIVITY_KIND, GObject)

gint64       llw_activity_kind_get_id (LlwActivityKind *self);
int          llw_activity_kind_get_position (LlwActivityKind *self);
const char  *llw_activity_kind_get_title (LlwActivityKind *self);
const char  *llw_activity_kind_get_description (LlwActivityKind *self);
int          llw_activity_kind_get_activity_count (LlwActivityKind *self);

G_END_DECLS
