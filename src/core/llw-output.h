/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LLW_OUTPUT_ERROR (llw_output_error_quark ())

typedef enum
{
  LLW_OUTPUT_ERROR_REFUSED,     /* the target is not a file an output may replace */
  LLW_OUTPUT_ERROR_WRITE,       /* writing failed: a full disk, a folder that cannot be written */
  LLW_OUTPUT_ERROR_INCOMPLETE,  /* the file came out incomplete */
  LLW_OUTPUT_ERROR_BUSY,        /* the target is open in another program (Windows) */
} LlwOutputError;

typedef enum
{
  LLW_OUTPUT_NONE = 0,
  /* The writer opens its file with fopen (), which on Windows takes no UTF-8 name: the
   * temporary file is made where such a name is ASCII. */
  LLW_OUTPUT_ANSI_PATH = 1 << 0,
  /* The output is a copy of a database, which may replace an earlier copy: a database that
   * is not open here. The open database and the files of any database stay refused. */
  LLW_OUTPUT_REPLACES_COPY = 1 << 1,
} LlwOutputFlags;

/* A writer that needs a second file while it writes (libxlsxwriter's workbook, which is
 * then finished into the output) names it after the temporary file it is handed, with this
 * suffix (and a digit after it for more files: "-part2"), and removes it: a killed run's is
 * removed with the temporary file. */
#define LLW_OUTPUT_PART_SUFFIX "-part"

/* Writes the whole output at @path, a new empty file; returns %FALSE with @error set. */
typedef gboolean (*LlwOutputWriteFunc) (const char  *path,
                                        gpointer     user_data,
                                        GError     **error);
/* Reads the finished file at @path back and returns %FALSE, with @error set, unless it is
 * complete. */
typedef gboolean (*LlwOutputCheckFunc) (const char  *path,
                                        gpointer     user_data,
                                        GError     **error);

GQuark   llw_output_error_quark        (void);
gboolean llw_output_write              (const char          *path,
                                        LlwOutputFlags       flags,
                                        LlwOutputWriteFunc   write,
                                        LlwOutputCheckFunc   check,
                                        gpointer             user_data,
                                        GError             **error);
gboolean llw_output_check_target       (const char          *path,
                                        GError             **error);
char    *llw_output_resolve            (const char          *path);
void     llw_output_protect_database   (const char          *path);
void     llw_output_unprotect_database (const char          *path);
gboolean llw_output_is_temporary_name  (const char          *name);
char    *llw_output_scratch_folder     (void);

G_END_DECLS
