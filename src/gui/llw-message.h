/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void llw_show_message (GtkWindow      *parent,
                       GtkMessageType  type,
                       const char     *title,
                       const char     *detail);
void llw_show_error   (GtkWindow      *parent,
                       const char     *title,
                       const GError   *error);

G_END_DECLS
