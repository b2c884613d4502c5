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
 * @year: the campaign's year, 0 for the latest
 *
 * What `llweek --print-checklist` does: the checklist of @kind as of today (LLWEEK_TODAY
 * fixes the day), on A4 in the orientation the kind reads best in.
 *
 * Returns: %TRUE on success; otherwise %FALSE with a one-line error naming the file at fault
 */
gboolean
llw_checklist_export_pdf (const char        *database_path,
                          int                year,
                          LlwChecklistKind   kind,
                          const char        *path,
                          GError           **error)
{
  g_autoptr(LlwDatabase) database = NULL;
  g_autoptr(LlwCampaign) campaign = NULL;
  g_autoptr(LlwChecklist) checklist = NULL;
  GDate today;

  g_return_val_if_fail (database_path != NULL && path != NULL, FALSE);

  llw_date_today (&today);
  database = llw_database_open (database_path, error);
  if (database != NULL)
    campaign = llw_database_get_campaign (database, year, error);
  if (campaign != NULL)
    checklist = llw_checklist_new_for_campaign (database, campaign, kind, &today, error);

  if (checklist == NULL)
    return FALSE;  /* the database's errors name its file */

  return llw_checklist_write_pdf (checklist, llw_checklist_kind_is_wide (kind), path, error);
}
