/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-entity.h"
#include "llw-form-import-private.h"

/* Writing a checked batch of returned forms: one transaction, each unit's report through the
 * same function as the report dialog, so that the same rules and the same history apply. */

/* The themes units proposed, created once each whoever proposed them. */
static gboolean
create_themes (LlwFormImport  *self,
               GError        **error)
{
  GHashTableIter iter;
  gpointer key, title;

  g_clear_pointer (&self->new_theme_ids, g_hash_table_unref);
  self->new_theme_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, self->new_themes);
  while (g_hash_table_iter_next (&iter, &key, &title))
    {
      g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
      gint64 id;

      g_hash_table_insert (values, "title", title);
      g_hash_table_insert (values, "suggested", "0");
      id = llw_database_insert (self->db, &llw_entity_theme,
                                llw_campaign_get_id (self->campaign), values, NULL, error);
      if (id <= 0)
        return FALSE;
      g_hash_table_insert (self->new_theme_ids, g_strdup (key),
                           g_strdup_printf ("%" G_GINT64_FORMAT, id));
    }
  return TRUE;
}

/* Puts the id of a theme created by the import where the check left its title. */
static void
resolve_new_theme (LlwFormImport *self,
                   GHashTable    *values)
{
  const char *theme = g_hash_table_lookup (values, "theme_id");

  if (theme != NULL && g_str_has_prefix (theme, "new:"))
    g_hash_table_insert (values, g_strdup ("theme_id"),
                         g_strdup (g_hash_table_lookup (self->new_theme_ids, theme + 4)));
}

static gint64
last_history_line (LlwFormImport *self)
{
  static const char sql[] = "SELECT coalesce (max (id), 0) FROM history";
  sqlite3_stmt *stmt = llw_database_cached (self->db, sql, NULL);
  gint64 id = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return id;
}

/* Keeps the file with its report, and notes it in the history lines written for it. */
static gboolean
keep_file (LlwFormImport  *self,
           LlwFormEntry   *entry,
           gint64          report_id,
           gint64          since,
           GError        **error)
{
  static const char insert_sql[] =
    "INSERT INTO returned_form (report_id, file_name, sha256, size, content, imported_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
  static const char history_sql[] =
    "UPDATE history SET returned_form_id = ? WHERE id > ?";
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *imported_at = g_date_time_format_iso8601 (now);
  GBytes *content = entry->input->content;
  sqlite3_stmt *stmt = llw_database_cached (self->db, insert_sql, error);
  gint64 form_id;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_text (stmt, 2, entry->file_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, entry->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, (gint64) g_bytes_get_size (content));
  sqlite3_bind_blob64 (stmt, 5, g_bytes_get_data (content, NULL), g_bytes_get_size (content),
                       SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, imported_at, -1, SQLITE_STATIC);
  if (!llw_database_step_done (self->db, stmt, error))
    return FALSE;
  form_id = sqlite3_last_insert_rowid (self->db->db);

  stmt = llw_database_cached (self->db, history_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, form_id);
  sqlite3_bind_int64 (stmt, 2, since);
  return llw_database_step_done (self->db, stmt, error);
}

static gboolean
write_entry (LlwFormImport  *self,
             LlwFormEntry   *entry,
             GError        **error)
{
  gint64 since = last_history_line (self);
  gint64 report_id;

  resolve_new_theme (self, entry->fields);
  report_id = llw_database_save_report (self->db, self->campaign, entry->unit_id, entry->fields,
                                        entry->figures, NULL, error);
  if (report_id == 0)
    return FALSE;

  for (guint i = 0; i < entry->activities->len; i++)
    {
      GHashTable *values = entry->activities->pdata[i];

      resolve_new_theme (self, values);
      if (llw_database_insert (self->db, &llw_entity_activity,
                               llw_campaign_get_id (self->campaign), values, NULL, error) <= 0)
        return FALSE;
    }
  return keep_file (self, entry, report_id, since, error);
}

/* Writes every planned report in one transaction; see llw_form_import_apply (). */
gboolean
llw_form_import_write (LlwFormImport  *self,
                       GError        **error)
{
  gboolean ok;

  if (!llw_database_begin (self->db, error))
    return FALSE;

  ok = create_themes (self, error);
  for (guint i = 0; ok && i < self->entries->len; i++)
    {
      LlwFormEntry *entry = self->entries->pdata[i];

      if (entry->plan != NULL)
        ok = write_entry (self, entry, error);
    }

  if (!llw_database_end (self->db, ok, ok ? error : NULL))
    return FALSE;
  llw_database_emit_changed (self->db, "report", 0);
  llw_database_emit_changed (self->db, "activity", 0);
  return TRUE;
}
