/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures how fast the units tab answers at 50,000 units: each keystroke typed into its
 * search, then each one deleted, and a click on a column's header to sort by it. It drives
 * the tab itself (LlwUnitsPage, its search entry, its column view), not a copy of its models,
 * and times what a keystroke makes the models do: filtering, sorting what is shown and
 * counting it. Drawing the rows on screen comes on top. It reads the database bench-lists
 * made; run it through build-aux/bench-lists (it needs a display; xvfb-run gives one). */
#include "config.h"

#include <gtk/gtk.h>

#include "llw-database.h"
#include "llw-units-page.h"

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_times (const char *what,
             GArray     *ms)
{
  g_array_sort (ms, compare_doubles);
  g_print ("%-34s %3u times: median %6.1f ms, slowest %6.1f ms\n", what, ms->len,
           g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, ms->len - 1));
}

/* Types @text one character at a time, then deletes it one at a time, as the search entry
 * reports each change. */
static void
time_typing (GtkWidget  *page,
             GtkEditable *entry,
             const char *text)
{
  g_autoptr(GArray) typing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) deleting = g_array_new (FALSE, FALSE, sizeof (double));
  glong n = g_utf8_strlen (text, -1);

  for (glong i = 1; i <= 2 * n; i++)
    {
      glong shown = i <= n ? i : 2 * n - i;
      g_autofree char *typed = g_utf8_substring (text, 0, shown);
      gint64 start;
      double ms;

      gtk_editable_set_text (entry, typed);
      start = g_get_monotonic_time ();
      g_signal_emit_by_name (entry, "search-changed");
      ms = (g_get_monotonic_time () - start) / 1e3;
      g_array_append_val (i <= n ? typing : deleting, ms);
    }
  g_print ("search “%s”\n", text);
  print_times ("  each keystroke typed", typing);
  print_times ("  each keystroke deleted", deleting);
}

static void
time_sorting (GtkWidget *page)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_child (page, GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_sorter (column) == NULL)
        continue;
      for (int direction = 0; direction < 2; direction++)
        {
          gint64 start = g_get_monotonic_time ();
          double took;

          gtk_column_view_sort_by_column (view, column, direction == 0 ? GTK_SORT_ASCENDING
                                                                        : GTK_SORT_DESCENDING);
          took = (g_get_monotonic_time () - start) / 1e3;
          g_array_append_val (ms, took);
          g_print ("  sort by “%s” %s: %.1f ms\n", gtk_column_view_column_get_title (column),
                   direction == 0 ? "ascending" : "descending", took);
        }
    }
  print_times ("sort by a column (each way)", ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(LlwCampaign) campaign = NULL;
  g_autoptr(GListModel) units = NULL;
  GtkWidget *page, *entry;
  gint64 start;

  if (argc != 2)
    {
      g_printerr ("usage: bench-search DATABASE (made by bench-lists N DATABASE)\n");
      return 2;
    }
  gtk_init ();
  db = llw_database_open (argv[1], &error);
  g_assert_no_error (error);
  campaign = llw_database_get_campaign (db, 2021, &error);
  g_assert_no_error (error);
  units = llw_database_list_units (db, campaign, &error);
  g_assert_no_error (error);

  page = g_object_ref_sink (g_object_new (LLW_TYPE_UNITS_PAGE, NULL));
  entry = find_child (page, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  start = g_get_monotonic_time ();
  llw_page_set_items (LLW_PAGE (page), units);
  g_print ("%u units; shown in the tab in %.1f ms\n", g_list_model_get_n_items (units),
           (g_get_monotonic_time () - start) / 1e3);

  /* The first search makes every unit's search key, as the first sort its sort key. */
  time_typing (page, GTK_EDITABLE (entry), "thử nghiệm số 4999");
  time_typing (page, GTK_EDITABLE (entry), "ubnd xa");
  time_typing (page, GTK_EDITABLE (entry), "4999");
  time_sorting (page);
  time_typing (page, GTK_EDITABLE (entry), "số 12");

  g_object_unref (page);
  g_clear_object (&units);
  g_clear_object (&campaign);
  g_clear_object (&db);
  return 0;
}
