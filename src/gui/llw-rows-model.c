/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-key-sorter.h"
#include "llw-rows-model.h"

/* The rows a list shows: the records of a model, in the order of the column view's sorter,
 * those the search's filter matches. It takes the place of GtkFilterListModel and
 * GtkSortListModel, which at 50,000 rows took 0.2 to 0.9 s a sort on GTK 4.8 (measured with
 * perf): the sort model compares through the column view's sorter, whose column sorters
 * evaluate their expressions again for each comparison, and the list view, looking for
 * its rows among the sorted ones, asks the filter model for each of them, which finds it by
 * counting through a bitset.
 *
 * Here the rows are two arrays. A sort reads which key sorters the column view sorts by
 * (llw_key_sorter_read_chain), takes their keys, made once and kept with the records, and
 * sorts an index of the rows by them, stably, so that rows with equal keys keep the order
 * of the model, as GtkSortListModel does. The filter then keeps the matching rows in that
 * order; as the search narrows it looks only at the rows shown, as it widens only at those
 * hidden. Each change is announced as one items-changed over the rows between the first
 * and the last that differ. */

struct _LlwRowsModel
{
  GObject parent_instance;

  GListModel *model;
  GtkSorter *sorter;
  GtkFilter *filter;
  GPtrArray *sorted;  /* every item of the model, sorted; it holds their references */
  GPtrArray *shown;   /* the items of sorted the filter matches, in the same order */
};

static void llw_rows_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlwRowsModel, llw_rows_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      llw_rows_model_list_model_init))

/* A column view sorts by its last clicked column, then by those clicked before. */
#define MAX_SORTERS 32

typedef struct
{
  LlwKeySorter *sorters[MAX_SORTERS];
  gboolean reversed[MAX_SORTERS];
  guint n_sorters;
  const LlwSortKey **keys;  /* row × sorter */
} Order;

/* The items of a GtkFilterListModel that filters at once (not incrementally) are those of its
 * model that its filter matches, in their order: read so, not one by one, since it finds
 * each item by counting through a bitset. The overview's 10,000 units that have not
 * reported, out of 50,000, took 133 M instructions one by one, 33 M so. Returns %NULL if
 * the count is not the model's. */
static GPtrArray *
read_filtered (GtkFilterListModel *filtered)
{
  GListModel *model = gtk_filter_list_model_get_model (filtered);
  GtkFilter *filter = gtk_filter_list_model_get_filter (filtered);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  guint expected = g_list_model_get_n_items (G_LIST_MODEL (filtered));
  GPtrArray *items = g_ptr_array_new_full (expected, g_object_unref);

  for (guint i = 0; i < n && items->len <= expected; i++)
    {
      gpointer item = g_list_model_get_item (model, i);

      if (filter == NULL || gtk_filter_match (filter, item))
        g_ptr_array_add (items, item);
      else
        g_object_unref (item);
    }
  if (items->len == expected)
    return items;
  g_ptr_array_unref (items);
  return NULL;
}

static GPtrArray *
read_items (GListModel *model)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  GPtrArray *items = NULL;

  if (GTK_IS_FILTER_LIST_MODEL (model) &&
      !gtk_filter_list_model_get_incremental (GTK_FILTER_LIST_MODEL (model)))
    items = read_filtered (GTK_FILTER_LIST_MODEL (model));
  if (items != NULL)
    return items;

  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Order *order = user_data;
  const LlwSortKey **keys1 = order->keys + *(const guint *) a * order->n_sorters;
  const LlwSortKey **keys2 = order->keys + *(const guint *) b * order->n_sorters;

  for (guint i = 0; i < order->n_sorters; i++)
    {
      int result = llw_key_sorter_compare_keys (order->sorters[i], keys1[i], keys2[i]);

      if (result != 0)
        return order->reversed[i] ? -result : result;
    }
  return 0;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      sorter)
{
  return gtk_sorter_compare (sorter, *(gpointer *) a, *(gpointer *) b);
}

