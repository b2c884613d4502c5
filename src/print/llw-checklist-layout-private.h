/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-checklist-layout.h"
#include "llw-checklist-private.h"
#include "llw-shaper.h"

G_BEGIN_DECLS

/* Shared by the layout (llw-checklist-layout.c) and its drawing
 * (llw-checklist-layout-draw.c). */

#define PAD_X 3.0          /* inside a cell, in points */
#define PAD_Y 3.0
#define BOX_SIZE 9.0
#define RULE_WIDTH 0.5
#define GAP_AFTER_HEADER 14.0
#define GAP_AFTER_TITLE 10.0
#define EPSILON 0.01

/* How a column's cells are set; each keeps the texts it broke, by interned text. */
typedef struct
{
  LlwFont font;
  double width;
  guint max_lines;
  GHashTable *texts;   /* const char * → LlwText */
} Format;

typedef struct
{
  LlwText *text;
  double x;
  double y;
  double width;
  PangoAlignment align;
} HeadingLine;

typedef struct
{
  double x1;
  double x2;
  double y;
} Rule;

struct _LlwChecklistLayout
{
  GObject parent_instance;

  LlwChecklist *checklist;
  LlwPageGeometry page;
  LlwShaper *shaper;

  guint n_columns;
  double *edges;             /* n_columns + 1 */
  Format *formats;           /* one per column */
  Format number_format;      /* the numeral of a group */
  Format span_formats[LLW_CHECKLIST_ROW_NOTE + 1];
  LlwText **header;
  double header_height;

  GArray *heading;           /* HeadingLine */
  GArray *rules;             /* Rule */
  double heading_height;

  const LlwText **cells;     /* n_rows × n_columns, owned by the formats */
  float *heights;
  guint *lines;              /* of each row: its tallest cell's */
  guint n_measured;
  GArray *page_starts;       /* first row of each page, then n_rows; empty until paginated */
  GArray *page_lines;        /* the line the first row starts at on each page: 0, or where a
                              * row taller than a page goes on, then 0 */
};

/* The lines of row @r that page @page shows: a row taller than a page is cut between pages,
 * and goes on under "(tiếp theo)". */
typedef struct
{
  guint first_line;
  guint end_line;
  gboolean continued;        /* the row began on an earlier page */
  double height;
} Slice;

gboolean llw_checklist_layout_get_slice (LlwChecklistLayout *self,
                                         guint               page,
                                         guint               row,
                                         Slice              *slice);
guint    llw_checklist_layout_get_page_end (LlwChecklistLayout *self,
                                            guint               page);

static inline double
line_height (LlwChecklistLayout *self,
             LlwFont             font)
{
  return llw_shaper_get_line_height (self->shaper, font);
}

static inline double
text_height (LlwChecklistLayout *self,
             const LlwText      *text)
{
  return text != NULL ? text->n_lines * line_height (self, text->font) : 0;
}

static inline const LlwChecklistColumn *
get_column (LlwChecklistLayout *self,
            guint               i)
{
  return &g_array_index (self->checklist->columns, LlwChecklistColumn, i);
}

static inline const LlwChecklistRow *
get_row (LlwChecklistLayout *self,
         guint               i)
{
  return &g_array_index (self->checklist->rows, LlwChecklistRow, i);
}

static inline double
cell_width (LlwChecklistLayout *self,
            guint               first,
            guint               last)
{
  return self->edges[last + 1] - self->edges[first] - 2 * PAD_X;
}

static inline double
rows_top (LlwChecklistLayout *self,
          guint               page)
{
  return self->page.top + (page == 0 ? self->heading_height : 0) + self->header_height;
}

G_END_DECLS
