/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-database.h"
#include "llw-date.h"
#include "llw-dialogs.h"
#include "llw-field-row.h"
#include "llw-figures.h"
#include "llw-indicator.h"
#include "llw-report-dialog.h"
#include "llw-settings.h"

/* Receiving a unit's report: the report's fields at left, its figures at right, one per
 * indicator of the campaign's catalogue under the catalogue's groups. Values are checked as
 * the user types, with core's own rules, and the messages shown beside the fields. On save,
 * figures that look wrong (llw_database_check_figures) are shown for the user to confirm or
 * correct: they are never changed. A unit has one report: opening it again shows it. */

typedef struct
{
  LlwIndicator *indicator;
  GtkWidget *entry;
  GtkWidget *error_label;
} Figure;

struct _LlwReportDialog
{
  GtkWindow parent_instance;

  GtkWidget *title_label;
  GtkWidget *subtitle_label;
  GtkWidget *save_button;
  GtkWidget *message_label;
  GtkWidget *warning_box;
  GtkWidget *warning_label;
  GtkWidget *save_anyway_button;
  GtkWidget *form_box;
  GtkWidget *figures_grid;

  LlwCampaignData *data;
  gint64 unit_id;
  gint64 report_id;         /* 0: the unit's report has not been received yet */
  GHashTable *current;      /* the stored fields of the report, or NULL */
  GPtrArray *rows;          /* LlwFieldRow, the report's fields */
  GPtrArray *figures;       /* Figure, in catalogue order */
  GtkSizeGroup *labels;
  GHashTable *initial;      /* column or figure code → the text shown when it opened */
};

G_DEFINE_FINAL_TYPE (LlwReportDialog, llw_report_dialog, GTK_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void value_changed_cb (LlwReportDialog *self);

static void
figure_free (gpointer data)
{
  Figure *figure = data;

  g_object_unref (figure->indicator);
  g_free (figure);
}

/* The ratio above which a figure is called unusual: a setting, for offices whose units
 * differ more (or less) than most. */
static double
outlier_ratio (void)
{
  g_autoptr(GSettings) settings = llw_settings_new ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return LLW_FIGURE_OUTLIER_RATIO;

  g_object_get (settings, "settings-schema", &schema, NULL);
  if (!g_settings_schema_has_key (schema, "figure-outlier-ratio"))
    return LLW_FIGURE_OUTLIER_RATIO;
  return g_settings_get_double (settings, "figure-outlier-ratio");
}

static GHashTable *
collect_fields (LlwReportDialog *self)
{
  GHashTable *input = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < self->rows->len; i++)
    {
      LlwFieldRow *row = g_ptr_array_index (self->rows, i);

      g_hash_table_insert (input, (gpointer) llw_field_row_get_field (row)->column,
                           llw_field_row_get_text (row));
    }
  return input;
}

/* Returns: (transfer full): code → the figure as typed, "" for one not reported. */
static GHashTable *
collect_figures (LlwReportDialog *self)
{
  GHashTable *figures = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < self->figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (self->figures, i);

      g_hash_table_insert (figures, (gpointer) llw_indicator_get_code (figure->indicator),
                           g_strdup (gtk_editable_get_text (GTK_EDITABLE (figure->entry))));
    }
  return figures;
}

