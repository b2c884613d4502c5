/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-database-private.h"
#include "llw-figures.h"

/* The reporting desk: a unit's report is received, received again (an update), and its
 * figures kept one per indicator, an empty figure meaning "not reported". */

typedef LlwIndicatorInfo Indicator;

static void
indicator_free (gpointer data)
{
  Indicator *indicator = data;

  g_free (indicator->code);
  g_free (indicator->label);
  g_free (indicator->at_least);
  g_free (indicator);
}

/* Returns: (transfer full): code → Indicator for every indicator of the campaign. */
GHashTable *
llw_database_load_indicators (LlwDatabase  *self,
                              gint64        campaign_id,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) indicators = NULL;
  int rc;

  stmt = llw_database_prepare (self, "SELECT id, code, label, at_least, decimals FROM indicator "
                                     "WHERE campaign_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);

  indicators = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, indicator_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Indicator *indicator = g_new0 (Indicator, 1);

      indicator->id = sqlite3_column_int64 (stmt, 0);
      indicator->code = llw_stmt_dup_text (stmt, 1);
      indicator->label = llw_stmt_dup_text (stmt, 2);
      indicator->at_least = llw_stmt_dup_text (stmt, 3);
      indicator->decimals = sqlite3_column_int (stmt, 4);
      g_hash_table_insert (indicators, indicator->code, indicator);
    }
  if (rc != SQLITE_DONE)
    {
      llw_database_set_error (self, error, "indicators");
      return NULL;
    }
  return g_steal_pointer (&indicators);
}

