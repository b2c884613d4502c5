/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-report-layout.h"
#include "llw-shaper.h"

G_BEGIN_DECLS

/* Shared by the layout (llw-report-layout.c, llw-report-layout-tables.c) and its drawing
 * (llw-report-layout-draw.c). Lengths are in points. */

#define PAD_X 3.0
#define PAD_Y 2.5
#define RULE_WIDTH 0.5
#define INDENT 28.0              /* a paragraph's first line, 1 cm */
#define PARAGRAPH_SPACE 6.0

/* Something set on a page of the report's body: lines of a text, or a rule. */
typedef struct
{
  LlwText *text;                 /* NULL for a rule */
  double x;
  double y;
  double width;
  PangoAlignment align;
  gboolean justify;
  guint first_line;              /* a paragraph cut by a page shows some of its lines */
  guint n_lines;
} Placed;

/* One column of a part of an annex's table, as placed on its pages. */
typedef struct
{
  guint column;                  /* in the table */
  double x;
  double width;
} PlacedColumn;

/* One part of an annex's table: its columns and its header, set once for all its pages. */
typedef struct
{
  const LlwReportAnnex *annex;
  guint band;
  GArray *columns;               /* PlacedColumn */
  GPtrArray *title;              /* Placed: label, title, groups, Kèm theo */
  double title_height;
  GPtrArray *header;             /* Placed: the header's cells, y from the header's top */
  GArray *header_rules;          /* PlacedColumn under a span: a rule over it */
  double header_height;
  double span_height;            /* of the spans' row, 0 without */
  const float *heights;          /* of the table's rows, shared by its parts */
} Part;

typedef struct
{
  gboolean landscape;
  guint number;                  /* within its document or annex part, from 1 */
  Part *part;                    /* NULL on a page of the body */
  guint first;                   /* body: first Placed; table: first row */
  guint end;
} Page;

struct _LlwReportLayout
{
  GObject parent_instance;

  LlwReportDocument *document;
  LlwPageGeometry portrait;
  LlwPageGeometry landscape;
  LlwShaper *shaper;

  GPtrArray *placed;             /* Placed of the body, in page order */
  GPtrArray *texts;              /* LlwText the Placed show */
  GPtrArray *parts;              /* Part */
  GPtrArray *row_heights;        /* float[] per annex */
  GArray *pages;                 /* Page */
  gboolean paginated;
};

void   llw_report_layout_set_body   (LlwReportLayout *self);
void   llw_report_layout_set_tables (LlwReportLayout *self);
void   llw_report_layout_draw       (LlwReportLayout *self,
                                     cairo_t         *cr,
                                     guint            page);
double llw_report_layout_line_height (LlwReportLayout *self,
                                      LlwFont          font);
void   llw_report_layout_part_free  (gpointer         data);

G_END_DECLS
