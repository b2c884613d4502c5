/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-database-private.h"
#include "llw-deletion-private.h"
#include "llw-entity.h"

/* Deleting walks the foreign keys of the schema, so that whatever a delete cascades to is
 * known before it happens (to ask the user) and saved while it happens (to undo it).
 *
 * A campaign's tab changes that campaign only. A record of a campaign (a theme, an
 * activity) is deleted with what depends on it, all of it in that campaign. A record shared
 * by every campaign (a unit) deleted from a campaign's tab is taken out of that campaign:
 * its rows there (assignment, report and figures, activities, reminders) go, the record
 * and its rows in other campaigns stay; only a record no other campaign has anything of
 * goes itself. Deleting it from every campaign is asked for separately, and is refused
 * while a closed campaign holds any of its rows. */

static gboolean save_rows (LlwDatabase *self, LlwDeletion *deletion, const char *table,
                           const char *column, gint64 value, gint64 scope,
                           gint64 parent_campaign, gboolean root, GError **error);

/* The tables whose rows refer to @table, with the column, what a delete does to them and
 * whether each row says its campaign. */
static sqlite3_stmt *
prepare_children (LlwDatabase  *self,
                  const char   *table,
                  GError      **error)
{
  sqlite3_stmt *stmt =
    llw_database_prepare (self,
                          "SELECT m.name, f.\"from\", f.on_delete, "
                          "       EXISTS (SELECT 1 FROM pragma_table_info (m.name) "
                          "               WHERE name = 'campaign_id') "
                          "FROM sqlite_schema m JOIN pragma_foreign_key_list (m.name) f "
                          "WHERE m.type = 'table' AND f.\"table\" = ? ORDER BY m.name",
                          error);

  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  return stmt;
}

/* Saves the links to @id that the delete sets to NULL, in campaign @scope (0: in all). */
static gboolean
save_links (LlwDatabase  *self,
            LlwDeletion  *deletion,
            const char   *child,
            const char   *column,
            gboolean      has_campaign,
            gint64        id,
            gint64        scope,
            gint64        parent_campaign,
            GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, %s FROM %s WHERE %s = ?1%s",
                                          has_campaign ? "campaign_id" : "0", child, column,
                                          scope > 0 ? " AND campaign_id = ?2" : "");
  g_autoptr(sqlite3_stmt) links = llw_database_prepare (self, sql, error);

  if (links == NULL)
    return FALSE;
  sqlite3_bind_int64 (links, 1, id);
  sqlite3_bind_int64 (links, 2, scope);
  while (sqlite3_step (links) == SQLITE_ROW)
    llw_deletion_add_link (deletion, child, column, sqlite3_column_int64 (links, 0), id,
                           has_campaign ? sqlite3_column_int64 (links, 1) : parent_campaign);
  return TRUE;
}

/* Saves the rows of the tables that refer to @table's row @id, and what refers to them;
 * with a @scope, only those of that campaign, each deleted by itself (a root). */
static gboolean
save_dependents (LlwDatabase  *self,
                 LlwDeletion  *deletion,
                 const char   *table,
                 gint64        id,
                 gint64        scope,
                 gint64        parent_campaign,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_children (self, table, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *child = (const char *) sqlite3_column_text (stmt, 0);
      const char *column = (const char *) sqlite3_column_text (stmt, 1);
      const char *on_delete = (const char *) sqlite3_column_text (stmt, 2);
      gboolean has_campaign = sqlite3_column_int (stmt, 3);

      /* Rows that belong to no campaign cannot be taken out of one. */
      if (scope > 0 && !has_campaign)
        continue;
      if (g_str_equal (on_delete, "CASCADE") &&
          !save_rows (self, deletion, child, column, id, scope, parent_campaign, scope > 0,
                      error))
        return FALSE;
      if (g_str_equal (on_delete, "SET NULL") &&
          !save_links (self, deletion, child, column, has_campaign, id, scope, parent_campaign,
                       error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      llw_database_set_error (self, error, "foreign keys");
      return FALSE;
    }
  return TRUE;
}

static int
find_column (sqlite3_stmt *stmt,
             const char   *name)
{
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    if (g_str_equal (sqlite3_column_name (stmt, i), name))
      return i;
  return -1;
}

/* Saves the rows of @table whose @column is @value (in campaign @scope, if not 0), then what
 * depends on each of them; a row without a campaign of its own belongs to its parent's. */
static gboolean
save_rows (LlwDatabase  *self,
           LlwDeletion  *deletion,
           const char   *table,
           const char   *column,
           gint64        value,
           gint64        scope,
           gint64        parent_campaign,
           gboolean      root,
           GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s = ?1%s", table, column,
                                          scope > 0 ? " AND campaign_id = ?2" : "");
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) campaigns = g_array_new (FALSE, FALSE, sizeof (gint64));
  int campaign_column;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, scope);
  campaign_column = find_column (stmt, "campaign_id");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 campaign = campaign_column >= 0 ? sqlite3_column_int64 (stmt, campaign_column)
                                             : parent_campaign;

      llw_deletion_add_row (deletion, table, stmt, campaign, root);
      if (g_str_equal (sqlite3_column_name (stmt, 0), "id"))
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
          g_array_append_val (campaigns, campaign);
        }
    }
  if (rc != SQLITE_DONE)
    {
      llw_database_set_error (self, error, sql);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    if (!save_dependents (self, deletion, table, g_array_index (ids, gint64, i), 0,
                          g_array_index (campaigns, gint64, i), error))
      return FALSE;

  return TRUE;
}

