/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "llw-database-forms.h"
#include "llw-date.h"
#include "llw-entity.h"
#include "llw-figures.h"
#include "llw-form-import-private.h"
#include "llw-text.h"

/* The values of one returned form, checked by the rules of the report and activity records,
 * and compared with what the database holds: the unit's plan. */

#define MAX_SHOWN_CHARS 80

/* The report's fields a form brings, and the key of each in LlwReportInput. */
static const char *const report_columns[][2] = {
  { "document_number", LLW_INPUT_DOCUMENT_NUMBER },
  { "document_date", LLW_INPUT_DOCUMENT_DATE },
  { "theme_id", LLW_INPUT_THEME },
  { "results", LLW_INPUT_RESULTS },
  { "difficulties", LLW_INPUT_DIFFICULTIES },
  { "proposals", LLW_INPUT_PROPOSALS },
};

/* An activity's columns, and the key of each in a form's activity. */
static const char *const activity_columns[][2] = {
  { "title", "title" },
  { "kind_id", "kind" },
  { "theme_id", "theme" },
  { "start_date", "start_date" },
  { "end_date", "end_date" },
  { "form", "form" },
  { "platform", "platform" },
  { "place", "place" },
  { "participants", "participants" },
  { "note", "note" },
};

/* A value as the preview shows it: on one line, and not too long. */
static char *
shown (const char *text)
{
  g_autofree char *line = g_strdup (text ? text : "");

  g_strdelimit (line, "\n\t\r", ' ');
  if (g_utf8_strlen (line, -1) > MAX_SHOWN_CHARS)
    {
      g_autofree char *start = g_utf8_substring (line, 0, MAX_SHOWN_CHARS - 1);

      return g_strconcat (start, "…", NULL);
    }
  return g_steal_pointer (&line);
}

static GHashTable *
new_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* The theme a form names by its title (or number): one of the campaign's, or a new one the
 * unit proposes, created with the import. Returns: the id as text, "" for none, or "new:"
 * and the title's key for a proposed one. */
static char *
resolve_theme (LlwFormImport *self,
               LlwFormEntry  *entry,
               const char    *key,
               const char    *text)
{
  g_autofree char *title = llw_text_normalize (text);
  g_autofree char *title_key = NULL;
  gint64 id;

  if (*title == '\0')
    return g_strdup ("");
  if ((id = llw_form_import_find_id (self->themes, title)) > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, id);

  title_key = llw_text_name_key (title);
  if (!g_hash_table_contains (self->new_themes, title_key))
    {
      g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) errors = NULL;

      g_hash_table_insert (values, "title", title);
      g_hash_table_insert (values, "suggested", "0");
      errors = llw_database_check (self->db, &llw_entity_theme,
                                   llw_campaign_get_id (self->campaign), 0, values, NULL, NULL);
      if (g_hash_table_size (errors) > 0)
        {
          llw_form_import_add_problem (self, entry, key, g_hash_table_lookup (errors, "title"));
          return g_strdup ("");
        }
      g_hash_table_insert (self->new_themes, g_strdup (title_key), g_strdup (title));
    }
  return g_strconcat ("new:", title_key, NULL);
}

/* Returns: (transfer none): the title of a theme as resolve_theme () gave it */
static const char *
theme_title (LlwFormImport *self,
             const char    *resolved)
{
  if (resolved == NULL || *resolved == '\0')
    return "";
  if (g_str_has_prefix (resolved, "new:"))
    return g_hash_table_lookup (self->new_themes, resolved + 4);
  return g_hash_table_lookup (self->theme_titles, resolved) ?: "";
}

/* Adds each message of @errors (column → message) as a problem of the value it is about:
 * @columns maps a record's columns to keys of the form, @prefix goes before the key. */
static void
add_errors (LlwFormImport     *self,
            LlwFormEntry      *entry,
            const LlwEntity   *entity,
            GHashTable        *errors,
            const char *const  columns[][2],
            guint              n_columns,
            const char        *prefix)
{
  GHashTableIter iter;
  gpointer column, message;

  g_hash_table_iter_init (&iter, errors);
  while (g_hash_table_iter_next (&iter, &column, &message))
    {
      const LlwField *field = llw_entity_get_field (entity, column);
      g_autofree char *key = NULL;
      g_autofree char *text = NULL;

      for (guint i = 0; i < n_columns; i++)
        if (g_str_equal (columns[i][0], column))
          key = g_strconcat (prefix, columns[i][1], NULL);
      if (key == NULL && prefix != NULL && *prefix != '\0')
        key = g_strndup (prefix, strlen (prefix) - 1);
      text = field != NULL ? g_strdup_printf ("%s: %s", _(llw_field_get_label (field)),
                                              (char *) message)
                           : g_strdup (message);
      llw_form_import_add_problem (self, entry, key, text);
    }
}

