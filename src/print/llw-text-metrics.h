/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LLW_TEXT_REGULAR = 0,
  LLW_TEXT_BOLD = 1 << 0,
  LLW_TEXT_ITALIC = 1 << 1,
} LlwTextStyle;

typedef struct _LlwTextMetrics LlwTextMetrics;

LlwTextMetrics *llw_text_metrics_new         (void);
void            llw_text_metrics_free        (LlwTextMetrics *self);
double          llw_text_metrics_line_height (LlwTextMetrics *self,
                                              double          size,
                                              LlwTextStyle    style);
double          llw_text_metrics_width       (LlwTextMetrics *self,
                                              double          size,
                                              LlwTextStyle    style,
                                              const char     *text);
guint           llw_text_metrics_count_lines (LlwTextMetrics *self,
                                              double          size,
                                              LlwTextStyle    style,
                                              const char     *text,
                                              double          width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlwTextMetrics, llw_text_metrics_free)

G_END_DECLS
