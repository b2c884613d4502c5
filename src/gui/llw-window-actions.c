/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "llw-database-get.h"
#include "llw-database-history.h"
#include "llw-deletion-question.h"
#include "llw-dialogs.h"
#include "llw-history-dialog.h"
#include "llw-indicators-dialog.h"
#include "llw-new-campaign-dialog.h"
#include "llw-page.h"
#include "llw-record-dialog.h"
#include "llw-window-private.h"

/* Keeping the campaign's records: adding, editing and deleting them from the tabs, undoing
 * the deletes, their history, the campaign's settings and the next year's campaign. At the
 * end, every action of the window, installed on its class, and when each is on. */

/* The campaign's history can be long after an import (a line for every figure). */
#define MAX_HISTORY_LINES 10000

/* A delete waiting for the user to confirm it. */
typedef struct
{
  LlwWindow *window;
  LlwDeletion *deletion;
} PendingDeletion;

static LlwPage *
visible_page (LlwWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  return LLW_IS_PAGE (page) ? LLW_PAGE (page) : NULL;
}

static LlwCampaign *
current_campaign (LlwWindow *self)
{
  return llw_campaign_data_get_campaign (self->data);
}

static gint64
item_id (gpointer item)
{
  gint64 id = 0;

  g_object_get (item, "id", &id, NULL);
  return id;
}

/* Returns: (transfer full): the name a record goes by, for messages and titles. */
static char *
record_label (gpointer item)
{
  static const char *const properties[] = { "name", "title", "label", "code" };
  GObjectClass *klass = G_OBJECT_GET_CLASS (item);

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *text = NULL;

      if (g_object_class_find_property (klass, properties[i]) == NULL)
        continue;
      g_object_get (item, properties[i], &text, NULL);
      if (text != NULL && text[0] != '\0')
        return g_strdelimit (g_steal_pointer (&text), "\t\r\n", ' ');
    }
  return g_strdup ("");
}

/* Selects @id in the tab shown, once its lists have taken in the change. */
static void
select_record (LlwWindow  *self,
               const char *table,
               gint64      id)
{
  LlwPage *page = visible_page (self);

  llw_campaign_data_flush_changes (self->data);
  if (page != NULL)
    llw_page_select_record (page, table, id);
}

/* What a deleted record is called in messages: its name, or what kind of record it was
 * (an assignment has no name of its own). */
static char *
deleted_name (LlwDeletion *deletion)
{
  const LlwEntity *entity = llw_entity_lookup (llw_deletion_get_table (deletion));

  if (llw_deletion_get_label (deletion)[0] != '\0' || entity == NULL)
    return g_strdup (llw_deletion_get_label (deletion));
  return g_strdup (_(entity->label));
}

/* Keeps a delete for Ctrl+Z and says what was deleted, or what was taken out of the
 * campaign shown. */
static void
push_deletion (LlwWindow   *self,
               LlwDeletion *deletion)
{
  g_autofree char *name = deleted_name (deletion);
  g_autofree char *message = NULL;

  if (llw_deletion_takes_record (deletion))
    message = g_strdup_printf (_("Deleted “%s”."), name);
  else
    message = g_strdup_printf (_("Removed “%s” from the %d campaign."), name,
                               llw_campaign_get_year (current_campaign (self)));

  g_ptr_array_add (self->deletions, g_object_ref (deletion));
  llw_window_update_actions (self);
  llw_notification_bar_show (self->notification_bar, message, TRUE);
}

static void
record_saved_cb (LlwRecordDialog *dialog,
                 gint64           id,
                 LlwWindow       *self)
{
  select_record (self, g_object_get_data (G_OBJECT (dialog), "llw-table"), id);
}

static void
record_deleted_cb (LlwRecordDialog *dialog,
                   LlwDeletion     *deletion,
                   LlwWindow       *self)
{
  push_deletion (self, deletion);
}

/* A unit is edited together with its assignment in the campaign shown, which the user can
 * add ("Assign a task") or take away. */