static const char *
input_field (LlwFormEntry *entry,
             const char   *key)
{
  return g_hash_table_lookup (entry->input->fields, key);
}

/* Builds the report's fields as the form gives them: every field of the form replaces the
 * stored one, and a report received again is to be reviewed again. */
static GHashTable *
report_fields (LlwFormImport *self,
               LlwFormEntry  *entry,
               char         **theme)
{
  GHashTable *fields = new_table ();

  g_hash_table_insert (fields, g_strdup ("unit_id"),
                       g_strdup_printf ("%" G_GINT64_FORMAT, entry->unit_id));
  g_hash_table_insert (fields, g_strdup ("received_date"), g_strdup (entry->received));
  g_hash_table_insert (fields, g_strdup ("review_state"), g_strdup ("received"));
  if (entry->report_id == 0)
    g_hash_table_insert (fields, g_strdup ("channel"), g_strdup ("email"));

  for (guint i = 0; i < G_N_ELEMENTS (report_columns); i++)
    {
      const char *text = input_field (entry, report_columns[i][1]);

      if (text == NULL)
        continue;
      if (g_str_equal (report_columns[i][0], "theme_id"))
        {
          *theme = resolve_theme (self, entry, LLW_INPUT_THEME, text);
          if (!g_str_has_prefix (*theme, "new:"))
            g_hash_table_insert (fields, g_strdup ("theme_id"), g_strdup (*theme));
        }
      else
        g_hash_table_insert (fields, g_strdup (report_columns[i][0]), g_strdup (text));
    }
  return fields;
}

static void
plan_field (LlwFormImport *self,
            LlwFormEntry  *entry,
            const char    *column,
            const char    *old_value,
            const char    *new_value)
{
  const LlwField *field = llw_entity_get_field (&llw_entity_report, column);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (g_strcmp0 (old_value, new_value) == 0)
    return;
  if (g_str_equal (column, "theme_id"))
    {
      before = g_strdup (theme_title (self, old_value));
      after = g_strdup (theme_title (self, new_value));
    }
  else if (field->kind == LLW_FIELD_CHOICE)
    {
      before = g_strdup (*old_value ? llw_field_choice_label (field, old_value) : "");
      after = g_strdup (llw_field_choice_label (field, new_value));
    }
  else
    {
      before = llw_field_to_edit_text (field, old_value);
      after = llw_field_to_edit_text (field, new_value);
    }
  {
    g_autofree char *old_shown = shown (before);
    g_autofree char *new_shown = shown (after);

    llw_planned_report_add_change (entry->plan, _(llw_field_get_label (field)), NULL, old_shown,
                                   new_shown);
  }
}

static gboolean
check_fields (LlwFormImport  *self,
              LlwFormEntry   *entry,
              GError        **error)
{
  static const char *const planned[] = {
    "received_date", "document_number", "document_date", "theme_id", "results",
    "difficulties", "proposals", "review_state",
  };
  g_autoptr(GHashTable) current = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GHashTable) errors = NULL;
  g_autofree char *theme = NULL;
  gint64 campaign_id = llw_campaign_get_id (self->campaign);

  if (entry->report_id > 0 &&
      (current = llw_database_load_values (self->db, &llw_entity_report, entry->report_id,
                                           error)) == NULL)
    return FALSE;

  entry->fields = report_fields (self, entry, &theme);
  errors = llw_database_check (self->db, &llw_entity_report, campaign_id, entry->report_id,
                               entry->fields, current, &stored);
  add_errors (self, entry, &llw_entity_report, errors, report_columns,
              G_N_ELEMENTS (report_columns), "");
  if (theme != NULL && g_str_has_prefix (theme, "new:"))
    g_hash_table_insert (stored, g_strdup ("theme_id"), g_strdup (theme));

  /* A new report's received date is the plan's own; it has no review to go back to. */
  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    if (current != NULL || (!g_str_equal (planned[i], "review_state") &&
                            !g_str_equal (planned[i], "received_date")))
      plan_field (self, entry, planned[i],
                  current ? g_hash_table_lookup (current, planned[i]) : "",
                  g_hash_table_lookup (stored, planned[i]));
  if (theme != NULL && g_str_has_prefix (theme, "new:"))
    {
      g_autofree char *note = g_strdup_printf (_("“%s” is a theme of the unit’s own: it is "
                                                 "added to the campaign’s themes."),
                                               theme_title (self, theme));

      llw_planned_report_add_note (entry->plan, note);
      g_hash_table_insert (entry->fields, g_strdup ("theme_id"), g_steal_pointer (&theme));
    }
  return TRUE;
}

