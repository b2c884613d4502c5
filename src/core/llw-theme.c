/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-theme.h"
#include "llw-records-private.h"

struct _LlwTheme
{
  GObject parent_instance;

  gint64 id;
  int position;
  char *title;
  gboolean suggested;
  int chosen_count;
};

G_DEFINE_FINAL_TYPE (LlwTheme, llw_theme, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_POSITION,
  PROP_TITLE,
  PROP_SUGGESTED,
  PROP_CHOSEN_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
llw_theme_finalize (GObject *object)
{
  LlwTheme *self = (LlwTheme *) object;

  g_free (self->title);

  G_OBJECT_CLASS (llw_theme_parent_class)->finalize (object);
}

static void
llw_theme_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LlwTheme *self = LLW_THEME (object);

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

    case PROP_SUGGESTED:
      g_value_set_boolean (value, self->suggested);
      break;

    case PROP_CHOSEN_COUNT:
      g_value_set_int (value, self->chosen_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_theme_class_init (LlwThemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_theme_finalize;
  object_class->get_property = llw_theme_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUGGESTED] =
    g_param_spec_boolean ("suggested", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHOSEN_COUNT] =
    g_param_spec_int ("chosen-count", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llw_theme_init (LlwTheme *self)
{
}

/* Reads one row whose columns are, in order: id, position, title, suggested, chosen_count. */
LlwTheme *
llw_theme_new_from_stmt (sqlite3_stmt *stmt)
{
  LlwTheme *self = g_object_new (LLW_TYPE_THEME, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->position = sqlite3_column_int (stmt, 1);
  self->title = llw_stmt_dup_text (stmt, 2);
  self->suggested = sqlite3_column_int (stmt, 3);
  self->chosen_count = sqlite3_column_int (stmt, 4);

  return self;
}

gint64
llw_theme_get_id (LlwTheme *self)
{
  g_return_val_if_fail (LLW_IS_THEME (self), 0);

  return self->id;
}

int
llw_theme_get_position (LlwTheme *self)
{
  g_return_val_if_fail (LLW_IS_THEME (self), 0);

  return self->position;
}

const char *
llw_theme_get_title (LlwTheme *self)
{
  g_return_val_if_fail (LLW_IS_THEME (self), NULL);

  return self->title;
}

gboolean
llw_theme_get_suggested (LlwTheme *self)
{
  g_return_val_if_fail (LLW_IS_THEME (self), FALSE);

  return self->suggested;
}

int
llw_theme_get_chosen_count (LlwTheme *self)
{
  g_return_val_if_fail (LLW_IS_THEME (self), 0);

  return self->chosen_count;
}
