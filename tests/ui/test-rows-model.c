/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tabs' rows (LlwRowsModel with LlwKeySorter columns) come in the order GTK's own
 * models give with GtkStringSorter and GtkNumericSorter, clicked the same way: same
 * collation and case folding, same ties, same secondary columns, same filter. */
#include "config.h"

#include <gtk/gtk.h>

#include "llw-key-sorter.h"
#include "llw-rows-model.h"

#define TEST_TYPE_ROW (test_row_get_type ())
G_DECLARE_FINAL_TYPE (TestRow, test_row, TEST, ROW, GObject)

struct _TestRow
{
  GObject parent_instance;
  char *name;
  int group;
};

G_DEFINE_FINAL_TYPE (TestRow, test_row, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, PROP_GROUP, N_PROPS };

static void
test_row_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TestRow *self = TEST_ROW (object);

  if (prop_id == PROP_NAME)
    g_value_set_string (value, self->name);
  else
    g_value_set_int (value, self->group);
}

static void
test_row_finalize (GObject *object)
{
  g_free (TEST_ROW (object)->name);
  G_OBJECT_CLASS (test_row_parent_class)->finalize (object);
}

static void
test_row_class_init (TestRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_row_get_property;
  object_class->finalize = test_row_finalize;
  g_object_class_install_property (object_class, PROP_NAME,
                                   g_param_spec_string ("name", NULL, NULL, NULL,
                                                        G_PARAM_READABLE));
  g_object_class_install_property (object_class, PROP_GROUP,
                                   g_param_spec_int ("group", NULL, NULL, 0, 100, 0,
                                                     G_PARAM_READABLE));
}

static void
test_row_init (TestRow *self)
{
}

static const char *const words[] = {
  "Rạch Giá", "rach gia", "RẠCH GIÁ", "Hòn Đất", "Hồn Đất", "hon dat", "Đông Hồ", "Dương Đông",
  "An Biên", "an biên", "Ấp 1", "Kiên Lương", "Kiên Hải", "Ba Hòn", "", "Ư", "Ừ", "ư", "10", "9",
  "Z", "a", "Á", "Ả",
};

static GListStore *
make_rows (guint n)
{
  GListStore *store = g_list_store_new (TEST_TYPE_ROW);
  GRand *rand = g_rand_new_with_seed (16);

  for (guint i = 0; i < n; i++)
    {
      TestRow *row = g_object_new (TEST_TYPE_ROW, NULL);

      row->name = g_strdup_printf ("%s %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                   words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      row->group = g_rand_int_range (rand, 0, 4);
      g_list_store_append (store, row);
      g_object_unref (row);
    }
  g_rand_free (rand);
  return store;
}

static const char *query = "";

static gboolean
match (gpointer item,
       gpointer unused)
{
  return strstr (TEST_ROW (item)->name, query) != NULL;
}

typedef struct
{
  GtkColumnView *view;
  GtkColumnViewColumn *columns[2];
} View;

/* A column view with a name and a group column, sorting with key sorters or GTK's. */
static void
make_view (View    *view,
           gboolean keys)
{
  GtkExpression *name = gtk_property_expression_new (TEST_TYPE_ROW, NULL, "name");
  GtkExpression *group = gtk_property_expression_new (TEST_TYPE_ROW, NULL, "group");
  GtkSorter *by_name = keys ? GTK_SORTER (llw_key_sorter_new (name))
                            : GTK_SORTER (gtk_string_sorter_new (name));
  GtkSorter *by_group = keys ? GTK_SORTER (llw_key_sorter_new (group))
                             : GTK_SORTER (gtk_numeric_sorter_new (group));

  view->view = GTK_COLUMN_VIEW (g_object_ref_sink (gtk_column_view_new (NULL)));
  view->columns[0] = gtk_column_view_column_new ("Name", NULL);
  view->columns[1] = gtk_column_view_column_new ("Group", NULL);
  gtk_column_view_column_set_sorter (view->columns[0], by_name);
  gtk_column_view_column_set_sorter (view->columns[1], by_group);
  gtk_column_view_append_column (view->view, view->columns[0]);
  gtk_column_view_append_column (view->view, view->columns[1]);
  g_object_unref (by_name);
  g_object_unref (by_group);
}

static void
assert_same_rows (GListModel *rows,
                  GListModel *expected)
{
  guint n = g_list_model_get_n_items (expected);

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) want = g_list_model_get_item (expected, i);

      if (row != want)
        g_error ("row %u: “%s” (%d), expected “%s” (%d)", i, TEST_ROW (row)->name,
                 TEST_ROW (row)->group, TEST_ROW (want)->name, TEST_ROW (want)->group);
    }
}

/* Counts the changes announced, checking each against the rows shown before it. */
typedef struct
{
  GPtrArray *shown;
} Mirror;

static void
mirror_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Mirror     *mirror)
{
  g_ptr_array_remove_range (mirror->shown, position, removed);
  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (mirror->shown, position + i, item);
      g_object_unref (item);
    }
}

