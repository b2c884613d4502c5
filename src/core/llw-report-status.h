/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "llw-timeliness.h"
#include "llw-types.h"

G_BEGIN_DECLS

#define LLW_TYPE_REPORT_STATUS (llw_report_status_get_type ())
G_DECLARE_FINAL_TYPE (LlwReportStatus, llw_report_status, LLW, REPORT_STATUS, GObject)

gint64       llw_report_status_get_unit_id (LlwReportStatus *self);
int          llw_report_status_get_unit_position (LlwReportStatus *self);
const char  *llw_report_status_get_unit_code (LlwReportStatus *self);
const char  *llw_report_status_get_unit_name (LlwReportStatus *self);
LlwUnitGroup llw_report_status_get_group (LlwReportStatus *self);
const char  *llw_report_status_get_contact_person (LlwReportStatus *self);
const char  *llw_report_status_get_phone (LlwReportStatus *self);
const char  *llw_report_status_get_email (LlwReportStatus *self);
const char  *llw_report_status_get_deadline (LlwReportStatus *self);
gint64       llw_report_status_get_report_id (LlwReportStatus *self);
const char  *llw_report_status_get_received_date (LlwReportStatus *self);
LlwChannel   llw_report_status_get_channel (LlwReportStatus *self);
const char  *llw_report_status_get_document_number (LlwReportStatus *self);
const char  *llw_report_status_get_theme_title (LlwReportStatus *self);
LlwReviewState llw_report_status_get_review_state (LlwReportStatus *self);
const char  *llw_report_status_get_last_reminder (LlwReportStatus *self);
LlwReportState llw_report_status_get_state (LlwReportStatus *self);
int          llw_report_status_get_days_late (LlwReportStatus *self);
const char  *llw_report_status_get_search_key (LlwReportStatus *self);
const char  *llw_report_status_get_sort_key (LlwReportStatus *self);

int          llw_report_status_compare (gconstpointer a,
                                        gconstpointer b);

G_END_DECLS
