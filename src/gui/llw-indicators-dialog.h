/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-campaign-data.h"
#include "llw-window.h"

G_BEGIN_DECLS

#define LLW_TYPE_INDICATORS_DIALOG (llw_indicators_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LlwIndicatorsDialog, llw_indicators_dialog, LLW, INDICATORS_DIALOG,
                      GtkWindow)

LlwIndicatorsDialog *llw_indicators_dialog_new (LlwWindow       *window,
                                                LlwCampaignData *data);

G_END_DECLS
