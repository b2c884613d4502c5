/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileChooserNative *llw_file_chooser_new        (GtkWindow            *parent,
                                                   const char           *title,
                                                   GtkFileChooserAction  action,
                                                   const char           *accept,
                                                   const char           *name,
                                                   GtkFileFilter        *filter);
GFile                *llw_file_chooser_take       (GtkFileChooserNative *chooser,
                                                   int                   response);
char                 *llw_file_chooser_get_folder (void);

G_END_DECLS
