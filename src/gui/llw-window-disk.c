/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-window-private.h"

/* The file on disk is whole. Office staff copy the .db file alone; so once the work has
 * settled, a few seconds after the last change, and when the window closes, the window has
 * the database fold its write-ahead log back into the file (imports and restores do it
 * themselves). */

#define SETTLED_SECONDS 5

static gboolean
checkpoint_cb (gpointer user_data)
{
  LlwWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  /* Never waiting: an export reading the database, or another copy of llweek, may hold
   * the log for a while; the window must not freeze meanwhile. Try again later. */
  if (!llw_database_checkpoint (self->database, FALSE, &error))
    {
      g_debug ("The log was not folded back yet: %s", error->message);
      return G_SOURCE_CONTINUE;
    }
  self->checkpoint_id = 0;
  return G_SOURCE_REMOVE;
}

static void
database_changed_cb (LlwWindow   *self,
                     const char  *table,
                     gint64       id,
                     LlwDatabase *database)
{
  g_clear_handle_id (&self->checkpoint_id, g_source_remove);
  self->checkpoint_id = g_timeout_add_seconds (SETTLED_SECONDS, checkpoint_cb, self);
}

void
llw_window_disk_watch_database (LlwWindow *self)
{
  g_signal_connect_object (self->database, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* The window closes: whatever is still in the log goes into the file. */
void
llw_window_disk_dispose (LlwWindow *self)
{
  g_clear_handle_id (&self->checkpoint_id, g_source_remove);
  if (self->database != NULL)
    llw_database_checkpoint (self->database, TRUE, NULL);
}
