/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-report-input.h"

/* The plain values that pass between a file format and core: see llw-report-input.h. */

static GHashTable *
new_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Returns: (transfer full): an empty report from @file_name */
LlwReportInput *
llw_report_input_new (const char *file_name)
{
  LlwReportInput *self = g_new0 (LlwReportInput, 1);

  self->file_name = g_strdup (file_name);
  self->fields = new_table ();
  self->figures = new_table ();
  self->places = new_table ();
  self->activities = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->problem_keys = g_ptr_array_new_with_free_func (g_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
llw_report_input_free (LlwReportInput *self)
{
  if (self == NULL)
    return;

  g_free (self->file_name);
  g_clear_pointer (&self->content, g_bytes_unref);
  g_free (self->token);
  g_free (self->unit_name);
  g_hash_table_unref (self->fields);
  g_hash_table_unref (self->figures);
  g_hash_table_unref (self->places);
  g_ptr_array_unref (self->activities);
  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->problem_keys);
  g_ptr_array_unref (self->notes);
  g_free (self);
}

/* Returns: (transfer none): a new, empty activity: column → text */
GHashTable *
llw_report_input_add_activity (LlwReportInput *self)
{
  GHashTable *activity = new_table ();

  g_ptr_array_add (self->activities, activity);
  return activity;
}

void
llw_report_input_set_place (LlwReportInput *self,
                            const char     *key,
                            const char     *place)
{
  g_hash_table_insert (self->places, g_strdup (key), g_strdup (place));
}

/* Returns: (transfer none) (nullable): where the value of @key came from */
const char *
llw_report_input_get_place (LlwReportInput *self,
                            const char     *key)
{
  return g_hash_table_lookup (self->places, key);
}

/* Adds a problem with the value of @key (%NULL: the file as a whole). */
void
llw_report_input_add_problem (LlwReportInput *self,
                              const char     *key,
                              const char     *message)
{
  g_ptr_array_add (self->problems, g_strdup (message));
  g_ptr_array_add (self->problem_keys, g_strdup (key ? key : ""));
}

/* Returns: (transfer full): a problem with the value of @key (%NULL or "": the file as a
 *   whole) as the user reads it, "file › sheet › cell: message" */
char *
llw_report_input_format_problem (LlwReportInput *self,
                                 const char     *key,
                                 const char     *message)
{
  const char *place = key != NULL && *key ? llw_report_input_get_place (self, key) : NULL;

  /* An activity's empty cell has no place of its own: its row has. */
  if (place == NULL && key != NULL && g_str_has_prefix (key, "activity:") &&
      strchr (key + strlen ("activity:"), ':') != NULL)
    {
      g_autofree char *row = g_strndup (key, (gsize) (strchr (key + strlen ("activity:"), ':') -
                                                      key));

      place = llw_report_input_get_place (self, row);
    }
  if (place != NULL)
    return g_strdup_printf ("%s › %s: %s", self->file_name, place, message);
  return g_strdup_printf ("%s: %s", self->file_name, message);
}

static gboolean
table_is_blank (GHashTable *table)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value != NULL && *(const char *) value != '\0')
      return FALSE;
  return TRUE;
}

/* Returns: whether nothing at all was filled in: a form sent back as it went out */
gboolean
llw_report_input_is_blank (LlwReportInput *self)
{
  return table_is_blank (self->fields) && table_is_blank (self->figures) &&
         self->activities->len == 0;
}
