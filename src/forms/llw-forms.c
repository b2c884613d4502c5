/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-database-forms.h"
#include "llw-date.h"
#include "llw-file.h"
#include "llw-form-layout.h"
#include "llw-form-reader.h"
#include "llw-form-writer.h"
#include "llw-forms-parallel.h"
#include "llw-forms.h"
#include "llw-output.h"
#include "llw-report-status.h"
#include "llw-text.h"
#include "llw-xlsx.h"
#include "llw-xlsx-finish.h"

/* Making the forms: one per unit that must report, each with a token recorded in the
 * database, filled in with what llweek holds of the unit's report when there is one. Each
 * form is written through the output module: to a temporary file, read back as a returned
 * form would be, and only then moved over a file of its name. */

G_DEFINE_QUARK (llw-forms-error-quark, llw_forms_error)

/* Longest file name part taken from a unit's name, so that paths stay short on Windows. */
#define MAX_NAME_BYTES 80

/* Returns: @text in ASCII letters and digits, words joined by "-": "UBND huyện Hòn Đất"
 *   becomes "UBND-huyen-Hon-Dat". */
static char *
ascii_words (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = text; *p != '\0' && out->len < MAX_NAME_BYTES; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar base[4];

      if (c == 0x0110 || c == 0x0111)
        c = c == 0x0110 ? 'D' : 'd';
      else if (c >= 0x80 && g_unichar_fully_decompose (c, FALSE, base, 4) > 0)
        c = base[0];

      if (c < 0x80 && g_ascii_isalnum (c))
        {
          if (gap && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, (char) c);
          gap = FALSE;
        }
      else if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        gap = TRUE;
    }
  return g_string_free (out, FALSE);
}

/**
 * llw_forms_file_name:
 * @unit_name: the unit the form is for
 *
 * Returns: the name of the unit's form, in ASCII so that it survives e-mail:
 *   Phieu-bao-cao-2021-UBND-huyen-Hon-Dat.xlsx
 */
char *
llw_forms_file_name (LlwCampaign *campaign,
                     const char  *unit_name)
{
  g_autofree char *words = ascii_words (unit_name);

  return g_strdup_printf ("Phieu-bao-cao-%d%s%s.xlsx", llw_campaign_get_year (campaign),
                          *words ? "-" : "", words);
}

/* The items of @model, in an array the writing threads may read together; %NULL for
 * %NULL (a failed read). */
static GPtrArray *
items_of (GListModel *model)
{
  g_autoptr(GListModel) owned = model;
  GPtrArray *items;
  guint n;

  if (owned == NULL)
    return NULL;
  n = g_list_model_get_n_items (owned);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (owned, i));
  return items;
}

/* What every form shows, read once for all of them. */
static gboolean
load_catalogue (LlwDatabase      *db,
                LlwCampaign      *campaign,
                LlwFormCatalogue *catalogue,
                GError          **error)
{
  catalogue->campaign = campaign;
  catalogue->made_at = g_date_time_new_now_local ();
  catalogue->metrics = llw_text_metrics_new ();
  catalogue->metrics_lock = g_new0 (GMutex, 1);
  g_mutex_init (catalogue->metrics_lock);
  catalogue->themes = items_of (llw_database_list_themes (db, campaign, error));
  if (catalogue->themes != NULL)
    catalogue->kinds = items_of (llw_database_list_activity_kinds (db, campaign, error));
  if (catalogue->kinds != NULL)
    catalogue->indicators = items_of (llw_database_list_indicators (db, campaign, error));
  return catalogue->indicators != NULL;
}

static void
catalogue_clear (LlwFormCatalogue *catalogue)
{
  g_clear_pointer (&catalogue->themes, g_ptr_array_unref);
  g_clear_pointer (&catalogue->kinds, g_ptr_array_unref);
  g_clear_pointer (&catalogue->indicators, g_ptr_array_unref);
  g_clear_pointer (&catalogue->made_at, g_date_time_unref);
  g_clear_pointer (&catalogue->metrics, llw_text_metrics_free);
  if (catalogue->metrics_lock != NULL)
    g_mutex_clear (catalogue->metrics_lock);
  g_clear_pointer (&catalogue->metrics_lock, g_free);
}

