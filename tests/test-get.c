/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "llw-database-get.h"
#include "llw-indicator.h"
#include "llw-records-private.h"

#include "llw-test-fixture.h"

/* A view replaces the row that changed with what the get-one queries return: each must give
 * exactly the record its list holds, or the row would change as it is replaced. */

typedef struct
{
  char *folder;
  char *path;
  LlwDatabase *db;
  LlwCampaign *campaign;
  GDate today;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("llweek-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "llweek.db", NULL);
  fixture->db = llw_database_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->campaign = llw_database_get_campaign (fixture->db, 2021, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&fixture->today, 25, 10, 2021);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->campaign);
  g_clear_object (&fixture->db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static GHashTable *
values (const char *first,
        ...)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first);
  for (const char *column = first; column != NULL; column = va_arg (args, const char *))
    g_hash_table_insert (table, g_strdup (column), g_strdup (va_arg (args, const char *)));
  va_end (args);
  return table;
}

/* Each item of @list, fetched again by @get, is the same record. */
static void
assert_each_fetched (Fixture    *fixture,
                     GListModel *list,
                     gpointer  (*get) (Fixture *, GObject *))
{
  guint n = g_list_model_get_n_items (list);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autoptr(GObject) fetched = get (fixture, item);

      llw_test_assert_same_record (item, fetched);
    }
}

static gint64
item_id (GObject *item)
{
  gint64 id = 0;

  g_object_get (item, "id", &id, NULL);
  return id;
}

static gpointer
get_unit (Fixture *fixture,
          GObject *item)
{
  g_autoptr(GError) error = NULL;
  gpointer unit = llw_database_get_unit (fixture->db, fixture->campaign, item_id (item), &error);

  g_assert_no_error (error);
  return unit;
}

static gpointer
get_activity (Fixture *fixture,
              GObject *item)
{
  g_autoptr(GError) error = NULL;
  gpointer activity = llw_database_get_activity (fixture->db, fixture->campaign, item_id (item),
                                                 &error);

  g_assert_no_error (error);
  return activity;
}

static gpointer
get_status (Fixture *fixture,
            GObject *item)
{
  g_autoptr(GError) error = NULL;
  gpointer status;

  status = llw_database_get_report_status (fixture->db, fixture->campaign, &fixture->today,
                                           llw_report_status_get_unit_id ((gpointer) item),
                                           &error);
  g_assert_no_error (error);
  return status;
}

/* Some units without an assignment, an activity with kind and theme, one without. */
static void
add_records (Fixture *fixture)
{
  g_autoptr(GHashTable) unit = values ("name", "Trường Thử", "unit_group", "other", NULL);
  g_autoptr(GHashTable) first = NULL;
  g_autoptr(GHashTable) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unit_id = NULL;
  gint64 id;

  id = llw_database_insert (fixture->db, &llw_entity_unit, 0, unit, NULL, &error);
  g_assert_no_error (error);
  unit_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  first = values ("title", "Ngày hội", "unit_id", unit_id, "kind_id", "1", "theme_id", "1",
                  "start_date", "02/10/2021", "participants", "120", NULL);
  second = values ("title", "Lớp học", "unit_id", "1", "start_date", "03/10/2021", NULL);
  llw_database_insert (fixture->db, &llw_entity_activity, llw_campaign_get_id (fixture->campaign),
                       first, NULL, &error);
  g_assert_no_error (error);
  llw_database_insert (fixture->db, &llw_entity_activity, llw_campaign_get_id (fixture->campaign),
                       second, NULL, &error);
  g_assert_no_error (error);
}

static void
test_units (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr(GListModel) units = NULL;

  add_records (fixture);
  units = llw_database_list_units (fixture->db, fixture->campaign, NULL);
  assert_each_fetched (fixture, units, get_unit);
}

static void
test_activities (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(GListModel) activities = NULL;
  g_autoptr(GListModel) of_unit = NULL;
  g_autoptr(LlwActivity) first = NULL;
  g_autoptr(LlwActivity) fetched = NULL;
  g_autoptr(GError) error = NULL;

  add_records (fixture);
  activities = llw_database_list_activities (fixture->db, fixture->campaign, NULL);
  assert_each_fetched (fixture, activities, get_activity);

  /* The activities of one unit are those of the list with that unit. */
  first = g_list_model_get_item (activities, 0);
  of_unit = llw_database_list_unit_activities (fixture->db, fixture->campaign,
                                               llw_activity_get_unit_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (of_unit), ==, 1);
  fetched = g_list_model_get_item (of_unit, 0);
  llw_test_assert_same_record (G_OBJECT (first), G_OBJECT (fetched));
}

static void
test_report_statuses (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr(GListModel) statuses = NULL;
  g_autoptr(LlwReportStatus) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) units = NULL;
  guint n;

  statuses = llw_database_list_report_statuses (fixture->db, fixture->campaign, &fixture->today,
                                                NULL);
  assert_each_fetched (fixture, statuses, get_status);

  /* A unit that has no assignment has no status, and says so. */
  add_records (fixture);
  units = llw_database_list_units (fixture->db, fixture->campaign, NULL);
  n = g_list_model_get_n_items (units);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlwUnit) unit = g_list_model_get_item (units, i);

      if (llw_unit_get_assigned (unit))
        continue;
      none = llw_database_get_report_status (fixture->db, fixture->campaign, &fixture->today,
                                             llw_unit_get_id (unit), &error);
      break;
    }
  g_assert_null (none);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND);
}

