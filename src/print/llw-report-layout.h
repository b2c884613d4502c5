/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-page-geometry.h"
#include "llw-report-document.h"

G_BEGIN_DECLS

#define LLW_TYPE_REPORT_LAYOUT (llw_report_layout_get_type ())
G_DECLARE_FINAL_TYPE (LlwReportLayout, llw_report_layout, LLW, REPORT_LAYOUT, GObject)

LlwReportLayout *llw_report_layout_new              (LlwReportDocument     *document,
                                                     const LlwPageGeometry *paper);
gboolean         llw_report_layout_write_pdf        (LlwReportDocument     *document,
                                                     const char            *path,
                                                     GError               **error);

/* For tests of the pagination. */
guint            llw_report_layout_get_page_number  (LlwReportLayout       *self,
                                                     guint                  page);

G_END_DECLS
