/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "llw-campaign.h"
#include "llw-database.h"

G_BEGIN_DECLS

char     *llw_export_default_filename (LlwCampaign          *campaign);
char     *llw_export_document_filename (LlwCampaign         *campaign);
gboolean  llw_export_report           (LlwDatabase          *db,
                                       LlwCampaign          *campaign,
                                       const char           *path,
                                       GError              **error);
void      llw_export_report_async     (LlwDatabase          *db,
                                       LlwCampaign          *campaign,
                                       GFile                *file,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
void      llw_export_document_async   (LlwDatabase          *db,
                                       LlwCampaign          *campaign,
                                       GFile                *file,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  llw_export_report_finish    (LlwDatabase          *db,
                                       GAsyncResult         *result,
                                       GError              **error);

G_END_DECLS