static void
set_figure_error (Figure     *figure,
                  const char *message)
{
  gboolean has_error = message != NULL;

  gtk_label_set_text (GTK_LABEL (figure->error_label), has_error ? message : "");
  gtk_widget_set_visible (figure->error_label, has_error);
  if (has_error)
    {
      gtk_widget_add_css_class (figure->entry, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (figure->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (figure->entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (figure->entry, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (figure->entry),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (figure->entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static gboolean
check_figure (Figure *figure)
{
  g_autoptr(GError) error = NULL;
  double value;
  gboolean reported;

  if (!llw_figure_parse (gtk_editable_get_text (GTK_EDITABLE (figure->entry)),
                         llw_indicator_get_decimals (figure->indicator), &value, &reported,
                         &error))
    {
      set_figure_error (figure, error->message);
      return FALSE;
    }
  set_figure_error (figure, NULL);
  return TRUE;
}

/* Shows @errors (column or "figure:CODE" → message) beside their fields; returns how many
 * fields are wrong. */
static guint
show_errors (LlwReportDialog *self,
             GHashTable      *errors)
{
  guint n_errors = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      LlwFieldRow *row = g_ptr_array_index (self->rows, i);
      const char *message = g_hash_table_lookup (errors, llw_field_row_get_field (row)->column);

      llw_field_row_set_error (row, message);
      n_errors += message != NULL;
    }
  for (guint i = 0; i < self->figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (self->figures, i);
      g_autofree char *key = g_strconcat ("figure:", llw_indicator_get_code (figure->indicator),
                                          NULL);
      const char *message = g_hash_table_lookup (errors, key);

      if (message != NULL)
        {
          set_figure_error (figure, message);
          n_errors++;
        }
      else
        n_errors += !check_figure (figure);
    }
  return n_errors;
}

static LlwFieldRow *
find_row (LlwReportDialog *self,
          const char      *column)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      LlwFieldRow *row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (llw_field_row_get_field (row)->column, column))
        return row;
    }
  return NULL;
}

/* A letter dated after it was received is possible (a date typed wrong, mostly): it may be
 * saved, but both dates say so. */
static void
warn_about_dates (LlwReportDialog *self,
                  GHashTable      *input)
{
  LlwFieldRow *received = find_row (self, "received_date");
  LlwFieldRow *document = find_row (self, "document_date");
  GDate received_on, dated;
  gboolean odd;

  if (received == NULL || document == NULL)
    return;

  odd = llw_date_parse (g_hash_table_lookup (input, "received_date"), &received_on) &&
        llw_date_parse (g_hash_table_lookup (input, "document_date"), &dated) &&
        g_date_compare (&dated, &received_on) > 0;
  llw_field_row_set_note (document, odd ? _("This date is after the date the report was "
                                            "received: check both.") : NULL);
  llw_field_row_set_note (received, odd ? _("This date is before the document’s own date: "
                                            "check both.") : NULL);
}

/* Returns: (transfer full) (nullable): what keeps the report from being saved. */
static char *
describe_errors (LlwReportDialog *self,
                 GHashTable      *errors)
{
  g_autofree char *fields = llw_field_rows_describe_errors (self->rows, errors);
  g_autoptr(GString) codes = g_string_new (NULL);

  if (fields != NULL)
    return g_steal_pointer (&fields);

  for (guint i = 0; i < self->figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (self->figures, i);

      if (!gtk_widget_get_visible (figure->error_label))
        continue;
      g_string_append_printf (codes, "%s%s", codes->len > 0 ? ", " : "",
                              llw_indicator_get_code (figure->indicator));
    }
  /* Translators: %s lists the codes of the indicators, such as A1, C2 */
  return g_strdup_printf (_("Correct the figures before saving: %s."), codes->str);
}

/* Whether anything was typed since the dialog opened. */
static gboolean
report_changed (GtkWindow *window)
{
  LlwReportDialog *self = LLW_REPORT_DIALOG (window);

  for (guint i = 0; i < self->rows->len; i++)
    {
      LlwFieldRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *text = llw_field_row_get_text (row);

      if (g_strcmp0 (text, g_hash_table_lookup (self->initial,
                                                llw_field_row_get_field (row)->column)) != 0)
        return TRUE;
    }
  for (guint i = 0; i < self->figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (self->figures, i);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (figure->entry)),
                     g_hash_table_lookup (self->initial,
                                          llw_indicator_get_code (figure->indicator))) != 0)
        return TRUE;
    }
  return FALSE;
}

/* Keeps what the form shows now, as the text it opened with. */
static void
keep_initial (LlwReportDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      LlwFieldRow *row = g_ptr_array_index (self->rows, i);

      g_hash_table_insert (self->initial, (gpointer) llw_field_row_get_field (row)->column,
                           llw_field_row_get_text (row));
    }
  for (guint i = 0; i < self->figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (self->figures, i);

      g_hash_table_insert (self->initial, (gpointer) llw_indicator_get_code (figure->indicator),
                           g_strdup (gtk_editable_get_text (GTK_EDITABLE (figure->entry))));
    }
}

