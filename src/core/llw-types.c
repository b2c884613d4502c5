/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-types.h"

/* Each enum once: its values with the text stored in the database (the nick), and beside
 * it the labels the user reads, in the order of the values. The schema's CHECK constraints
 * name the same texts (test-editing.c compares them). */

#define NONE "none"

G_DEFINE_ENUM_TYPE (LlwUnitGroup, llw_unit_group,
  G_DEFINE_ENUM_VALUE (LLW_UNIT_GROUP_DISTRICT, "district"),
  G_DEFINE_ENUM_VALUE (LLW_UNIT_GROUP_PROVINCIAL, "provincial"),
  G_DEFINE_ENUM_VALUE (LLW_UNIT_GROUP_OTHER, "other"))
static const char *const unit_group_labels[] = {
  N_("District level"), N_("Provincial level"), N_("Other"),
};

G_DEFINE_ENUM_TYPE (LlwRole, llw_role,
  G_DEFINE_ENUM_VALUE (LLW_ROLE_NONE, NONE),
  G_DEFINE_ENUM_VALUE (LLW_ROLE_LEAD, "lead"),
  G_DEFINE_ENUM_VALUE (LLW_ROLE_COORDINATE, "coordinate"),
  G_DEFINE_ENUM_VALUE (LLW_ROLE_IMPLEMENT, "implement"))
static const char *const role_labels[] = {
  N_("Not assigned"), N_("Lead"), N_("Coordinate"), N_("Implement"),
};

G_DEFINE_ENUM_TYPE (LlwActivityForm, llw_activity_form,
  G_DEFINE_ENUM_VALUE (LLW_ACTIVITY_FORM_IN_PERSON, "in_person"),
  G_DEFINE_ENUM_VALUE (LLW_ACTIVITY_FORM_ONLINE, "online"),
  G_DEFINE_ENUM_VALUE (LLW_ACTIVITY_FORM_MIXED, "mixed"))
static const char *const activity_form_labels[] = {
  N_("In person"), N_("Online"), N_("In person and online"),
};

