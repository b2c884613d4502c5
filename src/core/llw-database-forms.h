/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-database.h"
#include "llw-report-input.h"

G_BEGIN_DECLS

/* A returned form kept with a report. */
typedef struct
{
  gint64 id;
  char *file_name;
  char *sha256;
  gint64 size;
  char *imported_at;    /* ISO 8601 date and time */
} LlwReturnedForm;

void            llw_returned_form_free              (LlwReturnedForm  *form);

GPtrArray      *llw_database_issue_forms            (LlwDatabase      *self,
                                                     LlwCampaign      *campaign,
                                                     GArray           *unit_ids,
                                                     GError          **error);
gboolean        llw_database_find_issued_form       (LlwDatabase      *self,
                                                     const char       *token,
                                                     gint64           *campaign_id,
                                                     int              *year,
                                                     gint64           *unit_id,
                                                     char            **unit_name);
LlwReportInput *llw_database_load_report_input      (LlwDatabase      *self,
                                                     gint64            report_id,
                                                     GError          **error);
GPtrArray      *llw_database_list_returned_forms    (LlwDatabase      *self,
                                                     gint64            report_id,
                                                     GError          **error);
GBytes         *llw_database_load_returned_form     (LlwDatabase      *self,
                                                     gint64            returned_form_id,
                                                     GError          **error);
gint64          llw_database_find_returned_form     (LlwDatabase      *self,
                                                     gint64            campaign_id,
                                                     const char       *sha256);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlwReturnedForm, llw_returned_form_free)

G_END_DECLS
