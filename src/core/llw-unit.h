/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "llw-types.h"

G_BEGIN_DECLS

#define LLW_TYPE_UNIT (llw_unit_get_type ())
G_DECLARE_FINAL_TYPE (LlwUnit, llw_unit, LLW, UNIT, GObject)

gint64       llw_unit_get_id (LlwUnit *self);
int          llw_unit_get_position (LlwUnit *self);
const char  *llw_unit_get_code (LlwUnit *self);
const char  *llw_unit_get_name (LlwUnit *self);
const char  *llw_unit_get_short_name (LlwUnit *self);
LlwUnitGroup llw_unit_get_group (LlwUnit *self);
const char  *llw_unit_get_contact_person (LlwUnit *self);
const char  *llw_unit_get_phone (LlwUnit *self);
const char  *llw_unit_get_email (LlwUnit *self);
const char  *llw_unit_get_address (LlwUnit *self);
gboolean     llw_unit_get_active (LlwUnit *self);
gboolean     llw_unit_get_assigned (LlwUnit *self);
LlwRole      llw_unit_get_role (LlwUnit *self);
const char  *llw_unit_get_task (LlwUnit *self);
gboolean     llw_unit_get_report_required (LlwUnit *self);
const char  *llw_unit_get_deadline (LlwUnit *self);
const char  *llw_unit_get_search_key (LlwUnit *self);
const char  *llw_unit_get_sort_key (LlwUnit *self);

G_END_DECLS
