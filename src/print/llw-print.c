/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-print.h"

#define MM_TO_POINTS(mm) ((mm) * 72.0 / 25.4)

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
    *geometry = (LlwPageGeometry) {
      MM_TO_POINTS (210), MM_TO_POINTS (297),
      MM_TO_POINTS (20), MM_TO_POINTS (20), MM_TO_POINTS (30), MM_TO_POINTS (15),
    };
  else
    *geometry = (LlwPageGeometry) {
      MM_TO_POINTS (297), MM_TO_POINTS (210),
      MM_TO_POINTS (30), MM_TO_POINTS (15), MM_TO_POINTS (20), MM_TO_POINTS (20),
    };
}
