/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "llw-cell.h"
#include "llw-date.h"
#include "llw-key-sorter.h"
#include "llw-page.h"
#include "llw-rows-model.h"
#include "llw-text.h"
#include "llw-timeliness.h"
#include "llw-types.h"

typedef struct
{
  GtkPaned *paned;
  GtkWidget *header_scroller;
  GtkWidget *header_box;
  GtkWidget *search_row;
  GtkWidget *count_label;
  GtkWidget *record_toolbar;
  GtkWidget *search_entry;
  GtkWidget *stack;
  GtkWidget *scrolled_window;
  GtkWidget *empty_image;
  GtkWidget *empty_title;
  GtkWidget *empty_description;
  GtkWidget *footer_box;

  GtkColumnView *column_view;
  GtkCustomFilter *filter;
  LlwRowsModel *rows;
  GtkSingleSelection *selection;
  LlwKeySorter *sort_key_sorter;

  int header_fit;       /* the handle's place llweek chose: 0 before it first did, -1 once
                         * the user moved it */
  guint fit_source;     /* fits the header once the page has its new size */
  guint keys_source;    /* makes the rows' keys while the window is idle */
  guint keys_made;      /* of the rows, in the model's order */

  char *query;          /* the search text as a search key; "" shows every row */
  char *error_message;  /* why the records could not be read, or NULL */
  GPtrArray *record_lists;  /* RecordList: the lists edited from the tab */
} LlwPagePrivate;

static void llw_page_buildable_init (GtkBuildableIface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (LlwPage, llw_page, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (LlwPage)
                                  G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                         llw_page_buildable_init))

enum
{
  PROP_0,
  PROP_SEARCH_PLACEHOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

/* Cell formatters shared by the tabs' column templates, as <closure function="…">. Each gets
 * the list item first, unused. */

static char *
format_number (gpointer unused,
               int      number)
{
  return g_strdup_printf ("%d", number);
}

/* The TT column: the row's place in the list as shown, so that it counts 1, 2, 3… whatever
 * is filtered out or however the list is sorted. */
static char *
format_row_number (gpointer unused,
                   guint    position)
{
  return g_strdup_printf ("%u", position + 1);
}

static char *
format_date (gpointer    unused,
             const char *iso)
{
  return llw_date_format (iso);
}

static char *
format_group (gpointer unused,
              int      group)
{
  return g_strdup (llw_unit_group_to_label (group));
}

/* A multi-line text in a single-line cell: its lines (and tabs) joined with spaces. */
static char *
format_one_line (gpointer    unused,
                 const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  g_strdelimit (line, "\t\r\n", ' ');
  return line;
}

/* For the string sorters: GTK 4.8's GtkStringSorter cannot compare NULL, which sorts as "". */
static char *
sort_text (gpointer    unused,
           const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

static char *
format_report_state (gpointer unused,
                     int      state,
                     int      days_late)
{
  return llw_report_state_to_label (state, days_late);
}

static GStrv
report_state_css_classes (gpointer unused,
                          int      state)
{
  const char *css_class;

  switch ((LlwReportState) state)
    {
    case LLW_REPORT_STATE_ON_TIME:
      css_class = "state-on-time";
      break;
    case LLW_REPORT_STATE_LATE:
      css_class = "state-late";
      break;
    case LLW_REPORT_STATE_MISSING:
      css_class = "state-missing";
      break;
    case LLW_REPORT_STATE_PENDING:
    default:
      css_class = "state-pending";
      break;
    }

  return g_strdupv ((char *[]) { (char *) css_class, NULL });
}

/* The lists whose records are edited from the tab. */
typedef struct
{
  const LlwEntity *entity;
  GtkColumnView *column_view;
} RecordList;

static GtkSingleSelection *
list_selection (RecordList *list)
{
  GtkSelectionModel *model = gtk_column_view_get_model (list->column_view);

  return GTK_IS_SINGLE_SELECTION (model) ? GTK_SINGLE_SELECTION (model) : NULL;
}

/* The keys act through the window's actions, which know the campaign. */
static void
activate_record_action (GtkWidget  *widget,
                        const char *action,
                        RecordList *list)
{
  gtk_widget_activate_action (widget, action, "s", list->entity->table);
}

/* Enter or a double-click on a row opens it. */
static void
row_activated_cb (GtkColumnView *column_view,
                  guint          position,
                  RecordList    *list)
{
  gtk_selection_model_select_item (gtk_column_view_get_model (column_view), position, TRUE);
  activate_record_action (GTK_WIDGET (column_view), "win.edit-record", list);
}

static gboolean
delete_pressed_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  activate_record_action (widget, "win.delete-record", user_data);
  return TRUE;
}

/* The list of @table, or for "" the one that has the focus, or else the tab's first. */
static RecordList *
find_record_list (LlwPage    *self,
                  const char *table)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (guint i = 0; i < priv->record_lists->len; i++)
    {
      RecordList *list = g_ptr_array_index (priv->record_lists, i);

      if (g_strcmp0 (table, list->entity->table) == 0)
        return list;
      if ((table == NULL || table[0] == '\0') && focus != NULL &&
          (focus == GTK_WIDGET (list->column_view) ||
           gtk_widget_is_ancestor (focus, GTK_WIDGET (list->column_view))))
        return list;
    }

