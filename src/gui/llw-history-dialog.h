/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LLW_TYPE_HISTORY_DIALOG (llw_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LlwHistoryDialog, llw_history_dialog, LLW, HISTORY_DIALOG, GtkWindow)

LlwHistoryDialog *llw_history_dialog_new (GtkWindow  *parent,
                                          const char *subject,
                                          GListModel *entries,
                                          gboolean    show_records);

G_END_DECLS
