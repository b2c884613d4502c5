/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "llw-deletion.h"

G_BEGIN_DECLS

/* One row as it was before the delete, to be inserted again by an undo. */
typedef struct
{
  char *table;
  gint64 campaign_id;  /* the campaign the row belongs to (its own, or its parent's), or 0 */
  gboolean root;       /* deleted by itself, not as what depends on another row */
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
  gint64 campaign_id;
} LlwSavedLink;

struct _LlwDeletion
{
  GObject parent_instance;

  char *table;
  gint64 id;
  gint64 campaign_id;   /* the campaign whose tab asked, or 0 for every campaign */
  gboolean everywhere;  /* asked for: the record and everything it has in every campaign */
  gboolean keep;        /* asked for: only its records of the campaign, never the record */
  gboolean whole;       /* the record itself goes, not only its records of the campaign */
  char *label;
  GPtrArray *rows;      /* LlwSavedRow *: the record first when it goes, then what depends on
                         * it; or only its records of the campaign */
  GArray *links;        /* LlwSavedLink */
  GHashTable *years;    /* campaign id (gint64 *) → its year */
  GArray *kept;         /* gint64: the other campaigns where the record has rows and stays */
  gboolean done;
};

LlwDeletion *llw_deletion_new        (const char   *table,
                                      gint64        id,
                                      gint64        campaign_id);
void         llw_deletion_reset      (LlwDeletion  *self);
void         llw_deletion_set_label  (LlwDeletion  *self,
                                      sqlite3_stmt *stmt);
void         llw_deletion_add_row    (LlwDeletion  *self,
                                      const char   *table,
                                      sqlite3_stmt *stmt,
                                      gint64        campaign_id,
                                      gboolean      root);
void         llw_deletion_add_link   (LlwDeletion  *self,
                                      const char   *table,
                                      const char   *column,
                                      gint64        id,
                                      gint64        value,
                                      gint64        campaign_id);
void         llw_deletion_set_year   (LlwDeletion  *self,
                                      gint64        campaign_id,
                                      int           year);
char        *llw_deletion_describe_campaigns (LlwDeletion *self,
                                              GArray      *campaign_ids);

G_END_DECLS
