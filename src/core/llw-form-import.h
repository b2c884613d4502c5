/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-database.h"
#include "llw-planned-report.h"
#include "llw-report-input.h"

G_BEGIN_DECLS

#define LLW_TYPE_FORM_IMPORT (llw_form_import_get_type ())
G_DECLARE_FINAL_TYPE (LlwFormImport, llw_form_import, LLW, FORM_IMPORT, GObject)

LlwFormImport *llw_form_import_new               (LlwDatabase     *db,
                                                  LlwCampaign     *campaign);
void           llw_form_import_add               (LlwFormImport   *self,
                                                  LlwReportInput  *input);
void           llw_form_import_add_unreadable    (LlwFormImport   *self,
                                                  const char      *file_name,
                                                  const char      *message);
guint          llw_form_import_get_n_files       (LlwFormImport   *self);
gboolean       llw_form_import_check             (LlwFormImport   *self,
                                                  GError         **error);
GListModel    *llw_form_import_get_plan          (LlwFormImport   *self);
GPtrArray     *llw_form_import_get_problems      (LlwFormImport   *self);
gboolean       llw_form_import_set_received_date (LlwFormImport   *self,
                                                  LlwPlannedReport *report,
                                                  const char      *text,
                                                  GError         **error);
gboolean       llw_form_import_is_applied        (LlwFormImport   *self);
gboolean       llw_form_import_apply             (LlwFormImport   *self,
                                                  GError         **error);
char          *llw_form_import_describe          (LlwFormImport   *self,
                                                  gboolean         applied);

G_END_DECLS
