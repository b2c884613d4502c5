/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "llw-database.h"
#include "llw-entity.h"
#include "llw-text.h"
#include "llw-test-fixture.h"
#include "llw-types.h"
#include "llw-unit.h"

typedef LlwTestFixture Fixture;

/* The whole database as text, to compare before and after. */
static char *
dump (Fixture *fixture)
{
  return llw_test_query (fixture,
                "SELECT group_concat (t, char (10)) FROM ("
                " SELECT 'u' || id || name || code || unit_group || position AS t FROM unit"
                " UNION ALL SELECT 'a' || id || unit_id || role || task FROM assignment"
                " UNION ALL SELECT 'r' || id || unit_id || received_date"
                "                  || coalesce (theme_id, '-')"
                "   FROM report"
                " UNION ALL SELECT 'v' || report_id || '/' || indicator_id || '=' || value"
                "   FROM report_value"
                " UNION ALL SELECT 'x' || id || title || coalesce (theme_id, '-') FROM activity"
                " UNION ALL SELECT 't' || id || title FROM theme"
                " ORDER BY 1)");
}

/* Each rule of the forms, with a value that breaks it and one that keeps it. */
typedef struct
{
  const char *name;
  const LlwEntity *entity;
  const char *column;
  const char *bad;
  const char *good;
} RuleCase;

static const RuleCase rule_cases[] = {
  { "unit-name-required", &llw_entity_unit, "name", "   ", "UBND xã Mới" },
  { "unit-name-unique-case", &llw_entity_unit, "name", "ubnd THÀNH PHỐ RẠCH GIÁ", "UBND xã Mới" },
  { "unit-name-unique-nfd", &llw_entity_unit, "name", "UBND thành phố Ra\xcc\xa3" "ch Gia\xcc\x81",
    "UBND xã Mới" },
  { "unit-name-unique-spaces", &llw_entity_unit, "name", " UBND  thành phố Rạch Giá ",
    "UBND xã Mới" },
  { "unit-code-unique", &llw_entity_unit, "code", "RGI", "XMOI" },
  { "unit-email", &llw_entity_unit, "email", "phong gd@kiengiang", "pgd@kiengiang.gov.vn" },
  { "unit-group-choice", &llw_entity_unit, "unit_group", "tinh", "provincial" },
  { "activity-date-format", &llw_entity_activity, "start_date", "2/10", "02/10/2021" },
  { "activity-date-real", &llw_entity_activity, "start_date", "31/02/2021", "01/10/2021" },
  { "activity-date-in-week", &llw_entity_activity, "start_date", "08/10/2021", "07/10/2021" },
  { "activity-date-before-week", &llw_entity_activity, "start_date", "30/09/2021",
    "1/10/2021" },
  { "activity-end-after-start", &llw_entity_activity, "end_date", "01/10/2021", "05/10/2021" },
  { "activity-participants-negative", &llw_entity_activity, "participants", "-5", "0" },
  { "activity-participants-text", &llw_entity_activity, "participants", "nhiều", "1.250" },
  { "activity-participants-fraction", &llw_entity_activity, "participants", "12,5", "125" },
  /* One rule for numbers: "." groups thousands, "," is the decimal mark. */
  { "activity-participants-dot-decimal", &llw_entity_activity, "participants", "12.5",
    "12.500" },
  { "activity-participants-comma-group", &llw_entity_activity, "participants", "1,250",
    "1.250.000" },
  { "activity-title-required", &llw_entity_activity, "title", "", "Hội thảo trực tuyến" },
  { "assignment-deadline-after-week", &llw_entity_assignment, "deadline", "07/10/2021",
    "08/10/2021" },
  { "indicator-code-unique", &llw_entity_indicator, "code", "A1", "H1" },
  { "campaign-deadline-after-week", &llw_entity_campaign, "unit_deadline", "05/10/2021",
    "25/10/2021" },
  { "campaign-year-range", &llw_entity_campaign, "year", "21", "2023" },
  { "unit-name-noncharacter", &llw_entity_unit, "name", "UBND xã Mới\xef\xbf\xbf",
    "UBND xã Mới" },
  { "unit-name-control", &llw_entity_unit, "name", "UBND \x1b[1mxã Mới", "UBND xã Mới" },
  { "activity-note-noncharacter", &llw_entity_activity, "note", "Ghi chú\n\xef\xb7\x90",
    "Ghi chú\nmới" },
};

