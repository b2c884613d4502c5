/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-activities-page.h"
#include "llw-campaign-data.h"
#include "llw-dialogs.h"
#include "llw-import-dialog.h"
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

/* Whether @page shows what the window shows now; counted, not compared by address, since a
 * new campaign's data may come where the last one was. */
static gboolean
is_loaded (LlwWindow *self,
           GtkWidget *page)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (page), "llw-shown")) == self->shown;
}

/* Shows the window's campaign in @page, unless it does already. */
static void
load_page (LlwWindow *self,
           GtkWidget *page)
{
  if (!LLW_IS_PAGE (page) || is_loaded (self, page))
    return;

  g_object_set_data (G_OBJECT (page), "llw-shown", GUINT_TO_POINTER (self->shown));
  llw_page_load (LLW_PAGE (page), self->data);
}

/* The tabs not shown are filled one at a time while the window is idle: with 50,000 units,
 * reading them all before the window is drawn would keep it black for seconds. */
static gboolean
load_next_page_cb (gpointer user_data)
{
  LlwWindow *self = user_data;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (LLW_IS_PAGE (child) && !is_loaded (self, child))
        {
          load_page (self, child);
          return G_SOURCE_CONTINUE;
        }
    }

  self->load_id = 0;
  return G_SOURCE_REMOVE;
}

static void
visible_page_changed_cb (LlwWindow *self)
{
  load_page (self, gtk_stack_get_visible_child (self->stack));
}

/* Every tab shows @campaign: its lists are read again, once, for all of them; the tab shown
 * first, the others after. */
static void
show_campaign (LlwWindow   *self,
               LlwCampaign *campaign)
{
  g_clear_object (&self->data);
  self->data = llw_campaign_data_new (self->database, campaign);
  self->shown++;

  gtk_window_set_title (GTK_WINDOW (self), llw_campaign_get_title (campaign));
  llw_window_state_campaign_shown (self, campaign);
  llw_window_closing_campaign_shown (self);
  llw_window_update_actions (self);
  load_page (self, gtk_stack_get_visible_child (self->stack));
  if (self->load_id == 0)
    self->load_id = g_idle_add_full (G_PRIORITY_LOW, load_next_page_cb, self, NULL);
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

void
llw_window_search_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (LLW_IS_PAGE (page))
    llw_page_focus_search (LLW_PAGE (page));
}

void
llw_window_import_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  g_autofree char *read_only = NULL;

  if (self->data == NULL)
    return;
  /* Said before a file is chosen: a closed campaign takes no figures. */
  read_only = llw_campaign_data_dup_read_only_reason (self->data);
  if (read_only != NULL)
    llw_show_message (GTK_WINDOW (self), GTK_MESSAGE_WARNING, _("No figures can be imported"),
                      read_only);
  else
    llw_import_dialog_choose_file (GTK_WINDOW (self), self->data);
}

void
llw_window_show_page_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

/* GtkShortcutsWindow heads itself "Shortcuts" and "Search Results" from GTK's own catalogue,
 * whose Vietnamese lacks them: its heading says what its title says, in ours. */
static void
translate_shortcuts_heading (LlwWindow *self)
{
  GtkShortcutsWindow *overlay =
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  GtkWidget *header = overlay ? gtk_window_get_titlebar (GTK_WINDOW (overlay)) : NULL;
  GtkWidget *titles = GTK_IS_HEADER_BAR (header)
                      ? gtk_header_bar_get_title_widget (GTK_HEADER_BAR (header)) : NULL;
  GtkWidget *title = GTK_IS_STACK (titles)
                     ? gtk_stack_get_child_by_name (GTK_STACK (titles), "title") : NULL;
  GtkWidget *search = GTK_IS_STACK (titles)
                      ? gtk_stack_get_child_by_name (GTK_STACK (titles), "search") : NULL;

  if (GTK_IS_LABEL (title))
    gtk_label_set_text (GTK_LABEL (title), gtk_window_get_title (GTK_WINDOW (overlay)));
  if (GTK_IS_LABEL (search))
    gtk_label_set_text (GTK_LABEL (search), _("Shortcuts found"));
}

/* build-aux/bench-start measures how long the window takes to be drawn, and
 * build-aux/bench-responsive how long the window stops answering while long work runs: with
 * LLWEEK_TIMING set, it says when it first was drawn, and every time its main loop could
 * not run for longer than a tenth of a second. */
#define HEARTBEAT_MS 10
#define STALL_MS 100

static void
first_frame_cb (GdkFrameClock *clock,
                LlwWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  g_printerr ("llweek: first frame drawn\n");
}

static gboolean
heartbeat_cb (gpointer user_data)
{
  static gint64 last;
  gint64 now = g_get_monotonic_time ();
  gint64 gap_ms = last != 0 ? (now - last) / 1000 - HEARTBEAT_MS : 0;

  if (gap_ms > STALL_MS)
    g_printerr ("llweek: main loop stalled for %" G_GINT64_FORMAT " ms\n", gap_ms);
  last = now;
  return G_SOURCE_CONTINUE;
}

static void
realized_cb (LlwWindow *self)
{
  if (g_getenv ("LLWEEK_TIMING") == NULL)
    return;
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_frame_cb), self, 0);
  g_timeout_add (HEARTBEAT_MS, heartbeat_cb, NULL);
}

static void
llw_window_dispose (GObject *object)
{
  LlwWindow *self = LLW_WINDOW (object);

  g_clear_handle_id (&self->load_id, g_source_remove);
  llw_window_jobs_dispose (self);
  llw_window_disk_dispose (self);
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
  g_type_ensure (LLW_TYPE_NOTIFICATION_BAR);
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
  gtk_widget_class_bind_template_child (widget_class, LlwWindow, closed_bar);
  gtk_widget_class_bind_template_child (widget_class, LlwWindow, closed_label);
  gtk_widget_class_bind_template_child (widget_class, LlwWindow, closed_button);
  gtk_widget_class_bind_template_callback (widget_class, format_year);
  llw_window_class_actions_init (widget_class);
}

static void
llw_window_init (LlwWindow *self)
{
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
  g_signal_connect (self, "realize", G_CALLBACK (realized_cb), NULL);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
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
  translate_shortcuts_heading (self);
  self->database = g_object_ref (database);
  llw_window_actions_watch_database (self);
  llw_window_disk_watch_database (self);
  llw_window_forms_init (self);
  load_campaigns (self, campaign);

  return self;
}
