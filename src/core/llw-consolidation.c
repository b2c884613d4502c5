/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "llw-consolidation.h"
#include "llw-database-private.h"

#define N_GROUPS (LLW_UNIT_GROUP_OTHER + 1)

/* Everything the consolidated report needs, read in one snapshot of the database with a
 * handful of queries whatever the number of units, then never changed: a writer may read it
 * from another thread. */
struct _LlwConsolidation
{
  GObject parent_instance;

  LlwCampaign *campaign;
  GDate date;
  char *database_path;

  GStringChunk *strings;
  GArray *units;                 /* LlwConsolidatedUnit, district level first */
  GArray *report_ids;            /* gint64 per unit, 0 when nothing was received */
  guint group_first[N_GROUPS];
  guint group_n[N_GROUPS];
  LlwReportSummary summary;

  GListModel *indicators;
  GPtrArray *indicator_items;    /* the same, for constant-time access */
  guint n_indicators;
  double *values;                /* n_units × n_indicators; NAN: not reported */
  LlwIndicatorTotal *totals;     /* n_indicators × N_GROUPS */

  GListModel *themes;
  GListModel *activities;
  GListModel *examples;

  /* The campaign of an earlier year the report compares with, or NULL. */
  LlwCampaign *previous;
  LlwIndicatorTotal *previous_totals;   /* n_indicators; count 0: not reported then */
  guint previous_expected;
  guint previous_received;
};

G_DEFINE_FINAL_TYPE (LlwConsolidation, llw_consolidation, G_TYPE_OBJECT)

static const char units_sql[] =
  "SELECT u.name, coalesce (u.code, ''), u.unit_group, "
  "       a.deadline, r.id, r.received_date, "
  "       coalesce (r.document_number, ''), coalesce (r.theme_id, 0), coalesce (t.title, '') "
  "FROM assigned_unit a JOIN unit u ON u.id = a.unit_id "
  "LEFT JOIN report r ON r.campaign_id = a.campaign_id AND r.unit_id = a.unit_id "
  "LEFT JOIN theme t ON t.id = r.theme_id "
  "WHERE a.campaign_id = ? AND a.report_required = 1 "
  "ORDER BY a.group_rank, u.position, u.id";

/* NULL values are left out: like a missing row, they mean "not reported". */
static const char values_sql[] =
  "SELECT v.report_id, v.indicator_id, v.value FROM report_value v "
  "JOIN report r ON r.id = v.report_id "
  "WHERE r.campaign_id = ? AND v.value IS NOT NULL";

static const char *
column_text (LlwConsolidation *self,
             sqlite3_stmt     *stmt,
             int               column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

static void
count_report (LlwReportCounts *counts,
              LlwReportState   state)
{
  counts->expected++;
  counts->received += state == LLW_REPORT_STATE_ON_TIME || state == LLW_REPORT_STATE_LATE;
  counts->on_time += state == LLW_REPORT_STATE_ON_TIME;
  counts->late += state == LLW_REPORT_STATE_LATE;
  counts->missing += state == LLW_REPORT_STATE_MISSING;
  counts->pending += state == LLW_REPORT_STATE_PENDING;
}

static void
add_unit (LlwConsolidation *self,
          sqlite3_stmt     *stmt)
{
  LlwConsolidatedUnit unit = { 0 };
  gint64 report_id = sqlite3_column_int64 (stmt, 4);

  unit.name = column_text (self, stmt, 0);
  unit.code = column_text (self, stmt, 1);
  unit.group = llw_unit_group_from_string ((const char *) sqlite3_column_text (stmt, 2));
  unit.deadline = column_text (self, stmt, 3);
  unit.received_date = column_text (self, stmt, 5);
  unit.document_number = column_text (self, stmt, 6);
  unit.theme_id = sqlite3_column_int64 (stmt, 7);
  unit.theme_title = column_text (self, stmt, 8);
  unit.state = llw_report_state_compute (unit.received_date, unit.deadline, &self->date,
                                         &unit.days_late);

  /* The query sorts by group, so each group is one run of rows. */
  if (self->group_n[unit.group] == 0)
    self->group_first[unit.group] = self->units->len;
  self->group_n[unit.group]++;
  count_report (&self->summary.all, unit.state);
  count_report (&self->summary.groups[unit.group], unit.state);

  g_array_append_val (self->units, unit);
  g_array_append_val (self->report_ids, report_id);
}

static gboolean
load_units (LlwConsolidation *self,
            LlwDatabase      *db,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (db, units_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, llw_campaign_get_id (self->campaign));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_unit (self, stmt);

  if (rc != SQLITE_DONE)
    {
      llw_database_set_error (db, error, units_sql);
      return FALSE;
    }
  return TRUE;
}

/* Keys are the ids themselves, inside arrays that outlive the table. */
static GHashTable *
index_ids (const gint64 *ids,
           guint         n_ids)
{
  GHashTable *index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n_ids; i++)
    if (ids[i] != 0)
      g_hash_table_insert (index, (gpointer) &ids[i], GUINT_TO_POINTER (i + 1));
  return index;
}

