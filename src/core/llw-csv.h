/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One record of a CSV file: its fields and the line it starts on. */
typedef struct
{
  guint line;
  GPtrArray *fields;  /* char *, UTF-8 */
} LlwCsvRecord;

GPtrArray *llw_csv_parse (const char  *data,
                          gsize        length,
                          GError     **error);

G_END_DECLS
