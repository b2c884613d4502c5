/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-pages.h"

G_DEFINE_INTERFACE (LlwPages, llw_pages, G_TYPE_OBJECT)

static void
llw_pages_default_init (LlwPagesInterface *iface)
{
}

/**
 * llw_pages_paginate:
 * @max_steps: do at most this much of the work now (rows measured, say), 0 for all; a print
 *   dialog calls this again and again to stay responsive
 *
 * Returns: %TRUE once the pages are cut
 */
gboolean
llw_pages_paginate (LlwPages *self,
                    guint     max_steps)
{
  g_return_val_if_fail (LLW_IS_PAGES (self), TRUE);

  return LLW_PAGES_GET_IFACE (self)->paginate (self, max_steps);
}

/* Returns: the number of pages once paginated; 0 before. */
guint
llw_pages_get_n_pages (LlwPages *self)
{
  g_return_val_if_fail (LLW_IS_PAGES (self), 0);

  return LLW_PAGES_GET_IFACE (self)->get_n_pages (self);
}

/* Returns: (out): the paper and margins of @page, which may be turned unlike the others. */
void
llw_pages_get_page (LlwPages        *self,
                    guint            page,
                    LlwPageGeometry *geometry)
{
  g_return_if_fail (LLW_IS_PAGES (self));
  g_return_if_fail (geometry != NULL);

  LLW_PAGES_GET_IFACE (self)->get_page (self, page, geometry);
}

/**
 * llw_pages_draw_page:
 * @cr: a context whose unit is the point, the page's top left corner at 0, 0
 * @page: the page, from 0
 */
void
llw_pages_draw_page (LlwPages *self,
                     cairo_t  *cr,
                     guint     page)
{
  g_return_if_fail (LLW_IS_PAGES (self));
  g_return_if_fail (page < llw_pages_get_n_pages (self));

  LLW_PAGES_GET_IFACE (self)->draw_page (self, cr, page);
}

/* Returns: (nullable): the document's title, for the PDF's metadata and the print job. */
const char *
llw_pages_get_title (LlwPages *self)
{
  g_return_val_if_fail (LLW_IS_PAGES (self), NULL);

  return LLW_PAGES_GET_IFACE (self)->get_title (self);
}
