/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "llw-database-private.h"

/* A database file from elsewhere is data, never code. A trigger or a view that llweek did
 * not make would run inside llweek's own statements, so before anything is written to a
 * file its schema is compared, object by object and statement by statement, with the one
 * llweek itself makes at the file's version: llweek's own migrations are applied to an
 * empty database in memory, so a migration added later is covered without a word here. */

/* Tables SQLite makes of its own accord for the query planner: data, not code. */
static gboolean
is_planner_statistics (const char *type,
                       const char *name)
{
  return g_str_equal (type, "table") && g_str_has_prefix (name, "sqlite_stat");
}

/* Returns: (transfer full): "type name" → its SQL ("" for SQLite's own indexes), or %NULL
 *   with @error set. */
static GHashTable *
read_schema (sqlite3  *db,
             GError  **error)
{
  g_autoptr(GHashTable) schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema", -1, &stmt, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_QUERY, "%s",
                   sqlite3_errmsg (db));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);

      if (type != NULL && name != NULL && !is_planner_statistics (type, name))
        g_hash_table_insert (schema, g_strconcat (type, " ", name, NULL),
                             g_strdup (sql != NULL ? sql : ""));
    }
  if (rc != SQLITE_DONE)
    g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_QUERY, "%s",
                 sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&schema) : NULL;
}

/* Returns: (transfer full): the schema llweek makes at @version, from its own migrations. */
static GHashTable *
expected_schema (int      version,
                 GError **error)
{
  sqlite3 *memory = NULL;
  GHashTable *schema = NULL;

  if (sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      g_set_error_literal (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_QUERY,
                           g_strerror (ENOMEM));
      sqlite3_close (memory);
      return NULL;
    }

  for (int i = 0; i < version; i++)
    {
      g_autoptr(GBytes) sql = llw_database_get_migration ((guint) i, error);

      if (sql == NULL)
        break;
      if (sqlite3_exec (memory, g_bytes_get_data (sql, NULL), NULL, NULL, NULL) != SQLITE_OK)
        {
          g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_QUERY, "%s",
                       sqlite3_errmsg (memory));
          break;
        }
      if (i + 1 == version)
        schema = read_schema (memory, error);
    }
  if (version == 0)
    schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  sqlite3_close (memory);
  return schema;
}

/* "trigger “audit”", in the user's language. */
static char *
describe_object (const char *key)
{
  const char *space = strchr (key, ' ');
  g_autofree char *type = g_strndup (key, space - key);
  const char *name = space + 1;

  if (g_str_equal (type, "table"))
    return g_strdup_printf (_("table “%s”"), name);
  if (g_str_equal (type, "index"))
    return g_strdup_printf (_("index “%s”"), name);
  if (g_str_equal (type, "view"))
    return g_strdup_printf (_("view “%s”"), name);
  if (g_str_equal (type, "trigger"))
    return g_strdup_printf (_("trigger “%s”"), name);
  return g_strdup_printf ("%s “%s”", type, name);
}

/* Returns: (transfer full): the objects of @schema that @other lacks or holds otherwise,
 *   sorted and described, joined by ", "; %NULL when there are none. */
static char *
list_differences (GHashTable *schema,
                  GHashTable *other)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (schema), (GCompareFunc) g_strcmp0);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *sql = g_hash_table_lookup (other, l->data);

      if (sql == NULL || !g_str_equal (sql, g_hash_table_lookup (schema, l->data)))
        g_ptr_array_add (names, describe_object (l->data));
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/**
 * llw_database_check_schema:
 * @db: a connection to the file, which this only reads
 * @path: the file, for the message
 * @version: the file's schema version
 *
 * Returns: %TRUE if the file holds exactly what llweek makes at @version; otherwise %FALSE
 *   with LLW_DATABASE_ERROR_FOREIGN naming what differs
 */
gboolean
llw_database_check_schema (sqlite3     *db,
                           const char  *path,
                           int          version,
                           GError     **error)
{
  g_autoptr(GHashTable) found = read_schema (db, error);
  g_autoptr(GHashTable) expected = found != NULL ? expected_schema (version, error) : NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *name = NULL;

  if (expected == NULL)
    return FALSE;

  foreign = list_differences (found, expected);
  missing = list_differences (expected, found);
  if (foreign == NULL && missing == NULL)
    return TRUE;

  name = g_filename_display_name (path);
  if (foreign != NULL)
    g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_FOREIGN,
                 _("“%s” holds things llweek did not make: %s. A file like this could make "
                   "llweek run another program’s code, so it was not opened. It was left "
                   "unchanged."), name, foreign);
  else
    g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_FOREIGN,
                 _("“%s” lacks part of an llweek database: %s. It was not opened and was "
                   "left unchanged."), name, missing);
  return FALSE;
}
