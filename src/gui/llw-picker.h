/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LLW_TYPE_PICKER (llw_picker_get_type ())
G_DECLARE_FINAL_TYPE (LlwPicker, llw_picker, LLW, PICKER, GtkWidget)

LlwPicker *llw_picker_new          (const char * const *names,
                                    const char         *label);
guint      llw_picker_get_selected (LlwPicker          *self);
void       llw_picker_set_selected (LlwPicker          *self,
                                    guint               position);
GtkWidget *llw_picker_get_button   (LlwPicker          *self);

G_END_DECLS
