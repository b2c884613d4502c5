/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-test-fixture.h"

#include <glib/gstdio.h>

#include "llw-database-history.h"

/* The history as the user reads it: one line a change, in plain words. */

typedef LlwTestFixture Fixture;

static gint64
insert (Fixture         *fixture,
        const LlwEntity *entity,
        GHashTable      *input)
{
  g_autoptr(GError) error = NULL;
  gint64 id = llw_database_insert (fixture->db, entity, fixture->campaign_id, input, NULL,
                                   &error);

  g_assert_no_error (error);
  g_hash_table_unref (input);
  return id;
}

static void
update (Fixture         *fixture,
        const LlwEntity *entity,
        gint64           id,
        GHashTable      *input)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (llw_database_update (fixture->db, entity, fixture->campaign_id, id, input, NULL,
                                      &error));
  g_assert_no_error (error);
  g_hash_table_unref (input);
}

/* The descriptions of the record's history, newest first, one a line. */
static char *
describe_history (Fixture    *fixture,
                  const char *table,
                  gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = llw_database_list_history (fixture->db, table, id, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(LlwHistoryEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *line = llw_history_entry_describe (entry);

      g_string_append_printf (text, "%s%s", i ? "\n" : "", line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* An insert is one line however many fields it filled; each changed field is one line. */
static void
test_unit (Fixture      *fixture,
           gconstpointer data)
{
  g_autofree char *text = NULL;
  gint64 id;

  id = insert (fixture, &llw_entity_unit,
               llw_test_values ("name", "UBND xã Thử", "unit_group", "other", "phone", "0297 123",
                                NULL));
  update (fixture, &llw_entity_unit, id, llw_test_values ("phone", "0297 999", NULL));
  update (fixture, &llw_entity_unit, id, llw_test_values ("code", "XT", "unit_group", "district",
                                                 "active", "0", NULL));
  update (fixture, &llw_entity_unit, id, llw_test_values ("code", "", NULL));

  text = describe_history (fixture, "unit", id);
  g_assert_cmpstr (text, ==,
                   "Emptied Code, which was “XT”\n"
                   "Changed Active from “Yes” to “No”\n"
                   "Changed Group from “Other” to “District level”\n"
                   "Set Code to “XT”\n"
                   "Changed Phone from “0297 123” to “0297 999”\n"
                   "Added");
}

/* Dates read dd/mm/yyyy, references by the name of what they point to, long text on one
 * shortened line. */
static void
test_activity (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(GString) note = g_string_new ("Dòng một\tcột\n");
  g_autofree char *text = NULL;
  g_autofree char *expected_note = NULL;
  gint64 id;

  for (int i = 0; i < 20; i++)
    g_string_append (note, "học tập ");
  id = insert (fixture, &llw_entity_activity,
               llw_test_values ("title", "Ngày hội", "unit_id", "1", "start_date", "02/10/2021",
                                NULL));
  update (fixture, &llw_entity_activity, id,
          llw_test_values ("start_date", "3/10/2021", "unit_id", "2", NULL));
  update (fixture, &llw_entity_activity, id, llw_test_values ("note", note->str, NULL));

  text = describe_history (fixture, "activity", id);
  g_assert_true (g_str_has_prefix (text, "Set Note to “Dòng một cột học tập học tập"));
  g_assert_nonnull (strstr (text, "…”\n"));
  g_assert_nonnull (strstr (text, "\nChanged From from “02/10/2021” to “03/10/2021”\n"));
  g_assert_nonnull (strstr (text, "\nChanged Unit from “UBND thành phố Rạch Giá” to "
                                  "“UBND thành phố Hà Tiên”\n"));
  g_assert_true (g_str_has_suffix (text, "\nAdded"));
}

/* A delete is one line too; the campaign's history names each record, a deleted one by
 * the name it had. */
static void
test_campaign (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDeletion) deletion = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GListModel) few = NULL;
  g_autoptr(LlwHistoryEntry) newest = NULL;
  g_autoptr(LlwHistoryEntry) oldest = NULL;
  g_autofree char *record = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  id = insert (fixture, &llw_entity_theme, llw_test_values ("title", "Đọc sách\ncùng con", NULL));
  update (fixture, &llw_entity_theme, id, llw_test_values ("suggested", "0", NULL));
  deletion = llw_database_plan_deletion (fixture->db, "theme", fixture->campaign_id, id, &error);
  g_assert_true (llw_database_delete (fixture->db, deletion, &error));
  g_assert_no_error (error);

  text = describe_history (fixture, "theme", id);
  g_assert_cmpstr (text, ==, "Deleted\nChanged Suggested by the Province from “Yes” to “No”\n"
                             "Added");

  entries = llw_database_list_campaign_history (fixture->db, fixture->campaign_id, 0, &error);
  g_assert_no_error (error);
  /* The first line is the default data's. */
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 4);
  newest = g_list_model_get_item (entries, 0);
  oldest = g_list_model_get_item (entries, 2);
  g_assert_cmpstr (llw_history_entry_get_action (newest), ==, "delete");
  g_assert_cmpstr (llw_history_entry_get_action (oldest), ==, "insert");
  record = llw_history_entry_describe_record (newest);
  g_assert_cmpstr (record, ==, "Theme “Đọc sách cùng con”");

  time = llw_history_entry_format_time (newest);
  g_assert_true (g_regex_match_simple ("^[0-3][0-9]/[01][0-9]/20[0-9][0-9] [0-2][0-9]:[0-5][0-9]$",
                                       time, 0, 0));

  /* At most the newest lines asked for are read. */
  few = llw_database_list_campaign_history (fixture->db, fixture->campaign_id, 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (few), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, llw_test_fixture_set_up, func, llw_test_fixture_tear_down)
  ADD ("/history/unit", test_unit);
  ADD ("/history/activity", test_activity);
  ADD ("/history/campaign", test_campaign);
#undef ADD

  return g_test_run ();
}
