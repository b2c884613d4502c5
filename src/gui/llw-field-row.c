/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-field-row.h"
#include "llw-picker.h"

/* One field of a record's form: its label, the widget its kind calls for, and below it the
 * message saying what is wrong with the value, if anything. The text it gives and takes is
 * what llw_field_to_edit_text () makes and llw_database_check () reads. */

struct _LlwFieldRow
{
  GtkWidget parent_instance;

  GtkWidget *label;
  GtkWidget *input_box;
  GtkWidget *error_label;

  const LlwField *field;
  char *note;              /* a warning shown below the field while it has no error */
  GtkWidget *input;        /* the entry, text view, check button or drop-down */
  GtkWidget *frame;        /* what holds the input in the row */
  GPtrArray *values;       /* drop-down: the stored value of each item */
};

G_DEFINE_FINAL_TYPE (LlwFieldRow, llw_field_row, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
input_changed_cb (LlwFieldRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
make_entry (LlwFieldRow *self)
{
  GtkWidget *entry = gtk_entry_new ();

  /* Enter in a one-line field saves, as the dialog's default button. */
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  switch (self->field->kind)
    {
    case LLW_FIELD_DATE:
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("dd/mm/yyyy"));
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
      gtk_widget_set_halign (entry, GTK_ALIGN_START);
      break;
    case LLW_FIELD_COUNT:
      /* Translators: a whole number as Vietnamese writes it, "." grouping thousands */
      if (!(self->field->flags & LLW_FIELD_YEAR))
        gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("e.g. 1.250"));
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
      gtk_widget_set_halign (entry, GTK_ALIGN_START);
      break;
    case LLW_FIELD_EMAIL:
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_EMAIL);
      break;
    default:
      break;
    }
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (input_changed_cb), self);
  self->input = self->frame = entry;
  return entry;
}

static GtkWidget *
make_text_view (LlwFieldRow *self)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next field; tabs the user pastes are kept. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (input_changed_cb), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 60);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 180);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);

  self->input = view;
  self->frame = scrolled;
  return scrolled;
}

static GtkWidget *
make_check_button (LlwFieldRow *self)
{
  GtkWidget *check = gtk_check_button_new_with_label (llw_field_get_label (self->field));

  /* The check button says what it is itself: no label beside it. */
  gtk_label_set_text (GTK_LABEL (self->label), "");
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (input_changed_cb), self);
  self->input = self->frame = check;
  return check;
}

/* The name a record of another table goes by in a list to choose from. */
static char *
record_name (GObject *record)
{
  const char *property = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "name")
                         ? "name" : "title";
  g_autofree char *name = NULL;

  g_object_get (record, property, &name, NULL);
  return g_strdelimit (g_steal_pointer (&name), "\t\r\n", ' ');
}

static void
fill_references (LlwFieldRow *self,
                 GPtrArray   *names,
                 GListModel  *records)
{
  guint n = records != NULL ? g_list_model_get_n_items (records) : 0;

  /* An item that stands for no record: "none" where the field may stay empty, else an
   * invitation to choose. */
  g_ptr_array_add (names, g_strdup (self->field->flags & LLW_FIELD_REQUIRED ? _("Choose…")
                                                                           : _("(none)")));
  g_ptr_array_add (self->values, g_strdup (""));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);
      gint64 id = 0;

      g_object_get (record, "id", &id, NULL);
      g_ptr_array_add (names, record_name (record));
      g_ptr_array_add (self->values, g_strdup_printf ("%" G_GINT64_FORMAT, id));
    }
}

static void
selected_cb (LlwFieldRow *self)
{
  input_changed_cb (self);
}

