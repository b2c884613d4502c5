/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-database-private.h"
#include "llw-records-private.h"

/* The lists the window shows. Each returns a GListStore of one record type, filled in a
 * single splice so that views see one change, not one per row. */

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt,
                             gconstpointer data);

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      compare)
{
  return ((GCompareFunc) compare) (*(gpointer const *) a, *(gpointer const *) b);
}

/* @compare: the list's order, when it is not the query's */
static GListModel *
list_records (LlwDatabase  *self,
              GType         type,
              const char   *sql,
              gint64        campaign_id,
              RowFunc       row,
              gconstpointer data,
              GCompareFunc  compare,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self, sql, error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;
  int rc;

  if (stmt == NULL)
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, campaign_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, row (stmt, data));

  if (rc != SQLITE_DONE)
    {
      llw_database_set_error (self, error, sql);
      return NULL;
    }

  if (compare != NULL)
    g_ptr_array_sort_with_data (items, compare_items, compare);
  store = g_list_store_new (type);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

#define ROW_FUNC(name) \
  static gpointer name##_row (sqlite3_stmt *stmt, gconstpointer data) \
  { \
    return llw_##name##_new_from_stmt (stmt); \
  }

ROW_FUNC (campaign)
ROW_FUNC (theme)
ROW_FUNC (activity_kind)
ROW_FUNC (unit)
ROW_FUNC (activity)
ROW_FUNC (indicator)
ROW_FUNC (recipient)
ROW_FUNC (report_example)

static gpointer
report_status_row (sqlite3_stmt *stmt,
                   gconstpointer data)
{
  return llw_report_status_new_from_stmt (stmt, data);
}

static char *
campaign_query (const char *where)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id, year");

  for (guint i = 0; i < LLW_CAMPAIGN_N_FIELDS; i++)
    g_string_append_printf (sql, ", %s", llw_campaign_field_column (i));
  g_string_append_printf (sql, ", reopened FROM campaign %s ORDER BY year DESC", where);

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Returns: (transfer full): every campaign (LlwCampaign), the latest year first. */
GListModel *
llw_database_list_campaigns (LlwDatabase  *self,
                             GError      **error)
{
  g_autofree char *sql = campaign_query ("");

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);

  return list_records (self, LLW_TYPE_CAMPAIGN, sql, 0, campaign_row, NULL, NULL, error);
}

/**
 * llw_database_get_campaign:
 * @year: the campaign's year, or 0 for the latest
 *
 * Returns: (transfer full): the campaign, or %NULL with LLW_DATABASE_ERROR_NOT_FOUND
 */
LlwCampaign *
llw_database_get_campaign (LlwDatabase  *self,
                           int           year,
                           GError      **error)
{
  g_autofree char *sql = campaign_query ("WHERE ?1 = 0 OR year = ?1");
  g_autoptr(GListModel) campaigns = NULL;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);

  campaigns = list_records (self, LLW_TYPE_CAMPAIGN, sql, year, campaign_row, NULL, NULL, error);
  if (campaigns == NULL)
    return NULL;

  if (g_list_model_get_n_items (campaigns) == 0)
    {
      if (year == 0)
        g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND,
                     _("“%s” holds no campaign."), self->path);
      else
        g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND,
                     _("“%s” has no campaign for the year %d."), self->path, year);
      return NULL;
    }

  return g_list_model_get_item (campaigns, 0);
}

/* Returns: (transfer full): the campaign's themes (LlwTheme) in order, each with the number
 *   of received reports that chose it. */
GListModel *
llw_database_list_themes (LlwDatabase  *self,
                          LlwCampaign  *campaign,
                          GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  return list_records (self, LLW_TYPE_THEME,
                       "SELECT t.id, t.position, t.title, t.suggested, "
                       "       (SELECT count(*) FROM report r WHERE r.theme_id = t.id) "
                       "FROM theme t WHERE t.campaign_id = ? ORDER BY t.position, t.id",
                       llw_campaign_get_id (campaign), theme_row, NULL, NULL, error);
}

