/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures how fast the units tab answers at 50,000 units: each keystroke typed into its
 * search, then each one deleted, and a click on a column's header to sort by it. It drives
 * the tab itself (LlwUnitsPage, its search entry, its column view), not a copy of its models,
 * and times what a keystroke makes the models do: filtering, sorting what is shown and
 * counting it. Drawing the rows on screen comes on top. It times the first keystroke and
 * the first sort by each column both before the tab has made its rows' keys (which it does
 * while the window is idle) and after. It reads the database bench-lists
 * made; run it through build-aux/bench-lists (it needs a display; xvfb-run gives one). */
#include "config.h"

#include <gtk/gtk.h>
#ifdef G_OS_UNIX
#include <time.h>
#endif

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

/* The machine may be shared: the CPU time this thread spent is what to compare, in µs. Where
 * it cannot be read, the wall clock stands in for it. */
static gint64
cpu_time (void)
{
#if defined(G_OS_UNIX) && defined(CLOCK_THREAD_CPUTIME_ID)
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) == 0)
    return now.tv_sec * G_GINT64_CONSTANT (1000000) + now.tv_nsec / 1000;
#endif
  return g_get_monotonic_time ();
}

/* Wall clock and CPU time of one step, in ms. */
typedef struct
{
  double wall;
  double cpu;
} Took;

static Took
took_since (gint64 wall_start,
            gint64 cpu_start)
{
  return (Took) { (g_get_monotonic_time () - wall_start) / 1e3, (cpu_time () - cpu_start) / 1e3 };
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
             GArray     *times)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < times->len; i++)
    {
      g_array_append_val (wall, g_array_index (times, Took, i).wall);
      g_array_append_val (cpu, g_array_index (times, Took, i).cpu);
    }
  g_array_sort (wall, compare_doubles);
  g_array_sort (cpu, compare_doubles);
  g_print ("%-30s %3u times: CPU median %6.1f ms, slowest %6.1f; "
           "wall median %6.1f, slowest %6.1f\n", what, times->len,
           g_array_index (cpu, double, cpu->len / 2), g_array_index (cpu, double, cpu->len - 1),
           g_array_index (wall, double, wall->len / 2),
           g_array_index (wall, double, wall->len - 1));
}

/* Types @text one character at a time, then deletes it one at a time, as the search entry
 * reports each change. */
static void
time_typing (GtkWidget  *page,
             GtkEditable *entry,
             const char *text)
{
  g_autoptr(GArray) typing = g_array_new (FALSE, FALSE, sizeof (Took));
  g_autoptr(GArray) deleting = g_array_new (FALSE, FALSE, sizeof (Took));
  glong n = g_utf8_strlen (text, -1);

  for (glong i = 1; i <= 2 * n; i++)
    {
      glong shown = i <= n ? i : 2 * n - i;
      g_autofree char *typed = g_utf8_substring (text, 0, shown);
      gint64 start, cpu_start;
      Took took;

      gtk_editable_set_text (entry, typed);
      start = g_get_monotonic_time ();
      cpu_start = cpu_time ();
      g_signal_emit_by_name (entry, "search-changed");
      took = took_since (start, cpu_start);
      g_array_append_val (i <= n ? typing : deleting, took);
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
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (Took));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_sorter (column) == NULL)
        continue;
      for (int direction = 0; direction < 2; direction++)
        {
          gint64 start = g_get_monotonic_time (), cpu_start = cpu_time ();
          Took took;

          gtk_column_view_sort_by_column (view, column, direction == 0 ? GTK_SORT_ASCENDING
                                                                        : GTK_SORT_DESCENDING);
          took = took_since (start, cpu_start);
          g_array_append_val (times, took);
          g_print ("  sort by “%s” %s: CPU %.1f ms, wall %.1f ms\n",
                   gtk_column_view_column_get_title (column),
                   direction == 0 ? "ascending" : "descending", took.cpu, took.wall);
        }
    }
  print_times ("sort by a column (each way)", times);
}

static GListModel *
list_units (LlwDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwCampaign) campaign = llw_database_get_campaign (db, 2021, &error);
  GListModel *units;

  g_assert_no_error (error);
  units = llw_database_list_units (db, campaign, &error);
  g_assert_no_error (error);
  return units;
}

static GtkWidget *
show_units (GListModel *units)
{
  GtkWidget *page = g_object_ref_sink (g_object_new (LLW_TYPE_UNITS_PAGE, NULL));
  gint64 start = g_get_monotonic_time (), cpu_start = cpu_time ();
  Took took;

  llw_page_set_items (LLW_PAGE (page), units);
  took = took_since (start, cpu_start);
  g_print ("%u units; shown in the tab in CPU %.1f ms, wall %.1f ms\n",
           g_list_model_get_n_items (units), took.cpu, took.wall);
  return page;
}

/* The tab makes its rows' keys while the window is idle: this lets it, as a clerk who
 * looks at the list for a moment before typing would. */
static void
wait_for_keys (void)
{
  gint64 start = g_get_monotonic_time (), cpu_start = cpu_time ();
  Took took;

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  took = took_since (start, cpu_start);
  g_print ("keys made while idle: CPU %.1f ms, wall %.1f ms\n", took.cpu, took.wall);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(GListModel) units = NULL;
  GtkWidget *page, *entry;

  if (argc != 2)
    {
      g_printerr ("usage: bench-search DATABASE (made by bench-lists N DATABASE)\n");
      return 2;
    }
  gtk_init ();
  db = llw_database_open (argv[1], &error);
  g_assert_no_error (error);

  /* Before the window has been idle, the first keystroke and the first sort by each column
   * make the keys they need themselves: the worst case, each on a tab of its own. */
  g_print ("before the window has been idle (keys not made yet):\n");
  {
    g_autoptr(GListModel) first = list_units (db);
    g_autoptr(GtkWidget) fresh = show_units (first);

    time_typing (fresh, GTK_EDITABLE (find_child (fresh, GTK_TYPE_SEARCH_ENTRY)), "t");
  }
  {
    g_autoptr(GListModel) first = list_units (db);
    g_autoptr(GtkWidget) fresh = show_units (first);

    time_sorting (fresh);
  }
  wait_for_keys ();

  g_print ("\nonce the window has been idle:\n");
  units = list_units (db);
  page = show_units (units);
  entry = find_child (page, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  wait_for_keys ();

  time_typing (page, GTK_EDITABLE (entry), "thử nghiệm số 4999");
  time_typing (page, GTK_EDITABLE (entry), "ubnd xa");
  time_typing (page, GTK_EDITABLE (entry), "4999");
  time_sorting (page);
  time_typing (page, GTK_EDITABLE (entry), "số 12");

  g_object_unref (page);
  g_clear_object (&units);
  g_clear_object (&db);
  return 0;
}
