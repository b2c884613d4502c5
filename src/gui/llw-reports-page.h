/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-page.h"

G_BEGIN_DECLS

#define LLW_TYPE_REPORTS_PAGE (llw_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (LlwReportsPage, llw_reports_page, LLW, REPORTS_PAGE, LlwPage)

G_END_DECLS
