/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "llw-changes-view.h"

/* What an import will change, as its preview shows it: a row per unit, its report's
 * heading in bold (new, changed, replaced) and a line per field, figure or activity, old →
 * new. Rows are made only as they scroll into view, from the plan itself: a file of 50,000
 * units previews as fast as one of three. Any import's preview can show its plan here. */

struct _LlwChangesView
{
  GtkWidget parent_instance;

  GtkWidget *scrolled_window;
  GtkListView *list_view;
  LlwChangePlan *plan;
};

G_DEFINE_FINAL_TYPE (LlwChangesView, llw_changes_view, GTK_TYPE_WIDGET)

static GtkWidget *
new_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Lines are cut, not wrapped: GTK 4.8's list view keeps 200 rows made, and measuring that
   * many wrapped reports of 22 figures each, at several widths, held the window for seconds
   * when an import changed 50,000 reports. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

static void
setup_row_cb (GtkListItemFactory *factory,
              GtkListItem        *item,
              LlwChangesView     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = new_label ();
  GtkWidget *lines = new_label ();

  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_start (lines, 18);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), lines);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkListItemFactory *factory,
             GtkListItem        *item,
             LlwChangesView     *self)
{
  GtkWidget *heading = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *lines = gtk_widget_get_next_sibling (heading);
  g_autofree char *text = llw_change_plan_format_report (self->plan,
                                                         gtk_list_item_get_position (item));
  char *newline = strchr (text, '\n');
  g_autofree char *body = NULL;

  /* The plan indents its lines for the command line; here the margin does. */
  if (newline != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (newline + 1, "\n", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        g_strchug (parts[i]);
      body = g_strjoinv ("\n", parts);
      *newline = '\0';
    }
  gtk_label_set_text (GTK_LABEL (heading), text);
  gtk_label_set_text (GTK_LABEL (lines), body != NULL ? body : "");
  gtk_widget_set_visible (lines, body != NULL);
}

static void
llw_changes_view_dispose (GObject *object)
{
  LlwChangesView *self = LLW_CHANGES_VIEW (object);

  g_clear_pointer (&self->scrolled_window, gtk_widget_unparent);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (llw_changes_view_parent_class)->dispose (object);
}

static void
llw_changes_view_class_init (LlwChangesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_changes_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
llw_changes_view_init (LlwChangesView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Changes"), -1);

  self->scrolled_window = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled_window),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (self->scrolled_window), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scrolled_window), 200);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scrolled_window), 480);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scrolled_window),
                                                    TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled_window),
                                 GTK_WIDGET (self->list_view));
  gtk_widget_set_parent (self->scrolled_window, GTK_WIDGET (self));
}

/* Returns: (transfer floating): an empty view; llw_changes_view_set_plan () fills it. */
GtkWidget *
llw_changes_view_new (void)
{
  return g_object_new (LLW_TYPE_CHANGES_VIEW, NULL);
}

/**
 * llw_changes_view_set_plan:
 * @plan: (nullable): what an import will change, or has changed
 *
 * Shows @plan, a row per unit; %NULL empties the view.
 */
void
llw_changes_view_set_plan (LlwChangesView *self,
                           LlwChangePlan  *plan)
{
  GtkStringList *units = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) model = NULL;

  g_return_if_fail (LLW_IS_CHANGES_VIEW (self));
  g_return_if_fail (plan == NULL || LLW_IS_CHANGE_PLAN (plan));

  /* The list holds the units' names only; each row formats its report when it is shown. */
  g_set_object (&self->plan, plan);
  for (guint i = 0; plan != NULL && i < llw_change_plan_get_n_reports (plan); i++)
    gtk_string_list_append (units, llw_change_plan_get_unit_name (plan, i));
  model = gtk_no_selection_new (G_LIST_MODEL (units));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (model));
}
