/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "llw-database.h"
#include "llw-database-get.h"
#include "llw-database-history.h"
#include "llw-date.h"
#include "llw-import.h"
#include "llw-test-fixture.h"
#include "llw-unit.h"

/* Past years are history: the 2022 campaign's tabs change 2022 only, and a closed campaign
 * refuses every change until the office reopens it. */

typedef struct
{
  LlwTestFixture base;
  LlwCampaign *next;      /* 2022, copied from 2021 */
  gint64 next_id;
  char *dump_2021;        /* 2021 as it was reported */
} Fixture;

/* Every row that makes up campaign @year, column by column, and its history: what the
 * Ministry was told, and what the office did to it. The units it names are dumped without
 * their "active" flag, which says whether a unit is offered for new campaigns, not what it
 * was in that year. The history, which is last, may be left out. */
static char *
dump_campaign (Fixture  *fixture,
               int       year,
               gboolean  with_history)
{
  static const struct
  {
    const char *table;
    const char *where;
  } parts[] = {
    { "campaign", "id = ?1" },
    { "recipient", "campaign_id = ?1" },
    { "theme", "campaign_id = ?1" },
    { "activity_kind", "campaign_id = ?1" },
    { "indicator", "campaign_id = ?1" },
    { "assignment", "campaign_id = ?1" },
    { "activity", "campaign_id = ?1" },
    { "report", "campaign_id = ?1" },
    { "report_value", "report_id IN (SELECT id FROM report WHERE campaign_id = ?1)" },
    { "reminder", "campaign_id = ?1" },
    { "unit", "id IN (SELECT unit_id FROM assignment WHERE campaign_id = ?1 "
              "UNION SELECT unit_id FROM report WHERE campaign_id = ?1 "
              "UNION SELECT unit_id FROM activity WHERE campaign_id = ?1 "
              "UNION SELECT unit_id FROM reminder WHERE campaign_id = ?1)" },
    { "history", "campaign_id = ?1" },
  };
  GString *text = g_string_new (NULL);
  sqlite3 *raw = NULL;
  gint64 id = 0;

  g_assert_cmpint (sqlite3_open (fixture->base.path, &raw), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (raw, "SELECT id FROM campaign WHERE year = ?", -1, &stmt, NULL);
    sqlite3_bind_int (stmt, 1, year);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    id = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
  }

  for (guint p = 0; p < G_N_ELEMENTS (parts) - !with_history; p++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s ORDER BY 1, 2",
                                              parts[p].table, parts[p].where);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_int64 (stmt, 1, id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_string_append (text, parts[p].table);
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            if (!(g_str_equal (parts[p].table, "unit") &&
                  g_str_equal (sqlite3_column_name (stmt, c), "active")))
              g_string_append_printf (text, "|%s",
                                      sqlite3_column_type (stmt, c) == SQLITE_NULL
                                      ? "NULL" : (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (raw);
  return g_string_free (text, FALSE);
}

static char *
query (Fixture    *fixture,
       const char *sql)
{
  return llw_test_query (&fixture->base, sql);
}

static gint64
unit_id (Fixture    *fixture,
         const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM unit WHERE code = '%s'", code);
  g_autofree char *id = query (fixture, sql);

  g_assert_nonnull (id);
  return g_ascii_strtoll (id, NULL, 10);
}

static void
receive (Fixture     *fixture,
         LlwCampaign *campaign,
         const char  *code,
         const char  *received,
         const char  *a1)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) input = llw_test_values ("received_date", received, NULL);
  g_autoptr(GHashTable) figures = llw_test_values ("A1", a1, "A2", "5", NULL);

  g_assert_cmpint (llw_database_save_report (fixture->base.db, campaign,
                                             unit_id (fixture, code), input, figures, NULL,
                                             &error), >, 0);
  g_assert_no_error (error);
}

/* 2021 as reported: reports of Sở Y tế and Kiên Lương, an activity, a reminder; then 2022
 * made from it a year later, when 2021 is closed. */
static void
set_up (Fixture      *fixture,
        gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) activity = NULL;
  g_autoptr(GHashTable) reminder = NULL;
  g_autofree char *klu = NULL;
  g_autofree char *hti = NULL;

  g_setenv ("LLWEEK_TODAY", "2021-10-25", TRUE);
  llw_test_fixture_set_up (&fixture->base, data);
  receive (fixture, fixture->base.campaign, "SYT", "20/10/2021", "3");
  receive (fixture, fixture->base.campaign, "KLU", "22/10/2021", "7");

  klu = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id (fixture, "KLU"));
  hti = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id (fixture, "HTI"));
  activity = llw_test_values ("title", "Ngày hội đọc sách", "unit_id", klu,
                              "start_date", "02/10/2021", "theme_id", "1", NULL);
  reminder = llw_test_values ("unit_id", hti, "reminded_on", "24/10/2021", NULL);
  g_assert_cmpint (llw_database_insert (fixture->base.db, &llw_entity_activity,
                                        fixture->base.campaign_id, activity, NULL, &error), >, 0);
  g_assert_cmpint (llw_database_insert (fixture->base.db, &llw_entity_reminder,
                                        fixture->base.campaign_id, reminder, NULL, &error), >, 0);
  g_assert_no_error (error);

  g_setenv ("LLWEEK_TODAY", "2022-09-15", TRUE);
  fixture->next = llw_database_copy_campaign (fixture->base.db, fixture->base.campaign, 2022,
                                              NULL, &error);
  g_assert_no_error (error);
  fixture->next_id = llw_campaign_get_id (fixture->next);
  g_setenv ("LLWEEK_TODAY", "2022-10-25", TRUE);
  fixture->dump_2021 = dump_campaign (fixture, 2021, TRUE);
}

