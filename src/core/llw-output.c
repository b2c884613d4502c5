/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#ifdef G_OS_WIN32
#include <windows.h>
#endif

#include "llw-file.h"
#include "llw-output.h"

/* Every file llweek writes for the user goes through llw_output_write (): the workbook, a
 * checklist's PDF, a copy of the database, and every output to come (forms, the printed
 * report, the .odt). The caller gives two functions: one that writes the whole file at the
 * path it is handed, and one that reads such a file back and says whether it is complete.
 * Then, whatever the output:
 *
 * - The target is the file its links lead to, and it is refused when it is the database
 *   open here or any file of it or of another database (the file, its -wal, -shm, -journal
 *   and llweek's .lock), a folder, a device, a pipe, or a file that cannot be written. Only
 *   a copy of the database may replace another database file, one that is not open here.
 * - The contents go to a temporary file beside the target, with a short ASCII name
 *   (".llweek-XXXXXX.tmp") whatever the target's name, so that any legal name can be
 *   written. Temporary files of ours that a killed run left behind, recognised by that name
 *   and by their age, are removed the next time an output is written in their folder.
 * - The temporary file is checked complete and flushed to the disk, gets the permission
 *   bits of the file it replaces, and replaces it in one step: the target is at all times
 *   either the old file or the new one, never half of one.
 * - Windows cannot replace a file that another program has open: the message says to close
 *   it, and the old file stays.
 *
 * To add an output: write its file whole at the path the write function is handed (open it
 * there, never beside it), and give a check that reads it back as a program would (the
 * workbook's and the .odt's llw_package_check () in export/); pages drawn with Cairo go
 * through llw_pages_write_pdf () in print/, which does both: it checks that the PDF holds
 * every byte written and ends as a PDF ends. Never write a user's file directly. */

#define TEMPORARY_PREFIX ".llweek-"
#define TEMPORARY_SUFFIX ".tmp"
#define TEMPORARY_TEMPLATE TEMPORARY_PREFIX "XXXXXX" TEMPORARY_SUFFIX

/* A temporary file untouched for this long belongs to no running export. */
#define STALE_SECONDS (10 * 60)

#define DATABASE_REFUSED _("it is a database or one of its files, which an output never " \
                           "replaces. Choose another name.")

G_DEFINE_QUARK (llw-output-error-quark, llw_output_error)

/* The real paths of the databases open in this process, each with how many times. */
static GMutex protected_lock;
static GHashTable *protected;

static const char *const database_suffixes[] = { "", "-wal", "-shm", "-journal", ".lock" };

/* Notes that @path is an open database, whose files no output may replace. */
void
llw_output_protect_database (const char *path)
{
  g_autofree char *real = llw_file_resolve_links (path);
  guint count;

  g_mutex_lock (&protected_lock);
  if (protected == NULL)
    protected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (protected, real));
  g_hash_table_insert (protected, g_steal_pointer (&real), GUINT_TO_POINTER (count + 1));
  g_mutex_unlock (&protected_lock);
}

void
llw_output_unprotect_database (const char *path)
{
  g_autofree char *real = llw_file_resolve_links (path);
  guint count;

  g_mutex_lock (&protected_lock);
  count = protected != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (protected, real)) : 0;
  if (count > 1)
    g_hash_table_insert (protected, g_steal_pointer (&real), GUINT_TO_POINTER (count - 1));
  else if (count == 1)
    g_hash_table_remove (protected, real);
  g_mutex_unlock (&protected_lock);
}

/* The file asked for, as the user named it and as its links resolve. */
typedef struct
{
  const char *path;
  char *real;
  LlwOutputFlags flags;
  guint32 mode;         /* the permission bits of the file it replaces, 0 for a new one */
} Target;

/* Sets @error to say that @target cannot be written, and why. */
static gboolean
failed (GError       **error,
        int            code,
        const Target  *target,
        const char    *reason)
{
  g_autofree char *name = g_filename_display_name (target->path);
  g_autofree char *given = g_canonicalize_filename (target->path, NULL);

  if (g_strcmp0 (given, target->real) == 0)
    g_set_error (error, LLW_OUTPUT_ERROR, code, _("Cannot write “%s”: %s"), name, reason);
  else
    {
      g_autofree char *real = g_filename_display_name (target->real);

      g_set_error (error, LLW_OUTPUT_ERROR, code, _("Cannot write “%s”, which leads to “%s”: %s"),
                   name, real, reason);
    }
  return FALSE;
}

