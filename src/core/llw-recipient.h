/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "llw-types.h"

G_BEGIN_DECLS

#define LLW_TYPE_RECIPIENT (llw_recipient_get_type ())
G_DECLARE_FINAL_TYPE (LlwRecipient, llw_recipient, LLW, RECIPIENT, GObject)

gint64       llw_recipient_get_id (LlwRecipient *self);
int          llw_recipient_get_position (LlwRecipient *self);
const char  *llw_recipient_get_kind (LlwRecipient *self);
const char  *llw_recipient_get_name (LlwRecipient *self);
const char  *llw_recipient_get_sent_date (LlwRecipient *self);

G_END_DECLS
