/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-database.h"
#include "llw-deletion-question.h"
#include "llw-dialogs.h"
#include "llw-examples-editor.h"
#include "llw-field-row.h"
#include "llw-record-dialog.h"

/* A form for one record, built from its entity: a row per field, each value checked as the
 * user types with the same rules core applies when saving, the messages shown beside the
 * fields, and Save disabled until there is none. A form may have further parts that belong
 * to the first record (a unit and its assignment in the campaign), saved after it. */

typedef struct
{
  const LlwEntity *entity;
  gint64 id;                  /* 0: a record not written yet */
  GHashTable *current;        /* the stored values of the record edited, or NULL */
  GHashTable *initial;        /* column → the text each row showed first */
  GPtrArray *rows;            /* LlwFieldRow */
  GtkWidget *toggle;          /* the check button that adds the part, or NULL */
  gboolean initially_enabled;
  GtkWidget *rows_box;
  const char *parent_column;  /* the column that holds the first part's id, not shown */
  gboolean removal_asked;     /* unticked: the user agreed to what taking it away takes */
} Part;

struct _LlwRecordDialog
{
  GtkWindow parent_instance;

  GtkWidget *save_button;
  GtkWidget *form_box;
  GtkWidget *message_label;

  LlwCampaignData *data;
  GPtrArray *parts;           /* Part */
  GtkSizeGroup *labels;
  GHashTable *touched;        /* the rows the user changed: a new record's empty fields are
                               * not called wrong before the user gets to them */
  gboolean read_only;         /* shown, not changed: see llw_record_dialog_set_read_only () */
  GtkWidget *examples;        /* a campaign's outstanding examples, or NULL */
  gboolean explained_required;
};

G_DEFINE_FINAL_TYPE (LlwRecordDialog, llw_record_dialog, GTK_TYPE_WINDOW)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *table;
  const char *new_title;
  const char *edit_title;
} titles[] = {
  { "campaign", N_("New campaign"), N_("Campaign settings") },
  { "theme", N_("New theme"), N_("Edit theme") },
  { "activity_kind", N_("New kind of activity"), N_("Edit kind of activity") },
  { "unit", N_("New unit"), N_("Edit unit") },
  { "assignment", N_("New assignment"), N_("Edit assignment") },
  { "activity", N_("New activity"), N_("Edit activity") },
  { "indicator", N_("New indicator"), N_("Edit indicator") },
};

/* The campaign has many fields: headings group them as the directive and the report do. */
static const struct
{
  const char *column;
  const char *heading;
} campaign_headings[] = {
  { "year", N_("The Week") },
  { "directive_number", N_("The Province’s directive") },
  { "ministry_letter_number", N_("The Ministry’s letter") },
  { "basis", N_("The plan") },
  { "office_name", N_("The office that receives the reports") },
  { "report_parent_body", N_("The consolidated report") },
  { "report_to", N_("Addressees and copies") },
  { "report_assessment", N_("The office’s own sections of the report") },
};

static void
part_free (gpointer data)
{
  Part *part = data;

  g_clear_pointer (&part->current, g_hash_table_unref);
  g_clear_pointer (&part->initial, g_hash_table_unref);
  g_ptr_array_unref (part->rows);
  g_free (part);
}

static Part *
first_part (LlwRecordDialog *self)
{
  return g_ptr_array_index (self->parts, 0);
}

static gint64
campaign_id_for (LlwRecordDialog *self,
                 const LlwEntity *entity)
{
  return entity->per_campaign
         ? llw_campaign_get_id (llw_campaign_data_get_campaign (self->data)) : 0;
}

static gboolean
part_enabled (Part *part)
{
  return part->toggle == NULL || gtk_check_button_get_active (GTK_CHECK_BUTTON (part->toggle));
}

