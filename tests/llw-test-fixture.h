/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-database.h"

G_BEGIN_DECLS

/* A new database, with the 2021 campaign, in a folder of its own. */
typedef struct
{
  char *folder;
  char *path;
  LlwDatabase *db;
  LlwCampaign *campaign;
  gint64 campaign_id;
} LlwTestFixture;

/* A new folder, where "llweek.db" is yet to be made. */
typedef struct
{
  char *folder;
  char *path;
} LlwTestFolder;

void        llw_test_folder_set_up     (LlwTestFolder  *fixture,
                                        gconstpointer   data);
void        llw_test_folder_tear_down  (LlwTestFolder  *fixture,
                                        gconstpointer   data);
void        llw_test_exec_file         (const char     *path,
                                        const char     *sql);
void        llw_test_fixture_set_up    (LlwTestFixture *fixture,
                                        gconstpointer   data);
void        llw_test_fixture_tear_down (LlwTestFixture *fixture,
                                        gconstpointer   data);
void        llw_test_exec              (LlwTestFixture *fixture,
                                        const char     *sql);
void        llw_test_remove_folder     (const char     *folder);
char       *llw_test_query             (LlwTestFixture *fixture,
                                        const char     *sql);
char       *llw_test_query_file        (const char     *path,
                                        const char     *sql);
char       *llw_test_schema_before     (const char     *text);
char       *llw_test_dump_path         (const char     *path);
char       *llw_test_dump_alone        (const char     *path);
GHashTable *llw_test_values            (const char     *first,
                                        ...) G_GNUC_NULL_TERMINATED;
char       *llw_test_snapshot          (const char     *folder,
                                        const char     *database);
int         llw_test_compare_strings   (gconstpointer   a,
                                        gconstpointer   b);
void        llw_test_assert_same_record (GObject       *a,
                                         GObject       *b);

G_END_DECLS
