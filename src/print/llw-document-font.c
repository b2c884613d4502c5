/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <hb.h>

#include "llw-document-font.h"

/**
 * llw_document_font_get_extents:
 * @desc: the face and its size, in points
 *
 * Gives the ascent and descent, in points, of the font @context picks for @desc, read
 * from the font's own tables and not rounded. Pango on Windows takes them from GDI, rounded
 * to whole pixels: a 13 pt line of Times New Roman would be 15 pt there and 14.4 on Linux,
 * and the same document would break into other pages.
 *
 * Returns: %FALSE when no font has any of the families: the extents are then Pango's guess
 */
gboolean
llw_document_font_get_extents (PangoContext               *context,
                               const PangoFontDescription *desc,
                               double                     *ascent,
                               double                     *descent)
{
  g_autoptr(PangoFont) font = pango_context_load_font (context, desc);
  double size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
  hb_font_extents_t extents;
  hb_face_t *face;
  hb_font_t *unscaled;

  if (font == NULL)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, desc, NULL);

      *ascent = (double) pango_font_metrics_get_ascent (metrics) / PANGO_SCALE;
      *descent = (double) pango_font_metrics_get_descent (metrics) / PANGO_SCALE;
      pango_font_metrics_unref (metrics);
      return FALSE;
    }

  /* A font of the face at its own scale gives the tables' values, in font units. */
  face = hb_font_get_face (pango_font_get_hb_font (font));
  unscaled = hb_font_create (face);
  hb_font_get_h_extents (unscaled, &extents);
  *ascent = extents.ascender * size / hb_face_get_upem (face);
  *descent = -extents.descender * size / hb_face_get_upem (face);
  hb_font_destroy (unscaled);
  return TRUE;
}