/* Checks the whole report as core would save it; Save waits until nothing is wrong. */
static gboolean
validate (LlwReportDialog *self)
{
  LlwDatabase *db = llw_campaign_data_get_database (self->data);
  gint64 campaign_id = llw_campaign_get_id (llw_campaign_data_get_campaign (self->data));
  g_autoptr(GHashTable) input = collect_fields (self);
  g_autoptr(GHashTable) errors = NULL;
  g_autofree char *why = NULL;
  gboolean valid;

  g_hash_table_insert (input, "unit_id", g_strdup_printf ("%" G_GINT64_FORMAT, self->unit_id));
  errors = llw_database_check (db, &llw_entity_report, campaign_id, self->report_id, input,
                               self->current, NULL);
  g_hash_table_remove (errors, "unit_id");

  valid = show_errors (self, errors) == 0;
  warn_about_dates (self, input);
  why = valid ? NULL : describe_errors (self, errors);
  llw_dialog_set_save_hint (self->save_button, why);
  return valid;
}

static void
show_message (LlwReportDialog *self,
              const char      *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message);
  gtk_widget_set_visible (self->message_label, message != NULL);
}

static void
focus_first_error (LlwReportDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (llw_field_row_has_error (g_ptr_array_index (self->rows, i)))
      {
        llw_field_row_grab_focus (g_ptr_array_index (self->rows, i));
        return;
      }
  for (guint i = 0; i < self->figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (self->figures, i);

      if (gtk_widget_get_visible (figure->error_label))
        {
          gtk_widget_grab_focus (figure->entry);
          return;
        }
    }
}