/* Every figure the form gives replaces the stored one; an empty one means not reported. */
static gboolean
check_figures (LlwFormImport  *self,
               LlwFormEntry   *entry,
               GError        **error)
{
  g_autoptr(GHashTable) current = NULL;
  GHashTable *figures = entry->input->figures;

  if (entry->report_id > 0 &&
      (current = llw_database_load_figures (self->db, entry->report_id, error)) == NULL)
    return FALSE;
  entry->figures = new_table ();

  for (guint i = 0; i < self->codes->len; i++)
    {
      const char *code = self->codes->pdata[i];
      LlwIndicatorInfo *indicator = g_hash_table_lookup (self->indicators, code);
      const char *text = g_hash_table_lookup (figures, code);
      const char *old_value = current ? g_hash_table_lookup (current, code) : NULL;
      g_autofree char *key = g_strconcat ("figure:", code, NULL);
      g_autofree char *new_value = NULL;
      g_autoptr(GError) parse_error = NULL;
      double value;
      gboolean reported;

      if (text == NULL)
        continue;
      if (!llw_figure_parse (text, indicator->decimals, &value, &reported, &parse_error))
        {
          g_autofree char *message = g_strdup_printf ("%s: %s", code, parse_error->message);

          llw_form_import_add_problem (self, entry, key, message);
          continue;
        }
      new_value = reported ? llw_figure_format (value, indicator->decimals) : NULL;
      g_hash_table_insert (entry->figures, g_strdup (code), g_strdup (text));
      if (g_strcmp0 (old_value, new_value) != 0)
        llw_planned_report_add_change (entry->plan, indicator->label, code, old_value,
                                       new_value);
    }
  return TRUE;
}

/* A form lists the indicators of the campaign when it was made: one the office has deleted
 * since cannot take a figure. */
static void
check_unknown_figures (LlwFormImport *self,
                       LlwFormEntry  *entry)
{
  GHashTableIter iter;
  gpointer code, text;

  g_hash_table_iter_init (&iter, entry->input->figures);
  while (g_hash_table_iter_next (&iter, &code, &text))
    if (!g_hash_table_contains (self->indicators, code) && *(char *) text != '\0')
      {
        g_autofree char *key = g_strconcat ("figure:", code, NULL);
        g_autofree char *message =
          g_strdup_printf (_("the campaign no longer has the indicator “%s”; this figure "
                             "cannot be imported."), (char *) code);

        llw_form_import_add_problem (self, entry, key, message);
      }
}

