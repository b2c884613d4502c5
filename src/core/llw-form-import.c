/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-database-forms.h"
#include "llw-date.h"
#include "llw-entity.h"
#include "llw-figures.h"
#include "llw-form-import-private.h"
#include "llw-text.h"

/* Returned forms imported as a batch, all or nothing like the CSV import: every file is
 * read (by the forms library, which hands over plain values) and checked here first, its
 * identity against the forms this database made and its values against the rules of the
 * report and activity records. Only a batch without a single problem can be applied; the
 * plan then says, per unit, each value that changes from what to what. */

#define MAX_PROBLEMS 500
#define MAX_SHOWN_CHARS 80

G_DEFINE_FINAL_TYPE (LlwFormImport, llw_form_import, G_TYPE_OBJECT)

static void
entry_clear_check (LlwFormEntry *entry)
{
  entry->unit_id = 0;
  entry->report_id = 0;
  g_clear_pointer (&entry->fields, g_hash_table_unref);
  g_clear_pointer (&entry->figures, g_hash_table_unref);
  g_clear_pointer (&entry->activities, g_ptr_array_unref);
  g_clear_object (&entry->plan);
}

static void
entry_free (gpointer data)
{
  LlwFormEntry *entry = data;

  entry_clear_check (entry);
  llw_report_input_free (entry->input);
  g_free (entry->unreadable);
  g_free (entry->file_name);
  g_free (entry->sha256);
  g_free (entry->received);
  g_free (entry);
}

static void
llw_form_import_finalize (GObject *object)
{
  LlwFormImport *self = LLW_FORM_IMPORT (object);

  g_clear_object (&self->db);
  g_clear_object (&self->campaign);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->indicators, g_hash_table_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->themes, g_hash_table_unref);
  g_clear_pointer (&self->theme_titles, g_hash_table_unref);
  g_clear_pointer (&self->kinds, g_hash_table_unref);
  g_clear_pointer (&self->new_themes, g_hash_table_unref);
  g_clear_pointer (&self->new_theme_ids, g_hash_table_unref);

  G_OBJECT_CLASS (llw_form_import_parent_class)->finalize (object);
}

static void
llw_form_import_class_init (LlwFormImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = llw_form_import_finalize;
}

static void
llw_form_import_init (LlwFormImport *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->plan = g_list_store_new (LLW_TYPE_PLANNED_REPORT);
}

/**
 * llw_form_import_new:
 * @campaign: the campaign the forms are imported into
 *
 * Returns: (transfer full): an empty batch, to add the returned forms to
 */
LlwFormImport *
llw_form_import_new (LlwDatabase *db,
                     LlwCampaign *campaign)
{
  LlwFormImport *self;

  g_return_val_if_fail (LLW_IS_DATABASE (db) && LLW_IS_CAMPAIGN (campaign), NULL);

  self = g_object_new (LLW_TYPE_FORM_IMPORT, NULL);
  self->db = g_object_ref (db);
  self->campaign = g_object_ref (campaign);
  return self;
}

static LlwFormEntry *
add_entry (LlwFormImport *self,
           const char    *file_name)
{
  LlwFormEntry *entry = g_new0 (LlwFormEntry, 1);
  GDate today;

  llw_date_today (&today);
  entry->file_name = g_strdup (file_name);
  entry->received = llw_date_to_iso (&today);
  g_ptr_array_add (self->entries, entry);
  self->checked = FALSE;
  return entry;
}

/**
 * llw_form_import_add:
 * @input: (transfer full): a returned form as read, with its file's bytes
 *
 * Adds a returned form to the batch; llw_form_import_check () then checks them all.
 */
void
llw_form_import_add (LlwFormImport  *self,
                     LlwReportInput *input)
{
  LlwFormEntry *entry;

  g_return_if_fail (LLW_IS_FORM_IMPORT (self) && input != NULL && input->content != NULL);

  entry = add_entry (self, input->file_name);
  entry->input = input;
  entry->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, input->content);
}

/* Adds a file that could not be read as a form at all: the batch cannot be applied. */
void
llw_form_import_add_unreadable (LlwFormImport *self,
                                const char    *file_name,
                                const char    *message)
{
  LlwFormEntry *entry;

  g_return_if_fail (LLW_IS_FORM_IMPORT (self));

  entry = add_entry (self, file_name);
  entry->unreadable = g_strdup (message);
}

guint
llw_form_import_get_n_files (LlwFormImport *self)
{
  g_return_val_if_fail (LLW_IS_FORM_IMPORT (self), 0);

  return self->entries->len;
}

