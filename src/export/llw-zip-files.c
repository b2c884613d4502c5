/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "llw-zip-files.h"

#include <errno.h>
#include <stdio.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

/* minizip opens its files with fopen (), which on Windows reads a name in the ANSI code
 * page, not UTF-8; and it tells a failed write only as such. */

static void
note_failure (LlwZipFiles *files)
{
  if (files->saved_errno == 0)
    files->saved_errno = errno != 0 ? errno : EIO;
}

static voidpf
open_file (voidpf      opaque,
           const char *filename,
           int         mode)
{
  LlwZipFiles *files = opaque;
  const char *how = (mode & ZLIB_FILEFUNC_MODE_CREATE) ? "wb"
                  : (mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) == ZLIB_FILEFUNC_MODE_READ
                  ? "rb" : "r+b";
  FILE *file;

  errno = 0;
  file = filename != NULL ? g_fopen (filename, how) : NULL;
  if (file == NULL)
    note_failure (files);
  return file;
}

static uLong
read_file (voidpf opaque,
           voidpf stream,
           void  *buffer,
           uLong  size)
{
  uLong n;

  errno = 0;
  n = (uLong) fread (buffer, 1, size, stream);
  if (n < size && ferror ((FILE *) stream))
    note_failure (opaque);
  return n;
}

static uLong
write_file (voidpf      opaque,
            voidpf      stream,
            const void *buffer,
            uLong       size)
{
  uLong n;

  errno = 0;
  n = (uLong) fwrite (buffer, 1, size, stream);
  if (n < size)
    note_failure (opaque);
  return n;
}

static long
tell_file (voidpf opaque,
           voidpf stream)
{
  return ftell (stream);
}

static long
seek_file (voidpf opaque,
           voidpf stream,
           uLong  offset,
           int    origin)
{
  int whence = origin == ZLIB_FILEFUNC_SEEK_CUR ? SEEK_CUR
             : origin == ZLIB_FILEFUNC_SEEK_END ? SEEK_END : SEEK_SET;

  if (offset > G_MAXLONG)
    return -1;
  return fseek (stream, (long) offset, whence);
}

static int
close_file (voidpf opaque,
            voidpf stream)
{
  errno = 0;
  if (fclose (stream) == 0)
    return 0;
  note_failure (opaque);
  return EOF;
}

static int
error_file (voidpf opaque,
            voidpf stream)
{
  return ferror ((FILE *) stream);
}

void
llw_zip_files_init (LlwZipFiles *files)
{
  files->functions = (zlib_filefunc_def) {
    open_file, read_file, write_file, tell_file, seek_file, close_file, error_file, files
  };
  files->saved_errno = 0;
}

/**
 * llw_zip_files_failed:
 *
 * Returns: %FALSE, with @error set to the first failure of a file's, or to a general one
 */
gboolean
llw_zip_files_failed (LlwZipFiles  *files,
                      GError      **error)
{
  if (files->saved_errno != 0)
    g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (files->saved_errno),
                         g_strerror (files->saved_errno));
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("the file could not be written in full; is the disk full?"));
  return FALSE;
}