  if ((table == NULL || table[0] == '\0') && priv->record_lists->len > 0)
    return g_ptr_array_index (priv->record_lists, 0);
  return NULL;
}

static gboolean
match_item (gpointer item,
            gpointer user_data)
{
  LlwPage *self = user_data;
  LlwPagePrivate *priv = llw_page_get_instance_private (self);
  const char *key;

  if (priv->query[0] == '\0' || LLW_PAGE_GET_CLASS (self)->get_search_key == NULL)
    return TRUE;

  key = LLW_PAGE_GET_CLASS (self)->get_search_key (self, item);
  return key != NULL && strstr (key, priv->query) != NULL;
}

static const char *
get_sort_key (gpointer item,
              gpointer user_data)
{
  LlwPage *self = user_data;
  LlwPageClass *klass = LLW_PAGE_GET_CLASS (self);

  return klass->get_sort_key != NULL ? klass->get_sort_key (self, item) : NULL;
}

static void
show_empty_state (LlwPage    *self,
                  const char *icon_name,
                  const char *title,
                  const char *description)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);

  gtk_image_set_from_icon_name (GTK_IMAGE (priv->empty_image), icon_name);
  gtk_label_set_text (GTK_LABEL (priv->empty_title), title);
  gtk_label_set_text (GTK_LABEL (priv->empty_description), description);
  gtk_widget_set_visible (priv->empty_description, description != NULL);
  gtk_stack_set_visible_child_name (GTK_STACK (priv->stack), "empty");
}

/* Shows the list, or says why it is empty; and counts the tab's records. */
static void
update_view (LlwPage *self)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);
  LlwPageClass *klass = LLW_PAGE_GET_CLASS (self);
  GListModel *items = llw_rows_model_get_model (priv->rows);
  guint n_items = items != NULL ? g_list_model_get_n_items (items) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (priv->rows));
  g_autofree char *count = NULL;

  if (priv->error_message != NULL)
    show_empty_state (self, "dialog-error-symbolic", _("This tab cannot be shown"),
                      priv->error_message);
  else if (n_items == 0)
    show_empty_state (self, klass->empty_icon_name, _(klass->empty_title),
                      klass->empty_description != NULL ? _(klass->empty_description) : NULL);
  else if (n_shown == 0)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (priv->search_entry));
      g_autofree char *title = g_strdup_printf (_(klass->no_match_title), text);

      show_empty_state (self, "edit-find-symbolic", title, _("Try other words."));
    }
  else
    gtk_stack_set_visible_child_name (GTK_STACK (priv->stack), "list");

  /* While searching, the count is of the rows found, out of all. */
  count = klass->format_count (self, n_shown);
  if (n_shown != n_items)
    {
      /* Translators: the count of the rows found, such as "5 units", then of all rows */
      g_autofree char *found = g_strdup_printf (_("%s (of %u)"), count, n_items);

      g_free (count);
      count = g_steal_pointer (&found);
    }
  gtk_label_set_text (GTK_LABEL (priv->count_label), priv->error_message ? "" : count);
}

