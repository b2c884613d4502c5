/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The campaign's text fields, in the order of the campaign table's columns after id and year.
 * Dates are ISO 8601 text; lists (report-to, report-cc) hold one item a line. The report's
 * assessment is its strengths, beside its limitations. */
typedef enum
{
  LLW_CAMPAIGN_TITLE,
  LLW_CAMPAIGN_START_DATE,
  LLW_CAMPAIGN_END_DATE,
  LLW_CAMPAIGN_OPENING_DATE,
  LLW_CAMPAIGN_UNIT_DEADLINE,
  LLW_CAMPAIGN_MINISTRY_DEADLINE,
  LLW_CAMPAIGN_DIRECTIVE_NUMBER,
  LLW_CAMPAIGN_DIRECTIVE_DATE,
  LLW_CAMPAIGN_DIRECTIVE_ISSUER,
  LLW_CAMPAIGN_DIRECTIVE_SUBJECT,
  LLW_CAMPAIGN_DIRECTIVE_SIGNER,
  LLW_CAMPAIGN_MINISTRY_LETTER_NUMBER,
  LLW_CAMPAIGN_MINISTRY_LETTER_DATE,
  LLW_CAMPAIGN_MINISTRY_LETTER_ISSUER,
  LLW_CAMPAIGN_MINISTRY_LETTER_SUBJECT,
  LLW_CAMPAIGN_BASIS,
  LLW_CAMPAIGN_PURPOSE,
  LLW_CAMPAIGN_OFFICE_NAME,
  LLW_CAMPAIGN_OFFICE_PARENT,
  LLW_CAMPAIGN_OFFICE_ADDRESS,
  LLW_CAMPAIGN_OFFICE_PHONE,
  LLW_CAMPAIGN_OFFICE_EMAIL,
  LLW_CAMPAIGN_REPORT_PARENT_BODY,
  LLW_CAMPAIGN_REPORT_ISSUING_BODY,
  LLW_CAMPAIGN_REPORT_PLACE,
  LLW_CAMPAIGN_REPORT_NUMBER,
  LLW_CAMPAIGN_REPORT_SUBJECT,
  LLW_CAMPAIGN_REPORT_SIGNER_AUTHORITY,
  LLW_CAMPAIGN_REPORT_SIGNER_TITLE,
  LLW_CAMPAIGN_REPORT_SIGNER_NAME,
  LLW_CAMPAIGN_REPORT_TO,
  LLW_CAMPAIGN_REPORT_CC,
  LLW_CAMPAIGN_REPORT_ASSESSMENT,
  LLW_CAMPAIGN_REPORT_PROPOSALS,
  LLW_CAMPAIGN_REPORT_DATE,
  LLW_CAMPAIGN_REPORT_LIMITATIONS,
  LLW_CAMPAIGN_N_FIELDS
} LlwCampaignField;

#define LLW_TYPE_CAMPAIGN (llw_campaign_get_type ())
G_DECLARE_FINAL_TYPE (LlwCampaign, llw_campaign, LLW, CAMPAIGN, GObject)

gint64       llw_campaign_get_id          (LlwCampaign     *self);
int          llw_campaign_get_year        (LlwCampaign     *self);
const char  *llw_campaign_get_title       (LlwCampaign     *self);
const char  *llw_campaign_get_text        (LlwCampaign     *self,
                                           LlwCampaignField field);
const char  *llw_campaign_field_column    (LlwCampaignField field);
gboolean     llw_campaign_get_reopened    (LlwCampaign     *self);
gboolean     llw_campaign_is_past_deadline (LlwCampaign    *self,
                                           const GDate     *today);
gboolean     llw_campaign_is_closed       (LlwCampaign     *self,
                                           const GDate     *today);

G_END_DECLS
