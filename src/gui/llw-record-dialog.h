/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-campaign-data.h"
#include "llw-entity.h"

G_BEGIN_DECLS

#define LLW_TYPE_RECORD_DIALOG (llw_record_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LlwRecordDialog, llw_record_dialog, LLW, RECORD_DIALOG, GtkWindow)

LlwRecordDialog *llw_record_dialog_new      (GtkWindow        *parent,
                                             LlwCampaignData  *data,
                                             const LlwEntity  *entity,
                                             gint64            id,
                                             GError          **error);
gboolean         llw_record_dialog_add_part (LlwRecordDialog  *self,
                                             const LlwEntity  *entity,
                                             gint64            id,
                                             const char       *parent_column,
                                             const char       *title,
                                             const char       *toggle_label,
                                             GError          **error);
void             llw_record_dialog_set_read_only (LlwRecordDialog *self,
                                                  const char      *reason);

G_END_DECLS
