/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LLW_TYPE_REPORT_EXAMPLE (llw_report_example_get_type ())
G_DECLARE_FINAL_TYPE (LlwReportExample, llw_report_example, LLW, REPORT_EXAMPLE, GObject)

gint64       llw_report_example_get_id          (LlwReportExample *self);
const char  *llw_report_example_get_person      (LlwReportExample *self);
const char  *llw_report_example_get_unit_name   (LlwReportExample *self);
const char  *llw_report_example_get_achievement (LlwReportExample *self);

G_END_DECLS
