/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-consolidation.h"
#include "llw-date.h"
#include "llw-export.h"
#include "llw-odt.h"
#include "llw-workbook.h"

/* The consolidated report as the window and the command line ask for it: the figures as of
 * today (LLWEEK_TODAY may fix it), written to the file the user chose, as the workbook or
 * as the editable document. */

typedef struct
{
  LlwCampaign *campaign;
  GDateTime *exported_at;
  char *path;                 /* NULL: the file is not on this computer */
  char *name;                 /* the file, for messages */
  gboolean document;          /* the .odt rather than the workbook */
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_object_unref (job->campaign);
  g_date_time_unref (job->exported_at);
  g_free (job->path);
  g_free (job->name);
  g_free (job);
}

static LlwConsolidation *
load_today (LlwDatabase  *db,
            LlwCampaign  *campaign,
            GError      **error)
{
  GDate today;

  llw_date_today (&today);
  return llw_consolidation_load (db, campaign, &today, error);
}

/* Reads the figures and writes the file, on a worker thread. Stopped while the file is
 * written, it is not put in place (llw-output.c). */
static gboolean
export_job (LlwDatabase   *worker,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ExportJob *job = data;
  g_autoptr(LlwConsolidation) consolidation = NULL;
  g_autoptr(LlwReportDocument) document = NULL;

  if (job->path == NULL)
    {
      g_set_error (error, LLW_WORKBOOK_ERROR, LLW_WORKBOOK_ERROR_WRITE,
                   _("Cannot write “%s”: only files on this computer can be written"),
                   job->name);
      return FALSE;
    }

  consolidation = load_today (worker, job->campaign, error);
  if (consolidation == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  document = llw_report_document_new (consolidation);
  return job->document ? llw_odt_write (document, job->exported_at, job->path, error)
                       : llw_workbook_write (document, job->exported_at, job->path, error);
}

/**
 * llw_export_default_filename:
 * @campaign: the campaign being reported
 *
 * Returns: the file name proposed for the consolidated report, in ASCII so that it survives
 *   e-mail and USB sticks: Bao-cao-Tuan-le-HTSD-2021.xlsx.
 */
char *
llw_export_default_filename (LlwCampaign *campaign)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  return g_strdup_printf ("Bao-cao-Tuan-le-HTSD-%d.xlsx", llw_campaign_get_year (campaign));
}

/* Returns: the file name proposed for the editable report: Bao-cao-Tuan-le-HTSD-2021.odt. */
char *
llw_export_document_filename (LlwCampaign *campaign)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  return g_strdup_printf ("Bao-cao-Tuan-le-HTSD-%d.odt", llw_campaign_get_year (campaign));
}

/**
 * llw_export_report:
 * @path: the .xlsx file to write; an existing one is replaced only by a complete workbook
 *
 * Writes the consolidated workbook of @campaign as of today.
 *
 * Returns: %TRUE on success; else %FALSE with @error saying which file and why
 */
gboolean
llw_export_report (LlwDatabase  *db,
                   LlwCampaign  *campaign,
                   const char   *path,
                   GError      **error)
{
  g_autoptr(LlwConsolidation) data = NULL;
  g_autoptr(LlwReportDocument) document = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (LLW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = load_today (db, campaign, error);
  if (data == NULL)
    return FALSE;
  document = llw_report_document_new (data);
  return llw_workbook_write (document, now, path, error);
}

/* Runs export_job () with a connection of its own (llw_database_run_async ()). */
static void
start_export (LlwDatabase         *db,
              LlwCampaign         *campaign,
              GFile               *file,
              gboolean             document,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->campaign = g_object_ref (campaign);
  job->exported_at = g_date_time_new_now_local ();
  job->path = g_file_get_path (file);
  job->name = g_file_get_parse_name (file);
  job->document = document;
  llw_database_run_async (db, export_job, job, export_job_free, cancellable, callback,
                          user_data);
}

/**
 * llw_export_report_async:
 * @file: the .xlsx file to write
 *
 * Like llw_export_report(), for the window: the figures are read and the workbook written on
 * a worker thread, with a connection of its own (llw_database_open_worker ()).
 * @cancellable stops the export: the file is then left as it was.
 */
void
llw_export_report_async (LlwDatabase         *db,
                         LlwCampaign         *campaign,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (LLW_IS_DATABASE (db));
  g_return_if_fail (LLW_IS_CAMPAIGN (campaign));
  g_return_if_fail (G_IS_FILE (file));

  start_export (db, campaign, file, FALSE, cancellable, callback, user_data);
}

/**
 * llw_export_document_async:
 * @file: the .odt file to write
 *
 * Like llw_export_report_async (), for the report as an editable document.
 */
void
llw_export_document_async (LlwDatabase         *db,
                           LlwCampaign         *campaign,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (LLW_IS_DATABASE (db));
  g_return_if_fail (LLW_IS_CAMPAIGN (campaign));
  g_return_if_fail (G_IS_FILE (file));

  start_export (db, campaign, file, TRUE, cancellable, callback, user_data);
}

/**
 * llw_export_report_finish:
 * @db: the database given to llw_export_report_async() or llw_export_document_async (), the
 *   task's source
 *
 * Returns: %TRUE if the file was written; else %FALSE with @error set
 */
gboolean
llw_export_report_finish (LlwDatabase   *db,
                          GAsyncResult  *result,
                          GError       **error)
{
  return llw_database_run_finish (db, result, error);
}
