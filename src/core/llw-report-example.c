/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-records-private.h"
#include "llw-report-example.h"

/* Someone the campaign's report names as an outstanding example: who, where, for what. */
struct _LlwReportExample
{
  GObject parent_instance;

  gint64 id;
  char *person;
  char *unit_name;
  char *achievement;
};

G_DEFINE_FINAL_TYPE (LlwReportExample, llw_report_example, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON,
  PROP_UNIT_NAME,
  PROP_ACHIEVEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
llw_report_example_finalize (GObject *object)
{
  LlwReportExample *self = (LlwReportExample *) object;

  g_free (self->person);
  g_free (self->unit_name);
  g_free (self->achievement);

  G_OBJECT_CLASS (llw_report_example_parent_class)->finalize (object);
}

static void
llw_report_example_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LlwReportExample *self = LLW_REPORT_EXAMPLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PERSON:
      g_value_set_string (value, self->person);
      break;

    case PROP_UNIT_NAME:
      g_value_set_string (value, self->unit_name);
      break;

    case PROP_ACHIEVEMENT:
      g_value_set_string (value, self->achievement);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_report_example_class_init (LlwReportExampleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_report_example_finalize;
  object_class->get_property = llw_report_example_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_string ("person", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_NAME] =
    g_param_spec_string ("unit-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACHIEVEMENT] =
    g_param_spec_string ("achievement", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llw_report_example_init (LlwReportExample *self)
{
}

/* Reads one row whose columns are, in order: id, person, unit_name, achievement. */
LlwReportExample *
llw_report_example_new_from_stmt (sqlite3_stmt *stmt)
{
  LlwReportExample *self = g_object_new (LLW_TYPE_REPORT_EXAMPLE, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->person = llw_stmt_dup_text (stmt, 1);
  self->unit_name = llw_stmt_dup_text (stmt, 2);
  self->achievement = llw_stmt_dup_text (stmt, 3);

  return self;
}

gint64
llw_report_example_get_id (LlwReportExample *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_EXAMPLE (self), 0);

  return self->id;
}

const char *
llw_report_example_get_person (LlwReportExample *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_EXAMPLE (self), NULL);

  return self->person;
}

const char *
llw_report_example_get_unit_name (LlwReportExample *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_EXAMPLE (self), NULL);

  return self->unit_name;
}

const char *
llw_report_example_get_achievement (LlwReportExample *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_EXAMPLE (self), NULL);

  return self->achievement;
}
