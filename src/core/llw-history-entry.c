/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-date.h"
#include "llw-entity.h"
#include "llw-history-entry.h"

/* One change of the history as the user reads it: a field changed, or a record added or
 * deleted (the history's lines for each field of it taken together). */

/* Longer values are cut: the history says what changed, the record shows it in full. */
#define MAX_VALUE_CHARS 80

struct _LlwHistoryEntry
{
  GObject parent_instance;

  gint64 id;
  char *changed_at;
  char *table_name;
  gint64 record_id;
  char *action;
  char *field;
  char *old_value;
  char *new_value;
  char *record_label;
};

G_DEFINE_FINAL_TYPE (LlwHistoryEntry, llw_history_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHANGED_AT,
  PROP_TABLE_NAME,
  PROP_RECORD_ID,
  PROP_ACTION,
  PROP_FIELD,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  PROP_RECORD_LABEL,
  PROP_TIME_TEXT,
  PROP_DESCRIPTION,
  PROP_RECORD_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The name of a kind of record, for the campaign's history where records are mixed. */
static const char *
table_label (const char *table)
{
  const LlwEntity *entity = llw_entity_lookup (table);

  if (entity != NULL)
    return _(entity->label);
  if (g_strcmp0 (table, "report") == 0)
    return _("Report");
  if (g_strcmp0 (table, "report_value") == 0)
    return _("Figure");
  if (g_strcmp0 (table, "reminder") == 0)
    return _("Reminder");
  if (g_strcmp0 (table, "recipient") == 0)
    return _("Recipient");
  return table;
}

/* A value as the record's form shows it, on one line and not too long. */
static char *
display_value (const LlwField *field,
               const char     *value)
{
  g_autofree char *line = NULL;

  if (value == NULL || value[0] == '\0')
    return g_strdup ("");
  if (field != NULL && field->kind == LLW_FIELD_DATE)
    return llw_date_format (value);
  if (field != NULL && field->kind == LLW_FIELD_CHOICE)
    return g_strdup (llw_field_choice_label (field, value));
  if (field != NULL && field->kind == LLW_FIELD_BOOLEAN)
    return g_strdup (g_strcmp0 (value, "0") == 0 ? _("No") : _("Yes"));

  line = g_strdelimit (g_strdup (value), "\t\r\n", ' ');
  if (g_utf8_strlen (line, -1) > MAX_VALUE_CHARS)
    {
      g_autofree char *start = g_utf8_substring (line, 0, MAX_VALUE_CHARS - 1);

      return g_strconcat (start, "…", NULL);
    }
  return g_steal_pointer (&line);
}

static char *
describe_update (LlwHistoryEntry *self)
{
  const LlwEntity *entity = llw_entity_lookup (self->table_name);
  const LlwField *field = entity ? llw_entity_get_field (entity, self->field) : NULL;
  const char *label = field ? llw_field_get_label (field) : self->field;
  g_autofree char *old_text = display_value (field, self->old_value);
  g_autofree char *new_text = display_value (field, self->new_value);

  if (old_text[0] == '\0')
    /* Translators: a line of a record's history; %s are a field and its new value */
    return g_strdup_printf (_("Set %s to “%s”"), label, new_text);
  if (new_text[0] == '\0')
    /* Translators: a line of a record's history; %s are a field and its old value */
    return g_strdup_printf (_("Emptied %s, which was “%s”"), label, old_text);
  /* Translators: a line of a record's history; %s are a field, its old and its new value */
  return g_strdup_printf (_("Changed %s from “%s” to “%s”"), label, old_text, new_text);
}

static void
llw_history_entry_finalize (GObject *object)
{
  LlwHistoryEntry *self = (LlwHistoryEntry *) object;

  g_free (self->changed_at);
  g_free (self->table_name);
  g_free (self->action);
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self->record_label);

  G_OBJECT_CLASS (llw_history_entry_parent_class)->finalize (object);
}

static void
llw_history_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LlwHistoryEntry *self = LLW_HISTORY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CHANGED_AT:
      g_value_set_string (value, self->changed_at);
      break;
    case PROP_TABLE_NAME:
      g_value_set_string (value, self->table_name);
      break;
    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->record_id);
      break;
    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_OLD_VALUE:
      g_value_set_string (value, self->old_value);
      break;
    case PROP_NEW_VALUE:
      g_value_set_string (value, self->new_value);
      break;
    case PROP_RECORD_LABEL:
      g_value_set_string (value, self->record_label);
      break;
    case PROP_TIME_TEXT:
      g_value_take_string (value, llw_history_entry_format_time (self));
      break;
    case PROP_DESCRIPTION:
      g_value_take_string (value, llw_history_entry_describe (self));
      break;
    case PROP_RECORD_TEXT:
      g_value_take_string (value, llw_history_entry_describe_record (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_history_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LlwHistoryEntry *self = LLW_HISTORY_ENTRY (object);

  /* Construct-only: each is set once, on a fresh object. */
  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_CHANGED_AT:
      self->changed_at = g_value_dup_string (value);
      break;
    case PROP_TABLE_NAME:
      self->table_name = g_value_dup_string (value);
      break;
    case PROP_RECORD_ID:
      self->record_id = g_value_get_int64 (value);
      break;
    case PROP_ACTION:
      self->action = g_value_dup_string (value);
      break;
    case PROP_FIELD:
      self->field = g_value_dup_string (value);
      break;
    case PROP_OLD_VALUE:
      self->old_value = g_value_dup_string (value);
      break;
    case PROP_NEW_VALUE:
      self->new_value = g_value_dup_string (value);
      break;
    case PROP_RECORD_LABEL:
      self->record_label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name,
                 GParamFlags access)
{
  return g_param_spec_string (name, NULL, NULL, NULL, access | G_PARAM_STATIC_STRINGS);
}

static void
llw_history_entry_class_init (LlwHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags stored = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY;

  object_class->finalize = llw_history_entry_finalize;
  object_class->get_property = llw_history_entry_get_property;
  object_class->set_property = llw_history_entry_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            stored | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGED_AT] = string_property ("changed-at", stored);
  properties[PROP_TABLE_NAME] = string_property ("table-name", stored);
  properties[PROP_RECORD_ID] = g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                   stored | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] = string_property ("action", stored);
  properties[PROP_FIELD] = string_property ("field", stored);
  properties[PROP_OLD_VALUE] = string_property ("old-value", stored);
  properties[PROP_NEW_VALUE] = string_property ("new-value", stored);
  properties[PROP_RECORD_LABEL] = string_property ("record-label", stored);
  /* Made from the above, for the views to bind to. */
  properties[PROP_TIME_TEXT] = string_property ("time-text", G_PARAM_READABLE);
  properties[PROP_DESCRIPTION] = string_property ("description", G_PARAM_READABLE);
  properties[PROP_RECORD_TEXT] = string_property ("record-text", G_PARAM_READABLE);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llw_history_entry_init (LlwHistoryEntry *self)
{
}

