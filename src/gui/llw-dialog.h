/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*LlwDialogChangedFunc) (GtkWindow *dialog);

void llw_dialog_add_shortcuts   (GtkWindow            *dialog,
                                 gboolean              enter);
void llw_dialog_confirm_discard (GtkWindow            *dialog,
                                 LlwDialogChangedFunc  changed);
void llw_dialog_set_save_hint   (GtkWidget            *button,
                                 const char           *why);
int  llw_dialog_fit             (GtkWindow            *dialog,
                                 int                   width,
                                 int                   height);

G_END_DECLS
