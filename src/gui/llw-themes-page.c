/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-text.h"
#include "llw-theme.h"
#include "llw-themes-page.h"

/* The Themes tab: the campaign's themes, suggested by the Ministry or proposed by a unit. */

struct _LlwThemesPage
{
  LlwPage parent_instance;

  GtkColumnViewColumn *title_column;
};

G_DEFINE_FINAL_TYPE (LlwThemesPage, llw_themes_page, LLW_TYPE_PAGE)

static G_DEFINE_QUARK (llw-themes-page-search-key, search_key)
static G_DEFINE_QUARK (llw-themes-page-sort-key, sort_key)

/* LlwTheme has no search or sort key of its own: each is made once, when first needed, and
 * kept with the theme for as long as the campaign is shown. */
static const char *
get_key (LlwTheme   *theme,
         GQuark      quark,
         char     *(*make_key) (const char *text))
{
  const char *key = g_object_get_qdata (G_OBJECT (theme), quark);

  if (key == NULL)
    {
      char *new_key = make_key (llw_theme_get_title (theme));

      g_object_set_qdata_full (G_OBJECT (theme), quark, new_key, g_free);
      key = new_key;
    }

  return key;
}

static char *
format_suggested (gpointer unused,
                  gboolean suggested)
{
  return g_strdup (suggested ? _("Yes") : _("Proposed by a unit"));
}

static char *
format_chosen_count (gpointer unused,
                     int      count)
{
  return g_strdup_printf (ngettext ("%d unit", "%d units", count), count);
}

static gboolean
llw_themes_page_load (LlwPage          *page,
                      LlwCampaignData  *data,
                      GError          **error)
{
  GListModel *themes = llw_campaign_data_get_themes (data, error);

  if (themes == NULL)
    return FALSE;

  llw_page_set_items (page, themes);
  return TRUE;
}

static const char *
llw_themes_page_get_search_key (LlwPage  *page,
                                gpointer  item)
{
  return get_key (item, search_key_quark (), llw_text_search_key);
}

static const char *
llw_themes_page_get_sort_key (LlwPage  *page,
                              gpointer  item)
{
  return get_key (item, sort_key_quark (), llw_text_sort_key);
}

static char *
llw_themes_page_format_count (LlwPage *page,
                              guint    n_items)
{
  return g_strdup_printf (ngettext ("%u theme", "%u themes", n_items), n_items);
}

static void
llw_themes_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LLW_TYPE_THEMES_PAGE);

  G_OBJECT_CLASS (llw_themes_page_parent_class)->dispose (object);
}

static void
llw_themes_page_class_init (LlwThemesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LlwPageClass *page_class = LLW_PAGE_CLASS (klass);

  object_class->dispose = llw_themes_page_dispose;

  page_class->empty_icon_name = "view-list-symbolic";
  page_class->empty_title = N_("No themes yet");
  /* Translators: %s is the text typed in the search entry */
  page_class->no_match_title = N_("No theme matches “%s”");
  page_class->load = llw_themes_page_load;
  page_class->get_search_key = llw_themes_page_get_search_key;
  page_class->get_sort_key = llw_themes_page_get_sort_key;
  page_class->format_count = llw_themes_page_format_count;
  page_class->entity = &llw_entity_theme;

  g_type_ensure (LLW_TYPE_THEME);
  llw_page_class_set_template (page_class, "/io/github/llweek/Llweek/ui/llw-themes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwThemesPage, title_column);
  gtk_widget_class_bind_template_callback (widget_class, format_suggested);
  gtk_widget_class_bind_template_callback (widget_class, format_chosen_count);
}

static void
llw_themes_page_init (LlwThemesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_column_view_column_set_sorter (self->title_column,
                                     llw_page_get_sort_key_sorter (LLW_PAGE (self)));
}