static gboolean
refuse (GError       **error,
        const Target  *target,
        const char    *reason)
{
  return failed (error, LLW_OUTPUT_ERROR_REFUSED, target, reason);
}

/* Returns: whether the file at @path begins as an SQLite database or its write-ahead log. */
static gboolean
holds_database (const char *path)
{
  static const guint8 wal_magic[][4] = { { 0x37, 0x7f, 0x06, 0x82 }, { 0x37, 0x7f, 0x06, 0x83 } };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  guint8 head[16];
  gsize n = 0;

  /* Never open anything but a file: opening a pipe would wait for a writer. */
  if (llw_file_check_regular (path, FALSE, NULL))
    in = g_file_read (file, NULL, NULL);
  if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &n, NULL,
                                              NULL))
    return FALSE;
  return (n == sizeof head && memcmp (head, "SQLite format 3", 16) == 0) ||
         (n >= 4 && (memcmp (head, wal_magic[0], 4) == 0 || memcmp (head, wal_magic[1], 4) == 0));
}

/* Returns: whether @real is a database open here, or one of its files, by name or, for
 * files that exist, by identity (a hard link has another name). */
static gboolean
is_protected (const char *real,
              const char *id)
{
  GHashTableIter iter;
  gpointer key;
  gboolean found = FALSE;

  g_mutex_lock (&protected_lock);
  if (protected != NULL)
    {
      g_hash_table_iter_init (&iter, protected);
      while (!found && g_hash_table_iter_next (&iter, &key, NULL))
        for (guint i = 0; !found && i < G_N_ELEMENTS (database_suffixes); i++)
          {
            g_autofree char *file = g_strconcat (key, database_suffixes[i], NULL);
            g_autofree char *file_id = NULL;

            found = g_strcmp0 (file, real) == 0;
            if (!found && id != NULL)
              {
                file_id = llw_file_get_id (file);
                found = g_strcmp0 (file_id, id) == 0;
              }
          }
    }
  g_mutex_unlock (&protected_lock);
  return found;
}

/* Returns: whether @real is named as a companion file (log, index, journal, lock) of a
 * database beside it. */
static gboolean
is_database_companion (const char *real)
{
  for (guint i = 1; i < G_N_ELEMENTS (database_suffixes); i++)
    {
      gsize length = strlen (real), suffix = strlen (database_suffixes[i]);

      if (length > suffix &&
          g_ascii_strcasecmp (real + length - suffix, database_suffixes[i]) == 0)
        {
          g_autofree char *database = g_strndup (real, length - suffix);

          if (is_protected (database, NULL) || holds_database (database))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
check_folder (const Target  *target,
              GError       **error)
{
  g_autofree char *folder = g_path_get_dirname (target->real);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_filename_display_name (folder);
      g_autofree char *reason = g_strdup_printf (_("the folder “%s” does not exist."), name);

      return refuse (error, target, reason);
    }
  return TRUE;
}

static gboolean
check_existing (const Target  *target,
                GFileInfo     *info,
                GError       **error)
{
  GFileType type = g_file_info_get_file_type (info);
  const char *id = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE);

  if (type == G_FILE_TYPE_DIRECTORY)
    return refuse (error, target, _("it is a folder."));
  if (type != G_FILE_TYPE_REGULAR)
    return refuse (error, target, _("it is not an ordinary file but a device, a pipe or the "
                                    "like, which an output never replaces."));
  if (is_protected (target->real, id) ||
      (holds_database (target->real) && !(target->flags & LLW_OUTPUT_REPLACES_COPY)))
    return refuse (error, target, DATABASE_REFUSED);
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) &&
      !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    return refuse (error, target, _("the file is read-only."));
  return TRUE;
}