static void
tear_down (Fixture      *fixture,
           gconstpointer data)
{
  g_clear_object (&fixture->next);
  g_free (fixture->dump_2021);
  llw_test_fixture_tear_down (&fixture->base, data);
  g_setenv ("LLWEEK_TODAY", "2021-10-25", TRUE);
}

static void
assert_2021_unchanged (Fixture *fixture)
{
  g_autofree char *now = dump_campaign (fixture, 2021, TRUE);

  g_assert_cmpstr (now, ==, fixture->dump_2021);
}

static gboolean
is_assigned (Fixture    *fixture,
             LlwCampaign *campaign,
             const char *code)
{
  return llw_database_find_assignment (fixture->base.db, campaign, unit_id (fixture, code),
                                       NULL) > 0;
}

static void
remove_unit (Fixture    *fixture,
             gint64      unit,
             gboolean    takes_unit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDeletion) deletion = NULL;

  deletion = llw_database_plan_deletion (fixture->base.db, "unit", fixture->next_id, unit,
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpint (llw_deletion_takes_record (deletion), ==, takes_unit);
  g_assert_true (llw_database_delete (fixture->base.db, deletion, &error));
  g_assert_no_error (error);
}

/* Removing Sở Y tế from 2022 takes its 2022 assignment, report and figures, named in the
 * question, and nothing of 2021; undone, it is all back. */