/* The records a reference field chooses from, as the tabs list them. */
static GListModel *
reference_records (LlwRecordDialog *self,
                   const LlwField  *field)
{
  g_autoptr(GError) error = NULL;
  GListModel *records = NULL;

  if (g_strcmp0 (field->reference, "unit") == 0)
    records = llw_campaign_data_get_units (self->data, &error);
  else if (g_strcmp0 (field->reference, "theme") == 0)
    records = llw_campaign_data_get_themes (self->data, &error);
  else if (g_strcmp0 (field->reference, "activity_kind") == 0)
    records = llw_campaign_data_get_activity_kinds (self->data, &error);

  if (error != NULL)
    g_warning ("Cannot list the records of %s: %s", field->reference, error->message);
  return records;
}

/* What the user has typed in @part: for a record being edited, only the fields changed, so
 * that saving what was not touched writes nothing and logs nothing. */
static GHashTable *
part_input (LlwRecordDialog *self,
            Part            *part)
{
  GHashTable *input = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gint64 parent_id = first_part (self)->id;

  for (guint i = 0; i < part->rows->len; i++)
    {
      LlwFieldRow *row = g_ptr_array_index (part->rows, i);
      const char *column = llw_field_row_get_field (row)->column;
      char *text = llw_field_row_get_text (row);

      if (part->id > 0 && g_strcmp0 (text, g_hash_table_lookup (part->initial, column)) == 0)
        g_free (text);
      else
        g_hash_table_insert (input, (gpointer) column, text);
    }

  if (part->parent_column != NULL && parent_id > 0 && part->id == 0)
    g_hash_table_insert (input, (gpointer) part->parent_column,
                         g_strdup_printf ("%" G_GINT64_FORMAT, parent_id));
  return input;
}

/* Shows @errors beside the fields of @part, those of a new record once the user has been
 * there; returns how many errors there are. */
static guint
show_errors (LlwRecordDialog *self,
             Part            *part,
             GHashTable      *errors)
{
  guint n_errors = 0;

  for (guint i = 0; i < part->rows->len; i++)
    {
      LlwFieldRow *row = g_ptr_array_index (part->rows, i);
      const char *message = NULL;

      if (errors != NULL)
        message = g_hash_table_lookup (errors, llw_field_row_get_field (row)->column);
      n_errors += message != NULL;
      if (part->id == 0 && !g_hash_table_contains (self->touched, row))
        message = NULL;
      llw_field_row_set_error (row, message);
    }
  return n_errors;
}

/* Checks @part as it would be saved; returns what keeps it from being saved, or NULL. */
static char *
check_part (LlwRecordDialog *self,
            Part            *part)
{
  LlwDatabase *db = llw_campaign_data_get_database (self->data);
  g_autoptr(GHashTable) input = NULL;
  g_autoptr(GHashTable) errors = NULL;

  gtk_widget_set_visible (part->rows_box, part_enabled (part));
  if (!part_enabled (part))
    {
      show_errors (self, part, NULL);
      return NULL;
    }

  input = part_input (self, part);
  errors = llw_database_check (db, part->entity, campaign_id_for (self, part->entity), part->id,
                               input, part->current, NULL);
  /* The first part's id is not known before it is written: its column is not shown. */
  if (part->parent_column != NULL)
    g_hash_table_remove (errors, part->parent_column);
  show_errors (self, part, errors);
  return llw_field_rows_describe_errors (part->rows, errors);
}

static void
validate (LlwRecordDialog *self)
{
  g_autofree char *why = NULL;

  for (guint i = 0; i < self->parts->len; i++)
    {
      g_autofree char *problem = check_part (self, g_ptr_array_index (self->parts, i));

      if (why == NULL)
        why = g_steal_pointer (&problem);
    }

  llw_dialog_set_save_hint (self->save_button, why);
}

/* Whether the user has changed anything since the form opened or was last saved. */
static gboolean
form_changed (GtkWindow *window)
{
  LlwRecordDialog *self = LLW_RECORD_DIALOG (window);

  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      if (part_enabled (part) != part->initially_enabled)
        return TRUE;
      for (guint j = 0; part_enabled (part) && j < part->rows->len; j++)
        {
          LlwFieldRow *row = g_ptr_array_index (part->rows, j);
          g_autofree char *text = llw_field_row_get_text (row);

          if (g_strcmp0 (text, g_hash_table_lookup (part->initial,
                                                    llw_field_row_get_field (row)->column)) != 0)
            return TRUE;
        }
    }
  return FALSE;
}

