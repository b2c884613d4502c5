/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-database-history.h"
#include "llw-database-private.h"

/* Reads the history table back as the user reads it: newest first, an insert or a delete as
 * one entry (the history holds a line for each field of the record), references as the
 * name of the record they point to. */

/* A reference's stored id, as the name of the record it points to while that exists. */
#define REFERENCE(value) \
  "CASE WHEN h.action <> 'update' THEN " value " " \
  "     WHEN h.field = 'unit_id' " \
  "     THEN coalesce ((SELECT name FROM unit WHERE id = " value "), " value ") " \
  "     WHEN h.field = 'kind_id' " \
  "     THEN coalesce ((SELECT title FROM activity_kind WHERE id = " value "), " value ") " \
  "     WHEN h.field = 'theme_id' " \
  "     THEN coalesce ((SELECT title FROM theme WHERE id = " value "), " value ") " \
  "     ELSE " value " END"

#define COLUMNS \
  "SELECT h.id, h.changed_at, h.table_name, h.record_id, h.action, h.field, " \
  REFERENCE ("h.old_value") ", " REFERENCE ("h.new_value") ", "

/* The record's name as it is now, or else as the history last knew it (a deleted record).
 * A report, its figures and a reminder go by the name of their unit. */
#define RECORD_LABEL \
  "coalesce (CASE h.table_name " \
  "  WHEN 'unit' THEN (SELECT name FROM unit WHERE id = h.record_id) " \
  "  WHEN 'theme' THEN (SELECT title FROM theme WHERE id = h.record_id) " \
  "  WHEN 'activity_kind' THEN (SELECT title FROM activity_kind WHERE id = h.record_id) " \
  "  WHEN 'activity' THEN (SELECT title FROM activity WHERE id = h.record_id) " \
  "  WHEN 'indicator' THEN (SELECT label FROM indicator WHERE id = h.record_id) " \
  "  WHEN 'campaign' THEN (SELECT title FROM campaign WHERE id = h.record_id) " \
  "  WHEN 'report_example' THEN (SELECT person FROM report_example WHERE id = h.record_id) " \
  "  WHEN 'assignment' THEN (SELECT u.name FROM assignment a JOIN unit u ON u.id = a.unit_id " \
  "                          WHERE a.id = h.record_id) " \
  "  WHEN 'report' THEN (SELECT u.name FROM report r JOIN unit u ON u.id = r.unit_id " \
  "                      WHERE r.id = h.record_id) " \
  "  WHEN 'report_value' THEN (SELECT u.name FROM report r JOIN unit u ON u.id = r.unit_id " \
  "                            WHERE r.id = h.record_id) " \
  "  WHEN 'reminder' THEN (SELECT u.name FROM reminder m JOIN unit u ON u.id = m.unit_id " \
  "                        WHERE m.id = h.record_id) END, " \
  " (SELECT coalesce (l.new_value, l.old_value) FROM history l " \
  "  WHERE l.table_name = h.table_name AND l.record_id = h.record_id " \
  "    AND l.field IN ('name', 'title', 'label', 'person') ORDER BY l.id DESC LIMIT 1), " \
  " (SELECT u.name FROM history l JOIN unit u ON u.id = coalesce (l.new_value, l.old_value) " \
  "  WHERE l.table_name = replace (h.table_name, 'report_value', 'report') " \
  "    AND l.record_id = h.record_id AND l.field = 'unit_id' " \
  "  ORDER BY l.id DESC LIMIT 1), '') "

static LlwHistoryEntry *
entry_new_from_stmt (sqlite3_stmt *stmt)
{
  return g_object_new (LLW_TYPE_HISTORY_ENTRY,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "changed-at", sqlite3_column_text (stmt, 1),
                       "table-name", sqlite3_column_text (stmt, 2),
                       "record-id", sqlite3_column_int64 (stmt, 3),
                       "action", sqlite3_column_text (stmt, 4),
                       "field", sqlite3_column_text (stmt, 5),
                       "old-value", sqlite3_column_text (stmt, 6),
                       "new-value", sqlite3_column_text (stmt, 7),
                       "record-label", sqlite3_column_text (stmt, 8),
                       NULL);
}

/* Whether the line @stmt stands on belongs to the insert or delete of @entry: the lines of
 * one record's insert or delete are written one after the other, in one transaction. */
static gboolean
continues (LlwHistoryEntry *entry,
           gint64           entry_first_id,
           sqlite3_stmt    *stmt)
{
  const char *action = (const char *) sqlite3_column_text (stmt, 4);

  return entry != NULL && g_strcmp0 (action, "update") != 0 &&
         sqlite3_column_int64 (stmt, 0) == entry_first_id - 1 &&
         g_strcmp0 (action, llw_history_entry_get_action (entry)) == 0 &&
         sqlite3_column_int64 (stmt, 3) == llw_history_entry_get_record_id (entry) &&
         g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2),
                    llw_history_entry_get_table_name (entry)) == 0;
}

static GListModel *
read_entries (LlwDatabase  *self,
              sqlite3_stmt *stmt,
              GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  LlwHistoryEntry *last = NULL;
  gint64 last_first_id = 0;
  GListStore *store;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!continues (last, last_first_id, stmt))
        {
          last = entry_new_from_stmt (stmt);
          g_ptr_array_add (entries, last);
        }
      last_first_id = sqlite3_column_int64 (stmt, 0);
    }

  if (rc != SQLITE_DONE)
    {
      llw_database_set_error (self, error, "history");
      return NULL;
    }

  store = g_list_store_new (LLW_TYPE_HISTORY_ENTRY);
  g_list_store_splice (store, 0, 0, entries->pdata, entries->len);
  return G_LIST_MODEL (store);
}

/**
 * llw_database_list_history:
 * @table: the record's table, such as "unit"
 * @record_id: the record
 *
 * Returns: (transfer full): the record's changes (LlwHistoryEntry), newest first
 */
GListModel *
llw_database_list_history (LlwDatabase  *self,
                           const char   *table,
                           gint64        record_id,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  stmt = llw_database_prepare (self,
                               COLUMNS "'' FROM history h "
                               "WHERE h.table_name = ? AND h.record_id = ? ORDER BY h.id DESC",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record_id);
  return read_entries (self, stmt, error);
}

/**
 * llw_database_list_campaign_history:
 * @campaign_id: the campaign
 * @max_lines: how many of the history's newest lines to read at most, 0 for all: an import
 *   writes a line for every figure
 *
 * Returns: (transfer full): the changes made in the campaign (LlwHistoryEntry), newest
 *   first, each with the name of the record it changed
 */
GListModel *
llw_database_list_campaign_history (LlwDatabase  *self,
                                    gint64        campaign_id,
                                    guint         max_lines,
                                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);

  stmt = llw_database_prepare (self,
                               COLUMNS RECORD_LABEL "FROM history h "
                               "WHERE h.campaign_id = ? ORDER BY h.id DESC LIMIT ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, max_lines > 0 ? (gint64) max_lines : -1);
  return read_entries (self, stmt, error);
}
