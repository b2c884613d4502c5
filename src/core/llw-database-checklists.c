/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-database-checklists.h"
#include "llw-database-private.h"

/* The printed checklists read every assigned unit once, in print order. A list of 50,000
 * units is read row by row rather than as a GListModel of records, so that printing it
 * holds one row in memory and not two lists of objects. */

static const char assigned_units_sql[] =
  "SELECT u.id, u.name, u.unit_group, u.contact_person, u.phone, u.email, "
  "       coalesce (a.task, ''), a.report_required, a.deadline, r.received_date, "
  "       (SELECT max (m.reminded_on) FROM reminder m "
  "        WHERE m.campaign_id = a.campaign_id AND m.unit_id = a.unit_id) "
  "FROM assigned_unit a JOIN unit u ON u.id = a.unit_id "
  "LEFT JOIN report r ON r.campaign_id = a.campaign_id AND r.unit_id = a.unit_id "
  "WHERE a.campaign_id = ? "
  "ORDER BY a.group_rank, u.position, u.id";

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static void
read_unit (sqlite3_stmt    *stmt,
           const GDate     *today,
           LlwAssignedUnit *unit)
{
  unit->unit_id = sqlite3_column_int64 (stmt, 0);
  unit->name = column_text (stmt, 1);
  unit->group = llw_unit_group_from_string (column_text (stmt, 2));
  unit->contact_person = column_text (stmt, 3);
  unit->phone = column_text (stmt, 4);
  unit->email = column_text (stmt, 5);
  unit->task = column_text (stmt, 6);
  unit->report_required = sqlite3_column_int (stmt, 7) != 0;
  unit->deadline = column_text (stmt, 8);
  unit->received_date = column_text (stmt, 9);
  unit->last_reminder = column_text (stmt, 10);
  unit->days_late = 0;
  unit->state = LLW_REPORT_STATE_PENDING;
  if (unit->report_required)
    unit->state = llw_report_state_compute (unit->received_date, unit->deadline, today,
                                            &unit->days_late);
}

/**
 * llw_database_foreach_assigned_unit:
 * @today: the day timeliness is judged by
 * @func: called for each unit assigned in @campaign, district level first, each group in
 *   the units' order; it returns %FALSE to stop
 *
 * Returns: %FALSE with an error if the database could not be read
 */
gboolean
llw_database_foreach_assigned_unit (LlwDatabase          *self,
                                    LlwCampaign          *campaign,
                                    const GDate          *today,
                                    LlwAssignedUnitFunc   func,
                                    gpointer              user_data,
                                    GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  LlwAssignedUnit unit;
  int rc;

  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = llw_database_prepare (self, assigned_units_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, llw_campaign_get_id (campaign));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      read_unit (stmt, today, &unit);
      if (!func (&unit, user_data))
        return TRUE;
    }

  if (rc != SQLITE_DONE)
    {
      llw_database_set_error (self, error, assigned_units_sql);
      return FALSE;
    }

  return TRUE;
}
