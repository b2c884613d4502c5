/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "llw-file-replace.h"

/**
 * llw_file_replace:
 * @from: a complete new file, in the folder of @to
 * @to: the file it replaces, if there is one
 *
 * Moves @from over @to in one step. Windows refuses to replace a file that another program
 * keeps open (Excel the workbook it shows, a PDF reader its PDF): that gets a message saying
 * so, and @to stays as it was.
 *
 * Returns: %FALSE with @error set (a #GIOError) and @from left for the caller to remove
 */
gboolean
llw_file_replace (const char  *from,
                  const char  *to,
                  GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (g_file_move (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    return TRUE;

#ifdef G_OS_WIN32
  /* A sharing violation reaches GLib as "permission denied". */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) &&
      g_file_test (to, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("the file is open in another program, such as Excel or a PDF "
                             "reader: close it there and try again. The file as it was "
                             "is kept."));
      return FALSE;
    }
#endif

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
