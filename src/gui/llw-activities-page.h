/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-page.h"

G_BEGIN_DECLS

#define LLW_TYPE_ACTIVITIES_PAGE (llw_activities_page_get_type ())
G_DECLARE_FINAL_TYPE (LlwActivitiesPage, llw_activities_page, LLW, ACTIVITIES_PAGE, LlwPage)

G_END_DECLS
