/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-checklist.h"
#include "llw-report-document.h"

G_BEGIN_DECLS

#define LLW_TYPE_PRINT_OPERATION (llw_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (LlwPrintOperation, llw_print_operation, LLW, PRINT_OPERATION,
                      GtkPrintOperation)

LlwPrintOperation *llw_print_operation_new (LlwChecklist      *checklist,
                                            gboolean           landscape,
                                            const char        *folder,
                                            const char        *file_name);
LlwPrintOperation *llw_print_operation_new_for_report (LlwReportDocument *document,
                                                       const char        *folder,
                                                       const char        *file_name);
void               llw_print_operation_run (LlwPrintOperation *self,
                                            GtkWindow         *parent);

G_END_DECLS
