/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Before any system header: minizip's ioapi.h asks for the 64-bit file offsets. */
#include <ioapi.h>
#include <glib.h>

G_BEGIN_DECLS

/* minizip's file functions over GLib's: names in UTF-8 on Windows too, and the first
 * failure's errno kept, so that a full disk is told as such. */
typedef struct
{
  zlib_filefunc_def functions;
  int saved_errno;
} LlwZipFiles;

void     llw_zip_files_init   (LlwZipFiles  *files);
gboolean llw_zip_files_failed (LlwZipFiles  *files,
                               GError      **error);

G_END_DECLS
