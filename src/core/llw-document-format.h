/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "llw-types.h"

G_BEGIN_DECLS

/* How the office's documents write numbers, numerals and names, in Vietnamese whatever the
 * interface language. */

char       *llw_format_number            (double        value,
                                          int           decimals);
char       *llw_format_figure            (double        value,
                                          int           decimals);
char       *llw_format_percent           (double        value);
const char *llw_format_roman             (guint         n);
const char *llw_format_group_label       (LlwUnitGroup  group);
const char *llw_format_strip_numbering   (const char   *title);
char       *llw_format_date_line         (const char   *place,
                                          const GDate  *date);

G_END_DECLS
