/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-database-private.h"
#include "llw-date.h"
#include "llw-entity.h"
#include "llw-records-private.h"
#include "llw-text.h"

/* Every change the user makes goes through here: values are checked field by field, written
 * in one transaction together with their history, and announced once committed. */

/* Values are tables of column → text; these make and read them. */
static GHashTable *
values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static const char *
lookup (GHashTable *values,
        const char *column)
{
  const char *value = values != NULL ? g_hash_table_lookup (values, column) : NULL;

  return value != NULL ? value : "";
}

static char *
now_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format_iso8601 (now);
}

/* Opens a transaction, or a savepoint inside one, so that a change made of smaller changes
 * (a new campaign and its copied records) is still one transaction. */
gboolean
llw_database_begin (LlwDatabase  *self,
                    GError      **error)
{
  g_autofree char *sql = NULL;

  if (self->read_only)
    {
      g_set_error_literal (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_READ_ONLY,
                           self->read_only_reason);
      return FALSE;
    }

  if (self->depth == 0)
    {
      sql = g_strdup ("BEGIN IMMEDIATE");
      g_free (self->stamp);
      self->stamp = now_stamp ();
    }
  else
    sql = g_strdup_printf ("SAVEPOINT llw%u", self->depth);

  if (!llw_database_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

/* Commits what llw_database_begin () opened, or rolls it back if @ok is %FALSE or the
 * commit fails. Changes are announced when the outermost transaction commits.
 * Returns: whether it committed. */
gboolean
llw_database_end (LlwDatabase  *self,
                  gboolean      ok,
                  GError      **error)
{
  g_autofree char *commit = NULL;
  g_autofree char *rollback = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);

  self->depth--;
  if (self->depth == 0)
    {
      commit = g_strdup ("COMMIT");
      rollback = g_strdup ("ROLLBACK");
    }
  else
    {
      commit = g_strdup_printf ("RELEASE llw%u", self->depth);
      rollback = g_strdup_printf ("ROLLBACK TO llw%u; RELEASE llw%u", self->depth, self->depth);
    }

  if (ok && llw_database_exec (self, commit, error))
    {
      if (self->depth == 0)
        llw_database_flush_changes (self);
      return TRUE;
    }

  sqlite3_exec (self->db, rollback, NULL, NULL, NULL);
  if (self->depth == 0)
    g_array_set_size (self->pending, 0);
  return FALSE;
}

/* Appends one line to the history; the caller holds the transaction. */
gboolean
llw_database_log (LlwDatabase  *self,
                  gint64        campaign_id,
                  const char   *table,
                  gint64        record_id,
                  const char   *action,
                  const char   *field,
                  const char   *old_value,
                  const char   *new_value,
                  GError      **error)
{
  static const char sql[] = "INSERT INTO history (changed_at, campaign_id, table_name, "
                            "record_id, action, field, old_value, new_value) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  sqlite3_stmt *stmt = llw_database_cached (self, sql, error);

  g_return_val_if_fail (self->stamp != NULL, FALSE);  /* only inside llw_database_begin () */
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, self->stamp, -1, SQLITE_STATIC);
  if (campaign_id > 0)
    sqlite3_bind_int64 (stmt, 2, campaign_id);
  sqlite3_bind_text (stmt, 3, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, record_id);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_TRANSIENT);
  llw_stmt_bind_optional (stmt, 6, field);
  llw_stmt_bind_optional (stmt, 7, old_value);
  llw_stmt_bind_optional (stmt, 8, new_value);
  return llw_database_step_done (self, stmt, error);
}

/* The history lines of sixteen inserted records in one statement: ?1 the stamp, ?2 the
 * campaign, ?3 the table, ?4 the new value, ?5 to ?20 the records (each "?" is numbered
 * after the highest before it, so the record comes last in its row). */
#define INSERTED_ROW "(?1, ?2, ?3, 'insert', NULL, NULL, ?4, ?)"
#define INSERTED_ROWS_4 INSERTED_ROW ", " INSERTED_ROW ", " INSERTED_ROW ", " INSERTED_ROW
#define N_INSERTED_ROWS 16