/* A valid record of each kind, to which a case adds its one value. */
static GHashTable *
valid_record (Fixture         *fixture,
              const LlwEntity *entity)
{
  g_autofree char *unit = llw_test_query (fixture, "SELECT id FROM unit WHERE code = 'RGI'");

  if (entity == &llw_entity_unit)
    return llw_test_values ("name", "UBND xã Mới", "unit_group", "district", NULL);
  if (entity == &llw_entity_activity)
    return llw_test_values ("title", "Lễ phát động", "unit_id", unit, "start_date", "02/10/2021",
                   "form", "online", NULL);
  if (entity == &llw_entity_assignment)
    {
      g_autofree char *free_unit = NULL;

      free_unit = llw_test_query (fixture, "INSERT INTO unit (name, name_key, unit_group, "
                                  "position) VALUES ('Trường mới', 'trường mới', 'other', 99) "
                                  "RETURNING id");
      return llw_test_values ("unit_id", free_unit, "role", "implement", NULL);
    }
  if (entity == &llw_entity_indicator)
    return llw_test_values ("code", "H1", "group_title", "H. Khác", "label", "Số khác", NULL);
  return NULL;
}

static void
test_rule (Fixture      *fixture,
           gconstpointer data)
{
  const RuleCase *rule = data;
  g_autoptr(GHashTable) input = NULL;
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fixture);
  g_autofree char *after = NULL;
  gboolean is_campaign = rule->entity == &llw_entity_campaign;
  gint64 id;

  input = is_campaign ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free)
                      : valid_record (fixture, rule->entity);
  g_free (before);
  before = dump (fixture);

  g_hash_table_insert (input, g_strdup (rule->column), g_strdup (rule->bad));
  if (is_campaign)
    g_assert_false (llw_database_update (fixture->db, rule->entity, 0, fixture->campaign_id,
                                         input, &errors, &error));
  else
    g_assert_cmpint (llw_database_insert (fixture->db, rule->entity, fixture->campaign_id, input,
                                          &errors, &error), ==, 0);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID);
  g_assert_nonnull (errors);
  g_assert_true (g_hash_table_contains (errors, rule->column));
  if (g_hash_table_size (errors) != 1)
    {
      GHashTableIter iter;
      gpointer key, message;

      g_hash_table_iter_init (&iter, errors);
      while (g_hash_table_iter_next (&iter, &key, &message))
        g_test_message ("%s: %s", (char *) key, (char *) message);
    }
  g_assert_cmpuint (g_hash_table_size (errors), ==, 1);

  after = dump (fixture);
  g_assert_cmpstr (before, ==, after);

  g_clear_error (&error);
  g_clear_pointer (&errors, g_hash_table_unref);
  g_hash_table_insert (input, g_strdup (rule->column), g_strdup (rule->good));
  if (is_campaign)
    g_assert_true (llw_database_update (fixture->db, rule->entity, 0, fixture->campaign_id,
                                        input, &errors, &error));
  else
    {
      id = llw_database_insert (fixture->db, rule->entity, fixture->campaign_id, input, &errors,
                                &error);
      g_assert_cmpint (id, >, 0);
    }
  g_assert_no_error (error);
  g_assert_null (errors);
}

/* Text a document cannot hold is refused with where it is, and text longer than its field
 * holds with how long it is; the longest that fits is kept whole. */