/* Returns: the id of the unit's report in the campaign, or 0 when none was received. */
gint64
llw_database_find_report (LlwDatabase *self,
                          gint64       campaign_id,
                          gint64       unit_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = llw_database_prepare (self, "SELECT id FROM report WHERE campaign_id = ? AND unit_id = ?",
                               NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/**
 * llw_database_load_figures:
 * @report_id: a report
 *
 * Returns: (transfer full): code → figure as the user reads and edits it (1.234,5), for
 *   the reported figures only; an indicator missing from the table was not reported
 */
GHashTable *
llw_database_load_figures (LlwDatabase  *self,
                           gint64        report_id,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTable *figures;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);

  stmt = llw_database_prepare (self, "SELECT i.code, v.value, i.decimals FROM report_value v "
                                     "JOIN indicator i ON i.id = v.indicator_id "
                                     "WHERE v.report_id = ? AND v.value IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);

  figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (figures, llw_stmt_dup_text (stmt, 0),
                         llw_figure_format (sqlite3_column_double (stmt, 1),
                                            sqlite3_column_int (stmt, 2)));
  return figures;
}

/* Parses every figure of @figures (code → text), adding a message per bad one to @errors
 * under "figure:CODE". Returns: (transfer full): code → parsed value, NULL for empty. */
static GHashTable *
parse_figures (GHashTable *indicators,
               GHashTable *figures,
               GHashTable *errors)
{
  GHashTable *parsed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer code, text;

  g_hash_table_iter_init (&iter, figures);
  while (g_hash_table_iter_next (&iter, &code, &text))
    {
      Indicator *indicator = g_hash_table_lookup (indicators, code);
      g_autoptr(GError) error = NULL;
      double value;
      gboolean reported;

      if (indicator == NULL)
        g_hash_table_insert (errors, g_strdup_printf ("figure:%s", (char *) code),
                             g_strdup_printf (_("There is no indicator “%s” in this campaign."),
                                              (char *) code));
      else if (!llw_figure_parse (text, indicator->decimals, &value, &reported, &error))
        g_hash_table_insert (errors, g_strdup_printf ("figure:%s", (char *) code),
                             g_strdup (error->message));
      else
        g_hash_table_insert (parsed, indicator->code,
                             reported ? g_memdup2 (&value, sizeof value) : NULL);
    }

  return parsed;
}

/* Writes one figure if it changed, with its line of history. */
static gboolean
save_figure (LlwDatabase  *self,
             gint64        campaign_id,
             gint64        report_id,
             Indicator    *indicator,
             const double *value,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) old = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  old = llw_database_prepare (self, "SELECT value FROM report_value WHERE report_id = ? AND "
                                    "indicator_id = ? AND value IS NOT NULL", error);
  if (old == NULL)
    return FALSE;
  sqlite3_bind_int64 (old, 1, report_id);
  sqlite3_bind_int64 (old, 2, indicator->id);
  if (sqlite3_step (old) == SQLITE_ROW)
    old_text = llw_figure_format (sqlite3_column_double (old, 0), indicator->decimals);
  if (value != NULL)
    new_text = llw_figure_format (*value, indicator->decimals);
  if (g_strcmp0 (old_text, new_text) == 0)
    return TRUE;

  write = llw_database_prepare (self, value != NULL
                                ? "INSERT OR REPLACE INTO report_value (report_id, indicator_id, "
                                  "value) VALUES (?, ?, ?)"
                                : "DELETE FROM report_value WHERE report_id = ? AND "
                                  "indicator_id = ?", error);
  if (write == NULL)
    return FALSE;
  sqlite3_bind_int64 (write, 1, report_id);
  sqlite3_bind_int64 (write, 2, indicator->id);
  if (value != NULL)
    sqlite3_bind_double (write, 3, *value);

  return llw_database_step_done (self, write, error) &&
         llw_database_log (self, campaign_id, "report_value", report_id,
                           old_text == NULL ? "insert" : new_text == NULL ? "delete" : "update",
                           indicator->code, old_text, new_text, error);
}

static gboolean
is_assigned (LlwDatabase *self,
             gint64       campaign_id,
             gint64       unit_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = llw_database_prepare (self, "SELECT 1 FROM assignment WHERE campaign_id = ? AND "
                                     "unit_id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Checks the report's fields and figures together, so that the user sees every problem at
 * once. Returns: (transfer full): the problems, keyed by column or "figure:CODE". */
static GHashTable *
check_report (LlwDatabase  *self,
              gint64        campaign_id,
              gint64        report_id,
              GHashTable   *fields,
              GHashTable   *indicators,
              GHashTable   *figures,
              GHashTable  **parsed,
              GError      **error)
{
  g_autoptr(GHashTable) current = NULL;
  GHashTable *problems;

  if (report_id > 0)
    {
      current = llw_database_load_values (self, &llw_entity_report, report_id, error);
      if (current == NULL)
        return NULL;
    }

  problems = llw_database_check (self, &llw_entity_report, campaign_id, report_id, fields,
                                 current, NULL);
  *parsed = parse_figures (indicators, figures, problems);
  return problems;
}

/**
 * llw_database_save_report:
 * @campaign: the campaign
 * @unit_id: the unit that sent the report; it must be assigned in @campaign
 * @input: column → text of the report's fields, as typed (see llw_entity_report)
 * @figures: (nullable): indicator code → figure as typed; "" is "not reported"; an
 *   indicator left out keeps its figure
 * @errors: (out) (optional): column or "figure:CODE" → message, when something is wrong
 *
 * Receives a report, or receives it again: a unit has one report per campaign, and a
 * second one updates the first. Fields, figures and their history are written in one
 * transaction; a single bad value changes nothing.
 *
 * Returns: the report's id, or 0 with @error set
 */
gint64
llw_database_save_report (LlwDatabase  *self,
                          LlwCampaign  *campaign,
                          gint64        unit_id,
                          GHashTable   *input,
                          GHashTable   *figures,
                          GHashTable  **errors,
                          GError      **error)
{
  gint64 campaign_id = llw_campaign_get_id (campaign);
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) no_figures = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) indicators = NULL;
  g_autoptr(GHashTable) problems = NULL;
  g_autoptr(GHashTable) parsed = NULL;
  g_autofree char *unit = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id);
  gint64 report_id;
  gboolean ok;

  g_return_val_if_fail (LLW_IS_DATABASE (self), 0);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign) && input != NULL, 0);

  if (!llw_database_begin (self, error))
    return 0;

  {
    GHashTableIter iter;
    gpointer column, text;

    g_hash_table_iter_init (&iter, input);
    while (g_hash_table_iter_next (&iter, &column, &text))
      g_hash_table_insert (fields, column, text);
  }
  g_hash_table_insert (fields, "unit_id", unit);
  report_id = llw_database_find_report (self, campaign_id, unit_id);

  ok = (indicators = llw_database_load_indicators (self, campaign_id, error)) != NULL;
  if (ok && !is_assigned (self, campaign_id, unit_id))
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND,
                   _("The unit has no assignment in this campaign."));
      ok = FALSE;
    }
  if (ok)
    ok = (problems = check_report (self, campaign_id, report_id, fields, indicators,
                                   figures ? figures : no_figures, &parsed, error)) != NULL;
  if (ok && g_hash_table_size (problems) > 0)
    {
      g_set_error_literal (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID,
                           _("Some values need correcting before the report can be saved."));
      if (errors != NULL)
        *errors = g_hash_table_ref (problems);
      ok = FALSE;
    }

  if (ok && report_id > 0)
    ok = llw_database_update (self, &llw_entity_report, campaign_id, report_id, fields, NULL,
                              error);
  else if (ok)
    ok = (report_id = llw_database_insert (self, &llw_entity_report, campaign_id, fields, NULL,
                                           error)) > 0;

  if (ok)
    {
      GHashTableIter iter;
      gpointer code, value;

      g_hash_table_iter_init (&iter, parsed);
      while (ok && g_hash_table_iter_next (&iter, &code, &value))
        ok = save_figure (self, campaign_id, report_id, g_hash_table_lookup (indicators, code),
                          value, error);
    }

  if (!llw_database_end (self, ok, ok ? error : NULL))
    return 0;

  llw_database_emit_changed (self, "report", report_id);
  return report_id;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Returns: the median of the other units' figures for @code in the campaign, or 0 when
 * fewer than three reported it (too few to call anything unusual). */
