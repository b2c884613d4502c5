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

/* The queries the records are read from, each written once for the list of its records
 * and for a single one: the columns in the order its constructor reads them, the tables,
 * and the campaign in ?1. The list adds its order, a single row the record's id in ?2. */

#define LLW_UNIT_QUERY \
  "SELECT u.id, u.position, coalesce (u.code, ''), u.name, u.short_name, " \
  "       u.unit_group, u.contact_person, u.phone, u.email, u.address, " \
  "       u.active, a.id IS NOT NULL, a.role, coalesce (a.task, ''), " \
  "       coalesce (a.report_required, 0), a.deadline " \
  "FROM campaign c CROSS JOIN unit u " \
  "LEFT JOIN assigned_unit a ON a.unit_id = u.id AND a.campaign_id = c.id " \
  "WHERE c.id = ?1 "

#define LLW_ACTIVITY_QUERY \
  "SELECT a.id, a.unit_id, u.name, coalesce (k.title, ''), " \
  "       coalesce (t.title, ''), a.title, a.start_date, a.end_date, " \
  "       a.form, a.platform, a.place, a.participants, a.note " \
  "FROM activity a JOIN unit u ON u.id = a.unit_id " \
  "LEFT JOIN activity_kind k ON k.id = a.kind_id " \
  "LEFT JOIN theme t ON t.id = a.theme_id " \
  "WHERE a.campaign_id = ?1 "

/* Only the units that must report, in no order: llw_report_status_compare () sorts them. */
#define LLW_REPORT_STATUS_QUERY \
  "SELECT u.id, u.position, coalesce (u.code, ''), u.name, u.unit_group, " \
  "       u.contact_person, u.phone, u.email, " \
  "       a.deadline, " \
  "       r.id, r.received_date, r.channel, " \
  "       coalesce (r.document_number, ''), coalesce (t.title, ''), " \
  "       r.review_state, " \
  "       (SELECT max (m.reminded_on) FROM reminder m " \
  "        WHERE m.campaign_id = a.campaign_id AND m.unit_id = a.unit_id) " \
  "FROM assigned_unit a JOIN unit u ON u.id = a.unit_id " \
  "LEFT JOIN report r ON r.campaign_id = a.campaign_id " \
  "                  AND r.unit_id = a.unit_id " \
  "LEFT JOIN theme t ON t.id = r.theme_id " \
  "WHERE a.campaign_id = ?1 AND a.report_required = 1 "

#define LLW_INDICATOR_QUERY \
  "SELECT id, position, code, group_title, label, measure, decimals, headline " \
  "FROM indicator WHERE campaign_id = ?1 "

/* Each record reads itself from one row of its query; the column order is given above its
 * constructor. */
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
