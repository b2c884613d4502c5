/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "llw-deletion.h"

G_BEGIN_DECLS

/* One row as it was before the delete, to be inserted again by an undo. */
typedef struct
{
  char *table;
  GPtrArray *columns;  /* char * */
  GPtrArray *values;   /* sqlite3_value *, owned */
} LlwSavedRow;

/* A reference the delete set to NULL, to be put back by an undo. */
typedef struct
{
  char *table;
  char *column;
  gint64 id;
  gint64 value;
} LlwSavedLink;

struct _LlwDeletion
{
  GObject parent_instance;

  char *table;
  gint64 id;
  gint64 campaign_id;
  char *label;
  GPtrArray *rows;      /* LlwSavedRow *, the record first, then what depends on it */
  GArray *links;        /* LlwSavedLink */
  gboolean done;
};

LlwDeletion *llw_deletion_new        (const char  *table,
                                      gint64       id,
                                      gint64       campaign_id);
void         llw_deletion_reset      (LlwDeletion *self);
void         llw_deletion_add_row    (LlwDeletion *self,
                                      const char  *table,
                                      sqlite3_stmt *stmt);
void         llw_deletion_add_link   (LlwDeletion *self,
                                      const char  *table,
                                      const char  *column,
                                      gint64       id,
                                      gint64       value);

G_END_DECLS