/* Notes the other campaigns than @scope where rows refer to @table's row @id: those where
 * a shared record stays. */
static gboolean
find_kept (LlwDatabase  *self,
           LlwDeletion  *deletion,
           const char   *table,
           gint64        id,
           gint64        scope,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) children = prepare_children (self, table, error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      NULL);

  if (children == NULL)
    return FALSE;
  while (sqlite3_step (children) == SQLITE_ROW)
    {
      g_autofree char *sql = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;

      sql = g_strdup_printf ("SELECT DISTINCT %s FROM %s WHERE %s = ?1",
                             sqlite3_column_int (children, 3) ? "campaign_id" : "-1",
                             (const char *) sqlite3_column_text (children, 0),
                             (const char *) sqlite3_column_text (children, 1));
      stmt = llw_database_prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 campaign = sqlite3_column_int64 (stmt, 0);

          if (campaign != scope && g_hash_table_add (seen, g_memdup2 (&campaign, sizeof campaign)))
            g_array_append_val (deletion->kept, campaign);
        }
    }
  return TRUE;
}

/* Whether the record belongs to no campaign and is shared by them all (a unit). */
static gboolean
is_shared (const char *table)
{
  const LlwEntity *entity = llw_entity_lookup (table);

  return entity != NULL && !entity->per_campaign && entity != &llw_entity_campaign;
}

static gboolean
load_years (LlwDatabase  *self,
            LlwDeletion  *deletion,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self, "SELECT id, year FROM campaign",
                                                       error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    llw_deletion_set_year (deletion, sqlite3_column_int64 (stmt, 0),
                           sqlite3_column_int (stmt, 1));
  return TRUE;
}

/* Reads the record, for its name; fails if it is gone. */
static gboolean
find_record (LlwDatabase  *self,
             LlwDeletion  *deletion,
             GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?", deletion->table);
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deletion->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND,
                   _("The record was not found; it may have been deleted."));
      return FALSE;
    }
  llw_deletion_set_label (deletion, stmt);
  return TRUE;
}

/* Saves what the delete takes: the record and everything that depends on it, or, for a
 * shared record deleted from one campaign while others have rows of it, its rows there. */
static gboolean
save_all (LlwDatabase  *self,
          LlwDeletion  *deletion,
          GError      **error)
{
  gint64 scope = 0;

  if (is_shared (deletion->table) && !deletion->everywhere && deletion->campaign_id > 0)
    {
      scope = deletion->campaign_id;
      if (!find_kept (self, deletion, deletion->table, deletion->id, scope, error))
        return FALSE;
    }

  deletion->whole = !deletion->keep && deletion->kept->len == 0;
  if (deletion->whole)
    return save_rows (self, deletion, deletion->table, "id", deletion->id, 0, 0, TRUE, error);
  return save_dependents (self, deletion, deletion->table, deletion->id, scope, scope, error);
}

/* Notes @campaign_id in @closed, once, if it is closed, keeping the first refusal in
 * @first. Returns: %FALSE on another error than a closed campaign. */
static gboolean
note_closed (LlwDatabase  *self,
             GHashTable   *seen,
             GArray       *closed,
             GError      **first,
             gint64        campaign_id,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (campaign_id <= 0 || !g_hash_table_add (seen, g_memdup2 (&campaign_id, sizeof campaign_id))
      || llw_database_check_open (self, campaign_id, &local_error))
    return TRUE;
  if (local_error->code != LLW_DATABASE_ERROR_CLOSED)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_array_append_val (closed, campaign_id);
  if (*first == NULL)
    *first = g_steal_pointer (&local_error);
  return TRUE;
}

/* The closed campaigns the delete would change: a delete in a campaign's tab is refused
 * with core's message; one from every campaign names what each closed campaign holds. */