static void
row_changed_cb (LlwRecordDialog *self,
                LlwFieldRow     *row)
{
  g_hash_table_add (self->touched, row);
  gtk_widget_set_visible (self->message_label, FALSE);
  validate (self);
}

static void
add_heading (GtkWidget  *box,
             const char *text)
{
  GtkWidget *heading = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_margin_top (heading, gtk_widget_get_first_child (box) ? 12 : 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
}

static const char *
heading_before (const LlwEntity *entity,
                const char      *column)
{
  if (entity != &llw_entity_campaign)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (campaign_headings); i++)
    if (g_str_equal (campaign_headings[i].column, column))
      return _(campaign_headings[i].heading);
  return NULL;
}

/* The text a row shows first: the stored value, or a new record's default. */
static char *
initial_text (Part           *part,
              const LlwField *field)
{
  const char *stored = part->current ? g_hash_table_lookup (part->current, field->column)
                                     : field->default_value;

  return llw_field_to_edit_text (field, stored);
}

/* Says once, above the form, what the mark of a required field means. */
static void
explain_required (LlwRecordDialog *self)
{
  GtkWidget *legend;

  if (self->explained_required)
    return;

  legend = gtk_label_new (_("Fields marked * must be filled in."));
  gtk_label_set_xalign (GTK_LABEL (legend), 0);
  gtk_label_set_wrap (GTK_LABEL (legend), TRUE);
  gtk_widget_add_css_class (legend, "dim-label");
  gtk_box_prepend (GTK_BOX (self->form_box), legend);
  self->explained_required = TRUE;
}

static void
example_deleted_cb (LlwRecordDialog *self,
                    LlwDeletion     *deletion)
{
  g_signal_emit (self, signals[DELETED], 0, deletion);
}

static GtkWidget *
add_page (GtkNotebook *notebook,
          const char  *title)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

  gtk_widget_set_margin_top (page, 12);
  gtk_widget_set_margin_bottom (page, 6);
  gtk_notebook_append_page (notebook, page, gtk_label_new (title));
  return page;
}

/* The campaign's many settings on two pages: the Week, and its consolidated report, whose
 * page also lists the outstanding examples the report names. Returns the Week's page. */
static GtkWidget *
add_campaign_pages (LlwRecordDialog  *self,
                    Part             *part,
                    GtkWidget       **report_page)
{
  GtkNotebook *notebook = GTK_NOTEBOOK (gtk_notebook_new ());
  GtkWidget *week = add_page (notebook, _("The Week"));

  *report_page = add_page (notebook, _("Report"));
  gtk_box_append (GTK_BOX (part->rows_box), GTK_WIDGET (notebook));
  return week;
}

static void
add_examples (LlwRecordDialog *self,
              GtkWidget       *report_page)
{
  LlwExamplesEditor *editor = llw_examples_editor_new (self->data);

  add_heading (report_page, _("Outstanding examples the report names"));
  g_signal_connect_object (editor, "deleted", G_CALLBACK (example_deleted_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (report_page), GTK_WIDGET (editor));
  self->examples = GTK_WIDGET (editor);
}

static void
add_rows (LlwRecordDialog *self,
          Part            *part)
{
  gboolean campaign = part->entity == &llw_entity_campaign;
  GtkWidget *report_page = NULL;
  GtkWidget *box = campaign ? add_campaign_pages (self, part, &report_page) : part->rows_box;

  for (guint i = 0; i < part->entity->n_fields; i++)
    {
      const LlwField *field = &part->entity->fields[i];
      const char *heading = heading_before (part->entity, field->column);
      LlwFieldRow *row;
      char *text;

      if (g_strcmp0 (field->column, part->parent_column) == 0)
        continue;
      if (campaign && g_str_equal (field->column, "report_parent_body"))
        box = report_page;
      if (heading != NULL)
        add_heading (box, heading);
      if (field->flags & LLW_FIELD_REQUIRED)
        explain_required (self);

      row = llw_field_row_new (field, reference_records (self, field));
      text = initial_text (part, field);
      llw_field_row_set_text (row, text);
      g_hash_table_insert (part->initial, (gpointer) field->column, text);
      gtk_size_group_add_widget (self->labels, llw_field_row_get_label (row));
      g_signal_connect_swapped (row, "changed", G_CALLBACK (row_changed_cb), self);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (row));
      g_ptr_array_add (part->rows, row);
    }

  /* Examples belong to a campaign that exists. */
  if (campaign && part->id > 0)
    add_examples (self, report_page);
}

