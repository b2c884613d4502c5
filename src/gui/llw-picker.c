/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "llw-picker.h"
#include "llw-text.h"

/* Chooses one of a list of names, as the forms' drop-downs do, for lists that can be long
 * and names that can be whole sentences: the button shows the choice on one line, cut with
 * "…" and whole in its tooltip, so that a long theme never widens a form; the list opens
 * with a search that finds any part of a name, with or without diacritics, as the tabs'
 * searches do (GTK 4.8's drop-down finds only beginnings, diacritics included). */

struct _LlwPicker
{
  GtkWidget parent_instance;

  GtkWidget *button;
  GtkWidget *label;
  GtkWidget *popover;
  GtkWidget *search_entry;
  GtkWidget *list_view;

  GtkStringList *names;
  GPtrArray *keys;              /* the search key of each name */
  GtkCustomFilter *filter;
  GtkFilterListModel *shown;
  GtkSingleSelection *selection;
  char *query;                  /* the search as a search key */
  guint selected;
};

G_DEFINE_FINAL_TYPE (LlwPicker, llw_picker, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The names shown carry their place in the whole list, to be chosen by it. */
static guint
position_of (gpointer item)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "llw-position"));
}

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  LlwPicker *self = user_data;

  return self->query[0] == '\0' ||
         strstr (g_ptr_array_index (self->keys, position_of (item)), self->query) != NULL;
}

static void
show_choice (LlwPicker *self)
{
  const char *name = self->selected < g_list_model_get_n_items (G_LIST_MODEL (self->names))
                     ? gtk_string_list_get_string (self->names, self->selected) : "";

  gtk_label_set_text (GTK_LABEL (self->label), name);
  gtk_widget_set_tooltip_text (self->button, name[0] != '\0' ? name : NULL);
}

static void
choose (LlwPicker *self,
        guint      position)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  llw_picker_set_selected (self, position);
}

static void
search_changed_cb (LlwPicker      *self,
                   GtkSearchEntry *entry)
{
  g_free (self->query);
  self->query = llw_text_search_key (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Enter in the search chooses the first name found, by what is typed now: the search entry
 * tells of a change only after a pause, and a quick typist presses Enter before. */
static void
search_activated_cb (LlwPicker *self)
{
  g_autoptr(GObject) first = NULL;

  search_changed_cb (self, GTK_SEARCH_ENTRY (self->search_entry));
  first = g_list_model_get_item (G_LIST_MODEL (self->shown), 0);

  if (first != NULL)
    choose (self, position_of (first));
}

static void
row_activated_cb (LlwPicker   *self,
                  guint        position,
                  GtkListView *list_view)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (item != NULL)
    choose (self, position_of (item));
}

static void
button_clicked_cb (LlwPicker *self)
{
  /* The list is at least as wide as the button: a long name then wraps less, and the list
   * never looks narrower than what opened it. */
  gtk_widget_set_size_request (gtk_popover_get_child (GTK_POPOVER (self->popover)),
                               gtk_widget_get_width (GTK_WIDGET (self)), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* The keys go to the search, or to the list, once the list is on screen: before, the focus
 * given is lost. */
static void
popover_mapped_cb (LlwPicker *self)
{
  if (gtk_widget_get_visible (self->search_entry))
    gtk_widget_grab_focus (self->search_entry);
  else
    gtk_widget_grab_focus (self->list_view);
}

/* A name in the list: whole, on as many lines as it needs. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_width_chars (GTK_LABEL (label), 30);
  gtk_list_item_set_child (item, label);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (name));
}

static void
build_popover (LlwPicker *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                       factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (row_activated_cb), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);

  self->search_entry = gtk_search_entry_new ();
  g_object_set (self->search_entry, "placeholder-text", _("Search…"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search…"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate",
                            G_CALLBACK (search_activated_cb), self);
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search_entry),
                                           self->list_view);

  gtk_box_append (GTK_BOX (box), self->search_entry);
  gtk_box_append (GTK_BOX (box), scrolled);
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_swapped (self->popover, "map", G_CALLBACK (popover_mapped_cb), self);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

static void
llw_picker_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  LlwPicker *self = LLW_PICKER (widget);

  gtk_widget_size_allocate (self->button, &(GtkAllocation) { 0, 0, width, height }, baseline);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
llw_picker_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  gtk_widget_measure (LLW_PICKER (widget)->button, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static gboolean
llw_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (LLW_PICKER (widget)->button);
}

static void
llw_picker_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LlwPicker *self = LLW_PICKER (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_picker_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SELECTED:
      llw_picker_set_selected (LLW_PICKER (object), g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_picker_dispose (GObject *object)
{
  LlwPicker *self = LLW_PICKER (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->names);
  g_clear_pointer (&self->keys, g_ptr_array_unref);

  G_OBJECT_CLASS (llw_picker_parent_class)->dispose (object);
}

static void
llw_picker_finalize (GObject *object)
{
  g_free (LLW_PICKER (object)->query);

  G_OBJECT_CLASS (llw_picker_parent_class)->finalize (object);
}

static void
llw_picker_class_init (LlwPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_picker_dispose;
  object_class->finalize = llw_picker_finalize;
  object_class->get_property = llw_picker_get_property;
  object_class->set_property = llw_picker_set_property;
  widget_class->measure = llw_picker_measure;
  widget_class->size_allocate = llw_picker_size_allocate;
  widget_class->grab_focus = llw_picker_grab_focus;

  /**
   * LlwPicker:selected:
   *
   * The position of the name chosen, or %GTK_INVALID_LIST_POSITION.
   */
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "dropdown");
}

static void
llw_picker_init (LlwPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");

  self->selected = GTK_INVALID_LIST_POSITION;
  self->query = g_strdup ("");
  self->names = gtk_string_list_new (NULL);
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->names)),
                                           GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);

  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (self->label), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (self->label), 40);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), arrow);

  self->button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->button), box);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (button_clicked_cb), self);

  build_popover (self);
}

/**
 * llw_picker_new:
 * @names: the names to choose from
 * @label: what the choice is, for screen readers
 *
 * Returns: (transfer floating): a picker with nothing chosen
 */
LlwPicker *
llw_picker_new (const char * const *names,
                const char         *label)
{
  LlwPicker *self = g_object_new (LLW_TYPE_PICKER, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_ptr_array_add (self->keys, llw_text_search_key (names[i]));
      gtk_string_list_append (self->names, names[i]);
    }
  for (guint i = 0; i < self->keys->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->names), i);

      g_object_set_data (item, "llw-position", GUINT_TO_POINTER (i));
    }

  /* A short list is read at a glance; a search helps only a long one. */
  gtk_widget_set_visible (self->search_entry, self->keys->len > 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return self;
}

guint
llw_picker_get_selected (LlwPicker *self)
{
  g_return_val_if_fail (LLW_IS_PICKER (self), GTK_INVALID_LIST_POSITION);

  return self->selected;
}

void
llw_picker_set_selected (LlwPicker *self,
                         guint      position)
{
  g_return_if_fail (LLW_IS_PICKER (self));

  if (position >= self->keys->len)
    position = GTK_INVALID_LIST_POSITION;
  if (self->selected == position)
    return;

  self->selected = position;
  show_choice (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Returns: (transfer none): the button that opens the list, to be marked when it is wrong. */
GtkWidget *
llw_picker_get_button (LlwPicker *self)
{
  g_return_val_if_fail (LLW_IS_PICKER (self), NULL);

  return self->button;
}
