/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LLW_PLANNED_CREATE,     /* the unit's first report */
  LLW_PLANNED_REPLACE,    /* a report received before is replaced */
} LlwPlannedAction;

/* One value that an import changes, as the user reads it. */
typedef struct
{
  char *label;            /* "Số văn bản", an indicator's label … in the user's language */
  char *code;             /* the indicator's code; NULL for a field of the report */
  char *old_value;        /* "" when there was none */
  char *new_value;        /* "" when there is none */
} LlwPlannedChange;

#define LLW_TYPE_PLANNED_REPORT (llw_planned_report_get_type ())
G_DECLARE_FINAL_TYPE (LlwPlannedReport, llw_planned_report, LLW, PLANNED_REPORT, GObject)

LlwPlannedReport *llw_planned_report_new               (gint64            unit_id,
                                                        const char       *unit_name,
                                                        LlwPlannedAction  action,
                                                        const char       *source);
gint64            llw_planned_report_get_unit_id       (LlwPlannedReport *self);
const char       *llw_planned_report_get_unit_name     (LlwPlannedReport *self);
LlwPlannedAction  llw_planned_report_get_action        (LlwPlannedReport *self);
const char       *llw_planned_report_get_source        (LlwPlannedReport *self);
const char       *llw_planned_report_get_received_date (LlwPlannedReport *self);
void              llw_planned_report_set_received_date (LlwPlannedReport *self,
                                                        const char       *iso);
GPtrArray        *llw_planned_report_get_changes       (LlwPlannedReport *self);
GPtrArray        *llw_planned_report_get_activities    (LlwPlannedReport *self);
GPtrArray        *llw_planned_report_get_notes         (LlwPlannedReport *self);
void              llw_planned_report_add_change        (LlwPlannedReport *self,
                                                        const char       *label,
                                                        const char       *code,
                                                        const char       *old_value,
                                                        const char       *new_value);
void              llw_planned_report_add_activity      (LlwPlannedReport *self,
                                                        const char       *title);
void              llw_planned_report_add_note          (LlwPlannedReport *self,
                                                        const char       *note);
char             *llw_planned_report_describe          (LlwPlannedReport *self);

G_END_DECLS