/* Adds a problem with the value of @key of @entry's form (%NULL: the file as a whole), as
 * "file › sheet › cell: message". */
void
llw_form_import_add_problem (LlwFormImport *self,
                             LlwFormEntry  *entry,
                             const char    *key,
                             const char    *message)
{
  self->n_problems++;
  if (self->problems->len >= MAX_PROBLEMS)
    return;
  g_ptr_array_add (self->problems,
                   entry->input != NULL
                   ? llw_report_input_format_problem (entry->input, key, message)
                   : g_strdup_printf ("%s: %s", entry->file_name, message));
}

/* ---- What the campaign offers ---- */

/* Fills @table with title key → id, and the number (position) of each when @numbered, and
 * @titles (nullable) with the id as text → title. */
static gboolean
load_keys (LlwFormImport  *self,
           GHashTable     *table,
           GHashTable     *titles,
           const char     *sql,
           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, llw_campaign_get_id (self->campaign));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *title = (const char *) sqlite3_column_text (stmt, 1);

      g_hash_table_insert (table, llw_text_name_key (title), g_memdup2 (&id, sizeof id));
      if (titles != NULL)
        {
          g_hash_table_insert (table, llw_stmt_dup_text (stmt, 2), g_memdup2 (&id, sizeof id));
          g_hash_table_insert (titles, g_strdup_printf ("%" G_GINT64_FORMAT, id),
                               g_strdup (title));
        }
    }
  return TRUE;
}

/* Returns: the id of the record whose title (or number) is @text in @table, or 0 */
gint64
llw_form_import_find_id (GHashTable *table,
                         const char *text)
{
  g_autofree char *key = llw_text_name_key (text);
  gint64 *id = g_hash_table_lookup (table, key);

  return id != NULL ? *id : 0;
}