static void
test_text_refused (Fixture      *fixture,
                   gconstpointer data)
{
  g_autofree char *unit = llw_test_query (fixture, "SELECT id FROM unit WHERE code = 'RGI'");
  g_autofree char *long_name = g_strnfill (LLW_TEXT_MAX_LINE + 1, 'x');
  g_autofree char *long_note = g_strnfill (LLW_TEXT_MAX_LONG + 1, 'y');
  g_autofree char *before = dump (fixture);
  g_autofree char *after = NULL;
  struct
  {
    const LlwEntity *entity;
    const char *column;
    const char *text;
    const char *message;
  } cases[] = {
    { &llw_entity_unit, "name", long_name, "At most 500 characters here; this text has 501." },
    { &llw_entity_activity, "note", "Dòng một\nDòng \xef\xbf\xbf hai",
      "Line 2, character 6: U+FFFF cannot be kept in a document; remove it." },
    { &llw_entity_activity, "note", long_note,
      "At most 30000 characters here; this text has 30001." },
    { &llw_entity_unit, "name", "Trường \x07", "Character 8: U+0007 cannot be kept in a "
      "document; remove it." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) input = valid_record (fixture, cases[i].entity);
      g_autoptr(GHashTable) errors = NULL;
      g_autoptr(GError) error = NULL;

      g_hash_table_insert (input, g_strdup (cases[i].column), g_strdup (cases[i].text));
      g_assert_cmpint (llw_database_insert (fixture->db, cases[i].entity, fixture->campaign_id,
                                            input, &errors, &error), ==, 0);
      g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID);
      g_assert_cmpstr (g_hash_table_lookup (errors, cases[i].column), ==, cases[i].message);
    }
  after = dump (fixture);
  g_assert_cmpstr (before, ==, after);

  /* The longest note that fits is kept whole. */
  long_note[LLW_TEXT_MAX_LONG] = '\0';
  {
    g_autoptr(GHashTable) input = llw_test_values ("title", "Lễ phát động", "unit_id", unit,
                                                   "start_date", "02/10/2021", "form", "online",
                                                   "note", long_note, NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *length = NULL;

    g_assert_cmpint (llw_database_insert (fixture->db, &llw_entity_activity,
                                          fixture->campaign_id, input, NULL, &error), >, 0);
    g_assert_no_error (error);
    length = llw_test_query (fixture, "SELECT max (length (note)) FROM activity");
    g_assert_cmpstr (length, ==, "30000");
  }
}

/* Text keeps what the user typed: long text its tabs and line breaks, any script. */
static void
test_text_kept (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GHashTable) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored_note = NULL;
  g_autofree char *stored_title = NULL;
  g_autofree char *unit = llw_test_query (fixture, "SELECT id FROM unit WHERE code = 'HTI'");
  g_autofree char *sql = NULL;
  gint64 id;

  /* About 23,000 characters: long, and within what a note holds. */
  for (int i = 0; i < 1000; i++)
    g_string_append (long_text, "Học tập suốt đời\t– 学习 – ");
  g_string_append (long_text, "\nDòng hai");

  input = llw_test_values ("title", "Lớp\thọc\nZoom", "unit_id", unit, "start_date", "2021-10-03",
                  "form", "mixed", "note", long_text->str, NULL);
  id = llw_database_insert (fixture->db, &llw_entity_activity, fixture->campaign_id, input,
                            NULL, &error);
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT note FROM activity WHERE id = %" G_GINT64_FORMAT, id);
  stored_note = llw_test_query (fixture, sql);
  g_assert_cmpstr (stored_note, ==, long_text->str);
  g_free (sql);
  sql = g_strdup_printf ("SELECT title FROM activity WHERE id = %" G_GINT64_FORMAT, id);
  stored_title = llw_test_query (fixture, sql);
  g_assert_cmpstr (stored_title, ==, "Lớp học Zoom");
}

