/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-cell.h"
#include "llw-database-get.h"
#include "llw-indicator.h"
#include "llw-indicators-dialog.h"

/* The campaign's catalogue of indicators, the figures each unit reports: added, edited,
 * retired and deleted here, through the window's forms, deletes and history. */

struct _LlwIndicatorsDialog
{
  GtkWindow parent_instance;

  GtkColumnView *column_view;
  GtkColumnViewColumn *in_use_column;
  GtkWidget *edit_button;
  GtkWidget *delete_button;
  GtkWidget *history_button;

  LlwWindow *window;
  LlwCampaignData *data;
  GtkSingleSelection *selection;
  GHashTable *in_use;         /* gint64 * ids of the indicators in use */
};

G_DEFINE_FINAL_TYPE (LlwIndicatorsDialog, llw_indicators_dialog, GTK_TYPE_WINDOW)

static LlwIndicator *
selected_indicator (LlwIndicatorsDialog *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_buttons (LlwIndicatorsDialog *self)
{
  gboolean selected = selected_indicator (self) != NULL;

  gtk_widget_set_sensitive (self->edit_button, selected);
  gtk_widget_set_sensitive (self->delete_button, selected);
  gtk_widget_set_sensitive (self->history_button, selected);
}

/* The ids of the indicators in use: those llw_database_list_indicators () gives. */
static GHashTable *
list_in_use (LlwIndicatorsDialog  *self,
             GError              **error)
{
  g_autoptr(GListModel) active = NULL;
  GHashTable *ids;

  active = llw_database_list_indicators (llw_campaign_data_get_database (self->data),
                                         llw_campaign_data_get_campaign (self->data), error);
  if (active == NULL)
    return NULL;

  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (active); i++)
    {
      g_autoptr(LlwIndicator) indicator = g_list_model_get_item (active, i);
      gint64 *id = g_new (gint64, 1);

      *id = llw_indicator_get_id (indicator);
      g_hash_table_add (ids, id);
    }
  return ids;
}

static void
select_id (LlwIndicatorsDialog *self,
           gint64               id)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LlwIndicator) indicator = g_list_model_get_item (model, i);

      if (llw_indicator_get_id (indicator) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* The catalogue is short: it is read again whenever an indicator changes. */
static void
reload (LlwIndicatorsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) catalogue = NULL;
  GHashTable *in_use;
  LlwIndicator *selected = selected_indicator (self);
  gint64 selected_id = selected ? llw_indicator_get_id (selected) : 0;

  catalogue = llw_database_list_indicator_catalogue (llw_campaign_data_get_database (self->data),
                                                     llw_campaign_data_get_campaign (self->data),
                                                     &error);
  in_use = catalogue ? list_in_use (self, &error) : NULL;
  if (in_use == NULL)
    {
      g_warning ("Cannot read the indicator catalogue: %s", error->message);
      return;
    }

  g_clear_pointer (&self->in_use, g_hash_table_unref);
  self->in_use = in_use;
  gtk_single_selection_set_model (self->selection, catalogue);
  select_id (self, selected_id);
  update_buttons (self);
}

static void
database_changed_cb (LlwIndicatorsDialog *self,
                     const char          *table,
                     gint64               id,
                     LlwDatabase         *database)
{
  if (g_strcmp0 (table, "indicator") == 0)
    reload (self);
}

static void
setup_in_use_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 LlwIndicatorsDialog      *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_in_use_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                LlwIndicatorsDialog      *self)
{
  gint64 id = llw_indicator_get_id (gtk_list_item_get_item (item));
  gboolean in_use = self->in_use != NULL && g_hash_table_contains (self->in_use, &id);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), in_use ? _("Yes") : _("No"));
}

static void
add_clicked_cb (LlwIndicatorsDialog *self)
{
  llw_window_edit_record (self->window, GTK_WINDOW (self), &llw_entity_indicator, 0);
}

static void
edit_clicked_cb (LlwIndicatorsDialog *self)
{
  LlwIndicator *indicator = selected_indicator (self);

  if (indicator != NULL)
    llw_window_edit_record (self->window, GTK_WINDOW (self), &llw_entity_indicator,
                            llw_indicator_get_id (indicator));
}

static void
delete_clicked_cb (LlwIndicatorsDialog *self)
{
  LlwIndicator *indicator = selected_indicator (self);

  if (indicator != NULL)
    llw_window_delete_record (self->window, GTK_WINDOW (self), "indicator",
                              llw_indicator_get_id (indicator));
}

static void
history_clicked_cb (LlwIndicatorsDialog *self)
{
  LlwIndicator *indicator = selected_indicator (self);
  g_autofree char *subject = NULL;

  if (indicator == NULL)
    return;

  subject = g_strdup_printf ("%s %s", llw_indicator_get_code (indicator),
                             llw_indicator_get_label (indicator));
  llw_window_show_history (self->window, GTK_WINDOW (self), "indicator",
                           llw_indicator_get_id (indicator), subject);
}

static void
row_activated_cb (LlwIndicatorsDialog *self,
                  guint                position)
{
  gtk_single_selection_set_selected (self->selection, position);
  edit_clicked_cb (self);
}

static gboolean
add_pressed_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  add_clicked_cb (LLW_INDICATORS_DIALOG (widget));
  return TRUE;
}

static gboolean
delete_pressed_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  delete_clicked_cb (user_data);
  return TRUE;
}

static void
llw_indicators_dialog_dispose (GObject *object)
{
  LlwIndicatorsDialog *self = LLW_INDICATORS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_INDICATORS_DIALOG);
  g_clear_object (&self->selection);
  g_clear_object (&self->data);
  g_clear_object (&self->window);
  g_clear_pointer (&self->in_use, g_hash_table_unref);

  G_OBJECT_CLASS (llw_indicators_dialog_parent_class)->dispose (object);
}

static void
llw_indicators_dialog_class_init (LlwIndicatorsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_indicators_dialog_dispose;

  g_type_ensure (LLW_TYPE_INDICATOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/"
                                               "llw-indicators-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwIndicatorsDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, LlwIndicatorsDialog, in_use_column);
  gtk_widget_class_bind_template_child (widget_class, LlwIndicatorsDialog, edit_button);
  gtk_widget_class_bind_template_child (widget_class, LlwIndicatorsDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, LlwIndicatorsDialog, history_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "cell_query_tooltip_cb",
                                                G_CALLBACK (llw_cell_query_tooltip));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, add_pressed_cb,
                                NULL);
}

static void
llw_indicators_dialog_init (LlwIndicatorsDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_in_use_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_in_use_cb), self);
  gtk_column_view_column_set_factory (self->in_use_column, factory);
  g_object_unref (factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (update_buttons), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger,
                                                          gtk_callback_action_new (
                                                            delete_pressed_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);
}

/**
 * llw_indicators_dialog_new:
 * @window: the main window, whose forms and deletes the catalogue uses
 * @data: the campaign whose catalogue it is
 *
 * Returns: (transfer none): the catalogue's window, not shown yet
 */
LlwIndicatorsDialog *
llw_indicators_dialog_new (LlwWindow       *window,
                           LlwCampaignData *data)
{
  LlwIndicatorsDialog *self;

  g_return_val_if_fail (LLW_IS_WINDOW (window), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (data), NULL);

  self = g_object_new (LLW_TYPE_INDICATORS_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);
  self->data = g_object_ref (data);
  g_signal_connect_object (llw_campaign_data_get_database (data), "changed",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}
