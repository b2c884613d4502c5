/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "llw-types.h"

G_BEGIN_DECLS

#define LLW_TYPE_INDICATOR (llw_indicator_get_type ())
G_DECLARE_FINAL_TYPE (LlwIndicator, llw_indicator, LLW, INDICATOR, GObject)

gint64       llw_indicator_get_id (LlwIndicator *self);
int          llw_indicator_get_position (LlwIndicator *self);
const char  *llw_indicator_get_code (LlwIndicator *self);
const char  *llw_indicator_get_group_title (LlwIndicator *self);
const char  *llw_indicator_get_label (LlwIndicator *self);
const char  *llw_indicator_get_measure (LlwIndicator *self);
int          llw_indicator_get_decimals (LlwIndicator *self);
gboolean     llw_indicator_is_headline (LlwIndicator *self);

G_END_DECLS
