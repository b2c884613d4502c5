/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "llw-backup-folder.h"
#include "llw-database-private.h"
#include "llw-file.h"

/* The backups/ folder beside a database, shared by every database of that folder and by
 * whatever the user puts there. A backup of the database BASE.db is named
 *
 *   BASE-YYYYMMDD-HHMMSS[-FINGERPRINT][-TAG][-N].db
 *
 * FINGERPRINT: 16 hexadecimal digits that stand for the data it holds (see
 *   llw-database-backup.c), so that states are told apart without reading the files;
 * TAG: why it is kept until the user deletes it: truoc-khoi-phuc (taken before a restore),
 *   truoc-nang-cap (before the file was updated to a new version), truoc-tao-dot-moi (before
 *   a campaign was copied into a new one), truoc-phuc-hoi (the file as a crash left it,
 *   with its -wal, -shm or -journal beside it, before recovery);
 * N: tells apart two recovery copies of one second.
 *
 * Pruning deletes only files that match this pattern for BASE exactly and that are what
 * llweek writes there (an llweek database, or a log of one): never another database's
 * backups, never a file the user put in the folder. It keeps every backup with a tag but
 * the recovery copies, of which the ten latest stay; and of the others the latest of each
 * of the last ten distinct states, and the latest of every month. */

#define KEEP_DISTINCT 10
#define KEEP_RECOVERIES 10
#define FINGERPRINT_LENGTH 16

static const char *const tags[] = {
  [LLW_BACKUP_REGULAR] = NULL,
  [LLW_BACKUP_BEFORE_RESTORE] = "truoc-khoi-phuc",
  [LLW_BACKUP_BEFORE_MIGRATION] = "truoc-nang-cap",
  [LLW_BACKUP_BEFORE_CAMPAIGN_COPY] = "truoc-tao-dot-moi",
  [LLW_BACKUP_BEFORE_RECOVERY] = "truoc-phuc-hoi",
};

static const char *const log_suffixes[] = { "", "-wal", "-shm", "-journal" };