/* Checks @target and notes the permission bits of the file it would replace. */
static gboolean
check_target (Target  *target,
              GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (target->real);
  g_autoptr(GFileInfo) info = NULL;

  target->mode = 0;
  if (!check_folder (target, error))
    return FALSE;
  if (is_database_companion (target->real) || is_protected (target->real, NULL))
    return refuse (error, target, DATABASE_REFUSED);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_ID_FILE ","
                            G_FILE_ATTRIBUTE_UNIX_MODE "," G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (info == NULL)
    return TRUE;
  if (!check_existing (target, info, error))
    return FALSE;
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    target->mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777;
  return TRUE;
}

/**
 * llw_output_check_target:
 * @path: where the user asks for an output
 *
 * Says at once whether llw_output_write () would refuse @path, as a dialog may before
 * long work.
 *
 * Returns: %TRUE if an output may replace or create @path
 */
gboolean
llw_output_check_target (const char  *path,
                         GError     **error)
{
  g_autofree char *real = NULL;
  Target target = { path, NULL, LLW_OUTPUT_NONE, 0 };

  g_return_val_if_fail (path != NULL, FALSE);

  real = target.real = llw_file_resolve_links (path);
  return check_target (&target, error);
}

/* Returns: whether @name is the name of one of our temporary files, of a writer's part file
 *   beside it, or of the journal or log SQLite keeps beside one that is a copy of the
 *   database. */
gboolean
llw_output_is_temporary_name (const char *name)
{
  gsize prefix = strlen (TEMPORARY_PREFIX), length = strlen (TEMPORARY_TEMPLATE);

  if (strlen (name) < length || strncmp (name, TEMPORARY_PREFIX, prefix) != 0 ||
      strncmp (name + length - strlen (TEMPORARY_SUFFIX), TEMPORARY_SUFFIX,
               strlen (TEMPORARY_SUFFIX)) != 0)
    return FALSE;
  for (gsize i = prefix; i < prefix + 6; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (database_suffixes) - 1; i++)
    if (g_str_equal (name + length, database_suffixes[i]))
      return TRUE;
  if (!g_str_has_prefix (name + length, LLW_OUTPUT_PART_SUFFIX))
    return FALSE;
  for (const char *p = name + length + strlen (LLW_OUTPUT_PART_SUFFIX); *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Removes the temporary files of ours that a killed run left in @folder. */
static void
remove_stale (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFileInfo) info = NULL;

      if (!llw_output_is_temporary_name (name))
        continue;
      path = g_build_filename (folder, name, NULL);
      file = g_file_new_for_path (path);
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          now - (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED)
          > STALE_SECONDS)
        g_remove (path);
    }
}

#ifdef G_OS_WIN32
/* Returns: the short (8.3) name of @folder when that is ASCII, as fopen () and _open () on
 * Windows need (they take names in the system's code page, not UTF-8); else %NULL. */
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
 * Returns: (transfer full) (nullable): a folder for a writer's scratch files that fopen ()
 *   can reach, or %NULL where the system's temporary folder will do
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

/* The folder of the temporary file: the target's. On Windows a writer that needs an ASCII
 * path gets that folder's short name, on the same volume, so that the move stays one step;
 * the temporary folder only where the target's folder has none. */
static char *
temporary_folder (const char     *real,
                  LlwOutputFlags  flags)
{
  g_autofree char *folder = g_path_get_dirname (real);

#ifdef G_OS_WIN32
  if ((flags & LLW_OUTPUT_ANSI_PATH) && !g_str_is_ascii (folder))
    {
      char *ascii = ascii_name (folder);

      if (ascii == NULL)
        ascii = llw_output_scratch_folder ();
      return ascii != NULL ? ascii : g_strdup (g_get_tmp_dir ());
    }
#endif
  return g_steal_pointer (&folder);
}

static char *
create_temporary (const Target    *target,
                  LlwOutputFlags   flags,
                  GError         **error)
{
  g_autofree char *folder = temporary_folder (target->real, flags);
  g_autofree char *temporary = g_build_filename (folder, TEMPORARY_TEMPLATE, NULL);
  int fd;

  remove_stale (folder);
  fd = g_mkstemp_full (temporary, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      failed (error, LLW_OUTPUT_ERROR_WRITE, target, g_strerror (saved_errno));
      return NULL;
    }
  g_close (fd, NULL);
  return g_steal_pointer (&temporary);
}