static Part *
part_new (LlwRecordDialog  *self,
          const LlwEntity  *entity,
          gint64            id,
          GError          **error)
{
  Part *part = g_new0 (Part, 1);

  part->entity = entity;
  part->id = id;
  part->initially_enabled = TRUE;
  part->rows = g_ptr_array_new ();
  part->initial = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  part->rows_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  if (id > 0)
    {
      part->current = llw_database_load_values (llw_campaign_data_get_database (self->data),
                                                entity, id, error);
      if (part->current == NULL)
        {
          part_free (part);
          return NULL;
        }
    }
  return part;
}

static void
show_message (LlwRecordDialog *self,
              const char      *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message);
  gtk_widget_set_visible (self->message_label, TRUE);
}

/* Takes away the assignment the user unticked; the window can undo it like any delete. */
static gboolean
delete_part (LlwRecordDialog  *self,
             Part             *part,
             GError          **error)
{
  LlwDatabase *db = llw_campaign_data_get_database (self->data);
  g_autoptr(LlwDeletion) deletion = NULL;

  deletion = llw_database_plan_deletion (db, part->entity->table,
                                         campaign_id_for (self, part->entity), part->id, error);
  if (deletion == NULL || !llw_database_delete (db, deletion, error))
    return FALSE;

  part->id = 0;
  g_clear_pointer (&part->current, g_hash_table_unref);
  g_signal_emit (self, signals[DELETED], 0, deletion);
  return TRUE;
}

/* After a write the form edits what is stored now: a later part that fails can be saved
 * again without writing the first twice. */
static void
reload_part (LlwRecordDialog *self,
             Part            *part)
{
  g_clear_pointer (&part->current, g_hash_table_unref);
  part->current = llw_database_load_values (llw_campaign_data_get_database (self->data),
                                            part->entity, part->id, NULL);
  for (guint i = 0; part->current != NULL && i < part->rows->len; i++)
    {
      LlwFieldRow *row = g_ptr_array_index (part->rows, i);
      const LlwField *field = llw_field_row_get_field (row);

      g_hash_table_insert (part->initial, (gpointer) field->column,
                           llw_field_row_get_text (row));
    }
}

static gboolean
save_part (LlwRecordDialog  *self,
           Part             *part,
           GHashTable      **errors,
           GError          **error)
{
  LlwDatabase *db = llw_campaign_data_get_database (self->data);
  g_autoptr(GHashTable) input = NULL;
  gint64 campaign_id = campaign_id_for (self, part->entity);

  if (!part_enabled (part))
    {
      if (part->id > 0 && !delete_part (self, part, error))
        return FALSE;
      part->initially_enabled = FALSE;
      return TRUE;
    }

  input = part_input (self, part);
  if (part->id == 0)
    {
      part->id = llw_database_insert (db, part->entity, campaign_id, input, errors, error);
      if (part->id == 0)
        return FALSE;
    }
  else if (g_hash_table_size (input) > 0 &&
           !llw_database_update (db, part->entity, campaign_id, part->id, input, errors, error))
    return FALSE;

  reload_part (self, part);
  part->initially_enabled = TRUE;
  return TRUE;
}

static void save (LlwRecordDialog *self);

static void
removal_answered_cb (GtkDialog       *question,
                     int              response,
                     LlwRecordDialog *self)
{
  Part *part = g_object_get_data (G_OBJECT (question), "llw-part");

  gtk_window_destroy (GTK_WINDOW (question));
  if (response != GTK_RESPONSE_ACCEPT)
    return;
  part->removal_asked = TRUE;
  save (self);
}

/* A part unticked whose record takes more along (an assignment, with the unit's report and
 * figures in the campaign) is not taken away before the user agrees to what it takes.
 * Returns: whether every such part was agreed to; if not, a question is being asked. */
