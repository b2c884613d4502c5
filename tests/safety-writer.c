/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saves records as fast as it can and prints the number of each save once it is confirmed,
 * so that tests/test-safety.c can kill it at any moment and check that every confirmed save
 * is still there. Usage: safety-writer DATABASE FIRST-NUMBER [import]
 * It prints "ready" once the database is open, before its first save, so that kills can be
 * timed from there. With "import", each save is an import that gives every assigned unit
 * the figure A1 = N. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "llw-database.h"
#include "llw-import.h"
#include "llw-unit.h"

/* A file setting the figure A1 of every assigned unit to @n. */
static char *
make_csv (GListModel *units,
          long        n)
{
  GString *csv = g_string_new ("unit,received_date,A1\n");

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(LlwUnit) unit = g_list_model_get_item (units, i);

      if (llw_unit_get_assigned (unit))
        g_string_append_printf (csv, "%s,20/10/2021,%ld\n", llw_unit_get_code (unit), n);
    }
  return g_string_free (csv, FALSE);
}

static gboolean
save_import (LlwDatabase *db,
             LlwCampaign *campaign,
             GListModel  *units,
             long         n,
             GError     **error)
{
  g_autoptr(LlwImport) import = llw_import_new (db, campaign);
  g_autofree char *csv = make_csv (units, n);

  return llw_import_read (import, csv, strlen (csv), error) &&
         llw_import_apply (import, FALSE, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwDatabase) db = NULL;
  g_autoptr(LlwCampaign) campaign = NULL;
  g_autoptr(GListModel) units = NULL;
  gboolean import = argc == 4 && g_str_equal (argv[3], "import");
  long n;

  if (argc < 3)
    return 2;
  g_setenv ("LLWEEK_TODAY", "2021-10-25", TRUE);
  db = llw_database_open (argv[1], &error);
  if (db != NULL)
    campaign = llw_database_get_campaign (db, 0, &error);
  if (campaign != NULL)
    units = llw_database_list_units (db, campaign, &error);
  if (units == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  printf ("ready\n");
  fflush (stdout);

  for (n = atol (argv[2]);; n++)
    {
      g_autoptr(GHashTable) input = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      gboolean saved;

      g_hash_table_insert (input, "name", g_strdup_printf ("Đơn vị thử %ld", n));
      g_hash_table_insert (input, "unit_group", g_strdup ("other"));
      if (import)
        saved = save_import (db, campaign, units, n, &error);
      else
        saved = llw_database_insert (db, &llw_entity_unit, 0, input, NULL, &error) > 0;
      if (!saved)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("%ld\n", n);
      fflush (stdout);
    }
}
