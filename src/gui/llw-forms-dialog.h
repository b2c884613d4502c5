/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-campaign-data.h"

G_BEGIN_DECLS

#define LLW_TYPE_FORMS_DIALOG (llw_forms_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LlwFormsDialog, llw_forms_dialog, LLW, FORMS_DIALOG, GtkWindow)

LlwFormsDialog *llw_forms_dialog_new (GtkWindow       *parent,
                                      LlwCampaignData *data,
                                      GPtrArray       *paths);

G_END_DECLS
