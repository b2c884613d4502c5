/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LLW_REPORT_STATE_PENDING,   /* nothing received, deadline not yet passed */
  LLW_REPORT_STATE_ON_TIME,
  LLW_REPORT_STATE_LATE,
  LLW_REPORT_STATE_MISSING,   /* nothing received, deadline passed */
} LlwReportState;

LlwReportState  llw_report_state_compute  (const char  *received,
                                           const char  *deadline,
                                           const GDate *today,
                                           int         *days_late);
char           *llw_report_state_to_label (LlwReportState state,
                                           int            days_late);

G_END_DECLS
