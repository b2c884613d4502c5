/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-database-private.h"
#include "llw-date.h"

/* The Week recurs every year: a new campaign starts as a copy of an earlier one. */

/* Fields that belong to the earlier year's documents and report, filled in again. */
static const char *const cleared[] = {
  "directive_number", "directive_date", "ministry_letter_number", "ministry_letter_date",
  "report_signer_name", "report_assessment", "report_proposals", "report_date",
  "report_limitations",
};

/* Fields whose text names the year, such as the title "… năm 2021", and follow it. */
static const char *const renamed[] = {
  "title", "directive_subject", "ministry_letter_subject", "report_subject",
};

/* What the new campaign takes from the earlier one; themes, activities, reports and
 * reminders start empty. ?1 is the new campaign, ?2 the earlier, ?3 and ?4 the years. */
static const char *const copies[] = {
  "INSERT INTO activity_kind (campaign_id, position, title, description) "
  "SELECT ?1, position, title, description FROM activity_kind WHERE campaign_id = ?2",
  "INSERT INTO indicator (campaign_id, code, group_title, label, measure, decimals, at_least, "
  "position, active, headline) SELECT ?1, code, group_title, label, measure, decimals, "
  "at_least, position, active, headline "
  "FROM indicator WHERE campaign_id = ?2",
  "INSERT INTO assignment (campaign_id, unit_id, role, task, report_required, deadline) "
  "SELECT ?1, a.unit_id, a.role, replace (a.task, ?3, ?4), a.report_required, "
  "       CASE WHEN a.deadline IS NULL THEN NULL "
  "            ELSE date (a.deadline, '+' || (?4 - ?3) || ' years') END "
  "FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.campaign_id = ?2 AND u.active",
  "INSERT INTO recipient (campaign_id, position, kind, name) "
  "SELECT ?1, position, kind, name FROM recipient WHERE campaign_id = ?2",
};

static void
move_date (GHashTable *values,
           const char *column,
           int         years)
{
  GDate date;

  if (!llw_date_parse (g_hash_table_lookup (values, column), &date))
    return;
  g_date_add_years (&date, years);  /* 29/02 becomes 28/02 */
  g_hash_table_insert (values, g_strdup (column), llw_date_to_iso (&date));
}

/* Turns the earlier campaign's values into the new year's. */
static void
make_new_year (GHashTable *values,
               int         from_year,
               int         year)
{
  g_autofree char *from = g_strdup_printf ("%d", from_year);
  g_autofree char *to = g_strdup_printf ("%d", year);

  g_hash_table_insert (values, g_strdup ("year"), g_strdup (to));
  for (guint i = 0; i < llw_entity_campaign.n_fields; i++)
    if (llw_entity_campaign.fields[i].kind == LLW_FIELD_DATE)
      move_date (values, llw_entity_campaign.fields[i].column, year - from_year);

  for (guint i = 0; i < G_N_ELEMENTS (cleared); i++)
    g_hash_table_insert (values, g_strdup (cleared[i]), g_strdup (""));

  for (guint i = 0; i < G_N_ELEMENTS (renamed); i++)
    {
      const char *text = g_hash_table_lookup (values, renamed[i]);
      g_auto(GStrv) parts = g_strsplit (text ? text : "", from, -1);

      g_hash_table_insert (values, g_strdup (renamed[i]), g_strjoinv (to, parts));
    }
}

static gboolean
copy_records (LlwDatabase  *self,
              gint64        campaign_id,
              gint64        from_id,
              int           from_year,
              int           year,
              GError      **error)
{
  g_autofree char *from = g_strdup_printf ("%d", from_year);
  g_autofree char *to = g_strdup_printf ("%d", year);

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self, copies[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, campaign_id);
      sqlite3_bind_int64 (stmt, 2, from_id);
      sqlite3_bind_text (stmt, 3, from, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, to, -1, SQLITE_STATIC);
      if (!llw_database_step_done (self, stmt, error))
        return FALSE;
    }

  return llw_database_log (self, campaign_id, "campaign", campaign_id, "insert", NULL, NULL,
                           from, error);
}

/**
 * llw_database_copy_campaign:
 * @from: the campaign to start from
 * @year: the new campaign's year
 * @errors: (out) (optional): field → message when the new year is not valid
 *
 * Creates the Week of @year from @from, in one transaction: its dates move by the years
 * between them, and it takes the activity kinds, the indicator catalogue, the assignments
 * of the active units and the recipients; themes, activities and reports start empty.
 * Units are shared by all campaigns and are not copied. A backup of the data as it was is
 * kept first, until the user deletes it.
 *
 * Returns: (transfer full): the new campaign, or %NULL with @error set
 */
LlwCampaign *
llw_database_copy_campaign (LlwDatabase  *self,
                            LlwCampaign  *from,
                            int           year,
                            GHashTable  **errors,
                            GError      **error)
{
  g_autoptr(GHashTable) values = NULL;
  gint64 campaign_id = 0;
  gboolean ok;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (from), NULL);

  /* A new year starts from the old one: the data as it was is kept until the user deletes
   * it. Stopped on a worker thread once the backup is made, nothing is copied. */
  if (!llw_database_backup_before (self, LLW_BACKUP_BEFORE_CAMPAIGN_COPY, error) ||
      g_cancellable_set_error_if_cancelled (g_cancellable_get_current (), error) ||
      !llw_database_begin (self, error))
    return NULL;

  values = llw_database_load_values (self, &llw_entity_campaign, llw_campaign_get_id (from),
                                     error);
  ok = values != NULL;
  if (ok)
    {
      make_new_year (values, llw_campaign_get_year (from), year);
      campaign_id = llw_database_insert (self, &llw_entity_campaign, 0, values, errors, error);
      ok = campaign_id > 0 &&
           copy_records (self, campaign_id, llw_campaign_get_id (from),
                         llw_campaign_get_year (from), year, error);
    }

  if (!llw_database_end (self, ok, ok ? error : NULL))
    return NULL;

  llw_database_emit_changed (self, "campaign", campaign_id);
  return llw_database_get_campaign (self, year, error);
}