/* Sorts @items by the keys of the sorters in @order. g_qsort_with_data () is stable. */
static void
sort_by_keys (GPtrArray *items,
              Order     *order)
{
  guint n = items->len, k = order->n_sorters;
  g_autofree guint *rows = g_new (guint, n);
  g_autofree gpointer *sorted = g_new (gpointer, n);

  order->keys = g_new (const LlwSortKey *, (gsize) n * k);
  for (guint i = 0; i < n; i++)
    {
      rows[i] = i;
      for (guint j = 0; j < k; j++)
        order->keys[i * k + j] = llw_key_sorter_get_key (order->sorters[j], items->pdata[i]);
    }
  g_qsort_with_data (rows, n, sizeof (guint), compare_rows, order);
  g_clear_pointer (&order->keys, g_free);

  for (guint i = 0; i < n; i++)
    sorted[i] = items->pdata[rows[i]];
  memcpy (items->pdata, sorted, n * sizeof (gpointer));
}

static void
sort_items (LlwRowsModel *self,
            GPtrArray    *items)
{
  Order order = { 0 };

  if (self->sorter == NULL || gtk_sorter_get_order (self->sorter) == GTK_SORTER_ORDER_NONE ||
      items->len < 2)
    return;

  order.n_sorters = llw_key_sorter_read_chain (self->sorter, items->pdata[0], items->pdata[1],
                                               order.sorters, order.reversed, MAX_SORTERS);
  if (order.n_sorters > 0)
    sort_by_keys (items, &order);
  else
    /* Not sorted by key sorters: slower, but in the same order. */
    g_qsort_with_data (items->pdata, items->len, sizeof (gpointer), compare_items,
                       self->sorter);
}

/* The items of sorted that the filter matches. With @known, the rows shown until now, the
 * filter is asked only about the others (the search widened), or, with @narrowed, only about
 * those (it narrowed). */
static GPtrArray *
filter_items (LlwRowsModel *self,
              GPtrArray    *known,
              gboolean      narrowed)
{
  GPtrArray *from = narrowed ? known : self->sorted;
  GPtrArray *shown = g_ptr_array_sized_new (from->len);
  guint next_known = 0;

  for (guint i = 0; i < from->len; i++)
    {
      gpointer item = from->pdata[i];
      gboolean was_shown = known != NULL && !narrowed && next_known < known->len &&
                           known->pdata[next_known] == item;

      if (was_shown)
        next_known++;
      if (was_shown || self->filter == NULL || gtk_filter_match (self->filter, item))
        g_ptr_array_add (shown, item);
    }
  return shown;
}

/* Announces the rows between the first and the last that differ. */
static void
announce_changes (LlwRowsModel *self,
                  GPtrArray    *before,
                  GPtrArray    *after)
{
  guint shorter = MIN (before->len, after->len);
  guint start = 0, end = 0;

  while (start < shorter && before->pdata[start] == after->pdata[start])
    start++;
  while (end < shorter - start &&
         before->pdata[before->len - 1 - end] == after->pdata[after->len - 1 - end])
    end++;

  if (start < before->len || start < after->len)
    g_list_model_items_changed (G_LIST_MODEL (self), start, before->len - start - end,
                                after->len - start - end);
}

/* Shows @shown in place of the rows shown until now. */
static void
show (LlwRowsModel *self,
      GPtrArray    *shown)
{
  g_autoptr(GPtrArray) before = g_steal_pointer (&self->shown);

  self->shown = shown;
  announce_changes (self, before, shown);
}

/* Reads, sorts and filters every row again. The rows shown until now are compared with the
 * new ones by address: they are released only afterwards, lest a new row take the address
 * of an old one. */
static void
update (LlwRowsModel *self)
{
  g_autoptr(GPtrArray) before = g_steal_pointer (&self->sorted);

  self->sorted = read_items (self->model);
  sort_items (self, self->sorted);
  show (self, filter_items (self, NULL, FALSE));
}

static void
model_items_changed_cb (GListModel   *model,
                        guint         position,
                        guint         removed,
                        guint         added,
                        LlwRowsModel *self)
{
  update (self);
}

static void
sorter_changed_cb (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   LlwRowsModel    *self)
{
  update (self);
}