/**
 * llw_database_log_inserts:
 * @record_ids: (array length=n): records inserted in @table, in the order they were
 * @new_value: (nullable): what the history says they hold
 *
 * Appends the same lines as llw_database_log (@table, each record, "insert", %NULL, %NULL,
 * @new_value), in the same order, sixteen to a statement: an import of 50,000 new reports
 * writes as many lines. The caller holds the transaction.
 */
gboolean
llw_database_log_inserts (LlwDatabase   *self,
                          gint64         campaign_id,
                          const char    *table,
                          const gint64  *record_ids,
                          guint          n,
                          const char    *new_value,
                          GError       **error)
{
  static const char sql[] = "INSERT INTO history (changed_at, campaign_id, table_name, "
                            "action, field, old_value, new_value, record_id) VALUES "
                            INSERTED_ROWS_4 ", " INSERTED_ROWS_4 ", "
                            INSERTED_ROWS_4 ", " INSERTED_ROWS_4;
  guint i = 0;

  g_return_val_if_fail (self->stamp != NULL, FALSE);  /* only inside llw_database_begin () */

  for (; i + N_INSERTED_ROWS <= n; i += N_INSERTED_ROWS)
    {
      sqlite3_stmt *stmt = llw_database_cached (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, self->stamp, -1, SQLITE_STATIC);
      if (campaign_id > 0)
        sqlite3_bind_int64 (stmt, 2, campaign_id);
      sqlite3_bind_text (stmt, 3, table, -1, SQLITE_TRANSIENT);
      llw_stmt_bind_optional (stmt, 4, new_value);
      for (guint j = 0; j < N_INSERTED_ROWS; j++)
        sqlite3_bind_int64 (stmt, 5 + (int) j, record_ids[i + j]);
      if (!llw_database_step_done (self, stmt, error))
        return FALSE;
    }
  for (; i < n; i++)
    if (!llw_database_log (self, campaign_id, table, record_ids[i], "insert", NULL, NULL,
                           new_value, error))
      return FALSE;
  return TRUE;
}

/* Binds a stored value as its column wants it: empty dates, numbers, references and unique
 * codes are NULL, other empty text is "". */
static void
bind_value (sqlite3_stmt   *stmt,
            int             index,
            const LlwField *field,
            const char     *value)
{
  switch (field->kind)
    {
    case LLW_FIELD_DATE:
    case LLW_FIELD_REFERENCE:
    case LLW_FIELD_COUNT:
      llw_stmt_bind_optional (stmt, index, value);
      break;
    case LLW_FIELD_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_strcmp0 (value, "0") != 0 && *value != '\0');
      break;
    default:
      /* An empty unique code is no code at all: NULL, which UNIQUE lets many rows have. */
      if (field->flags & (LLW_FIELD_UNIQUE | LLW_FIELD_UNIQUE_CAMPAIGN))
        llw_stmt_bind_optional (stmt, index, value);
      else
        llw_stmt_bind_text (stmt, index, value);
      break;
    }
}

/**
 * llw_database_load_values:
 * @entity: what kind of record
 * @id: the record
 *
 * Returns: (transfer full): the record's stored values, column → text ("" for NULL)
 */
GHashTable *
llw_database_load_values (LlwDatabase      *self,
                          const LlwEntity  *entity,
                          gint64            id,
                          GError          **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTable *values;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);

  for (guint i = 0; i < entity->n_fields; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", entity->fields[i].column);
  g_string_append_printf (sql, " FROM %s WHERE id = ?", entity->table);

  stmt = llw_database_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND,
                   _("The record was not found; it may have been deleted."));
      return NULL;
    }

  values = values_new ();
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, (int) i);

      g_hash_table_insert (values, g_strdup (entity->fields[i].column),
                           g_strdup (text ? text : ""));
    }
  return values;
}

/* Returns: whether another row than @id of @entity (in @campaign_id where the rule is per
 * campaign) already holds @value in @field, compared by name key where the field has one. */
static gboolean
is_taken (LlwDatabase     *self,
          const LlwEntity *entity,
          const LlwField  *field,
          gint64           campaign_id,
          gint64           id,
          const char      *value)
{
  g_autofree char *sql = NULL;
  g_autofree char *key = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *column = field->key_column ? field->key_column : field->column;

  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s = ?1 AND id <> ?2%s", entity->table,
                         column,
                         field->flags & LLW_FIELD_UNIQUE_CAMPAIGN ? " AND campaign_id = ?3" : "");
  stmt = llw_database_prepare (self, sql, NULL);
  if (stmt == NULL)
    return FALSE;

  key = field->key_column ? llw_text_name_key (value) : g_strdup (value);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, campaign_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Returns: whether @value names a record the field may refer to: one of the same campaign
 * where records belong to campaigns, so that no change in one campaign reaches another. */