static void
set_value (LlwConsolidation *self,
           guint             unit,
           guint             indicator,
           double            value)
{
  LlwUnitGroup group = g_array_index (self->units, LlwConsolidatedUnit, unit).group;
  LlwIndicatorTotal *total = &self->totals[indicator * N_GROUPS + group];

  self->values[(gsize) unit * self->n_indicators + indicator] = value;
  total->sum += value;
  total->count++;
}

static gboolean
load_values (LlwConsolidation *self,
             LlwDatabase      *db,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (db, values_sql, error);
  g_autoptr(GHashTable) units = NULL;
  g_autoptr(GHashTable) indicators = NULL;
  g_autofree gint64 *indicator_ids = g_new0 (gint64, self->n_indicators);
  gsize n_values = (gsize) self->units->len * self->n_indicators;
  int rc;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < self->n_indicators; i++)
    indicator_ids[i] = llw_indicator_get_id (llw_consolidation_get_indicator (self, i));
  units = index_ids ((const gint64 *) (gpointer) self->report_ids->data, self->report_ids->len);
  indicators = index_ids (indicator_ids, self->n_indicators);

  self->values = g_new (double, MAX (n_values, 1));
  for (gsize i = 0; i < n_values; i++)
    self->values[i] = NAN;
  self->totals = g_new0 (LlwIndicatorTotal, (gsize) self->n_indicators * N_GROUPS);

  sqlite3_bind_int64 (stmt, 1, llw_campaign_get_id (self->campaign));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 report_id = sqlite3_column_int64 (stmt, 0);
      gint64 indicator_id = sqlite3_column_int64 (stmt, 1);
      guint unit = GPOINTER_TO_UINT (g_hash_table_lookup (units, &report_id));
      guint indicator = GPOINTER_TO_UINT (g_hash_table_lookup (indicators, &indicator_id));

      /* Units that need not report and retired indicators are not part of the report. */
      if (unit != 0 && indicator != 0)
        set_value (self, unit - 1, indicator - 1, sqlite3_column_double (stmt, 2));
    }

  if (rc != SQLITE_DONE)
    {
      llw_database_set_error (db, error, values_sql);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_lists (LlwConsolidation *self,
            LlwDatabase      *db,
            GError          **error)
{
  self->indicators = llw_database_list_indicators (db, self->campaign, error);
  if (self->indicators == NULL)
    return FALSE;
  self->n_indicators = g_list_model_get_n_items (self->indicators);
  self->indicator_items = g_ptr_array_new_full (self->n_indicators, g_object_unref);
  for (guint i = 0; i < self->n_indicators; i++)
    g_ptr_array_add (self->indicator_items, g_list_model_get_item (self->indicators, i));

  self->themes = llw_database_list_themes (db, self->campaign, error);
  if (self->themes == NULL)
    return FALSE;

  self->activities = llw_database_list_activities (db, self->campaign, error);
  if (self->activities == NULL)
    return FALSE;

  self->examples = llw_database_list_report_examples (db, self->campaign, error);
  return self->examples != NULL;
}

/* Last year's totals, indicator by indicator as matched by code, and its report counts. */
static gboolean
load_previous (LlwConsolidation *self,
               LlwDatabase      *db,
               GError          **error)
{
  g_autoptr(GHashTable) sums = NULL;
  GError *local_error = NULL;

  self->previous_totals = g_new0 (LlwIndicatorTotal, MAX (self->n_indicators, 1));
  self->previous = llw_database_get_previous_campaign (db, self->campaign, &local_error);
  if (self->previous == NULL && local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (self->previous == NULL)
    return TRUE;

  sums = llw_database_sum_indicators (db, self->previous, FALSE, error);
  if (sums == NULL ||
      !llw_database_count_reports (db, self->previous, &self->previous_expected,
                                   &self->previous_received, error))
    return FALSE;

  for (guint i = 0; i < self->n_indicators; i++)
    {
      const char *code = llw_indicator_get_code (llw_consolidation_get_indicator (self, i));
      LlwIndicatorTotal *total = g_hash_table_lookup (sums, code);

      if (total != NULL)
        self->previous_totals[i] = *total;
    }
  return TRUE;
}

static void
llw_consolidation_finalize (GObject *object)
{
  LlwConsolidation *self = (LlwConsolidation *) object;

  g_clear_object (&self->campaign);
  g_free (self->database_path);
  g_string_chunk_free (self->strings);
  g_array_unref (self->units);
  g_array_unref (self->report_ids);
  g_clear_object (&self->indicators);
  g_clear_pointer (&self->indicator_items, g_ptr_array_unref);
  g_free (self->values);
  g_free (self->totals);
  g_clear_object (&self->themes);
  g_clear_object (&self->activities);
  g_clear_object (&self->examples);
  g_clear_object (&self->previous);
  g_free (self->previous_totals);

  G_OBJECT_CLASS (llw_consolidation_parent_class)->finalize (object);
}

static void
llw_consolidation_class_init (LlwConsolidationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_consolidation_finalize;
}

static void
llw_consolidation_init (LlwConsolidation *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->units = g_array_new (FALSE, FALSE, sizeof (LlwConsolidatedUnit));
  self->report_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * llw_consolidation_load:
 * @campaign: the campaign to report on
 * @today: the day timeliness is judged by
 *
 * Reads, in one snapshot of @db, the units that must report in @campaign with their
 * reports and figures, the per-group totals, the themes, the activities, the examples the
 * report names, and the totals of the campaign of the year before to compare with.
 *
 * Returns: (transfer full): the consolidation, or %NULL with @error set
 */
LlwConsolidation *
llw_consolidation_load (LlwDatabase  *db,
                        LlwCampaign  *campaign,
                        const GDate  *today,
                        GError      **error)
{
  g_autoptr(LlwConsolidation) self = NULL;
  gboolean ok;

  g_return_val_if_fail (LLW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LLW_TYPE_CONSOLIDATION, NULL);
  self->campaign = g_object_ref (campaign);
  self->date = *today;
  self->database_path = g_strdup (llw_database_get_path (db));

  /* A savepoint makes the queries one consistent read, inside a transaction or not. */
  if (!llw_database_exec (db, "SAVEPOINT consolidation", error))
    return NULL;

  ok = load_lists (self, db, error) &&
       load_units (self, db, error) &&
       load_values (self, db, error) &&
       load_previous (self, db, error);

  llw_database_exec (db, "RELEASE consolidation", NULL);
  return ok ? g_steal_pointer (&self) : NULL;
}

/* Returns: (transfer none): the campaign reported on. */
LlwCampaign *
llw_consolidation_get_campaign (LlwConsolidation *self)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), NULL);

  return self->campaign;
}

