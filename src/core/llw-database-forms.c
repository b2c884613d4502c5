/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-database-forms.h"
#include "llw-database-private.h"

/* The fill-in forms as the database knows them: the token of every form made, what a form
 * made again is filled with, and the returned files kept with their reports. */

void
llw_returned_form_free (LlwReturnedForm *form)
{
  if (form == NULL)
    return;
  g_free (form->file_name);
  g_free (form->sha256);
  g_free (form->imported_at);
  g_free (form);
}

/**
 * llw_database_issue_forms:
 * @campaign: the campaign the forms are for
 * @unit_ids: (element-type gint64): the units, each assigned in @campaign
 *
 * Records one new form for each unit, all in one transaction, each with a random token
 * that the form carries and that identifies it when it comes back. A closed campaign gets
 * no form: nothing returned for it could be imported.
 *
 * Returns: (transfer full) (element-type utf8): the tokens, in the order of @unit_ids; %NULL
 *   with @error set when nothing could be recorded
 */
GPtrArray *
llw_database_issue_forms (LlwDatabase  *self,
                          LlwCampaign  *campaign,
                          GArray       *unit_ids,
                          GError      **error)
{
  static const char sql[] = "INSERT INTO issued_form (campaign_id, unit_id, token, made_at, "
                            "unit_name) SELECT ?1, ?2, ?3, ?4, name FROM unit WHERE id = ?2";
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *made_at = g_date_time_format_iso8601 (now);
  gboolean ok;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign) && unit_ids != NULL, NULL);

  if (!llw_database_check_open (self, llw_campaign_get_id (campaign), error) ||
      !llw_database_begin (self, error))
    return NULL;

  ok = TRUE;
  for (guint i = 0; ok && i < unit_ids->len; i++)
    {
      sqlite3_stmt *stmt = llw_database_cached (self, sql, error);
      char *token = g_uuid_string_random ();

      g_ptr_array_add (tokens, token);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, llw_campaign_get_id (campaign));
          sqlite3_bind_int64 (stmt, 2, g_array_index (unit_ids, gint64, i));
          sqlite3_bind_text (stmt, 3, token, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, made_at, -1, SQLITE_STATIC);
          ok = llw_database_step_done (self, stmt, error);
          sqlite3_reset (stmt);
        }
    }

  if (!llw_database_end (self, ok, ok ? error : NULL))
    return NULL;
  return g_steal_pointer (&tokens);
}

/**
 * llw_database_find_issued_form:
 * @token: the token a returned form carries
 * @campaign_id: (out): the campaign the form was made for
 * @year: (out): that campaign's year
 * @unit_id: (out): the unit it was made for
 * @unit_name: (out) (transfer full): the unit's name as the form showed it
 *
 * Returns: whether this database made a form with @token
 */
gboolean
llw_database_find_issued_form (LlwDatabase  *self,
                               const char   *token,
                               gint64       *campaign_id,
                               int          *year,
                               gint64       *unit_id,
                               char        **unit_name)
{
  static const char sql[] = "SELECT f.campaign_id, c.year, f.unit_id, f.unit_name "
                            "FROM issued_form f JOIN campaign c ON c.id = f.campaign_id "
                            "WHERE f.token = ?";
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (LLW_IS_DATABASE (self), FALSE);

  stmt = llw_database_cached (self, sql, NULL);
  if (stmt == NULL || token == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      *campaign_id = sqlite3_column_int64 (stmt, 0);
      *year = sqlite3_column_int (stmt, 1);
      *unit_id = sqlite3_column_int64 (stmt, 2);
      *unit_name = llw_stmt_dup_text (stmt, 3);
    }
  sqlite3_reset (stmt);
  return found;
}

