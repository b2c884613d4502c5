/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "llw-database.h"
#include "llw-database-totals.h"
#include "llw-indicator.h"
#include "llw-report-summary.h"
#include "llw-timeliness.h"
#include "llw-types.h"

G_BEGIN_DECLS

/* One unit that must report, with its report as of the consolidation's day. The strings
 * belong to the consolidation; dates are ISO 8601. */
typedef struct
{
  const char    *name;
  const char    *code;
  LlwUnitGroup   group;
  const char    *deadline;
  const char    *received_date;    /* NULL: nothing received */
  const char    *document_number;
  gint64         theme_id;         /* 0: no theme chosen */
  const char    *theme_title;
  LlwReportState state;
  int            days_late;
} LlwConsolidatedUnit;

#define LLW_TYPE_CONSOLIDATION (llw_consolidation_get_type ())
G_DECLARE_FINAL_TYPE (LlwConsolidation, llw_consolidation, LLW, CONSOLIDATION, GObject)

LlwConsolidation          *llw_consolidation_load               (LlwDatabase      *db,
                                                                 LlwCampaign      *campaign,
                                                                 const GDate      *today,
                                                                 GError          **error);
LlwCampaign               *llw_consolidation_get_campaign       (LlwConsolidation *self);
const GDate               *llw_consolidation_get_date           (LlwConsolidation *self);
const char                *llw_consolidation_get_database_path  (LlwConsolidation *self);

guint                      llw_consolidation_get_n_units        (LlwConsolidation *self);
const LlwConsolidatedUnit *llw_consolidation_get_unit           (LlwConsolidation *self,
                                                                 guint             unit);
guint                      llw_consolidation_get_group_range    (LlwConsolidation *self,
                                                                 LlwUnitGroup      group,
                                                                 guint            *first);
const LlwReportSummary    *llw_consolidation_get_summary        (LlwConsolidation *self);

GListModel                *llw_consolidation_get_indicators     (LlwConsolidation *self);
guint                      llw_consolidation_get_n_indicators   (LlwConsolidation *self);
LlwIndicator              *llw_consolidation_get_indicator      (LlwConsolidation *self,
                                                                 guint             indicator);
gboolean                   llw_consolidation_get_value          (LlwConsolidation *self,
                                                                 guint             unit,
                                                                 guint             indicator,
                                                                 double           *value);
LlwIndicatorTotal          llw_consolidation_get_total          (LlwConsolidation *self,
                                                                 guint             indicator,
                                                                 LlwUnitGroup      group);
LlwIndicatorTotal          llw_consolidation_get_overall_total  (LlwConsolidation *self,
                                                                 guint             indicator);

GListModel                *llw_consolidation_get_themes         (LlwConsolidation *self);
guint                      llw_consolidation_count_theme        (LlwConsolidation *self,
                                                                 gint64            theme_id);
GListModel                *llw_consolidation_get_activities     (LlwConsolidation *self);
GListModel                *llw_consolidation_get_examples       (LlwConsolidation *self);

LlwCampaign               *llw_consolidation_get_previous_campaign (LlwConsolidation *self);
gboolean                   llw_consolidation_get_previous_total (LlwConsolidation *self,
                                                                 guint             indicator,
                                                                 LlwIndicatorTotal *total);
gboolean                   llw_consolidation_get_previous_counts (LlwConsolidation *self,
                                                                  guint            *expected,
                                                                  guint            *received);

G_END_DECLS
