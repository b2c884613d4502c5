/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* The families the documents are set in, as a Pango family list. Times New Roman, as Decree
 * 30/2020 asks; where it is missing, Liberation Serif, which has its metrics (Linux's
 * fontconfig makes that substitution itself; Windows does not); then the generic serif face,
 * so that text never goes missing: Pango on Windows looks only in the families a
 * description names, and finds no font at all when none of them is installed.
 *
 * The list ends in a comma so that a size or style can follow ("…, Bold 12"): without it
 * Pango would read "Times New" as the family and "Roman" as a style. */
#define LLW_DOCUMENT_FAMILIES "Times New Roman, Liberation Serif, Serif,"

gboolean llw_document_font_get_extents (PangoContext               *context,
                                        const PangoFontDescription *desc,
                                        double                     *ascent,
                                        double                     *descent);

G_END_DECLS
