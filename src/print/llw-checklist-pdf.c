/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-checklist-pdf.h"
#include "llw-date.h"

/* Lays out @checklist on A4, portrait or landscape, and writes it to @path as PDF. */
gboolean
llw_checklist_write_pdf (LlwChecklist  *checklist,
                         gboolean       landscape,
                         const char    *path,
                         GError       **error)
{
  g_autoptr(LlwChecklistLayout) layout = NULL;
  LlwPageGeometry page;

  g_return_val_if_fail (LLW_IS_CHECKLIST (checklist), FALSE);

  llw_page_geometry_a4 (&page, landscape);
  layout = llw_checklist_layout_new (checklist, &page);
  return llw_pages_write_pdf (LLW_PAGES (layout), path, error);
}

/**
 * llw_checklist_export_pdf:
 * @database: the database the command line opened
 * @campaign: its campaign to list
 *
 * What `llweek --print-checklist` does: the checklist of @kind as of today (LLWEEK_TODAY
 * fixes the day), on A4 in the orientation the kind reads best in.
 *
 * Returns: %TRUE on success; otherwise %FALSE with a one-line error naming the file at fault
 */
gboolean
llw_checklist_export_pdf (LlwDatabase       *database,
                          LlwCampaign       *campaign,
                          LlwChecklistKind   kind,
                          const char        *path,
                          GError           **error)
{
  g_autoptr(LlwChecklist) checklist = NULL;
  GDate today;

  g_return_val_if_fail (LLW_IS_DATABASE (database) && LLW_IS_CAMPAIGN (campaign), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  llw_date_today (&today);
  checklist = llw_checklist_new_for_campaign (database, campaign, kind, &today, error);
  if (checklist == NULL)
    return FALSE;  /* the database's errors name its file */

  return llw_checklist_write_pdf (checklist, llw_checklist_kind_is_wide (kind), path, error);
}
