/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-campaign-data.h"
#include "llw-report-status.h"

G_BEGIN_DECLS

#define LLW_TYPE_REPORT_DIALOG (llw_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LlwReportDialog, llw_report_dialog, LLW, REPORT_DIALOG, GtkWindow)

LlwReportDialog *llw_report_dialog_new (GtkWindow        *parent,
                                        LlwCampaignData  *data,
                                        LlwReportStatus  *status,
                                        GError          **error);

G_END_DECLS
