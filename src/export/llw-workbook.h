/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-report-document.h"

G_BEGIN_DECLS

#define LLW_WORKBOOK_ERROR (llw_workbook_error_quark ())

typedef enum
{
  LLW_WORKBOOK_ERROR_WRITE,     /* the file could not be written; any old one is unchanged */
  LLW_WORKBOOK_ERROR_CONTENT,   /* a cell cannot hold a text as it is */
} LlwWorkbookError;

GQuark   llw_workbook_error_quark (void);
gboolean llw_workbook_write       (LlwReportDocument  *document,
                                   GDateTime          *exported_at,
                                   const char         *path,
                                   GError            **error);

G_END_DECLS
