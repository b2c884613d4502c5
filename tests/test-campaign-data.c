/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-campaign-data.h"
#include "llw-database-get.h"
#include "llw-deletion.h"
#include "llw-entity.h"
#include "llw-report-status.h"
#include "llw-unit.h"

#include "llw-test-fixture.h"

/* The tabs' lists follow the database: a change to one record replaces its row, changes are
 * taken together once the main loop is idle, and the lists end as a fresh read gives them. */

typedef struct
{
  LlwTestFixture base;
  LlwCampaignData *data;
  GDate today;
} Fixture;

/* What a list's views were told: every items-changed, as "position-removed+added". */
typedef struct
{
  GListModel *list;
  GString *splices;
} Watch;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  llw_test_fixture_set_up (&fixture->base, data);
  fixture->data = llw_campaign_data_new (fixture->base.db, fixture->base.campaign);
  fixture->today = *llw_campaign_data_get_today (fixture->data);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->data);
  llw_test_fixture_tear_down (&fixture->base, data);
}

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *splices)
{
  g_string_append_printf (splices, "%u-%u+%u ", position, removed, added);
}

static Watch *
watch (GListModel *list)
{
  Watch *watch = g_new0 (Watch, 1);

  g_assert_nonnull (list);
  watch->list = g_object_ref (list);
  watch->splices = g_string_new (NULL);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), watch->splices);
  return watch;
}

static void
watch_free (Watch *watch)
{
  g_signal_handlers_disconnect_by_data (watch->list, watch->splices);
  g_object_unref (watch->list);
  g_string_free (watch->splices, TRUE);
  g_free (watch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Watch, watch_free)

/* Runs the main loop until it is idle, as the window does between events. */
static void
run_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
unit_id (Fixture    *fixture,
         const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM unit WHERE code = '%s'", code);
  g_autofree char *id = llw_test_query (&fixture->base, sql);

  g_assert_nonnull (id);
  return g_ascii_strtoll (id, NULL, 10);
}

/* Returns: where the row of @id is in @list, whose items have an "id" or "unit-id". */
static guint
position_of (GListModel *list,
             const char *property,
             gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      gint64 item_id = 0;

      g_object_get (item, property, &item_id, NULL);
      if (item_id == id)
        return i;
    }
  g_assert_not_reached ();
}

/* Saves @column = @text in the record, as the record dialog does: every field, one changed. */
static void
edit (Fixture         *fixture,
      const LlwEntity *entity,
      gint64           id,
      const char      *column,
      const char      *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = llw_database_load_values (fixture->base.db, entity, id, &error);
  g_autoptr(GHashTable) input = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (llw_entity_get_field (entity, key) != NULL && value != NULL)
      g_hash_table_insert (input, g_strdup (key),
                           llw_field_to_edit_text (llw_entity_get_field (entity, key), value));
  g_hash_table_insert (input, g_strdup (column), g_strdup (text));
  g_assert_true (llw_database_update (fixture->base.db, entity,
                                      entity->per_campaign ? fixture->base.campaign_id : 0, id,
                                      input, NULL, &error));
  g_assert_no_error (error);
}

