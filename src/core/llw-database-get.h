/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-activity.h"
#include "llw-database.h"
#include "llw-report-status.h"
#include "llw-unit.h"

G_BEGIN_DECLS

/* One record as the lists of llw-database.h show it, so that a view can replace the row that
 * changed instead of reading the whole list again. */

LlwUnit         *llw_database_get_unit                  (LlwDatabase  *self,
                                                         LlwCampaign  *campaign,
                                                         gint64        id,
                                                         GError      **error);
LlwActivity     *llw_database_get_activity              (LlwDatabase  *self,
                                                         LlwCampaign  *campaign,
                                                         gint64        id,
                                                         GError      **error);
GListModel      *llw_database_list_unit_activities      (LlwDatabase  *self,
                                                         LlwCampaign  *campaign,
                                                         gint64        unit_id,
                                                         GError      **error);
LlwReportStatus *llw_database_get_report_status         (LlwDatabase  *self,
                                                         LlwCampaign  *campaign,
                                                         const GDate  *today,
                                                         gint64        unit_id,
                                                         GError      **error);
GListModel      *llw_database_list_indicator_catalogue  (LlwDatabase  *self,
                                                         LlwCampaign  *campaign,
                                                         GError      **error);
gint64           llw_database_find_assignment           (LlwDatabase  *self,
                                                         LlwCampaign  *campaign,
                                                         gint64        unit_id,
                                                         GError      **error);

G_END_DECLS
