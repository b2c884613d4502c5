/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-database.h"

G_BEGIN_DECLS

/* One indicator summed over a set of units; count is how many of them reported it. */
typedef struct
{
  double sum;
  guint  count;
} LlwIndicatorTotal;

/* Last year beside this year: what a campaign's report and overview compare with. */

LlwCampaign *llw_database_get_previous_campaign (LlwDatabase  *self,
                                                 LlwCampaign  *campaign,
                                                 GError      **error);
GHashTable  *llw_database_sum_indicators        (LlwDatabase  *self,
                                                 LlwCampaign  *campaign,
                                                 gboolean      headline_only,
                                                 GError      **error);
gboolean     llw_database_count_reports         (LlwDatabase  *self,
                                                 LlwCampaign  *campaign,
                                                 guint        *expected,
                                                 guint        *received,
                                                 GError      **error);

G_END_DECLS
