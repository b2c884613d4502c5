/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-campaign-data.h"
#include "llw-entity.h"
#include "llw-record-toolbar.h"

G_BEGIN_DECLS

#define LLW_TYPE_PAGE (llw_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (LlwPage, llw_page, LLW, PAGE, GtkWidget)

/* A tab of the window: a search entry above one GtkColumnView of the campaign's records, an
 * empty state in place of the list, and slots above and below it (children of type "header"
 * and "footer" in the tab's template). The column view in the tab's template is the list. */
struct _LlwPageClass
{
  GtkWidgetClass parent_class;

  /* What the tab shows when it has no row, and when the search hides every row (%s is the
   * search text). N_() strings, translated when shown. */
  const char *empty_icon_name;
  const char *empty_title;
  const char *empty_description;
  const char *no_match_title;

  /* Reads the campaign's records and hands them to llw_page_set_items (). */
  gboolean    (*load)           (LlwPage          *self,
                                 LlwCampaignData  *data,
                                 GError          **error);
  /* The item's search key (llw_text_search_key) and sort key (llw_text_sort_key). */
  const char *(*get_search_key) (LlwPage          *self,
                                 gpointer          item);
  const char *(*get_sort_key)   (LlwPage          *self,
                                 gpointer          item);
  /* Says how many records the tab holds, above the list. */
  char       *(*format_count)   (LlwPage          *self,
                                 guint             n_items);

  /* What the tab's list holds, when its records are added, edited and deleted there;
   * %NULL for a tab that only shows. */
  const LlwEntity *entity;
};

void        llw_page_class_set_template   (LlwPageClass    *page_class,
                                           const char      *resource_path);
void        llw_page_load                 (LlwPage         *self,
                                           LlwCampaignData *data);
void        llw_page_focus_search         (LlwPage         *self);
void        llw_page_fit_header           (LlwPage         *self);
void        llw_page_set_items            (LlwPage         *self,
                                           GListModel      *items);
GtkSorter  *llw_page_get_sort_key_sorter  (LlwPage         *self);
const LlwEntity *llw_page_get_target      (LlwPage         *self,
                                           const char      *table,
                                           gpointer        *item);
gboolean    llw_page_select_record        (LlwPage         *self,
                                           const char      *table,
                                           gint64           id);
void        llw_page_attach_record_list   (LlwPage          *self,
                                           GtkColumnView    *column_view,
                                           const LlwEntity  *entity,
                                           LlwRecordToolbar *toolbar);

G_END_DECLS