static gboolean
check_campaigns (LlwDatabase  *self,
                 LlwDeletion  *deletion,
                 GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      NULL);
  g_autoptr(GArray) closed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) first = NULL;
  g_autofree char *held = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < deletion->rows->len; i++)
    ok = note_closed (self, seen, closed, &first,
                      ((LlwSavedRow *) g_ptr_array_index (deletion->rows, i))->campaign_id,
                      error);
  for (guint i = 0; ok && i < deletion->links->len; i++)
    ok = note_closed (self, seen, closed, &first,
                      g_array_index (deletion->links, LlwSavedLink, i).campaign_id, error);

  if (!ok || first == NULL)
    return ok;
  if (!deletion->everywhere)
    {
      g_propagate_error (error, g_steal_pointer (&first));
      return FALSE;
    }

  held = llw_deletion_describe_campaigns (deletion, closed);
  g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_CLOSED,
               _("“%s” cannot be deleted from every campaign: closed campaigns, already "
                 "reported to the Ministry, hold its records (%s). Retire it instead: untick "
                 "“%s” in its form, and it is no longer offered for new campaigns."),
               llw_deletion_get_label (deletion), held,
               llw_field_get_label (llw_entity_get_field (&llw_entity_unit, "active")));
  return FALSE;
}

/* Whether the record of a campaign is asked to be deleted from another campaign's tab. */
static gboolean
belongs_elsewhere (LlwDeletion *deletion)
{
  LlwSavedRow *record;

  if (!deletion->whole || deletion->everywhere || deletion->campaign_id <= 0 ||
      is_shared (deletion->table) || deletion->rows->len == 0)
    return FALSE;
  record = g_ptr_array_index (deletion->rows, 0);
  return record->campaign_id > 0 && record->campaign_id != deletion->campaign_id;
}

/* Reads, or reads again inside the delete, everything the delete takes, and checks that it
 * may: that no closed campaign changes, and that a record of a campaign is deleted from
 * that campaign's tab only. */
static gboolean
collect (LlwDatabase  *self,
         LlwDeletion  *deletion,
         GError      **error)
{
  llw_deletion_reset (deletion);
  if (!find_record (self, deletion, error) || !load_years (self, deletion, error) ||
      !save_all (self, deletion, error))
    return FALSE;

  if (belongs_elsewhere (deletion))
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID,
                   _("“%s” belongs to another campaign and cannot be deleted from this one."),
                   llw_deletion_get_label (deletion));
      return FALSE;
    }
  if (deletion->rows->len == 0)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND,
                   _("“%s” has nothing in this campaign to remove. Its records in other "
                     "campaigns stay; to stop offering it for new campaigns, untick “%s” in "
                     "its form."),
                   llw_deletion_get_label (deletion),
                   llw_field_get_label (llw_entity_get_field (&llw_entity_unit, "active")));
      return FALSE;
    }
  return check_campaigns (self, deletion, error);
}

/* An assignment is a unit's place in a campaign: taking it away takes the unit out of the
 * campaign, with its report and what else it has there, and leaves the unit. Returns: the
 * planned deletion of the assignment's unit from its campaign. */
static LlwDeletion *
plan_membership (LlwDatabase  *self,
                 gint64        campaign_id,
                 gint64        id,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(LlwDeletion) deletion = NULL;

  stmt = llw_database_prepare (self, "SELECT unit_id, campaign_id FROM assignment WHERE id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND,
                   _("The record was not found; it may have been deleted."));
      return NULL;
    }
  if (sqlite3_column_int64 (stmt, 1) != campaign_id)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID,
                   _("The assignment belongs to another campaign and cannot be deleted from "
                     "this one."));
      return NULL;
    }

  deletion = llw_deletion_new ("unit", sqlite3_column_int64 (stmt, 0), campaign_id);
  deletion->keep = TRUE;
  return collect (self, deletion, error) ? g_steal_pointer (&deletion) : NULL;
}

static LlwDeletion *
plan (LlwDatabase  *self,
      const char   *table,
      gint64        campaign_id,
      gint64        id,
      gboolean      everywhere,
      GError      **error)
{
  g_autoptr(LlwDeletion) deletion = NULL;

  if (!everywhere && g_str_equal (table, "assignment"))
    return plan_membership (self, campaign_id, id, error);

  deletion = llw_deletion_new (table, id, campaign_id);
  deletion->everywhere = everywhere;
  if (!collect (self, deletion, error))
    return NULL;

  return g_steal_pointer (&deletion);
}