static void
changed_cb (LlwDatabase *db,
            const char  *table,
            gint64       id,
            GPtrArray   *seen)
{
  g_ptr_array_add (seen, g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id));
}

/* Every change is in the history, in the same transaction, with old and new values. */
static void
test_history (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr(GHashTable) input = llw_test_values ("name", "UBND xã Thử", "unit_group", "other",
                                        "phone", "0297 123", NULL);
  g_autoptr(GHashTable) edit = llw_test_values ("phone", "0297 999", "name", "UBND xã Thử", NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDeletion) deletion = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *line = NULL;
  g_autofree char *count = NULL;
  gint64 id;

  g_signal_connect (fixture->db, "changed", G_CALLBACK (changed_cb), seen);
  id = llw_database_insert (fixture->db, &llw_entity_unit, 0, input, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (llw_database_update (fixture->db, &llw_entity_unit, 0, id, edit, NULL, &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT action || '|' || field || '|' || old_value || '|' || new_value "
                         "FROM history WHERE table_name = 'unit' AND record_id = %"
                         G_GINT64_FORMAT " AND action = 'update'", id);
  line = llw_test_query (fixture, sql);
  g_assert_cmpstr (line, ==, "update|phone|0297 123|0297 999");
  g_free (sql);

  /* Saving the same values again changes nothing and logs nothing. */
  g_assert_true (llw_database_update (fixture->db, &llw_entity_unit, 0, id, edit, NULL, &error));
  sql = g_strdup_printf ("SELECT count (*) FROM history WHERE table_name = 'unit' AND "
                         "record_id = %" G_GINT64_FORMAT, id);
  count = llw_test_query (fixture, sql);
  g_assert_cmpstr (count, ==, "5");  /* insert: name, group, phone, active; update: phone */

  deletion = llw_database_plan_deletion (fixture->db, "unit", fixture->campaign_id, id, &error);
  g_assert_no_error (error);
  g_assert_true (llw_database_delete (fixture->db, deletion, &error));
  g_free (line);
  g_free (sql);
  sql = g_strdup_printf ("SELECT old_value FROM history WHERE table_name = 'unit' AND "
                         "record_id = %" G_GINT64_FORMAT " AND action = 'delete' AND "
                         "field = 'name'", id);
  line = llw_test_query (fixture, sql);
  g_assert_cmpstr (line, ==, "UBND xã Thử");

  g_assert_cmpuint (seen->len, ==, 3);
}

/* A unit with a report and activities: the delete says what it takes, and the undo puts
 * every row back as it was. */
static void
test_cascade_and_undo (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDeletion) deletion = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *unit = llw_test_query (fixture, "SELECT id FROM unit WHERE code = 'KLU'");
  g_autofree char *described = NULL;

  llw_test_exec (fixture,
                 "INSERT INTO report (campaign_id, unit_id, received_date, theme_id) "
                 "SELECT 1, id, '2021-10-20', 2 FROM unit WHERE code = 'KLU';"
                 "INSERT INTO report_value (report_id, indicator_id, value) "
                 "SELECT r.id, i.id, i.position * 10 FROM report r, indicator i "
                 "WHERE i.position <= 3;"
                 "INSERT INTO activity (campaign_id, unit_id, title, start_date) "
                 "SELECT 1, id, 'Ngày hội đọc sách Kiên Lương', '2021-10-01' FROM unit "
                 "WHERE code = 'KLU';"
                 "");
  before = dump (fixture);

  deletion = llw_database_plan_deletion (fixture->db, "unit", fixture->campaign_id,
                                         g_ascii_strtoll (unit, NULL, 10), &error);
  g_assert_no_error (error);
  g_assert_true (llw_deletion_has_dependents (deletion));
  g_assert_cmpstr (llw_deletion_get_label (deletion), ==, "UBND huyện Kiên Lương");
  described = llw_deletion_describe_dependents (deletion);
  g_assert_cmpstr (described, ==,
                   "1 activity, 1 assignment, 1 report received on 20/10/2021, 3 figures");

  g_assert_true (llw_database_delete (fixture->db, deletion, &error));
  g_assert_no_error (error);
  after = dump (fixture);
  g_assert_cmpstr (after, !=, before);
  g_assert_null (strstr (after, "Kiên Lương"));
  g_assert_null (strstr (after, "Ngày hội đọc sách"));

  g_assert_true (llw_database_undo_deletion (fixture->db, deletion, &error));
  g_assert_no_error (error);
  restored = dump (fixture);
  g_assert_cmpstr (restored, ==, before);
}

/* Deleting a theme keeps the reports and activities that chose it, without the theme, and
 * the undo gives it back to them. */
static void
test_delete_theme_keeps_reports (Fixture      *fixture,
                                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDeletion) deletion = NULL;
  g_autofree char *before = NULL;
  g_autofree char *theme_after = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *described = NULL;

  llw_test_exec (fixture,
                 "INSERT INTO report (campaign_id, unit_id, received_date, theme_id) "
                 "SELECT 1, id, '2021-10-20', 3 FROM unit WHERE code IN ('RGI', 'HTI');"
                 "");
  before = dump (fixture);

  deletion = llw_database_plan_deletion (fixture->db, "theme", fixture->campaign_id, 3, &error);
  g_assert_no_error (error);
  described = llw_deletion_describe_dependents (deletion);
  g_assert_cmpstr (described, ==, "2 records lose their link to it");
  g_assert_true (llw_database_delete (fixture->db, deletion, &error));
  theme_after = llw_test_query (fixture, "SELECT count (*) FROM report WHERE theme_id IS NULL");
  g_assert_cmpstr (theme_after, ==, "2");

  g_assert_true (llw_database_undo_deletion (fixture->db, deletion, &error));
  restored = dump (fixture);
  g_assert_cmpstr (restored, ==, before);
}

