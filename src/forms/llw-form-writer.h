/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "llw-campaign.h"
#include "llw-report-input.h"
#include "llw-text-metrics.h"

G_BEGIN_DECLS

/* What every form of a campaign shows. The forms are written on several threads at once,
 * which only read it: plain arrays, since a GListStore is not read safely from two threads
 * (its get_item () moves a cursor it keeps). */
typedef struct
{
  LlwCampaign *campaign;
  GPtrArray *themes;         /* LlwTheme */
  GPtrArray *kinds;          /* LlwActivityKind */
  GPtrArray *indicators;     /* LlwIndicator, the active ones in order */
  GDateTime *made_at;        /* written in the file's properties */
  LlwTextMetrics *metrics;   /* to size rows of wrapped text; used by one thread at a time */
  GMutex *metrics_lock;
} LlwFormCatalogue;

/* What one unit's form shows. */
typedef struct
{
  const char *unit_name;
  const char *deadline;      /* ISO 8601 */
  const char *token;
  LlwReportInput *prefill;   /* (nullable): what llweek holds of the unit's report */
} LlwFormUnit;

gboolean llw_form_write (const LlwFormCatalogue  *catalogue,
                         const LlwFormUnit       *unit,
                         const char              *path,
                         GError                 **error);

G_END_DECLS
