/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-deletion-private.h"

/* A delete the user asked for, with everything it takes along, kept so that it can be
 * undone for as long as the window is open. */

G_DEFINE_FINAL_TYPE (LlwDeletion, llw_deletion, G_TYPE_OBJECT)

static void
saved_row_free (gpointer data)
{
  LlwSavedRow *row = data;

  g_free (row->table);
  g_ptr_array_unref (row->columns);
  g_ptr_array_unref (row->values);
  g_free (row);
}

static void
saved_link_clear (gpointer data)
{
  LlwSavedLink *link = data;

  g_free (link->table);
  g_free (link->column);
}

static void
llw_deletion_finalize (GObject *object)
{
  LlwDeletion *self = (LlwDeletion *) object;

  g_free (self->table);
  g_free (self->label);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->links);

  G_OBJECT_CLASS (llw_deletion_parent_class)->finalize (object);
}

static void
llw_deletion_class_init (LlwDeletionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = llw_deletion_finalize;
}

static void
llw_deletion_init (LlwDeletion *self)
{
  self->rows = g_ptr_array_new_with_free_func (saved_row_free);
  self->links = g_array_new (FALSE, TRUE, sizeof (LlwSavedLink));
  g_array_set_clear_func (self->links, saved_link_clear);
}

LlwDeletion *
llw_deletion_new (const char *table,
                  gint64      id,
                  gint64      campaign_id)
{
  LlwDeletion *self = g_object_new (LLW_TYPE_DELETION, NULL);

  self->table = g_strdup (table);
  self->id = id;
  self->campaign_id = campaign_id;
  return self;
}

/* Forgets the rows saved so far, before they are read again inside the delete. */
void
llw_deletion_reset (LlwDeletion *self)
{
  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->links, 0);
}

static gboolean
is_label_column (const char *column)
{
  return g_str_equal (column, "name") || g_str_equal (column, "title") ||
         g_str_equal (column, "label");
}

/* Saves the row @stmt stands on; the first row saved is the record itself. */
void
llw_deletion_add_row (LlwDeletion  *self,
                      const char   *table,
                      sqlite3_stmt *stmt)
{
  LlwSavedRow *row = g_new0 (LlwSavedRow, 1);
  int n = sqlite3_column_count (stmt);

  row->table = g_strdup (table);
  row->columns = g_ptr_array_new_full (n, g_free);
  row->values = g_ptr_array_new_full (n, (GDestroyNotify) sqlite3_value_free);
  for (int i = 0; i < n; i++)
    {
      const char *column = sqlite3_column_name (stmt, i);

      g_ptr_array_add (row->columns, g_strdup (column));
      g_ptr_array_add (row->values, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
      if (self->rows->len == 0 && self->label == NULL && is_label_column (column))
        self->label = g_strdup ((const char *) sqlite3_column_text (stmt, i));
    }
  g_ptr_array_add (self->rows, row);
}

void
llw_deletion_add_link (LlwDeletion *self,
                       const char  *table,
                       const char  *column,
                       gint64       id,
                       gint64       value)
{
  LlwSavedLink link = { g_strdup (table), g_strdup (column), id, value };

  g_array_append_val (self->links, link);
}

const char *
llw_deletion_get_table (LlwDeletion *self)
{
  g_return_val_if_fail (LLW_IS_DELETION (self), NULL);

  return self->table;
}

gint64
llw_deletion_get_id (LlwDeletion *self)
{
  g_return_val_if_fail (LLW_IS_DELETION (self), 0);

  return self->id;
}

/* Returns: the deleted record's name or title, for messages such as “Deleted …”. */
const char *
llw_deletion_get_label (LlwDeletion *self)
{
  g_return_val_if_fail (LLW_IS_DELETION (self), NULL);

  return self->label != NULL ? self->label : "";
}

/* Returns: whether the delete takes other records along with the one asked for. */
gboolean
llw_deletion_has_dependents (LlwDeletion *self)
{
  g_return_val_if_fail (LLW_IS_DELETION (self), FALSE);

  return self->rows->len > 1 || self->links->len > 0;
}

/* Returns: whether the delete has been carried out and not undone. */
gboolean
llw_deletion_is_done (LlwDeletion *self)
{
  g_return_val_if_fail (LLW_IS_DELETION (self), FALSE);

  return self->done;
}

static char *
describe_count (const char *table,
                guint       n)
{
  if (g_str_equal (table, "report"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report", "%u reports", n), n);
  if (g_str_equal (table, "report_value"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure", "%u figures", n), n);
  if (g_str_equal (table, "activity"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities", n), n);
  if (g_str_equal (table, "assignment"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u assignment", "%u assignments", n),
                            n);
  if (g_str_equal (table, "reminder"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reminder", "%u reminders", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other record", "%u other records",
                                       n), n);
}

/**
 * llw_deletion_describe_dependents:
 *
 * Returns: (transfer full) (nullable): what else the delete removes or changes, in the
 *   user's language, such as “1 report, 22 figures, 1 assignment”; %NULL when nothing
 */
char *
llw_deletion_describe_dependents (LlwDeletion *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (LLW_IS_DELETION (self), NULL);

  for (guint i = 1; i < self->rows->len; i++)
    {
      LlwSavedRow *row = g_ptr_array_index (self->rows, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, row->table));

      if (n == 0)
        g_ptr_array_add (order, row->table);
      g_hash_table_insert (counts, row->table, GUINT_TO_POINTER (n + 1));
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *table = g_ptr_array_index (order, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, table));
      g_autofree char *part = describe_count (table, n);

      g_string_append_printf (text, "%s%s", i ? ", " : "", part);
    }

  if (self->links->len > 0)
    {
      g_autofree char *part =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record loses its link to it",
                                      "%u records lose their link to it", self->links->len),
                         self->links->len);

      g_string_append_printf (text, "%s%s", text->len ? ", " : "", part);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
