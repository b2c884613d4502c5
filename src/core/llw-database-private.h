/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "llw-database.h"

G_BEGIN_DECLS

struct _LlwDatabase
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  int schema_version;
};

void          llw_database_set_error    (LlwDatabase  *self,
                                         GError      **error,
                                         const char   *what);
sqlite3_stmt *llw_database_prepare      (LlwDatabase  *self,
                                         const char   *sql,
                                         GError      **error);
gboolean      llw_database_exec         (LlwDatabase  *self,
                                         const char   *sql,
                                         GError      **error);
gboolean      llw_database_step_done    (LlwDatabase  *self,
                                         sqlite3_stmt *stmt,
                                         GError      **error);
gboolean      llw_database_seed_default (LlwDatabase  *self,
                                         GError      **error);

void          llw_stmt_bind_text        (sqlite3_stmt *stmt,
                                         int           index,
                                         const char   *text);
void          llw_stmt_bind_optional    (sqlite3_stmt *stmt,
                                         int           index,
                                         const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
