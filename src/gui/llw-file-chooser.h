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
GtkFileChooserNative *llw_file_chooser_new_in     (GtkWindow            *parent,
                                                   const char           *title,
                                                   const char           *accept,
                                                   GtkFileFilter        *filter,
                                                   const char           *own_folder);
GFile                *llw_file_chooser_take       (GtkFileChooserNative *chooser,
                                                   int                   response);
char                 *llw_file_chooser_get_folder (void);

G_END_DECLS