static void
test_remove_unit (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDeletion) deletion = NULL;
  g_autofree char *described = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *n_reports = NULL;
  g_autofree char *before = NULL;
  g_autofree char *restored = NULL;
  gint64 syt = unit_id (fixture, "SYT");

  receive (fixture, fixture->next, "SYT", "22/10/2022", "4");
  before = dump_campaign (fixture, 2022, FALSE);

  deletion = llw_database_plan_deletion (fixture->base.db, "unit", fixture->next_id, syt,
                                         &error);
  g_assert_no_error (error);
  g_assert_false (llw_deletion_takes_record (deletion));
  g_assert_true (llw_deletion_has_dependents (deletion));
  g_assert_cmpstr (llw_deletion_get_label (deletion), ==, "Sở Y tế");
  described = llw_deletion_describe_dependents (deletion);
  g_assert_cmpstr (described, ==, "1 assignment, 1 report received on 22/10/2022, 2 figures");
  kept = llw_deletion_describe_kept (deletion);
  g_assert_cmpstr (kept, ==, "2021");

  g_assert_true (llw_database_delete (fixture->base.db, deletion, &error));
  g_assert_no_error (error);
  assert_2021_unchanged (fixture);
  g_assert_false (is_assigned (fixture, fixture->next, "SYT"));
  g_assert_true (is_assigned (fixture, fixture->base.campaign, "SYT"));
  n_reports = query (fixture, "SELECT count (*) FROM report r JOIN unit u ON u.id = r.unit_id "
                              "WHERE u.code = 'SYT'");
  g_assert_cmpstr (n_reports, ==, "1");

  g_assert_true (llw_database_undo_deletion (fixture->base.db, deletion, &error));
  g_assert_no_error (error);
  restored = dump_campaign (fixture, 2022, FALSE);
  g_assert_cmpstr (restored, ==, before);
  assert_2021_unchanged (fixture);
}

/* Only the assignment goes: no question needed. Nothing in 2022 at all: nothing to
 * remove, and the message says how to retire the unit instead. */
static void
test_remove_assignment_only (Fixture      *fixture,
                             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDeletion) deletion = NULL;
  g_autoptr(LlwDeletion) again = NULL;
  g_autofree char *described = NULL;
  gint64 klu = unit_id (fixture, "KLU");

  deletion = llw_database_plan_deletion (fixture->base.db, "unit", fixture->next_id, klu,
                                         &error);
  g_assert_no_error (error);
  g_assert_false (llw_deletion_has_dependents (deletion));
  described = llw_deletion_describe_dependents (deletion);
  g_assert_cmpstr (described, ==, "1 assignment");
  g_assert_true (llw_database_delete (fixture->base.db, deletion, &error));

  again = llw_database_plan_deletion (fixture->base.db, "unit", fixture->next_id, klu, &error);
  g_assert_null (again);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“Active”"));
  assert_2021_unchanged (fixture);
}

/* Deleting, retiring and re-adding units and themes in 2022, the way the office does in
 * its second year, leaves 2021 as it was reported. */
