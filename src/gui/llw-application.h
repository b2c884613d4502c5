/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LLW_TYPE_APPLICATION (llw_application_get_type ())
G_DECLARE_FINAL_TYPE (LlwApplication, llw_application, LLW, APPLICATION, GtkApplication)

LlwApplication *llw_application_new (const char *database_path,
                                     int         campaign_year);

G_END_DECLS