static LlwRecordDialog *
new_unit_dialog (LlwWindow  *self,
                 GtkWindow  *parent,
                 gint64      id,
                 GError    **error)
{
  LlwDatabase *db = self->database;
  LlwRecordDialog *dialog;
  g_autofree char *title = NULL;
  gint64 assignment = 0;

  if (id > 0)
    {
      assignment = llw_database_find_assignment (db, current_campaign (self), id, error);
      if (error != NULL && *error != NULL)
        return NULL;
    }

  dialog = llw_record_dialog_new (parent, self->data, &llw_entity_unit, id, error);
  if (dialog == NULL)
    return NULL;

  /* Translators: %d is the year of the campaign */
  title = g_strdup_printf (_("Assignment in %d"), llw_campaign_get_year (current_campaign (self)));
  if (!llw_record_dialog_add_part (dialog, &llw_entity_assignment, assignment, "unit_id", title,
                                   _("Assign a task"), error))
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return NULL;
    }
  return dialog;
}

/**
 * llw_window_edit_record:
 * @parent: the window the form is for
 * @entity: what kind of record
 * @id: the record, or 0 to add one
 *
 * Opens the record's form; the record is selected in the tab once saved.
 */
void
llw_window_edit_record (LlwWindow       *self,
                        GtkWindow       *parent,
                        const LlwEntity *entity,
                        gint64           id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *read_only = llw_campaign_data_dup_read_only_reason (self->data);
  LlwRecordDialog *dialog;

  g_return_if_fail (LLW_IS_WINDOW (self));

  /* A closed campaign's records are shown as they are; nothing new is added to it. */
  if (read_only != NULL && id == 0)
    {
      llw_show_message (parent, GTK_MESSAGE_WARNING, _("Nothing can be added"), read_only);
      return;
    }

  if (entity == &llw_entity_unit)
    dialog = new_unit_dialog (self, parent, id, &error);
  else
    dialog = llw_record_dialog_new (parent, self->data, entity, id, &error);

  if (dialog == NULL)
    {
      llw_show_error (parent, _("The record cannot be opened"), error);
      return;
    }

  if (read_only != NULL)
    llw_record_dialog_set_read_only (dialog, read_only);
  g_object_set_data (G_OBJECT (dialog), "llw-table", (gpointer) entity->table);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (record_saved_cb), self, 0);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (record_deleted_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
carry_out_deletion (LlwWindow   *self,
                    GtkWindow   *parent,
                    LlwDeletion *deletion)
{
  g_autoptr(GError) error = NULL;

  if (!llw_database_delete (self->database, deletion, &error))
    {
      llw_show_error (parent, _("The record cannot be deleted"), error);
      return;
    }
  push_deletion (self, deletion);
}

static void
pending_deletion_free (gpointer  data,
                       GClosure *closure)
{
  PendingDeletion *pending = data;

  g_object_unref (pending->window);
  g_object_unref (pending->deletion);
  g_free (pending);
}

static void
confirm_response_cb (GtkDialog       *dialog,
                     int              response,
                     PendingDeletion *pending)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    carry_out_deletion (pending->window, parent, pending->deletion);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Says what else the delete would take away, and in which campaign, and asks; @campaign
 * is %NULL for a delete from every campaign. */
static void
confirm_deletion (LlwWindow   *self,
                  GtkWindow   *parent,
                  LlwDeletion *deletion,
                  LlwCampaign *campaign)
{
  PendingDeletion *pending = g_new0 (PendingDeletion, 1);
  GtkWidget *dialog = llw_deletion_question_new (parent, deletion, campaign);

  pending->window = g_object_ref (self);
  pending->deletion = g_object_ref (deletion);
  /* Freed with the question, however it goes away. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), pending,
                         pending_deletion_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * llw_window_delete_record:
 * @parent: the window the question is asked over
 * @table: the record's table
 * @id: the record
 *
 * Deletes the record, after asking if the delete takes other records with it; the delete
 * can be undone with Ctrl+Z or the notification's Undo for as long as the window is open.
 */
void
llw_window_delete_record (LlwWindow  *self,
                          GtkWindow  *parent,
                          const char *table,
                          gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDeletion) deletion = NULL;

  g_return_if_fail (LLW_IS_WINDOW (self));

  deletion = llw_database_plan_deletion (self->database, table,
                                         llw_campaign_get_id (current_campaign (self)), id,
                                         &error);
  if (deletion == NULL)
    llw_show_error (parent, _("The record cannot be deleted"), error);
  else if (llw_deletion_has_dependents (deletion))
    confirm_deletion (self, parent, deletion, current_campaign (self));
  else
    carry_out_deletion (self, parent, deletion);
}

/* Deletes a record shared by every campaign (a unit) with everything it has in every
 * campaign, after a question that names each campaign and what it loses; refused, saying
 * why, while a closed campaign holds any of it. Undone like any delete. */
static void
delete_everywhere_record (LlwWindow  *self,
                          GtkWindow  *parent,
                          const char *table,
                          gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDeletion) deletion = NULL;

  deletion = llw_database_plan_deletion_everywhere (self->database, table, id, &error);
  if (deletion == NULL)
    llw_show_error (parent, _("The unit cannot be deleted from every campaign"), error);
  else
    confirm_deletion (self, parent, deletion, NULL);
}

