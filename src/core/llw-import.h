/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-change-plan.h"
#include "llw-database.h"

G_BEGIN_DECLS

#define LLW_TYPE_IMPORT (llw_import_get_type ())
G_DECLARE_FINAL_TYPE (LlwImport, llw_import, LLW, IMPORT, GObject)

LlwImport  *llw_import_new             (LlwDatabase *db,
                                        LlwCampaign *campaign);
gboolean    llw_import_read            (LlwImport   *self,
                                        const char  *data,
                                        gsize        length,
                                        GError     **error);
gboolean    llw_import_read_file       (LlwImport   *self,
                                        const char  *path,
                                        GError     **error);
GPtrArray  *llw_import_get_problems    (LlwImport   *self);
guint       llw_import_get_n_rows      (LlwImport   *self);
gboolean    llw_import_apply           (LlwImport   *self,
                                        gboolean     dry_run,
                                        GError     **error);
void        llw_import_apply_async     (LlwImport           *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    llw_import_apply_finish    (LlwImport           *self,
                                        GAsyncResult        *result,
                                        GError             **error);
LlwChangePlan *llw_import_get_plan     (LlwImport   *self);
char       *llw_import_describe        (LlwImport   *self,
                                        gboolean     dry_run);

G_END_DECLS
