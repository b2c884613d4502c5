/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-database-private.h"
#include "llw-date.h"

/* Past years are history. Once a campaign's report has gone to the Ministry (its Ministry
 * deadline has passed) the campaign is closed: every write to its records is refused here,
 * in core, whatever asks for it, until the office reopens the campaign. */

/**
 * llw_database_check_open:
 * @campaign_id: the campaign whose records are about to change; 0 for none
 *
 * Returns: %TRUE if the campaign's records may change today; %FALSE with
 *   LLW_DATABASE_ERROR_CLOSED, in words the user can act on, if the campaign is closed
 */
gboolean
llw_database_check_open (LlwDatabase  *self,
                         gint64        campaign_id,
                         GError      **error)
{
  static const char sql[] = "SELECT year, ministry_deadline, reopened FROM campaign "
                            "WHERE id = ?";
  sqlite3_stmt *stmt;
  g_autofree char *today = NULL;
  g_autofree char *deadline = NULL;
  gboolean closed = FALSE;
  int year = 0;
  GDate date;

  if (campaign_id <= 0)
    return TRUE;
  stmt = llw_database_cached (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  llw_date_today (&date);
  today = llw_date_to_iso (&date);
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      year = sqlite3_column_int (stmt, 0);
      deadline = llw_stmt_dup_text (stmt, 1);
      closed = g_strcmp0 (deadline, today) < 0 && sqlite3_column_int (stmt, 2) == 0;
    }
  /* A statement left on a row would hold a read transaction open and keep the log from
   * being folded back into the file. */
  sqlite3_reset (stmt);

  if (closed)
    {
      g_autofree char *shown = llw_date_format (deadline);

      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_CLOSED,
                   _("The %d campaign is closed: its report was due at the Ministry on %s. "
                     "Its records can be viewed and exported but not changed. To change "
                     "them, reopen the campaign from the main menu."), year, shown);
      return FALSE;
    }
  return TRUE;
}

/**
 * llw_database_reopen_campaign:
 * @campaign: a campaign past its Ministry deadline
 * @reopened: %TRUE to let its records be changed again, %FALSE to close it again
 *
 * Reopens a closed campaign for editing, or closes it again, with a line in its history.
 *
 * Returns: %TRUE on success
 */
gboolean
llw_database_reopen_campaign (LlwDatabase  *self,
                              LlwCampaign  *campaign,
                              gboolean      reopened,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), FALSE);

  id = llw_campaign_get_id (campaign);
  if (!llw_database_begin (self, error))
    return FALSE;

  stmt = llw_database_prepare (self, "UPDATE campaign SET reopened = ?2 "
                                     "WHERE id = ?1 AND reopened <> ?2", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, reopened ? 1 : 0);
      ok = llw_database_step_done (self, stmt, error);
    }
  if (ok && sqlite3_changes (self->db) > 0)
    ok = llw_database_log (self, id, "campaign", id, "update", "reopened",
                           reopened ? "0" : "1", reopened ? "1" : "0", error);

  if (!llw_database_end (self, ok, ok ? error : NULL))
    return FALSE;

  llw_database_emit_changed (self, "campaign", id);
  return TRUE;
}