gint64
llw_history_entry_get_id (LlwHistoryEntry *self)
{
  g_return_val_if_fail (LLW_IS_HISTORY_ENTRY (self), 0);

  return self->id;
}

/* Returns: when the change was made, ISO 8601 with the time zone. */
const char *
llw_history_entry_get_changed_at (LlwHistoryEntry *self)
{
  g_return_val_if_fail (LLW_IS_HISTORY_ENTRY (self), NULL);

  return self->changed_at;
}

const char *
llw_history_entry_get_table_name (LlwHistoryEntry *self)
{
  g_return_val_if_fail (LLW_IS_HISTORY_ENTRY (self), NULL);

  return self->table_name;
}

gint64
llw_history_entry_get_record_id (LlwHistoryEntry *self)
{
  g_return_val_if_fail (LLW_IS_HISTORY_ENTRY (self), 0);

  return self->record_id;
}

/* Returns: "insert", "update" or "delete". */
const char *
llw_history_entry_get_action (LlwHistoryEntry *self)
{
  g_return_val_if_fail (LLW_IS_HISTORY_ENTRY (self), NULL);

  return self->action;
}

/* Returns: (nullable): the column an update changed; %NULL for an insert or a delete. */
const char *
llw_history_entry_get_field (LlwHistoryEntry *self)
{
  g_return_val_if_fail (LLW_IS_HISTORY_ENTRY (self), NULL);

  return self->field;
}

/* Returns: the stored value before the update, or "" (a reference: the record's name). */
const char *
llw_history_entry_get_old_value (LlwHistoryEntry *self)
{
  g_return_val_if_fail (LLW_IS_HISTORY_ENTRY (self), NULL);

  return self->old_value ? self->old_value : "";
}

/* Returns: the stored value after the update, or "" (a reference: the record's name). */
const char *
llw_history_entry_get_new_value (LlwHistoryEntry *self)
{
  g_return_val_if_fail (LLW_IS_HISTORY_ENTRY (self), NULL);

  return self->new_value ? self->new_value : "";
}

/* Returns: the record's name or title, now or when it was deleted, or "". */
const char *
llw_history_entry_get_record_label (LlwHistoryEntry *self)
{
  g_return_val_if_fail (LLW_IS_HISTORY_ENTRY (self), NULL);

  return self->record_label ? self->record_label : "";
}

/* Returns: (transfer full): when the change was made, as dd/mm/yyyy HH:MM local time. */
char *
llw_history_entry_format_time (LlwHistoryEntry *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (LLW_IS_HISTORY_ENTRY (self), NULL);

  utc = self->changed_at ? g_date_time_new_from_iso8601 (self->changed_at, NULL) : NULL;
  if (utc == NULL)
    return g_strdup (self->changed_at ? self->changed_at : "");

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

/**
 * llw_history_entry_describe:
 *
 * Returns: (transfer full): the change in plain words, in the user's language: “Added”,
 *   “Deleted”, or “Changed Phone from “0297 123” to “0297 999””, with the field's label,
 *   dates as dd/mm/yyyy and choices as they read in the form
 */
char *
llw_history_entry_describe (LlwHistoryEntry *self)
{
  g_return_val_if_fail (LLW_IS_HISTORY_ENTRY (self), NULL);

  if (g_strcmp0 (self->action, "insert") == 0)
    return g_strdup (_("Added"));
  if (g_strcmp0 (self->action, "delete") == 0)
    return g_strdup (_("Deleted"));
  if (self->field == NULL)
    return g_strdup (_("Changed"));
  if (g_strcmp0 (self->table_name, "campaign") == 0 && g_strcmp0 (self->field, "reopened") == 0)
    return g_strdup (g_strcmp0 (self->new_value, "1") == 0
                     ? _("Reopened for editing after its Ministry deadline")
                     : _("Closed again: its records are read-only"));
  return describe_update (self);
}

/* Returns: (transfer full): which record changed, such as “Unit “UBND huyện An Minh””, for a
 *   history where records of every kind are mixed. */
char *
llw_history_entry_describe_record (LlwHistoryEntry *self)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (LLW_IS_HISTORY_ENTRY (self), NULL);

  if (self->record_label == NULL || self->record_label[0] == '\0')
    return g_strdup (table_label (self->table_name));
  label = display_value (NULL, self->record_label);
  /* Translators: a kind of record and its name, such as Unit “UBND huyện An Minh” */
  return g_strdup_printf (_("%s “%s”"), table_label (self->table_name), label);
}
