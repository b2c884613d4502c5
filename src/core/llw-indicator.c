/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-indicator.h"
#include "llw-records-private.h"

struct _LlwIndicator
{
  GObject parent_instance;

  gint64 id;
  int position;
  char *code;
  char *group_title;
  char *label;
  char *measure;
  int decimals;
  gboolean headline;
};

G_DEFINE_FINAL_TYPE (LlwIndicator, llw_indicator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_POSITION,
  PROP_CODE,
  PROP_GROUP_TITLE,
  PROP_LABEL,
  PROP_MEASURE,
  PROP_DECIMALS,
  PROP_HEADLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
llw_indicator_finalize (GObject *object)
{
  LlwIndicator *self = (LlwIndicator *) object;

  g_free (self->code);
  g_free (self->group_title);
  g_free (self->label);
  g_free (self->measure);

  G_OBJECT_CLASS (llw_indicator_parent_class)->finalize (object);
}

static void
llw_indicator_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LlwIndicator *self = LLW_INDICATOR (object);

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

    case PROP_GROUP_TITLE:
      g_value_set_string (value, self->group_title);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_MEASURE:
      g_value_set_string (value, self->measure);
      break;

    case PROP_DECIMALS:
      g_value_set_int (value, self->decimals);
      break;

    case PROP_HEADLINE:
      g_value_set_boolean (value, self->headline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_indicator_class_init (LlwIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_indicator_finalize;
  object_class->get_property = llw_indicator_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP_TITLE] =
    g_param_spec_string ("group-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEASURE] =
    g_param_spec_string ("measure", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECIMALS] =
    g_param_spec_int ("decimals", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADLINE] =
    g_param_spec_boolean ("headline", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llw_indicator_init (LlwIndicator *self)
{
}

/* Reads one row whose columns are, in order: id, position, code, group_title, label, measure,
 * decimals, headline. */
LlwIndicator *
llw_indicator_new_from_stmt (sqlite3_stmt *stmt)
{
  LlwIndicator *self = g_object_new (LLW_TYPE_INDICATOR, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->position = sqlite3_column_int (stmt, 1);
  self->code = llw_stmt_dup_text (stmt, 2);
  self->group_title = llw_stmt_dup_text (stmt, 3);
  self->label = llw_stmt_dup_text (stmt, 4);
  self->measure = llw_stmt_dup_text (stmt, 5);
  self->decimals = sqlite3_column_int (stmt, 6);
  self->headline = sqlite3_column_int (stmt, 7) != 0;

  return self;
}

gint64
llw_indicator_get_id (LlwIndicator *self)
{
  g_return_val_if_fail (LLW_IS_INDICATOR (self), 0);

  return self->id;
}

int
llw_indicator_get_position (LlwIndicator *self)
{
  g_return_val_if_fail (LLW_IS_INDICATOR (self), 0);

  return self->position;
}

const char *
llw_indicator_get_code (LlwIndicator *self)
{
  g_return_val_if_fail (LLW_IS_INDICATOR (self), NULL);

  return self->code;
}

const char *
llw_indicator_get_group_title (LlwIndicator *self)
{
  g_return_val_if_fail (LLW_IS_INDICATOR (self), NULL);

  return self->group_title;
}

const char *
llw_indicator_get_label (LlwIndicator *self)
{
  g_return_val_if_fail (LLW_IS_INDICATOR (self), NULL);

  return self->label;
}

const char *
llw_indicator_get_measure (LlwIndicator *self)
{
  g_return_val_if_fail (LLW_IS_INDICATOR (self), NULL);

  return self->measure;
}

int
llw_indicator_get_decimals (LlwIndicator *self)
{
  g_return_val_if_fail (LLW_IS_INDICATOR (self), 0);

  return self->decimals;
}

/* Returns: whether the indicator is one of the campaign's main ones, compared with last year
 *   in the overview and charted by unit in the workbook. */
gboolean
llw_indicator_is_headline (LlwIndicator *self)
{
  g_return_val_if_fail (LLW_IS_INDICATOR (self), FALSE);

  return self->headline;
}
