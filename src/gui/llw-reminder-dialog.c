/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-database.h"
#include "llw-date.h"
#include "llw-dialogs.h"
#include "llw-field-row.h"
#include "llw-reminder-dialog.h"
#include "llw-report-status.h"

/* Recording that units were reminded of their report: when, how, and a note, for one unit
 * or for many at once (after a reminder letter went to all of them). The overview then shows
 * when each unit was last reminded. */

struct _LlwReminderDialog
{
  GtkWindow parent_instance;

  GtkWidget *save_button;
  GtkWidget *form_box;
  GtkWidget *message_label;
  GtkWidget *units_title;
  GtkWidget *units_list;
  GtkWidget *units_error;

  LlwCampaignData *data;
  GPtrArray *checks;        /* GtkCheckButton per unit, with its "unit-id" */
  GPtrArray *rows;          /* LlwFieldRow: the date, the channel and the note */
  GtkSizeGroup *labels;
};

G_DEFINE_FINAL_TYPE (LlwReminderDialog, llw_reminder_dialog, GTK_TYPE_WINDOW)

static void unit_toggled_cb (LlwReminderDialog *self);
static void row_changed_cb  (LlwReminderDialog *self);

static gint64
check_unit_id (GtkWidget *check)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (check), "unit-id");
}

static guint
count_checked (LlwReminderDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

static void
update_units_title (LlwReminderDialog *self)
{
  guint n = count_checked (self);
  g_autofree char *title = g_strdup_printf (ngettext ("%u unit reminded",
                                                      "%u units reminded", n), n);

  gtk_label_set_text (GTK_LABEL (self->units_title), title);
  if (n > 0)
    gtk_widget_set_visible (self->units_error, FALSE);
}

static GHashTable *
collect_input (LlwReminderDialog *self,
               gint64             unit_id)
{
  GHashTable *input = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < self->rows->len; i++)
    {
      LlwFieldRow *row = g_ptr_array_index (self->rows, i);

      g_hash_table_insert (input, (gpointer) llw_field_row_get_field (row)->column,
                           llw_field_row_get_text (row));
    }
  g_hash_table_insert (input, "unit_id", g_strdup_printf ("%" G_GINT64_FORMAT, unit_id));
  return input;
}

static guint
show_errors (LlwReminderDialog *self,
             GHashTable        *errors)
{
  guint n_errors = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      LlwFieldRow *row = g_ptr_array_index (self->rows, i);
      const char *message = g_hash_table_lookup (errors, llw_field_row_get_field (row)->column);

      llw_field_row_set_error (row, message);
      n_errors += message != NULL;
    }
  return n_errors;
}

/* Checks the fields as core will, for any unit: the same values go to each. */
static gboolean
validate (LlwReminderDialog *self)
{
  LlwDatabase *db = llw_campaign_data_get_database (self->data);
  gint64 campaign_id = llw_campaign_get_id (llw_campaign_data_get_campaign (self->data));
  gint64 unit_id = self->checks->len > 0 ? check_unit_id (g_ptr_array_index (self->checks, 0))
                                         : 0;
  g_autoptr(GHashTable) input = collect_input (self, unit_id);
  g_autoptr(GHashTable) errors = NULL;
  g_autofree char *why = NULL;
  gboolean valid;

  errors = llw_database_check (db, &llw_entity_reminder, campaign_id, 0, input, NULL, NULL);
  g_hash_table_remove (errors, "unit_id");
  valid = show_errors (self, errors) == 0;
  why = valid ? NULL : llw_field_rows_describe_errors (self->rows, errors);
  llw_dialog_set_save_hint (self->save_button, why);
  return valid;
}

/* Whether a unit was ticked or unticked, or a field changed, since the dialog opened. */
static gboolean
reminder_changed (GtkWindow *window)
{
  LlwReminderDialog *self = LLW_REMINDER_DIALOG (window);

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) !=
          GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "initially-active")))
        return TRUE;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      LlwFieldRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *text = llw_field_row_get_text (row);

      if (g_strcmp0 (text, g_object_get_data (G_OBJECT (row), "initial-text")) != 0)
        return TRUE;
    }
  return FALSE;
}

static void
show_message (LlwReminderDialog *self,
              const char        *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message);
  gtk_widget_set_visible (self->message_label, TRUE);
}

/* No reminder is written in a closed campaign, or in a file open for reading only. */
static void
show_read_only (LlwReminderDialog *self)
{
  g_autofree char *reason = llw_campaign_data_dup_read_only_reason (self->data);

  if (reason == NULL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (self->form_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != self->message_label)
      gtk_widget_set_sensitive (child, FALSE);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_widget_set_visible (self->save_button, FALSE);
  gtk_widget_remove_css_class (self->message_label, "field-error");
  show_message (self, reason);
}

static void
set_all (LlwReminderDialog *self,
         gboolean           active)
{
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), active);
}

