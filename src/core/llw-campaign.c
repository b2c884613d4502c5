/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-campaign.h"
#include "llw-date.h"
#include "llw-records-private.h"

struct _LlwCampaign
{
  GObject parent_instance;

  gint64 id;
  int year;
  char *fields[LLW_CAMPAIGN_N_FIELDS];
  gboolean reopened;
};

G_DEFINE_FINAL_TYPE (LlwCampaign, llw_campaign, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_YEAR,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const columns[LLW_CAMPAIGN_N_FIELDS] = {
  "title", "start_date", "end_date", "opening_date", "unit_deadline", "ministry_deadline",
  "directive_number", "directive_date", "directive_issuer", "directive_subject",
  "directive_signer", "ministry_letter_number", "ministry_letter_date",
  "ministry_letter_issuer", "ministry_letter_subject", "basis", "purpose", "office_name",
  "office_parent", "office_address", "office_phone", "office_email", "report_parent_body",
  "report_issuing_body", "report_place", "report_number", "report_subject",
  "report_signer_authority", "report_signer_title", "report_signer_name", "report_to",
  "report_cc", "report_assessment", "report_proposals", "report_date", "report_limitations",
};

static void
llw_campaign_finalize (GObject *object)
{
  LlwCampaign *self = (LlwCampaign *) object;

  for (guint i = 0; i < LLW_CAMPAIGN_N_FIELDS; i++)
    g_free (self->fields[i]);

  G_OBJECT_CLASS (llw_campaign_parent_class)->finalize (object);
}

static void
llw_campaign_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LlwCampaign *self = LLW_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->fields[LLW_CAMPAIGN_TITLE]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_campaign_class_init (LlwCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_campaign_finalize;
  object_class->get_property = llw_campaign_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llw_campaign_init (LlwCampaign *self)
{
}

/* Reads one row whose columns are id, year, every field in LlwCampaignField order, then
 * reopened. */
LlwCampaign *
llw_campaign_new_from_stmt (sqlite3_stmt *stmt)
{
  LlwCampaign *self = g_object_new (LLW_TYPE_CAMPAIGN, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->year = sqlite3_column_int (stmt, 1);
  for (guint i = 0; i < LLW_CAMPAIGN_N_FIELDS; i++)
    self->fields[i] = g_strdup ((const char *) sqlite3_column_text (stmt, (int) i + 2));
  self->reopened = sqlite3_column_int (stmt, LLW_CAMPAIGN_N_FIELDS + 2);

  return self;
}

gint64
llw_campaign_get_id (LlwCampaign *self)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN (self), 0);

  return self->id;
}

int
llw_campaign_get_year (LlwCampaign *self)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN (self), 0);

  return self->year;
}

const char *
llw_campaign_get_title (LlwCampaign *self)
{
  return llw_campaign_get_text (self, LLW_CAMPAIGN_TITLE);
}

/* Returns: (nullable): the field's text; %NULL for a date the campaign does not have. */
const char *
llw_campaign_get_text (LlwCampaign     *self,
                       LlwCampaignField field)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN (self), NULL);
  g_return_val_if_fail (field < LLW_CAMPAIGN_N_FIELDS, NULL);

  return self->fields[field];
}

/* Returns: the campaign table's column that holds @field. */
const char *
llw_campaign_field_column (LlwCampaignField field)
{
  g_return_val_if_fail (field < LLW_CAMPAIGN_N_FIELDS, NULL);

  return columns[field];
}

/* Returns: whether the office reopened the campaign for editing after its Ministry
 * deadline (llw_database_reopen_campaign ()). */
gboolean
llw_campaign_get_reopened (LlwCampaign *self)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN (self), FALSE);

  return self->reopened;
}

/* Returns: whether the campaign's Ministry deadline has passed on @today. */
gboolean
llw_campaign_is_past_deadline (LlwCampaign *self,
                               const GDate *today)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (LLW_IS_CAMPAIGN (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  iso = llw_date_to_iso (today);
  return g_strcmp0 (self->fields[LLW_CAMPAIGN_MINISTRY_DEADLINE], iso) < 0;
}

/**
 * llw_campaign_is_closed:
 * @today: the day it is (llw_date_today ())
 *
 * A campaign whose report has gone to the Ministry is history: once its Ministry deadline
 * has passed its records are read-only, until the office reopens it.
 *
 * Returns: whether the campaign's records can be viewed and exported but not changed
 */
gboolean
llw_campaign_is_closed (LlwCampaign *self,
                        const GDate *today)
{
  return llw_campaign_is_past_deadline (self, today) && !llw_campaign_get_reopened (self);
}
