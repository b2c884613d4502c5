/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-database-private.h"
#include "llw-database-totals.h"

/* Totals of a whole campaign in a few aggregate queries, without reading every unit's
 * figures: for the year a report compares with, and for the overview. Only the units that
 * must report count, as in the consolidated report. */

/* Figures are found through their reports (report_value has no index by indicator), and
 * indicators are matched across years by code. */
static const char sums_sql[] =
  "SELECT i.code, sum (v.value), count (v.value) "
  "FROM report r "
  "JOIN assignment a ON a.campaign_id = r.campaign_id AND a.unit_id = r.unit_id "
  "CROSS JOIN report_value v ON v.report_id = r.id "
  "JOIN indicator i ON i.id = v.indicator_id "
  "WHERE r.campaign_id = ?1 AND a.report_required = 1 AND v.value IS NOT NULL "
  "  AND i.active = 1 AND (?2 = 0 OR i.headline = 1) "
  "GROUP BY i.id";

static const char counts_sql[] =
  "SELECT count (*), count (r.id) FROM assignment a "
  "LEFT JOIN report r ON r.campaign_id = a.campaign_id AND r.unit_id = a.unit_id "
  "WHERE a.campaign_id = ? AND a.report_required = 1";

/**
 * llw_database_get_previous_campaign:
 * @campaign: a campaign
 *
 * Returns: (transfer full) (nullable): the latest campaign of an earlier year, the one the
 *   report of @campaign compares with; %NULL when there is none, or with @error set when the
 *   database cannot be read
 */
LlwCampaign *
llw_database_get_previous_campaign (LlwDatabase  *self,
                                    LlwCampaign  *campaign,
                                    GError      **error)
{
  g_autoptr(GListModel) campaigns = NULL;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  /* A handful of campaigns, the latest first. */
  campaigns = llw_database_list_campaigns (self, error);
  for (guint i = 0; campaigns != NULL && i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(LlwCampaign) other = g_list_model_get_item (campaigns, i);

      if (llw_campaign_get_year (other) < llw_campaign_get_year (campaign))
        return g_steal_pointer (&other);
    }
  return NULL;
}

/**
 * llw_database_sum_indicators:
 * @headline_only: only the headline indicators
 *
 * Returns: (transfer full) (element-type utf8 LlwIndicatorTotal): each indicator of
 *   @campaign that some unit reported, by code, with its sum and how many units reported
 *   it; %NULL with @error set when the database cannot be read
 */
GHashTable *
llw_database_sum_indicators (LlwDatabase  *self,
                             LlwCampaign  *campaign,
                             gboolean      headline_only,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) sums = NULL;
  int rc;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  stmt = llw_database_prepare (self, sums_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, llw_campaign_get_id (campaign));
  sqlite3_bind_int (stmt, 2, headline_only);

  sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LlwIndicatorTotal *total = g_new (LlwIndicatorTotal, 1);

      total->sum = sqlite3_column_double (stmt, 1);
      total->count = (guint) sqlite3_column_int (stmt, 2);
      g_hash_table_insert (sums, llw_stmt_dup_text (stmt, 0), total);
    }
  if (rc != SQLITE_DONE)
    {
      llw_database_set_error (self, error, sums_sql);
      return NULL;
    }
  return g_steal_pointer (&sums);
}

/**
 * llw_database_count_reports:
 * @expected: (out): how many units must report in @campaign
 * @received: (out): how many of them have
 *
 * Returns: %FALSE with @error set when the database cannot be read
 */
gboolean
llw_database_count_reports (LlwDatabase  *self,
                            LlwCampaign  *campaign,
                            guint        *expected,
                            guint        *received,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), FALSE);
  g_return_val_if_fail (expected != NULL && received != NULL, FALSE);

  stmt = llw_database_prepare (self, counts_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, llw_campaign_get_id (campaign));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      llw_database_set_error (self, error, counts_sql);
      return FALSE;
    }
  *expected = (guint) sqlite3_column_int (stmt, 0);
  *received = (guint) sqlite3_column_int (stmt, 1);
  return TRUE;
}
