/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "llw-application.h"
#include "llw-checklist-pdf.h"
#include "llw-database.h"
#include "llw-date.h"
#include "llw-export.h"
#include "llw-forms.h"
#include "llw-import.h"
#include "llw-odt.h"
#include "llw-report-layout.h"

/* The non-window options are handled here, before GTK starts, so that they need no display.
 * Each option may be given once, and one task at most: a command line that asks for two
 * things, or says one thing twice, is refused rather than half obeyed. */
typedef struct
{
  char *database;
  int campaign;
  char *export_report;
  char *print_checklist;
  char *print_report;
  char *export_document;
  char *import_reports;
  char *make_forms;
  char *unit;
  GPtrArray *import_forms;    /* the paths after --import-forms */
  gboolean missing_only;
  gboolean recipients;
  gboolean dry_run;
  gboolean version;
  GHashTable *given;    /* long names of the options given */
} Options;

static void
options_clear (Options *options)
{
  g_free (options->database);
  g_free (options->export_report);
  g_free (options->print_checklist);
  g_free (options->print_report);
  g_free (options->export_document);
  g_free (options->import_reports);
  g_free (options->make_forms);
  g_free (options->unit);
  g_clear_pointer (&options->import_forms, g_ptr_array_unref);
  g_clear_pointer (&options->given, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* An uninstalled build finds its translations where LLWEEK_LOCALEDIR points. On Windows
 * the program is wherever the user installed or unpacked it: share\locale lies beside its
 * bin folder, in a path that may hold any letter, so it is given to libintl as UTF-16. */
static void
init_i18n (void)
{
  const char *localedir = g_getenv ("LLWEEK_LOCALEDIR");

  setlocale (LC_ALL, "");
#ifdef G_OS_WIN32
  {
    g_autofree char *top = g_win32_get_package_installation_directory_of_module (NULL);
    g_autofree char *installed = g_build_filename (top, "share", "locale", NULL);
    g_autofree gunichar2 *wide = g_utf8_to_utf16 (localedir != NULL ? localedir : installed,
                                                  -1, NULL, NULL, NULL);

    wbindtextdomain (GETTEXT_PACKAGE, wide);
  }
#else
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
#endif
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* libxlsxwriter has zlib allocate and free about 300 KB for every part of a workbook it
 * writes; glibc gives that memory back to the system each time, which took longer than
 * writing the fill-in forms themselves. Freed memory up to 16 MB is kept for the next part. */
static void
tune_memory (void)
{
#ifdef __GLIBC__
  mallopt (M_TRIM_THRESHOLD, 16 * 1024 * 1024);
#endif
}

static gboolean
bad_usage (GError    **error,
           const char *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return FALSE;
}

static gboolean
parse_year (const char  *value,
            int         *year,
            GError     **error)
{
  guint64 number = 0;

  if (!g_ascii_string_to_unsigned (value, 10, 2000, 2999, &number, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a year such as 2021"), value);

      return bad_usage (error, message);
    }
  *year = (int) number;
  return TRUE;
}

/* Takes every option, refusing one given twice. */
static gboolean
take_option (const char  *name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  static const char *const short_names[][2] = {
    { "-d", "--database" }, { "-c", "--campaign" }, { "-v", "--version" },
  };
  Options *options = data;
  const char *option = name;

  for (guint i = 0; i < G_N_ELEMENTS (short_names); i++)
    if (g_str_equal (name, short_names[i][0]))
      option = short_names[i][1];

  if (!g_hash_table_add (options->given, g_strdup (option)))
    {
      g_autofree char *message = g_strdup_printf (_("%s is given twice"), option);

      return bad_usage (error, message);
    }

  if (g_str_equal (option, "--database"))
    options->database = g_strdup (value);
  else if (g_str_equal (option, "--campaign"))
    return parse_year (value, &options->campaign, error);
  else if (g_str_equal (option, "--export-report"))
    options->export_report = g_strdup (value);
  else if (g_str_equal (option, "--print-checklist"))
    options->print_checklist = g_strdup (value);
  else if (g_str_equal (option, "--print-report"))
    options->print_report = g_strdup (value);
  else if (g_str_equal (option, "--export-document"))
    options->export_document = g_strdup (value);
  else if (g_str_equal (option, "--import-reports"))
    options->import_reports = g_strdup (value);
  else if (g_str_equal (option, "--import-forms"))
    {
      /* The first path; the others follow it as arguments, as a shell's wildcard gives them. */
      options->import_forms = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (options->import_forms, g_strdup (value));
    }
  else if (g_str_equal (option, "--make-forms"))
    options->make_forms = g_strdup (value);
  else if (g_str_equal (option, "--unit"))
    options->unit = g_strdup (value);
  else if (g_str_equal (option, "--missing-only"))
    options->missing_only = TRUE;
  else if (g_str_equal (option, "--recipients"))
    options->recipients = TRUE;
  else if (g_str_equal (option, "--dry-run"))
    options->dry_run = TRUE;
  else if (g_str_equal (option, "--version"))
    options->version = TRUE;
  return TRUE;
}

/* One task a run: two of them, or a task with the options of another, is bad usage. */
static gboolean
check_combination (const Options  *options,
                   GError        **error)
{
  const char *const modes[] = { "--export-report", "--print-checklist", "--print-report",
                                "--export-document", "--import-reports", "--import-forms",
                                "--make-forms", "--version" };
  const char *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    if (g_hash_table_contains (options->given, modes[i]))
      {
        if (first != NULL)
          {
            g_autofree char *message = g_strdup_printf (_("%s and %s cannot be given together: "
                                                          "one task at a time"),
                                                        first, modes[i]);

            return bad_usage (error, message);
          }
        first = modes[i];
      }

  if ((options->missing_only || options->recipients) && options->print_checklist == NULL)
    return bad_usage (error, _("--missing-only and --recipients go with --print-checklist"));
  if (options->missing_only && options->recipients)
    return bad_usage (error, _("--missing-only and --recipients are two different checklists"));
  if (options->unit != NULL && options->make_forms == NULL)
    return bad_usage (error, _("--unit goes with --make-forms"));
  if (options->dry_run && options->import_reports == NULL && options->import_forms == NULL)
    return bad_usage (error, _("--dry-run goes with --import-reports or --import-forms"));
  return TRUE;
}

/* Parses @args, which keeps what is not an option. Windows hands main () its arguments in
 * the system's code page, which cannot hold every Vietnamese letter of a file name: there
 * they are read again, as UTF-8, from the command line itself. */
static gboolean
parse_options (Options   *options,
               char    ***args,
               GError   **error)
{
  const int file = G_OPTION_FLAG_FILENAME, none = G_OPTION_FLAG_NO_ARG;
  const GOptionEntry entries[] = {
    { "database", 'd', file, G_OPTION_ARG_CALLBACK, take_option,
      N_("Open the database FILE instead of the default one"), N_("FILE") },
    { "campaign", 'c', 0, G_OPTION_ARG_CALLBACK, take_option,
      N_("Work on the campaign of YEAR (default: the latest)"), N_("YEAR") },
    { "export-report", 0, file, G_OPTION_ARG_CALLBACK, take_option,
      N_("Write the consolidated report workbook to OUT.xlsx"), N_("OUT.xlsx") },
    { "print-checklist", 0, file, G_OPTION_ARG_CALLBACK, take_option,
      N_("Write the checklist of assigned units to OUT.pdf"), N_("OUT.pdf") },
    { "missing-only", 0, none, G_OPTION_ARG_CALLBACK, take_option,
      N_("With --print-checklist: only the units whose report is missing"), NULL },
    { "recipients", 0, none, G_OPTION_ARG_CALLBACK, take_option,
      N_("With --print-checklist: the recipients of the directive"), NULL },
    { "print-report", 0, file, G_OPTION_ARG_CALLBACK, take_option,
      N_("Typeset the consolidated report with its annexes to OUT.pdf"), N_("OUT.pdf") },
    { "export-document", 0, file, G_OPTION_ARG_CALLBACK, take_option,
      N_("Write the consolidated report as an editable document to OUT.odt"), N_("OUT.odt") },
    { "import-reports", 0, file, G_OPTION_ARG_CALLBACK, take_option,
      N_("Import report figures from IN.csv"), N_("IN.csv") },
    { "import-forms", 0, file, G_OPTION_ARG_CALLBACK, take_option,
      N_("Import the returned forms PATH…, files or folders of them"), N_("PATH…") },
    { "make-forms", 0, file, G_OPTION_ARG_CALLBACK, take_option,
      N_("Make a fill-in report form for each unit that must report, in the folder DIR"),
      N_("DIR") },
    { "unit", 0, 0, G_OPTION_ARG_CALLBACK, take_option,
      N_("With --make-forms: only the form of the unit NAME (its name or code)"), N_("NAME") },
    { "dry-run", 0, none, G_OPTION_ARG_CALLBACK, take_option,
      N_("With --import-reports or --import-forms: check and say what would change"), NULL },
    { "version", 'v', none, G_OPTION_ARG_CALLBACK, take_option,
      N_("Show the version and exit"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  GOptionGroup *group;

  options->given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  group = g_option_group_new (NULL, NULL, NULL, options, NULL);
  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Lifelong Learning Week: themes, activities, "
                                           "responsible units and their reports."));
  g_option_context_set_main_group (context, group);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, args, error))
    return FALSE;

  for (int i = 1; options->import_forms != NULL && (*args)[i] != NULL; i++)
    g_ptr_array_add (options->import_forms, g_strdup ((*args)[i]));
  if (g_strv_length (*args) > 1 && options->import_forms == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unexpected argument “%s”"), (*args)[1]);
      return FALSE;
    }

  return check_combination (options, error);
}

/* A database named on the command line lives in a folder that exists: a typing mistake
 * never makes a new database somewhere unexpected. Making one is said on stderr. */
static gboolean
check_database_path (const char  *path,
                     GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_autofree char *folder_name = g_filename_display_name (folder);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("Cannot open “%s”: the folder “%s” does not exist."), name, folder_name);
      return FALSE;
    }
  return TRUE;
}

static void
say_if_created (LlwDatabase *db)
{
  if (db != NULL && llw_database_was_created (db))
    {
      g_autofree char *name = g_filename_display_name (llw_database_get_path (db));

      g_printerr (_("“%s” did not exist: a new database was made there, with the default "
                    "campaign.\n"), name);
    }
}

/* Returns: (transfer full): the campaign the command line names, in the database it names,
 *   which @db receives; %NULL, with @error set, when either cannot be had. */
static LlwCampaign *
open_campaign (const Options  *options,
               LlwDatabase   **db,
               GError        **error)
{
  *db = llw_database_open (options->database, error);
  say_if_created (*db);
  return *db != NULL ? llw_database_get_campaign (*db, options->campaign, error) : NULL;
}

static int
export_report (const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(LlwCampaign) campaign = open_campaign (options, &db, &error);

  if (campaign == NULL || !llw_export_report (db, campaign, options->export_report, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

/* The report as of today (LLWEEK_TODAY may fix it), from the campaign the options name. */
static LlwReportDocument *
open_report (const Options  *options,
             GError        **error)
{
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(LlwCampaign) campaign = open_campaign (options, &db, error);
  g_autoptr(LlwConsolidation) data = NULL;
  GDate today;

  if (campaign == NULL)
    return NULL;
  llw_date_today (&today);
  data = llw_consolidation_load (db, campaign, &today, error);
  return data != NULL ? llw_report_document_new (data) : NULL;
}

static int
print_report (const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwReportDocument) document = open_report (options, &error);

  if (document == NULL || !llw_report_layout_write_pdf (document, options->print_report, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static int
export_document (const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwReportDocument) document = open_report (options, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (document == NULL || !llw_odt_write (document, now, options->export_document, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static int
print_checklist (const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(LlwCampaign) campaign = open_campaign (options, &db, &error);
  LlwChecklistKind kind = options->recipients ? LLW_CHECKLIST_RECIPIENTS
                          : options->missing_only ? LLW_CHECKLIST_MISSING
                          : LLW_CHECKLIST_ASSIGNED;

  if (campaign == NULL ||
      !llw_checklist_export_pdf (db, campaign, kind, options->print_checklist, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

/* Checks the whole file, then applies it (or lists what it would change); every problem is
 * printed on its own line, as "FILE:LINE…", after one line that sums them up. */
static int
import_reports (const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(LlwCampaign) campaign = NULL;
  g_autoptr(LlwImport) import = NULL;
  g_autofree char *summary = NULL;
  LlwChangePlan *plan;
  GPtrArray *problems;

  campaign = open_campaign (options, &db, &error);
  if (campaign == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  import = llw_import_new (db, campaign);
  if (!llw_import_read_file (import, options->import_reports, &error))
    {
      problems = llw_import_get_problems (import);
      /* A file that could not be read at all is named by its message. */
      if (problems->len == 0)
        g_printerr ("%s\n", error->message);
      else
        g_printerr ("%s: %s\n", options->import_reports, error->message);
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s: %s\n", options->import_reports, (char *) problems->pdata[i]);
      return EXIT_FAILURE;
    }

  if (!llw_import_apply (import, options->dry_run, &error))
    {
      g_printerr ("%s: %s\n", options->import_reports, error->message);
      return EXIT_FAILURE;
    }

  /* A dry run says, unit by unit, what the import would change: a report at a time, since
   * a file of 50,000 units makes a million lines. */
  plan = llw_import_get_plan (import);
  for (guint i = 0; options->dry_run && i < llw_change_plan_get_n_reports (plan); i++)
    {
      g_autofree char *report = llw_change_plan_format_report (plan, i);

      g_print ("%s\n", report);
    }
  summary = llw_import_describe (import, options->dry_run);
  g_print ("%s: %s\n", options->import_reports, summary);
  return EXIT_SUCCESS;
}

/* Prints every problem of the batch, one a line after one line that sums them up. */
static int
print_problems (LlwFormImport *import,
                const GError  *error)
{
  GPtrArray *problems = llw_form_import_get_problems (import);

  g_printerr ("%s\n", error->message);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *) problems->pdata[i]);
  return EXIT_FAILURE;
}

/* Reads and checks every returned form, then imports them all or none; with --dry-run,
 * prints what would change for each unit. */
static int
import_forms (const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(LlwCampaign) campaign = NULL;
  g_autoptr(LlwFormImport) import = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *summary = NULL;
  GListModel *plan;

  g_ptr_array_add (options->import_forms, NULL);
  campaign = open_campaign (options, &db, &error);
  if (campaign != NULL)
    files = llw_forms_list_files ((const char *const *) options->import_forms->pdata, &error);
  if (files == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  import = llw_forms_read (db, campaign, files);
  if (!llw_form_import_check (import, &error))
    return print_problems (import, error);

  plan = llw_form_import_get_plan (import);
  for (guint i = 0; options->dry_run && i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr(LlwPlannedReport) report = g_list_model_get_item (plan, i);
      g_autofree char *text = llw_planned_report_describe (report);

      g_print ("%s\n", text);
    }
  if (!options->dry_run && !llw_form_import_apply (import, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  summary = llw_form_import_describe (import, !options->dry_run);
  g_print ("%s\n", summary);
  return EXIT_SUCCESS;
}

/* Makes the forms and says how many, and where. */
static int
make_forms (const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(LlwCampaign) campaign = open_campaign (options, &db, &error);
  g_autoptr(GPtrArray) made = NULL;

  if (campaign != NULL)
    made = llw_forms_make (db, campaign, options->make_forms, options->unit, &error);
  if (made == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Made %u form in “%s”.\n",
                        "Made %u forms in “%s”.\n", made->len),
           made->len, options->make_forms);
  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Options) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwApplication) app = NULL;
#ifdef G_OS_WIN32
  g_auto(GStrv) args = g_win32_get_command_line ();
#else
  g_auto(GStrv) args = g_strdupv (argv);
#endif

  init_i18n ();
  tune_memory ();

  if (!parse_options (&options, &args, &error))
    {
      /* One line, as every message of the command line. */
      g_printerr (_("%s: %s (“%s --help” lists the options)\n"), g_get_prgname (),
                  error->message, g_get_prgname ());
      return 2;
    }

  if (options.version)
    {
      g_print ("llweek %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (options.database != NULL && !check_database_path (options.database, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (options.database == NULL)
    options.database = llw_database_default_path ();

  if (options.export_report != NULL)
    return export_report (&options);
  if (options.print_checklist != NULL)
    return print_checklist (&options);
  if (options.print_report != NULL)
    return print_report (&options);
  if (options.export_document != NULL)
    return export_document (&options);
  if (options.import_reports != NULL)
    return import_reports (&options);
  if (options.make_forms != NULL)
    return make_forms (&options);
  if (options.import_forms != NULL)
    return import_forms (&options);

  app = llw_application_new (options.database, options.campaign);
  return g_application_run (G_APPLICATION (app), 1, args);
}
