/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  llw_figure_parse  (const char  *text,
                             int          decimals,
                             double      *value,
                             gboolean    *reported,
                             GError     **error);
char     *llw_figure_format (double       value,
                             int          decimals);
void      llw_figure_append (GString     *out,
                             double       value,
                             int          decimals);

G_END_DECLS