G_DEFINE_ENUM_TYPE (LlwChannel, llw_channel,
  G_DEFINE_ENUM_VALUE (LLW_CHANNEL_NONE, NONE),
  G_DEFINE_ENUM_VALUE (LLW_CHANNEL_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (LLW_CHANNEL_POST, "post"),
  G_DEFINE_ENUM_VALUE (LLW_CHANNEL_HAND, "hand"),
  G_DEFINE_ENUM_VALUE (LLW_CHANNEL_ONLINE, "online"))
static const char *const channel_labels[] = {
  "", N_("E-mail"), N_("Post"), N_("By hand"), N_("Online"),
};

G_DEFINE_ENUM_TYPE (LlwReviewState, llw_review_state,
  G_DEFINE_ENUM_VALUE (LLW_REVIEW_STATE_NONE, NONE),
  G_DEFINE_ENUM_VALUE (LLW_REVIEW_STATE_RECEIVED, "received"),
  G_DEFINE_ENUM_VALUE (LLW_REVIEW_STATE_NEEDS_REVISION, "needs_revision"),
  G_DEFINE_ENUM_VALUE (LLW_REVIEW_STATE_ACCEPTED, "accepted"))
static const char *const review_state_labels[] = {
  "", N_("Received"), N_("Needs revision"), N_("Accepted"),
};

G_DEFINE_ENUM_TYPE (LlwReminderChannel, llw_reminder_channel,
  G_DEFINE_ENUM_VALUE (LLW_REMINDER_CHANNEL_PHONE, "phone"),
  G_DEFINE_ENUM_VALUE (LLW_REMINDER_CHANNEL_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (LLW_REMINDER_CHANNEL_LETTER, "letter"),
  G_DEFINE_ENUM_VALUE (LLW_REMINDER_CHANNEL_IN_PERSON, "in_person"))
static const char *const reminder_channel_labels[] = {
  N_("Phone"), N_("E-mail"), N_("Official letter"), N_("In person"),
};

typedef struct
{
  GType (*get_type) (void);
  const char *const *labels;
  guint n_labels;
} EnumLabels;

#define LABELS(prefix) { llw_##prefix##_get_type, prefix##_labels, G_N_ELEMENTS (prefix##_labels) }

static const EnumLabels enum_labels[] = {
  LABELS (unit_group),
  LABELS (role),
  LABELS (activity_form),
  LABELS (channel),
  LABELS (review_state),
  LABELS (reminder_channel),
};

static GEnumClass *
enum_class (GType type)
{
  gpointer klass = g_type_class_peek (type);

  /* Never released: GLib keeps the class of a static type for the life of the program. */
  return klass != NULL ? klass : g_type_class_ref (type);
}

/* Returns: the value of @type stored as @text; unknown or %NULL text gives the first. */
int
llw_enum_from_string (GType       type,
                      const char *text)
{
  GEnumValue *value = text != NULL ? g_enum_get_value_by_nick (enum_class (type), text) : NULL;

  return value != NULL ? value->value : 0;
}

/* Returns: the text @value of @type is stored as, %NULL for "none". */
const char *
llw_enum_to_string (GType type,
                    int   value)
{
  GEnumValue *found = g_enum_get_value (enum_class (type), value);

  g_return_val_if_fail (found != NULL, NULL);

  return g_str_equal (found->value_nick, NONE) ? NULL : found->value_nick;
}

/* Returns: how @value of @type reads, in the user's language; "" for a value never shown. */
const char *
llw_enum_to_label (GType type,
                   int   value)
{
  for (guint i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    if (enum_labels[i].get_type () == type)
      {
        const char *label;

        g_return_val_if_fail (value >= 0 && (guint) value < enum_labels[i].n_labels, "");
        label = enum_labels[i].labels[value];
        return label[0] ? _(label) : "";
      }

  g_return_val_if_reached ("");
}

/* Returns: whether @text is the stored text of a value of @type a user may choose. */
gboolean
llw_enum_is_choice (GType       type,
                    const char *text)
{
  GEnumValue *value = text != NULL ? g_enum_get_value_by_nick (enum_class (type), text) : NULL;

  return value != NULL && !g_str_equal (value->value_nick, NONE);
}

/* Returns: (transfer full): the stored texts of the values a user may choose, in order. */
char **
llw_enum_dup_choices (GType type)
{
  GEnumClass *klass = enum_class (type);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **choices;

  for (guint i = 0; i < klass->n_values; i++)
    if (!g_str_equal (klass->values[i].value_nick, NONE))
      g_strv_builder_add (builder, klass->values[i].value_nick);

  choices = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return choices;
}

#define DEFINE_ENUM_NAMES(Type, prefix, TYPE)                         \
  Type                                                                \
  prefix##_from_string (const char *text)                             \
  {                                                                   \
    return (Type) llw_enum_from_string (TYPE, text);                  \
  }                                                                   \
                                                                      \
  const char *                                                        \
  prefix##_to_string (Type value)                                     \
  {                                                                   \
    return llw_enum_to_string (TYPE, value);                          \
  }                                                                   \
                                                                      \
  const char *                                                        \
  prefix##_to_label (Type value)                                      \
  {                                                                   \
    return llw_enum_to_label (TYPE, value);                           \
  }

DEFINE_ENUM_NAMES (LlwUnitGroup, llw_unit_group, LLW_TYPE_UNIT_GROUP)
DEFINE_ENUM_NAMES (LlwRole, llw_role, LLW_TYPE_ROLE)
DEFINE_ENUM_NAMES (LlwActivityForm, llw_activity_form, LLW_TYPE_ACTIVITY_FORM)
DEFINE_ENUM_NAMES (LlwChannel, llw_channel, LLW_TYPE_CHANNEL)
DEFINE_ENUM_NAMES (LlwReviewState, llw_review_state, LLW_TYPE_REVIEW_STATE)
