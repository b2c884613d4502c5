/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-database.h"
#include "llw-timeliness.h"
#include "llw-types.h"

G_BEGIN_DECLS

/* One assigned unit of a campaign, with what the printed checklists show of it. The
 * strings belong to the query and are valid only during the callback. */
typedef struct
{
  gint64 unit_id;
  const char *name;
  LlwUnitGroup group;
  const char *contact_person;
  const char *phone;
  const char *email;
  const char *task;
  gboolean report_required;
  const char *deadline;        /* ISO: the assignment's, or else the campaign's */
  const char *received_date;   /* ISO, or NULL when no report has arrived */
  const char *last_reminder;   /* ISO, or NULL */
  LlwReportState state;        /* PENDING for a unit that need not report */
  int days_late;
} LlwAssignedUnit;

typedef gboolean (*LlwAssignedUnitFunc) (const LlwAssignedUnit *unit,
                                         gpointer               user_data);

gboolean llw_database_foreach_assigned_unit (LlwDatabase          *self,
                                             LlwCampaign          *campaign,
                                             const GDate          *today,
                                             LlwAssignedUnitFunc   func,
                                             gpointer              user_data,
                                             GError              **error);

G_END_DECLS
