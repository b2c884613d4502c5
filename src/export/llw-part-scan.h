/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks one XML part of a package as its bytes stream past, in pieces of any size: that it
 * closes the element it opens, and that it holds no character XML forbids. */
typedef struct
{
  char head[256];
  gsize head_length;
  char tail[128];
  gsize tail_length;
} LlwPartScan;

void     llw_part_scan_init  (LlwPartScan   *scan);
gboolean llw_part_scan_add   (LlwPartScan   *scan,
                              const guint8  *data,
                              gsize          length,
                              GError       **error);
gboolean llw_part_scan_end   (LlwPartScan   *scan,
                              GError       **error);
gboolean llw_part_is_xml     (const char    *name);

G_END_DECLS
