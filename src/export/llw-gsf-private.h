/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <errno.h>
#include <glib/gstdio.h>
#include <gsf/gsf.h>

G_BEGIN_DECLS

/* libgsf has no g_autoptr () support of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

/* A sink that writes @path itself, the temporary file of llw_output_write (): libgsf's own
 * way would write yet another temporary file (".gsf-save-XXXXXX") beside it, which a killed
 * run would leave in the user's folder. */
static inline GsfOutput *
llw_gsf_output_new (const char  *path,
                    GError     **error)
{
  FILE *file = g_fopen (path, "wb");

  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return NULL;
    }
  return gsf_output_stdio_new_FILE (path, file, FALSE);
}

G_END_DECLS
