/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-page.h"

G_BEGIN_DECLS

#define LLW_TYPE_OVERVIEW_PAGE (llw_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (LlwOverviewPage, llw_overview_page, LLW, OVERVIEW_PAGE, LlwPage)

G_END_DECLS
