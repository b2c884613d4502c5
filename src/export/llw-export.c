/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-export.h"

/**
 * llw_export_default_filename:
 * @campaign: the campaign being reported
 *
 * Returns: the file name proposed for the consolidated report, in ASCII so that it survives
 *   e-mail and USB sticks: Bao-cao-Tuan-le-HTSD-2021.xlsx.
 */
char *
llw_export_default_filename (LlwCampaign *campaign)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  return g_strdup_printf ("Bao-cao-Tuan-le-HTSD-%d.xlsx", llw_campaign_get_year (campaign));
}