/**
 * llw_database_plan_deletion:
 * @table: the record's table, such as "theme" or "unit"
 * @campaign_id: the campaign whose tab asks
 * @id: the record
 *
 * Finds out what deleting the record from the campaign's tab would take along, without
 * deleting anything, so that the user can be asked first (llw_deletion_describe_dependents
 * ()). A record of the campaign goes with what depends on it. A unit, shared by every
 * campaign, is taken out of this campaign only: its assignment there and, after the user
 * is asked, its report, figures, activities and reminders there; the unit itself goes too
 * only when no other campaign has anything of it (llw_deletion_takes_record ()). An
 * assignment, a unit's place in the campaign, is taken away the same way, and the unit
 * always stays.
 *
 * Returns: (transfer full): the planned deletion, to pass to llw_database_delete (); %NULL
 *   with LLW_DATABASE_ERROR_CLOSED when the campaign is closed, or NOT_FOUND when the unit
 *   has nothing in the campaign
 */
LlwDeletion *
llw_database_plan_deletion (LlwDatabase  *self,
                            const char   *table,
                            gint64        campaign_id,
                            gint64        id,
                            GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  return plan (self, table, campaign_id, id, FALSE, error);
}

/**
 * llw_database_plan_deletion_everywhere:
 * @table: the table of a record shared by every campaign, such as "unit"
 * @id: the record
 *
 * Plans deleting the record and everything it has in every campaign, which
 * llw_deletion_describe_dependents () names campaign by campaign. Refused while a closed
 * campaign holds any of it, its report above all: the unit can be retired instead.
 *
 * Returns: (transfer full): the planned deletion, or %NULL with @error set
 *   (LLW_DATABASE_ERROR_CLOSED naming the closed campaigns and what they hold)
 */
LlwDeletion *
llw_database_plan_deletion_everywhere (LlwDatabase  *self,
                                       const char   *table,
                                       gint64        id,
                                       GError      **error)
{
  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  return plan (self, table, 0, id, TRUE, error);
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
          if (!llw_database_log (self, row->campaign_id > 0 ? row->campaign_id
                                                           : deletion->campaign_id,
                                 row->table, id, action,
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

static gboolean
delete_by_id (LlwDatabase  *self,
              const char   *table,
              gint64        id,
              GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return llw_database_step_done (self, stmt, error);
}

static gboolean
clear_link (LlwDatabase   *self,
            LlwSavedLink  *link,
            GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = NULL WHERE id = ?", link->table,
                                          link->column);
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, link->id);
  return llw_database_step_done (self, stmt, error);
}

/* Deletes the record, whose foreign keys take the rest along; or, when only its rows of one
 * campaign go, each of those rows (with what depends on them) and its links there. */
static gboolean
delete_rows (LlwDatabase  *self,
             LlwDeletion  *deletion,
             GError      **error)
{
  gboolean ok = TRUE;

  if (deletion->whole)
    return delete_by_id (self, deletion->table, deletion->id, error);

  for (guint i = 0; ok && i < deletion->rows->len; i++)
    {
      LlwSavedRow *row = g_ptr_array_index (deletion->rows, i);

      if (row->root)
        ok = delete_by_id (self, row->table,
                           sqlite3_value_int64 (g_ptr_array_index (row->values, 0)), error);
    }
  for (guint i = 0; ok && i < deletion->links->len; i++)
    ok = clear_link (self, &g_array_index (deletion->links, LlwSavedLink, i), error);
  return ok;
}

/**
 * llw_database_delete:
 * @deletion: a planned deletion
 *
 * Deletes what was planned (read again, in case it changed since), saving all of it for an
 * undo and writing the history, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
llw_database_delete (LlwDatabase  *self,
                     LlwDeletion  *deletion,
                     GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (LLW_IS_DELETION (deletion) && !deletion->done, FALSE);

  if (!llw_database_begin (self, error))
    return FALSE;

  ok = collect (self, deletion, error) && log_rows (self, deletion, "delete", error) &&
       delete_rows (self, deletion, error);

  if (!llw_database_end (self, ok, ok ? error : NULL))
    return FALSE;

  deletion->done = TRUE;
  emit_tables (self, deletion);
  return TRUE;
}

/* An undo changes the campaigns the delete did: refused if one has closed since. */
static gboolean
check_undo (LlwDatabase  *self,
            LlwDeletion  *deletion,
            GError      **error)
{
  for (guint i = 0; i < deletion->rows->len; i++)
    if (!llw_database_check_open (self,
                                  ((LlwSavedRow *) g_ptr_array_index (deletion->rows, i))
                                  ->campaign_id, error))
      return FALSE;
  for (guint i = 0; i < deletion->links->len; i++)
    if (!llw_database_check_open (self,
                                  g_array_index (deletion->links, LlwSavedLink, i).campaign_id,
                                  error))
      return FALSE;
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

  ok = check_undo (self, deletion, error);
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
