/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-database.h"

G_BEGIN_DECLS

gboolean llw_returned_form_exists (LlwDatabase *db,
                                   gint64       report_id);
void     llw_returned_form_open   (GtkWindow   *parent,
                                   LlwDatabase *db,
                                   gint64       report_id);

G_END_DECLS
