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

void        llw_test_fixture_set_up    (LlwTestFixture *fixture,
                                        gconstpointer   data);
void        llw_test_fixture_tear_down (LlwTestFixture *fixture,
                                        gconstpointer   data);
void        llw_test_exec              (LlwTestFixture *fixture,
                                        const char     *sql);
void        llw_test_remove_folder     (const char     *folder);
char       *llw_test_query             (LlwTestFixture *fixture,
                                        const char     *sql);
char       *llw_test_dump_path         (const char     *path);
char       *llw_test_dump_alone        (const char     *path);
GHashTable *llw_test_values            (const char     *first,
                                        ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
