/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-record-toolbar.h"

/* The buttons above a tab's list whose records are edited there: add, edit, delete and the
 * record's history. Add is the window's "win.add-record" for the list's table, on only while
 * the file can be written. The others are the toolbar's actions ("record.edit", …), which
 * pass the list's table to the window's record actions, which know the campaign; they are
 * off while no record is selected, and Delete also while the file cannot be written. */

struct _LlwRecordToolbar
{
  GtkBox parent_instance;

  GtkWidget *add_button;

  const LlwEntity *entity;
  GtkColumnView *column_view;
  GtkSelectionModel *selection;   /* the list's model, whose selected record is acted on */
};

G_DEFINE_FINAL_TYPE (LlwRecordToolbar, llw_record_toolbar, GTK_TYPE_BOX)

static const struct
{
  const char *table;
  const char *add_label;
} add_labels[] = {
  { "theme", N_("Add a theme") },
  { "activity_kind", N_("Add a kind of activity") },
  { "unit", N_("Add a unit") },
  { "activity", N_("Add an activity") },
  { "indicator", N_("Add an indicator") },
};

/* The toolbar's actions and the window's they stand for. */
static const struct
{
  const char *name;
  const char *window_action;
  gboolean writes;
} record_actions[] = {
  { "record.edit", "win.edit-record", FALSE },
  { "record.delete", "win.delete-record", TRUE },
  { "record.history", "win.record-history", FALSE },
};

static const char *
add_label_for (const LlwEntity *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (add_labels); i++)
    if (g_str_equal (add_labels[i].table, entity->table))
      return _(add_labels[i].add_label);

  return _("Add");
}

/* GTK cannot be asked whether the window's "win.add-record" is on, but the Add button that
 * names it follows it: it is sensitive while the file can be written. */
static void
update_actions (LlwRecordToolbar *self)
{
  gboolean selected = GTK_IS_SINGLE_SELECTION (self->selection) &&
                      gtk_single_selection_get_selected_item (
                        GTK_SINGLE_SELECTION (self->selection)) != NULL;
  gboolean writable = gtk_widget_get_sensitive (self->add_button);

  for (guint i = 0; i < G_N_ELEMENTS (record_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), record_actions[i].name,
                                   selected && (writable || !record_actions[i].writes));
}

static void
selected_item_changed_cb (LlwRecordToolbar *self)
{
  update_actions (self);
}

/* Follows the selection of the list's model, which the tab may set after the list. */
static void
model_changed_cb (LlwRecordToolbar *self)
{
  GtkSelectionModel *model = gtk_column_view_get_model (self->column_view);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selected_item_changed_cb, self);
  g_set_object (&self->selection, model);
  if (model != NULL)
    g_signal_connect_object (model, "notify::selected-item",
                             G_CALLBACK (selected_item_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

static void
activate_record_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LlwRecordToolbar *self = LLW_RECORD_TOOLBAR (widget);

  for (guint i = 0; self->entity != NULL && i < G_N_ELEMENTS (record_actions); i++)
    if (g_str_equal (record_actions[i].name, action_name))
      gtk_widget_activate_action (widget, record_actions[i].window_action, "s",
                                  self->entity->table);
}

static void
llw_record_toolbar_dispose (GObject *object)
{
  LlwRecordToolbar *self = LLW_RECORD_TOOLBAR (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selected_item_changed_cb, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_func (self->column_view, model_changed_cb, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->column_view);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_RECORD_TOOLBAR);

  G_OBJECT_CLASS (llw_record_toolbar_parent_class)->dispose (object);
}

static void
llw_record_toolbar_class_init (LlwRecordToolbarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_record_toolbar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/llw-record-toolbar.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwRecordToolbar, add_button);

  for (guint i = 0; i < G_N_ELEMENTS (record_actions); i++)
    gtk_widget_class_install_action (widget_class, record_actions[i].name, NULL,
                                     activate_record_action);
}

static void
llw_record_toolbar_init (LlwRecordToolbar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->add_button, "notify::sensitive", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/**
 * llw_record_toolbar_set_list:
 * @column_view: the list whose records the toolbar adds, edits, deletes and shows the
 *   history of; its model is a GtkSingleSelection
 * @entity: what the list holds
 */
void
llw_record_toolbar_set_list (LlwRecordToolbar *self,
                             GtkColumnView    *column_view,
                             const LlwEntity  *entity)
{
  const char *add_label;

  g_return_if_fail (LLW_IS_RECORD_TOOLBAR (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));
  g_return_if_fail (entity != NULL);
  g_return_if_fail (self->column_view == NULL);

  self->entity = entity;
  self->column_view = g_object_ref (column_view);
  g_signal_connect_object (column_view, "notify::model", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED);
  model_changed_cb (self);

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->add_button),
                                          g_variant_new_string (entity->table));
  add_label = add_label_for (entity);
  gtk_widget_set_tooltip_text (self->add_button, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
}