/* Returns: (transfer full): the campaign's activity kinds (LlwActivityKind) in order, each
 *   with the number of activities recorded under it. */
GListModel *
llw_database_list_activity_kinds (LlwDatabase  *self,
                                  LlwCampaign  *campaign,
                                  GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  return list_records (self, LLW_TYPE_ACTIVITY_KIND,
                       "SELECT k.id, k.position, k.title, k.description, "
                       "       (SELECT count(*) FROM activity a WHERE a.kind_id = k.id) "
                       "FROM activity_kind k WHERE k.campaign_id = ? "
                       "ORDER BY k.position, k.id",
                       llw_campaign_get_id (campaign), activity_kind_row, NULL, NULL, error);
}

/* Returns: (transfer full): every unit (LlwUnit) in the units' order, with its assignment in
 *   @campaign where it has one; its deadline is the assignment's or else the campaign's. */
GListModel *
llw_database_list_units (LlwDatabase  *self,
                         LlwCampaign  *campaign,
                         GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  return list_records (self, LLW_TYPE_UNIT,
                       LLW_UNIT_QUERY "ORDER BY u.position, u.id",
                       llw_campaign_get_id (campaign), unit_row, NULL, NULL, error);
}

/* Returns: (transfer full): the campaign's activities (LlwActivity) by start date. */
GListModel *
llw_database_list_activities (LlwDatabase  *self,
                              LlwCampaign  *campaign,
                              GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  return list_records (self, LLW_TYPE_ACTIVITY,
                       LLW_ACTIVITY_QUERY "ORDER BY a.start_date, a.id",
                       llw_campaign_get_id (campaign), activity_row, NULL, NULL, error);
}

/**
 * llw_database_list_report_statuses:
 * @today: the day timeliness is judged by
 *
 * Returns: (transfer full): one LlwReportStatus for every unit that must report in
 *   @campaign, district level first, each group in the units' order.
 */
GListModel *
llw_database_list_report_statuses (LlwDatabase  *self,
                                   LlwCampaign  *campaign,
                                   const GDate  *today,
                                   GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  return list_records (self, LLW_TYPE_REPORT_STATUS,
                       LLW_REPORT_STATUS_QUERY, llw_campaign_get_id (campaign),
                       report_status_row, today, llw_report_status_compare, error);
}

/* Returns: (transfer full): the campaign's active indicators (LlwIndicator) in order. */
GListModel *
llw_database_list_indicators (LlwDatabase  *self,
                              LlwCampaign  *campaign,
                              GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  return list_records (self, LLW_TYPE_INDICATOR,
                       LLW_INDICATOR_QUERY "AND active = 1 ORDER BY position, id",
                       llw_campaign_get_id (campaign), indicator_row, NULL, NULL, error);
}

/* Returns: (transfer full): the addressees of the campaign's directive (LlwRecipient). */
GListModel *
llw_database_list_recipients (LlwDatabase  *self,
                              LlwCampaign  *campaign,
                              GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  return list_records (self, LLW_TYPE_RECIPIENT,
                       "SELECT id, position, kind, name, sent_date FROM recipient "
                       "WHERE campaign_id = ? ORDER BY position, id",
                       llw_campaign_get_id (campaign), recipient_row, NULL, NULL, error);
}

/* Returns: (transfer full): the outstanding examples (LlwReportExample) the campaign's report
 *   names, in order. */
GListModel *
llw_database_list_report_examples (LlwDatabase  *self,
                                   LlwCampaign  *campaign,
                                   GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  return list_records (self, LLW_TYPE_REPORT_EXAMPLE,
                       "SELECT id, person, unit_name, achievement FROM report_example "
                       "WHERE campaign_id = ? ORDER BY position, id",
                       llw_campaign_get_id (campaign), report_example_row, NULL, NULL, error);
}
