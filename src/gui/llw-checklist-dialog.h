/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-campaign.h"
#include "llw-database.h"

G_BEGIN_DECLS

/* What happens once a checklist is chosen. */
typedef enum
{
  LLW_CHECKLIST_DIALOG_PRINT,     /* the system print dialog, with its preview */
  LLW_CHECKLIST_DIALOG_SAVE_PDF,  /* a file chooser, then a PDF file */
} LlwChecklistDialogAction;

#define LLW_TYPE_CHECKLIST_DIALOG (llw_checklist_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LlwChecklistDialog, llw_checklist_dialog, LLW, CHECKLIST_DIALOG, GtkWindow)

LlwChecklistDialog *llw_checklist_dialog_new (GtkWindow                *parent,
                                              LlwDatabase              *database,
                                              LlwCampaign              *campaign,
                                              LlwChecklistDialogAction  action);

G_END_DECLS
