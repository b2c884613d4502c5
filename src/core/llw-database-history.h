/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-database.h"
#include "llw-history-entry.h"

G_BEGIN_DECLS

GListModel *llw_database_list_history           (LlwDatabase  *self,
                                                 const char   *table,
                                                 gint64        record_id,
                                                 GError      **error);
GListModel *llw_database_list_campaign_history  (LlwDatabase  *self,
                                                 gint64        campaign_id,
                                                 guint         max_lines,
                                                 GError      **error);

G_END_DECLS
