/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "llw-file.h"
#include "llw-form-reader.h"
#include "llw-forms-parallel.h"
#include "llw-forms.h"

/* Bringing returned forms in: the files named, and in a folder every file that looks like
 * a spreadsheet, each read into plain values and handed to core's import. */

/* Spreadsheets of every kind are taken from a folder, so that one saved in the wrong format
 * is refused with what to do rather than passed over in silence. */
static gboolean
looks_like_spreadsheet (const char *name)
{
  static const char *const extensions[] = { ".xlsx", ".xlsm", ".xls", ".xlsb", ".ods" };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  /* Office and LibreOffice leave lock files beside a workbook that is open. */
  if (name[0] == '.' || g_str_has_prefix (name, "~$"))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static gboolean
list_folder (const char  *folder,
             GPtrArray   *files,
             GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (looks_like_spreadsheet (name) && !g_file_test (path, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
  g_ptr_array_sort (found, compare_paths);
  g_ptr_array_extend_and_steal (files, g_steal_pointer (&found));
  return TRUE;
}

/**
 * llw_forms_list_files:
 * @paths: (array zero-terminated=1): returned forms and folders of them
 *
 * Returns: (transfer full) (element-type filename): the files to read: each file named,
 *   and the spreadsheets of each folder in the order of their names; %NULL with @error set
 *   when a path cannot be found, is not an ordinary file (a pipe, a device), or a folder
 *   cannot be read
 */
GPtrArray *
llw_forms_list_files (const char *const  *paths,
                      GError            **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          if (!list_folder (paths[i], files, error))
            return NULL;
        }
      else if (llw_file_check_regular (paths[i], FALSE, error))
        g_ptr_array_add (files, g_strdup (paths[i]));
      else
        return NULL;
    }
  return g_steal_pointer (&files);
}

/* One returned file as read: its values, or why it could not be read. */
typedef struct
{
  char *name;
  LlwReportInput *input;
  char *message;
} ReadFile;

static void
read_file_free (gpointer data)
{
  ReadFile *file = data;

  g_free (file->name);
  llw_report_input_free (file->input);
  g_free (file->message);
  g_free (file);
}

typedef struct
{
  GPtrArray *paths;
  GPtrArray *files;
  GCancellable *cancellable;
} ReadRun;

static void
read_one (guint    index,
          gpointer data)
{
  ReadRun *run = data;
  ReadFile *file = run->files->pdata[index];
  g_autofree char *base = g_path_get_basename (run->paths->pdata[index]);
  g_autoptr(GError) error = NULL;

  file->name = g_filename_display_name (base);
  if (g_cancellable_is_cancelled (run->cancellable))
    return;
  file->input = llw_form_read_file (run->paths->pdata[index], file->name, &error);
  if (file->input == NULL)
    file->message = g_strdup (error->message);
}

/**
 * llw_forms_read_files:
 * @files: (element-type filename): the returned forms
 * @cancellable: (nullable): to stop reading
 *
 * Reads every file, several at once; on any thread: reading needs no database.
 *
 * Returns: (transfer full): what was read, in the order of @files, for
 *   llw_forms_add_files ()
 */
GPtrArray *
llw_forms_read_files (GPtrArray    *files,
                      GCancellable *cancellable)
{
  ReadRun run = { files, g_ptr_array_new_with_free_func (read_file_free), cancellable };

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (run.files, g_new0 (ReadFile, 1));
  llw_forms_for_each (files->len, read_one, &run);
  return run.files;
}

/**
 * llw_forms_add_files:
 * @read: what llw_forms_read_files () read; its forms pass to @import
 *
 * Adds every file read to @import, to check with llw_form_import_check (). A file that
 * could not be read as a form is in the batch as a problem, so that the check says
 * everything that is wrong at once.
 */
void
llw_forms_add_files (LlwFormImport *import,
                     GPtrArray     *read)
{
  for (guint i = 0; i < read->len; i++)
    {
      ReadFile *file = read->pdata[i];

      if (file->input != NULL)
        llw_form_import_add (import, g_steal_pointer (&file->input));
      else
        llw_form_import_add_unreadable (import, file->name,
                                        file->message ? file->message : "");
    }
}

/**
 * llw_forms_read:
 * @files: (element-type filename): the returned forms
 *
 * Returns: (transfer full): a batch for @campaign of every file, read; see
 *   llw_forms_add_files ()
 */
LlwFormImport *
llw_forms_read (LlwDatabase *db,
                LlwCampaign *campaign,
                GPtrArray   *files)
{
  LlwFormImport *import = llw_form_import_new (db, campaign);
  g_autoptr(GPtrArray) read = llw_forms_read_files (files, NULL);

  llw_forms_add_files (import, read);
  return import;
}