static gboolean
load_codes (LlwFormImport  *self,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = llw_database_prepare (self->db, "SELECT code FROM indicator WHERE campaign_id = ? "
                                         "ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, llw_campaign_get_id (self->campaign));
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  self->codes = g_ptr_array_new_with_free_func (g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (self->codes, llw_stmt_dup_text (stmt, 0));
  return TRUE;
}

static gboolean
load_lookups (LlwFormImport  *self,
              GError        **error)
{
  g_clear_pointer (&self->indicators, g_hash_table_unref);
  g_clear_pointer (&self->themes, g_hash_table_unref);
  g_clear_pointer (&self->theme_titles, g_hash_table_unref);
  g_clear_pointer (&self->kinds, g_hash_table_unref);
  g_clear_pointer (&self->new_themes, g_hash_table_unref);
  self->themes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->theme_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->new_themes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->indicators = llw_database_load_indicators (self->db,
                                                   llw_campaign_get_id (self->campaign), error);
  return self->indicators != NULL &&
         load_codes (self, error) &&
         load_keys (self, self->themes, self->theme_titles,
                    "SELECT id, title, position FROM theme WHERE campaign_id = ?", error) &&
         load_keys (self, self->kinds, NULL,
                    "SELECT id, title FROM activity_kind WHERE campaign_id = ?", error);
}

/* ---- Identity ---- */

static gboolean
is_required (LlwFormImport *self,
             gint64         unit_id)
{
  static const char sql[] = "SELECT 1 FROM assignment WHERE campaign_id = ? AND unit_id = ? "
                            "AND report_required = 1";
  sqlite3_stmt *stmt = llw_database_cached (self->db, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, llw_campaign_get_id (self->campaign));
  sqlite3_bind_int64 (stmt, 2, unit_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Whose form it is: a form this database made, for this campaign, for a unit that must
 * report in it. */
static gboolean
check_identity (LlwFormImport *self,
                LlwFormEntry  *entry)
{
  gint64 campaign_id = 0, unit_id = 0;
  int year = 0;
  g_autofree char *issued_name = NULL;
  g_autofree char *issued_key = NULL;
  g_autofree char *form_key = NULL;

  if (!llw_database_find_issued_form (self->db, entry->input->token, &campaign_id, &year,
                                      &unit_id, &issued_name))
    {
      llw_form_import_add_problem (self, entry, NULL,
                                   _("llweek never made this form: it was made with another "
                                     "copy of the data, or its hidden identity was changed. "
                                     "Send the unit a form made here."));
      return FALSE;
    }
  /* The token says whose form it is; a name that is not the one the form was made with
   * was typed into the hidden identity. */
  issued_key = llw_text_name_key (issued_name);
  form_key = llw_text_name_key (entry->input->unit_name ? entry->input->unit_name : "");
  if (*form_key != '\0' && !g_str_equal (form_key, issued_key))
    {
      g_autofree char *message =
        g_strdup_printf (_("the form’s hidden identity was edited: it names “%s”, but llweek "
                           "made it for “%s”. Ask that unit to fill in its own form again."),
                         entry->input->unit_name, issued_name);

      llw_form_import_add_problem (self, entry, NULL, message);
      return FALSE;
    }
  if (campaign_id != llw_campaign_get_id (self->campaign))
    {
      g_autofree char *message =
        g_strdup_printf (_("this is a form of the %d campaign; import it into that campaign."),
                         year);

      llw_form_import_add_problem (self, entry, NULL, message);
      return FALSE;
    }
  if (!is_required (self, unit_id))
    {
      llw_form_import_add_problem (self, entry, NULL,
                                   _("the unit of this form no longer has to report in this "
                                     "campaign (its assignment was changed or removed)."));
      return FALSE;
    }
  entry->unit_id = unit_id;
  return TRUE;
}

/* The same file twice, or two forms of one unit, cannot both be imported: the user says
 * which one counts. */
static void
check_duplicates (LlwFormImport *self)
{
  g_autoptr(GHashTable) files = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) units = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < self->entries->len; i++)
    {
      LlwFormEntry *entry = self->entries->pdata[i];
      LlwFormEntry *other;
      g_autofree char *message = NULL;

      if (entry->input == NULL)
        continue;
      if ((other = g_hash_table_lookup (files, entry->sha256)) != NULL)
        message = g_strdup_printf (_("the same file as “%s”; import it once."), other->file_name);
      else if (entry->unit_id != 0 &&
               (other = g_hash_table_lookup (units, &entry->unit_id)) != NULL)
        message = g_strdup_printf (_("a second form of the same unit as “%s”; keep only the "
                                     "one that counts."), other->file_name);
      if (message != NULL)
        {
          llw_form_import_add_problem (self, entry, NULL, message);
          entry->unit_id = 0;
          continue;
        }
      g_hash_table_insert (files, entry->sha256, entry);
      if (entry->unit_id != 0)
        g_hash_table_insert (units, &entry->unit_id, entry);
    }
}

/* ---- The batch ---- */

/* Checks one file's identity: every problem of its own is added. */
static void
check_file (LlwFormImport *self,
            LlwFormEntry  *entry)
{
  entry_clear_check (entry);
  if (entry->input == NULL)
    {
      llw_form_import_add_problem (self, entry, NULL, entry->unreadable);
      return;
    }
  for (guint i = 0; i < entry->input->problems->len; i++)
    llw_form_import_add_problem (self, entry, entry->input->problem_keys->pdata[i],
                                 entry->input->problems->pdata[i]);
  check_identity (self, entry);
}

/**
 * llw_form_import_check:
 *
 * Checks every file of the batch, and works out what importing them would change, writing
 * nothing. llw_form_import_get_plan () then lists the changes of each unit whose form is
 * good, and llw_form_import_get_problems () every problem, by file, sheet and cell.
 *
 * Returns: %TRUE if the batch can be applied; %FALSE with @error set when it cannot
 */
gboolean
llw_form_import_check (LlwFormImport  *self,
                       GError        **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();

  g_return_val_if_fail (LLW_IS_FORM_IMPORT (self), FALSE);

  g_ptr_array_set_size (self->problems, 0);
  self->n_problems = 0;
  self->checked = FALSE;
  g_list_store_remove_all (self->plan);
  /* Refused before any file is looked at, as the CSV import is: a dry run too, which would
   * otherwise list changes that can never be made. */
  if (!llw_database_check_open (self->db, llw_campaign_get_id (self->campaign), error) ||
      !load_lookups (self, error))
    return FALSE;

  for (guint i = 0; i < self->entries->len; i++)
    check_file (self, self->entries->pdata[i]);
  check_duplicates (self);

  for (guint i = 0; i < self->entries->len; i++)
    {
      LlwFormEntry *entry = self->entries->pdata[i];

      if (entry->unit_id == 0)
        continue;
      if (llw_report_input_is_blank (entry->input))
        llw_form_import_add_problem (self, entry, NULL,
                                     _("the form came back blank: nothing was filled in."));
      else if (!llw_form_import_check_values (self, entry, error))
        return FALSE;
      else if (entry->plan != NULL)
        g_ptr_array_add (plans, entry->plan);
    }
  g_list_store_splice (self->plan, 0, 0, plans->pdata, plans->len);
  self->checked = TRUE;

  if (self->entries->len == 0)
    {
      g_set_error_literal (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID,
                           _("There is no returned form to import."));
      return FALSE;
    }
  if (self->n_problems > 0)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The forms have %u problem and were not imported; nothing "
                                "changed.",
                                "The forms have %u problems and were not imported; nothing "
                                "changed.", self->n_problems), self->n_problems);
      return FALSE;
    }
  return TRUE;
}

