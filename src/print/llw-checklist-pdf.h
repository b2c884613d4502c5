/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "llw-checklist.h"
#include "llw-checklist-layout.h"
#include "llw-pages.h"

G_BEGIN_DECLS

gboolean llw_checklist_write_pdf        (LlwChecklist         *checklist,
                                         gboolean              landscape,
                                         const char           *path,
                                         GError              **error);
gboolean llw_checklist_export_pdf       (LlwDatabase          *database,
                                         LlwCampaign          *campaign,
                                         LlwChecklistKind      kind,
                                         const char           *path,
                                         GError              **error);

G_END_DECLS
