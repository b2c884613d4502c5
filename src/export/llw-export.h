/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-campaign.h"

G_BEGIN_DECLS

char *llw_export_default_filename (LlwCampaign *campaign);

G_END_DECLS