static gint64
assignment_of (Fixture    *fixture,
               const char *code)
{
  g_autoptr(GError) error = NULL;
  gint64 id = llw_database_find_assignment (fixture->base.db, fixture->base.campaign,
                                            unit_id (fixture, code), &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_activity (Fixture    *fixture,
              const char *code,
              const char *title)
{
  g_autofree char *unit = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id (fixture, code));
  g_autoptr(GHashTable) input = llw_test_values ("title", title, "unit_id", unit,
                                                 "start_date", "03/10/2021", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = llw_database_insert (fixture->base.db, &llw_entity_activity, fixture->base.campaign_id,
                            input, NULL, &error);
  g_assert_no_error (error);
  return id;
}

/* Each list the tabs show is what the database gives now, row for row. */
static void
assert_lists_fresh (Fixture *fixture)
{
  LlwDatabase *db = fixture->base.db;
  LlwCampaign *campaign = fixture->base.campaign;
  struct
  {
    GListModel *shown;
    GListModel *fresh;
  } lists[] = {
    { llw_campaign_data_get_themes (fixture->data, NULL),
      llw_database_list_themes (db, campaign, NULL) },
    { llw_campaign_data_get_activity_kinds (fixture->data, NULL),
      llw_database_list_activity_kinds (db, campaign, NULL) },
    { llw_campaign_data_get_units (fixture->data, NULL),
      llw_database_list_units (db, campaign, NULL) },
    { llw_campaign_data_get_activities (fixture->data, NULL),
      llw_database_list_activities (db, campaign, NULL) },
    { llw_campaign_data_get_report_statuses (fixture->data, NULL),
      llw_database_list_report_statuses (db, campaign, &fixture->today, NULL) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      guint n = g_list_model_get_n_items (lists[i].fresh);

      g_assert_cmpuint (g_list_model_get_n_items (lists[i].shown), ==, n);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(GObject) shown = g_list_model_get_item (lists[i].shown, j);
          g_autoptr(GObject) fresh = g_list_model_get_item (lists[i].fresh, j);

          llw_test_assert_same_record (shown, fresh);
        }
      g_object_unref (lists[i].fresh);
    }
}

/* A list is read when a tab first asks for it, and then shared. */
static void
test_read_once (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GListModel *units = llw_campaign_data_get_units (fixture->data, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (units), >, 40);
  g_assert_true (llw_campaign_data_get_units (fixture->data, NULL) == units);
  g_assert_true (llw_campaign_data_get_report_statuses (fixture->data, NULL) ==
                 llw_campaign_data_get_report_statuses (fixture->data, NULL));
}

/* Editing a unit replaces its row in the units and reports lists, once the main loop is idle,
 * and touches no other row. */
static void
test_one_row (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr(Watch) units = watch (llw_campaign_data_get_units (fixture->data, NULL));
  g_autoptr(Watch) statuses = watch (llw_campaign_data_get_report_statuses (fixture->data,
                                                                           NULL));
  g_autoptr(Watch) themes = watch (llw_campaign_data_get_themes (fixture->data, NULL));
  gint64 id = unit_id (fixture, "HTI");
  g_autoptr(LlwUnit) after = NULL;
  g_autofree char *unit_splice = NULL;
  g_autofree char *status_splice = NULL;

  edit (fixture, &llw_entity_unit, id, "phone", "0297 3 999 999");
  g_assert_cmpstr (units->splices->str, ==, "");

  run_until_idle ();
  unit_splice = g_strdup_printf ("%u-1+1 ", position_of (units->list, "id", id));
  status_splice = g_strdup_printf ("%u-1+1 ", position_of (statuses->list, "unit-id", id));
  g_assert_cmpstr (units->splices->str, ==, unit_splice);
  g_assert_cmpstr (statuses->splices->str, ==, status_splice);
  g_assert_cmpstr (themes->splices->str, ==, "");
  after = g_list_model_get_item (units->list, position_of (units->list, "id", id));
  g_assert_cmpstr (llw_unit_get_phone (after), ==, "0297 3 999 999");
  assert_lists_fresh (fixture);
}

/* Many changes before the loop is idle are taken in together, each row once. */
static void
test_batch (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr(Watch) units = watch (llw_campaign_data_get_units (fixture->data, NULL));
  g_autoptr(Watch) activities = watch (llw_campaign_data_get_activities (fixture->data, NULL));
  g_autoptr(Watch) kinds = watch (llw_campaign_data_get_activity_kinds (fixture->data, NULL));
  gint64 rach_gia = unit_id (fixture, "RGI");
  gint64 ha_tien = unit_id (fixture, "HTI");
  guint n_units = g_list_model_get_n_items (units->list);
  g_autofree char *unit_splices = NULL;

  edit (fixture, &llw_entity_unit, rach_gia, "phone", "0297 1");
  edit (fixture, &llw_entity_unit, rach_gia, "phone", "0297 2");
  edit (fixture, &llw_entity_unit, ha_tien, "email", "ht@example.vn");
  add_activity (fixture, "RGI", "Ngày hội đọc sách");
  add_activity (fixture, "HTI", "Lớp học tiếng Anh");
  g_assert_cmpstr (units->splices->str, ==, "");
  g_assert_cmpstr (activities->splices->str, ==, "");

  llw_campaign_data_flush_changes (fixture->data);
  /* One splice a unit, however often it changed: the list was not read again whole. */
  g_assert_cmpuint (g_list_model_get_n_items (units->list), ==, n_units);
  unit_splices = g_strdup_printf ("%u-1+1 %u-1+1 ", position_of (units->list, "id", rach_gia),
                                  position_of (units->list, "id", ha_tien));
  if (g_strcmp0 (units->splices->str, unit_splices) != 0)
    {
      g_free (unit_splices);
      unit_splices = g_strdup_printf ("%u-1+1 %u-1+1 ", position_of (units->list, "id", ha_tien),
                                      position_of (units->list, "id", rach_gia));
    }
  g_assert_cmpstr (units->splices->str, ==, unit_splices);
  g_assert_cmpuint (g_list_model_get_n_items (activities->list), ==, 2);
  /* The kinds count their activities. */
  g_assert_cmpstr (kinds->splices->str, !=, "");
  assert_lists_fresh (fixture);

  /* Nothing left for the idle handler. */
  g_string_truncate (units->splices, 0);
  run_until_idle ();
  g_assert_cmpstr (units->splices->str, ==, "");
}

/* A unit that comes to have to report takes its place among the reports, the same as the
 * database sorts them: by group, then in the units' order. */
static void
test_status_sorted (Fixture      *fixture,
                    gconstpointer data)
{
  GListModel *statuses = llw_campaign_data_get_report_statuses (fixture->data, NULL);
  const char *codes[] = { "KLU", "SLDTBXH" };
  guint n = g_list_model_get_n_items (statuses);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      gint64 assignment = assignment_of (fixture, codes[i]);

      edit (fixture, &llw_entity_assignment, assignment, "report_required", "0");
      run_until_idle ();
      g_assert_cmpuint (g_list_model_get_n_items (statuses), ==, n - 1);
      assert_lists_fresh (fixture);

      edit (fixture, &llw_entity_assignment, assignment, "report_required", "1");
      run_until_idle ();
      g_assert_cmpuint (g_list_model_get_n_items (statuses), ==, n);
      assert_lists_fresh (fixture);
    }
}

/* A change to many rows of a table reads its lists again, into the same stores. */
static void
test_table_changed (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr(Watch) units = watch (llw_campaign_data_get_units (fixture->data, NULL));
  g_autoptr(Watch) statuses = watch (llw_campaign_data_get_report_statuses (fixture->data,
                                                                           NULL));
  guint n_units = g_list_model_get_n_items (units->list);
  guint n_statuses = g_list_model_get_n_items (statuses->list);
  g_autofree char *units_splice = g_strdup_printf ("0-%u+%u ", n_units, n_units);
  g_autofree char *statuses_splice = NULL;

  llw_test_exec (&fixture->base, "UPDATE assignment SET deadline = '2021-10-18' "
                                 "WHERE report_required = 1");
  g_signal_emit_by_name (fixture->base.db, "changed", "assignment", (gint64) 0);
  run_until_idle ();

  statuses_splice = g_strdup_printf ("0-%u+%u ", n_statuses, n_statuses);
  g_assert_cmpstr (units->splices->str, ==, units_splice);
  g_assert_cmpstr (statuses->splices->str, ==, statuses_splice);
  assert_lists_fresh (fixture);
}

/* A report received replaces its unit's row alone, not the whole list (with 50,000 units a
 * reading of every row held the window after each save); receiving it again too. */
static void
test_report_saved (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) input = llw_test_values ("received_date", "20/10/2021", "channel",
                                                 "post", NULL);
  g_autoptr(GHashTable) figures = llw_test_values ("A1", "2", NULL);
  g_autoptr(Watch) statuses = watch (llw_campaign_data_get_report_statuses (fixture->data,
                                                                           NULL));
  gint64 unit = unit_id (fixture, "KLU");
  guint position = position_of (statuses->list, "unit-id", unit);
  g_autofree char *one_row = g_strdup_printf ("%u-1+1 ", position);
  g_autoptr(LlwReportStatus) status = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_string_truncate (statuses->splices, 0);
      g_assert_cmpint (llw_database_save_report (fixture->base.db, fixture->base.campaign,
                                                 unit, input, figures, NULL, &error), >, 0);
      g_assert_no_error (error);
      run_until_idle ();
      g_assert_cmpstr (statuses->splices->str, ==, one_row);
      assert_lists_fresh (fixture);
      g_hash_table_insert (input, g_strdup ("received_date"), g_strdup ("22/10/2021"));
    }
  status = g_list_model_get_item (statuses->list, position);
  g_assert_cmpint (llw_report_status_get_unit_id (status), ==, unit);
  g_assert_cmpstr (llw_report_status_get_received_date (status), ==, "2021-10-22");
}