static void
add_to_slot (GtkWidget *box,
             GtkWidget *child)
{
  gtk_box_append (GTK_BOX (box), child);
  gtk_widget_set_visible (box, TRUE);
}

/* The columns share the width this way: each cell's label asks for as many characters as it
 * needs at least (width-chars) and no more (max-width-chars, the same), so a column never
 * changes its width with the rows shown, and every list fits 1024 px. The room left goes
 * first to the titles, which read whole on a wider screen, then to the columns that expand.
 * A column narrower than its title shows "…" at the title's end, never half a word: GTK 4.8
 * offers no property for the title, so its labels are found among the header's widgets. */
static void
ellipsize_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ellipsize_labels (child);
}

/* The key sorters of the list's columns. */
static GPtrArray *
column_sorters (LlwPage *self)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);
  GPtrArray *sorters = g_ptr_array_new ();
  GListModel *columns;

  if (priv->column_view == NULL)
    return sorters;
  columns = gtk_column_view_get_columns (priv->column_view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

      if (LLW_IS_KEY_SORTER (sorter))
        g_ptr_array_add (sorters, sorter);
    }
  return sorters;
}

/* Makes the rows' search keys, then their keys for every column, while the window is idle, a
 * few milliseconds at a time, so that the first keystroke of a search and the first click
 * on a column's header find them made: at 50,000 rows, making them takes longer than a
 * keystroke may. The search keys come first: they are fewer, and a search is what the user
 * more likely does first. keys_made counts the search keys of the n records, then their
 * sort keys, in the rows' order. A key not made yet when needed is made then. */
static gboolean
make_keys_cb (gpointer user_data)
{
  LlwPage *self = user_data;
  LlwPagePrivate *priv = llw_page_get_instance_private (self);
  LlwPageClass *klass = LLW_PAGE_GET_CLASS (self);
  GPtrArray *records = llw_rows_model_get_records (priv->rows);
  guint n = records->len;
  g_autoptr(GPtrArray) sorters = column_sorters (self);
  guint total = sorters->len > 0 ? 2 * n : n;
  gint64 until = g_get_monotonic_time () + 5000;

  if (klass->get_search_key == NULL)
    priv->keys_made = MAX (priv->keys_made, n);

  while (priv->keys_made < total && g_get_monotonic_time () < until)
    for (guint end = MIN (total, priv->keys_made + 100); priv->keys_made < end; priv->keys_made++)
      {
        gpointer item = records->pdata[priv->keys_made % n];

        if (priv->keys_made < n)
          klass->get_search_key (self, item);
        else
          for (guint i = 0; i < sorters->len; i++)
            llw_key_sorter_get_key (sorters->pdata[i], item);
      }

  if (priv->keys_made < total)
    return G_SOURCE_CONTINUE;
  priv->keys_source = 0;
  return G_SOURCE_REMOVE;
}

static void
make_keys_when_idle (LlwPage *self)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);

  priv->keys_made = 0;
  if (priv->keys_source == 0)
    priv->keys_source = g_idle_add_full (G_PRIORITY_LOW, make_keys_cb, self, NULL);
}

/* LlwRowsModel reads the column view's order from its columns' sorters, which must all be
 * key sorters. */
static void
check_sorters (GtkColumnView *column_view)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

      if (sorter != NULL && !LLW_IS_KEY_SORTER (sorter))
        g_critical ("The column “%s” sorts with a %s, not an LlwKeySorter",
                    gtk_column_view_column_get_title (column), G_OBJECT_TYPE_NAME (sorter));
    }
}

