/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-campaign-data.h"
#include "llw-date.h"

/* One campaign's lists as the tabs show them. The overview and the reports tab both show the
 * report statuses: each list is read from the database once, when the first tab asks. */

typedef enum
{
  LIST_THEMES,
  LIST_ACTIVITY_KINDS,
  LIST_UNITS,
  LIST_ACTIVITIES,
  LIST_REPORT_STATUSES,
  N_LISTS
} ListKind;

struct _LlwCampaignData
{
  GObject parent_instance;

  LlwDatabase *database;
  LlwCampaign *campaign;
  GDate today;
  GListModel *lists[N_LISTS];
};

G_DEFINE_FINAL_TYPE (LlwCampaignData, llw_campaign_data, G_TYPE_OBJECT)

static GListModel *
load_list (LlwCampaignData  *self,
           ListKind          kind,
           GError          **error)
{
  switch (kind)
    {
    case LIST_THEMES:
      return llw_database_list_themes (self->database, self->campaign, error);
    case LIST_ACTIVITY_KINDS:
      return llw_database_list_activity_kinds (self->database, self->campaign, error);
    case LIST_UNITS:
      return llw_database_list_units (self->database, self->campaign, error);
    case LIST_ACTIVITIES:
      return llw_database_list_activities (self->database, self->campaign, error);
    case LIST_REPORT_STATUSES:
      return llw_database_list_report_statuses (self->database, self->campaign, &self->today,
                                                error);
    case N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

static GListModel *
get_list (LlwCampaignData  *self,
          ListKind          kind,
          GError          **error)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (self), NULL);

  if (self->lists[kind] == NULL)
    self->lists[kind] = load_list (self, kind, error);

  return self->lists[kind];
}

static void
llw_campaign_data_finalize (GObject *object)
{
  LlwCampaignData *self = LLW_CAMPAIGN_DATA (object);

  for (guint i = 0; i < N_LISTS; i++)
    g_clear_object (&self->lists[i]);
  g_clear_object (&self->campaign);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (llw_campaign_data_parent_class)->finalize (object);
}

static void
llw_campaign_data_class_init (LlwCampaignDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_campaign_data_finalize;
}

static void
llw_campaign_data_init (LlwCampaignData *self)
{
  llw_date_today (&self->today);
}

/* Returns: (transfer full): the lists of @campaign, none of them read yet; "today" is fixed
 *   now, so that every tab computes the same timeliness. */
LlwCampaignData *
llw_campaign_data_new (LlwDatabase *database,
                       LlwCampaign *campaign)
{
  LlwCampaignData *self;

  g_return_val_if_fail (LLW_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  self = g_object_new (LLW_TYPE_CAMPAIGN_DATA, NULL);
  self->database = g_object_ref (database);
  self->campaign = g_object_ref (campaign);

  return self;
}

LlwDatabase *
llw_campaign_data_get_database (LlwCampaignData *self)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (self), NULL);

  return self->database;
}

LlwCampaign *
llw_campaign_data_get_campaign (LlwCampaignData *self)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (self), NULL);

  return self->campaign;
}

const GDate *
llw_campaign_data_get_today (LlwCampaignData *self)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (self), NULL);

  return &self->today;
}

/* The getters below return (transfer none) the list, or %NULL with @error set. */

GListModel *
llw_campaign_data_get_themes (LlwCampaignData  *self,
                              GError          **error)
{
  return get_list (self, LIST_THEMES, error);
}

GListModel *
llw_campaign_data_get_activity_kinds (LlwCampaignData  *self,
                                      GError          **error)
{
  return get_list (self, LIST_ACTIVITY_KINDS, error);
}

GListModel *
llw_campaign_data_get_units (LlwCampaignData  *self,
                             GError          **error)
{
  return get_list (self, LIST_UNITS, error);
}

GListModel *
llw_campaign_data_get_activities (LlwCampaignData  *self,
                                  GError          **error)
{
  return get_list (self, LIST_ACTIVITIES, error);
}

GListModel *
llw_campaign_data_get_report_statuses (LlwCampaignData  *self,
                                       GError          **error)
{
  return get_list (self, LIST_REPORT_STATUSES, error);
}