/* Returns: the day the reports' timeliness was judged by. */
const GDate *
llw_consolidation_get_date (LlwConsolidation *self)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), NULL);

  return &self->date;
}

/* Returns: the file the consolidation was read from. */
const char *
llw_consolidation_get_database_path (LlwConsolidation *self)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), NULL);

  return self->database_path;
}

/* Returns: the number of units that must report. */
guint
llw_consolidation_get_n_units (LlwConsolidation *self)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), 0);

  return self->units->len;
}

/* Returns: (transfer none): the @unit-th unit: district level first, then provincial level,
 *   then the others, each group in the units' order. */
const LlwConsolidatedUnit *
llw_consolidation_get_unit (LlwConsolidation *self,
                            guint             unit)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), NULL);
  g_return_val_if_fail (unit < self->units->len, NULL);

  return &g_array_index (self->units, LlwConsolidatedUnit, unit);
}

/**
 * llw_consolidation_get_group_range:
 * @first: (out): the index of the group's first unit
 *
 * Returns: the number of units of @group; they follow each other from @first.
 */
guint
llw_consolidation_get_group_range (LlwConsolidation *self,
                                   LlwUnitGroup      group,
                                   guint            *first)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), 0);
  g_return_val_if_fail (group < N_GROUPS, 0);
  g_return_val_if_fail (first != NULL, 0);

  *first = self->group_first[group];
  return self->group_n[group];
}

/* Returns: (transfer none): how many units reported, on time, late or not at all. */
const LlwReportSummary *
llw_consolidation_get_summary (LlwConsolidation *self)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), NULL);

  return &self->summary;
}

/* Returns: (transfer none): the campaign's active indicators (LlwIndicator) in order. */
GListModel *
llw_consolidation_get_indicators (LlwConsolidation *self)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), NULL);

  return self->indicators;
}

guint
llw_consolidation_get_n_indicators (LlwConsolidation *self)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), 0);

  return self->n_indicators;
}

