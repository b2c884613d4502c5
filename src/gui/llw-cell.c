/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-cell.h"

/**
 * llw_cell_query_tooltip:
 *
 * The "query-tooltip" handler of a column view cell's label that has "has-tooltip" set: a
 * cell whose text its column cuts short shows it whole in a tooltip. Templates bind it as
 * "cell_query_tooltip_cb".
 *
 * The text is given when the pointer rests on the cell, not bound to each row shown: on X11
 * each tooltip set makes GTK ask the server where the pointer is, three round trips per cell,
 * for every row drawn when a list opens and every row scrolled into view.
 *
 * Returns: %TRUE if the cell shows a tooltip
 */
gboolean
llw_cell_query_tooltip (GtkLabel   *label,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip,
                        gpointer    unused)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}
