/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-checklist.h"

G_BEGIN_DECLS

/* What the layout reads. Every text is NFC and interned in the checklist's string chunk,
 * so that two cells hold the same pointer exactly when they hold the same text. */
typedef struct
{
  const char *header;
  const char *sample;       /* sizes the column to fit this text; NULL: a share of the rest */
  double weight;
  PangoAlignment align;
  guint max_lines;          /* 0: as many as the text needs */
  LlwChecklistColumnFlags flags;
} LlwChecklistColumn;

typedef struct
{
  guint8 kind;              /* LlwChecklistRowKind */
  guint8 box;               /* LlwChecklistBox */
} LlwChecklistRow;

struct _LlwChecklist
{
  GObject parent_instance;

  GStringChunk *strings;
  const char *parent_body;
  const char *issuing_body;
  const char *office;
  const char *printed_on;
  const char *title;
  const char *subtitle;
  const char *note;
  guint min_row_lines;

  GArray *columns;          /* LlwChecklistColumn */
  GArray *rows;             /* LlwChecklistRow */
  GPtrArray *cells;         /* n_rows × n_columns texts, NULL for an empty cell */
};

G_END_DECLS
