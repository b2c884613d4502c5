/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-date.h"
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
  g_hash_table_unref (self->years);
  g_array_unref (self->kept);

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
  self->years = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->kept = g_array_new (FALSE, FALSE, sizeof (gint64));
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
  g_array_set_size (self->kept, 0);
}

static gboolean
is_label_column (const char *column)
{
  return g_str_equal (column, "name") || g_str_equal (column, "title") ||
         g_str_equal (column, "label");
}

/* Takes the record's name or title from the row @stmt stands on, for messages. */
void
llw_deletion_set_label (LlwDeletion  *self,
                        sqlite3_stmt *stmt)
{
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    if (is_label_column (sqlite3_column_name (stmt, i)))
      {
        g_free (self->label);
        self->label = g_strdup ((const char *) sqlite3_column_text (stmt, i));
        return;
      }
}

/* Saves the row @stmt stands on, which belongs to @campaign_id (0: to none). */
void
llw_deletion_add_row (LlwDeletion  *self,
                      const char   *table,
                      sqlite3_stmt *stmt,
                      gint64        campaign_id,
                      gboolean      root)
{
  LlwSavedRow *row = g_new0 (LlwSavedRow, 1);
  int n = sqlite3_column_count (stmt);

  row->table = g_strdup (table);
  row->campaign_id = campaign_id;
  row->root = root;
  row->columns = g_ptr_array_new_full (n, g_free);
  row->values = g_ptr_array_new_full (n, (GDestroyNotify) sqlite3_value_free);
  for (int i = 0; i < n; i++)
    {
      g_ptr_array_add (row->columns, g_strdup (sqlite3_column_name (stmt, i)));
      g_ptr_array_add (row->values, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
    }
  g_ptr_array_add (self->rows, row);
}

void
llw_deletion_add_link (LlwDeletion *self,
                       const char  *table,
                       const char  *column,
                       gint64       id,
                       gint64       value,
                       gint64       campaign_id)
{
  LlwSavedLink link = { g_strdup (table), g_strdup (column), id, value, campaign_id };

  g_array_append_val (self->links, link);
}

void
llw_deletion_set_year (LlwDeletion *self,
                       gint64       campaign_id,
                       int          year)
{
  g_hash_table_insert (self->years, g_memdup2 (&campaign_id, sizeof campaign_id),
                       GINT_TO_POINTER (year));
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

/**
 * llw_deletion_has_dependents:
 *
 * Returns: whether the delete takes other records along with the one asked for; when a
 *   shared record (a unit) is only taken out of a campaign, whether it takes more than its
 *   place there (its assignment): a report, figures, activities. The user is asked first.
 */
gboolean
llw_deletion_has_dependents (LlwDeletion *self)
{
  g_return_val_if_fail (LLW_IS_DELETION (self), FALSE);

  if (self->whole)
    return self->rows->len > 1 || self->links->len > 0;

  for (guint i = 0; i < self->rows->len; i++)
    if (!g_str_equal (((LlwSavedRow *) g_ptr_array_index (self->rows, i))->table, "assignment"))
      return TRUE;
  return self->links->len > 0;
}

/**
 * llw_deletion_takes_record:
 *
 * A record shared by every campaign (a unit) deleted from one campaign's tab is only taken
 * out of that campaign, unless no other campaign has anything of it.
 *
 * Returns: whether the record itself is deleted, not only its records of the campaign
 */
gboolean
llw_deletion_takes_record (LlwDeletion *self)
{
  g_return_val_if_fail (LLW_IS_DELETION (self), FALSE);

  return self->whole;
}

/* Returns: whether the delete has been carried out and not undone. */
gboolean
llw_deletion_is_done (LlwDeletion *self)
{
  g_return_val_if_fail (LLW_IS_DELETION (self), FALSE);

  return self->done;
}

static int
year_of (LlwDeletion *self,
         gint64       campaign_id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->years, &campaign_id));
}

static const char *
row_text (LlwSavedRow *row,
          const char  *column)
{
  for (guint i = 0; i < row->columns->len; i++)
    if (g_str_equal (g_ptr_array_index (row->columns, i), column))
      return (const char *) sqlite3_value_text (g_ptr_array_index (row->values, i));
  return NULL;
}

