/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LLW_FILE_ERROR (llw_file_error_quark ())

typedef enum
{
  LLW_FILE_ERROR_NOT_FOUND,     /* nothing at the path */
  LLW_FILE_ERROR_NOT_REGULAR,   /* a folder, a device, a pipe: not a file */
  LLW_FILE_ERROR_TOO_LARGE,     /* more than the reader accepts */
  LLW_FILE_ERROR_READ,          /* the system could not read it */
} LlwFileError;

GQuark    llw_file_error_quark   (void);
char     *llw_file_resolve_links (const char  *path);
gboolean  llw_file_check_regular (const char  *path,
                                  gboolean     may_be_missing,
                                  GError     **error);
GBytes   *llw_file_read_input    (const char  *path,
                                  gsize        max_size,
                                  GError     **error);
char     *llw_file_get_id        (const char  *path);

G_END_DECLS
