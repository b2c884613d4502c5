/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-page-geometry.h"

#define MM_TO_POINTS(mm) ((mm) * 72.0 / 25.4)
#define A4_SHORT MM_TO_POINTS (210)
#define A4_LONG MM_TO_POINTS (297)

/**
 * llw_page_geometry_a4:
 * @geometry: (out): the page
 * @landscape: whether the page is turned, as the Decree allows for wide tables
 *
 * Margins: 20 mm top and bottom, 30 mm on the binding side, 15 mm on the other. A turned
 * page keeps the binding margin on its long edge, which is now the top.
 */
void
llw_page_geometry_a4 (LlwPageGeometry *geometry,
                      gboolean         landscape)
{
  g_return_if_fail (geometry != NULL);

  if (!landscape)
    llw_page_geometry_for_size (geometry, A4_SHORT, A4_LONG);
  else
    llw_page_geometry_for_size (geometry, A4_LONG, A4_SHORT);
}

/**
 * llw_page_geometry_for_size:
 * @geometry: (out): the page
 * @width: the paper's width in points, as the printer was set up
 * @height: its height
 *
 * The Decree's margins on any paper, for a print dialog where another size was chosen;
 * the page is landscape when it is wider than it is high.
 */
void
llw_page_geometry_for_size (LlwPageGeometry *geometry,
                            double           width,
                            double           height)
{
  g_return_if_fail (geometry != NULL);
  g_return_if_fail (width > 0 && height > 0);

  if (width <= height)
    *geometry = (LlwPageGeometry) {
      width, height,
      MM_TO_POINTS (20), MM_TO_POINTS (20), MM_TO_POINTS (30), MM_TO_POINTS (15),
    };
  else
    *geometry = (LlwPageGeometry) {
      width, height,
      MM_TO_POINTS (30), MM_TO_POINTS (15), MM_TO_POINTS (20), MM_TO_POINTS (20),
    };
}