static void
set_column_view (LlwPage       *self,
                 GtkColumnView *column_view)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);

  priv->column_view = column_view;
  /* The header is the column view's first child; the rows come after it. */
  ellipsize_labels (gtk_widget_get_first_child (GTK_WIDGET (column_view)));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (priv->scrolled_window),
                                 GTK_WIDGET (column_view));
  /* On GTK 4.8 the column view only offers its sorter: the model has to apply it. */
  check_sorters (column_view);
  llw_rows_model_set_sorter (priv->rows, gtk_column_view_get_sorter (column_view));
  gtk_column_view_set_model (column_view, GTK_SELECTION_MODEL (priv->selection));

  if (LLW_PAGE_GET_CLASS (self)->entity != NULL)
    {
      llw_page_attach_record_list (self, column_view, LLW_PAGE_GET_CLASS (self)->entity,
                                   LLW_RECORD_TOOLBAR (priv->record_toolbar));
      gtk_widget_set_visible (priv->record_toolbar, TRUE);
    }
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  LlwPage    *self)
{
  update_view (self);
}

static void
search_changed_cb (LlwPage        *self,
                   GtkSearchEntry *entry)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);
  g_autofree char *old_query = g_steal_pointer (&priv->query);
  GtkFilterChange change;

  priv->query = llw_text_search_key (gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (strcmp (old_query, priv->query) != 0)
    {
      /* Typing more letters can only hide rows and deleting only bring some back: the filter
       * then looks at the rows that may change, not at every row. */
      if (strstr (priv->query, old_query) != NULL)
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      else if (strstr (old_query, priv->query) != NULL)
        change = GTK_FILTER_CHANGE_LESS_STRICT;
      else
        change = GTK_FILTER_CHANGE_DIFFERENT;

      gtk_filter_changed (GTK_FILTER (priv->filter), change);
    }

  /* The list may stay empty while the text changes: the message quotes the new text. */
  update_view (self);
}