/* Deleting a unit takes its rows out of every list, its activities too; undoing it puts
 * them back where they were. */
static void
test_delete_unit (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDeletion) deletion = NULL;
  GListModel *units = llw_campaign_data_get_units (fixture->data, NULL);
  GListModel *statuses = llw_campaign_data_get_report_statuses (fixture->data, NULL);
  GListModel *activities = llw_campaign_data_get_activities (fixture->data, NULL);
  guint n_units, n_statuses;

  add_activity (fixture, "KLU", "Ngày hội đọc sách");
  add_activity (fixture, "RGI", "Lớp học tiếng Anh");
  run_until_idle ();
  n_units = g_list_model_get_n_items (units);
  n_statuses = g_list_model_get_n_items (statuses);
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 2);

  deletion = llw_database_plan_deletion_everywhere (fixture->base.db, "unit",
                                                    unit_id (fixture, "KLU"), &error);
  g_assert_no_error (error);
  g_assert_true (llw_database_delete (fixture->base.db, deletion, &error));
  g_assert_no_error (error);
  run_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, n_units - 1);
  g_assert_cmpuint (g_list_model_get_n_items (statuses), ==, n_statuses - 1);
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 1);
  assert_lists_fresh (fixture);

  g_assert_true (llw_database_undo_deletion (fixture->base.db, deletion, &error));
  g_assert_no_error (error);
  run_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, n_units);
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 2);
  assert_lists_fresh (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/campaign-data/read-once", test_read_once);
  ADD ("/campaign-data/one-row", test_one_row);
  ADD ("/campaign-data/batch", test_batch);
  ADD ("/campaign-data/status-sorted", test_status_sorted);
  ADD ("/campaign-data/table-changed", test_table_changed);
  ADD ("/campaign-data/delete-unit", test_delete_unit);
  ADD ("/campaign-data/report-saved", test_report_saved);
#undef ADD

  return g_test_run ();
}