/* Returns: (transfer full): the units that get a form (LlwReportStatus): all that must
 *   report, or the one named @unit by its name or code */
static GPtrArray *
choose_units (LlwDatabase  *db,
              LlwCampaign  *campaign,
              const char   *unit,
              GError      **error)
{
  g_autoptr(GListModel) statuses = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *key = unit ? llw_text_name_key (unit) : NULL;
  GDate today;

  llw_date_today (&today);
  statuses = llw_database_list_report_statuses (db, campaign, &today, error);
  if (statuses == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(LlwReportStatus) status = g_list_model_get_item (statuses, i);
      g_autofree char *name = llw_text_name_key (llw_report_status_get_unit_name (status));
      g_autofree char *code = llw_text_name_key (llw_report_status_get_unit_code (status));

      if (key == NULL || g_str_equal (key, name) || (*code && g_str_equal (key, code)))
        g_ptr_array_add (chosen, g_steal_pointer (&status));
    }

  if (chosen->len == 0 && unit != NULL)
    {
      g_set_error (error, LLW_FORMS_ERROR, LLW_FORMS_ERROR_NO_UNIT,
                   _("No unit that must report in %d is named “%s”."),
                   llw_campaign_get_year (campaign), unit);
      return NULL;
    }
  return g_steal_pointer (&chosen);
}

/* One form as the output module writes it. */
typedef struct
{
  const LlwFormCatalogue *catalogue;
  const LlwFormUnit *unit;
} FormOutput;

static gboolean
write_file (const char  *path,
            gpointer     user_data,
            GError     **error)
{
  FormOutput *form = user_data;

  return llw_form_write (form->catalogue, form->unit, path, error);
}

/* Reads the form back: every part whole and free of characters a spreadsheet cannot read
 * (a full disk cuts libxlsxwriter's parts short without a word), then opened as a returned
 * one would be, carrying its token. */
static gboolean
check_file (const char  *path,
            gpointer     user_data,
            GError     **error)
{
  FormOutput *form = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LlwXlsx) xlsx = NULL;

  if (!llw_package_check (path, error))
    return FALSE;
  bytes = llw_file_read_input (path, LLW_FORM_MAX_FILE_SIZE, error);
  xlsx = bytes ? llw_xlsx_open (bytes, error) : NULL;
  if (xlsx == NULL)
    return FALSE;
  if (g_strcmp0 (llw_xlsx_get_property (xlsx, LLW_FORM_KEY_TOKEN), form->unit->token) != 0)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                           _("the form came out incomplete; is the disk full?"));
      return FALSE;
    }
  return TRUE;
}

/* Every form is written as every output is (llw-output.c): to a temporary file, read back,
 * then moved over a file of its name; the database's own files are never replaced. */
static gboolean
write_one (const LlwFormCatalogue  *catalogue,
           const LlwFormUnit       *unit,
           const char              *path,
           GError                 **error)
{
  FormOutput form = { catalogue, unit };
  g_autoptr(GError) local_error = NULL;

  /* libxlsxwriter opens its file with fopen (), which on Windows takes no UTF-8 name. */
  if (llw_output_write (path, LLW_OUTPUT_ANSI_PATH, write_file, check_file, &form,
                        &local_error))
    return TRUE;
  g_set_error_literal (error, LLW_FORMS_ERROR, LLW_FORMS_ERROR_WRITE, local_error->message);
  return FALSE;
}

/* Returns: (transfer full): the path of each unit's form in @folder, two units whose names
 *   read alike in ASCII told apart by a number */
static GPtrArray *
plan_paths (LlwCampaign *campaign,
            GPtrArray   *units,
            const char  *folder)
{
  /* Windows and macOS file names ignore case: names that differ only in case collide. */
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < units->len; i++)
    {
      const char *unit = llw_report_status_get_unit_name (units->pdata[i]);
      g_autofree char *name = llw_forms_file_name (campaign, unit);
      g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".xlsx"));
      g_autofree char *key = g_ascii_strdown (name, -1);

      for (guint n = 2; g_hash_table_contains (taken, key); n++)
        {
          g_free (name);
          g_free (key);
          name = g_strdup_printf ("%s-%u.xlsx", stem, n);
          key = g_ascii_strdown (name, -1);
        }
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
      g_hash_table_add (taken, g_steal_pointer (&key));
    }
  return paths;
}

