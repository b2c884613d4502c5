/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-dialogs.h"
#include "llw-examples-editor.h"
#include "llw-record-dialog.h"
#include "llw-report-example.h"

/* The outstanding examples the campaign's report names, on the "Report" page of the
 * campaign's settings: a list to add to, edit and take from, each change saved at once with
 * its history, as the tabs save their records. A removal is announced with its deletion
 * ("deleted"), which the window can undo. */

struct _LlwExamplesEditor
{
  GtkBox parent_instance;

  LlwCampaignData *data;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (LlwExamplesEditor, llw_examples_editor, GTK_TYPE_BOX)

enum {
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (LlwExamplesEditor *self);

static GtkWindow *
parent_window (LlwExamplesEditor *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
saved_cb (LlwRecordDialog   *dialog,
          gint64             id,
          LlwExamplesEditor *self)
{
  reload (self);
}

static void
edit (LlwExamplesEditor *self,
      gint64             id)
{
  g_autoptr(GError) error = NULL;
  LlwRecordDialog *dialog = llw_record_dialog_new (parent_window (self), self->data,
                                                   &llw_entity_report_example, id, &error);

  if (dialog == NULL)
    {
      llw_show_error (parent_window (self), _("The example cannot be edited"), error);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_clicked_cb (LlwExamplesEditor *self)
{
  edit (self, 0);
}

static void
edit_clicked_cb (GtkButton         *button,
                 LlwExamplesEditor *self)
{
  edit (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id")));
}

static void
remove_clicked_cb (GtkButton         *button,
                   LlwExamplesEditor *self)
{
  LlwDatabase *db = llw_campaign_data_get_database (self->data);
  LlwCampaign *campaign = llw_campaign_data_get_campaign (self->data);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id"));
  g_autoptr(LlwDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;

  deletion = llw_database_plan_deletion (db, "report_example", llw_campaign_get_id (campaign),
                                         id, &error);
  if (deletion == NULL || !llw_database_delete (db, deletion, &error))
    {
      llw_show_error (parent_window (self), _("The example cannot be removed"), error);
      return;
    }
  reload (self);
  g_signal_emit (self, signals[DELETED], 0, deletion);
}

static GtkWidget *
icon_button (LlwExamplesEditor *self,
             const char        *icon,
             const char        *tooltip,
             gint64             id,
             GCallback          callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

/* One example on a line: who, where, for what, with its buttons. */
static GtkWidget *
example_row (LlwExamplesEditor *self,
             LlwReportExample  *example)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *unit = llw_report_example_get_unit_name (example);
  g_autofree char *text = g_strdup_printf ("%s%s%s%s: %s",
                                           llw_report_example_get_person (example),
                                           unit[0] ? " (" : "", unit, unit[0] ? ")" : "",
                                           llw_report_example_get_achievement (example));
  GtkWidget *label = gtk_label_new (text);
  gint64 id = llw_report_example_get_id (example);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon_button (self, "document-edit-symbolic", _("Edit"), id,
                                              G_CALLBACK (edit_clicked_cb)));
  gtk_box_append (GTK_BOX (box), icon_button (self, "list-remove-symbolic", _("Remove"), id,
                                              G_CALLBACK (remove_clicked_cb)));
  return box;
}

static void
reload (LlwExamplesEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) examples = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  examples = llw_database_list_report_examples (llw_campaign_data_get_database (self->data),
                                                llw_campaign_data_get_campaign (self->data),
                                                &error);
  if (examples == NULL)
    {
      g_warning ("Cannot list the report's examples: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (examples); i++)
    {
      g_autoptr(LlwReportExample) example = g_list_model_get_item (examples, i);

      gtk_list_box_append (self->list, example_row (self, example));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), g_list_model_get_n_items (examples) > 0);
}

static void
llw_examples_editor_dispose (GObject *object)
{
  LlwExamplesEditor *self = LLW_EXAMPLES_EDITOR (object);

  g_clear_object (&self->data);

  G_OBJECT_CLASS (llw_examples_editor_parent_class)->dispose (object);
}

static void
llw_examples_editor_class_init (LlwExamplesEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = llw_examples_editor_dispose;

  /**
   * LlwExamplesEditor::deleted:
   * @deletion: what was removed, for an undo
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, LLW_TYPE_DELETION);
}

static void
llw_examples_editor_init (LlwExamplesEditor *self)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add an example…"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outstanding examples"), -1);
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (self), add);
}

/* Returns: (transfer floating): the list of the examples of @data's campaign. */
LlwExamplesEditor *
llw_examples_editor_new (LlwCampaignData *data)
{
  LlwExamplesEditor *self;

  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (data), NULL);

  self = g_object_new (LLW_TYPE_EXAMPLES_EDITOR, NULL);
  self->data = g_object_ref (data);
  reload (self);
  return self;
}
