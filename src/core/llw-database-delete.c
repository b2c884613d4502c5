/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-database-private.h"
#include "llw-deletion-private.h"

/* Deleting walks the foreign keys of the schema, so that whatever a delete cascades to is
 * known before it happens (to ask the user) and saved while it happens (to undo it). */

static gboolean save_rows (LlwDatabase *self, LlwDeletion *deletion, const char *table,
                           const char *column, gint64 value, GError **error);

/* Saves the rows of the tables that refer to @table's row @id, and what refers to them. */
static gboolean
save_dependents (LlwDatabase  *self,
                 LlwDeletion  *deletion,
                 const char   *table,
                 gint64        id,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = llw_database_prepare (self,
                               "SELECT m.name, f.\"from\", f.on_delete FROM sqlite_schema m "
                               "JOIN pragma_foreign_key_list (m.name) f "
                               "WHERE m.type = 'table' AND f.\"table\" = ? ORDER BY m.name",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *child = (const char *) sqlite3_column_text (stmt, 0);
      const char *column = (const char *) sqlite3_column_text (stmt, 1);
      const char *on_delete = (const char *) sqlite3_column_text (stmt, 2);

      if (g_str_equal (on_delete, "CASCADE"))
        {
          if (!save_rows (self, deletion, child, column, id, error))
            return FALSE;
        }
      else if (g_str_equal (on_delete, "SET NULL"))
        {
          g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?", child,
                                                  column);
          g_autoptr(sqlite3_stmt) links = llw_database_prepare (self, sql, error);

          if (links == NULL)
            return FALSE;
          sqlite3_bind_int64 (links, 1, id);
          while (sqlite3_step (links) == SQLITE_ROW)
            llw_deletion_add_link (deletion, child, column, sqlite3_column_int64 (links, 0), id);
        }
    }

  if (rc != SQLITE_DONE)
    {
      llw_database_set_error (self, error, "foreign keys");
      return FALSE;
    }
  return TRUE;
}