static void
test_same_order (void)
{
  g_autoptr(GListStore) store = make_rows (3000);
  GtkCustomFilter *filter = gtk_custom_filter_new (match, NULL, NULL);
  g_autoptr(LlwRowsModel) rows = llw_rows_model_new (GTK_FILTER (filter));
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GtkSortListModel) expected = NULL;
  View ours, gtks;
  Mirror mirror = { g_ptr_array_new () };
  static const struct { int column; GtkSortType way; const char *query; } steps[] = {
    { 0, GTK_SORT_ASCENDING, "" }, { 0, GTK_SORT_DESCENDING, "" }, { 1, GTK_SORT_ASCENDING, "" },
    { 1, GTK_SORT_ASCENDING, "Đ" }, { 1, GTK_SORT_ASCENDING, "Đất" }, { 1, GTK_SORT_DESCENDING, "Đ" },
    { 0, GTK_SORT_ASCENDING, "" }, { 1, GTK_SORT_DESCENDING, "a" }, { 0, GTK_SORT_DESCENDING, "An" },
  };

  make_view (&ours, TRUE);
  make_view (&gtks, FALSE);
  llw_rows_model_set_model (rows, G_LIST_MODEL (store));
  llw_rows_model_set_sorter (rows, gtk_column_view_get_sorter (ours.view));
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)),
                                        g_object_ref (GTK_FILTER (filter)));
  expected = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (filtered)),
                                      g_object_ref (gtk_column_view_get_sorter (gtks.view)));
  g_signal_connect (rows, "items-changed", G_CALLBACK (mirror_changed_cb), &mirror);
  mirror_changed_cb (G_LIST_MODEL (rows), 0, 0, g_list_model_get_n_items (G_LIST_MODEL (rows)),
                     &mirror);
  assert_same_rows (G_LIST_MODEL (rows), G_LIST_MODEL (expected));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      const char *old_query = query;

      gtk_column_view_sort_by_column (ours.view, ours.columns[steps[i].column], steps[i].way);
      gtk_column_view_sort_by_column (gtks.view, gtks.columns[steps[i].column], steps[i].way);
      query = steps[i].query;
      gtk_filter_changed (GTK_FILTER (filter),
                          strstr (query, old_query) ? GTK_FILTER_CHANGE_MORE_STRICT
                          : strstr (old_query, query) ? GTK_FILTER_CHANGE_LESS_STRICT
                          : GTK_FILTER_CHANGE_DIFFERENT);
      assert_same_rows (G_LIST_MODEL (rows), G_LIST_MODEL (expected));
      g_assert_cmpuint (mirror.shown->len, ==, g_list_model_get_n_items (G_LIST_MODEL (rows)));
      for (guint j = 0; j < mirror.shown->len; j++)
        g_assert_true (mirror.shown->pdata[j] == g_list_model_get_item (G_LIST_MODEL (rows), j) &&
                       (g_object_unref (mirror.shown->pdata[j]), TRUE));
    }

  /* Records added and removed while sorted and filtered. */
  for (guint i = 0; i < 50; i++)
    g_list_store_remove (store, (i * 37) % g_list_model_get_n_items (G_LIST_MODEL (store)));
  {
    g_autoptr(GListStore) more = make_rows (40);

    for (guint i = 0; i < 40; i++)
      {
        g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (more), i);

        g_list_store_insert (store, (i * 53) % g_list_model_get_n_items (G_LIST_MODEL (store)),
                             row);
      }
  }
  assert_same_rows (G_LIST_MODEL (rows), G_LIST_MODEL (expected));
  g_assert_cmpuint (mirror.shown->len, ==, g_list_model_get_n_items (G_LIST_MODEL (rows)));

  g_signal_handlers_disconnect_by_func (rows, mirror_changed_cb, &mirror);
  g_ptr_array_unref (mirror.shown);
  g_object_unref (filter);
  g_object_unref (ours.view);
  g_object_unref (gtks.view);
}

static int shown_group = 1;

static gboolean
in_group (gpointer item,
          gpointer unused)
{
  return TEST_ROW (item)->group == shown_group;
}

/* Over a GtkFilterListModel (the overview's units that have not reported), the rows are that
 * model's items, in its order, as its records and its filter change: LlwRowsModel reads them
 * from the model beneath, through the filter, rather than one by one. */
static void
test_filtered_model (void)
{
  g_autoptr(GListStore) store = make_rows (3000);
  GtkCustomFilter *filter = gtk_custom_filter_new (in_group, NULL, NULL);
  g_autoptr(GtkFilterListModel) filtered =
    gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)), GTK_FILTER (filter));
  g_autoptr(LlwRowsModel) rows = llw_rows_model_new (NULL);

  llw_rows_model_set_model (rows, G_LIST_MODEL (filtered));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), >, 0);
  assert_same_rows (G_LIST_MODEL (rows), G_LIST_MODEL (filtered));

  for (guint i = 0; i < 30; i++)
    g_list_store_remove (store, (i * 37) % g_list_model_get_n_items (G_LIST_MODEL (store)));
  assert_same_rows (G_LIST_MODEL (rows), G_LIST_MODEL (filtered));

  shown_group = 2;
  gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
  assert_same_rows (G_LIST_MODEL (rows), G_LIST_MODEL (filtered));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rows-model/same-order-as-gtk", test_same_order);
  g_test_add_func ("/rows-model/filtered-model", test_filtered_model);
  return g_test_run ();
}
