/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-activity.h"
#include "llw-records-private.h"
#include "llw-text.h"

struct _LlwActivity
{
  GObject parent_instance;

  gint64 id;
  gint64 unit_id;
  char *unit_name;
  char *kind_title;
  char *theme_title;
  char *title;
  char *start_date;
  char *end_date;
  LlwActivityForm form;
  char *platform;
  char *place;
  gint64 participants;
  char *note;
  char *search_key;
  char *sort_key;
};

G_DEFINE_FINAL_TYPE (LlwActivity, llw_activity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UNIT_ID,
  PROP_UNIT_NAME,
  PROP_KIND_TITLE,
  PROP_THEME_TITLE,
  PROP_TITLE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_FORM,
  PROP_PLATFORM,
  PROP_PLACE,
  PROP_PARTICIPANTS,
  PROP_NOTE,
  PROP_SEARCH_KEY,
  PROP_SORT_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
llw_activity_finalize (GObject *object)
{
  LlwActivity *self = (LlwActivity *) object;

  g_free (self->unit_name);
  g_free (self->kind_title);
  g_free (self->theme_title);
  g_free (self->title);
  g_free (self->start_date);
  g_free (self->end_date);
  g_free (self->platform);
  g_free (self->place);
  g_free (self->note);
  g_free (self->search_key);
  g_free (self->sort_key);

  G_OBJECT_CLASS (llw_activity_parent_class)->finalize (object);
}

static void
llw_activity_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LlwActivity *self = LLW_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;

    case PROP_UNIT_NAME:
      g_value_set_string (value, self->unit_name);
      break;

    case PROP_KIND_TITLE:
      g_value_set_string (value, self->kind_title);
      break;

    case PROP_THEME_TITLE:
      g_value_set_string (value, self->theme_title);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_FORM:
      g_value_set_int (value, self->form);
      break;

    case PROP_PLATFORM:
      g_value_set_string (value, self->platform);
      break;

    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;

    case PROP_PARTICIPANTS:
      g_value_set_int64 (value, self->participants);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_SEARCH_KEY:
      g_value_set_string (value, llw_activity_get_search_key (self));
      break;

    case PROP_SORT_KEY:
      g_value_set_string (value, llw_activity_get_sort_key (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_activity_class_init (LlwActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_activity_finalize;
  object_class->get_property = llw_activity_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_ID] =
    g_param_spec_int64 ("unit-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_NAME] =
    g_param_spec_string ("unit-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND_TITLE] =
    g_param_spec_string ("kind-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_THEME_TITLE] =
    g_param_spec_string ("theme-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORM] =
    g_param_spec_int ("form", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLATFORM] =
    g_param_spec_string ("platform", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTICIPANTS] =
    g_param_spec_int64 ("participants", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
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
llw_activity_init (LlwActivity *self)
{
}

/* Reads one row whose columns are, in order: id, unit_id, unit_name, kind_title, theme_title,
 * title, start_date, end_date, form, platform, place, participants, note. */
LlwActivity *
llw_activity_new_from_stmt (sqlite3_stmt *stmt)
{
  LlwActivity *self = g_object_new (LLW_TYPE_ACTIVITY, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->unit_id = sqlite3_column_int64 (stmt, 1);
  self->unit_name = llw_stmt_dup_text (stmt, 2);
  self->kind_title = llw_stmt_dup_text (stmt, 3);
  self->theme_title = llw_stmt_dup_text (stmt, 4);
  self->title = llw_stmt_dup_text (stmt, 5);
  self->start_date = llw_stmt_dup_text (stmt, 6);
  self->end_date = llw_stmt_dup_text (stmt, 7);
  self->form = llw_activity_form_from_string ((const char *) sqlite3_column_text (stmt, 8));
  self->platform = llw_stmt_dup_text (stmt, 9);
  self->place = llw_stmt_dup_text (stmt, 10);
  /* -1: the number of participants is not known, which is not 0. */
  self->participants = sqlite3_column_type (stmt, 11) == SQLITE_NULL
                       ? -1 : sqlite3_column_int64 (stmt, 11);
  self->note = llw_stmt_dup_text (stmt, 12);

  return self;
}

gint64
llw_activity_get_id (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), 0);

  return self->id;
}

gint64
llw_activity_get_unit_id (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), 0);

  return self->unit_id;
}

const char *
llw_activity_get_unit_name (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), NULL);

  return self->unit_name;
}

const char *
llw_activity_get_kind_title (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), NULL);

  return self->kind_title;
}

const char *
llw_activity_get_theme_title (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), NULL);

  return self->theme_title;
}

const char *
llw_activity_get_title (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), NULL);

  return self->title;
}

const char *
llw_activity_get_start_date (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), NULL);

  return self->start_date;
}

const char *
llw_activity_get_end_date (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), NULL);

  return self->end_date;
}

LlwActivityForm
llw_activity_get_form (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), 0);

  return self->form;
}

const char *
llw_activity_get_platform (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), NULL);

  return self->platform;
}

const char *
llw_activity_get_place (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), NULL);

  return self->place;
}

gint64
llw_activity_get_participants (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), 0);

  return self->participants;
}

const char *
llw_activity_get_note (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), NULL);

  return self->note;
}

const char *
llw_activity_get_search_key (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), NULL);

  /* Keys are made on first use: loading a list of 50,000 rows should not pay for a search
   * or a sort the user may never ask for. */
  if (self->search_key == NULL)
    {
      const char *fields[] = { self->title, self->unit_name, self->kind_title, self->place,
                               self->platform };
      g_autofree char *all = llw_text_join_present (" ", fields, G_N_ELEMENTS (fields));

      self->search_key = llw_text_search_key (all);
    }

  return self->search_key;
}

const char *
llw_activity_get_sort_key (LlwActivity *self)
{
  g_return_val_if_fail (LLW_IS_ACTIVITY (self), NULL);

  if (self->sort_key == NULL)
    self->sort_key = llw_text_sort_key (self->title);
  return self->sort_key;
}
