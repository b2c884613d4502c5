/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A page in points, with the margins Decree 30/2020 sets for administrative documents: the
 * same for the printed report, the workbook and the editable document. */
typedef struct
{
  double width;
  double height;
  double top;
  double bottom;
  double left;
  double right;
} LlwPageGeometry;

void llw_page_geometry_a4       (LlwPageGeometry *geometry,
                                 gboolean         landscape);
void llw_page_geometry_for_size (LlwPageGeometry *geometry,
                                 double           width,
                                 double           height);

G_END_DECLS
