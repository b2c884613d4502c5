/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*LlwForEachFunc) (guint    index,
                                gpointer data);

void llw_forms_for_each (guint          n,
                         LlwForEachFunc func,
                         gpointer       data);

G_END_DECLS
