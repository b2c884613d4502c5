/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-campaign.h"

G_BEGIN_DECLS

typedef enum
{
  LLW_REPORTS_CHART_BY_DAY,     /* reports received each day, and in all, against the deadline */
  LLW_REPORTS_CHART_BY_GROUP,   /* on time, late, missing and awaited, group by group */
} LlwReportsChartKind;

#define LLW_TYPE_REPORTS_CHART (llw_reports_chart_get_type ())
G_DECLARE_FINAL_TYPE (LlwReportsChart, llw_reports_chart, LLW, REPORTS_CHART, GtkWidget)

LlwReportsChart *llw_reports_chart_new      (LlwReportsChartKind  kind);
void             llw_reports_chart_set_data (LlwReportsChart     *self,
                                             LlwCampaign         *campaign,
                                             GListModel          *statuses,
                                             const GDate         *today);

G_END_DECLS
