/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-date.h"
#include "llw-timeliness.h"

/**
 * llw_report_state_compute:
 * @received: (nullable): the ISO date the report arrived, %NULL if it has not
 * @deadline: the unit's ISO deadline; a report received on that day is on time
 * @today: the day to judge by
 * @days_late: (out) (optional): days after the deadline, for a late report
 *
 * Timeliness is computed, never stored, so that it follows the deadline when it changes.
 */
LlwReportState
llw_report_state_compute (const char  *received,
                          const char  *deadline,
                          const GDate *today,
                          int         *days_late)
{
  GDate due, got;
  int late = 0;
  LlwReportState state;

  g_return_val_if_fail (today != NULL, LLW_REPORT_STATE_PENDING);

  if (!llw_date_parse (deadline, &due))
    state = received != NULL ? LLW_REPORT_STATE_ON_TIME : LLW_REPORT_STATE_PENDING;
  else if (received != NULL && llw_date_parse (received, &got))
    {
      late = g_date_days_between (&due, &got);
      state = late > 0 ? LLW_REPORT_STATE_LATE : LLW_REPORT_STATE_ON_TIME;
    }
  else
    state = g_date_compare (today, &due) > 0 ? LLW_REPORT_STATE_MISSING
                                               : LLW_REPORT_STATE_PENDING;

  if (days_late != NULL)
    *days_late = state == LLW_REPORT_STATE_LATE ? late : 0;

  return state;
}

/* Returns: the state as the user reads it, such as "Late by 3 days". */
char *
llw_report_state_to_label (LlwReportState state,
                           int            days_late)
{
  switch (state)
    {
    case LLW_REPORT_STATE_PENDING:
      return g_strdup (_("Pending"));
    case LLW_REPORT_STATE_ON_TIME:
      return g_strdup (_("On time"));
    case LLW_REPORT_STATE_LATE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Late by %d day", "Late by %d days",
                                           days_late),
                              days_late);
    case LLW_REPORT_STATE_MISSING:
      return g_strdup (_("Missing"));
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}
