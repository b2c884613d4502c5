/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-dialogs.h"
#include "llw-window-private.h"

/* Long work — exporting, importing, backing up, restoring, copying a campaign — runs on a
 * worker thread (llw_database_run_async ()), so that the window goes on drawing and
 * answering. One runs at a time: while it runs, the actions that start such work are off,
 * and the bar at the bottom says what runs, with a Stop button. */

/**
 * llw_window_begin_job:
 * @message: what runs, in the user's words
 *
 * Turns off the actions that start long work, and says that @message runs.
 *
 * Returns: (transfer none) (nullable): the job's cancellable, which Stop cancels; valid
 *   until llw_window_end_job (); %NULL, after telling the user, while other work runs
 */
GCancellable *
llw_window_begin_job (LlwWindow  *self,
                      const char *message)
{
  /* A file chooser opened before the running job began may still answer. */
  if (self->job != NULL)
    {
      llw_show_message (GTK_WINDOW (self), GTK_MESSAGE_INFO, _("Other work is running"),
                        _("Wait until it ends, or stop it, and try again."));
      return NULL;
    }

  /* The program does not quit before the job has ended, stopped if the window was closed. */
  g_application_hold (g_application_get_default ());
  self->job = g_cancellable_new ();
  llw_window_update_actions (self);
  llw_notification_bar_show_running (self->notification_bar, message, self->job);
  return self->job;
}

/**
 * llw_window_end_job:
 * @done: what the job did, shown in the bar; %NULL hides the bar
 * @error: (nullable): why the job failed, shown in a dialog under @failure
 *
 * Turns the actions back on and says how the job ended: done, stopped by the user (nothing
 * changed), or failed.
 *
 * Returns: whether the window is still there to show what the job did
 */
gboolean
llw_window_end_job (LlwWindow    *self,
                    const char   *done,
                    const char   *failure,
                    const GError *error)
{
  g_application_release (g_application_get_default ());
  g_clear_object (&self->job);
  /* Closed while the job ran. */
  if (self->database == NULL)
    return FALSE;

  llw_window_update_actions (self);

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    llw_notification_bar_show (self->notification_bar, _("Stopped. Nothing was changed."),
                               FALSE);
  else if (error != NULL)
    {
      llw_notification_bar_hide (self->notification_bar);
      llw_show_error (GTK_WINDOW (self), failure, error);
    }
  else if (done != NULL)
    llw_notification_bar_show (self->notification_bar, done, FALSE);
  else
    llw_notification_bar_hide (self->notification_bar);
  return TRUE;
}

/* Stops the job running, if any, when the window goes. */
void
llw_window_jobs_dispose (LlwWindow *self)
{
  if (self->job != NULL)
    g_cancellable_cancel (self->job);
}
