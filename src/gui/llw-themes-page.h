/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-page.h"

G_BEGIN_DECLS

#define LLW_TYPE_THEMES_PAGE (llw_themes_page_get_type ())
G_DECLARE_FINAL_TYPE (LlwThemesPage, llw_themes_page, LLW, THEMES_PAGE, LlwPage)

G_END_DECLS
