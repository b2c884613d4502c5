/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-date.h"
#include "llw-forms-dialog.h"
#include "llw-forms.h"

/* Importing returned forms, as --import-forms does, with a look first: the files are read
 * (on a worker thread: a reader needs no database) and checked, and the dialog lists per
 * unit each value that changes and each problem, by file, sheet and cell. Import writes
 * the batch only when it has no problem; each unit's received date can be changed first. */

struct _LlwFormsDialog
{
  GtkWindow parent_instance;

  GtkWidget *cancel_button;
  GtkWidget *import_button;
  GtkWidget *icon;
  GtkWidget *heading_label;
  GtkWidget *summary_label;
  GtkWidget *spinner;
  GtkWidget *plan_window;
  GtkWidget *plan_list;
  GtkWidget *problems_window;
  GtkWidget *problems_list;

  LlwCampaignData *data;
  LlwFormImport *import;
  GCancellable *cancellable;
  GtkSizeGroup *columns[3];   /* code, old value, new value: aligned from unit to unit */
};

G_DEFINE_FINAL_TYPE (LlwFormsDialog, llw_forms_dialog, GTK_TYPE_WINDOW)

static void show_checked (LlwFormsDialog *self,
                          const GError   *error);

static void
show_state (LlwFormsDialog *self,
            const char     *icon_name,
            const char     *heading,
            const char     *summary,
            gboolean        can_import)
{
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon_name);
  gtk_label_set_text (GTK_LABEL (self->heading_label), heading);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
  gtk_widget_set_visible (self->import_button, can_import);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), can_import ? _("_Cancel")
                                                                     : _("_Close"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cancel_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  can_import ? _("Cancel") : _("Close"), -1);
}

static GtkWidget *
new_label (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static void
show_problems (LlwFormsDialog *self)
{
  GPtrArray *problems = llw_form_import_get_problems (self->import);

  clear_list (self->problems_list);
  for (guint i = 0; i < problems->len; i++)
    {
      GtkWidget *label = new_label (g_ptr_array_index (problems, i), NULL);

      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_margin_bottom (label, 4);
      gtk_widget_set_margin_start (label, 8);
      gtk_widget_set_margin_end (label, 8);
      gtk_list_box_append (GTK_LIST_BOX (self->problems_list), label);
    }
  gtk_widget_set_visible (self->problems_window, problems->len > 0);
}

/* The received date was typed: the batch is checked again with it. */
static void
received_activated_cb (GtkEntry       *entry,
                       LlwFormsDialog *self)
{
  LlwPlannedReport *report = g_object_get_data (G_OBJECT (entry), "report");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *shown = llw_date_format (llw_planned_report_get_received_date (report));
  g_autoptr(GError) error = NULL;

  if (g_str_equal (text, shown) || llw_form_import_is_applied (self->import))
    return;
  if (!llw_form_import_set_received_date (self->import, report, text, &error))
    {
      /* Not a date: the entry says so and keeps what was typed. */
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
      return;
    }
  llw_form_import_check (self->import, &error);
  show_checked (self, error);
}

static void
received_focus_left_cb (GtkEventControllerFocus *controller,
                        LlwFormsDialog          *self)
{
  received_activated_cb (GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))),
                         self);
}

static GtkWidget *
received_entry (LlwFormsDialog   *self,
                LlwPlannedReport *report)
{
  g_autofree char *date = llw_date_format (llw_planned_report_get_received_date (report));
  g_autofree char *name = g_strdup_printf (_("Received on, %s"),
                                           llw_planned_report_get_unit_name (report));
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), date);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_data_full (G_OBJECT (entry), "report", g_object_ref (report), g_object_unref);
  g_signal_connect (entry, "activate", G_CALLBACK (received_activated_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (received_focus_left_cb), self);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static GtkWidget *
report_header (LlwFormsDialog   *self,
               LlwPlannedReport *report)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gboolean created = llw_planned_report_get_action (report) == LLW_PLANNED_CREATE;
  g_autofree char *source = g_strdup_printf (_("%s — from “%s”"),
                                             created ? _("New report")
                                                     : _("Replaces the report received before"),
                                             llw_planned_report_get_source (report));
  GtkWidget *when = gtk_label_new (_("Received on"));

  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (titles), new_label (llw_planned_report_get_unit_name (report),
                                               "heading"));
  gtk_box_append (GTK_BOX (titles), new_label (source, created ? "dim-label" : "warning"));
  gtk_box_append (GTK_BOX (box), titles);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_set_valign (when, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), when);
  gtk_box_append (GTK_BOX (box), received_entry (self, report));
  return box;
}

