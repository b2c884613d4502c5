/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *llw_text_normalize  (const char *text);
char *llw_text_name_key   (const char *text);
char *llw_text_search_key (const char *text);
char *llw_text_sort_key   (const char *text);
char *llw_text_join_present (const char        *separator,
                             const char *const *fields,
                             gsize              n_fields);

#define LLW_TEXT_ERROR (llw_text_error_quark ())

typedef enum
{
  LLW_TEXT_ERROR_FORBIDDEN,   /* a character no document can hold */
  LLW_TEXT_ERROR_TOO_LONG,
} LlwTextError;

GQuark llw_text_error_quark (void);

/* The most characters of a line of text (a name, a number), and of several lines (a task, a
 * note): both fit in one spreadsheet cell, which holds 32,767. */
#define LLW_TEXT_MAX_LINE 500
#define LLW_TEXT_MAX_LONG 30000
/* What a spreadsheet cell holds at most. */
#define LLW_TEXT_MAX_CELL 32767

gunichar llw_text_find_forbidden (const char  *text,
                                  guint       *line,
                                  guint       *column);
gboolean llw_text_check          (const char  *text,
                                  guint        max_length,
                                  GError     **error);

G_END_DECLS
