/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *llw_text_normalize  (const char *text);
char *llw_text_name_key   (const char *text);
char *llw_text_search_key (const char *text);
char *llw_text_sort_key   (const char *text);

G_END_DECLS
