/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-cell.h"
#include "llw-history-dialog.h"
#include "llw-history-entry.h"

/* The changes made to a record, or to the whole campaign, newest first, in plain words. */

struct _LlwHistoryDialog
{
  GtkWindow parent_instance;

  GtkWidget *subject_label;
  GtkWidget *stack;
  GtkColumnView *column_view;
  GtkColumnViewColumn *record_column;
  GtkWidget *empty_label;
};

G_DEFINE_FINAL_TYPE (LlwHistoryDialog, llw_history_dialog, GTK_TYPE_WINDOW)

static void
llw_history_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LLW_TYPE_HISTORY_DIALOG);

  G_OBJECT_CLASS (llw_history_dialog_parent_class)->dispose (object);
}

static void
llw_history_dialog_class_init (LlwHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_history_dialog_dispose;

  g_type_ensure (LLW_TYPE_HISTORY_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/"
                                               "llw-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwHistoryDialog, subject_label);
  gtk_widget_class_bind_template_child (widget_class, LlwHistoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LlwHistoryDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, LlwHistoryDialog, record_column);
  gtk_widget_class_bind_template_child (widget_class, LlwHistoryDialog, empty_label);
  gtk_widget_class_bind_template_callback_full (widget_class, "cell_query_tooltip_cb",
                                                G_CALLBACK (llw_cell_query_tooltip));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
llw_history_dialog_init (LlwHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_title (GTK_WINDOW (self), _("History"));
  gtk_label_set_text (GTK_LABEL (self->empty_label),
                      _("No change has been recorded yet. Changes made in this window are "
                        "kept here, with the day and time they were made."));
}

/**
 * llw_history_dialog_new:
 * @subject: what the history is of, such as the record's name
 * @entries: the changes (LlwHistoryEntry), newest first
 * @show_records: whether to say which record each change is of, when they are of many
 *
 * Returns: (transfer none): the window, not shown yet
 */
LlwHistoryDialog *
llw_history_dialog_new (GtkWindow  *parent,
                        const char *subject,
                        GListModel *entries,
                        gboolean    show_records)
{
  LlwHistoryDialog *self;
  GtkNoSelection *selection;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);

  self = g_object_new (LLW_TYPE_HISTORY_DIALOG, "transient-for", parent, NULL);
  gtk_label_set_text (GTK_LABEL (self->subject_label), subject);
  gtk_column_view_column_set_visible (self->record_column, show_records);

  selection = gtk_no_selection_new (g_object_ref (entries));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    g_list_model_get_n_items (entries) > 0 ? "list" : "empty");
  return self;
}