static void
test_2022_work_leaves_2021 (Fixture      *fixture,
                            gconstpointer data)
{
  LlwDatabase *db = fixture->base.db;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) new_unit = llw_test_values ("name", "Trung tâm học tập cộng đồng mới",
                                                    "unit_group", "other", NULL);
  g_autoptr(GHashTable) retire = llw_test_values ("active", "0", NULL);
  g_autoptr(GHashTable) theme = llw_test_values ("title", "Học tập để thích ứng", NULL);
  g_autoptr(GHashTable) assign = NULL;
  g_autoptr(GHashTable) stray = NULL;
  g_autoptr(GHashTable) link = NULL;
  g_autoptr(LlwDeletion) theme_deletion = NULL;
  g_autoptr(LlwCampaign) later = NULL;
  g_autofree char *syt = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id (fixture, "SYT"));
  g_autofree char *theme_id = NULL;
  gint64 unit, theme_2022;

  /* Sở Y tế leaves 2022 and comes back. */
  receive (fixture, fixture->next, "SYT", "22/10/2022", "4");
  remove_unit (fixture, unit_id (fixture, "SYT"), FALSE);
  assert_2021_unchanged (fixture);
  assign = llw_test_values ("unit_id", syt, "role", "coordinate", NULL);
  g_assert_cmpint (llw_database_insert (db, &llw_entity_assignment, fixture->next_id, assign,
                                        NULL, &error), >, 0);
  g_assert_no_error (error);

  /* Kiên Lương is retired: it stays in 2021, and 2023 no longer gets it. */
  g_assert_true (llw_database_update (db, &llw_entity_unit, 0, unit_id (fixture, "KLU"), retire,
                                      NULL, &error));
  g_assert_no_error (error);
  later = llw_database_copy_campaign (db, fixture->next, 2023, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (is_assigned (fixture, later, "KLU"));
  g_assert_true (is_assigned (fixture, later, "SYT"));

  /* A unit new in 2022, removed from it: it was in no other campaign, so it goes. */
  unit = llw_database_insert (db, &llw_entity_unit, 0, new_unit, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&assign, g_hash_table_unref);
  assign = llw_test_values ("unit_id", "", NULL);
  g_hash_table_insert (assign, g_strdup ("unit_id"), g_strdup_printf ("%" G_GINT64_FORMAT, unit));
  g_assert_cmpint (llw_database_insert (db, &llw_entity_assignment, fixture->next_id, assign,
                                        NULL, &error), >, 0);
  {
    /* Unticking its assignment in the unit's form takes it out of 2022 and leaves it. */
    g_autoptr(LlwDeletion) unassign = NULL;
    gint64 assignment = llw_database_find_assignment (db, fixture->next, unit, &error);

    unassign = llw_database_plan_deletion (db, "assignment", fixture->next_id, assignment,
                                           &error);
    g_assert_no_error (error);
    g_assert_false (llw_deletion_takes_record (unassign));
    g_assert_true (llw_database_delete (db, unassign, &error));
    g_assert_nonnull (query (fixture, "SELECT id FROM unit WHERE name LIKE 'Trung tâm học tập%'"));
    g_assert_true (llw_database_undo_deletion (db, unassign, &error));
  }
  remove_unit (fixture, unit, TRUE);
  g_assert_null (query (fixture, "SELECT id FROM unit WHERE name LIKE 'Trung tâm học tập%'"));

  /* Themes of 2022 come and go; a record of 2022 cannot point at a theme of 2021. */
  theme_2022 = llw_database_insert (db, &llw_entity_theme, fixture->next_id, theme, NULL,
                                    &error);
  g_assert_no_error (error);
  theme_id = g_strdup_printf ("%" G_GINT64_FORMAT, theme_2022);
  link = llw_test_values ("title", "Hội thi", "unit_id", syt, "start_date", "03/10/2022",
                          "theme_id", theme_id, NULL);
  g_assert_cmpint (llw_database_insert (db, &llw_entity_activity, fixture->next_id, link, NULL,
                                        &error), >, 0);
  stray = llw_test_values ("title", "Hội thi", "unit_id", syt, "start_date", "03/10/2022",
                           "theme_id", "1", NULL);
  g_assert_cmpint (llw_database_insert (db, &llw_entity_activity, fixture->next_id, stray, NULL,
                                        &error), ==, 0);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  theme_deletion = llw_database_plan_deletion (db, "theme", fixture->next_id, theme_2022, &error);
  g_assert_no_error (error);
  g_assert_true (llw_database_delete (db, theme_deletion, &error));
  g_assert_cmpint (llw_database_insert (db, &llw_entity_theme, fixture->next_id, theme, NULL,
                                        &error), >, 0);
  g_assert_no_error (error);

  /* A theme of 2021 cannot be deleted from 2022's tab. */
  g_clear_object (&theme_deletion);
  theme_deletion = llw_database_plan_deletion (db, "theme", fixture->next_id, 1, &error);
  g_assert_null (theme_deletion);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID);

  assert_2021_unchanged (fixture);
}

/* Deleting a unit from every campaign names every campaign; it is refused while a closed
 * campaign holds its report, and allowed once that campaign is reopened. */
