/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-campaign-data.h"

G_BEGIN_DECLS

#define LLW_TYPE_IMPORT_DIALOG (llw_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LlwImportDialog, llw_import_dialog, LLW, IMPORT_DIALOG, GtkWindow)

LlwImportDialog *llw_import_dialog_new         (GtkWindow        *parent,
                                                LlwCampaignData  *data,
                                                GFile            *file,
                                                GError          **error);
void             llw_import_dialog_choose_file (GtkWindow        *parent,
                                                LlwCampaignData  *data);

G_END_DECLS
