/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-campaign-data.h"

G_BEGIN_DECLS

#define LLW_TYPE_REMINDER_DIALOG (llw_reminder_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LlwReminderDialog, llw_reminder_dialog, LLW, REMINDER_DIALOG, GtkWindow)

LlwReminderDialog *llw_reminder_dialog_new (GtkWindow       *parent,
                                            LlwCampaignData *data,
                                            GListModel      *units,
                                            gint64           selected_unit_id);

G_END_DECLS
