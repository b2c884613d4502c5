/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  llw_date_parse      (const char *text,
                               GDate      *date);
char     *llw_date_to_iso     (const GDate *date);
char     *llw_date_format     (const char *iso);
void      llw_date_today      (GDate      *date);
int       llw_date_days_until (const GDate *from,
                               const GDate *to);

G_END_DECLS
