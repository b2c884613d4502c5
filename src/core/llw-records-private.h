/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-database-private.h"

#include "llw-activity.h"
#include "llw-activity-kind.h"
#include "llw-campaign.h"
#include "llw-indicator.h"
#include "llw-recipient.h"
#include "llw-report-example.h"
#include "llw-report-status.h"
#include "llw-theme.h"
#include "llw-unit.h"

G_BEGIN_DECLS

/* Each record reads itself from one row of the query that lists it; the column order is
 * given above its constructor. */
LlwActivity     *llw_activity_new_from_stmt      (sqlite3_stmt *stmt);
LlwActivityKind *llw_activity_kind_new_from_stmt (sqlite3_stmt *stmt);
LlwCampaign     *llw_campaign_new_from_stmt      (sqlite3_stmt *stmt);
LlwIndicator    *llw_indicator_new_from_stmt     (sqlite3_stmt *stmt);
LlwRecipient    *llw_recipient_new_from_stmt     (sqlite3_stmt *stmt);
LlwReportExample *llw_report_example_new_from_stmt (sqlite3_stmt *stmt);
LlwReportStatus *llw_report_status_new_from_stmt (sqlite3_stmt *stmt,
                                                  const GDate  *today);
LlwTheme        *llw_theme_new_from_stmt         (sqlite3_stmt *stmt);
LlwUnit         *llw_unit_new_from_stmt          (sqlite3_stmt *stmt);

G_END_DECLS