/* Returns: (transfer none): the plan of every unit whose form checked good
 *   (LlwPlannedReport), in the order of the files */
GListModel *
llw_form_import_get_plan (LlwFormImport *self)
{
  g_return_val_if_fail (LLW_IS_FORM_IMPORT (self), NULL);

  return G_LIST_MODEL (self->plan);
}

/* Returns: (transfer none) (element-type utf8): the problems found, at most 500;
 *   llw_form_import_describe () says how many there were in all */
GPtrArray *
llw_form_import_get_problems (LlwFormImport *self)
{
  g_return_val_if_fail (LLW_IS_FORM_IMPORT (self), NULL);

  return self->problems;
}

/**
 * llw_form_import_set_received_date:
 * @report: a report of the plan
 * @text: the day the unit's form arrived, as typed (dd/mm/yyyy)
 *
 * Changes the received date of one report (by default, the day of the import); check the
 * batch again with llw_form_import_check (), which makes the plan anew.
 *
 * Returns: %FALSE with @error set when @text is not a date or @report not of this batch
 */
gboolean
llw_form_import_set_received_date (LlwFormImport     *self,
                                   LlwPlannedReport  *report,
                                   const char        *text,
                                   GError           **error)
{
  GDate date;

  g_return_val_if_fail (LLW_IS_FORM_IMPORT (self), FALSE);
  g_return_val_if_fail (LLW_IS_PLANNED_REPORT (report), FALSE);

  if (text == NULL || !llw_date_parse (text, &date))
    {
      g_set_error_literal (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID,
                           _("Enter the date as dd/mm/yyyy, such as 21/10/2021."));
      return FALSE;
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      LlwFormEntry *entry = self->entries->pdata[i];

      if (entry->plan == report)
        {
          g_free (entry->received);
          entry->received = llw_date_to_iso (&date);
          self->checked = FALSE;
          return TRUE;
        }
    }
  g_set_error_literal (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND,
                       _("The report is no longer part of the import."));
  return FALSE;
}

/**
 * llw_form_import_apply:
 *
 * Writes the checked batch in one transaction: each unit's report created or replaced,
 * its figures, its activities and the themes units proposed, each returned file kept with
 * its report, and every change in the history with the file it came from.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
llw_form_import_apply (LlwFormImport  *self,
                       GError        **error)
{
  g_return_val_if_fail (LLW_IS_FORM_IMPORT (self), FALSE);
  g_return_val_if_fail (self->checked && self->n_problems == 0 && !self->applied, FALSE);

  if (!llw_form_import_write (self, error))
    return FALSE;
  self->applied = TRUE;
  return TRUE;
}

gboolean
llw_form_import_is_applied (LlwFormImport *self)
{
  g_return_val_if_fail (LLW_IS_FORM_IMPORT (self), FALSE);

  return self->applied;
}

/* Returns: (transfer full): what the import changed, or would change, in plain words */
char *
llw_form_import_describe (LlwFormImport *self,
                          gboolean       applied)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plan));
  guint created = 0, figures = 0, activities = 0;
  g_autofree char *counts = NULL;

  g_return_val_if_fail (LLW_IS_FORM_IMPORT (self), NULL);

  if (self->n_problems > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u problem found; nothing was imported.",
                                         "%u problems found; nothing was imported.",
                                         self->n_problems), self->n_problems);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlwPlannedReport) plan = g_list_model_get_item (G_LIST_MODEL (self->plan), i);
      GPtrArray *changes = llw_planned_report_get_changes (plan);

      created += llw_planned_report_get_action (plan) == LLW_PLANNED_CREATE;
      activities += llw_planned_report_get_activities (plan)->len;
      for (guint c = 0; c < changes->len; c++)
        figures += ((LlwPlannedChange *) changes->pdata[c])->code != NULL;
    }
  counts = g_strdup_printf (_("new reports: %u, replaced: %u, figures changed: %u, activities "
                              "added: %u"), created, n - created, figures, activities);
  if (applied)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u form (%s).",
                                         "Imported %u forms (%s).", n), n, counts);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Would import %u form (%s). Nothing was written.",
                                       "Would import %u forms (%s). Nothing was written.", n),
                          n, counts);
}