/* The values that change, one line each: code, what, old value → new value. */
static GtkWidget *
changes_grid (LlwFormsDialog   *self,
              LlwPlannedReport *report)
{
  GPtrArray *changes = llw_planned_report_get_changes (report);
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  for (guint i = 0; i < changes->len; i++)
    {
      LlwPlannedChange *change = changes->pdata[i];
      GtkWidget *code = new_label (change->code ? change->code : "", "dim-label");
      GtkWidget *what = new_label (change->label, NULL);
      GtkWidget *old_value = new_label (*change->old_value ? change->old_value : "—",
                                        "dim-label");
      GtkWidget *new_value = new_label (*change->new_value ? change->new_value : "—",
                                        "heading");

      gtk_widget_set_hexpand (what, TRUE);
      gtk_label_set_xalign (GTK_LABEL (old_value), 1);
      /* Values line up from unit to unit, and a long one wraps. */
      gtk_label_set_max_width_chars (GTK_LABEL (old_value), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (new_value), 30);
      gtk_size_group_add_widget (self->columns[0], code);
      gtk_size_group_add_widget (self->columns[1], old_value);
      gtk_size_group_add_widget (self->columns[2], new_value);
      gtk_grid_attach (GTK_GRID (grid), code, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), what, 1, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), old_value, 2, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), gtk_label_new ("→"), 3, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), new_value, 4, (int) i, 1, 1);
    }
  return grid;
}

static GtkWidget *
report_row (LlwFormsDialog   *self,
            LlwPlannedReport *report)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GPtrArray *activities = llw_planned_report_get_activities (report);
  GPtrArray *notes = llw_planned_report_get_notes (report);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), report_header (self, report));
  if (llw_planned_report_get_changes (report)->len > 0)
    gtk_box_append (GTK_BOX (box), changes_grid (self, report));
  else
    gtk_box_append (GTK_BOX (box), new_label (_("No value changes."), "dim-label"));
  for (guint i = 0; i < activities->len; i++)
    {
      g_autofree char *text = g_strdup_printf (_("New activity: %s"),
                                               (char *) activities->pdata[i]);

      gtk_box_append (GTK_BOX (box), new_label (text, NULL));
    }
  for (guint i = 0; i < notes->len; i++)
    gtk_box_append (GTK_BOX (box), new_label (notes->pdata[i], "warning"));
  return box;
}

static void
show_plan (LlwFormsDialog *self)
{
  GListModel *plan = llw_form_import_get_plan (self->import);
  guint n = g_list_model_get_n_items (plan);

  clear_list (self->plan_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlwPlannedReport) report = g_list_model_get_item (plan, i);

      gtk_list_box_append (GTK_LIST_BOX (self->plan_list), report_row (self, report));
    }
  gtk_widget_set_visible (self->plan_window, n > 0);
}

/* Shows the batch as checked: what it would change, and its problems if it has some. */
static void
show_checked (LlwFormsDialog *self,
              const GError   *error)
{
  guint n_files = llw_form_import_get_n_files (self->import);
  g_autofree char *summary = llw_form_import_describe (self->import, FALSE);

  show_plan (self);
  show_problems (self);
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s", error->message,
                                               _("Correct the files, or leave the wrong ones "
                                                 "out, and import again."));

      show_state (self, "dialog-error-symbolic", _("The forms cannot be imported"), text, FALSE);
      return;
    }
  {
    g_autofree char *heading =
      g_strdup_printf (ngettext ("%u returned form can be imported",
                                 "%u returned forms can be imported", n_files), n_files);
    g_autofree char *text = g_strdup_printf ("%s\n%s", summary,
                                             _("Import writes these changes, each in the "
                                               "history of its report, and keeps the files "
                                               "with the reports."));

    show_state (self, "document-open-symbolic", heading, text, TRUE);
  }
}