static void
save_report (LlwReportDialog *self)
{
  LlwDatabase *db = llw_campaign_data_get_database (self->data);
  LlwCampaign *campaign = llw_campaign_data_get_campaign (self->data);
  g_autoptr(GHashTable) input = collect_fields (self);
  g_autoptr(GHashTable) figures = collect_figures (self);
  g_autoptr(GHashTable) errors = NULL;
  g_autoptr(GError) error = NULL;

  if (llw_database_save_report (db, campaign, self->unit_id, input, figures, &errors,
                                &error) == 0)
    {
      gtk_widget_set_visible (self->warning_box, FALSE);
      if (errors != NULL)
        show_errors (self, errors);
      show_message (self, error->message);
      focus_first_error (self);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->unit_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Lists the warnings about the figures, and waits for the user to save or go back. */
static gboolean
warn_about_figures (LlwReportDialog *self)
{
  LlwDatabase *db = llw_campaign_data_get_database (self->data);
  LlwCampaign *campaign = llw_campaign_data_get_campaign (self->data);
  g_autoptr(GHashTable) figures = collect_figures (self);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  warnings = llw_database_check_figures (db, campaign, self->unit_id, figures, outlier_ratio ());
  if (warnings->len == 0)
    return FALSE;

  for (guint i = 0; i < warnings->len; i++)
    g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "",
                            (char *) g_ptr_array_index (warnings, i));
  gtk_label_set_text (GTK_LABEL (self->warning_label), text->str);
  gtk_widget_set_visible (self->warning_box, TRUE);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_widget_grab_focus (self->save_anyway_button);
  return TRUE;
}

static void
add_field_rows (LlwReportDialog *self,
                GListModel      *themes)
{
  for (guint i = 0; i < llw_entity_report.n_fields; i++)
    {
      const LlwField *field = &llw_entity_report.fields[i];
      LlwFieldRow *row;

      /* The unit is the dialog's: it is not chosen here. */
      if (g_str_equal (field->column, "unit_id"))
        continue;

      row = llw_field_row_new (field, g_str_equal (field->column, "theme_id") ? themes : NULL);
      gtk_size_group_add_widget (self->labels, llw_field_row_get_label (row));
      g_signal_connect_swapped (row, "changed", G_CALLBACK (value_changed_cb), self);
      gtk_box_append (GTK_BOX (self->form_box), GTK_WIDGET (row));
      g_ptr_array_add (self->rows, row);
    }
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One indicator: code, label, the figure and its measure; below, what is wrong with it. */
static void
add_figure_row (LlwReportDialog *self,
                LlwIndicator    *indicator,
                int              row)
{
  Figure *figure = g_new0 (Figure, 1);
  GtkGrid *grid = GTK_GRID (self->figures_grid);
  GtkWidget *label = new_label (llw_indicator_get_label (indicator), NULL);

  figure->indicator = g_object_ref (indicator);
  figure->entry = gtk_entry_new ();
  figure->error_label = new_label (NULL, "field-error");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (figure->entry), 11);
  gtk_editable_set_alignment (GTK_EDITABLE (figure->entry), 1);
  gtk_widget_set_valign (figure->entry, GTK_ALIGN_CENTER);
  gtk_entry_set_input_purpose (GTK_ENTRY (figure->entry), GTK_INPUT_PURPOSE_NUMBER);
  /* The rule of numbers, as the office writes them, as an example (a bare number there would
   * read as a figure); an empty figure is "not reported". */
  gtk_entry_set_placeholder_text (GTK_ENTRY (figure->entry),
                                  llw_indicator_get_decimals (indicator) > 0 ? _("e.g. 1.250,5")
                                                                             : _("e.g. 1.250"));
  gtk_entry_set_activates_default (GTK_ENTRY (figure->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (figure->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  llw_indicator_get_label (indicator), -1);
  gtk_label_set_wrap (GTK_LABEL (figure->error_label), TRUE);
  gtk_widget_set_visible (figure->error_label, FALSE);
  g_signal_connect_swapped (figure->entry, "changed", G_CALLBACK (value_changed_cb), self);

  gtk_grid_attach (grid, new_label (llw_indicator_get_code (indicator), "figure-code"),
                   0, row, 1, 1);
  gtk_grid_attach (grid, label, 1, row, 1, 1);
  gtk_grid_attach (grid, figure->entry, 2, row, 1, 1);
  gtk_grid_attach (grid, new_label (llw_indicator_get_measure (indicator), "dim-label"),
                   3, row, 1, 1);
  gtk_grid_attach (grid, figure->error_label, 1, row + 1, 3, 1);
  g_ptr_array_add (self->figures, figure);
}

/* The catalogue in its order, a heading above each of its groups. */
static void
add_figure_rows (LlwReportDialog *self,
                 GListModel      *indicators)
{
  const char *group = NULL;
  int row = 0;

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(LlwIndicator) indicator = g_list_model_get_item (indicators, i);
      const char *title = llw_indicator_get_group_title (indicator);

      if (g_strcmp0 (title, group) != 0 && title != NULL && title[0] != '\0')
        {
          GtkWidget *heading = new_label (title, "heading");

          gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
          gtk_widget_set_margin_top (heading, row > 0 ? 14 : 4);
          gtk_grid_attach (GTK_GRID (self->figures_grid), heading, 0, row++, 4, 1);
        }
      group = title;
      add_figure_row (self, indicator, row);
      row += 2;
    }
}

/* Shows the report as stored, or a new one received today by the default channel. */
static gboolean
load_report (LlwReportDialog  *self,
             GError          **error)
{
  LlwDatabase *db = llw_campaign_data_get_database (self->data);
  gint64 campaign_id = llw_campaign_get_id (llw_campaign_data_get_campaign (self->data));
  g_autoptr(GHashTable) figures = NULL;

  self->report_id = llw_database_find_report (db, campaign_id, self->unit_id);
  if (self->report_id > 0)
    {
      self->current = llw_database_load_values (db, &llw_entity_report, self->report_id, error);
      figures = self->current ? llw_database_load_figures (db, self->report_id, error) : NULL;
      if (figures == NULL)
        return FALSE;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      LlwFieldRow *row = g_ptr_array_index (self->rows, i);
      const LlwField *field = llw_field_row_get_field (row);
      g_autofree char *today = llw_date_to_iso (llw_campaign_data_get_today (self->data));
      const char *stored = field->default_value;
      g_autofree char *text = NULL;

      if (self->current != NULL)
        stored = g_hash_table_lookup (self->current, field->column);
      else if (g_str_equal (field->column, "received_date"))
        stored = today;
      text = llw_field_to_edit_text (field, stored);
      llw_field_row_set_text (row, text);
    }

  for (guint i = 0; figures != NULL && i < self->figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (self->figures, i);
      const char *text = g_hash_table_lookup (figures, llw_indicator_get_code (figure->indicator));

      gtk_editable_set_text (GTK_EDITABLE (figure->entry), text != NULL ? text : "");
    }
  return TRUE;
}

static void
show_title (LlwReportDialog *self,
            LlwReportStatus *status)
{
  g_autofree char *deadline = llw_date_format (llw_report_status_get_deadline (status));
  g_autofree char *subtitle = NULL;

  gtk_label_set_text (GTK_LABEL (self->title_label),
                      self->report_id > 0 ? _("Edit report") : _("Receive report"));
  /* Translators: the unit, then its deadline (dd/mm/yyyy) */
  subtitle = deadline[0] != '\0'
             ? g_strdup_printf (_("%s · due %s"), llw_report_status_get_unit_name (status),
                                deadline)
             : g_strdup (llw_report_status_get_unit_name (status));
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), subtitle);
  gtk_window_set_title (GTK_WINDOW (self), llw_report_status_get_unit_name (status));
}

