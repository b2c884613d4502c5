/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The enums below are stored as the text of their *_to_string () in the database. */

typedef enum
{
  LLW_UNIT_GROUP_DISTRICT,
  LLW_UNIT_GROUP_PROVINCIAL,
  LLW_UNIT_GROUP_OTHER,
} LlwUnitGroup;

typedef enum
{
  LLW_ROLE_NONE,        /* not assigned in this campaign */
  LLW_ROLE_LEAD,
  LLW_ROLE_COORDINATE,
  LLW_ROLE_IMPLEMENT,
} LlwRole;

typedef enum
{
  LLW_ACTIVITY_FORM_IN_PERSON,
  LLW_ACTIVITY_FORM_ONLINE,
  LLW_ACTIVITY_FORM_MIXED,
} LlwActivityForm;

typedef enum
{
  LLW_CHANNEL_NONE,     /* no report received */
  LLW_CHANNEL_EMAIL,
  LLW_CHANNEL_POST,
  LLW_CHANNEL_HAND,
  LLW_CHANNEL_ONLINE,
} LlwChannel;

typedef enum
{
  LLW_REVIEW_STATE_NONE, /* no report received */
  LLW_REVIEW_STATE_RECEIVED,
  LLW_REVIEW_STATE_NEEDS_REVISION,
  LLW_REVIEW_STATE_ACCEPTED,
} LlwReviewState;

LlwUnitGroup    llw_unit_group_from_string     (const char *text);
const char     *llw_unit_group_to_string       (LlwUnitGroup group);
const char     *llw_unit_group_to_label        (LlwUnitGroup group);

LlwRole         llw_role_from_string           (const char *text);
const char     *llw_role_to_string             (LlwRole role);
const char     *llw_role_to_label              (LlwRole role);

LlwActivityForm llw_activity_form_from_string  (const char *text);
const char     *llw_activity_form_to_string    (LlwActivityForm form);
const char     *llw_activity_form_to_label     (LlwActivityForm form);

LlwChannel      llw_channel_from_string        (const char *text);
const char     *llw_channel_to_string          (LlwChannel channel);
const char     *llw_channel_to_label           (LlwChannel channel);

LlwReviewState  llw_review_state_from_string   (const char *text);
const char     *llw_review_state_to_string     (LlwReviewState state);
const char     *llw_review_state_to_label      (LlwReviewState state);

const char     *llw_reminder_channel_to_label  (const char *text);

G_END_DECLS
