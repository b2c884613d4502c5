/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-campaign-data.h"

G_BEGIN_DECLS

#define LLW_TYPE_REMINDER_LETTER_DIALOG (llw_reminder_letter_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LlwReminderLetterDialog, llw_reminder_letter_dialog, LLW,
                      REMINDER_LETTER_DIALOG, GtkWindow)

LlwReminderLetterDialog *llw_reminder_letter_dialog_new (GtkWindow        *parent,
                                                         LlwCampaignData  *data,
                                                         GError          **error);

G_END_DECLS
