/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What happens to a unit's report in an import. */
typedef enum
{
  LLW_REPORT_CHANGE_NEW,       /* no report yet: one is created */
  LLW_REPORT_CHANGE_UPDATED,   /* the report received is changed where the file differs */
  LLW_REPORT_CHANGE_REPLACED,  /* the report received is replaced by the one brought in */
} LlwReportChange;

#define LLW_TYPE_CHANGE_PLAN (llw_change_plan_get_type ())
G_DECLARE_FINAL_TYPE (LlwChangePlan, llw_change_plan, LLW, CHANGE_PLAN, GObject)

LlwChangePlan *llw_change_plan_new            (void);
void           llw_change_plan_add_report     (LlwChangePlan   *self,
                                               gint64           unit_id,
                                               const char      *unit_name,
                                               LlwReportChange  change,
                                               const char      *received_before);
void           llw_change_plan_add_field      (LlwChangePlan   *self,
                                               const char      *label,
                                               const char      *old_text,
                                               const char      *new_text);
void           llw_change_plan_add_figure     (LlwChangePlan   *self,
                                               const char      *code,
                                               const char      *label,
                                               int              decimals,
                                               const double    *old_value,
                                               const double    *new_value);
void           llw_change_plan_add_activity   (LlwChangePlan   *self,
                                               const char      *title);

guint          llw_change_plan_get_n_reports  (LlwChangePlan   *self);
guint          llw_change_plan_count_reports  (LlwChangePlan   *self,
                                               LlwReportChange  change);
guint          llw_change_plan_count_figures  (LlwChangePlan   *self);
const char    *llw_change_plan_get_unit_name  (LlwChangePlan   *self,
                                               guint            index);
gint64         llw_change_plan_get_unit_id    (LlwChangePlan   *self,
                                               guint            index);
char          *llw_change_plan_format_report  (LlwChangePlan   *self,
                                               guint            index);

G_END_DECLS