/* Returns: (transfer full): "title key\tstart date" of the unit's recorded activities */
static GHashTable *
recorded_activities (LlwFormImport *self,
                     LlwFormEntry  *entry)
{
  static const char sql[] = "SELECT title, coalesce (start_date, '') FROM activity "
                            "WHERE campaign_id = ? AND unit_id = ?";
  GHashTable *recorded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = llw_database_cached (self->db, sql, NULL);

  if (stmt == NULL)
    return recorded;
  sqlite3_bind_int64 (stmt, 1, llw_campaign_get_id (self->campaign));
  sqlite3_bind_int64 (stmt, 2, entry->unit_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *key = llw_text_name_key ((const char *) sqlite3_column_text (stmt, 0));

      g_hash_table_add (recorded, g_strdup_printf ("%s\t%s", key, sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  return recorded;
}

/* Returns: (transfer full): the activity's columns as llw_database_insert () takes them, its
 *   kind and theme found by their titles */
static GHashTable *
activity_values (LlwFormImport *self,
                 LlwFormEntry  *entry,
                 GHashTable    *activity,
                 guint          number)
{
  GHashTable *values = new_table ();
  const char *kind = g_hash_table_lookup (activity, "kind");
  const char *theme = g_hash_table_lookup (activity, "theme");
  const char *form = g_hash_table_lookup (activity, "form");
  g_autofree char *prefix = g_strdup_printf ("activity:%u:", number);

  for (guint i = 0; i < G_N_ELEMENTS (activity_columns); i++)
    {
      const char *text = g_hash_table_lookup (activity, activity_columns[i][1]);

      if (text != NULL && strstr (activity_columns[i][0], "_id") == NULL)
        g_hash_table_insert (values, g_strdup (activity_columns[i][0]), g_strdup (text));
    }
  g_hash_table_insert (values, g_strdup ("unit_id"),
                       g_strdup_printf ("%" G_GINT64_FORMAT, entry->unit_id));
  if (form == NULL || *form == '\0')
    g_hash_table_remove (values, "form");

  if (kind != NULL && *kind != '\0')
    {
      gint64 id = llw_form_import_find_id (self->kinds, kind);
      g_autofree char *key = g_strconcat (prefix, "kind", NULL);

      if (id == 0)
        llw_form_import_add_problem (self, entry, key,
                                     _("choose the kind of activity from the list."));
      else
        g_hash_table_insert (values, g_strdup ("kind_id"),
                             g_strdup_printf ("%" G_GINT64_FORMAT, id));
    }
  if (theme != NULL && *theme != '\0')
    {
      g_autofree char *key = g_strconcat (prefix, "theme", NULL);

      g_hash_table_insert (values, g_strdup ("theme_id"),
                           resolve_theme (self, entry, key, theme));
    }
  return values;
}

/* Activities are added; one the unit has recorded already (same title, same first day), as
 * on a form made again, is not added twice. */
static void
check_activities (LlwFormImport *self,
                  LlwFormEntry  *entry)
{
  g_autoptr(GHashTable) recorded = recorded_activities (self, entry);
  gint64 campaign_id = llw_campaign_get_id (self->campaign);

  entry->activities = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < entry->input->activities->len; i++)
    {
      g_autoptr(GHashTable) values = activity_values (self, entry,
                                                      entry->input->activities->pdata[i], i);
      g_autoptr(GHashTable) checked = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) errors = NULL;
      g_autofree char *prefix = g_strdup_printf ("activity:%u:", i);
      const char *theme = g_hash_table_lookup (values, "theme_id");
      const char *title = g_hash_table_lookup (values, "title");
      g_autofree char *title_key = llw_text_name_key (title);
      g_autofree char *start = NULL;
      g_autofree char *seen = NULL;
      GHashTableIter iter;
      gpointer column, text;

      /* A theme proposed here does not exist yet: the check leaves it out. */
      g_hash_table_iter_init (&iter, values);
      while (g_hash_table_iter_next (&iter, &column, &text))
        if (!g_str_equal (column, "theme_id") || !g_str_has_prefix (text, "new:"))
          g_hash_table_insert (checked, column, text);
      errors = llw_database_check (self->db, &llw_entity_activity, campaign_id, 0, checked, NULL,
                                   NULL);
      add_errors (self, entry, &llw_entity_activity, errors, activity_columns,
                  G_N_ELEMENTS (activity_columns), prefix);
      if (g_hash_table_size (errors) > 0)
        continue;

      start = llw_field_parse (llw_entity_get_field (&llw_entity_activity, "start_date"),
                               g_hash_table_lookup (values, "start_date"), NULL);
      seen = g_strdup_printf ("%s\t%s", title_key, start ? start : "");
      if (g_hash_table_contains (recorded, seen))
        {
          g_autofree char *note = g_strdup_printf (_("The activity “%s” is recorded already; "
                                                     "it is not added again."), title);

          llw_planned_report_add_note (entry->plan, note);
          continue;
        }
      g_hash_table_add (recorded, g_steal_pointer (&seen));
      if (theme != NULL && g_str_has_prefix (theme, "new:"))
        g_hash_table_insert (values, g_strdup ("theme_id"), g_strdup (theme));
      llw_planned_report_add_activity (entry->plan, title);
      g_ptr_array_add (entry->activities, g_steal_pointer (&values));
    }
}

static char *
unit_name (LlwFormImport *self,
           gint64         unit_id)
{
  static const char sql[] = "SELECT name FROM unit WHERE id = ?";
  sqlite3_stmt *stmt = llw_database_cached (self->db, sql, NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = llw_stmt_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return name ? name : g_strdup ("");
}

/* The notes of the file itself, and whether it was imported before. */
static void
add_notes (LlwFormImport *self,
           LlwFormEntry  *entry)
{
  gint64 earlier = llw_database_find_returned_form (self->db,
                                                    llw_campaign_get_id (self->campaign),
                                                    entry->sha256);

  for (guint i = 0; i < entry->input->notes->len; i++)
    llw_planned_report_add_note (entry->plan, entry->input->notes->pdata[i]);
  if (earlier > 0)
    llw_planned_report_add_note (entry->plan, _("This very file was imported before."));
}

/**
 * llw_form_import_check_values:
 *
 * Checks the values of a form whose identity is good, adding a problem for each bad one,
 * and makes its plan.
 *
 * Returns: %FALSE with @error set only when the database could not be read
 */
gboolean
llw_form_import_check_values (LlwFormImport  *self,
                              LlwFormEntry   *entry,
                              GError        **error)
{
  g_autofree char *name = unit_name (self, entry->unit_id);

  entry->report_id = llw_database_find_report (self->db, llw_campaign_get_id (self->campaign),
                                               entry->unit_id);
  entry->plan = llw_planned_report_new (entry->unit_id, name,
                                        entry->report_id > 0 ? LLW_PLANNED_REPLACE
                                                             : LLW_PLANNED_CREATE,
                                        entry->file_name);
  llw_planned_report_set_received_date (entry->plan, entry->received);

  if (!check_fields (self, entry, error) || !check_figures (self, entry, error))
    return FALSE;
  check_unknown_figures (self, entry);
  check_activities (self, entry);
  add_notes (self, entry);
  return TRUE;
}
