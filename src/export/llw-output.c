/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "llw-output.h"

/* The documents the export writes (the workbook, the editable report) go to a temporary file
 * beside the target first, which replaces the target only once it is complete. */

/* libxlsxwriter opens its file with fopen (), which on Windows takes no UTF-8 name: the
 * temporary file gets an ASCII name, in the target's folder unless that folder's own path
 * is out of fopen's reach there. */
static char *
temporary_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

#ifdef G_OS_WIN32
  for (const char *p = folder; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return g_strdup (g_get_tmp_dir ());
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

/* Replaces @to_path with the finished output @from_path, in one step. */
gboolean
llw_output_move_over (const char  *from_path,
                      const char  *to_path,
                      GError     **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (from_path);
  g_autoptr(GFile) to = g_file_new_for_path (to_path);

  return g_file_move (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