static gboolean
is_reference_of (LlwDatabase    *self,
                 const LlwField *field,
                 gint64          campaign_id,
                 const char     *value)
{
  const LlwEntity *target = llw_entity_lookup (field->reference);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (target == NULL)
    return TRUE;
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1%s", target->table,
                         target->per_campaign ? " AND campaign_id = ?2" : "");
  stmt = llw_database_prepare (self, sql, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (value, NULL, 10));
  if (target->per_campaign)
    sqlite3_bind_int64 (stmt, 2, campaign_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* The campaign's Week and unit deadline, for the date rules of its records. */
typedef struct
{
  char *start;
  char *end;
} Week;

static void
load_week (LlwDatabase *self,
           gint64       campaign_id,
           GHashTable  *values,
           Week        *week)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  week->start = g_strdup (lookup (values, "start_date"));
  week->end = g_strdup (lookup (values, "end_date"));
  if (campaign_id <= 0)
    return;

  stmt = llw_database_prepare (self, "SELECT start_date, end_date FROM campaign WHERE id = ?",
                               NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_free (week->start);
      g_free (week->end);
      week->start = llw_stmt_dup_text (stmt, 0);
      week->end = llw_stmt_dup_text (stmt, 1);
    }
}

static void
check_date_rules (const LlwField *field,
                  const char     *value,
                  const Week     *week,
                  GHashTable     *errors)
{
  g_autofree char *start = llw_date_format (week->start);
  g_autofree char *end = llw_date_format (week->end);

  if (*value == '\0' || *week->start == '\0' || *week->end == '\0')
    return;

  if (field->flags & LLW_FIELD_NOT_FUTURE)
    {
      GDate today;
      g_autofree char *iso = NULL;

      llw_date_today (&today);
      iso = llw_date_to_iso (&today);
      if (*value != '\0' && g_strcmp0 (value, iso) > 0)
        {
          g_hash_table_insert (errors, g_strdup (field->column),
                               g_strdup (_("This date has not come yet.")));
          return;
        }
    }

  if ((field->flags & LLW_FIELD_SINCE_WEEK) && g_strcmp0 (value, week->start) < 0)
    g_hash_table_insert (errors, g_strdup (field->column),
                         g_strdup_printf (_("The date cannot be before the Week starts on %s."),
                                          start));
  else if ((field->flags & LLW_FIELD_IN_WEEK) &&
      (g_strcmp0 (value, week->start) < 0 || g_strcmp0 (value, week->end) > 0))
    g_hash_table_insert (errors, g_strdup (field->column),
                         g_strdup_printf (_("The date must fall within the Week, %s – %s."),
                                          start, end));
  else if ((field->flags & LLW_FIELD_AFTER_WEEK) && g_strcmp0 (value, week->end) <= 0)
    g_hash_table_insert (errors, g_strdup (field->column),
                         g_strdup_printf (_("The deadline must come after the Week ends "
                                            "on %s."), end));
}

/**
 * llw_database_check:
 * @entity: what kind of record
 * @campaign_id: the campaign the record belongs to, or 0
 * @id: the record being edited, or 0 for a new one
 * @input: column → text as the user typed it; a column left out keeps @current's value
 * @current: (nullable): the record's stored values, for an edit
 * @stored: (out) (optional): the values to store, every field of @entity
 *
 * Returns: (transfer full): column → message in the user's language for every field that
 *   breaks a rule; empty when the record can be saved
 */
