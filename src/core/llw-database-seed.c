/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "llw-core-resources.h"
#include "llw-database-private.h"
#include "llw-text.h"

/* The default campaign is data, not code: resources/default-campaign.ini, read here. */
#define DEFAULT_CAMPAIGN "/io/github/llweek/Llweek/core/default-campaign.ini"

/* Where each campaign field comes from in the data file. */
static const struct
{
  LlwCampaignField field;
  const char *group;
  const char *key;
} campaign_keys[] = {
  { LLW_CAMPAIGN_TITLE, "campaign", "title" },
  { LLW_CAMPAIGN_START_DATE, "campaign", "start-date" },
  { LLW_CAMPAIGN_END_DATE, "campaign", "end-date" },
  { LLW_CAMPAIGN_OPENING_DATE, "campaign", "opening-date" },
  { LLW_CAMPAIGN_UNIT_DEADLINE, "campaign", "unit-deadline" },
  { LLW_CAMPAIGN_MINISTRY_DEADLINE, "campaign", "ministry-deadline" },
  { LLW_CAMPAIGN_DIRECTIVE_NUMBER, "campaign", "directive-number" },
  { LLW_CAMPAIGN_DIRECTIVE_DATE, "campaign", "directive-date" },
  { LLW_CAMPAIGN_DIRECTIVE_ISSUER, "campaign", "directive-issuer" },
  { LLW_CAMPAIGN_DIRECTIVE_SUBJECT, "campaign", "directive-subject" },
  { LLW_CAMPAIGN_DIRECTIVE_SIGNER, "campaign", "directive-signer" },
  { LLW_CAMPAIGN_MINISTRY_LETTER_NUMBER, "campaign", "ministry-letter-number" },
  { LLW_CAMPAIGN_MINISTRY_LETTER_DATE, "campaign", "ministry-letter-date" },
  { LLW_CAMPAIGN_MINISTRY_LETTER_ISSUER, "campaign", "ministry-letter-issuer" },
  { LLW_CAMPAIGN_MINISTRY_LETTER_SUBJECT, "campaign", "ministry-letter-subject" },
  { LLW_CAMPAIGN_BASIS, "campaign", "basis" },
  { LLW_CAMPAIGN_PURPOSE, "campaign", "purpose" },
  { LLW_CAMPAIGN_OFFICE_NAME, "office", "name" },
  { LLW_CAMPAIGN_OFFICE_PARENT, "office", "parent" },
  { LLW_CAMPAIGN_OFFICE_ADDRESS, "office", "address" },
  { LLW_CAMPAIGN_OFFICE_PHONE, "office", "phone" },
  { LLW_CAMPAIGN_OFFICE_EMAIL, "office", "email" },
  { LLW_CAMPAIGN_REPORT_PARENT_BODY, "report", "parent-body" },
  { LLW_CAMPAIGN_REPORT_ISSUING_BODY, "report", "issuing-body" },
  { LLW_CAMPAIGN_REPORT_PLACE, "report", "place" },
  { LLW_CAMPAIGN_REPORT_NUMBER, "report", "number" },
  { LLW_CAMPAIGN_REPORT_SUBJECT, "report", "subject" },
  { LLW_CAMPAIGN_REPORT_SIGNER_AUTHORITY, "report", "signer-authority" },
  { LLW_CAMPAIGN_REPORT_SIGNER_TITLE, "report", "signer-title" },
  { LLW_CAMPAIGN_REPORT_SIGNER_NAME, "report", "signer-name" },
  { LLW_CAMPAIGN_REPORT_TO, "report", "to" },
  { LLW_CAMPAIGN_REPORT_CC, "report", "cc" },
  { LLW_CAMPAIGN_REPORT_ASSESSMENT, "report", "assessment" },
  { LLW_CAMPAIGN_REPORT_PROPOSALS, "report", "proposals" },
  { LLW_CAMPAIGN_REPORT_DATE, "report", "date" },
  { LLW_CAMPAIGN_REPORT_LIMITATIONS, "report", "limitations" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (campaign_keys) == LLW_CAMPAIGN_N_FIELDS);

typedef struct
{
  LlwDatabase *db;
  GKeyFile *data;
  gint64 campaign_id;
} Seed;

/* Returns: the value of an optional key, normalised, "" when absent. */
static char *
get_text (GKeyFile   *data,
          const char *group,
          const char *key)
{
  g_autofree char *value = g_key_file_get_string (data, group, key, NULL);

  return llw_text_normalize (value);
}

/* Returns: a ';'-list key as the database keeps lists, one item a line. */
static char *
get_lines (GKeyFile   *data,
           const char *group,
           const char *key)
{
  g_auto(GStrv) items = g_key_file_get_string_list (data, group, key, NULL, NULL);

  if (items == NULL)
    return g_strdup ("");
  for (guint i = 0; items[i]; i++)
    {
      char *normal = llw_text_normalize (items[i]);

      g_free (items[i]);
      items[i] = normal;
    }

  return g_strjoinv ("\n", items);
}

static gboolean
is_list_field (LlwCampaignField field)
{
  return field == LLW_CAMPAIGN_REPORT_TO || field == LLW_CAMPAIGN_REPORT_CC ||
         field == LLW_CAMPAIGN_BASIS;
}

static gboolean
insert_campaign (Seed    *seed,
                 GError **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO campaign (year");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int year = g_key_file_get_integer (seed->data, "campaign", "year", NULL);

  for (guint i = 0; i < LLW_CAMPAIGN_N_FIELDS; i++)
    g_string_append_printf (sql, ", %s", llw_campaign_field_column (i));
  g_string_append (sql, ") VALUES (?");
  for (guint i = 0; i < LLW_CAMPAIGN_N_FIELDS; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");

  stmt = llw_database_prepare (seed->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, year);
  for (guint i = 0; i < G_N_ELEMENTS (campaign_keys); i++)
    {
      LlwCampaignField field = campaign_keys[i].field;
      g_autofree char *value = is_list_field (field)
        ? get_lines (seed->data, campaign_keys[i].group, campaign_keys[i].key)
        : get_text (seed->data, campaign_keys[i].group, campaign_keys[i].key);

      if (g_str_has_suffix (campaign_keys[i].key, "date") && *value == '\0')
        sqlite3_bind_null (stmt, (int) field + 2);
      else
        llw_stmt_bind_text (stmt, (int) field + 2, value);
    }

  if (!llw_database_step_done (seed->db, stmt, error))
    return FALSE;

  seed->campaign_id = sqlite3_last_insert_rowid (seed->db->db);
  return TRUE;
}

static gboolean
insert_recipients (Seed    *seed,
                   GError **error)
{
  static const char *const kinds[] = { "to", "cc" };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int position = 0;

  stmt = llw_database_prepare (seed->db,
                               "INSERT INTO recipient (campaign_id, position, kind, name) "
                               "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_auto(GStrv) names = g_key_file_get_string_list (seed->data, "recipients", kinds[k],
                                                        NULL, NULL);

      for (guint i = 0; names != NULL && names[i]; i++)
        {
          g_autofree char *name = llw_text_normalize (names[i]);

          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, seed->campaign_id);
          sqlite3_bind_int (stmt, 2, ++position);
          sqlite3_bind_text (stmt, 3, kinds[k], -1, SQLITE_STATIC);
          llw_stmt_bind_text (stmt, 4, name);
          if (!llw_database_step_done (seed->db, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Themes and activity kinds: groups "theme N" and "activity-kind N", in file order. */
static gboolean
insert_titled (Seed       *seed,
               const char *prefix,
               const char *sql,
               GError    **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (seed->data, NULL);
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (seed->db, sql, error);
  int position = 0;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; groups[i]; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;

      if (!g_str_has_prefix (groups[i], prefix))
        continue;

      title = get_text (seed->data, groups[i], "title");
      description = get_text (seed->data, groups[i], "description");
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, seed->campaign_id);
      sqlite3_bind_int (stmt, 2, ++position);
      llw_stmt_bind_text (stmt, 3, title);
      if (sqlite3_bind_parameter_count (stmt) > 3)
        llw_stmt_bind_text (stmt, 4, description);
      if (!llw_database_step_done (seed->db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_indicators (Seed    *seed,
                   GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (seed->data, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int position = 0;

  stmt = llw_database_prepare (seed->db,
                               "INSERT INTO indicator (campaign_id, position, code, group_title, "
                               "label, measure, decimals, at_least, headline) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; groups[i]; i++)
    {
      const char *group = groups[i];
      g_autofree char *group_title = NULL;
      g_autofree char *label = NULL;
      g_autofree char *measure = NULL;
      g_autofree char *at_least = NULL;

      if (!g_str_has_prefix (group, "indicator "))
        continue;

      group_title = get_text (seed->data, group, "group");
      label = get_text (seed->data, group, "label");
      measure = get_text (seed->data, group, "measure");
      at_least = get_text (seed->data, group, "at-least");
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, seed->campaign_id);
      sqlite3_bind_int (stmt, 2, ++position);
      llw_stmt_bind_text (stmt, 3, group + strlen ("indicator "));
      llw_stmt_bind_text (stmt, 4, group_title);
      llw_stmt_bind_text (stmt, 5, label);
      llw_stmt_bind_text (stmt, 6, measure);
      sqlite3_bind_int (stmt, 7, g_key_file_get_integer (seed->data, group, "decimals", NULL));
      llw_stmt_bind_text (stmt, 8, at_least);
      sqlite3_bind_int (stmt, 9, g_key_file_get_boolean (seed->data, group, "headline", NULL));
      if (!llw_database_step_done (seed->db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Returns: the unit's own value for @key, or its group's when the unit has none. */
static char *
get_unit_text (GKeyFile   *data,
               const char *group,
               const char *unit_group,
               const char *key)
{
  g_autofree char *defaults = g_strconcat ("unit-group ", unit_group, NULL);

  if (g_key_file_has_key (data, group, key, NULL))
    return get_text (data, group, key);
  return get_text (data, defaults, key);
}

static gboolean
insert_unit (Seed         *seed,
             const char   *group,
             int           position,
             sqlite3_stmt *unit_stmt,
             sqlite3_stmt *assignment_stmt,
             GError      **error)
{
  static const char *const unit_keys[] = { "short-name", "contact-person", "phone", "email",
                                           "address" };
  g_autofree char *name = get_text (seed->data, group, "name");
  g_autofree char *name_key = llw_text_name_key (name);
  g_autofree char *unit_group = get_text (seed->data, group, "group");
  g_autofree char *role = get_unit_text (seed->data, group, unit_group, "role");
  g_autofree char *task = get_unit_text (seed->data, group, unit_group, "task");
  g_autoptr(GError) local_error = NULL;
  gboolean report_required;

  report_required = g_key_file_get_boolean (seed->data, group, "report-required", &local_error);
  if (local_error != NULL)
    report_required = TRUE;

  sqlite3_reset (unit_stmt);
  llw_stmt_bind_text (unit_stmt, 1, name);
  llw_stmt_bind_text (unit_stmt, 2, name_key);
  llw_stmt_bind_text (unit_stmt, 3, group + strlen ("unit "));
  llw_stmt_bind_text (unit_stmt, 4, unit_group);
  sqlite3_bind_int (unit_stmt, 5, position);
  for (guint k = 0; k < G_N_ELEMENTS (unit_keys); k++)
    {
      g_autofree char *value = get_text (seed->data, group, unit_keys[k]);

      llw_stmt_bind_text (unit_stmt, 6 + (int) k, value);
    }
  if (!llw_database_step_done (seed->db, unit_stmt, error))
    return FALSE;

  sqlite3_reset (assignment_stmt);
  sqlite3_bind_int64 (assignment_stmt, 1, seed->campaign_id);
  sqlite3_bind_int64 (assignment_stmt, 2, sqlite3_last_insert_rowid (seed->db->db));
  llw_stmt_bind_text (assignment_stmt, 3, role);
  llw_stmt_bind_text (assignment_stmt, 4, task);
  sqlite3_bind_int (assignment_stmt, 5, report_required);
  return llw_database_step_done (seed->db, assignment_stmt, error);
}

/* Units are shared by every campaign; each gets its assignment in the default campaign. */
static gboolean
insert_units (Seed    *seed,
              GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (seed->data, NULL);
  g_autoptr(sqlite3_stmt) unit_stmt = NULL;
  g_autoptr(sqlite3_stmt) assignment_stmt = NULL;
  int position = 0;

  unit_stmt = llw_database_prepare (seed->db,
                                    "INSERT INTO unit (name, name_key, code, unit_group, "
                                    "position, short_name, contact_person, phone, email, "
                                    "address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  assignment_stmt = llw_database_prepare (seed->db,
                                          "INSERT INTO assignment (campaign_id, unit_id, role, "
                                          "task, report_required) VALUES (?, ?, ?, ?, ?)",
                                          error);
  if (unit_stmt == NULL || assignment_stmt == NULL)
    return FALSE;

  for (guint i = 0; groups[i]; i++)
    if (g_str_has_prefix (groups[i], "unit ") &&
        !insert_unit (seed, groups[i], ++position, unit_stmt, assignment_stmt, error))
      return FALSE;

  return TRUE;
}

static gboolean
record_history (Seed    *seed,
                GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);

  stmt = llw_database_prepare (seed->db,
                               "INSERT INTO history (changed_at, campaign_id, table_name, "
                               "record_id, action, new_value) "
                               "VALUES (?1, ?2, 'campaign', ?2, 'insert', ?3)", error);
  if (stmt == NULL)
    return FALSE;

  llw_stmt_bind_text (stmt, 1, stamp);
  sqlite3_bind_int64 (stmt, 2, seed->campaign_id);
  sqlite3_bind_text (stmt, 3, "default data", -1, SQLITE_STATIC);
  return llw_database_step_done (seed->db, stmt, error);
}

/* Inserts the default campaign into a database that has just been created; the caller
 * holds the transaction. */
gboolean
llw_database_seed_default (LlwDatabase  *self,
                           GError      **error)
{
  g_autoptr(GKeyFile) data = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  Seed seed = { self, data, 0 };

  bytes = g_resource_lookup_data (llw_core_get_resource (), DEFAULT_CAMPAIGN,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL ||
      !g_key_file_load_from_bytes (data, bytes, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_SEED,
                   _("The default campaign data cannot be read: %s"), local_error->message);
      return FALSE;
    }

  return insert_campaign (&seed, error) &&
         insert_recipients (&seed, error) &&
         insert_titled (&seed, "theme ",
                        "INSERT INTO theme (campaign_id, position, title) VALUES (?, ?, ?)",
                        error) &&
         insert_titled (&seed, "activity-kind ",
                        "INSERT INTO activity_kind (campaign_id, position, title, description) "
                        "VALUES (?, ?, ?, ?)", error) &&
         insert_indicators (&seed, error) &&
         insert_units (&seed, error) &&
         record_history (&seed, error);
}
