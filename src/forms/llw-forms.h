/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "llw-database.h"
#include "llw-form-import.h"

G_BEGIN_DECLS

#define LLW_FORMS_ERROR (llw_forms_error_quark ())

typedef enum
{
  LLW_FORMS_ERROR_NO_UNIT,   /* no unit that must report has this name */
  LLW_FORMS_ERROR_WRITE,     /* a form could not be written; the forms before it were */
} LlwFormsError;

GQuark     llw_forms_error_quark    (void);
char      *llw_forms_file_name      (LlwCampaign  *campaign,
                                     const char   *unit_name);
GPtrArray *llw_forms_make           (LlwDatabase  *db,
                                     LlwCampaign  *campaign,
                                     const char   *folder,
                                     const char   *unit,
                                     GError      **error);
void       llw_forms_make_async     (LlwDatabase          *db,
                                     LlwCampaign          *campaign,
                                     const char           *folder,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
GPtrArray *llw_forms_make_finish    (LlwDatabase          *db,
                                     GAsyncResult         *result,
                                     GError              **error);
GPtrArray *llw_forms_existing_files (LlwDatabase  *db,
                                     LlwCampaign  *campaign,
                                     const char   *folder,
                                     GError      **error);

GPtrArray     *llw_forms_list_files (const char *const  *paths,
                                     GError            **error);
GPtrArray     *llw_forms_read_files (GPtrArray          *files,
                                     GCancellable       *cancellable);
void           llw_forms_add_files  (LlwFormImport      *import,
                                     GPtrArray          *read);
LlwFormImport *llw_forms_read       (LlwDatabase        *db,
                                     LlwCampaign        *campaign,
                                     GPtrArray          *files);

G_END_DECLS