static void
stop_search_cb (LlwPage        *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
llw_page_buildable_add_child (GtkBuildable *buildable,
                              GtkBuilder   *builder,
                              GObject      *child,
                              const char   *type)
{
  LlwPage *self = LLW_PAGE (buildable);
  LlwPagePrivate *priv = llw_page_get_instance_private (self);

  /* The fields are bound once the base template is built: until then its own children are
   * being added, afterwards those of the tab's template, which go into the slots. */
  if (priv->stack == NULL)
    parent_buildable_iface->add_child (buildable, builder, child, type);
  else if (g_strcmp0 (type, "header") == 0)
    add_to_slot (priv->header_box, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "footer") == 0)
    add_to_slot (priv->footer_box, GTK_WIDGET (child));
  else if (type == NULL && GTK_IS_COLUMN_VIEW (child) && priv->column_view == NULL)
    set_column_view (self, GTK_COLUMN_VIEW (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
llw_page_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = llw_page_buildable_add_child;
}

static void
llw_page_dispose (GObject *object)
{
  LlwPage *self = LLW_PAGE (object);
  LlwPagePrivate *priv = llw_page_get_instance_private (self);
  GtkWidget *child;

  g_clear_handle_id (&priv->keys_source, g_source_remove);
  g_clear_handle_id (&priv->fit_source, g_source_remove);
  if (priv->rows != NULL)
    g_signal_handlers_disconnect_by_func (priv->rows, items_changed_cb, self);

  /* Not gtk_widget_dispose_template (): on GTK 4.8 it aborts for the parent type of a class
   * that has a template too. The template's objects are released when the page is
   * finalized; its widgets are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  priv->column_view = NULL;
  g_clear_object (&priv->selection);
  g_clear_object (&priv->rows);
  g_clear_object (&priv->filter);
  g_clear_object (&priv->sort_key_sorter);
  g_clear_pointer (&priv->record_lists, g_ptr_array_unref);

  G_OBJECT_CLASS (llw_page_parent_class)->dispose (object);
}

static void
llw_page_finalize (GObject *object)
{
  LlwPage *self = LLW_PAGE (object);
  LlwPagePrivate *priv = llw_page_get_instance_private (self);

  g_free (priv->query);
  g_free (priv->error_message);

  G_OBJECT_CLASS (llw_page_parent_class)->finalize (object);
}

static void
llw_page_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LlwPage *self = LLW_PAGE (object);
  LlwPagePrivate *priv = llw_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SEARCH_PLACEHOLDER:
      g_object_get_property (G_OBJECT (priv->search_entry), "placeholder-text", value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_page_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LlwPage *self = LLW_PAGE (object);
  LlwPagePrivate *priv = llw_page_get_instance_private (self);
  g_autofree char *old_text = NULL;
  const char *text;

  switch (prop_id)
    {
    case PROP_SEARCH_PLACEHOLDER:
      text = g_value_get_string (value);
      g_object_get (priv->search_entry, "placeholder-text", &old_text, NULL);
      if (g_strcmp0 (text, old_text) == 0)
        break;
      g_object_set (priv->search_entry, "placeholder-text", text, NULL);
      /* A placeholder is not a name for a screen reader: say it as the label too. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (priv->search_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
llw_page_real_load (LlwPage          *self,
                    LlwCampaignData  *data,
                    GError          **error)
{
  return TRUE;
}

static char *
llw_page_real_format_count (LlwPage *self,
                            guint    n_items)
{
  return g_strdup ("");
}

static int
paned_max_position (LlwPagePrivate *priv)
{
  int max_position;

  g_object_get (priv->paned, "max-position", &max_position, NULL);
  return max_position;
}

static gboolean
fit_header_cb (gpointer user_data)
{
  LlwPage *self = user_data;
  LlwPagePrivate *priv = llw_page_get_instance_private (self);
  int width = gtk_widget_get_width (GTK_WIDGET (priv->paned));
  int natural;

  priv->fit_source = 0;
  if (priv->header_fit < 0 || width <= 0 || !gtk_widget_get_visible (priv->header_scroller))
    return G_SOURCE_REMOVE;

  gtk_widget_measure (priv->header_box, GTK_ORIENTATION_VERTICAL, width,
                      NULL, &natural, NULL, NULL);
  priv->header_fit = MIN (natural, paned_max_position (priv));
  if (gtk_paned_get_position (priv->paned) != priv->header_fit)
    gtk_paned_set_position (priv->paned, priv->header_fit);
  return G_SOURCE_REMOVE;
}

/**
 * llw_page_fit_header:
 *
 * Makes the header as tall as its content, as far as the list's minimum allows, unless the
 * user has moved the handle between them: from then on it stays where they put it. The page
 * does it whenever its size or its header's content changes. (GtkPaned alone would give the
 * header no more than its minimum.) It is done once the window has its new size: during an
 * allocation, the page's width is still the old one.
 */
void
llw_page_fit_header (LlwPage *self)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);

  g_return_if_fail (LLW_IS_PAGE (self));

  if (priv->fit_source == 0 && priv->header_fit >= 0)
    priv->fit_source = g_idle_add (fit_header_cb, self);
}

static void
size_changed_cb (LlwPage *self)
{
  llw_page_fit_header (self);
}

/* A place other than the one chosen, and not the one a smaller window clamped it to, is the
 * user's. Before the first fit, the places are GtkPaned's own. */
static void
paned_moved_cb (LlwPage *self)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);
  int position = gtk_paned_get_position (priv->paned);

  if (priv->header_fit > 0 && position != priv->header_fit
      && position != paned_max_position (priv))
    priv->header_fit = -1;
}

