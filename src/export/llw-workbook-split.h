/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-workbook-private.h"
#include "llw-xlsx-finish.h"

G_BEGIN_DECLS

typedef struct _LlwWorkbookSplit LlwWorkbookSplit;

LlwWorkbookSplit *llw_workbook_split_start  (LlwWorkbookWriter  *w,
                                             const char         *path);
gboolean          llw_workbook_split_takes  (LlwWorkbookSplit   *split,
                                             guint               sheet);
gboolean          llw_workbook_split_finish (LlwWorkbookSplit   *split,
                                             LlwXlsxParts      **parts,
                                             GError            **error);

G_END_DECLS