/* Returns: the name its backups start with: the database's file name without ".db". */
char *
llw_backup_base_name (const char *database_path)
{
  char *base = g_path_get_basename (database_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  return base;
}

char *
llw_backup_make_name (const char      *base,
                      const char      *stamp,
                      const char      *fingerprint,
                      LlwBackupReason  reason,
                      guint            counter)
{
  GString *name = g_string_new (base);

  g_string_append_printf (name, "-%s", stamp);
  if (fingerprint != NULL)
    g_string_append_printf (name, "-%s", fingerprint);
  if (tags[reason] != NULL)
    g_string_append_printf (name, "-%s", tags[reason]);
  if (counter > 0)
    g_string_append_printf (name, "-%u", counter);
  g_string_append (name, ".db");
  return g_string_free (name, FALSE);
}

static gboolean
all_of (const char *p,
        gsize       n,
        gboolean  (*is) (gchar))
{
  for (gsize i = 0; i < n; i++)
    if (p[i] == '\0' || !is (p[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_digit (gchar c)
{
  return g_ascii_isdigit (c);
}

static gboolean
is_hex (gchar c)
{
  return g_ascii_isdigit (c) || (c >= 'a' && c <= 'f');
}

/* Whether @p starts with "-" and @word, followed by "-" or ".". */
static gboolean
next_part (const char *p,
           const char *word)
{
  gsize n = strlen (word);

  return p[0] == '-' && strncmp (p + 1, word, n) == 0 && (p[1 + n] == '-' || p[1 + n] == '.');
}

/**
 * llw_backup_parse_name:
 * @base: the database's base name (llw_backup_base_name ())
 * @name: a file name in the backups folder
 * @backup: (out caller-allocates): what the name tells, when it matches
 * @log_suffix: (out) (optional): "" for the backup itself, or "-wal", "-shm", "-journal"
 *
 * Returns: whether @name is exactly the name of a backup of @base or of one of its logs
 */
gboolean
llw_backup_parse_name (const char  *base,
                       const char  *name,
                       LlwBackup   *backup,
                       const char **log_suffix)
{
  gsize length = strlen (base);
  const char *p = name + length + 1;
  g_autofree char *fingerprint = NULL;
  LlwBackupReason reason = LLW_BACKUP_REGULAR;

  if (strncmp (name, base, length) != 0 || name[length] != '-' ||
      !all_of (p, 8, is_digit) || p[8] != '-' || !all_of (p + 9, 6, is_digit))
    return FALSE;
  p += 15;

  if (p[0] == '-' && all_of (p + 1, FINGERPRINT_LENGTH, is_hex) &&
      (p[1 + FINGERPRINT_LENGTH] == '-' || p[1 + FINGERPRINT_LENGTH] == '.'))
    {
      fingerprint = g_strndup (p + 1, FINGERPRINT_LENGTH);
      p += 1 + FINGERPRINT_LENGTH;
    }
  for (guint i = 1; i < G_N_ELEMENTS (tags); i++)
    if (next_part (p, tags[i]))
      {
        reason = (LlwBackupReason) i;
        p += 1 + strlen (tags[i]);
        break;
      }
  if (p[0] == '-')
    {
      gsize digits = 0;

      while (digits < 4 && g_ascii_isdigit (p[1 + digits]))
        digits++;
      if (digits == 0 || digits > 3 || p[1 + digits] != '.')
        return FALSE;
      p += 1 + digits;
    }
  if (strncmp (p, ".db", 3) != 0)
    return FALSE;
  p += 3;

  for (guint i = 0; i < G_N_ELEMENTS (log_suffixes); i++)
    if (g_str_equal (p, log_suffixes[i]))
      {
        backup->name = g_strndup (name, (gsize) (p - name));
        backup->stamp = g_strndup (name + length + 1, 15);
        backup->fingerprint = g_steal_pointer (&fingerprint);
        backup->reason = reason;
        backup->modified = 0;
        if (log_suffix != NULL)
          *log_suffix = log_suffixes[i];
        return TRUE;
      }
  return FALSE;
}

void
llw_backup_clear (LlwBackup *backup)
{
  g_clear_pointer (&backup->name, g_free);
  g_clear_pointer (&backup->stamp, g_free);
  g_clear_pointer (&backup->fingerprint, g_free);
}

static void
backup_free (LlwBackup *backup)
{
  llw_backup_clear (backup);
  g_free (backup);
}

static gint64
modified (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL,
                                                 NULL);

  if (info == NULL)
    return 0;
  return (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) *
         G_USEC_PER_SEC +
         g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
}

/* Newest first: by the time in the name, then, within a second, by the file's time. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const LlwBackup *x = *(LlwBackup * const *) a;
  const LlwBackup *y = *(LlwBackup * const *) b;
  int by_stamp = strcmp (y->stamp, x->stamp);

  if (by_stamp != 0)
    return by_stamp;
  return y->modified < x->modified ? -1 : y->modified > x->modified;
}

/**
 * llw_backup_folder_list:
 * @folder: a backups folder
 * @base: the database's base name
 *
 * Returns: (transfer full) (element-type LlwBackup): the backups of @base in @folder,
 *   newest first, as their names tell (their logs are not listed)
 */
GPtrArray *
llw_backup_folder_list (const char *folder,
                        const char *base)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *backups = g_ptr_array_new_with_free_func ((GDestroyNotify) backup_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      LlwBackup *backup = g_new0 (LlwBackup, 1);
      const char *log_suffix = NULL;

      if (llw_backup_parse_name (base, name, backup, &log_suffix) && *log_suffix == '\0')
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);

          backup->modified = modified (path);
          g_ptr_array_add (backups, backup);
        }
      else
        backup_free (backup);
    }
  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

/* Returns: whether the file at @path is what llweek writes in the backups folder under a
 *   name with @log_suffix: an llweek database, or the log or journal of one. */
static gboolean
is_ours (const char *path,
         const char *log_suffix)
{
  static const guint8 wal_magic[] = { 0x37, 0x7f, 0x06 };
  static const guint8 journal_magic[] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  guint8 head[100];
  gsize n = 0;

  if (!llw_file_check_regular (path, FALSE, NULL) ||
      (in = g_file_read (file, NULL, NULL)) == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &n, NULL, NULL))
    return FALSE;
  if (g_str_equal (log_suffix, ""))
    return n == sizeof head && memcmp (head, "SQLite format 3", 16) == 0 &&
           memcmp (head + 68, LLW_APPLICATION_ID_BYTES, 4) == 0;
  if (g_str_equal (log_suffix, "-wal"))
    return n == 0 || (n >= 4 && memcmp (head, wal_magic, 3) == 0 && (head[3] & 0xfe) == 0x82);
  if (g_str_equal (log_suffix, "-journal"))
    return n == 0 || (n >= 8 && memcmp (head, journal_magic, 8) == 0) || head[0] == 0;
  return TRUE;   /* -shm: an index with no mark of its own, deleted with its database */
}

/* Deletes a backup and its logs, if they are llweek's. */
static void
delete_backup (const char      *folder,
               const LlwBackup *backup)
{
  g_autofree char *path = g_build_filename (folder, backup->name, NULL);

  if (!is_ours (path, ""))
    return;
  for (guint i = 1; i < G_N_ELEMENTS (log_suffixes); i++)
    {
      g_autofree char *log = g_strconcat (path, log_suffixes[i], NULL);

      if (g_file_test (log, G_FILE_TEST_EXISTS) && is_ours (log, log_suffixes[i]))
        g_remove (log);
    }
  g_remove (path);
}

/* Returns: whether @backup is kept: see the comment at the top of this file. */
static gboolean
keep (const LlwBackup *backup,
      GHashTable      *states,
      GHashTable      *months,
      guint           *n_distinct)
{
  g_autofree char *month = g_strndup (backup->stamp, 6);
  const char *state = backup->fingerprint != NULL ? backup->fingerprint : backup->name;

  if (g_hash_table_contains (states, state))
    return FALSE;
  if (*n_distinct < KEEP_DISTINCT)
    (*n_distinct)++;
  else if (g_hash_table_contains (months, month))
    return FALSE;

  g_hash_table_add (states, g_strdup (state));
  g_hash_table_add (months, g_steal_pointer (&month));
  return TRUE;
}

/**
 * llw_backup_folder_prune:
 * @folder: a backups folder
 * @base: the base name of the database whose backups are pruned, and no other's
 *
 * Deletes the backups of @base that are no longer kept (see the comment at the top).
 */
void
llw_backup_folder_prune (const char *folder,
                         const char *base)
{
  g_autoptr(GPtrArray) backups = llw_backup_folder_list (folder, base);
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_distinct = 0, n_recoveries = 0;

  /* A state or a month a kept backup holds needs no other. */
  for (guint i = 0; i < backups->len; i++)
    {
      LlwBackup *backup = g_ptr_array_index (backups, i);

      if (backup->reason != LLW_BACKUP_REGULAR && backup->reason != LLW_BACKUP_BEFORE_RECOVERY)
        {
          if (backup->fingerprint != NULL)
            g_hash_table_add (states, g_strdup (backup->fingerprint));
          g_hash_table_add (months, g_strndup (backup->stamp, 6));
        }
    }

  for (guint i = 0; i < backups->len; i++)
    {
      LlwBackup *backup = g_ptr_array_index (backups, i);
      gboolean kept;

      if (backup->reason == LLW_BACKUP_BEFORE_RECOVERY)
        kept = n_recoveries++ < KEEP_RECOVERIES;
      else if (backup->reason == LLW_BACKUP_REGULAR)
        kept = keep (backup, states, months, &n_distinct);
      else
        kept = TRUE;

      if (!kept)
        delete_backup (folder, backup);
    }
}