/* An undo that would break a rule added since (the same name taken again) fails cleanly. */
static void
test_undo_conflict (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDeletion) deletion = NULL;
  g_autoptr(GHashTable) input = llw_test_values ("name", "UBND huyện Kiên Lương",
                                                 "unit_group", "district", NULL);
  g_autofree char *unit = llw_test_query (fixture, "SELECT id FROM unit WHERE code = 'KLU'");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  deletion = llw_database_plan_deletion (fixture->db, "unit", fixture->campaign_id,
                                         g_ascii_strtoll (unit, NULL, 10), &error);
  g_assert_true (llw_database_delete (fixture->db, deletion, &error));
  g_assert_cmpint (llw_database_insert (fixture->db, &llw_entity_unit, 0, input, NULL, &error),
                   >, 0);
  before = dump (fixture);

  g_assert_false (llw_database_undo_deletion (fixture->db, deletion, &error));
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID);
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* Next year's Week: dates move a year, the catalogue, kinds and assignments come along,
 * themes, activities and reports start empty, the units are the same. */
static void
test_copy_campaign (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwCampaign) next = NULL;
  g_autoptr(GListModel) themes = NULL;
  g_autoptr(GListModel) kinds = NULL;
  g_autoptr(GListModel) indicators = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GListModel) campaigns = NULL;
  g_autoptr(LlwUnit) first = NULL;
  g_autofree char *n_units = NULL;

  llw_test_exec (fixture, "INSERT INTO report (campaign_id, unit_id, received_date) "
                            "SELECT 1, id, '2021-10-20' FROM unit WHERE code = 'RGI'");
  next = llw_database_copy_campaign (fixture->db, fixture->campaign, 2022, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (llw_campaign_get_year (next), ==, 2022);
  g_assert_cmpstr (llw_campaign_get_title (next), ==,
                   "Tuần lễ hưởng ứng học tập suốt đời năm 2022");
  g_assert_cmpstr (llw_campaign_get_text (next, LLW_CAMPAIGN_START_DATE), ==, "2022-10-01");
  g_assert_cmpstr (llw_campaign_get_text (next, LLW_CAMPAIGN_UNIT_DEADLINE), ==, "2022-10-21");
  g_assert_cmpstr (llw_campaign_get_text (next, LLW_CAMPAIGN_MINISTRY_DEADLINE), ==,
                   "2022-10-30");
  g_assert_cmpstr (llw_campaign_get_text (next, LLW_CAMPAIGN_OFFICE_EMAIL), ==,
                   "phonggdtrh.sokiengiang@moet.edu.vn");
  g_assert_null (llw_campaign_get_text (next, LLW_CAMPAIGN_DIRECTIVE_DATE));

  themes = llw_database_list_themes (fixture->db, next, &error);
  kinds = llw_database_list_activity_kinds (fixture->db, next, &error);
  indicators = llw_database_list_indicators (fixture->db, next, &error);
  units = llw_database_list_units (fixture->db, next, &error);
  g_assert_cmpuint (g_list_model_get_n_items (themes), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, 22);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 43);
  first = g_list_model_get_item (units, 0);
  g_assert_true (llw_unit_get_assigned (first));
  g_assert_nonnull (strstr (llw_unit_get_task (first), "21/10/2022"));

  n_units = llw_test_query (fixture, "SELECT count (*) FROM unit");
  g_assert_cmpstr (n_units, ==, "43");
  campaigns = llw_database_list_campaigns (fixture->db, &error);
  g_assert_cmpuint (g_list_model_get_n_items (campaigns), ==, 2);

  /* The same year twice is refused, and leaves one 2022. */
  g_clear_object (&next);
  next = llw_database_copy_campaign (fixture->db, fixture->campaign, 2022, NULL, &error);
  g_assert_null (next);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID);
  g_clear_object (&campaigns);
  campaigns = llw_database_list_campaigns (fixture->db, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (campaigns), ==, 2);
}

