/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-database-private.h"

/* Long work — an import, a backup, a restore, the copy of a campaign, an export — runs on a
 * worker thread, so that the window goes on drawing and answering. A worker never shares the
 * connection of the thread that opened the database (its owner): it gets a connection of its
 * own to the same file, with the same settings, under the writer's lock the owner holds. WAL
 * lets the owner read while the worker writes. What the worker changes is announced by the
 * owner, on the owner's thread, as if the owner had made the change, so that the lists follow
 * it as they follow any save. */

typedef struct
{
  LlwDatabase *owner;
  GArray *changes;      /* PendingChange */
} Announcement;

static void
announcement_free (gpointer data)
{
  Announcement *announcement = data;

  g_object_unref (announcement->owner);
  g_array_unref (announcement->changes);
  g_free (announcement);
}

static gboolean
announce_cb (gpointer data)
{
  Announcement *announcement = data;

  for (guint i = 0; i < announcement->changes->len; i++)
    {
      PendingChange *change = &g_array_index (announcement->changes, PendingChange, i);

      llw_database_emit_changed (announcement->owner, change->table, change->id);
    }
  return G_SOURCE_REMOVE;
}

/**
 * llw_database_forward_changes:
 * @self: a worker's connection
 * @changes: (transfer full): what its transaction changed
 *
 * Hands what a worker committed to its owner's thread, to be announced there.
 */
void
llw_database_forward_changes (LlwDatabase *self,
                              GArray      *changes)
{
  Announcement *announcement = g_new0 (Announcement, 1);

  announcement->owner = g_object_ref (self->owner);
  announcement->changes = changes;
  g_main_context_invoke_full (self->owner_context, G_PRIORITY_DEFAULT, announce_cb,
                              announcement, announcement_free);
}

/**
 * llw_database_open_worker:
 * @self: a database open on this thread
 *
 * Opens a second connection to @self's file, for one worker thread at a time: it reads and,
 * unless @self is read-only, writes the same data, under @self's lock. Changes it commits are
 * announced by @self, on the thread that opened the worker.
 *
 * Returns: (transfer full): the worker's connection, or %NULL with @error set
 */
LlwDatabase *
llw_database_open_worker (LlwDatabase  *self,
                          GError      **error)
{
  g_autoptr(LlwDatabase) worker = NULL;

  g_return_val_if_fail (LLW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (self->owner == NULL, NULL);

  worker = g_object_new (LLW_TYPE_DATABASE, NULL);
  worker->path = g_strdup (self->path);
  worker->real_path = g_strdup (self->real_path);
  worker->read_only = self->read_only;
  worker->read_through_log = self->read_through_log;
  worker->read_only_reason = g_strdup (self->read_only_reason);
  worker->schema_version = self->schema_version;
  worker->owner = g_object_ref (self);
  worker->owner_context = g_main_context_ref_thread_default ();

  if (!llw_database_open_second (worker, error))
    return NULL;
  return g_steal_pointer (&worker);
}

typedef struct
{
  LlwDatabaseJob job;
  gpointer data;
  GDestroyNotify data_free;
  LlwDatabase *worker;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  if (job->data_free != NULL)
    job->data_free (job->data);
  g_clear_object (&job->worker);
  g_free (job);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok;

  /* Outputs written by the job are not put in place once it is stopped (llw-output.c). */
  if (cancellable != NULL)
    g_cancellable_push_current (cancellable);
  ok = job->job (job->worker, job->data, cancellable, &error);
  if (cancellable != NULL)
    g_cancellable_pop_current (cancellable);

  /* The connection is closed here, where it worked, unless the job kept it. */
  g_clear_object (&job->worker);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * llw_database_run_async:
 * @job: the work, run on a worker thread with a connection of its own
 * @data: (transfer full): what @job works on, freed with @data_free on this thread
 *
 * Runs @job off this thread. Changes it commits are announced by @self on this thread, before
 * @callback is called.
 */
void
llw_database_run_async (LlwDatabase         *self,
                        LlwDatabaseJob       job,
                        gpointer             data,
                        GDestroyNotify       data_free,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Job *task_job;

  g_return_if_fail (LLW_IS_DATABASE (self));
  g_return_if_fail (job != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, llw_database_run_async);
  /* A job stopped too late is done: that is what the caller hears. */
  g_task_set_check_cancellable (task, FALSE);
  task_job = g_new0 (Job, 1);
  task_job->job = job;
  task_job->data = data;
  task_job->data_free = data_free;
  g_task_set_task_data (task, task_job, job_free);

  task_job->worker = llw_database_open_worker (self, &error);
  if (task_job->worker == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, run_in_thread);
}

/**
 * llw_database_run_get_data:
 * @result: what llw_database_run_async () gave its callback
 *
 * Returns: (transfer none): the job's data, which lives until the callback returns
 */
gpointer
llw_database_run_get_data (GAsyncResult *result)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return ((Job *) g_task_get_task_data (G_TASK (result)))->data;
}

/**
 * llw_database_run_finish:
 *
 * Returns: %TRUE if the job succeeded; else %FALSE with @error set
 */
gboolean
llw_database_run_finish (LlwDatabase   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == llw_database_run_async,
                        FALSE);

  /* A job may have replaced the whole file (a restore): statements prepared before are
   * prepared again, and the owner takes the file's schema version. */
  g_hash_table_remove_all (self->cache);
  self->schema_version = llw_database_read_schema_version (self);
  return g_task_propagate_boolean (G_TASK (result), error);
}
