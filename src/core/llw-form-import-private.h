/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-database-private.h"
#include "llw-form-import.h"

G_BEGIN_DECLS

/* One returned file of the batch, as checked. */
typedef struct
{
  LlwReportInput *input;      /* NULL for a file that could not be read at all, */
  char *unreadable;           /* and why */
  char *file_name;
  char *sha256;
  char *received;             /* ISO; the day the import runs unless the user changed it */
  gint64 unit_id;             /* 0 until the form's identity is known and good */
  gint64 report_id;           /* the report it replaces, 0 for none */
  GHashTable *fields;         /* report column → text, for llw_database_save_report () */
  GHashTable *figures;        /* indicator code → text */
  GPtrArray *activities;      /* activity column → text, for llw_database_insert () */
  LlwPlannedReport *plan;
} LlwFormEntry;

struct _LlwFormImport
{
  GObject parent_instance;

  LlwDatabase *db;
  LlwCampaign *campaign;
  GPtrArray *entries;         /* LlwFormEntry */
  GPtrArray *problems;        /* "file › sheet › cell: message" */
  guint n_problems;
  GListStore *plan;           /* LlwPlannedReport of every entry, once checked clean */
  GHashTable *indicators;     /* code → LlwIndicatorInfo */
  GPtrArray *codes;           /* the indicators' codes in the catalogue's order */
  GHashTable *themes;         /* title key or number → id */
  GHashTable *theme_titles;   /* id as text → title */
  GHashTable *kinds;          /* title key → id */
  GHashTable *new_themes;     /* title key → title proposed by a unit, id once created */
  GHashTable *new_theme_ids;  /* title key → id, during apply */
  gboolean checked;
  gboolean applied;
  guint created, replaced, figures, activities;
};

void     llw_form_import_add_problem  (LlwFormImport *self,
                                       LlwFormEntry  *entry,
                                       const char    *key,
                                       const char    *message);
gint64   llw_form_import_find_id      (GHashTable    *table,
                                       const char    *text);

/* llw-form-import-values.c */
gboolean llw_form_import_check_values (LlwFormImport *self,
                                       LlwFormEntry  *entry,
                                       GError       **error);

/* llw-form-import-apply.c */
gboolean llw_form_import_write        (LlwFormImport *self,
                                       GError       **error);

G_END_DECLS
