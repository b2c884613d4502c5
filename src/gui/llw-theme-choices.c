/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-report-status.h"
#include "llw-theme-choices.h"
#include "llw-theme.h"

/* The overview's panel of the themes the units chose in their reports: each theme of the
 * campaign with how many units chose it, and the reports that name none. It follows both
 * lists, so that it changes as soon as a report is saved. */

struct _LlwThemeChoices
{
  GtkWidget parent_instance;

  GtkGrid *grid;

  GListModel *themes;
  GListModel *statuses;
};

G_DEFINE_FINAL_TYPE (LlwThemeChoices, llw_theme_choices, GTK_TYPE_WIDGET)

static guint
count_received (GListModel *statuses)
{
  guint n = 0;

  for (guint i = 0; statuses != NULL && i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(LlwReportStatus) status = g_list_model_get_item (statuses, i);
      LlwReportState state = llw_report_status_get_state (status);

      n += state == LLW_REPORT_STATE_ON_TIME || state == LLW_REPORT_STATE_LATE;
    }
  return n;
}

static void
add_row (LlwThemeChoices *self,
         int              row,
         const char      *title,
         guint            count)
{
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *text = g_strdup_printf (ngettext ("%u unit", "%u units", count), count);
  GtkWidget *number = gtk_label_new (text);

  /* Theme titles are whole sentences: two lines each, the rest in the tooltip. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, title);

  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_widget_set_valign (number, GTK_ALIGN_START);
  gtk_widget_add_css_class (number, count > 0 ? "stat-number-small" : "dim-label");
  gtk_widget_add_css_class (number, "numeric");

  gtk_grid_attach (self->grid, label, 0, row, 1, 1);
  gtk_grid_attach (self->grid, number, 1, row, 1, 1);
}

static void
rebuild (LlwThemeChoices *self)
{
  GtkWidget *child;
  guint received = count_received (self->statuses);
  guint stated = 0;
  guint n = self->themes != NULL ? g_list_model_get_n_items (self->themes) : 0;
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlwTheme) theme = g_list_model_get_item (self->themes, i);
      int count = llw_theme_get_chosen_count (theme);

      add_row (self, row++, llw_theme_get_title (theme), MAX (count, 0));
      stated += MAX (count, 0);
    }
  if (received > stated)
    add_row (self, row++, _("No theme given in the report"), received - stated);
}

static void
list_changed_cb (LlwThemeChoices *self)
{
  rebuild (self);
}

static void
follow (LlwThemeChoices  *self,
        GListModel      **field,
        GListModel       *list)
{
  if (*field == list)
    return;

  if (*field != NULL)
    g_signal_handlers_disconnect_by_func (*field, list_changed_cb, self);
  g_set_object (field, list);
  if (list != NULL)
    g_signal_connect_object (list, "items-changed", G_CALLBACK (list_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
llw_theme_choices_dispose (GObject *object)
{
  LlwThemeChoices *self = LLW_THEME_CHOICES (object);
  GtkWidget *child;

  follow (self, &self->themes, NULL);
  follow (self, &self->statuses, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_THEME_CHOICES);
  /* The heading has no name in the template: it is not released with the grid. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (llw_theme_choices_parent_class)->dispose (object);
}

static void
llw_theme_choices_class_init (LlwThemeChoicesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_theme_choices_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/"
                                               "llw-theme-choices.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwThemeChoices, grid);
}

static void
llw_theme_choices_init (LlwThemeChoices *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * llw_theme_choices_set_lists:
 * @themes: (nullable): the campaign's LlwTheme, with how many reports chose each
 * @statuses: (nullable): the LlwReportStatus of the units, to count the reports received
 *
 * Shows the themes chosen, and follows both lists as they change.
 */
void
llw_theme_choices_set_lists (LlwThemeChoices *self,
                             GListModel      *themes,
                             GListModel      *statuses)
{
  g_return_if_fail (LLW_IS_THEME_CHOICES (self));

  follow (self, &self->themes, themes);
  follow (self, &self->statuses, statuses);
  rebuild (self);
}
