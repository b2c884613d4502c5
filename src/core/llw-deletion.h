/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LLW_TYPE_DELETION (llw_deletion_get_type ())
G_DECLARE_FINAL_TYPE (LlwDeletion, llw_deletion, LLW, DELETION, GObject)

const char *llw_deletion_get_table          (LlwDeletion *self);
gint64      llw_deletion_get_id             (LlwDeletion *self);
const char *llw_deletion_get_label          (LlwDeletion *self);
gboolean    llw_deletion_has_dependents     (LlwDeletion *self);
gboolean    llw_deletion_takes_record       (LlwDeletion *self);
char       *llw_deletion_describe_dependents (LlwDeletion *self);
char       *llw_deletion_describe_kept      (LlwDeletion *self);
gboolean    llw_deletion_is_done            (LlwDeletion *self);

G_END_DECLS