static void
filter_changed_cb (GtkFilter       *filter,
                   GtkFilterChange  change,
                   LlwRowsModel    *self)
{
  switch (change)
    {
    case GTK_FILTER_CHANGE_MORE_STRICT:
      show (self, filter_items (self, self->shown, TRUE));
      break;
    case GTK_FILTER_CHANGE_LESS_STRICT:
      show (self, filter_items (self, self->shown, FALSE));
      break;
    case GTK_FILTER_CHANGE_DIFFERENT:
    default:
      show (self, filter_items (self, NULL, FALSE));
      break;
    }
}

static GType
llw_rows_model_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static guint
llw_rows_model_get_n_items (GListModel *list)
{
  return LLW_ROWS_MODEL (list)->shown->len;
}

static gpointer
llw_rows_model_get_item (GListModel *list,
                         guint       position)
{
  LlwRowsModel *self = LLW_ROWS_MODEL (list);

  return position < self->shown->len ? g_object_ref (self->shown->pdata[position]) : NULL;
}

static void
llw_rows_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = llw_rows_model_get_item_type;
  iface->get_n_items = llw_rows_model_get_n_items;
  iface->get_item = llw_rows_model_get_item;
}

static void
llw_rows_model_dispose (GObject *object)
{
  LlwRowsModel *self = LLW_ROWS_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_func (self->sorter, sorter_changed_cb, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (llw_rows_model_parent_class)->dispose (object);
}

static void
llw_rows_model_finalize (GObject *object)
{
  LlwRowsModel *self = LLW_ROWS_MODEL (object);

  g_ptr_array_unref (self->sorted);
  g_ptr_array_unref (self->shown);

  G_OBJECT_CLASS (llw_rows_model_parent_class)->finalize (object);
}

static void
llw_rows_model_class_init (LlwRowsModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = llw_rows_model_dispose;
  object_class->finalize = llw_rows_model_finalize;
}

static void
llw_rows_model_init (LlwRowsModel *self)
{
  self->sorted = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new ();
}

/**
 * llw_rows_model_new:
 * @filter: (nullable): which rows to show, or %NULL for all
 *
 * Returns: (transfer full): a model of no rows, until llw_rows_model_set_model ()
 */
LlwRowsModel *
llw_rows_model_new (GtkFilter *filter)
{
  LlwRowsModel *self;

  g_return_val_if_fail (filter == NULL || GTK_IS_FILTER (filter), NULL);

  self = g_object_new (LLW_TYPE_ROWS_MODEL, NULL);
  if (filter != NULL)
    {
      self->filter = g_object_ref (filter);
      g_signal_connect (filter, "changed", G_CALLBACK (filter_changed_cb), self);
    }
  return self;
}

/**
 * llw_rows_model_set_model:
 * @model: (nullable): the records, which the rows follow as they change
 */
void
llw_rows_model_set_model (LlwRowsModel *self,
                          GListModel   *model)
{
  g_return_if_fail (LLW_IS_ROWS_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
  update (self);
}

/* Returns: (transfer none) (nullable): the records, shown or not */
GListModel *
llw_rows_model_get_model (LlwRowsModel *self)
{
  g_return_val_if_fail (LLW_IS_ROWS_MODEL (self), NULL);

  return self->model;
}

/* Returns: (transfer none): every record of the model, shown or not, in the rows' order, to
 *   be read by position at no cost (a filtered model may count to find each); valid until
 *   the model changes. */
GPtrArray *
llw_rows_model_get_records (LlwRowsModel *self)
{
  g_return_val_if_fail (LLW_IS_ROWS_MODEL (self), NULL);

  return self->sorted;
}

/**
 * llw_rows_model_set_sorter:
 * @sorter: (nullable): a column view's sorter, whose columns sort with LlwKeySorter
 *
 * Sorts the rows by @sorter, now and whenever it changes.
 */
void
llw_rows_model_set_sorter (LlwRowsModel *self,
                           GtkSorter    *sorter)
{
  g_return_if_fail (LLW_IS_ROWS_MODEL (self));
  g_return_if_fail (sorter == NULL || GTK_IS_SORTER (sorter));

  if (self->sorter == sorter)
    return;
  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_func (self->sorter, sorter_changed_cb, self);
  g_set_object (&self->sorter, sorter);
  if (sorter != NULL)
    g_signal_connect (sorter, "changed", G_CALLBACK (sorter_changed_cb), self);
  update (self);
}
