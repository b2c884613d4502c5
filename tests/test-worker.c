/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "llw-database.h"
#include "llw-import.h"

#include "llw-test-fixture.h"

/* Long work on a worker thread, with a connection of its own: what it changes is announced
 * on the thread that owns the database, a stopped job changes nothing, and the owner goes
 * on reading the file the worker changed, even a file replaced whole by a restore. */

typedef struct
{
  GThread *thread;      /* where the owner's changes were announced */
  GPtrArray *tables;    /* what they were about, in order */
  GAsyncResult *result;
} Heard;

static void
changed_cb (LlwDatabase *db,
            const char  *table,
            gint64       id,
            Heard       *heard)
{
  if (heard->thread != NULL)
    g_assert_true (heard->thread == g_thread_self ());
  heard->thread = g_thread_self ();
  g_ptr_array_add (heard->tables, g_strdup (table));
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Heard *heard = user_data;

  heard->result = g_object_ref (result);
}

/* Runs the main loop until the job's callback has been called. */
static void
wait_for (Heard *heard)
{
  while (heard->result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
heard_clear (Heard *heard)
{
  g_clear_object (&heard->result);
  g_clear_pointer (&heard->tables, g_ptr_array_unref);
}

static gboolean
copy_job (LlwDatabase   *worker,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(LlwCampaign) made = llw_database_copy_campaign (worker, data, 2022, NULL, error);

  g_assert_false (g_thread_self () == g_object_get_data (data, "llw-test-thread"));
  return made != NULL;
}

/* The worker's change is heard on the owner's thread before the job's end, and the owner
 * reads it. */
static void
test_announced_on_owner_thread (LlwTestFixture *fixture,
                                gconstpointer   data)
{
  Heard heard = { NULL, g_ptr_array_new_with_free_func (g_free), NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwCampaign) copied = NULL;
  gulong handler;

  g_object_set_data (G_OBJECT (fixture->campaign), "llw-test-thread", g_thread_self ());
  handler = g_signal_connect (fixture->db, "changed", G_CALLBACK (changed_cb), &heard);
  llw_database_run_async (fixture->db, copy_job, g_object_ref (fixture->campaign),
                          g_object_unref, NULL, done_cb, &heard);
  g_assert_null (heard.thread);
  wait_for (&heard);

  g_assert_true (llw_database_run_finish (fixture->db, heard.result, &error));
  g_assert_no_error (error);
  g_assert_true (heard.thread == g_thread_self ());
  g_assert_cmpuint (heard.tables->len, >, 0);
  g_assert_cmpstr (g_ptr_array_index (heard.tables, heard.tables->len - 1), ==, "campaign");
  copied = llw_database_get_campaign (fixture->db, 2022, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copied);

  g_signal_handler_disconnect (fixture->db, handler);
  heard_clear (&heard);
}

static gboolean
backup_job (LlwDatabase   *worker,
            gpointer       path,
            GCancellable  *cancellable,
            GError       **error)
{
  return llw_database_backup_to (worker, path, error);
}

static gboolean
restore_job (LlwDatabase   *worker,
             gpointer       path,
             GCancellable  *cancellable,
             GError       **error)
{
  return llw_database_restore (worker, path, error);
}

static gboolean
run (LlwTestFixture *fixture,
     LlwDatabaseJob  job,
     gpointer        data,
     GCancellable   *cancellable,
     GError        **error)
{
  Heard heard = { NULL, g_ptr_array_new_with_free_func (g_free), NULL };
  gboolean ok;

  llw_database_run_async (fixture->db, job, data, NULL, cancellable, done_cb, &heard);
  wait_for (&heard);
  ok = llw_database_run_finish (fixture->db, heard.result, error);
  heard_clear (&heard);
  return ok;
}

/* A copy saved by a worker and restored by another: the owner reads the restored data. */
static void
test_backup_and_restore (LlwTestFixture *fixture,
                         gconstpointer   data)
{
  g_autofree char *copy = g_build_filename (fixture->folder, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwCampaign) copied = NULL;
  g_autoptr(LlwCampaign) after = NULL;
  g_autoptr(GListModel) campaigns = NULL;

  g_assert_true (run (fixture, backup_job, copy, NULL, &error));
  g_assert_no_error (error);
  copied = llw_database_copy_campaign (fixture->db, fixture->campaign, 2022, NULL, &error);
  g_assert_no_error (error);
  campaigns = llw_database_list_campaigns (fixture->db, &error);
  g_assert_cmpuint (g_list_model_get_n_items (campaigns), ==, 2);
  g_clear_object (&campaigns);

  g_assert_true (run (fixture, restore_job, copy, NULL, &error));
  g_assert_no_error (error);
  campaigns = llw_database_list_campaigns (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (campaigns), ==, 1);
  after = llw_database_get_campaign (fixture->db, 2022, &error);
  g_assert_null (after);
  g_clear_error (&error);
  g_assert_cmpint (llw_database_get_schema_version (fixture->db), ==,
                   LLW_DATABASE_SCHEMA_VERSION);
}

/* Stopped, a backup leaves the file it would have replaced, and nothing else; a restore
 * leaves the data. */
static void
test_stopped_jobs (LlwTestFixture *fixture,
                   gconstpointer   data)
{
  g_autofree char *folder = g_build_filename (fixture->folder, "out", NULL);
  g_autofree char *copy = g_build_filename (folder, "copy.db", NULL);
  g_autofree char *other = g_build_filename (fixture->folder, "other.db", NULL);
  g_autoptr(GCancellable) stopped = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwCampaign) copied = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (copy, "an older copy", -1, NULL));
  g_assert_true (run (fixture, backup_job, other, NULL, &error));
  copied = llw_database_copy_campaign (fixture->db, fixture->campaign, 2022, NULL, &error);
  g_assert_no_error (error);

  g_cancellable_cancel (stopped);
  before = llw_test_snapshot (folder, NULL);
  g_assert_false (run (fixture, backup_job, copy, stopped, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = llw_test_snapshot (folder, NULL);
  g_assert_cmpstr (before, ==, after);

  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = llw_test_dump_path (fixture->path);
  g_assert_false (run (fixture, restore_job, other, stopped, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = llw_test_dump_path (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static const char csv[] =
  "unit,received_date,document_number,channel,A1\r\n"
  "KLU,2021-10-22,15/BC,email,4\r\n";

static void
apply (LlwImport    *import,
       GCancellable *cancellable,
       Heard        *heard)
{
  llw_import_apply_async (import, cancellable, done_cb, heard);
  wait_for (heard);
}

/* An import on a worker's connection: stopped, it writes nothing; let run, it writes the
 * figures and the owner hears of them on its own thread. */
static void
test_import (LlwTestFixture *fixture,
             gconstpointer   data)
{
  Heard heard = { NULL, g_ptr_array_new_with_free_func (g_free), NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) worker = llw_database_open_worker (fixture->db, &error);
  g_autoptr(LlwImport) import = llw_import_new (worker, fixture->campaign);
  g_autoptr(GCancellable) stopped = g_cancellable_new ();
  g_autofree char *before = llw_test_dump_path (fixture->path);
  g_autofree char *after = NULL;
  g_autofree char *figure = NULL;
  gulong handler = g_signal_connect (fixture->db, "changed", G_CALLBACK (changed_cb), &heard);

  g_assert_true (llw_import_read (import, csv, strlen (csv), &error));
  g_cancellable_cancel (stopped);
  apply (import, stopped, &heard);
  g_assert_false (llw_import_apply_finish (import, heard.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&heard.result);
  after = llw_test_dump_path (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (heard.tables->len, ==, 0);

  apply (import, NULL, &heard);
  g_assert_true (llw_import_apply_finish (import, heard.result, &error));
  g_assert_no_error (error);
  g_assert_true (heard.thread == g_thread_self ());
  g_assert_cmpuint (heard.tables->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (heard.tables, 0), ==, "report");
  figure = llw_test_query (fixture, "SELECT v.value FROM report_value v "
                                    "JOIN indicator i ON i.id = v.indicator_id "
                                    "WHERE i.code = 'A1'");
  g_assert_cmpstr (figure, ==, "4.0");

  g_signal_handler_disconnect (fixture->db, handler);
  heard_clear (&heard);
}

/* A database open for reading only gives its workers the same: they read, never write. */
static void
test_read_only (LlwTestFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) reader = NULL;
  g_autoptr(LlwDatabase) worker = NULL;
  g_autoptr(LlwCampaign) campaign = NULL;
  g_autoptr(LlwCampaign) copied = NULL;

  /* A second llweek on the same file is locked out of writing. */
  reader = llw_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (llw_database_is_read_only (reader));
  worker = llw_database_open_worker (reader, &error);
  g_assert_no_error (error);
  g_assert_true (llw_database_is_read_only (worker));
  campaign = llw_database_get_campaign (worker, 2021, &error);
  g_assert_no_error (error);
  copied = llw_database_copy_campaign (worker, campaign, 2022, NULL, &error);
  g_assert_null (copied);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/worker/announced-on-owner-thread", LlwTestFixture, NULL,
              llw_test_fixture_set_up, test_announced_on_owner_thread,
              llw_test_fixture_tear_down);
  g_test_add ("/worker/backup-and-restore", LlwTestFixture, NULL, llw_test_fixture_set_up,
              test_backup_and_restore, llw_test_fixture_tear_down);
  g_test_add ("/worker/stopped-jobs", LlwTestFixture, NULL, llw_test_fixture_set_up,
              test_stopped_jobs, llw_test_fixture_tear_down);
  g_test_add ("/worker/import", LlwTestFixture, NULL, llw_test_fixture_set_up, test_import,
              llw_test_fixture_tear_down);
  g_test_add ("/worker/read-only", LlwTestFixture, NULL, llw_test_fixture_set_up,
              test_read_only, llw_test_fixture_tear_down);

  return g_test_run ();
}
