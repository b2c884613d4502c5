/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-activities-page.h"
#include "llw-campaign-data.h"
#include "llw-import-dialog.h"
#include "llw-message.h"
#include "llw-overview-page.h"
#include "llw-reports-page.h"
#include "llw-themes-page.h"
#include "llw-units-page.h"
#include "llw-window-private.h"

G_DEFINE_FINAL_TYPE (LlwWindow, llw_window, GTK_TYPE_APPLICATION_WINDOW)

static void campaign_selected_cb (LlwWindow   *self,
                                  GParamSpec  *pspec,
                                  GtkDropDown *dropdown);

static char *
format_year (gpointer unused,
             int      year)
{
  return g_strdup_printf ("%d", year);
}

/* Every tab shows @campaign: its lists are read again, once, for all of them. */
static void
show_campaign (LlwWindow   *self,
               LlwCampaign *campaign)
{
  g_clear_object (&self->data);
  self->data = llw_campaign_data_new (self->database, campaign);

  gtk_window_set_title (GTK_WINDOW (self), llw_campaign_get_title (campaign));
  llw_window_state_campaign_shown (self, campaign);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (LLW_IS_PAGE (child))
        llw_page_load (LLW_PAGE (child), self->data);
    }
}

static guint
find_campaign (GListModel  *campaigns,
               LlwCampaign *campaign)
{
  guint n = g_list_model_get_n_items (campaigns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlwCampaign) item = g_list_model_get_item (campaigns, i);

      if (llw_campaign_get_id (item) == llw_campaign_get_id (campaign))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Fills the campaign chooser; if the list cannot be read, it offers @campaign alone. */
static void
load_campaigns (LlwWindow   *self,
                LlwCampaign *campaign)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) campaigns = NULL;
  LlwCampaign *selected;
  guint position;

  campaigns = llw_database_list_campaigns (self->database, &error);
  if (campaigns == NULL)
    {
      GListStore *store = g_list_store_new (LLW_TYPE_CAMPAIGN);

      g_list_store_append (store, campaign);
      campaigns = G_LIST_MODEL (store);
      llw_show_error (GTK_WINDOW (self), _("The campaigns cannot be listed"), error);
    }

  position = find_campaign (campaigns, campaign);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;

  /* Filling the chooser selects its first campaign: no need to read that one first. */
  g_signal_handlers_block_by_func (self->campaign_dropdown, campaign_selected_cb, self);
  gtk_drop_down_set_model (self->campaign_dropdown, campaigns);
  gtk_drop_down_set_selected (self->campaign_dropdown, position);
  g_signal_handlers_unblock_by_func (self->campaign_dropdown, campaign_selected_cb, self);

  selected = gtk_drop_down_get_selected_item (self->campaign_dropdown);
  show_campaign (self, selected != NULL ? selected : campaign);
}

/* Reads the campaigns again, after one was added or changed, and shows @campaign. */
void
llw_window_reload_campaigns (LlwWindow   *self,
                             LlwCampaign *campaign)
{
  load_campaigns (self, campaign);
}

static void
campaign_selected_cb (LlwWindow   *self,
                      GParamSpec  *pspec,
                      GtkDropDown *dropdown)
{
  LlwCampaign *campaign = gtk_drop_down_get_selected_item (dropdown);

  if (campaign != NULL)
    show_campaign (self, campaign);
}

static void
search (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       user_data)
{
  LlwWindow *self = user_data;
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (LLW_IS_PAGE (page))
    llw_page_focus_search (LLW_PAGE (page));
}

static void
import_figures (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  LlwWindow *self = user_data;

  if (self->data != NULL)
    llw_import_dialog_choose_file (GTK_WINDOW (self), self->data);
}

static void
show_page (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  LlwWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

static void
llw_window_dispose (GObject *object)
{
  LlwWindow *self = LLW_WINDOW (object);

  llw_window_actions_dispose (self);
  llw_window_state_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_WINDOW);
  g_clear_object (&self->data);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (llw_window_parent_class)->dispose (object);
}

static void
llw_window_class_init (LlwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_window_dispose;

  g_type_ensure (LLW_TYPE_CAMPAIGN);
  g_type_ensure (LLW_TYPE_OVERVIEW_PAGE);
  g_type_ensure (LLW_TYPE_THEMES_PAGE);
  g_type_ensure (LLW_TYPE_ACTIVITIES_PAGE);
  g_type_ensure (LLW_TYPE_UNITS_PAGE);
  g_type_ensure (LLW_TYPE_REPORTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/llw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwWindow, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LlwWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LlwWindow, notification_bar);
  gtk_widget_class_bind_template_callback (widget_class, format_year);
  llw_window_actions_class_init (widget_class);
}

static void
llw_window_init (LlwWindow *self)
{
  static const GActionEntry actions[] = {
    { "search", search },
    { "show-page", show_page, "s" },
    { "import", import_figures },
  };
  GtkWidget *button;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* GtkDropDown's inner button has no accessible name on GTK 4.8: give it the chooser's. */
  button = gtk_widget_get_first_child (GTK_WIDGET (self->campaign_dropdown));
  if (GTK_IS_TOGGLE_BUTTON (button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Campaign"),
                                    -1);

  g_signal_connect_object (self->campaign_dropdown, "notify::selected",
                           G_CALLBACK (campaign_selected_cb), self, G_CONNECT_SWAPPED);
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  llw_window_actions_init (self);
  llw_window_state_init (self);
}

/* Returns: (transfer none): a window on @database, showing @campaign first; like every
 *   window, it belongs to GTK until it is destroyed. */
LlwWindow *
llw_window_new (GtkApplication *application,
                LlwDatabase    *database,
                LlwCampaign    *campaign)
{
  LlwWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LLW_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  self = g_object_new (LLW_TYPE_WINDOW, "application", application, NULL);
  self->database = g_object_ref (database);
  llw_window_actions_watch_database (self);
  llw_window_files_init (self);
  load_campaigns (self, campaign);

  return self;
}