GHashTable *
llw_database_check (LlwDatabase     *self,
                    const LlwEntity *entity,
                    gint64           campaign_id,
                    gint64           id,
                    GHashTable      *input,
                    GHashTable      *current,
                    GHashTable     **stored)
{
  g_autoptr(GHashTable) values = values_new ();
  GHashTable *errors = values_new ();
  Week week;

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const LlwField *field = &entity->fields[i];
      g_autoptr(GError) error = NULL;
      char *value;

      if (g_hash_table_contains (input, field->column))
        value = llw_field_parse (field, lookup (input, field->column), &error);
      else if (current != NULL)
        value = g_strdup (lookup (current, field->column));
      else
        value = g_strdup (field->default_value ? field->default_value : "");

      if (value == NULL)
        g_hash_table_insert (errors, g_strdup (field->column), g_strdup (error->message));
      else if (*value == '\0' && (field->flags & LLW_FIELD_REQUIRED))
        g_hash_table_insert (errors, g_strdup (field->column),
                             g_strdup (_("This field is required.")));
      else if (*value != '\0' && field->kind == LLW_FIELD_REFERENCE &&
               !is_reference_of (self, field, campaign_id, value))
        g_hash_table_insert (errors, g_strdup (field->column),
                             g_strdup (_("Choose one of the listed values.")));
      else if (*value != '\0' &&
               (field->flags & (LLW_FIELD_UNIQUE | LLW_FIELD_UNIQUE_CAMPAIGN)) &&
               is_taken (self, entity, field, campaign_id, id, value))
        g_hash_table_insert (errors, g_strdup (field->column),
                             g_strdup (_("Another record already has this value.")));
      g_hash_table_insert (values, g_strdup (field->column), value ? value : g_strdup (""));
    }

  load_week (self, campaign_id, values, &week);
  for (guint i = 0; i < entity->n_fields; i++)
    if (!g_hash_table_contains (errors, entity->fields[i].column))
      check_date_rules (&entity->fields[i], lookup (values, entity->fields[i].column), &week,
                        errors);
  g_free (week.start);
  g_free (week.end);

  if (entity->check != NULL)
    entity->check (entity, values, errors);

  if (stored != NULL)
    *stored = g_steal_pointer (&values);
  return errors;
}

static gboolean
refuse_invalid (GHashTable  *errors,
                GHashTable **out_errors,
                GError     **error)
{
  if (g_hash_table_size (errors) == 0)
    return FALSE;

  g_set_error_literal (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID,
                       _("Some values need correcting before the record can be saved."));
  if (out_errors != NULL)
    *out_errors = g_hash_table_ref (errors);
  return TRUE;
}

static gint64
next_position (LlwDatabase     *self,
               const LlwEntity *entity,
               gint64           campaign_id)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  sql = g_strdup_printf ("SELECT coalesce (max (position), 0) + 1 FROM %s%s", entity->table,
                         entity->per_campaign ? " WHERE campaign_id = ?" : "");
  stmt = llw_database_prepare (self, sql, NULL);
  if (stmt == NULL)
    return 1;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 1;
}

static gint64
insert_row (LlwDatabase     *self,
            const LlwEntity *entity,
            gint64           campaign_id,
            GHashTable      *values,
            GError         **error)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int n = 0;

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const LlwField *field = &entity->fields[i];

      g_string_append_printf (columns, "%s%s", n ? ", " : "", field->column);
      g_string_append (marks, n++ ? ", ?" : "?");
      if (field->key_column != NULL)
        {
          g_string_append_printf (columns, ", %s", field->key_column);
          g_string_append (marks, ", ?");
          n++;
        }
    }
  if (entity->per_campaign)
    g_string_append (columns, ", campaign_id"), g_string_append (marks, ", ?");
  if (entity->ordered)
    g_string_append (columns, ", position"), g_string_append (marks, ", ?");

  sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", entity->table, columns->str,
                         marks->str);
  stmt = llw_database_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;

  n = 0;
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const LlwField *field = &entity->fields[i];

      bind_value (stmt, ++n, field, lookup (values, field->column));
      if (field->key_column != NULL)
        {
          g_autofree char *key = llw_text_name_key (lookup (values, field->column));

          sqlite3_bind_text (stmt, ++n, key, -1, SQLITE_TRANSIENT);
        }
    }
  if (entity->per_campaign)
    sqlite3_bind_int64 (stmt, ++n, campaign_id);
  if (entity->ordered)
    sqlite3_bind_int64 (stmt, ++n, next_position (self, entity, campaign_id));

  if (!llw_database_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/**
 * llw_database_insert:
 * @entity: what kind of record
 * @campaign_id: the campaign it belongs to (ignored for units)
 * @input: column → text as typed
 * @errors: (out) (optional): column → message when the values break a rule
 *
 * Checks and adds a record, with its history, in one transaction.
 *
 * Returns: the new record's id, or 0 with @error set (LLW_DATABASE_ERROR_INVALID and
 *   @errors when a value breaks a rule)
 */
gint64
llw_database_insert (LlwDatabase      *self,
                     const LlwEntity  *entity,
                     gint64            campaign_id,
                     GHashTable       *input,
                     GHashTable      **errors,
                     GError          **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) problems = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (LLW_IS_DATABASE (self), 0);
  g_return_val_if_fail (entity != NULL && input != NULL, 0);

  if (!llw_database_begin (self, error))
    return 0;

  ok = !entity->per_campaign || llw_database_check_open (self, campaign_id, error);
  if (ok)
    {
      problems = llw_database_check (self, entity, campaign_id, 0, input, NULL, &values);
      ok = !refuse_invalid (problems, errors, error);
    }
  if (ok)
    ok = (id = insert_row (self, entity, campaign_id, values, error)) > 0;

  for (guint i = 0; ok && i < entity->n_fields; i++)
    {
      const char *column = entity->fields[i].column;

      if (*lookup (values, column) != '\0')
        ok = llw_database_log (self, campaign_id, entity->table, id, "insert", column, NULL,
                               lookup (values, column), error);
    }

  if (!llw_database_end (self, ok, ok ? error : NULL))
    return 0;

  llw_database_emit_changed (self, entity->table, id);
  return id;
}