static GtkWidget *
make_picker (LlwFieldRow *self,
             GListModel  *records)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  LlwPicker *picker;

  self->values = g_ptr_array_new_with_free_func (g_free);
  if (self->field->kind == LLW_FIELD_CHOICE)
    {
      g_auto(GStrv) choices = llw_field_dup_choices (self->field);

      for (guint i = 0; choices[i] != NULL; i++)
        {
          g_ptr_array_add (names, g_strdup (llw_field_choice_label (self->field, choices[i])));
          g_ptr_array_add (self->values, g_strdup (choices[i]));
        }
    }
  else
    fill_references (self, names, records);
  g_ptr_array_add (names, NULL);

  picker = llw_picker_new ((const char * const *) names->pdata,
                           llw_field_get_label (self->field));
  g_signal_connect_swapped (picker, "notify::selected", G_CALLBACK (selected_cb), self);
  self->input = GTK_WIDGET (picker);
  self->frame = llw_picker_get_button (picker);
  return self->input;
}

static GtkWidget *
make_input (LlwFieldRow *self,
            GListModel  *records)
{
  switch (self->field->kind)
    {
    case LLW_FIELD_LONG_TEXT:
      return make_text_view (self);
    case LLW_FIELD_BOOLEAN:
      return make_check_button (self);
    case LLW_FIELD_CHOICE:
    case LLW_FIELD_REFERENCE:
      return make_picker (self, records);
    case LLW_FIELD_TEXT:
    case LLW_FIELD_DATE:
    case LLW_FIELD_COUNT:
    case LLW_FIELD_EMAIL:
    default:
      return make_entry (self);
    }
}

static void
llw_field_row_dispose (GObject *object)
{
  LlwFieldRow *self = LLW_FIELD_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_FIELD_ROW);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (llw_field_row_parent_class)->dispose (object);
}

static void
llw_field_row_class_init (LlwFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_field_row_dispose;

  /**
   * LlwFieldRow::changed:
   *
   * The user changed the value.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/llw-field-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwFieldRow, label);
  gtk_widget_class_bind_template_child (widget_class, LlwFieldRow, input_box);
  gtk_widget_class_bind_template_child (widget_class, LlwFieldRow, error_label);
}

static void
llw_field_row_init (LlwFieldRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * llw_field_row_new:
 * @field: the field, which must outlive the row (the entities' fields are static)
 * @records: (nullable): for a reference, the records to choose from (with "id" and "name"
 *   or "title" properties)
 *
 * Returns: (transfer floating): a row for @field, empty
 */
LlwFieldRow *
llw_field_row_new (const LlwField *field,
                   GListModel     *records)
{
  LlwFieldRow *self;
  const char *label;

  g_return_val_if_fail (field != NULL, NULL);

  self = g_object_new (LLW_TYPE_FIELD_ROW, NULL);
  self->field = field;
  label = llw_field_get_label (field);
  if (field->flags & LLW_FIELD_REQUIRED)
    {
      /* Translators: the label of a field that must be filled in */
      g_autofree char *marked = g_strdup_printf (_("%s *"), label);

      gtk_label_set_text (GTK_LABEL (self->label), marked);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->label), label);
  gtk_box_prepend (GTK_BOX (self->input_box), make_input (self, records));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_PROPERTY_REQUIRED,
                                  (field->flags & LLW_FIELD_REQUIRED) != 0, -1);

  /* The visible label names the field for screen readers, and for the UI tests. As a
   * property, not a labelled-by relation: GTK 4.8 would say the name twice. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  return self;
}

const LlwField *
llw_field_row_get_field (LlwFieldRow *self)
{
  g_return_val_if_fail (LLW_IS_FIELD_ROW (self), NULL);

  return self->field;
}

static guint
find_value (LlwFieldRow *self,
            const char  *value)
{
  for (guint i = 0; i < self->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->values, i), value) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* Shows @text, as llw_field_to_edit_text () makes it, as the field's value. */
void
llw_field_row_set_text (LlwFieldRow *self,
                        const char  *text)
{
  g_return_if_fail (LLW_IS_FIELD_ROW (self));

  if (text == NULL)
    text = "";

  if (GTK_IS_ENTRY (self->input))
    gtk_editable_set_text (GTK_EDITABLE (self->input), text);
  else if (GTK_IS_TEXT_VIEW (self->input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input)), text, -1);
  else if (GTK_IS_CHECK_BUTTON (self->input))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->input),
                                 text[0] != '\0' && g_strcmp0 (text, "0") != 0);
  else if (LLW_IS_PICKER (self->input))
    llw_picker_set_selected (LLW_PICKER (self->input), find_value (self, text));
}

