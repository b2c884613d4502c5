/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a database file. Opening must either succeed, giving a
 * campaign, or fail with a message, and never crash. */
#include "config.h"

#include <glib/gstdio.h>

#include "llw-database.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
remove_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal", ".lock" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static char *path;
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_autofree char *folder = g_dir_make_tmp ("llweek-fuzz-XXXXXX", NULL);

      path = g_build_filename (folder, "fuzz.db", NULL);
    }

  remove_files (path);
  g_assert (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));
  db = llw_database_open (path, &error);
  if (db != NULL)
    {
      g_autoptr(LlwCampaign) campaign = llw_database_get_campaign (db, 0, NULL);
      g_autoptr(GListModel) campaigns = llw_database_list_campaigns (db, NULL);

      (void) campaign;
      (void) campaigns;
    }
  else
    g_assert (error != NULL && error->message[0] != '\0');
  g_clear_object (&db);
  remove_files (path);
  return 0;
}
