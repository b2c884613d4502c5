/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-unit.h"
#include "llw-records-private.h"
#include "llw-text.h"

struct _LlwUnit
{
  GObject parent_instance;

  gint64 id;
  int position;
  char *code;
  char *name;
  char *short_name;
  LlwUnitGroup group;
  char *contact_person;
  char *phone;
  char *email;
  char *address;
  gboolean active;
  gboolean assigned;
  LlwRole role;
  char *task;
  gboolean report_required;
  char *deadline;
  char *search_key;
  char *sort_key;
};

G_DEFINE_FINAL_TYPE (LlwUnit, llw_unit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_POSITION,
  PROP_CODE,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_GROUP,
  PROP_CONTACT_PERSON,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_ADDRESS,
  PROP_ACTIVE,
  PROP_ASSIGNED,
  PROP_ROLE,
  PROP_TASK,
  PROP_REPORT_REQUIRED,
  PROP_DEADLINE,
  PROP_SEARCH_KEY,
  PROP_SORT_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
llw_unit_finalize (GObject *object)
{
  LlwUnit *self = (LlwUnit *) object;

  g_free (self->code);
  g_free (self->name);
  g_free (self->short_name);
  g_free (self->contact_person);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->address);
  g_free (self->task);
  g_free (self->deadline);
  g_free (self->search_key);
  g_free (self->sort_key);

  G_OBJECT_CLASS (llw_unit_parent_class)->finalize (object);
}

static void
llw_unit_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LlwUnit *self = LLW_UNIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;

    case PROP_GROUP:
      g_value_set_int (value, self->group);
      break;

    case PROP_CONTACT_PERSON:
      g_value_set_string (value, self->contact_person);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_ASSIGNED:
      g_value_set_boolean (value, self->assigned);
      break;

    case PROP_ROLE:
      g_value_set_int (value, self->role);
      break;

    case PROP_TASK:
      g_value_set_string (value, self->task);
      break;

    case PROP_REPORT_REQUIRED:
      g_value_set_boolean (value, self->report_required);
      break;

    case PROP_DEADLINE:
      g_value_set_string (value, self->deadline);
      break;

    case PROP_SEARCH_KEY:
      g_value_set_string (value, llw_unit_get_search_key (self));
      break;

    case PROP_SORT_KEY:
      g_value_set_string (value, llw_unit_get_sort_key (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_unit_class_init (LlwUnitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_unit_finalize;
  object_class->get_property = llw_unit_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP] =
    g_param_spec_int ("group", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_PERSON] =
    g_param_spec_string ("contact-person", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSIGNED] =
    g_param_spec_boolean ("assigned", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_int ("role", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TASK] =
    g_param_spec_string ("task", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT_REQUIRED] =
    g_param_spec_boolean ("report-required", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEADLINE] =
    g_param_spec_string ("deadline", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_KEY] =
    g_param_spec_string ("search-key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_KEY] =
    g_param_spec_string ("sort-key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llw_unit_init (LlwUnit *self)
{
}

/* Reads one row whose columns are, in order: id, position, code, name, short_name, group,
 * contact_person, phone, email, address, active, assigned, role, task, report_required,
 * deadline. */
LlwUnit *
llw_unit_new_from_stmt (sqlite3_stmt *stmt)
{
  LlwUnit *self = g_object_new (LLW_TYPE_UNIT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->position = sqlite3_column_int (stmt, 1);
  self->code = llw_stmt_dup_text (stmt, 2);
  self->name = llw_stmt_dup_text (stmt, 3);
  self->short_name = llw_stmt_dup_text (stmt, 4);
  self->group = llw_unit_group_from_string ((const char *) sqlite3_column_text (stmt, 5));
  self->contact_person = llw_stmt_dup_text (stmt, 6);
  self->phone = llw_stmt_dup_text (stmt, 7);
  self->email = llw_stmt_dup_text (stmt, 8);
  self->address = llw_stmt_dup_text (stmt, 9);
  self->active = sqlite3_column_int (stmt, 10);
  self->assigned = sqlite3_column_int (stmt, 11);
  self->role = llw_role_from_string ((const char *) sqlite3_column_text (stmt, 12));
  self->task = llw_stmt_dup_text (stmt, 13);
  self->report_required = sqlite3_column_int (stmt, 14);
  self->deadline = llw_stmt_dup_text (stmt, 15);

  return self;
}

gint64
llw_unit_get_id (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), 0);

  return self->id;
}

int
llw_unit_get_position (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), 0);

  return self->position;
}

const char *
llw_unit_get_code (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), NULL);

  return self->code;
}

const char *
llw_unit_get_name (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), NULL);

  return self->name;
}

const char *
llw_unit_get_short_name (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), NULL);

  return self->short_name;
}

LlwUnitGroup
llw_unit_get_group (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), 0);

  return self->group;
}

const char *
llw_unit_get_contact_person (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), NULL);

  return self->contact_person;
}

const char *
llw_unit_get_phone (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), NULL);

  return self->phone;
}

const char *
llw_unit_get_email (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), NULL);

  return self->email;
}

const char *
llw_unit_get_address (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), NULL);

  return self->address;
}

gboolean
llw_unit_get_active (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), FALSE);

  return self->active;
}

gboolean
llw_unit_get_assigned (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), FALSE);

  return self->assigned;
}

LlwRole
llw_unit_get_role (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), 0);

  return self->role;
}

const char *
llw_unit_get_task (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), NULL);

  return self->task;
}

gboolean
llw_unit_get_report_required (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), FALSE);

  return self->report_required;
}

const char *
llw_unit_get_deadline (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), NULL);

  return self->deadline;
}

const char *
llw_unit_get_search_key (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), NULL);

  /* Keys are made on first use: loading a list of 50,000 rows should not pay for a search
   * or a sort the user may never ask for. */
  if (self->search_key == NULL)
    {
      const char *fields[] = { self->name, self->short_name, self->code, self->contact_person };
      g_autofree char *all = llw_text_join_present (" ", fields, G_N_ELEMENTS (fields));

      self->search_key = llw_text_search_key (all);
    }

  return self->search_key;
}

const char *
llw_unit_get_sort_key (LlwUnit *self)
{
  g_return_val_if_fail (LLW_IS_UNIT (self), NULL);

  if (self->sort_key == NULL)
    self->sort_key = llw_text_sort_key (self->name);
  return self->sort_key;
}
