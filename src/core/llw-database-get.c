/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-database-get.h"
#include "llw-database-private.h"
#include "llw-records-private.h"

/* The rows of the window's lists one at a time, from the same queries as the lists
 * (llw-records-private.h), with the record asked for in ?2. */

typedef gpointer (*RowFunc) (sqlite3_stmt  *stmt,
                             gconstpointer  data);

/* Runs @sql with the campaign in ?1 and @id in ?2; returns its rows made by @row. */
static GPtrArray *
query_rows (LlwDatabase  *self,
            const char   *sql,
            gint64        campaign_id,
            gint64        id,
            RowFunc       row,
            gconstpointer data,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self, sql, error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, row (stmt, data));

  if (rc != SQLITE_DONE)
    {
      llw_database_set_error (self, error, sql);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* The one row of @sql, or %NULL with LLW_DATABASE_ERROR_NOT_FOUND. */
static gpointer
query_one (LlwDatabase  *self,
           const char   *sql,
           gint64        campaign_id,
           gint64        id,
           RowFunc       row,
           gconstpointer data,
           GError      **error)
{
  g_autoptr(GPtrArray) items = query_rows (self, sql, campaign_id, id, row, data, error);

  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND,
                   _("The record was not found; it may have been deleted."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (items, 0));
}

static GListModel *
to_store (GPtrArray *items,
          GType      type)
{
  GListStore *store;

  if (items == NULL)
    return NULL;

  store = g_list_store_new (type);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  g_ptr_array_unref (items);
  return G_LIST_MODEL (store);
}

static gpointer
unit_row (sqlite3_stmt  *stmt,
          gconstpointer  data)
{
  return llw_unit_new_from_stmt (stmt);
}

static gpointer
activity_row (sqlite3_stmt  *stmt,
              gconstpointer  data)
{
  return llw_activity_new_from_stmt (stmt);
}

static gpointer
report_status_row (sqlite3_stmt  *stmt,
                   gconstpointer  data)
{
  return llw_report_status_new_from_stmt (stmt, data);
}

static gpointer
indicator_row (sqlite3_stmt  *stmt,
               gconstpointer  data)
{
  return llw_indicator_new_from_stmt (stmt);
}

/* Returns: (transfer full): the unit @id with its assignment in @campaign, as
 *   llw_database_list_units () shows it, or %NULL with LLW_DATABASE_ERROR_NOT_FOUND */
LlwUnit *
llw_database_get_unit (LlwDatabase  *self,
                       LlwCampaign  *campaign,
                       gint64        id,
                       GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  return query_one (self, LLW_UNIT_QUERY "AND u.id = ?2", llw_campaign_get_id (campaign), id,
                    unit_row, NULL, error);
}

/* Returns: (transfer full): the activity @id of @campaign, as
 *   llw_database_list_activities () shows it, or %NULL with LLW_DATABASE_ERROR_NOT_FOUND */
LlwActivity *
llw_database_get_activity (LlwDatabase  *self,
                           LlwCampaign  *campaign,
                           gint64        id,
                           GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  return query_one (self, LLW_ACTIVITY_QUERY "AND a.id = ?2", llw_campaign_get_id (campaign),
                    id, activity_row, NULL, error);
}

/* Returns: (transfer full): the activities (LlwActivity) of one unit in @campaign, by start
 *   date: what to show again after the unit was renamed, deleted or restored. */
GListModel *
llw_database_list_unit_activities (LlwDatabase  *self,
                                   LlwCampaign  *campaign,
                                   gint64        unit_id,
                                   GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  return to_store (query_rows (self,
                               LLW_ACTIVITY_QUERY "AND a.unit_id = ?2 "
                               "ORDER BY a.start_date, a.id",
                               llw_campaign_get_id (campaign), unit_id, activity_row, NULL,
                               error),
                   LLW_TYPE_ACTIVITY);
}

/**
 * llw_database_get_report_status:
 * @today: the day timeliness is judged by
 * @unit_id: the unit
 *
 * Returns: (transfer full): the unit's report status, as
 *   llw_database_list_report_statuses () shows it, or %NULL with
 *   LLW_DATABASE_ERROR_NOT_FOUND when the unit does not have to report in @campaign
 */
LlwReportStatus *
llw_database_get_report_status (LlwDatabase  *self,
                                LlwCampaign  *campaign,
                                const GDate  *today,
                                gint64        unit_id,
                                GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  return query_one (self, LLW_REPORT_STATUS_QUERY "AND u.id = ?2",
                    llw_campaign_get_id (campaign), unit_id, report_status_row, today, error);
}

/* Returns: (transfer full): every indicator (LlwIndicator) of @campaign in order, those no
 *   longer in use too, for the catalogue editor. */
GListModel *
llw_database_list_indicator_catalogue (LlwDatabase  *self,
                                       LlwCampaign  *campaign,
                                       GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  return to_store (query_rows (self,
                               LLW_INDICATOR_QUERY "AND ?2 = 0 ORDER BY position, id",
                               llw_campaign_get_id (campaign), 0, indicator_row, NULL, error),
                   LLW_TYPE_INDICATOR);
}

/**
 * llw_database_find_assignment:
 * @unit_id: a unit
 *
 * Returns: the id of the unit's assignment in @campaign, to edit it with the unit; 0 when
 *   the unit has none, or with @error set when the database cannot be read
 */
gint64
llw_database_find_assignment (LlwDatabase  *self,
                              LlwCampaign  *campaign,
                              gint64        unit_id,
                              GError      **error)
{
  static const char sql[] = "SELECT id FROM assignment WHERE campaign_id = ? AND unit_id = ?";
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LLW_IS_DATABASE (self), 0);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), 0);

  stmt = llw_database_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, llw_campaign_get_id (campaign));
  sqlite3_bind_int64 (stmt, 2, unit_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    llw_database_set_error (self, error, sql);
  return 0;
}
