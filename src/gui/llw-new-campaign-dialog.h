/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LLW_TYPE_NEW_CAMPAIGN_DIALOG (llw_new_campaign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LlwNewCampaignDialog, llw_new_campaign_dialog, LLW, NEW_CAMPAIGN_DIALOG,
                      GtkWindow)

LlwNewCampaignDialog *llw_new_campaign_dialog_new    (GtkWindow            *parent,
                                                      int                   from_year,
                                                      int                   year);
void                  llw_new_campaign_dialog_refuse (LlwNewCampaignDialog *self,
                                                      const char           *why);

G_END_DECLS
