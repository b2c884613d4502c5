/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-file.h"

/* Files the user names, as llweek reads them: a database, a CSV file, a returned form. Each
 * is an ordinary file, never a folder, a device or a pipe, which could block the program
 * forever or stream without end; and each is read within a limit that holds while reading,
 * whatever the size the system gave before. */

#define CHUNK (64 * 1024)
#define MAX_LINKS 40

G_DEFINE_QUARK (llw-file-error-quark, llw_file_error)

/**
 * llw_file_resolve_links:
 * @path: a file name, which need not exist
 *
 * Returns: (transfer full): @path made absolute with every symbolic link at its end
 *   followed, so that a file reached by several names is known by one: its real name
 */
char *
llw_file_resolve_links (const char *path)
{
  g_autofree char *current = g_canonicalize_filename (path, NULL);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (current);
      g_autoptr(GFileInfo) info = NULL;
      g_autofree char *folder = NULL;
      const char *target;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                                G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      if (info == NULL || !g_file_info_get_is_symlink (info) ||
          (target = g_file_info_get_symlink_target (info)) == NULL)
        break;
      folder = g_path_get_dirname (current);
      g_free (current);
      current = g_canonicalize_filename (target, folder);
    }

  return g_steal_pointer (&current);
}

/* Returns: (transfer full) (nullable): a name for the file itself, the same whatever link or
 *   hard link leads to it, or %NULL if there is no file at @path. */
char *
llw_file_get_id (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  const char *id = info != NULL ? g_file_info_get_attribute_string (info,
                                                                    G_FILE_ATTRIBUTE_ID_FILE)
                                : NULL;

  return g_strdup (id);
}

static gboolean
refuse_type (const char  *path,
             GFileType    type,
             GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  if (type == G_FILE_TYPE_DIRECTORY)
    g_set_error (error, LLW_FILE_ERROR, LLW_FILE_ERROR_NOT_REGULAR,
                 _("“%s” is a folder, not a file."), name);
  else
    g_set_error (error, LLW_FILE_ERROR, LLW_FILE_ERROR_NOT_REGULAR,
                 _("“%s” is not an ordinary file but a device, a pipe or the like; llweek "
                   "reads and writes only ordinary files."), name);
  return FALSE;
}

/**
 * llw_file_check_regular:
 * @path: a file the user named
 * @may_be_missing: whether no file at all is fine, as for a database yet to be made
 *
 * Checks, without opening it, that @path (or the file its links lead to) is an ordinary
 * file: opening a pipe would wait for a writer forever.
 *
 * Returns: %TRUE if it is one, or missing and @may_be_missing
 */
gboolean
llw_file_check_regular (const char  *path,
                        gboolean     may_be_missing,
                        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL,
                            &local_error);
  if (info == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      if (may_be_missing && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, LLW_FILE_ERROR, LLW_FILE_ERROR_NOT_FOUND,
                     _("“%s” does not exist."), name);
      else
        g_set_error (error, LLW_FILE_ERROR, LLW_FILE_ERROR_READ, _("Cannot read “%s”: %s"),
                     name, local_error->message);
      return FALSE;
    }

  return g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR ||
         refuse_type (path, g_file_info_get_file_type (info), error);
}

static gboolean
too_large (const char  *path,
           gsize        max_size,
           GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *size = g_format_size (max_size);

  g_set_error (error, LLW_FILE_ERROR, LLW_FILE_ERROR_TOO_LARGE,
               _("“%s” is larger than %s, more than llweek reads from a file of this kind."),
               name, size);
  return FALSE;
}

/* Reads at most @max_size bytes, and one more to know whether there is more. */
static GBytes *
read_within (GInputStream  *in,
             const char    *path,
             gsize          max_size,
             GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;

  for (;;)
    {
      guint8 chunk[CHUNK];
      gssize n = g_input_stream_read (in, chunk, MIN (sizeof chunk, max_size + 1 - bytes->len),
                                      NULL, &local_error);

      if (n < 0)
        {
          g_autofree char *name = g_filename_display_name (path);

          g_set_error (error, LLW_FILE_ERROR, LLW_FILE_ERROR_READ, _("Cannot read “%s”: %s"),
                       name, local_error->message);
          return NULL;
        }
      if (n == 0)
        return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
      g_byte_array_append (bytes, chunk, (guint) n);
      if (bytes->len > max_size)
        {
          too_large (path, max_size, error);
          return NULL;
        }
    }
}

/**
 * llw_file_read_input:
 * @path: a file the user gave to read, such as a CSV file
 * @max_size: the most this kind of file may hold, in bytes
 *
 * Reads a whole ordinary file that holds at most @max_size bytes. The limit holds while
 * reading, so a file that grows, or lies about its size, is refused all the same.
 *
 * Returns: (transfer full): its contents, or %NULL with @error set (LLW_FILE_ERROR)
 */
GBytes *
llw_file_read_input (const char  *path,
                     gsize        max_size,
                     GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (max_size < G_MAXUINT, NULL);

  if (!llw_file_check_regular (path, FALSE, error))
    return NULL;

  in = g_file_read (file, NULL, &local_error);
  if (in != NULL)
    info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                           G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, &local_error);
  if (info == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, LLW_FILE_ERROR, LLW_FILE_ERROR_READ, _("Cannot read “%s”: %s"), name,
                   local_error->message);
      return NULL;
    }

  /* What was opened is checked again: the path may have changed since it was looked at. */
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_TYPE) &&
      g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      refuse_type (path, g_file_info_get_file_type (info), error);
      return NULL;
    }
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > (goffset) max_size)
    {
      too_large (path, max_size, error);
      return NULL;
    }

  return read_within (G_INPUT_STREAM (in), path, max_size, error);
}