/* A count is shown for editing as the user is asked to type it, "." between the thousands,
 * and what is shown reads back as the same number; a year keeps its four digits. */
static void
test_count_edit_text (void)
{
  const LlwField *participants = llw_entity_get_field (&llw_entity_activity, "participants");
  const LlwField *year = llw_entity_get_field (&llw_entity_campaign, "year");
  g_autofree char *shown = llw_field_to_edit_text (participants, "1250000");
  g_autofree char *small = llw_field_to_edit_text (participants, "125");
  g_autofree char *empty = llw_field_to_edit_text (participants, "");
  g_autofree char *year_shown = llw_field_to_edit_text (year, "2021");
  g_autofree char *read_back = NULL;

  g_assert_cmpstr (shown, ==, "1.250.000");
  g_assert_cmpstr (small, ==, "125");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (year_shown, ==, "2021");
  read_back = llw_field_parse (participants, shown, NULL);
  g_assert_cmpstr (read_back, ==, "1250000");
}

/* The texts the enums are stored as: databases already hold them, so they never change. */
static const struct
{
  GType (*get_type) (void);
  const char *stored;     /* the values in order; "-" for "none", stored as NULL */
} stored_cases[] = {
  { llw_unit_group_get_type, "district provincial other" },
  { llw_role_get_type, "- lead coordinate implement" },
  { llw_activity_form_get_type, "in_person online mixed" },
  { llw_channel_get_type, "- email post hand online" },
  { llw_review_state_get_type, "- received needs_revision accepted" },
  { llw_reminder_channel_get_type, "phone email letter in_person" },
};