static double
others_median (LlwDatabase *self,
               gint64       campaign_id,
               gint64       unit_id,
               const char  *code)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  stmt = llw_database_prepare (self,
                               "SELECT v.value FROM indicator i "
                               "JOIN report r ON r.campaign_id = i.campaign_id "
                               "JOIN report_value v ON v.report_id = r.id "
                               "                   AND v.indicator_id = i.id "
                               "WHERE i.campaign_id = ? AND i.code = ? AND r.unit_id <> ? "
                               "AND v.value IS NOT NULL", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, unit_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      double value = sqlite3_column_double (stmt, 0);

      g_array_append_val (values, value);
    }

  if (values->len < 3)
    return 0;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* Returns: the unit's largest figure for @code in the other campaigns, 0 if none. */
static double
earlier_figure (LlwDatabase *self,
                gint64       campaign_id,
                gint64       unit_id,
                const char  *code)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = llw_database_prepare (self,
                               "SELECT max (v.value) FROM report_value v "
                               "JOIN report r ON r.id = v.report_id "
                               "JOIN indicator i ON i.id = v.indicator_id "
                               "WHERE r.unit_id = ? AND i.code = ? AND i.campaign_id <> ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, campaign_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_double (stmt, 0) : 0;
}

static void
check_outlier (LlwDatabase *self,
               gint64       campaign_id,
               gint64       unit_id,
               Indicator   *indicator,
               double       value,
               double       ratio,
               GPtrArray   *warnings)
{
  double median = others_median (self, campaign_id, unit_id, indicator->code);
  double earlier = earlier_figure (self, campaign_id, unit_id, indicator->code);
  g_autofree char *shown = llw_figure_format (value, indicator->decimals);
  g_autofree char *times = llw_figure_format (ratio, 0);

  if (median > 0 && value > ratio * median)
    {
      g_autofree char *usual = llw_figure_format (median, indicator->decimals);

      g_ptr_array_add (warnings,
                       g_strdup_printf (_("“%s” (%s) is more than %s times what the other "
                                          "units reported (usually %s)."),
                                        indicator->label, shown, times, usual));
    }
  if (earlier > 0 && value > ratio * earlier)
    {
      g_autofree char *before = llw_figure_format (earlier, indicator->decimals);

      g_ptr_array_add (warnings,
                       g_strdup_printf (_("“%s” (%s) is more than %s times this unit’s figure "
                                          "of an earlier year (%s)."),
                                        indicator->label, shown, times, before));
    }
}

/**
 * llw_database_check_figures:
 * @campaign: the campaign
 * @unit_id: the unit whose figures they are
 * @figures: indicator code → figure as typed
 * @ratio: how many times the usual figure counts as far above it
 *
 * Looks for figures that are probably wrong, without refusing them: a count below the one
 * it cannot fall below (participants fewer than classes), or a figure more than @ratio
 * times the other units' median or the unit's own figure of an earlier year.
 *
 * Returns: (transfer full) (element-type utf8): the warnings, in the user's language
 */
GPtrArray *
llw_database_check_figures (LlwDatabase *self,
                            LlwCampaign *campaign,
                            gint64       unit_id,
                            GHashTable  *figures,
                            double       ratio)
{
  gint64 campaign_id = llw_campaign_get_id (campaign);
  g_autoptr(GHashTable) indicators = NULL;
  g_autoptr(GHashTable) ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         g_free);
  g_autoptr(GHashTable) parsed = NULL;
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer code, value;

  g_return_val_if_fail (LLW_IS_DATABASE (self), warnings);

  indicators = llw_database_load_indicators (self, campaign_id, NULL);
  if (indicators == NULL)
    return warnings;
  parsed = parse_figures (indicators, figures, ignored);

  g_hash_table_iter_init (&iter, parsed);
  while (g_hash_table_iter_next (&iter, &code, &value))
    {
      Indicator *indicator = g_hash_table_lookup (indicators, code);
      Indicator *floor = g_hash_table_lookup (indicators, indicator->at_least);
      const double *floor_value = floor ? g_hash_table_lookup (parsed, floor->code) : NULL;

      if (value == NULL)
        continue;
      if (floor_value != NULL && *(double *) value < *floor_value)
        {
          g_autofree char *a = llw_figure_format (*(double *) value, indicator->decimals);
          g_autofree char *b = llw_figure_format (*floor_value, floor->decimals);

          g_ptr_array_add (warnings, g_strdup_printf (_("“%s” (%s) is smaller than “%s” (%s)."),
                                                      indicator->label, a, floor->label, b));
        }
      check_outlier (self, campaign_id, unit_id, indicator, *(double *) value, ratio, warnings);
    }

  return warnings;
}