static gboolean
removals_agreed (LlwRecordDialog *self)
{
  LlwDatabase *db = llw_campaign_data_get_database (self->data);

  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);
      g_autoptr(LlwDeletion) deletion = NULL;
      g_autoptr(GError) error = NULL;
      GtkWidget *question;

      if (part_enabled (part) || part->id == 0 || part->removal_asked)
        continue;
      deletion = llw_database_plan_deletion (db, part->entity->table,
                                             campaign_id_for (self, part->entity), part->id,
                                             &error);
      if (deletion == NULL)
        {
          show_message (self, error->message);
          return FALSE;
        }
      if (!llw_deletion_has_dependents (deletion))
        continue;

      question = llw_deletion_question_new (GTK_WINDOW (self), deletion,
                                            llw_campaign_data_get_campaign (self->data));
      g_object_set_data (G_OBJECT (question), "llw-part", part);
      g_signal_connect_object (question, "response", G_CALLBACK (removal_answered_cb), self, 0);
      gtk_window_present (GTK_WINDOW (question));
      return FALSE;
    }
  return TRUE;
}

static void
save (LlwRecordDialog *self)
{
  if (self->read_only || !gtk_widget_get_sensitive (self->save_button) ||
      !removals_agreed (self))
    return;

  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);
      g_autoptr(GHashTable) errors = NULL;
      g_autoptr(GError) error = NULL;

      if (!save_part (self, part, &errors, &error))
        {
          for (guint j = 0; j < part->rows->len; j++)
            g_hash_table_add (self->touched, g_ptr_array_index (part->rows, j));
          show_errors (self, part, errors);
          show_message (self, error->message);
          validate (self);
          return;
        }
    }

  g_signal_emit (self, signals[SAVED], 0, first_part (self)->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_clicked_cb (LlwRecordDialog *self)
{
  save (self);
}

static void
toggle_cb (LlwRecordDialog *self)
{
  for (guint i = 0; i < self->parts->len; i++)
    ((Part *) g_ptr_array_index (self->parts, i))->removal_asked = FALSE;
  validate (self);
}

static void
llw_record_dialog_show (GtkWidget *widget)
{
  LlwRecordDialog *self = LLW_RECORD_DIALOG (widget);
  Part *part = first_part (self);

  GTK_WIDGET_CLASS (llw_record_dialog_parent_class)->show (widget);

  if (part->rows->len > 0)
    llw_field_row_grab_focus (g_ptr_array_index (part->rows, 0));
}

static void
llw_record_dialog_dispose (GObject *object)
{
  LlwRecordDialog *self = LLW_RECORD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_RECORD_DIALOG);
  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_clear_object (&self->labels);
  g_clear_object (&self->data);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (llw_record_dialog_parent_class)->dispose (object);
}

