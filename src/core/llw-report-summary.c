/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-report-status.h"
#include "llw-report-summary.h"

static void
count (LlwReportCounts *counts,
       LlwReportState   state)
{
  counts->expected++;
  switch (state)
    {
    case LLW_REPORT_STATE_ON_TIME:
      counts->received++;
      counts->on_time++;
      break;
    case LLW_REPORT_STATE_LATE:
      counts->received++;
      counts->late++;
      break;
    case LLW_REPORT_STATE_MISSING:
      counts->missing++;
      break;
    case LLW_REPORT_STATE_PENDING:
    default:
      counts->pending++;
      break;
    }
}

/**
 * llw_report_summary_compute:
 * @summary: (out): the counts
 * @statuses: the LlwReportStatus of every unit that must report
 *
 * Counts the reports as the overview shows them: in all and per group of units.
 */
void
llw_report_summary_compute (LlwReportSummary *summary,
                            GListModel       *statuses)
{
  guint n;

  g_return_if_fail (summary != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (statuses));

  memset (summary, 0, sizeof *summary);
  n = g_list_model_get_n_items (statuses);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlwReportStatus) status = g_list_model_get_item (statuses, i);
      LlwReportState state = llw_report_status_get_state (status);
      LlwUnitGroup group = llw_report_status_get_group (status);

      count (&summary->all, state);
      count (&summary->groups[group], state);
    }
}

/* Returns: @part as a share of the expected reports, 0 to 1; 0 when none are expected. */
double
llw_report_counts_rate (const LlwReportCounts *counts,
                        guint                  part)
{
  g_return_val_if_fail (counts != NULL, 0);

  return counts->expected > 0 ? (double) part / counts->expected : 0;
}