/* A unit's history and its assignment's in the campaign, newest first. */
static GListModel *
list_unit_history (LlwWindow  *self,
                   gint64      id,
                   GError    **error)
{
  g_autoptr(GListModel) unit = NULL;
  g_autoptr(GListModel) assignment = NULL;
  GListStore *both = g_list_store_new (G_TYPE_LIST_MODEL);
  GtkSorter *sorter;
  gint64 assignment_id;

  unit = llw_database_list_history (self->database, "unit", id, error);
  assignment_id = llw_database_find_assignment (self->database, current_campaign (self), id,
                                                NULL);
  if (assignment_id > 0)
    assignment = llw_database_list_history (self->database, "assignment", assignment_id, NULL);
  if (unit == NULL)
    {
      g_object_unref (both);
      return NULL;
    }

  g_list_store_append (both, unit);
  if (assignment != NULL)
    g_list_store_append (both, assignment);
  sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (
                                                 LLW_TYPE_HISTORY_ENTRY, NULL, "id")));
  gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (sorter), GTK_SORT_DESCENDING);
  return G_LIST_MODEL (gtk_sort_list_model_new (
                         G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (both))),
                         sorter));
}

/**
 * llw_window_show_history:
 * @parent: the window the history is shown over
 * @table: the record's table
 * @id: the record
 * @subject: the record's name, as the title of its history
 *
 * Shows the record's history; a unit's includes its assignment in the campaign shown.
 */
void
llw_window_show_history (LlwWindow  *self,
                         GtkWindow  *parent,
                         const char *table,
                         gint64      id,
                         const char *subject)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = NULL;

  g_return_if_fail (LLW_IS_WINDOW (self));

  if (g_strcmp0 (table, "unit") == 0)
    entries = list_unit_history (self, id, &error);
  else
    entries = llw_database_list_history (self->database, table, id, &error);

  /* A unit's history mixes two records: each line says which. */
  if (entries == NULL)
    llw_show_error (parent, _("The history cannot be read"), error);
  else
    gtk_window_present (GTK_WINDOW (llw_history_dialog_new (parent, subject, entries,
                                                            g_strcmp0 (table, "unit") == 0)));
}

/* The record the action is for: the one selected in the tab's list of the action's table. */
static const LlwEntity *
action_target (LlwWindow *self,
               GVariant  *parameter,
               gpointer  *item)
{
  LlwPage *page = visible_page (self);

  *item = NULL;
  if (page == NULL)
    return NULL;
  return llw_page_get_target (page, g_variant_get_string (parameter, NULL), item);
}

