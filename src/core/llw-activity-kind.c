/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-activity-kind.h"
#include "llw-records-private.h"

struct _LlwActivityKind
{
  GObject parent_instance;

  gint64 id;
  int position;
  char *title;
  char *description;
  int activity_count;
};

G_DEFINE_FINAL_TYPE (LlwActivityKind, llw_activity_kind, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_POSITION,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ACTIVITY_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
llw_activity_kind_finalize (GObject *object)
{
  LlwActivityKind *self = (LlwActivityKind *) object;

  g_free (self->title);
  g_free (self->description);

  G_OBJECT_CLASS (llw_activity_kind_parent_class)->finalize (object);
}

static void
llw_activity_kind_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LlwActivityKind *self = LLW_ACTIVITY_KIND (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_ACTIVITY_COUNT:
      g_value_set_int (value, self->activity_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_activity_kind_class_init (LlwActivityKindClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_activity_kind_finalize;
  object_class->get_property = llw_activity_kind_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVITY_COUNT] =
    g_param_spec_int ("activity-count", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llw_activity_kind_init (LlwActivityKind *self)
{
}

/* Reads one row whose columns are, in order: id, position, title, description, activity_count. */
LlwActivityKind *
llw_activity_kind_new_from_stmt (sqlite3_stmt *stmt)
{
  LlwActivityKind *self = g_object_new (LLW_TYPE_ACTIVITY_KIND, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->position = sqlite3_column_int (stmt, 1);
  self->title = llw_stmt_dup_text (stmt, 2);
  self->description = llw_stmt_dup_text (stmt, 3);
  self->activity_count = sqlite3_column_int (stmt, 4);

  return self;
}

gint64
llw_activity_kind_get_id (LlwActivityKind *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY_KIND (self), 0);

  return self->id;
}

int
llw_activity_kind_get_position (LlwActivityKind *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY_KIND (self), 0);

  return self->position;
}

const char *
llw_activity_kind_get_title (LlwActivityKind *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY_KIND (self), NULL);

  return self->title;
}

const char *
llw_activity_kind_get_description (LlwActivityKind *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY_KIND (self), NULL);

  return self->description;
}

int
llw_activity_kind_get_activity_count (LlwActivityKind *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY_KIND (self), 0);

  return self->activity_count;
}
