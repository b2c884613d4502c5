/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-unit.h"
#include "llw-units-page.h"

/* The Units tab: every unit, with its assignment in the campaign. */

struct _LlwUnitsPage
{
  LlwPage parent_instance;

  GtkColumnViewColumn *name_column;
  GtkColumnView *column_view;
};

G_DEFINE_FINAL_TYPE (LlwUnitsPage, llw_units_page, LLW_TYPE_PAGE)

static char *
format_role (gpointer unused,
             int      role)
{
  return g_strdup (llw_role_to_label (role));
}

static char *
format_yes_no (gpointer unused,
               gboolean yes)
{
  return g_strdup (yes ? _("Yes") : _("No"));
}

/* Deleting a unit from every campaign is asked for apart from Delete, which takes it out
 * of the campaign shown only. */
static void
delete_everywhere (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.delete-everywhere", "s", "unit");
}

static void
selection_changed_cb (LlwUnitsPage *self)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.delete-everywhere",
                                 GTK_IS_SINGLE_SELECTION (selection) &&
                                 gtk_single_selection_get_selected_item (
                                   GTK_SINGLE_SELECTION (selection)) != NULL);
}

static gboolean
llw_units_page_load (LlwPage          *page,
                     LlwCampaignData  *data,
                     GError          **error)
{
  GListModel *units = llw_campaign_data_get_units (data, error);

  if (units == NULL)
    return FALSE;

  llw_page_set_items (page, units);
  return TRUE;
}

static const char *
llw_units_page_get_search_key (LlwPage  *page,
                               gpointer  item)
{
  return llw_unit_get_search_key (item);
}

static const char *
llw_units_page_get_sort_key (LlwPage  *page,
                             gpointer  item)
{
  return llw_unit_get_sort_key (item);
}

static char *
llw_units_page_format_count (LlwPage *page,
                             guint    n_items)
{
  return g_strdup_printf (ngettext ("%u unit", "%u units", n_items), n_items);
}

static void
llw_units_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LLW_TYPE_UNITS_PAGE);

  G_OBJECT_CLASS (llw_units_page_parent_class)->dispose (object);
}

static void
llw_units_page_class_init (LlwUnitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LlwPageClass *page_class = LLW_PAGE_CLASS (klass);

  object_class->dispose = llw_units_page_dispose;

  page_class->empty_icon_name = "system-users-symbolic";
  page_class->empty_title = N_("No units yet");
  /* Translators: %s is the text typed in the search entry */
  page_class->no_match_title = N_("No unit matches “%s”");
  page_class->load = llw_units_page_load;
  page_class->get_search_key = llw_units_page_get_search_key;
  page_class->get_sort_key = llw_units_page_get_sort_key;
  page_class->format_count = llw_units_page_format_count;
  page_class->entity = &llw_entity_unit;

  g_type_ensure (LLW_TYPE_UNIT);
  llw_page_class_set_template (page_class, "/io/github/llweek/Llweek/ui/llw-units-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwUnitsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, LlwUnitsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, format_role);
  gtk_widget_class_bind_template_callback (widget_class, format_yes_no);

  gtk_widget_class_install_action (widget_class, "units.delete-everywhere", NULL,
                                   delete_everywhere);
}

static void
llw_units_page_init (LlwUnitsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_column_view_column_set_sorter (self->name_column,
                                     llw_page_get_sort_key_sorter (LLW_PAGE (self)));
  g_signal_connect_object (gtk_column_view_get_model (self->column_view),
                           "notify::selected-item", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  selection_changed_cb (self);
}
