/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#ifdef G_OS_WIN32
#include <windows.h>
#endif

#include "llw-file-replace.h"
#include "llw-output.h"

/* The documents the export writes (the workbook, the editable report) go to a temporary file
 * beside the target first, which replaces the target only once it is complete. */

/* libxlsxwriter opens its file and its scratch files with fopen () and _open (), which on
 * Windows take names in the system's code page, not UTF-8. There a folder whose name is not
 * ASCII is given by its short (8.3) name, which is; %NULL if it has none. */
#ifdef G_OS_WIN32
static char *
ascii_name (const char *folder)
{
  g_autofree gunichar2 *wide = g_utf8_to_utf16 (folder, -1, NULL, NULL, NULL);
  wchar_t short_name[MAX_PATH];
  DWORD length = wide != NULL ? GetShortPathNameW (wide, short_name, MAX_PATH) : 0;
  g_autofree char *name = NULL;

  if (length > 0 && length < MAX_PATH)
    name = g_utf16_to_utf8 (short_name, length, NULL, NULL, NULL);
  return name != NULL && g_str_is_ascii (name) ? g_steal_pointer (&name) : NULL;
}
#endif

/**
 * llw_output_scratch_folder:
 *
 * Returns: (transfer full) (nullable): the folder for libxlsxwriter's scratch files, or
 *   %NULL for its own choice (the system's temporary folder, where that name suits it)
 */
char *
llw_output_scratch_folder (void)
{
#ifdef G_OS_WIN32
  return ascii_name (g_get_tmp_dir ());
#else
  return NULL;
#endif
}

/* The temporary file goes in the target's folder, on the same volume, so that it replaces
 * the target in one step; on Windows under that folder's ASCII name, and in the temporary
 * folder only if the target's folder has none. */
static char *
temporary_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

#ifdef G_OS_WIN32
  if (!g_str_is_ascii (folder))
    {
      char *ascii = ascii_name (folder);

      return ascii != NULL ? ascii : llw_output_scratch_folder ();
    }
#endif
  return g_steal_pointer (&folder);
}

/**
 * llw_output_temporary_new:
 * @path: the file an output will replace
 *
 * Returns: (transfer full): a new empty file to write the output to, beside @path; %NULL
 *   with @error set if none can be made
 */
char *
llw_output_temporary_new (const char  *path,
                          GError     **error)
{
  g_autofree char *folder = temporary_folder (path);
  g_autofree char *template = g_build_filename (folder, "llweek-export-XXXXXX.tmp", NULL);
  int fd = g_mkstemp_full (template, O_RDWR, 0666);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return NULL;
    }

  g_close (fd, NULL);
  return g_steal_pointer (&template);
}

/* Replaces @to_path with the finished output @from_path, in one step: see llw_file_replace (). */
gboolean
llw_output_move_over (const char  *from_path,
                      const char  *to_path,
                      GError     **error)
{
  return llw_file_replace (from_path, to_path, error);
}
