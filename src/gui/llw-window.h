/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-campaign.h"
#include "llw-database.h"

G_BEGIN_DECLS

#define LLW_TYPE_WINDOW (llw_window_get_type ())
G_DECLARE_FINAL_TYPE (LlwWindow, llw_window, LLW, WINDOW, GtkApplicationWindow)

LlwWindow *llw_window_new (GtkApplication *application,
                           LlwDatabase    *database,
                           LlwCampaign    *campaign);

G_END_DECLS