static void
llw_page_class_init (LlwPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_page_dispose;
  object_class->finalize = llw_page_finalize;
  object_class->get_property = llw_page_get_property;
  object_class->set_property = llw_page_set_property;

  klass->load = llw_page_real_load;
  klass->format_count = llw_page_real_format_count;

  properties[PROP_SEARCH_PLACEHOLDER] =
    g_param_spec_string ("search-placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* In this template and in the tabs' own (a second editable list). */
  g_type_ensure (LLW_TYPE_RECORD_TOOLBAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/llw-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, LlwPage, paned);
  gtk_widget_class_bind_template_child_private (widget_class, LlwPage, header_scroller);
  gtk_widget_class_bind_template_child_private (widget_class, LlwPage, header_box);
  gtk_widget_class_bind_template_child_private (widget_class, LlwPage, search_row);
  gtk_widget_class_bind_template_child_private (widget_class, LlwPage, count_label);
  gtk_widget_class_bind_template_child_private (widget_class, LlwPage, record_toolbar);
  gtk_widget_class_bind_template_child_private (widget_class, LlwPage, search_entry);
  gtk_widget_class_bind_template_child_private (widget_class, LlwPage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, LlwPage, scrolled_window);
  gtk_widget_class_bind_template_child_private (widget_class, LlwPage, empty_image);
  gtk_widget_class_bind_template_child_private (widget_class, LlwPage, empty_title);
  gtk_widget_class_bind_template_child_private (widget_class, LlwPage, empty_description);
  gtk_widget_class_bind_template_child_private (widget_class, LlwPage, footer_box);
  gtk_widget_class_bind_template_callback (widget_class, size_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, paned_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
llw_page_init (LlwPage *self)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);

  priv->record_lists = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  priv->query = g_strdup ("");
  priv->filter = gtk_custom_filter_new (match_item, self, NULL);
  priv->rows = llw_rows_model_new (GTK_FILTER (priv->filter));
  priv->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (priv->rows)));
  gtk_single_selection_set_autoselect (priv->selection, FALSE);
  gtk_single_selection_set_can_unselect (priv->selection, TRUE);
  priv->sort_key_sorter = llw_key_sorter_new_for_func (get_sort_key, self);

  g_signal_connect (priv->rows, "items-changed", G_CALLBACK (items_changed_cb), self);
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (priv->search_entry),
                                           GTK_WIDGET (self));
}

/**
 * llw_page_class_set_template:
 * @resource_path: the tab's template
 *
 * Sets the template of a tab, and makes the shared cell formatters available to its column
 * templates: format_number, format_row_number, format_date, format_group, format_one_line,
 * format_report_state, report_state_css_classes, sort_text for the expressions of string
 * sorters, and cell_query_tooltip_cb for the "query-tooltip" of a cell's label that has
 * "has-tooltip" set. The columns sort with LlwKeySorter.
 */
void
llw_page_class_set_template (LlwPageClass *page_class,
                             const char   *resource_path)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (page_class);

  g_type_ensure (LLW_TYPE_KEY_SORTER);
  gtk_widget_class_set_template_from_resource (widget_class, resource_path);
  gtk_widget_class_bind_template_callback (widget_class, format_number);
  gtk_widget_class_bind_template_callback (widget_class, format_row_number);
  gtk_widget_class_bind_template_callback (widget_class, format_date);
  gtk_widget_class_bind_template_callback (widget_class, format_group);
  gtk_widget_class_bind_template_callback (widget_class, format_one_line);
  gtk_widget_class_bind_template_callback (widget_class, sort_text);
  gtk_widget_class_bind_template_callback (widget_class, format_report_state);
  gtk_widget_class_bind_template_callback (widget_class, report_state_css_classes);
  gtk_widget_class_bind_template_callback_full (widget_class, "cell_query_tooltip_cb",
                                                G_CALLBACK (llw_cell_query_tooltip));
}

/* Shows the records of the campaign in @data, or why they cannot be read. */
void
llw_page_load (LlwPage         *self,
               LlwCampaignData *data)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LLW_IS_PAGE (self));
  g_return_if_fail (LLW_IS_CAMPAIGN_DATA (data));

  g_clear_pointer (&priv->error_message, g_free);
  if (!LLW_PAGE_GET_CLASS (self)->load (self, data, &error))
    {
      priv->error_message = g_strdup (error->message);
      llw_rows_model_set_model (priv->rows, NULL);
    }

  update_view (self);
}

void
llw_page_focus_search (LlwPage *self)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);

  g_return_if_fail (LLW_IS_PAGE (self));

  gtk_widget_grab_focus (priv->search_entry);
}

/* For the tabs: @items are the records the list shows, filtered by the search and sorted by
 * the column the user chose. */
void
llw_page_set_items (LlwPage    *self,
                    GListModel *items)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);

  g_return_if_fail (LLW_IS_PAGE (self));
  g_return_if_fail (items == NULL || G_IS_LIST_MODEL (items));

  llw_rows_model_set_model (priv->rows, items);
  make_keys_when_idle (self);
  update_view (self);
}