static void
add_record (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  g_autoptr(GObject) item = NULL;
  const LlwEntity *entity = action_target (self, parameter, (gpointer *) &item);

  if (entity != NULL)
    llw_window_edit_record (self, GTK_WINDOW (self), entity, 0);
}

static void
edit_record (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  g_autoptr(GObject) item = NULL;
  const LlwEntity *entity = action_target (self, parameter, (gpointer *) &item);

  if (entity != NULL && item != NULL)
    llw_window_edit_record (self, GTK_WINDOW (self), entity, item_id (item));
}

static void
delete_record (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  g_autoptr(GObject) item = NULL;
  const LlwEntity *entity = action_target (self, parameter, (gpointer *) &item);

  if (entity != NULL && item != NULL)
    llw_window_delete_record (self, GTK_WINDOW (self), entity->table, item_id (item));
}

static void
delete_everywhere (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  g_autoptr(GObject) item = NULL;
  const LlwEntity *entity = action_target (self, parameter, (gpointer *) &item);

  if (entity != NULL && item != NULL)
    delete_everywhere_record (self, GTK_WINDOW (self), entity->table, item_id (item));
}

static void
record_history (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  g_autoptr(GObject) item = NULL;
  const LlwEntity *entity = action_target (self, parameter, (gpointer *) &item);
  g_autofree char *label = NULL;

  if (entity == NULL || item == NULL)
    return;

  label = record_label (item);
  llw_window_show_history (self, GTK_WINDOW (self), entity->table, item_id (item), label);
}

/* Undoes the latest delete not undone yet. One that cannot be undone any more (a record
 * added since has taken its place) is said so and forgotten, so that Ctrl+Z goes on with
 * the delete before it. */
static void
undo (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  g_autoptr(LlwDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self->deletions->len == 0)
    return;

  deletion = g_ptr_array_steal_index (self->deletions, self->deletions->len - 1);
  llw_window_update_actions (self);
  if (!llw_database_undo_deletion (self->database, deletion, &error))
    {
      llw_notification_bar_hide (self->notification_bar);
      llw_show_error (GTK_WINDOW (self), _("The delete cannot be undone"), error);
      return;
    }

  name = deleted_name (deletion);
  message = g_strdup_printf (_("Restored “%s”."), name);
  llw_notification_bar_show (self->notification_bar, message, FALSE);
  select_record (self, llw_deletion_get_table (deletion), llw_deletion_get_id (deletion));
}

static void
settings (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);

  llw_window_edit_record (self, GTK_WINDOW (self), &llw_entity_campaign,
                          llw_campaign_get_id (current_campaign (self)));
}

static void
indicators (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (llw_indicators_dialog_new (self, self->data)));
}

static void
campaign_history (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  LlwCampaign *campaign = current_campaign (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = NULL;

  entries = llw_database_list_campaign_history (self->database, llw_campaign_get_id (campaign),
                                                MAX_HISTORY_LINES, &error);
  if (entries == NULL)
    llw_show_error (GTK_WINDOW (self), _("The history cannot be read"), error);
  else
    gtk_window_present (GTK_WINDOW (llw_history_dialog_new (GTK_WINDOW (self),
                                                            llw_campaign_get_title (campaign),
                                                            entries, TRUE)));
}

/* The copy of a campaign, made on a worker thread. */
typedef struct
{
  LlwCampaign *from;
  int year;
  LlwCampaign *made;
  GHashTable *errors;   /* field → message, when core refused a value */
} CampaignCopy;

static void
campaign_copy_free (gpointer data)
{
  CampaignCopy *copy = data;

  g_object_unref (copy->from);
  g_clear_object (&copy->made);
  g_clear_pointer (&copy->errors, g_hash_table_unref);
  g_free (copy);
}

static gboolean
copy_job (LlwDatabase   *worker,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  CampaignCopy *copy = data;

  copy->made = llw_database_copy_campaign (worker, copy->from, copy->year, &copy->errors,
                                           error);
  return copy->made != NULL;
}

static void
copied_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LlwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  CampaignCopy *copy = llw_database_run_get_data (result);
  const char *refused = copy->errors ? g_hash_table_lookup (copy->errors, "year") : NULL;

  self->copying = FALSE;
  if (!llw_database_run_finish (LLW_DATABASE (source), result, &error) && refused != NULL)
    {
      /* The year's own message says more than the error that carried it. */
      g_clear_error (&error);
      g_set_error_literal (&error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID, refused);
    }
  if (llw_window_end_job (self, NULL, _("The new campaign could not be made"), error) &&
      error == NULL)
    llw_window_reload_campaigns (self, copy->made);
}