static gboolean
load_report_fields (LlwDatabase     *self,
                    gint64           report_id,
                    LlwReportInput  *input,
                    gint64          *campaign_id,
                    gint64          *unit_id,
                    GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  static const char *const keys[] = {
    LLW_INPUT_DOCUMENT_NUMBER, LLW_INPUT_DOCUMENT_DATE, LLW_INPUT_THEME, LLW_INPUT_RESULTS,
    LLW_INPUT_DIFFICULTIES, LLW_INPUT_PROPOSALS,
  };

  stmt = llw_database_prepare (self,
                               "SELECT r.document_number, coalesce (r.document_date, ''), "
                               "       coalesce (t.title, ''), r.results, r.difficulties, "
                               "       r.proposals, r.campaign_id, r.unit_id "
                               "FROM report r LEFT JOIN theme t ON t.id = r.theme_id "
                               "WHERE r.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND,
                   _("The report was not found; it may have been deleted."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_hash_table_insert (input->fields, g_strdup (keys[i]), llw_stmt_dup_text (stmt, (int) i));
  *campaign_id = sqlite3_column_int64 (stmt, 6);
  *unit_id = sqlite3_column_int64 (stmt, 7);
  return TRUE;
}

static gboolean
load_activities (LlwDatabase     *self,
                 gint64           campaign_id,
                 gint64           unit_id,
                 LlwReportInput  *input,
                 GError         **error)
{
  static const char *const columns[] = {
    "title", "kind", "theme", "start_date", "end_date", "form", "platform", "place",
    "participants", "note",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = llw_database_prepare (self,
                               "SELECT a.title, coalesce (k.title, ''), coalesce (t.title, ''), "
                               "       coalesce (a.start_date, ''), coalesce (a.end_date, ''), "
                               "       a.form, a.platform, a.place, "
                               "       coalesce (a.participants, ''), a.note "
                               "FROM activity a "
                               "LEFT JOIN activity_kind k ON k.id = a.kind_id "
                               "LEFT JOIN theme t ON t.id = a.theme_id "
                               "WHERE a.campaign_id = ? AND a.unit_id = ? "
                               "ORDER BY a.start_date, a.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GHashTable *activity = llw_report_input_add_activity (input);

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        g_hash_table_insert (activity, g_strdup (columns[i]), llw_stmt_dup_text (stmt, (int) i));
    }
  return TRUE;
}

/**
 * llw_database_load_report_input:
 * @report_id: a received report
 *
 * What llweek holds of a report, as a returned form would bring it: its fields (dates ISO,
 * the theme by its title), its figures as the user reads them, and the unit's activities
 * of the campaign (the form of each as stored, such as "online").
 *
 * Returns: (transfer full): the report's values, or %NULL with @error set
 */
LlwReportInput *
llw_database_load_report_input (LlwDatabase  *self,
                                gint64        report_id,
                                GError      **error)
{
  g_autoptr(LlwReportInput) input = llw_report_input_new (NULL);
  g_autoptr(GHashTable) figures = NULL;
  gint64 campaign_id, unit_id;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);

  if (!load_report_fields (self, report_id, input, &campaign_id, &unit_id, error) ||
      !load_activities (self, campaign_id, unit_id, input, error))
    return NULL;

  figures = llw_database_load_figures (self, report_id, error);
  if (figures == NULL)
    return NULL;
  g_hash_table_unref (input->figures);
  input->figures = g_steal_pointer (&figures);
  return g_steal_pointer (&input);
}

/**
 * llw_database_list_returned_forms:
 * @report_id: a report
 *
 * Returns: (transfer full) (element-type LlwReturnedForm): the forms imported into the
 *   report, the latest first; %NULL with @error set on failure
 */
GPtrArray *
llw_database_list_returned_forms (LlwDatabase  *self,
                                  gint64        report_id,
                                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *forms;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);

  stmt = llw_database_prepare (self, "SELECT id, file_name, sha256, size, imported_at "
                                     "FROM returned_form WHERE report_id = ? ORDER BY id DESC",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);

  forms = g_ptr_array_new_with_free_func ((GDestroyNotify) llw_returned_form_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LlwReturnedForm *form = g_new0 (LlwReturnedForm, 1);

      form->id = sqlite3_column_int64 (stmt, 0);
      form->file_name = llw_stmt_dup_text (stmt, 1);
      form->sha256 = llw_stmt_dup_text (stmt, 2);
      form->size = sqlite3_column_int64 (stmt, 3);
      form->imported_at = llw_stmt_dup_text (stmt, 4);
      g_ptr_array_add (forms, form);
    }
  return forms;
}

/* Returns: (transfer full): the bytes of a returned form, or %NULL with @error set */
GBytes *
llw_database_load_returned_form (LlwDatabase  *self,
                                 gint64        returned_form_id,
                                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);

  stmt = llw_database_prepare (self, "SELECT content FROM returned_form WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, returned_form_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND,
                   _("The returned form was not found; it may have been deleted."));
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
}

/* Returns: the id of a form with this SHA-256 imported earlier in the campaign, or 0 */
gint64
llw_database_find_returned_form (LlwDatabase *self,
                                 gint64       campaign_id,
                                 const char  *sha256)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LLW_IS_DATABASE (self), 0);

  stmt = llw_database_prepare (self, "SELECT f.id FROM returned_form f "
                                     "JOIN report r ON r.id = f.report_id "
                                     "WHERE f.sha256 = ? AND r.campaign_id = ? "
                                     "ORDER BY f.id DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, campaign_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}
