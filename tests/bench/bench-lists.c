/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures how long the lists of the window take to load at the scale the office may reach:
 * 50,000 units, each assigned and reporting, with 500,000 report values. Run it through
 * build-aux/bench-lists; build-aux/bench-start has it keep the database it made:
 *   bench-lists [N [PATH]] */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "llw-campaign-data.h"
#include "llw-database.h"
#include "llw-date.h"
#include "llw-report-status.h"
#include "llw-unit.h"

static const char fill_sql[] =
  "BEGIN;"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) "
  "INSERT INTO unit (name, name_key, code, unit_group, position, contact_person, phone) "
  "SELECT 'UBND xã Thử nghiệm số ' || i, 'ubnd xã thử nghiệm số ' || i, 'T' || i, "
  "       CASE WHEN i % 3 = 0 THEN 'provincial' ELSE 'district' END, 1000 + i, "
  "       'Nguyễn Văn ' || i, '0297' || i FROM n;"
  "INSERT INTO assignment (campaign_id, unit_id, role, task) "
  "SELECT 1, id, 'implement', 'Tổ chức Tuần lễ tại đơn vị' FROM unit WHERE code GLOB 'T[0-9]*';"
  "INSERT INTO report (campaign_id, unit_id, received_date, document_number) "
  "SELECT 1, id, '2021-10-' || (10 + id % 20), id || '/BC' FROM unit "
  "WHERE code GLOB 'T[0-9]*' AND id % 5 <> 0;"
  "INSERT INTO report_value (report_id, indicator_id, value) "
  "SELECT r.id, i.id, r.id % 97 FROM report r JOIN indicator i ON i.position <= 10 "
  "WHERE r.id <= ?2 / 10;"
  "COMMIT;";

static double
time_list (const char *what,
           GListModel *(*list) (LlwDatabase *, LlwCampaign *, GError **),
           LlwDatabase *db,
           LlwCampaign *campaign)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  model = list (db, campaign, &error);
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("%-28s %7u rows  %6.3f s\n", what, g_list_model_get_n_items (model), seconds);
  return seconds;
}

static GListModel *
list_statuses (LlwDatabase *db,
               LlwCampaign *campaign,
               GError     **error)
{
  GDate today;

  llw_date_parse ("2021-10-25", &today);
  return llw_database_list_report_statuses (db, campaign, &today, error);
}

/* The first search or sort of the units makes a key for each of them. */
static void
time_keys (LlwDatabase *db,
           LlwCampaign *campaign)
{
  g_autoptr(GListModel) units = llw_database_list_units (db, campaign, NULL);
  gint64 start = g_get_monotonic_time ();
  guint n = g_list_model_get_n_items (units);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlwUnit) unit = g_list_model_get_item (units, i);

      llw_unit_get_search_key (unit);
      llw_unit_get_sort_key (unit);
    }
  g_print ("%-28s %7u rows  %6.3f s\n", "unit search and sort keys", n,
           (g_get_monotonic_time () - start) / 1e6);
}

/* A clerk saves one report: the window's lists take it in. */
static void
time_report_saved (LlwDatabase *db,
                   LlwCampaign *campaign)
{
  g_autoptr(LlwCampaignData) data = llw_campaign_data_new (db, campaign);
  g_autoptr(GHashTable) input = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) figures = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwReportStatus) status = NULL;
  GListModel *statuses = llw_campaign_data_get_report_statuses (data, &error);
  gint64 start;

  g_assert_no_error (error);
  llw_campaign_data_get_themes (data, NULL);
  llw_campaign_data_get_units (data, NULL);
  status = g_list_model_get_item (statuses, g_list_model_get_n_items (statuses) / 2);
  g_hash_table_insert (input, "received_date", "20/10/2021");
  g_hash_table_insert (input, "channel", "post");
  g_hash_table_insert (figures, "A1", "7");
  g_assert_cmpint (llw_database_save_report (db, campaign, llw_report_status_get_unit_id (status),
                                             input, figures, NULL, &error), >, 0);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  llw_campaign_data_flush_changes (data);
  g_print ("%-28s %7u rows  %6.3f s\n", "lists after a report saved",
           g_list_model_get_n_items (statuses), (g_get_monotonic_time () - start) / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  int n_units = argc > 1 ? atoi (argv[1]) : 50000;
  gboolean keep = argc > 2;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = keep ? NULL : g_dir_make_tmp ("llweek-bench-XXXXXX", NULL);
  g_autofree char *path = keep ? g_strdup (argv[2]) : g_build_filename (folder, "bench.db", NULL);
  g_autoptr(LlwDatabase) db = llw_database_open (path, &error);
  g_autoptr(LlwCampaign) campaign = NULL;
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *tail = fill_sql;

  /* The day of the statuses timed, before the campaign's deadline: a report can be saved. */
  g_setenv ("LLWEEK_TODAY", "2021-10-25", FALSE);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  while (*tail)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (raw, tail, -1, &stmt, &tail), ==, SQLITE_OK);
      if (stmt == NULL)
        break;
      if (sqlite3_bind_parameter_count (stmt) >= 1)
        sqlite3_bind_int (stmt, 1, n_units);
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        sqlite3_bind_int (stmt, 2, n_units * 10 * 10);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (raw);

  campaign = llw_database_get_campaign (db, 2021, &error);
  g_assert_no_error (error);
  g_print ("%d units\n", n_units);
  time_list ("units", llw_database_list_units, db, campaign);
  time_list ("report statuses", list_statuses, db, campaign);
  time_list ("themes", llw_database_list_themes, db, campaign);
  time_keys (db, campaign);
  time_report_saved (db, campaign);

  g_clear_object (&db);
  if (keep)
    return 0;
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
    g_remove (path);
    g_rmdir (folder);
  }
  return 0;
}