static char *
describe_count (const char  *table,
                guint        n,
                LlwSavedRow *last)
{
  const char *received = last ? row_text (last, "received_date") : NULL;

  if (g_str_equal (table, "report") && n == 1 && received != NULL)
    {
      g_autofree char *date = llw_date_format (received);

      return g_strdup_printf (_("1 report received on %s"), date);
    }
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

/* What the delete takes of @campaign_id (-1: of every campaign), such as “1 report
 * received on 20/10/2021, 22 figures, 1 assignment”; "" when nothing. */
static char *
describe_rows (LlwDeletion *self,
               gint64       campaign_id)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) last = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GString *text = g_string_new (NULL);
  guint n_links = 0;

  /* The record itself is what the question names, not one of its dependents. */
  for (guint i = self->whole ? 1 : 0; i < self->rows->len; i++)
    {
      LlwSavedRow *row = g_ptr_array_index (self->rows, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, row->table));

      if (campaign_id >= 0 && row->campaign_id != campaign_id)
        continue;
      if (n == 0)
        g_ptr_array_add (order, row->table);
      g_hash_table_insert (counts, row->table, GUINT_TO_POINTER (n + 1));
      g_hash_table_insert (last, row->table, row);
    }
  for (guint i = 0; i < self->links->len; i++)
    n_links += campaign_id < 0 ||
               g_array_index (self->links, LlwSavedLink, i).campaign_id == campaign_id;

  for (guint i = 0; i < order->len; i++)
    {
      const char *table = g_ptr_array_index (order, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, table));
      g_autofree char *part = describe_count (table, n, g_hash_table_lookup (last, table));

      g_string_append_printf (text, "%s%s", i ? ", " : "", part);
    }

  if (n_links > 0)
    {
      g_autofree char *part =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record loses its link to it",
                                      "%u records lose their link to it", n_links), n_links);

      g_string_append_printf (text, "%s%s", text->len ? ", " : "", part);
    }

  return g_string_free (text, FALSE);
}

static int
compare_years (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int year_a = year_of (user_data, *(const gint64 *) a);
  int year_b = year_of (user_data, *(const gint64 *) b);

  return (year_a > year_b) - (year_a < year_b);
}

/* Adds the campaigns of the rows and links deleted to @ids, once each, in year order. */
static void
list_campaigns (LlwDeletion *self,
                GArray      *ids)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = self->whole ? 1 : 0; i < self->rows->len; i++)
    {
      LlwSavedRow *row = g_ptr_array_index (self->rows, i);

      if (row->campaign_id > 0 && g_hash_table_add (seen, &row->campaign_id))
        g_array_append_val (ids, row->campaign_id);
    }
  for (guint i = 0; i < self->links->len; i++)
    {
      LlwSavedLink *link = &g_array_index (self->links, LlwSavedLink, i);

      if (link->campaign_id > 0 && g_hash_table_add (seen, &link->campaign_id))
        g_array_append_val (ids, link->campaign_id);
    }
  g_array_sort_with_data (ids, compare_years, self);
}

/* What the delete takes of each of @campaign_ids, such as “2021: 1 assignment, 1 report
 * received on 20/10/2021, 2 figures; 2022: 1 assignment”. */
char *
llw_deletion_describe_campaigns (LlwDeletion *self,
                                 GArray      *campaign_ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < campaign_ids->len; i++)
    {
      gint64 campaign_id = g_array_index (campaign_ids, gint64, i);
      g_autofree char *part = describe_rows (self, campaign_id);

      if (*part == '\0')
        continue;
      /* Translators: what a delete takes of one campaign: its year, then the records */
      g_autofree char *group = g_strdup_printf (_("%d: %s"), year_of (self, campaign_id),
                                                part);

      g_string_append_printf (text, "%s%s", text->len ? "; " : "", group);
    }
  return g_string_free (text, FALSE);
}

/**
 * llw_deletion_describe_dependents:
 *
 * Returns: (transfer full) (nullable): what else the delete removes or changes, in the
 *   user's language, such as “1 report received on 20/10/2021, 22 figures, 1 assignment”;
 *   by campaign when it reaches another campaign than the one asked from, such as “2021: 1
 *   assignment, 1 report received on 20/10/2021; 2022: 1 assignment”; %NULL when nothing
 */
char *
llw_deletion_describe_dependents (LlwDeletion *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  char *text;

  g_return_val_if_fail (LLW_IS_DELETION (self), NULL);

  list_campaigns (self, ids);
  if (ids->len == 0 || (ids->len == 1 && g_array_index (ids, gint64, 0) == self->campaign_id))
    text = describe_rows (self, -1);
  else
    text = llw_deletion_describe_campaigns (self, ids);

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/**
 * llw_deletion_describe_kept:
 *
 * Returns: (transfer full) (nullable): the years of the other campaigns where the record
 *   has records and stays, such as “2021” or “2020, 2021”; %NULL when none
 */
char *
llw_deletion_describe_kept (LlwDeletion *self)
{
  g_autoptr(GArray) kept = NULL;
  GString *text;

  g_return_val_if_fail (LLW_IS_DELETION (self), NULL);

  if (self->kept->len == 0)
    return NULL;
  kept = g_array_copy (self->kept);
  g_array_sort_with_data (kept, compare_years, self);
  text = g_string_new (NULL);
  for (guint i = 0; i < kept->len; i++)
    {
      int year = year_of (self, g_array_index (kept, gint64, i));

      if (year > 0)
        g_string_append_printf (text, "%s%d", text->len ? ", " : "", year);
    }
  return g_string_free (text, FALSE);
}