static GArray *
unit_ids (GPtrArray *units)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), units->len);

  for (guint i = 0; i < units->len; i++)
    {
      gint64 id = llw_report_status_get_unit_id (units->pdata[i]);

      g_array_append_val (ids, id);
    }
  return ids;
}

/* Everything the forms show, read from the database on the thread that owns it, so that
 * the forms can then be written on another. */
typedef struct
{
  LlwFormCatalogue catalogue;
  GPtrArray *units;         /* LlwReportStatus */
  GPtrArray *tokens;
  GPtrArray *prefills;      /* LlwReportInput, or NULL for a unit without a report */
  GPtrArray *paths;
} FormsJob;

static void
forms_job_free (FormsJob *job)
{
  catalogue_clear (&job->catalogue);
  g_clear_pointer (&job->units, g_ptr_array_unref);
  g_clear_pointer (&job->tokens, g_ptr_array_unref);
  g_clear_pointer (&job->prefills, g_ptr_array_unref);
  g_clear_pointer (&job->paths, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FormsJob, forms_job_free)

static gboolean
load_prefills (LlwDatabase  *db,
               FormsJob     *job,
               GError      **error)
{
  job->prefills = g_ptr_array_new_with_free_func ((GDestroyNotify) llw_report_input_free);
  for (guint i = 0; i < job->units->len; i++)
    {
      gint64 report_id = llw_report_status_get_report_id (job->units->pdata[i]);
      LlwReportInput *prefill = NULL;

      if (report_id > 0 && (prefill = llw_database_load_report_input (db, report_id, error)) == NULL)
        return FALSE;
      g_ptr_array_add (job->prefills, prefill);
    }
  return TRUE;
}

/* Every form's file is looked at before any token is recorded: a file that no output may
 * replace (the database, a pipe, a read-only file) stops the run before it changes anything,
 * rather than after some forms are written. */
static gboolean
check_targets (GPtrArray  *paths,
               GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; i < paths->len; i++)
    if (!llw_output_check_target (paths->pdata[i], &local_error))
      {
        g_set_error_literal (error, LLW_FORMS_ERROR, LLW_FORMS_ERROR_WRITE,
                             local_error->message);
        return FALSE;
      }
  return TRUE;
}

/* Reads what the forms show and records their tokens. */
static FormsJob *
prepare (LlwDatabase  *db,
         LlwCampaign  *campaign,
         const char   *folder,
         const char   *unit,
         GError      **error)
{
  g_autoptr(FormsJob) job = g_new0 (FormsJob, 1);
  g_autoptr(GArray) ids = NULL;

  job->units = choose_units (db, campaign, unit, error);
  if (job->units == NULL)
    return NULL;
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (folder);

      g_set_error (error, LLW_FORMS_ERROR, LLW_FORMS_ERROR_WRITE,
                   _("Cannot write the forms into “%s”: it is not a folder."), name);
      return NULL;
    }

  ids = unit_ids (job->units);
  job->paths = plan_paths (campaign, job->units, folder);
  if (!check_targets (job->paths, error) ||
      !load_catalogue (db, campaign, &job->catalogue, error) || !load_prefills (db, job, error))
    return NULL;
  job->tokens = llw_database_issue_forms (db, campaign, ids, error);
  return job->tokens != NULL ? g_steal_pointer (&job) : NULL;
}

/* One run of write_all (): the first failure, by the forms' order, stops the rest. */
typedef struct
{
  FormsJob *job;
  GCancellable *cancellable;
  GMutex lock;
  GError *error;
  guint failed;         /* the index of the form that failed */
  gint stop;
} WriteRun;