static void
test_stored_texts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (stored_cases); i++)
    {
      GType type = stored_cases[i].get_type ();
      g_auto(GStrv) stored = g_strsplit (stored_cases[i].stored, " ", -1);
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);

      g_assert_cmpuint (klass->n_values, ==, g_strv_length (stored));
      for (int value = 0; stored[value] != NULL; value++)
        {
          const char *text = g_str_equal (stored[value], "-") ? NULL : stored[value];

          g_assert_cmpstr (llw_enum_to_string (type, value), ==, text);
          g_assert_cmpint (llw_enum_from_string (type, text), ==, value);
          g_assert_cmpint (llw_enum_is_choice (type, text), ==, text != NULL);
          if (text != NULL)
            g_assert_cmpstr (llw_enum_to_label (type, value), !=, "");
        }
      g_assert_cmpint (llw_enum_from_string (type, "unknown"), ==, 0);
    }
}

/* Returns: (transfer full): the texts the schema's CHECK allows in @column of @table, its
 *   quoted texts in order, whether it reads "x IN ('a', 'b')" or "x = 'a' OR x = 'b'". */
static char *
schema_choices (Fixture    *fixture,
                const char *table,
                const char *column)
{
  g_autofree char *query = g_strdup_printf ("SELECT sql FROM sqlite_schema WHERE name = '%s'",
                                            table);
  g_autofree char *sql = llw_test_query (fixture, query);
  g_autofree char *check = g_strdup_printf ("CHECK (%s ", column);
  const char *start = strstr (sql, check);
  g_autoptr(GString) choices = g_string_new (NULL);
  int depth = 1;

  g_assert_nonnull (start);
  for (const char *p = start + strlen ("CHECK ("); depth > 0 && *p != '\0'; p++)
    {
      if (*p == '(' || *p == ')')
        depth += *p == '(' ? 1 : -1;
      else if (*p == '\'')
        {
          const char *end = strchr (p + 1, '\'');

          g_string_append_printf (choices, "%s%.*s", choices->len > 0 ? " " : "",
                                  (int) (end - p - 1), p + 1);
          p = end;
        }
    }
  return g_string_free (g_steal_pointer (&choices), FALSE);
}

/* Every field of choices offers what the schema accepts, no more and no less. */
static void
test_choices_in_schema (Fixture      *fixture,
                        gconstpointer data)
{
  const LlwEntity *entities[] = {
    &llw_entity_unit, &llw_entity_assignment, &llw_entity_activity, &llw_entity_report,
    &llw_entity_reminder,
  };
  guint n_checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    for (guint j = 0; j < entities[i]->n_fields; j++)
      {
        const LlwField *field = &entities[i]->fields[j];
        g_auto(GStrv) choices = NULL;
        g_autofree char *offered = NULL;
        g_autofree char *allowed = NULL;

        if (field->kind != LLW_FIELD_CHOICE)
          continue;
        choices = llw_field_dup_choices (field);
        offered = g_strjoinv (" ", choices);
        allowed = schema_choices (fixture, entities[i]->table, field->column);
        g_test_message ("%s.%s", entities[i]->table, field->column);
        g_assert_cmpstr (offered, ==, allowed);
        n_checked++;
      }
  g_assert_cmpuint (n_checked, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/editing/rule/%s", rule_cases[i].name);

      g_test_add (name, Fixture, &rule_cases[i], llw_test_fixture_set_up, test_rule,
                  llw_test_fixture_tear_down);
    }

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, llw_test_fixture_set_up, func, llw_test_fixture_tear_down)
  g_test_add_func ("/editing/count-edit-text", test_count_edit_text);
  g_test_add_func ("/editing/stored-texts", test_stored_texts);
  ADD ("/editing/choices-in-schema", test_choices_in_schema);
  ADD ("/editing/text-kept", test_text_kept);
  ADD ("/editing/text-refused", test_text_refused);
  ADD ("/editing/history", test_history);
  ADD ("/editing/cascade-and-undo", test_cascade_and_undo);
  ADD ("/editing/delete-theme-keeps-reports", test_delete_theme_keeps_reports);
  ADD ("/editing/undo-conflict", test_undo_conflict);
  ADD ("/editing/copy-campaign", test_copy_campaign);
#undef ADD

  return g_test_run ();
}