/* Returns: (transfer none): the @indicator-th indicator. */
LlwIndicator *
llw_consolidation_get_indicator (LlwConsolidation *self,
                                 guint             indicator)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), NULL);
  g_return_val_if_fail (indicator < self->n_indicators, NULL);

  return g_ptr_array_index (self->indicator_items, indicator);
}

/**
 * llw_consolidation_get_value:
 * @value: (out): the figure, when the unit reported it
 *
 * Returns: %FALSE when @unit did not report @indicator, which is not the same as 0.
 */
gboolean
llw_consolidation_get_value (LlwConsolidation *self,
                             guint             unit,
                             guint             indicator,
                             double           *value)
{
  double v;

  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), FALSE);
  g_return_val_if_fail (unit < self->units->len, FALSE);
  g_return_val_if_fail (indicator < self->n_indicators, FALSE);

  v = self->values[(gsize) unit * self->n_indicators + indicator];
  if (isnan (v))
    return FALSE;

  if (value != NULL)
    *value = v;
  return TRUE;
}

/* Returns: the sum of @indicator over the units of @group and how many of them reported it. */
LlwIndicatorTotal
llw_consolidation_get_total (LlwConsolidation *self,
                             guint             indicator,
                             LlwUnitGroup      group)
{
  LlwIndicatorTotal none = { 0 };

  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), none);
  g_return_val_if_fail (indicator < self->n_indicators, none);
  g_return_val_if_fail (group < N_GROUPS, none);

  return self->totals[indicator * N_GROUPS + group];
}

/* Returns: the sum of @indicator over every unit, as the sum of the groups' sums. */
LlwIndicatorTotal
llw_consolidation_get_overall_total (LlwConsolidation *self,
                                     guint             indicator)
{
  LlwIndicatorTotal all = { 0 };

  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), all);
  g_return_val_if_fail (indicator < self->n_indicators, all);

  for (guint group = 0; group < N_GROUPS; group++)
    {
      all.sum += self->totals[indicator * N_GROUPS + group].sum;
      all.count += self->totals[indicator * N_GROUPS + group].count;
    }
  return all;
}

/* Returns: (transfer none): the campaign's themes (LlwTheme) in order. */
GListModel *
llw_consolidation_get_themes (LlwConsolidation *self)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), NULL);

  return self->themes;
}

/* Returns: how many of the units that must report chose the theme @theme_id. */
guint
llw_consolidation_count_theme (LlwConsolidation *self,
                               gint64            theme_id)
{
  guint count = 0;

  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), 0);

  for (guint i = 0; i < self->units->len; i++)
    count += g_array_index (self->units, LlwConsolidatedUnit, i).theme_id == theme_id;
  return count;
}

/* Returns: (transfer none): the campaign's activities (LlwActivity) by start date. */
GListModel *
llw_consolidation_get_activities (LlwConsolidation *self)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), NULL);

  return self->activities;
}

/* Returns: (transfer none): the outstanding examples (LlwReportExample) the report names. */
GListModel *
llw_consolidation_get_examples (LlwConsolidation *self)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), NULL);

  return self->examples;
}

/* Returns: (transfer none) (nullable): the campaign of an earlier year the report compares
 *   with: the latest before this one. */
LlwCampaign *
llw_consolidation_get_previous_campaign (LlwConsolidation *self)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), NULL);

  return self->previous;
}

/**
 * llw_consolidation_get_previous_total:
 * @total: (out): the indicator's total in the previous campaign
 *
 * Returns: %FALSE when there is nothing to compare with: no previous campaign, or no unit
 *   reported the indicator (the same code) then, which is not the same as 0.
 */
gboolean
llw_consolidation_get_previous_total (LlwConsolidation  *self,
                                      guint              indicator,
                                      LlwIndicatorTotal *total)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), FALSE);
  g_return_val_if_fail (indicator < self->n_indicators, FALSE);

  if (self->previous == NULL || self->previous_totals[indicator].count == 0)
    return FALSE;
  if (total != NULL)
    *total = self->previous_totals[indicator];
  return TRUE;
}

/**
 * llw_consolidation_get_previous_counts:
 * @expected: (out): how many units had to report in the previous campaign
 * @received: (out): how many did
 *
 * Returns: %FALSE when there is no previous campaign
 */
gboolean
llw_consolidation_get_previous_counts (LlwConsolidation *self,
                                       guint            *expected,
                                       guint            *received)
{
  g_return_val_if_fail (LLW_IS_CONSOLIDATION (self), FALSE);

  if (self->previous == NULL)
    return FALSE;
  *expected = self->previous_expected;
  *received = self->previous_received;
  return TRUE;
}
