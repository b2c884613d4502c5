/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-recipient.h"
#include "llw-records-private.h"

struct _LlwRecipient
{
  GObject parent_instance;

  gint64 id;
  int position;
  char *kind;
  char *name;
  char *sent_date;
};

G_DEFINE_FINAL_TYPE (LlwRecipient, llw_recipient, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_POSITION,
  PROP_KIND,
  PROP_NAME,
  PROP_SENT_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
llw_recipient_finalize (GObject *object)
{
  LlwRecipient *self = (LlwRecipient *) object;

  g_free (self->kind);
  g_free (self->name);
  g_free (self->sent_date);

  G_OBJECT_CLASS (llw_recipient_parent_class)->finalize (object);
}

static void
llw_recipient_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LlwRecipient *self = LLW_RECIPIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SENT_DATE:
      g_value_set_string (value, self->sent_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_recipient_class_init (LlwRecipientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_recipient_finalize;
  object_class->get_property = llw_recipient_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENT_DATE] =
    g_param_spec_string ("sent-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llw_recipient_init (LlwRecipient *self)
{
}

/* Reads one row whose columns are, in order: id, position, kind, name, sent_date. */
LlwRecipient *
llw_recipient_new_from_stmt (sqlite3_stmt *stmt)
{
  LlwRecipient *self = g_object_new (LLW_TYPE_RECIPIENT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->position = sqlite3_column_int (stmt, 1);
  self->kind = llw_stmt_dup_text (stmt, 2);
  self->name = llw_stmt_dup_text (stmt, 3);
  self->sent_date = llw_stmt_dup_text (stmt, 4);

  return self;
}

gint64
llw_recipient_get_id (LlwRecipient *self)
{
  g_return_val_if_fail (LLW_IS_RECIPIENT (self), 0);

  return self->id;
}

int
llw_recipient_get_position (LlwRecipient *self)
{
  g_return_val_if_fail (LLW_IS_RECIPIENT (self), 0);

  return self->position;
}

const char *
llw_recipient_get_kind (LlwRecipient *self)
{
  g_return_val_if_fail (LLW_IS_RECIPIENT (self), NULL);

  return self->kind;
}

const char *
llw_recipient_get_name (LlwRecipient *self)
{
  g_return_val_if_fail (LLW_IS_RECIPIENT (self), NULL);

  return self->name;
}

const char *
llw_recipient_get_sent_date (LlwRecipient *self)
{
  g_return_val_if_fail (LLW_IS_RECIPIENT (self), NULL);

  return self->sent_date;
}
