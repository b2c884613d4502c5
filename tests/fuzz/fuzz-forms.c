/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: any bytes as a returned form, read by the forms library (libgsf's zip
 * reader, libxml2's streaming reader) and, when it reads, checked as a batch of one against
 * the 2021 campaign, whose database has issued the seed forms' token. */
#include "config.h"

#include <sqlite3.h>

#include "llw-form-import.h"
#include "llw-form-reader.h"

/* The token of the forms in corpus/forms. */
#define SEED_TOKEN "00000000-0000-4000-8000-00000000f022"

static LlwDatabase *db;
static LlwCampaign *campaign;

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Records the seeds' token as a form made for UBND huyện Hòn Đất, so that their values are
 * checked too, not only their identity. */
static void
issue_seed_token (const char *path)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO issued_form (campaign_id, unit_id, token, made_at, "
                                 "unit_name) SELECT 1, id, '" SEED_TOKEN "', '2021-10-20', name "
                                 "FROM unit "
                                 "WHERE name = 'UBND huyện Hòn Đất'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (handle);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LlwFormImport) import = NULL;
  LlwReportInput *input;

  if (db == NULL)
    {
      g_autofree char *folder = g_dir_make_tmp ("llweek-fuzz-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (folder, "fuzz.db", NULL);

      g_setenv ("LLWEEK_TODAY", "2021-10-25", TRUE);
      g_clear_object (&db);
      db = llw_database_open (path, NULL);
      g_assert (db != NULL);
      issue_seed_token (path);
      campaign = llw_database_get_campaign (db, 2021, NULL);
      g_assert (campaign != NULL);
    }

  bytes = g_bytes_new (data, size);
  input = llw_form_read (bytes, "fuzz.xlsx", NULL);
  if (input == NULL)
    return 0;

  import = llw_form_import_new (db, campaign);
  llw_form_import_add (import, input);
  if (llw_form_import_check (import, NULL))
    g_assert_cmpuint (llw_form_import_get_problems (import)->len, ==, 0);
  else
    g_assert_cmpuint (llw_form_import_get_problems (import)->len, >, 0);
  return 0;
}