/* A report of a closed campaign, or of a file open for reading only, is shown as it is:
 * greyed, without Save, with the reason. */
static void
show_read_only (LlwReportDialog *self)
{
  g_autofree char *reason = llw_campaign_data_dup_read_only_reason (self->data);

  if (reason == NULL)
    return;
  gtk_widget_set_sensitive (self->form_box, FALSE);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_widget_set_visible (self->save_button, FALSE);
  gtk_widget_remove_css_class (self->message_label, "field-error");
  show_message (self, reason);
}

/* The user changed something: a warning or message about the old values no longer holds. */
static void
value_changed_cb (LlwReportDialog *self)
{
  show_message (self, NULL);
  gtk_widget_set_visible (self->warning_box, FALSE);
  validate (self);
}

static void
save_clicked_cb (LlwReportDialog *self)
{
  if (!validate (self))
    {
      focus_first_error (self);
      return;
    }
  if (!warn_about_figures (self))
    save_report (self);
}

static void
save_anyway_clicked_cb (LlwReportDialog *self)
{
  if (validate (self))
    save_report (self);
}

static void
go_back_clicked_cb (LlwReportDialog *self)
{
  gtk_widget_set_visible (self->warning_box, FALSE);
  validate (self);
  if (self->figures->len > 0)
    gtk_widget_grab_focus (((Figure *) g_ptr_array_index (self->figures, 0))->entry);
}

static void
llw_report_dialog_dispose (GObject *object)
{
  LlwReportDialog *self = LLW_REPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_REPORT_DIALOG);
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (llw_report_dialog_parent_class)->dispose (object);
}

static void
llw_report_dialog_finalize (GObject *object)
{
  LlwReportDialog *self = LLW_REPORT_DIALOG (object);

  g_clear_pointer (&self->current, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->initial, g_hash_table_unref);
  g_clear_object (&self->data);

  G_OBJECT_CLASS (llw_report_dialog_parent_class)->finalize (object);
}

static void
llw_report_dialog_class_init (LlwReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_report_dialog_dispose;
  object_class->finalize = llw_report_dialog_finalize;

  /**
   * LlwReportDialog::saved:
   * @unit_id: the unit whose report was saved
   *
   * The report was written; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/llw-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwReportDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, LlwReportDialog, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LlwReportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LlwReportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, LlwReportDialog, warning_box);
  gtk_widget_class_bind_template_child (widget_class, LlwReportDialog, warning_label);
  gtk_widget_class_bind_template_child (widget_class, LlwReportDialog, save_anyway_button);
  gtk_widget_class_bind_template_child (widget_class, LlwReportDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, LlwReportDialog, figures_grid);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_anyway_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, go_back_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
llw_report_dialog_init (LlwReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->figures = g_ptr_array_new_with_free_func (figure_free);
  self->labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->initial = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  llw_dialog_add_shortcuts (GTK_WINDOW (self), FALSE);
  llw_dialog_confirm_discard (GTK_WINDOW (self), report_changed);
}

/**
 * llw_report_dialog_new:
 * @parent: the window it belongs to
 * @data: the campaign shown
 * @status: the unit whose report it is
 *
 * Returns: (transfer none): the dialog, to present; %NULL with @error set when the report or
 *   the catalogue cannot be read
 */
LlwReportDialog *
llw_report_dialog_new (GtkWindow        *parent,
                       LlwCampaignData  *data,
                       LlwReportStatus  *status,
                       GError          **error)
{
  LlwReportDialog *self;
  g_autoptr(GListModel) indicators = NULL;
  GListModel *themes;

  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (data), NULL);
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (status), NULL);

  indicators = llw_database_list_indicators (llw_campaign_data_get_database (data),
                                             llw_campaign_data_get_campaign (data), error);
  if (indicators == NULL)
    return NULL;
  themes = llw_campaign_data_get_themes (data, error);
  if (themes == NULL)
    return NULL;

  self = g_object_new (LLW_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);
  self->data = g_object_ref (data);
  self->unit_id = llw_report_status_get_unit_id (status);
  add_field_rows (self, themes);
  add_figure_rows (self, indicators);
  if (!load_report (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  show_title (self, status);
  keep_initial (self);
  validate (self);
  show_read_only (self);
  llw_dialog_fit (GTK_WINDOW (self), 1120, 720);
  return self;
}
