/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LLW_TYPE_KEY_SORTER (llw_key_sorter_get_type ())
G_DECLARE_FINAL_TYPE (LlwKeySorter, llw_key_sorter, LLW, KEY_SORTER, GtkSorter)

/* A record's key, made once and kept with the record: a text compared byte by byte, or a
 * number. */
typedef struct
{
  char *text;
  double number;
} LlwSortKey;

/* Returns a key owned by @item (a record's own sort key), or %NULL. */
typedef const char *(*LlwSortKeyFunc) (gpointer item,
                                       gpointer user_data);

LlwKeySorter     *llw_key_sorter_new            (GtkExpression   *expression);
LlwKeySorter     *llw_key_sorter_new_for_func   (LlwSortKeyFunc   func,
                                                 gpointer         user_data);
const LlwSortKey *llw_key_sorter_get_key        (LlwKeySorter    *self,
                                                 gpointer         item);
int               llw_key_sorter_compare_keys   (LlwKeySorter    *self,
                                                 const LlwSortKey *key1,
                                                 const LlwSortKey *key2);
guint             llw_key_sorter_read_chain     (GtkSorter       *sorter,
                                                 gpointer         item1,
                                                 gpointer         item2,
                                                 LlwKeySorter   **sorters,
                                                 gboolean        *reversed,
                                                 guint            max);

G_END_DECLS
