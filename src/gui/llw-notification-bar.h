/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LLW_TYPE_NOTIFICATION_BAR (llw_notification_bar_get_type ())
G_DECLARE_FINAL_TYPE (LlwNotificationBar, llw_notification_bar, LLW, NOTIFICATION_BAR, GtkWidget)

void llw_notification_bar_show         (LlwNotificationBar *self,
                                        const char         *message,
                                        gboolean            can_undo);
void llw_notification_bar_show_running (LlwNotificationBar *self,
                                        const char         *message,
                                        GCancellable       *cancellable);
void llw_notification_bar_hide         (LlwNotificationBar *self);

G_END_DECLS