/* Makes the finished file reach the disk before it replaces the old one, so that a power
 * cut right after cannot leave an empty file under the target's name. */
static gboolean
flush_to_disk (const char    *temporary,
               const Target  *target,
               GError       **error)
{
  int fd = g_open (temporary, O_RDWR, 0);
  int saved_errno;

  if (fd >= 0 && g_fsync (fd) == 0)
    return g_close (fd, NULL) || failed (error, LLW_OUTPUT_ERROR_WRITE, target, g_strerror (EIO));

  saved_errno = errno;
  if (fd >= 0)
    g_close (fd, NULL);
  return failed (error, LLW_OUTPUT_ERROR_WRITE, target, g_strerror (saved_errno));
}

static gboolean
move_into_place (const char    *temporary,
                 const Target  *target,
                 GError       **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (temporary);
  g_autoptr(GFile) destination = g_file_new_for_path (target->real);
  g_autoptr(GError) local_error = NULL;

  if (target->mode != 0 &&
      !g_file_set_attribute_uint32 (source, G_FILE_ATTRIBUTE_UNIX_MODE, target->mode,
                                    G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &local_error))
    return failed (error, LLW_OUTPUT_ERROR_WRITE, target, local_error->message);

  if (g_file_move (source, destination, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                   NULL, NULL, NULL, &local_error))
    return TRUE;

#ifdef G_OS_WIN32
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_BUSY))
    return failed (error, LLW_OUTPUT_ERROR_BUSY, target,
                   _("the file is open in another program. Close it there and try again; "
                     "the file was left as it was."));
#endif
  return failed (error, LLW_OUTPUT_ERROR_WRITE, target, local_error->message);
}

/* Runs the caller's check; a check that fails without saying why says the file is
 * incomplete. */
static gboolean
check_complete (LlwOutputCheckFunc   check,
                const char          *temporary,
                const Target        *target,
                gpointer             user_data,
                GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (check (temporary, user_data, &local_error))
    return TRUE;
  return failed (error, LLW_OUTPUT_ERROR_INCOMPLETE, target,
                 local_error != NULL ? local_error->message
                                     : _("the file came out incomplete; is the disk full?"));
}

/**
 * llw_output_write:
 * @path: the file the user asked for; its links are followed
 * @flags: what the writer needs of the temporary file's name
 * @write: writes the whole output at the path it is given
 * @check: reads that file back and fails unless it is complete
 * @user_data: for @write and @check
 *
 * Writes an output file as the comment at the top of llw-output.c describes: the target is
 * checked first, and replaced in one step by a complete file, or left as it was.
 *
 * Returns: %TRUE on success; else %FALSE with @error (LLW_OUTPUT_ERROR) naming @path
 */
gboolean
llw_output_write (const char          *path,
                  LlwOutputFlags       flags,
                  LlwOutputWriteFunc   write,
                  LlwOutputCheckFunc   check,
                  gpointer             user_data,
                  GError             **error)
{
  g_autofree char *real = NULL;
  g_autofree char *temporary = NULL;
  g_autoptr(GError) local_error = NULL;
  Target target = { path, NULL, flags, 0 };
  gboolean ok;

  g_return_val_if_fail (path != NULL && write != NULL && check != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  real = target.real = llw_file_resolve_links (path);
  if (!check_target (&target, error))
    return FALSE;
  temporary = create_temporary (&target, flags, error);
  if (temporary == NULL)
    return FALSE;

  ok = write (temporary, user_data, &local_error);
  if (!ok)
    failed (error, LLW_OUTPUT_ERROR_WRITE, &target,
            local_error != NULL ? local_error->message : g_strerror (EIO));

  /* The target is looked at again just before it is replaced: it may have changed while
   * the output was written. Work stopped by the user (the thread's cancellable, see
   * g_cancellable_push_current ()) leaves the target as it was. */
  ok = ok && check_complete (check, temporary, &target, user_data, error) &&
       flush_to_disk (temporary, &target, error) && check_target (&target, error) &&
       !g_cancellable_set_error_if_cancelled (g_cancellable_get_current (), error) &&
       move_into_place (temporary, &target, error);
  if (!ok)
    g_remove (temporary);
  return ok;
}