/* A unit to tick, and when it was last reminded. */
static void
add_unit (LlwReminderDialog *self,
          LlwReportStatus   *status,
          gboolean           active)
{
  const char *name = llw_report_status_get_unit_name (status);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (name);
  const char *last = llw_report_status_get_last_reminder (status);
  gint64 *unit_id = g_new (gint64, 1);

  *unit_id = llw_report_status_get_unit_id (status);
  g_object_set_data_full (G_OBJECT (check), "unit-id", unit_id, g_free);
  g_object_set_data (G_OBJECT (check), "initially-active", GINT_TO_POINTER (active));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  /* A unit's name is long: cut with "…" rather than widen the dialog, whole in the tooltip.
   * The check button's own label cannot be cut: it gets one that can. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_tooltip_text (check, name);
  gtk_widget_set_hexpand (check, TRUE);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (unit_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), check);

  if (last != NULL)
    {
      g_autofree char *date = llw_date_format (last);
      g_autofree char *text = g_strdup_printf (_("last reminded %s"), date);
      GtkWidget *when = gtk_label_new (text);

      gtk_widget_add_css_class (when, "dim-label");
      gtk_box_append (GTK_BOX (box), when);
    }

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_append (GTK_LIST_BOX (self->units_list), box);
  g_ptr_array_add (self->checks, check);
}

static void
add_field_rows (LlwReminderDialog *self)
{
  g_autofree char *today = llw_date_to_iso (llw_campaign_data_get_today (self->data));

  for (guint i = 0; i < llw_entity_reminder.n_fields; i++)
    {
      const LlwField *field = &llw_entity_reminder.fields[i];
      g_autofree char *text = NULL;
      LlwFieldRow *row;

      if (g_str_equal (field->column, "unit_id"))
        continue;

      row = llw_field_row_new (field, NULL);
      text = llw_field_to_edit_text (field, g_str_equal (field->column, "reminded_on")
                                            ? today : field->default_value);
      llw_field_row_set_text (row, text);
      g_object_set_data_full (G_OBJECT (row), "initial-text", llw_field_row_get_text (row),
                              g_free);
      gtk_size_group_add_widget (self->labels, llw_field_row_get_label (row));
      g_signal_connect_swapped (row, "changed", G_CALLBACK (row_changed_cb), self);
      gtk_box_append (GTK_BOX (self->form_box), GTK_WIDGET (row));
      g_ptr_array_add (self->rows, row);
    }
}

static void
unit_toggled_cb (LlwReminderDialog *self)
{
  update_units_title (self);
}

static void
row_changed_cb (LlwReminderDialog *self)
{
  gtk_widget_set_visible (self->message_label, FALSE);
  validate (self);
}

/* One reminder per unit ticked. The fields were checked for all of them, so a refusal can
 * only come from a unit gone meanwhile: those before it stay recorded, as they happened. */
static void
save_clicked_cb (LlwReminderDialog *self)
{
  LlwDatabase *db = llw_campaign_data_get_database (self->data);
  gint64 campaign_id = llw_campaign_get_id (llw_campaign_data_get_campaign (self->data));

  if (!validate (self))
    return;
  if (count_checked (self) == 0)
    {
      gtk_label_set_text (GTK_LABEL (self->units_error), _("Tick the units that were reminded."));
      gtk_widget_set_visible (self->units_error, TRUE);
      return;
    }

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);
      g_autoptr(GHashTable) input = NULL;
      g_autoptr(GHashTable) errors = NULL;
      g_autoptr(GError) error = NULL;

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        continue;
      input = collect_input (self, check_unit_id (check));
      if (llw_database_insert (db, &llw_entity_reminder, campaign_id, input, &errors,
                               &error) == 0)
        {
          if (errors != NULL)
            show_errors (self, errors);
          show_message (self, error->message);
          return;
        }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
select_all_clicked_cb (LlwReminderDialog *self)
{
  set_all (self, TRUE);
}

static void
select_none_clicked_cb (LlwReminderDialog *self)
{
  set_all (self, FALSE);
}

static void
llw_reminder_dialog_dispose (GObject *object)
{
  LlwReminderDialog *self = LLW_REMINDER_DIALOG (object);

  /* The form is the window's child and a template child: taken from the window first, or
   * the template would unparent it behind the window's back, and the window unparent it
   * again once it is gone. */
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_REMINDER_DIALOG);
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (llw_reminder_dialog_parent_class)->dispose (object);
}

static void
llw_reminder_dialog_finalize (GObject *object)
{
  LlwReminderDialog *self = LLW_REMINDER_DIALOG (object);

  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->data);

  G_OBJECT_CLASS (llw_reminder_dialog_parent_class)->finalize (object);
}

static void
llw_reminder_dialog_class_init (LlwReminderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_reminder_dialog_dispose;
  object_class->finalize = llw_reminder_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/"
                                               "llw-reminder-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwReminderDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LlwReminderDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, LlwReminderDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, LlwReminderDialog, units_title);
  gtk_widget_class_bind_template_child (widget_class, LlwReminderDialog, units_list);
  gtk_widget_class_bind_template_child (widget_class, LlwReminderDialog, units_error);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_none_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
llw_reminder_dialog_init (LlwReminderDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->checks = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
  self->labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  llw_dialog_add_shortcuts (GTK_WINDOW (self), FALSE);
  llw_dialog_confirm_discard (GTK_WINDOW (self), reminder_changed);
}

/**
 * llw_reminder_dialog_new:
 * @parent: the window it belongs to
 * @data: the campaign shown
 * @units: the LlwReportStatus of the units that may be reminded
 * @selected_unit_id: the unit ticked at first, or 0 for none
 *
 * Returns: (transfer none): the dialog, to present
 */
LlwReminderDialog *
llw_reminder_dialog_new (GtkWindow       *parent,
                         LlwCampaignData *data,
                         GListModel      *units,
                         gint64           selected_unit_id)
{
  LlwReminderDialog *self;

  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (data), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (units), NULL);

  self = g_object_new (LLW_TYPE_REMINDER_DIALOG, "transient-for", parent, NULL);
  self->data = g_object_ref (data);

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(LlwReportStatus) status = g_list_model_get_item (units, i);

      add_unit (self, status, llw_report_status_get_unit_id (status) == selected_unit_id);
    }
  add_field_rows (self);
  update_units_title (self);
  validate (self);
  show_read_only (self);
  llw_dialog_fit (GTK_WINDOW (self), 640, 640);
  return self;
}
