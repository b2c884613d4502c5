/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "llw-timeliness.h"
#include "llw-types.h"

G_BEGIN_DECLS

/* Counts of the reports expected from one group of units (or from all of them). */
typedef struct
{
  guint expected;
  guint received;
  guint on_time;
  guint late;
  guint missing;
  guint pending;
} LlwReportCounts;

typedef struct
{
  LlwReportCounts all;
  LlwReportCounts groups[LLW_UNIT_GROUP_OTHER + 1];  /* indexed by LlwUnitGroup */
} LlwReportSummary;

void   llw_report_summary_compute (LlwReportSummary      *summary,
                                   GListModel            *statuses);
double llw_report_counts_rate     (const LlwReportCounts *counts,
                                   guint                  part);

G_END_DECLS
