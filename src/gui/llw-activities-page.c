/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-activities-page.h"
#include "llw-activity.h"
#include "llw-activity-kind.h"
#include "llw-date.h"
#include "llw-document-format.h"

/* The Activities tab: what the units organised, and below them the kinds of activity the
 * directive suggests, which stay in sight even before any activity is recorded. */

struct _LlwActivitiesPage
{
  LlwPage parent_instance;

  GtkColumnViewColumn *title_column;
  GtkColumnView *kinds_view;
  LlwRecordToolbar *kinds_toolbar;

  GtkSortListModel *kinds_model;
};

G_DEFINE_FINAL_TYPE (LlwActivitiesPage, llw_activities_page, LLW_TYPE_PAGE)

static char *
format_date_range (gpointer    unused,
                   const char *start,
                   const char *end)
{
  g_autofree char *first = llw_date_format (start);
  g_autofree char *last = llw_date_format (end);

  if (last[0] == '\0' || g_str_equal (first, last))
    return g_steal_pointer (&first);
  if (first[0] == '\0')
    return g_steal_pointer (&last);

  return g_strdup_printf ("%s – %s", first, last);
}

static char *
format_form (gpointer unused,
             int      form)
{
  return g_strdup (llw_activity_form_to_label (form));
}

/* -1 means the unit did not say: the cell stays empty rather than showing a made-up 0. */
static char *
format_participants (gpointer unused,
                     gint64   participants)
{
  if (participants < 0)
    return g_strdup ("");

  /* One rule for numbers, as the form asks them typed: 1.250 */
  return llw_format_number (participants, 0);
}

static gboolean
llw_activities_page_load (LlwPage          *page,
                          LlwCampaignData  *data,
                          GError          **error)
{
  LlwActivitiesPage *self = LLW_ACTIVITIES_PAGE (page);
  GListModel *activities;
  GListModel *kinds;

  kinds = llw_campaign_data_get_activity_kinds (data, error);
  if (kinds == NULL)
    return FALSE;
  gtk_sort_list_model_set_model (self->kinds_model, kinds);

  activities = llw_campaign_data_get_activities (data, error);
  if (activities == NULL)
    return FALSE;
  llw_page_set_items (page, activities);

  return TRUE;
}

static const char *
llw_activities_page_get_search_key (LlwPage  *page,
                                    gpointer  item)
{
  return llw_activity_get_search_key (item);
}

static const char *
llw_activities_page_get_sort_key (LlwPage  *page,
                                  gpointer  item)
{
  return llw_activity_get_sort_key (item);
}

static char *
llw_activities_page_format_count (LlwPage *page,
                                  guint    n_items)
{
  return g_strdup_printf (ngettext ("%u activity", "%u activities", n_items), n_items);
}

static void
llw_activities_page_dispose (GObject *object)
{
  LlwActivitiesPage *self = LLW_ACTIVITIES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_ACTIVITIES_PAGE);
  g_clear_object (&self->kinds_model);

  G_OBJECT_CLASS (llw_activities_page_parent_class)->dispose (object);
}

static void
llw_activities_page_class_init (LlwActivitiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LlwPageClass *page_class = LLW_PAGE_CLASS (klass);

  object_class->dispose = llw_activities_page_dispose;

  page_class->empty_icon_name = "x-office-calendar-symbolic";
  page_class->empty_title = N_("No activities recorded yet");
  page_class->empty_description = N_("The activities that the units organise for the Week "
                                     "will be listed here.");
  /* Translators: %s is the text typed in the search entry */
  page_class->no_match_title = N_("No activity matches “%s”");
  page_class->load = llw_activities_page_load;
  page_class->get_search_key = llw_activities_page_get_search_key;
  page_class->get_sort_key = llw_activities_page_get_sort_key;
  page_class->format_count = llw_activities_page_format_count;
  page_class->entity = &llw_entity_activity;

  g_type_ensure (LLW_TYPE_ACTIVITY);
  g_type_ensure (LLW_TYPE_ACTIVITY_KIND);
  llw_page_class_set_template (page_class,
                               "/io/github/llweek/Llweek/ui/llw-activities-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwActivitiesPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, LlwActivitiesPage, kinds_view);
  gtk_widget_class_bind_template_child (widget_class, LlwActivitiesPage, kinds_toolbar);
  gtk_widget_class_bind_template_callback (widget_class, format_date_range);
  gtk_widget_class_bind_template_callback (widget_class, format_form);
  gtk_widget_class_bind_template_callback (widget_class, format_participants);
}

static void
llw_activities_page_init (LlwActivitiesPage *self)
{
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_column_view_column_set_sorter (self->title_column,
                                     llw_page_get_sort_key_sorter (LLW_PAGE (self)));

  self->kinds_model = gtk_sort_list_model_new (NULL, NULL);
  gtk_sort_list_model_set_sorter (self->kinds_model, gtk_column_view_get_sorter (self->kinds_view));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->kinds_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->kinds_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* The kinds are edited where they are shown, with a toolbar of their own. */
  llw_page_attach_record_list (LLW_PAGE (self), self->kinds_view, &llw_entity_activity_kind,
                               self->kinds_toolbar);
}
