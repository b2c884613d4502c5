/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-page.h"

G_BEGIN_DECLS

#define LLW_TYPE_UNITS_PAGE (llw_units_page_get_type ())
G_DECLARE_FINAL_TYPE (LlwUnitsPage, llw_units_page, LLW, UNITS_PAGE, LlwPage)

G_END_DECLS