/* A deleted record is not found, with the error that says so. */
static void
test_not_found (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwUnit) unit = NULL;
  g_autoptr(LlwActivity) activity = NULL;

  unit = llw_database_get_unit (fixture->db, fixture->campaign, 999999, &error);
  g_assert_null (unit);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  activity = llw_database_get_activity (fixture->db, fixture->campaign, 999999, &error);
  g_assert_null (activity);
  g_assert_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_NOT_FOUND);
}

/* The catalogue editor lists the indicators no longer in use too. */
static void
test_indicator_catalogue (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr(GListModel) in_use = NULL;
  g_autoptr(GListModel) catalogue = NULL;
  g_autoptr(GHashTable) retire = values ("active", "0", NULL);
  g_autoptr(LlwIndicator) first = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  in_use = llw_database_list_indicators (fixture->db, fixture->campaign, NULL);
  n = g_list_model_get_n_items (in_use);
  first = g_list_model_get_item (in_use, 0);
  g_assert_true (llw_database_update (fixture->db, &llw_entity_indicator,
                                      llw_campaign_get_id (fixture->campaign),
                                      llw_indicator_get_id (first), retire, NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&in_use);
  in_use = llw_database_list_indicators (fixture->db, fixture->campaign, NULL);
  catalogue = llw_database_list_indicator_catalogue (fixture->db, fixture->campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (in_use), ==, n - 1);
  g_assert_cmpuint (g_list_model_get_n_items (catalogue), ==, n);
}

/* A unit's assignment in the campaign is found to be edited with it; a unit without one
 * has none. */
static void
test_find_assignment (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr(GListModel) units = llw_database_list_units (fixture->db, fixture->campaign, NULL);
  g_autoptr(LlwUnit) first = g_list_model_get_item (units, 0);
  g_autoptr(GHashTable) unit = values ("name", "Trường Thử", "unit_group", "other", NULL);
  g_autoptr(GHashTable) assignment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, found;

  found = llw_database_find_assignment (fixture->db, fixture->campaign, llw_unit_get_id (first),
                                        &error);
  g_assert_no_error (error);
  assignment = llw_database_load_values (fixture->db, &llw_entity_assignment, found, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_ascii_strtoll (g_hash_table_lookup (assignment, "unit_id"), NULL, 10), ==,
                   llw_unit_get_id (first));

  id = llw_database_insert (fixture->db, &llw_entity_unit, 0, unit, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (llw_database_find_assignment (fixture->db, fixture->campaign, id, &error), ==,
                   0);
  g_assert_no_error (error);
}

/* Runs @sql, a one-row SELECT in the column order of a record's query, through @make. */
static GObject *
record_from_row (const char *sql,
                 gpointer  (*make) (sqlite3_stmt *))
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GObject *record;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  record = make (stmt);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return record;
}

/* A record is found by every field its search covers even when one before it is missing
 * (NULL): a unit without a short name by its code and contact person, an activity without
 * a kind by its place and platform. The key used to stop at the first missing field. */
static void
test_search_keys (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(GObject) unit =
    record_from_row ("SELECT 7, 1, 'KLU', 'UBND huyện Kiên Lương', NULL, 'district', "
                     "'Nguyễn Văn Ân', '', '', '', 1, 1, 'implement', '', 1, NULL",
                     (gpointer) llw_unit_new_from_stmt);
  g_autoptr(GObject) activity =
    record_from_row ("SELECT 3, 7, 'UBND huyện Kiên Lương', NULL, '', 'Ngày hội', "
                     "'2021-10-02', NULL, 'online', 'Zalo', 'Nhà văn hóa ấp Mới', NULL, ''",
                     (gpointer) llw_activity_new_from_stmt);
  const char *unit_key = llw_unit_get_search_key (LLW_UNIT (unit));
  const char *activity_key = llw_activity_get_search_key (LLW_ACTIVITY (activity));

  g_assert_nonnull (strstr (unit_key, "kien luong"));
  g_assert_nonnull (strstr (unit_key, "klu"));
  g_assert_nonnull (strstr (unit_key, "nguyen van an"));
  g_assert_nonnull (strstr (activity_key, "ngay hoi"));
  g_assert_nonnull (strstr (activity_key, "nha van hoa ap moi"));
  g_assert_nonnull (strstr (activity_key, "zalo"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/get/units", test_units);
  ADD ("/get/activities", test_activities);
  ADD ("/get/report-statuses", test_report_statuses);
  ADD ("/get/not-found", test_not_found);
  ADD ("/get/indicator-catalogue", test_indicator_catalogue);
  ADD ("/get/find-assignment", test_find_assignment);
  ADD ("/get/search-keys", test_search_keys);
#undef ADD

  return g_test_run ();
}