/* Saves the rows of @table whose @column is @value, then what depends on each of them. */
static gboolean
save_rows (LlwDatabase  *self,
           LlwDeletion  *deletion,
           const char   *table,
           const char   *column,
           gint64        value,
           GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s = ?", table, column);
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, value);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      llw_deletion_add_row (deletion, table, stmt);
      if (g_str_equal (sqlite3_column_name (stmt, 0), "id"))
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
    }
  if (rc != SQLITE_DONE)
    {
      llw_database_set_error (self, error, sql);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    if (!save_dependents (self, deletion, table, g_array_index (ids, gint64, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
collect (LlwDatabase  *self,
         LlwDeletion  *deletion,
         GError      **error)
{
  llw_deletion_reset (deletion);
  if (!save_rows (self, deletion, deletion->table, "id", deletion->id, error))
    return FALSE;

  if (deletion->rows->len == 0)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND,
                   _("The record was not found; it may have been deleted."));
      return FALSE;
    }
  return TRUE;
}

/**
 * llw_database_plan_deletion:
 * @table: the record's table, such as "unit"
 * @campaign_id: the campaign the user is working on, for the history
 * @id: the record
 *
 * Finds out what deleting the record would take along, without deleting anything, so that
 * the user can be asked first (llw_deletion_describe_dependents ()).
 *
 * Returns: (transfer full): the planned deletion, to pass to llw_database_delete ()
 */
LlwDeletion *
llw_database_plan_deletion (LlwDatabase  *self,
                            const char   *table,
                            gint64        campaign_id,
                            gint64        id,
                            GError      **error)
{
  g_autoptr(LlwDeletion) deletion = NULL;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  deletion = llw_deletion_new (table, id, campaign_id);
  if (!collect (self, deletion, error))
    return NULL;

  return g_steal_pointer (&deletion);
}

static gboolean
log_rows (LlwDatabase  *self,
          LlwDeletion  *deletion,
          const char   *action,
          GError      **error)
{
  for (guint i = 0; i < deletion->rows->len; i++)
    {
      LlwSavedRow *row = g_ptr_array_index (deletion->rows, i);
      gint64 id = g_str_equal (g_ptr_array_index (row->columns, 0), "id")
                  ? sqlite3_value_int64 (g_ptr_array_index (row->values, 0)) : 0;

      for (guint c = 1; c < row->columns->len; c++)
        {
          sqlite3_value *value = g_ptr_array_index (row->values, c);
          const char *text = (const char *) sqlite3_value_text (value);
          gboolean deleting = g_str_equal (action, "delete");

          if (text == NULL || *text == '\0')
            continue;
          if (!llw_database_log (self, deletion->campaign_id, row->table, id, action,
                                 g_ptr_array_index (row->columns, c),
                                 deleting ? text : NULL, deleting ? NULL : text, error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
emit_tables (LlwDatabase *self,
             LlwDeletion *deletion)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  llw_database_emit_changed (self, deletion->table, deletion->id);
  for (guint i = 1; i < deletion->rows->len; i++)
    {
      LlwSavedRow *row = g_ptr_array_index (deletion->rows, i);

      if (g_hash_table_add (seen, row->table))
        llw_database_emit_changed (self, row->table, 0);
    }
  for (guint i = 0; i < deletion->links->len; i++)
    llw_database_emit_changed (self, g_array_index (deletion->links, LlwSavedLink, i).table, 0);
}

/**
 * llw_database_delete:
 * @deletion: a planned deletion
 *
 * Deletes the record and what depends on it, saving all of it for an undo and writing the
 * history, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
llw_database_delete (LlwDatabase  *self,
                     LlwDeletion  *deletion,
                     GError      **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (LLW_IS_DELETION (deletion) && !deletion->done, FALSE);

  if (!llw_database_begin (self, error))
    return FALSE;

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", deletion->table);
  ok = collect (self, deletion, error) && log_rows (self, deletion, "delete", error) &&
       (stmt = llw_database_prepare (self, sql, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, deletion->id);
      ok = llw_database_step_done (self, stmt, error);
    }

  if (!llw_database_end (self, ok, ok ? error : NULL))
    return FALSE;

  deletion->done = TRUE;
  emit_tables (self, deletion);
  return TRUE;
}

static gboolean
insert_saved_row (LlwDatabase  *self,
                  LlwSavedRow  *row,
                  GError      **error)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  for (guint i = 0; i < row->columns->len; i++)
    {
      g_string_append_printf (columns, "%s\"%s\"", i ? ", " : "",
                              (const char *) g_ptr_array_index (row->columns, i));
      g_string_append (marks, i ? ", ?" : "?");
    }

  sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", row->table, columns->str,
                         marks->str);
  stmt = llw_database_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < row->values->len; i++)
    sqlite3_bind_value (stmt, (int) i + 1, g_ptr_array_index (row->values, i));
  return llw_database_step_done (self, stmt, error);
}

static gboolean
restore_link (LlwDatabase   *self,
              LlwSavedLink  *link,
              GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE id = ? AND %s IS NULL",
                                          link->table, link->column, link->column);
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, link->value);
  sqlite3_bind_int64 (stmt, 2, link->id);
  return llw_database_step_done (self, stmt, error);
}

/**
 * llw_database_undo_deletion:
 * @deletion: a deletion carried out by llw_database_delete ()
 *
 * Puts back everything the delete removed, with the same ids, and the links it cleared,
 * in one transaction recorded in the history. Fails, changing nothing, if a record
 * added since then takes the place of a restored one (the same unit name, say).
 *
 * Returns: %TRUE on success
 */
gboolean
llw_database_undo_deletion (LlwDatabase  *self,
                            LlwDeletion  *deletion,
                            GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (LLW_IS_DELETION (deletion) && deletion->done, FALSE);

  if (!llw_database_begin (self, error))
    return FALSE;

  ok = TRUE;
  for (guint i = 0; ok && i < deletion->rows->len; i++)
    ok = insert_saved_row (self, g_ptr_array_index (deletion->rows, i), error);
  for (guint i = 0; ok && i < deletion->links->len; i++)
    ok = restore_link (self, &g_array_index (deletion->links, LlwSavedLink, i), error);
  ok = ok && log_rows (self, deletion, "insert", error);

  if (!llw_database_end (self, ok, ok ? error : NULL))
    {
      if (error != NULL && *error != NULL && (*error)->code == LLW_DATABASE_ERROR_QUERY)
        {
          g_clear_error (error);
          g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID,
                       _("“%s” cannot be restored: a record added since then has taken its "
                         "place."), llw_deletion_get_label (deletion));
        }
      return FALSE;
    }

  deletion->done = FALSE;
  emit_tables (self, deletion);
  return TRUE;
}