/* Returns: (transfer full): the value as the user typed or chose it. */
char *
llw_field_row_get_text (LlwFieldRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint selected;

  g_return_val_if_fail (LLW_IS_FIELD_ROW (self), NULL);

  if (GTK_IS_ENTRY (self->input))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->input)));
  if (GTK_IS_CHECK_BUTTON (self->input))
    return g_strdup (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->input)) ? "1" : "0");
  if (LLW_IS_PICKER (self->input))
    {
      selected = llw_picker_get_selected (LLW_PICKER (self->input));
      return g_strdup (selected < self->values->len ? g_ptr_array_index (self->values, selected)
                                                    : "");
    }

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Shows the note below the field when it has no error. */
static void
show_note (LlwFieldRow *self)
{
  gboolean has_note = self->note != NULL;

  gtk_label_set_text (GTK_LABEL (self->error_label), has_note ? self->note : "");
  gtk_widget_set_visible (self->error_label, has_note);
  if (has_note)
    gtk_widget_add_css_class (self->error_label, "field-warning");
}

/* Shows @message below the field and marks it, or clears both when @message is %NULL. */
void
llw_field_row_set_error (LlwFieldRow *self,
                         const char  *message)
{
  gboolean has_error = message != NULL && message[0] != '\0';

  g_return_if_fail (LLW_IS_FIELD_ROW (self));

  if (has_error == gtk_widget_has_css_class (self->frame, "error") &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (self->error_label)),
                 has_error ? message : self->note ? self->note : "") == 0)
    return;

  gtk_widget_remove_css_class (self->error_label, "field-warning");
  gtk_label_set_text (GTK_LABEL (self->error_label), has_error ? message : "");
  gtk_widget_set_visible (self->error_label, has_error);
  if (!has_error)
    show_note (self);
  if (has_error)
    {
      gtk_widget_add_css_class (self->frame, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->input),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->frame, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->input),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

gboolean
llw_field_row_has_error (LlwFieldRow *self)
{
  g_return_val_if_fail (LLW_IS_FIELD_ROW (self), FALSE);

  return gtk_widget_has_css_class (self->frame, "error");
}

/**
 * llw_field_row_set_note:
 * @note: (nullable): a warning about a value that may be saved all the same
 *
 * Shows @note below the field, in a warning's colour, whenever the field has no error.
 */
void
llw_field_row_set_note (LlwFieldRow *self,
                        const char  *note)
{
  g_return_if_fail (LLW_IS_FIELD_ROW (self));

  if (g_strcmp0 (self->note, note) == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (note);
  if (!llw_field_row_has_error (self))
    show_note (self);
}

/* Returns: (transfer none): the label beside the field, for a size group. */
GtkWidget *
llw_field_row_get_label (LlwFieldRow *self)
{
  g_return_val_if_fail (LLW_IS_FIELD_ROW (self), NULL);

  return self->label;
}

void
llw_field_row_grab_focus (LlwFieldRow *self)
{
  g_return_if_fail (LLW_IS_FIELD_ROW (self));

  gtk_widget_grab_focus (self->input);
}

/**
 * llw_field_rows_describe_errors:
 * @rows: (element-type LlwFieldRow): a form's rows
 * @errors: (nullable): column → message, as llw_database_check () gives them
 *
 * Returns: (transfer full) (nullable): which fields keep the form from being saved, for its
 *   Save button's tooltip, or %NULL when none does
 */
char *
llw_field_rows_describe_errors (GPtrArray  *rows,
                                GHashTable *errors)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; errors != NULL && i < rows->len; i++)
    {
      LlwFieldRow *row = g_ptr_array_index (rows, i);

      if (!g_hash_table_contains (errors, row->field->column))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, llw_field_get_label (row->field));
    }
  if (names->len == 0)
    return NULL;

  /* Translators: %s is a list of the fields' names */
  return g_strdup_printf (_("Fill in or correct before saving: %s."), names->str);
}
