/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LLW_TYPE_HISTORY_ENTRY (llw_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (LlwHistoryEntry, llw_history_entry, LLW, HISTORY_ENTRY, GObject)

gint64       llw_history_entry_get_id           (LlwHistoryEntry *self);
const char  *llw_history_entry_get_changed_at   (LlwHistoryEntry *self);
const char  *llw_history_entry_get_table_name   (LlwHistoryEntry *self);
gint64       llw_history_entry_get_record_id    (LlwHistoryEntry *self);
const char  *llw_history_entry_get_action       (LlwHistoryEntry *self);
const char  *llw_history_entry_get_field        (LlwHistoryEntry *self);
const char  *llw_history_entry_get_old_value    (LlwHistoryEntry *self);
const char  *llw_history_entry_get_new_value    (LlwHistoryEntry *self);
const char  *llw_history_entry_get_record_label (LlwHistoryEntry *self);
char        *llw_history_entry_format_time      (LlwHistoryEntry *self);
char        *llw_history_entry_describe         (LlwHistoryEntry *self);
char        *llw_history_entry_describe_record  (LlwHistoryEntry *self);

G_END_DECLS