/* A year taken is said in the dialog, where it can be changed; the copy is made on a worker
 * thread once the dialog is closed. */
static void
create_campaign_cb (LlwNewCampaignDialog *dialog,
                    int                   year,
                    LlwWindow            *self)
{
  g_autoptr(LlwCampaign) existing = llw_database_get_campaign (self->database, year, NULL);
  g_autofree char *taken = NULL;
  GCancellable *job;
  CampaignCopy *copy;

  if (existing != NULL)
    {
      taken = g_strdup_printf (_("There is already a campaign for %d."), year);
      llw_new_campaign_dialog_refuse (dialog, taken);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  job = llw_window_begin_job (self, _("Making the new campaign…"));
  if (job == NULL)
    return;
  copy = g_new0 (CampaignCopy, 1);
  copy->from = g_object_ref (current_campaign (self));
  copy->year = year;
  self->copying = TRUE;
  llw_database_run_async (self->database, copy_job, copy, campaign_copy_free, job, copied_cb,
                          g_object_ref (self));
}

/* The year after the latest campaign's, which is the one a new campaign is usually for. */
static int
next_year (LlwWindow *self)
{
  g_autoptr(GListModel) campaigns = llw_database_list_campaigns (self->database, NULL);
  g_autoptr(LlwCampaign) latest = NULL;

  if (campaigns == NULL || g_list_model_get_n_items (campaigns) == 0)
    return llw_campaign_get_year (current_campaign (self)) + 1;

  latest = g_list_model_get_item (campaigns, 0);
  return llw_campaign_get_year (latest) + 1;
}

static void
new_campaign (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LlwWindow *self = LLW_WINDOW (widget);
  LlwNewCampaignDialog *dialog;

  dialog = llw_new_campaign_dialog_new (GTK_WINDOW (self),
                                        llw_campaign_get_year (current_campaign (self)),
                                        next_year (self));
  g_signal_connect_object (dialog, "create", G_CALLBACK (create_campaign_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The campaign's own changes (its settings, a new year) change the chooser and every tab;
 * the records' are followed by the lists themselves (LlwCampaignData). */
static void
database_changed_cb (LlwWindow   *self,
                     const char  *table,
                     gint64       id,
                     LlwDatabase *database)
{
  if (g_strcmp0 (table, "campaign") == 0 && !self->copying && self->data != NULL)
    llw_window_reload_campaigns (self, current_campaign (self));
}

/* What turns an action off, besides nothing to act on. */
typedef enum
{
  WRITES = 1 << 0,      /* changes the file: off when it is open for reading only */
  LONG_WORK = 1 << 1,   /* starts long work: off while some runs (llw-window-jobs.c) */
  UNDOES = 1 << 2,      /* off while there is no delete to undo */
  REOPENS = 1 << 3,     /* only for a closed campaign (llw-window-closing.c) */
  CLOSES = 1 << 4,      /* only for a campaign reopened after its deadline */
} ActionLimits;

/* Every action of the window, each with its callback, in the file of its concern. The names
 * are "win." ones, those the menu, the application's shortcuts and the shortcuts window
 * know. GtkApplicationWindow's own "win.show-help-overlay" stays in its action group. */
static const struct
{
  const char *name;
  const char *parameter_type;
  GtkWidgetActionActivateFunc activate;
  ActionLimits limits;
} window_actions[] = {
  { "win.search", NULL, llw_window_search_action, 0 },
  { "win.show-page", "s", llw_window_show_page_action, 0 },
  { "win.import", NULL, llw_window_import_action, WRITES | LONG_WORK },
  { "win.add-record", "s", add_record, WRITES },
  { "win.edit-record", "s", edit_record, 0 },
  { "win.delete-record", "s", delete_record, WRITES },
  { "win.delete-everywhere", "s", delete_everywhere, WRITES },
  { "win.record-history", "s", record_history, 0 },
  { "win.undo", NULL, undo, WRITES | UNDOES },
  { "win.settings", NULL, settings, 0 },
  { "win.new-campaign", NULL, new_campaign, WRITES | LONG_WORK },
  { "win.indicators", NULL, indicators, 0 },
  { "win.campaign-history", NULL, campaign_history, 0 },
  { "win.export", NULL, llw_window_export_action, LONG_WORK },
  { "win.export-document", NULL, llw_window_export_document_action, LONG_WORK },
  { "win.print", NULL, llw_window_print_action, 0 },
  { "win.save-checklist", NULL, llw_window_save_checklist_action, 0 },
  { "win.backup", NULL, llw_window_backup_action, LONG_WORK },
  { "win.restore", NULL, llw_window_restore_action, WRITES | LONG_WORK },
  { "win.make-forms", NULL, llw_window_make_forms_action, WRITES | LONG_WORK },
  { "win.import-forms", NULL, llw_window_import_forms_action, WRITES | LONG_WORK },
  { "win.reopen-campaign", NULL, llw_window_reopen_campaign_action, WRITES | REOPENS },
  { "win.close-campaign", NULL, llw_window_close_campaign_action, WRITES | CLOSES },
};

static gboolean
allows (LlwWindow    *self,
        ActionLimits  limits)
{
  LlwCampaign *campaign = self->data != NULL ? current_campaign (self) : NULL;
  gboolean past = campaign != NULL &&
                  llw_campaign_is_past_deadline (campaign,
                                                 llw_campaign_data_get_today (self->data));

  if ((limits & WRITES) && llw_database_is_read_only (self->database))
    return FALSE;
  if ((limits & LONG_WORK) && self->job != NULL)
    return FALSE;
  if ((limits & UNDOES) && self->deletions->len == 0)
    return FALSE;
  if ((limits & (REOPENS | CLOSES)) && !past)
    return FALSE;
  if ((limits & REOPENS) && llw_campaign_get_reopened (campaign))
    return FALSE;
  if ((limits & CLOSES) && !llw_campaign_get_reopened (campaign))
    return FALSE;
  return TRUE;
}

/**
 * llw_window_update_actions:
 *
 * Turns each action on or off for what the window holds now: the file, the long work
 * running, the deletes to undo, the campaign shown. Called whenever one of them changes.
 */
void
llw_window_update_actions (LlwWindow *self)
{
  if (self->database == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), window_actions[i].name,
                                   allows (self, window_actions[i].limits));
}

/* Whether the action @name is on: GTK has no way to ask a widget whether an action of its
 * class is. */
gboolean
llw_window_action_is_enabled (LlwWindow  *self,
                              const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    if (g_str_equal (window_actions[i].name, name))
      return self->database != NULL && allows (self, window_actions[i].limits);

  g_return_val_if_reached (FALSE);
}

void
llw_window_class_actions_init (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    gtk_widget_class_install_action (widget_class, window_actions[i].name,
                                     window_actions[i].parameter_type,
                                     window_actions[i].activate);

  /* In the bubble phase: a text field's own Ctrl+Z comes first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.add-record", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
}

void
llw_window_actions_init (LlwWindow *self)
{
  self->deletions = g_ptr_array_new_with_free_func (g_object_unref);
}

void
llw_window_actions_watch_database (LlwWindow *self)
{
  g_signal_connect_object (self->database, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
llw_window_actions_dispose (LlwWindow *self)
{
  g_clear_pointer (&self->deletions, g_ptr_array_unref);
}
