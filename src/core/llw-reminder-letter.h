/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "llw-campaign.h"

G_BEGIN_DECLS

char *llw_reminder_letter_date_line (const char  *place,
                                     const GDate *date);
char *llw_reminder_letter_text      (LlwCampaign *campaign,
                                     GListModel  *statuses,
                                     const GDate *today);

G_END_DECLS