static void
import_clicked_cb (LlwFormsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  if (!llw_form_import_apply (self->import, &error))
    {
      show_state (self, "dialog-error-symbolic", _("The forms could not be imported"),
                  error->message, FALSE);
      return;
    }
  summary = llw_form_import_describe (self->import, TRUE);
  show_state (self, "emblem-ok-symbolic", _("Forms imported"), summary, FALSE);
  gtk_widget_set_sensitive (self->plan_list, FALSE);
  gtk_widget_grab_focus (self->cancel_button);
}

/* ---- Reading ---- */

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_task_return_pointer (task, llw_forms_read_files (task_data, cancellable),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
files_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  LlwFormsDialog *self = LLW_FORMS_DIALOG (source);
  g_autoptr(GPtrArray) files = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GError) error = NULL;

  if (files == NULL || self->import == NULL)
    return;   /* the dialog is closing */
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  llw_forms_add_files (self->import, files);
  llw_form_import_check (self->import, &error);
  show_checked (self, error);
}

static void
llw_forms_dialog_dispose (GObject *object)
{
  LlwFormsDialog *self = LLW_FORMS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_FORMS_DIALOG);
  g_clear_object (&self->cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    g_clear_object (&self->columns[i]);
  g_clear_object (&self->import);
  g_clear_object (&self->data);

  G_OBJECT_CLASS (llw_forms_dialog_parent_class)->dispose (object);
}

static void
llw_forms_dialog_class_init (LlwFormsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_forms_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/llw-forms-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwFormsDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LlwFormsDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, LlwFormsDialog, icon);
  gtk_widget_class_bind_template_child (widget_class, LlwFormsDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LlwFormsDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LlwFormsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LlwFormsDialog, plan_window);
  gtk_widget_class_bind_template_child (widget_class, LlwFormsDialog, plan_list);
  gtk_widget_class_bind_template_child (widget_class, LlwFormsDialog, problems_window);
  gtk_widget_class_bind_template_child (widget_class, LlwFormsDialog, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
llw_forms_dialog_init (LlwFormsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    self->columns[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
}

/**
 * llw_forms_dialog_new:
 * @parent: the window it belongs to
 * @data: the campaign the forms are imported into
 * @paths: (element-type filename): returned forms and folders of them
 *
 * Reads and checks the returned forms, and shows what importing them would change; nothing
 * is written until the user imports.
 *
 * Returns: (transfer none): the dialog, to present
 */
LlwFormsDialog *
llw_forms_dialog_new (GtkWindow       *parent,
                      LlwCampaignData *data,
                      GPtrArray       *paths)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  LlwFormsDialog *self;

  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (data), NULL);

  self = g_object_new (LLW_TYPE_FORMS_DIALOG, "transient-for", parent, NULL);
  self->data = g_object_ref (data);
  self->import = llw_form_import_new (llw_campaign_data_get_database (data),
                                      llw_campaign_data_get_campaign (data));

  g_ptr_array_add (paths, NULL);
  files = llw_forms_list_files ((const char *const *) paths->pdata, &error);
  g_ptr_array_remove_index (paths, paths->len - 1);
  if (files == NULL)
    {
      show_state (self, "dialog-error-symbolic", _("The forms cannot be imported"),
                  error->message, FALSE);
      return self;
    }

  show_state (self, "document-open-symbolic", _("Reading the returned forms…"), "", FALSE);
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  task = g_task_new (self, self->cancellable, files_read_cb, NULL);
  g_task_set_task_data (task, g_steal_pointer (&files), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, read_in_thread);
  return self;
}