/* Returns: (transfer none): a sorter by the tab's sort keys, in Vietnamese dictionary order,
 *   for the column of the records' names. */
GtkSorter *
llw_page_get_sort_key_sorter (LlwPage *self)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);

  g_return_val_if_fail (LLW_IS_PAGE (self), NULL);

  return GTK_SORTER (priv->sort_key_sorter);
}

/**
 * llw_page_attach_record_list:
 * @column_view: a list of the tab, whose model is a GtkSingleSelection
 * @entity: what the list holds
 * @toolbar: the list's toolbar, in the tab's template
 *
 * Makes the records of @column_view editable: Enter or a double-click opens a record, Delete
 * deletes it, and @toolbar adds, edits, deletes and shows the history, all through the
 * window's record actions. The tab's own list is attached by the base class, with the
 * toolbar beside its search, when the class has an entity.
 */
void
llw_page_attach_record_list (LlwPage          *self,
                             GtkColumnView    *column_view,
                             const LlwEntity  *entity,
                             LlwRecordToolbar *toolbar)
{
  LlwPagePrivate *priv = llw_page_get_instance_private (self);
  RecordList *list;
  GtkEventController *controller;
  GtkShortcutTrigger *trigger;

  g_return_if_fail (LLW_IS_PAGE (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));
  g_return_if_fail (LLW_IS_RECORD_TOOLBAR (toolbar));

  list = g_new0 (RecordList, 1);
  list->entity = entity;
  list->column_view = column_view;
  g_ptr_array_add (priv->record_lists, list);
  llw_record_toolbar_set_list (toolbar, column_view, entity);

  g_signal_connect (column_view, "activate", G_CALLBACK (row_activated_cb), list);

  /* On the list, not the window: Delete in a text field deletes text. */
  controller = gtk_shortcut_controller_new ();
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger,
                                                          gtk_callback_action_new (
                                                            delete_pressed_cb, list, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (column_view), controller);
}

/**
 * llw_page_get_target:
 * @table: the table of the list, or "" for the list that has the focus
 * @item: (out) (transfer full) (optional) (nullable): the record selected in the list
 *
 * Returns: what the list holds, or %NULL when the tab has no such list
 */
const LlwEntity *
llw_page_get_target (LlwPage    *self,
                     const char *table,
                     gpointer   *item)
{
  RecordList *list;
  GtkSingleSelection *selection;
  gpointer selected = NULL;

  g_return_val_if_fail (LLW_IS_PAGE (self), NULL);

  list = find_record_list (self, table);
  if (list != NULL && (selection = list_selection (list)) != NULL)
    selected = gtk_single_selection_get_selected_item (selection);
  if (item != NULL)
    *item = selected != NULL ? g_object_ref (selected) : NULL;

  return list != NULL ? list->entity : NULL;
}

/* The list's row, found among the rows shown, selected and scrolled to. */
static gboolean
select_row (GtkColumnView *column_view,
            gint64         id)
{
  GtkSelectionModel *model = gtk_column_view_get_model (column_view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      gint64 item_id = 0;

      g_object_get (item, "id", &item_id, NULL);
      if (item_id != id)
        continue;

      gtk_selection_model_select_item (model, i, TRUE);
      /* GTK 4.8 has no gtk_column_view_scroll_to (): its list view has the action. */
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_VIEW (child))
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", i);
      return TRUE;
    }
  return FALSE;
}

/**
 * llw_page_select_record:
 * @table: the table of the list
 * @id: the record
 *
 * Selects the record in the list of @table and scrolls to it, if the search shows it.
 *
 * Returns: whether the record was found
 */
gboolean
llw_page_select_record (LlwPage    *self,
                        const char *table,
                        gint64      id)
{
  RecordList *list;

  g_return_val_if_fail (LLW_IS_PAGE (self), FALSE);

  list = find_record_list (self, table);
  return list != NULL && g_strcmp0 (list->entity->table, table) == 0 &&
         select_row (list->column_view, id);
}