static void
write_form (guint    index,
            gpointer data)
{
  WriteRun *run = data;
  LlwReportStatus *status = run->job->units->pdata[index];
  LlwFormUnit unit = {
    llw_report_status_get_unit_name (status),
    llw_report_status_get_deadline (status),
    run->job->tokens->pdata[index],
    run->job->prefills->pdata[index],
  };
  GError *error = NULL;

  if (g_atomic_int_get (&run->stop) || g_cancellable_is_cancelled (run->cancellable))
    return;
  if (write_one (&run->job->catalogue, &unit, run->job->paths->pdata[index], &error))
    return;

  g_mutex_lock (&run->lock);
  if (run->error == NULL || index < run->failed)
    {
      g_clear_error (&run->error);
      run->error = error;
      run->failed = index;
    }
  else
    g_error_free (error);
  g_atomic_int_set (&run->stop, TRUE);
  g_mutex_unlock (&run->lock);
}

/* Writes every form of the job, several at once; on any thread. */
static gboolean
write_all (FormsJob      *job,
           GCancellable  *cancellable,
           GError       **error)
{
  WriteRun run = { job, cancellable };

  /* Each form is read back with libgsf on the thread that wrote it. */
  llw_xlsx_init ();
  g_mutex_init (&run.lock);
  llw_forms_for_each (job->units->len, write_form, &run);
  g_mutex_clear (&run.lock);

  if (run.error != NULL)
    {
      g_propagate_error (error, run.error);
      return FALSE;
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/**
 * llw_forms_make:
 * @folder: an existing folder, where the forms are written
 * @unit: (nullable): the name or code of the one unit to make a form for; %NULL for every
 *   unit that must report
 *
 * Makes the fill-in forms of @campaign, replacing files of the same names.
 *
 * Returns: (transfer full) (element-type filename): the forms written; %NULL with @error set
 *   when one could not be (forms already written stay)
 */
GPtrArray *
llw_forms_make (LlwDatabase  *db,
                LlwCampaign  *campaign,
                const char   *folder,
                const char   *unit,
                GError      **error)
{
  g_autoptr(FormsJob) job = NULL;

  g_return_val_if_fail (LLW_IS_DATABASE (db) && LLW_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  job = prepare (db, campaign, folder, unit, error);
  if (job == NULL || !write_all (job, NULL, error))
    return NULL;
  return g_ptr_array_ref (job->paths);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  FormsJob *job = task_data;
  GError *error = NULL;

  if (write_all (job, cancellable, &error))
    g_task_return_pointer (task, g_ptr_array_ref (job->paths), (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/**
 * llw_forms_make_async:
 *
 * Like llw_forms_make (), for the window: what the forms show is read at once, on the
 * calling thread that owns @db, and the forms are written on a worker thread.
 */
void
llw_forms_make_async (LlwDatabase         *db,
                      LlwCampaign         *campaign,
                      const char          *folder,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  FormsJob *job;

  g_return_if_fail (LLW_IS_DATABASE (db) && LLW_IS_CAMPAIGN (campaign) && folder != NULL);

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, llw_forms_make_async);
  job = prepare (db, campaign, folder, NULL, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, job, (GDestroyNotify) forms_job_free);
  g_task_run_in_thread (task, write_in_thread);
}

/**
 * llw_forms_make_finish:
 * @db: the database given to llw_forms_make_async (), the task's source
 *
 * Returns: (transfer full) (element-type filename): the forms written, or %NULL with
 *   @error set
 */
GPtrArray *
llw_forms_make_finish (LlwDatabase   *db,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == llw_forms_make_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * llw_forms_existing_files:
 * @folder: where the forms would be made
 *
 * Returns: (transfer full) (element-type filename): the files that making every form of
 *   @campaign in @folder would replace
 */
GPtrArray *
llw_forms_existing_files (LlwDatabase  *db,
                          LlwCampaign  *campaign,
                          const char   *folder,
                          GError      **error)
{
  g_autoptr(GPtrArray) units = choose_units (db, campaign, NULL, error);
  g_autoptr(GPtrArray) paths = NULL;
  GPtrArray *existing;

  if (units == NULL)
    return NULL;
  paths = plan_paths (campaign, units, folder);
  existing = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < paths->len; i++)
    if (g_file_test (paths->pdata[i], G_FILE_TEST_EXISTS))
      g_ptr_array_add (existing, g_strdup (paths->pdata[i]));
  return existing;
}
