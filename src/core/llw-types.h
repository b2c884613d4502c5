/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The enums below are GLib enum types whose nicks are the text stored in the database. A
 * value 0 nicknamed "none" stands for nothing stored (NULL): it is no choice of the user. */

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

typedef enum
{
  LLW_REMINDER_CHANNEL_PHONE,
  LLW_REMINDER_CHANNEL_EMAIL,
  LLW_REMINDER_CHANNEL_LETTER,
  LLW_REMINDER_CHANNEL_IN_PERSON,
} LlwReminderChannel;

#define LLW_TYPE_UNIT_GROUP       (llw_unit_group_get_type ())
#define LLW_TYPE_ROLE             (llw_role_get_type ())
#define LLW_TYPE_ACTIVITY_FORM    (llw_activity_form_get_type ())
#define LLW_TYPE_CHANNEL          (llw_channel_get_type ())
#define LLW_TYPE_REVIEW_STATE     (llw_review_state_get_type ())
#define LLW_TYPE_REMINDER_CHANNEL (llw_reminder_channel_get_type ())

GType           llw_unit_group_get_type        (void) G_GNUC_CONST;
GType           llw_role_get_type              (void) G_GNUC_CONST;
GType           llw_activity_form_get_type     (void) G_GNUC_CONST;
GType           llw_channel_get_type           (void) G_GNUC_CONST;
GType           llw_review_state_get_type      (void) G_GNUC_CONST;
GType           llw_reminder_channel_get_type  (void) G_GNUC_CONST;

int             llw_enum_from_string           (GType       type,
                                                const char *text);
const char     *llw_enum_to_string             (GType       type,
                                                int         value);
const char     *llw_enum_to_label              (GType       type,
                                                int         value);
gboolean        llw_enum_is_choice             (GType       type,
                                                const char *text);
char          **llw_enum_dup_choices           (GType       type);

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

G_END_DECLS
