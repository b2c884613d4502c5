/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-types.h"

/* Each table maps an enum value (its index) to the text stored in the database and to the
 * label the user reads; unknown or NULL text falls back to the first entry. */
typedef struct
{
  const char *value;
  const char *label;
} EnumName;

static const EnumName unit_groups[] = {
  { "district", N_("District level") },
  { "provincial", N_("Provincial level") },
  { "other", N_("Other") },
};

static const EnumName roles[] = {
  { NULL, N_("Not assigned") },
  { "lead", N_("Lead") },
  { "coordinate", N_("Coordinate") },
  { "implement", N_("Implement") },
};

static const EnumName activity_forms[] = {
  { "in_person", N_("In person") },
  { "online", N_("Online") },
  { "mixed", N_("In person and online") },
};

static const EnumName channels[] = {
  { NULL, "" },
  { "email", N_("E-mail") },
  { "post", N_("Post") },
  { "hand", N_("By hand") },
  { "online", N_("Online") },
};

static const EnumName review_states[] = {
  { NULL, "" },
  { "received", N_("Received") },
  { "needs_revision", N_("Needs revision") },
  { "accepted", N_("Accepted") },
};

static const EnumName reminder_channels[] = {
  { "phone", N_("Phone") },
  { "email", N_("E-mail") },
  { "letter", N_("Official letter") },
  { "in_person", N_("In person") },
};

static int
lookup (const EnumName *names,
        guint           n_names,
        const char     *text)
{
  if (text != NULL)
    for (guint i = 0; i < n_names; i++)
      if (g_strcmp0 (names[i].value, text) == 0)
        return i;

  return 0;
}

static const char *
label (const EnumName *names,
       guint           n_names,
       int             value)
{
  g_return_val_if_fail (value >= 0 && (guint) value < n_names, "");

  return names[value].label[0] ? _(names[value].label) : "";
}

#define DEFINE_ENUM_NAMES(Type, prefix, table)                        \
  Type                                                                \
  prefix##_from_string (const char *text)                             \
  {                                                                   \
    return (Type) lookup (table, G_N_ELEMENTS (table), text);         \
  }                                                                   \
                                                                      \
  const char *                                                        \
  prefix##_to_string (Type value)                                     \
  {                                                                   \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL); \
    return table[value].value;                                        \
  }                                                                   \
                                                                      \
  const char *                                                        \
  prefix##_to_label (Type value)                                      \
  {                                                                   \
    return label (table, G_N_ELEMENTS (table), value);                \
  }

DEFINE_ENUM_NAMES (LlwUnitGroup, llw_unit_group, unit_groups)
DEFINE_ENUM_NAMES (LlwRole, llw_role, roles)
DEFINE_ENUM_NAMES (LlwActivityForm, llw_activity_form, activity_forms)
DEFINE_ENUM_NAMES (LlwChannel, llw_channel, channels)
DEFINE_ENUM_NAMES (LlwReviewState, llw_review_state, review_states)

/* Returns: how a reminder's channel reads; reminders keep their channel as text only. */
const char *
llw_reminder_channel_to_label (const char *text)
{
  return label (reminder_channels, G_N_ELEMENTS (reminder_channels),
                lookup (reminder_channels, G_N_ELEMENTS (reminder_channels), text));
}
