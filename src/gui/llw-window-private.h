/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-campaign-data.h"
#include "llw-notification-bar.h"
#include "llw-window.h"

G_BEGIN_DECLS

/* The window is split by concern, as GNOME Text Editor's: llw-window.c builds it and shows
 * a campaign, llw-window-actions.c installs every action of the window and edits records,
 * llw-window-files.c and llw-window-forms.c write and read files, llw-window-state.c keeps
 * its settings, llw-window-closing.c shows and reopens a closed campaign,
 * llw-window-disk.c keeps the file on disk whole, llw-window-jobs.c runs long work off the
 * window's thread. */

struct _LlwWindow
{
  GtkApplicationWindow parent_instance;

  GtkDropDown *campaign_dropdown;
  GtkStack *stack;
  LlwNotificationBar *notification_bar;
  GtkWidget *closed_bar;
  GtkWidget *closed_label;
  GtkWidget *closed_button;

  LlwDatabase *database;
  LlwCampaignData *data;
  GPtrArray *deletions;   /* LlwDeletion done in this window, the latest last: Ctrl+Z undoes */
  GSettings *settings;    /* NULL when the schema is not installed */
  gboolean copying;       /* a new campaign is being made: the window shows it itself */
  guint load_id;          /* fills the tabs not shown yet */
  guint shown;            /* counts the campaigns shown, for the tabs to know if theirs is */
  guint checkpoint_id;    /* folds the log back once the work has settled, see llw-window-disk.c */
  GCancellable *job;      /* of the long work running on a worker thread, see llw-window-jobs.c */
};

void llw_window_reload_campaigns       (LlwWindow      *self,
                                        LlwCampaign    *campaign);

void llw_window_class_actions_init     (GtkWidgetClass *widget_class);
void llw_window_actions_init           (LlwWindow      *self);
void llw_window_update_actions         (LlwWindow      *self);
gboolean llw_window_action_is_enabled  (LlwWindow      *self,
                                        const char     *name);
void llw_window_actions_watch_database (LlwWindow      *self);
void llw_window_actions_dispose        (LlwWindow      *self);

/* The callbacks of the actions installed by llw_window_class_actions_init (), each in the
 * file of its concern. */
void llw_window_search_action          (GtkWidget      *widget,
                                        const char     *action_name,
                                        GVariant       *parameter);
void llw_window_show_page_action       (GtkWidget      *widget,
                                        const char     *action_name,
                                        GVariant       *parameter);
void llw_window_import_action          (GtkWidget      *widget,
                                        const char     *action_name,
                                        GVariant       *parameter);
void llw_window_export_action          (GtkWidget      *widget,
                                        const char     *action_name,
                                        GVariant       *parameter);
void llw_window_export_document_action (GtkWidget      *widget,
                                        const char     *action_name,
                                        GVariant       *parameter);
void llw_window_print_action           (GtkWidget      *widget,
                                        const char     *action_name,
                                        GVariant       *parameter);
void llw_window_save_checklist_action  (GtkWidget      *widget,
                                        const char     *action_name,
                                        GVariant       *parameter);
void llw_window_backup_action          (GtkWidget      *widget,
                                        const char     *action_name,
                                        GVariant       *parameter);
void llw_window_restore_action         (GtkWidget      *widget,
                                        const char     *action_name,
                                        GVariant       *parameter);
void llw_window_make_forms_action      (GtkWidget      *widget,
                                        const char     *action_name,
                                        GVariant       *parameter);
void llw_window_import_forms_action    (GtkWidget      *widget,
                                        const char     *action_name,
                                        GVariant       *parameter);
void llw_window_reopen_campaign_action (GtkWidget      *widget,
                                        const char     *action_name,
                                        GVariant       *parameter);
void llw_window_close_campaign_action  (GtkWidget      *widget,
                                        const char     *action_name,
                                        GVariant       *parameter);

void llw_window_forms_init             (LlwWindow      *self);

void llw_window_closing_campaign_shown (LlwWindow      *self);

void llw_window_disk_watch_database    (LlwWindow      *self);
void llw_window_disk_dispose           (LlwWindow      *self);

GCancellable *llw_window_begin_job     (LlwWindow      *self,
                                        const char     *message);
gboolean llw_window_end_job            (LlwWindow      *self,
                                        const char     *done,
                                        const char     *failure,
                                        const GError   *error);
void llw_window_jobs_dispose           (LlwWindow      *self);

void llw_window_state_init             (LlwWindow      *self);
void llw_window_state_campaign_shown   (LlwWindow      *self,
                                        LlwCampaign    *campaign);
void llw_window_state_dispose          (LlwWindow      *self);

G_END_DECLS