static void
test_delete_everywhere (Fixture      *fixture,
                        gconstpointer data)
{
  LlwDatabase *db = fixture->base.db;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDeletion) deletion = NULL;
  g_autofree char *described = NULL;
  g_autofree char *before = NULL;
  g_autofree char *restored = NULL;
  gint64 syt = unit_id (fixture, "SYT");

  deletion = llw_database_plan_deletion_everywhere (db, "unit", syt, &error);
  g_assert_null (deletion);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_CLOSED);
  g_assert_nonnull (strstr (error->message, "2021: 1 assignment, 1 report received on "
                                            "20/10/2021, 2 figures"));
  g_assert_nonnull (strstr (error->message, "Retire it instead"));
  g_clear_error (&error);

  /* A unit of 2021 that sent nothing is still part of what 2021 reported. */
  deletion = llw_database_plan_deletion_everywhere (db, "unit", unit_id (fixture, "RGI"),
                                                    &error);
  g_assert_null (deletion);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_CLOSED);
  g_clear_error (&error);
  assert_2021_unchanged (fixture);

  g_assert_true (llw_database_reopen_campaign (db, fixture->base.campaign, TRUE, &error));
  g_assert_no_error (error);
  before = query (fixture, "SELECT count (*) || '/' || sum (length (name)) FROM unit");
  deletion = llw_database_plan_deletion_everywhere (db, "unit", syt, &error);
  g_assert_no_error (error);
  g_assert_true (llw_deletion_takes_record (deletion));
  described = llw_deletion_describe_dependents (deletion);
  g_assert_cmpstr (described, ==, "2021: 1 assignment, 1 report received on 20/10/2021, "
                                  "2 figures; 2022: 1 assignment");
  g_assert_true (llw_database_delete (db, deletion, &error));
  g_assert_null (query (fixture, "SELECT id FROM unit WHERE code = 'SYT'"));

  g_assert_true (llw_database_undo_deletion (db, deletion, &error));
  g_assert_no_error (error);
  restored = query (fixture, "SELECT count (*) || '/' || sum (length (name)) FROM unit");
  g_assert_cmpstr (restored, ==, before);
  g_assert_true (llw_database_reopen_campaign (db, fixture->base.campaign, FALSE, &error));
}

static void
assert_closed (GError **error)
{
  g_assert_error (*error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_CLOSED);
  g_clear_error (error);
}

/* Every way to change 2021 once it is closed, each refused with a message that says how to
 * reopen it, and the file left as it was. */
static void
test_closed_refuses (Fixture      *fixture,
                     gconstpointer data)
{
  LlwDatabase *db = fixture->base.db;
  LlwCampaign *old = fixture->base.campaign;
  gint64 old_id = fixture->base.campaign_id;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) theme = llw_test_values ("title", "Chủ đề thêm sau", NULL);
  g_autoptr(GHashTable) settings = llw_test_values ("report_number", "99/BC-SGDĐT", NULL);
  g_autoptr(GHashTable) report = llw_test_values ("received_date", "21/10/2021", NULL);
  g_autoptr(GHashTable) figures = llw_test_values ("A1", "999", NULL);
  g_autoptr(LlwImport) import = llw_import_new (db, old);
  g_autoptr(GDateTime) now = NULL;
  const char *csv = "unit,received_date,A1\nSYT,20/10/2021,999\n";
  GDate today;

  llw_date_today (&today);
  g_assert_true (llw_campaign_is_closed (old, &today));
  g_assert_false (llw_campaign_is_closed (fixture->next, &today));

  g_assert_cmpint (llw_database_insert (db, &llw_entity_theme, old_id, theme, NULL, &error), ==,
                   0);
  assert_closed (&error);
  g_assert_false (llw_database_update (db, &llw_entity_theme, old_id, 1, theme, NULL, &error));
  assert_closed (&error);
  g_assert_false (llw_database_update (db, &llw_entity_campaign, 0, old_id, settings, NULL,
                                       &error));
  assert_closed (&error);
  g_assert_cmpint (llw_database_save_report (db, old, unit_id (fixture, "SYT"), report, figures,
                                             NULL, &error), ==, 0);
  assert_closed (&error);
  g_assert_null (llw_database_plan_deletion (db, "theme", old_id, 1, &error));
  assert_closed (&error);
  g_assert_null (llw_database_plan_deletion (db, "unit", old_id, unit_id (fixture, "SYT"),
                                             &error));
  g_assert_nonnull (strstr (error->message, "reopen the campaign"));
  assert_closed (&error);
  g_assert_true (llw_import_read (import, csv, strlen (csv), &error));
  g_assert_false (llw_import_apply (import, FALSE, &error));
  assert_closed (&error);
  assert_2021_unchanged (fixture);
}