static gboolean
update_field (LlwDatabase     *self,
              const LlwEntity *entity,
              gint64           id,
              const LlwField  *field,
              const char      *value,
              GError         **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = NULL;

  if (field->key_column != NULL)
    sql = g_strdup_printf ("UPDATE %s SET %s = ?1, %s = ?3 WHERE id = ?2", entity->table,
                           field->column, field->key_column);
  else
    sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", entity->table, field->column);

  stmt = llw_database_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  bind_value (stmt, 1, field, value);
  sqlite3_bind_int64 (stmt, 2, id);
  if (field->key_column != NULL)
    {
      key = llw_text_name_key (value);
      sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
    }
  return llw_database_step_done (self, stmt, error);
}

/**
 * llw_database_update:
 * @entity: what kind of record
 * @campaign_id: the campaign it belongs to, for its rules (0 for a unit or a campaign)
 * @id: the record
 * @input: column → text as typed; columns left out keep their value
 * @errors: (out) (optional): column → message when the values break a rule
 *
 * Checks and writes the fields that changed, each with a line of history, in one
 * transaction. Nothing changed is not an error.
 *
 * Returns: %TRUE on success
 */
gboolean
llw_database_update (LlwDatabase      *self,
                     const LlwEntity  *entity,
                     gint64            campaign_id,
                     gint64            id,
                     GHashTable       *input,
                     GHashTable      **errors,
                     GError          **error)
{
  g_autoptr(GHashTable) current = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) problems = NULL;
  gint64 history_campaign = entity == &llw_entity_campaign ? id : campaign_id;
  gboolean changed = FALSE;
  gboolean ok;

  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (entity != NULL && input != NULL, FALSE);

  if (!llw_database_begin (self, error))
    return FALSE;

  ok = !(entity->per_campaign || entity == &llw_entity_campaign) ||
       llw_database_check_open (self, history_campaign, error);
  current = ok ? llw_database_load_values (self, entity, id, error) : NULL;
  ok = current != NULL;
  if (ok)
    {
      gint64 rules_campaign = entity == &llw_entity_campaign ? 0 : campaign_id;

      problems = llw_database_check (self, entity, rules_campaign, id, input, current, &values);
      ok = !refuse_invalid (problems, errors, error);
    }

  for (guint i = 0; ok && i < entity->n_fields; i++)
    {
      const LlwField *field = &entity->fields[i];
      const char *old_value = lookup (current, field->column);
      const char *new_value = lookup (values, field->column);

      if (g_str_equal (old_value, new_value))
        continue;
      changed = TRUE;
      ok = update_field (self, entity, id, field, new_value, error) &&
           llw_database_log (self, history_campaign, entity->table, id, "update", field->column,
                             old_value, new_value, error);
    }

  if (!llw_database_end (self, ok, ok ? error : NULL))
    return FALSE;

  if (changed)
    llw_database_emit_changed (self, entity->table, id);
  return TRUE;
}
