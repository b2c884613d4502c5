/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a reports CSV file, read and checked against the 2021
 * campaign and, when they pass, applied as a dry run. */
#include "config.h"

#include <glib/gstdio.h>

#include "llw-import.h"

static LlwDatabase *db;
static LlwCampaign *campaign;

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(LlwImport) import = NULL;

  if (db == NULL)
    {
      g_autofree char *folder = g_dir_make_tmp ("llweek-fuzz-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (folder, "fuzz.db", NULL);

      g_setenv ("LLWEEK_TODAY", "2021-10-25", TRUE);
      db = llw_database_open (path, NULL);
      campaign = llw_database_get_campaign (db, 0, NULL);
      g_assert (campaign != NULL);
    }

  import = llw_import_new (db, campaign);
  if (llw_import_read (import, (const char *) data, size, NULL))
    g_assert (llw_import_apply (import, TRUE, NULL));
  else
    g_assert (llw_import_get_problems (import)->len > 0);
  return 0;
}
