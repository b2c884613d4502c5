/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-campaign.h"
#include "llw-database.h"
#include "llw-entity.h"

G_BEGIN_DECLS

#define LLW_TYPE_WINDOW (llw_window_get_type ())
G_DECLARE_FINAL_TYPE (LlwWindow, llw_window, LLW, WINDOW, GtkApplicationWindow)

LlwWindow *llw_window_new (GtkApplication *application,
                           LlwDatabase    *database,
                           LlwCampaign    *campaign);

/* For the dialogs that edit records of their own (llw-window-actions.c). */
void       llw_window_edit_record   (LlwWindow       *self,
                                     GtkWindow       *parent,
                                     const LlwEntity *entity,
                                     gint64           id);
void       llw_window_delete_record (LlwWindow       *self,
                                     GtkWindow       *parent,
                                     const char      *table,
                                     gint64           id);
void       llw_window_show_history  (LlwWindow       *self,
                                     GtkWindow       *parent,
                                     const char      *table,
                                     gint64           id,
                                     const char      *subject);

G_END_DECLS
