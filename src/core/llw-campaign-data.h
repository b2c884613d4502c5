/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "llw-campaign.h"
#include "llw-database.h"

G_BEGIN_DECLS

#define LLW_TYPE_CAMPAIGN_DATA (llw_campaign_data_get_type ())
G_DECLARE_FINAL_TYPE (LlwCampaignData, llw_campaign_data, LLW, CAMPAIGN_DATA, GObject)

LlwCampaignData *llw_campaign_data_new                 (LlwDatabase      *database,
                                                        LlwCampaign      *campaign);
LlwDatabase     *llw_campaign_data_get_database        (LlwCampaignData  *self);
LlwCampaign     *llw_campaign_data_get_campaign        (LlwCampaignData  *self);
const GDate     *llw_campaign_data_get_today           (LlwCampaignData  *self);
char            *llw_campaign_data_dup_read_only_reason (LlwCampaignData *self);
GListModel      *llw_campaign_data_get_themes          (LlwCampaignData  *self,
                                                        GError          **error);
GListModel      *llw_campaign_data_get_activity_kinds  (LlwCampaignData  *self,
                                                        GError          **error);
GListModel      *llw_campaign_data_get_units           (LlwCampaignData  *self,
                                                        GError          **error);
GListModel      *llw_campaign_data_get_activities      (LlwCampaignData  *self,
                                                        GError          **error);
GListModel      *llw_campaign_data_get_report_statuses (LlwCampaignData  *self,
                                                        GError          **error);
void             llw_campaign_data_flush_changes       (LlwCampaignData  *self);

G_END_DECLS