/* Reopening asks nothing of core but is written in the history; closing again refuses
 * edits again. The deadline day itself is still open. */
static void
test_reopen (Fixture      *fixture,
             gconstpointer data)
{
  LlwDatabase *db = fixture->base.db;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) theme = llw_test_values ("title", "Chủ đề thêm sau", NULL);
  g_autoptr(GListModel) history = NULL;
  g_autoptr(LlwHistoryEntry) latest = NULL;
  g_autoptr(LlwCampaign) reread = NULL;
  g_autofree char *line = NULL;
  g_autofree char *description = NULL;
  gint64 id;

  g_assert_true (llw_database_reopen_campaign (db, fixture->base.campaign, TRUE, &error));
  g_assert_no_error (error);
  reread = llw_database_get_campaign (db, 2021, &error);
  g_assert_true (llw_campaign_get_reopened (reread));
  line = query (fixture, "SELECT campaign_id || '|' || field || '|' || old_value || '|' || "
                         "new_value FROM history ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (line, ==, "1|reopened|0|1");
  history = llw_database_list_campaign_history (db, fixture->base.campaign_id, 10, &error);
  g_assert_no_error (error);
  latest = g_list_model_get_item (history, 0);
  description = llw_history_entry_describe (latest);
  g_assert_cmpstr (description, ==, "Reopened for editing after its Ministry deadline");

  id = llw_database_insert (db, &llw_entity_theme, fixture->base.campaign_id, theme, NULL,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  g_assert_true (llw_database_reopen_campaign (db, reread, FALSE, &error));
  g_assert_cmpint (llw_database_insert (db, &llw_entity_theme, fixture->base.campaign_id, theme,
                                        NULL, &error), ==, 0);
  assert_closed (&error);

  /* 30/10/2021 is 2021's Ministry deadline: open that day, closed the next. */
  g_setenv ("LLWEEK_TODAY", "2021-10-30", TRUE);
  g_assert_cmpint (llw_database_insert (db, &llw_entity_theme, fixture->base.campaign_id, theme,
                                        NULL, &error), >, 0);
  g_assert_no_error (error);
  g_setenv ("LLWEEK_TODAY", "2021-10-31", TRUE);
  g_assert_cmpint (llw_database_insert (db, &llw_entity_theme, fixture->base.campaign_id, theme,
                                        NULL, &error), ==, 0);
  assert_closed (&error);
}

/* A delete in 2022 cannot be undone once 2022 has closed in its turn. */
static void
test_undo_after_closing (Fixture      *fixture,
                         gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDeletion) deletion = NULL;

  deletion = llw_database_plan_deletion (fixture->base.db, "unit", fixture->next_id,
                                         unit_id (fixture, "KLU"), &error);
  g_assert_true (llw_database_delete (fixture->base.db, deletion, &error));
  g_setenv ("LLWEEK_TODAY", "2022-11-01", TRUE);
  g_assert_false (llw_database_undo_deletion (fixture->base.db, deletion, &error));
  assert_closed (&error);
  g_assert_false (is_assigned (fixture, fixture->next, "KLU"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/campaigns/remove-unit", test_remove_unit);
  ADD ("/campaigns/remove-assignment-only", test_remove_assignment_only);
  ADD ("/campaigns/2022-work-leaves-2021", test_2022_work_leaves_2021);
  ADD ("/campaigns/delete-everywhere", test_delete_everywhere);
  ADD ("/campaigns/closed-refuses", test_closed_refuses);
  ADD ("/campaigns/reopen", test_reopen);
  ADD ("/campaigns/undo-after-closing", test_undo_after_closing);
#undef ADD

  return g_test_run ();
}