static void
llw_record_dialog_class_init (LlwRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llw_record_dialog_dispose;
  widget_class->show = llw_record_dialog_show;

  /**
   * LlwRecordDialog::saved:
   * @id: the record of the form's first part
   *
   * Every part was written; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * LlwRecordDialog::deleted:
   * @deletion: what was deleted, for an undo
   *
   * A part the user unticked (an assignment) was deleted.
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, LLW_TYPE_DELETION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/llweek/Llweek/ui/llw-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwRecordDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LlwRecordDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, LlwRecordDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  /* Escape in the bubble phase, so that an open drop-down closes first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
llw_record_dialog_init (LlwRecordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->parts = g_ptr_array_new_with_free_func (part_free);
  self->labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->touched = g_hash_table_new (NULL, NULL);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  llw_dialog_add_shortcuts (GTK_WINDOW (self), FALSE);
  llw_dialog_confirm_discard (GTK_WINDOW (self), form_changed);
}

static const char *
title_for (const LlwEntity *entity,
           gboolean         is_new)
{
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].table, entity->table))
      return _(is_new ? titles[i].new_title : titles[i].edit_title);

  return _(entity->label);
}

/**
 * llw_record_dialog_new:
 * @parent: the window the form belongs to
 * @data: the campaign the record belongs to, and the lists its references choose from
 * @entity: what kind of record
 * @id: the record to edit, or 0 for a new one
 *
 * Returns: (transfer none): the form, not shown yet; %NULL with @error set if the record
 *   cannot be read
 */
LlwRecordDialog *
llw_record_dialog_new (GtkWindow        *parent,
                       LlwCampaignData  *data,
                       const LlwEntity  *entity,
                       gint64            id,
                       GError          **error)
{
  LlwRecordDialog *self;
  int room;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (data), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  self = g_object_new (LLW_TYPE_RECORD_DIALOG,
                       "transient-for", parent,
                       "title", title_for (entity, id == 0),
                       NULL);
  self->data = g_object_ref (data);
  /* The header bar and the margins take about 110 pixels of the room. */
  room = llw_dialog_fit (GTK_WINDOW (self), 680, -1);
  gtk_scrolled_window_set_max_content_height (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (self->form_box, GTK_TYPE_SCROLLED_WINDOW)),
    CLAMP (room - 110, 200, 620));
  if (!llw_record_dialog_add_part (self, entity, id, NULL, NULL, NULL, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return self;
}

/**
 * llw_record_dialog_add_part:
 * @entity: what kind of record the part edits
 * @id: the record, or 0 for a new one
 * @parent_column: (nullable): the column of @entity that refers to the form's first record
 * @title: (nullable): a heading above the part
 * @toggle_label: (nullable): a check button that adds or removes the record; the part is
 *   shown while it is ticked
 *
 * Adds the fields of a record that belongs to the form's first one, written after it.
 *
 * Returns: %TRUE, or %FALSE with @error set if the record cannot be read
 */
gboolean
llw_record_dialog_add_part (LlwRecordDialog  *self,
                            const LlwEntity  *entity,
                            gint64            id,
                            const char       *parent_column,
                            const char       *title,
                            const char       *toggle_label,
                            GError          **error)
{
  Part *part;

  g_return_val_if_fail (LLW_IS_RECORD_DIALOG (self), FALSE);

  part = part_new (self, entity, id, error);
  if (part == NULL)
    return FALSE;
  part->parent_column = parent_column;

  if (title != NULL)
    add_heading (self->form_box, title);
  if (toggle_label != NULL)
    {
      /* A unit is added to be given a task, more often than not. */
      part->toggle = gtk_check_button_new_with_label (toggle_label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (part->toggle),
                                   id > 0 || self->parts->len == 0 || first_part (self)->id == 0);
      part->initially_enabled = gtk_check_button_get_active (GTK_CHECK_BUTTON (part->toggle));
      g_signal_connect_swapped (part->toggle, "toggled", G_CALLBACK (toggle_cb), self);
      gtk_box_append (GTK_BOX (self->form_box), part->toggle);
    }
  gtk_box_append (GTK_BOX (self->form_box), part->rows_box);
  g_ptr_array_add (self->parts, part);
  add_rows (self, part);
  validate (self);
  return TRUE;
}

/**
 * llw_record_dialog_set_read_only:
 * @reason: why the record cannot be changed (a closed campaign, a file open for reading
 *   only), in the user's language
 *
 * Shows the record as it is, without letting it be changed: the fields are greyed, there is
 * no Save, and @reason says why.
 */
void
llw_record_dialog_set_read_only (LlwRecordDialog *self,
                                 const char      *reason)
{
  g_return_if_fail (LLW_IS_RECORD_DIALOG (self));

  /* The fields, not the boxes around them: a campaign's pages must still be turned. */
  self->read_only = TRUE;
  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      for (guint j = 0; j < part->rows->len; j++)
        gtk_widget_set_sensitive (g_ptr_array_index (part->rows, j), FALSE);
      if (part->toggle != NULL)
        gtk_widget_set_sensitive (part->toggle, FALSE);
    }
  if (self->examples != NULL)
    gtk_widget_set_sensitive (self->examples, FALSE);
  gtk_widget_set_visible (self->save_button, FALSE);
  gtk_widget_remove_css_class (self->message_label, "field-error");
  show_message (self, reason);
}
