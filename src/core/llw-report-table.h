/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LLW_ALIGN_LEFT,
  LLW_ALIGN_CENTER,
  LLW_ALIGN_RIGHT,
} LlwAlign;

typedef enum
{
  LLW_CELL_EMPTY,     /* nothing written: a figure not reported, which is not 0 */
  LLW_CELL_TEXT,
  LLW_CELL_NUMBER,
  LLW_CELL_DATE,      /* text holds the ISO date */
} LlwCellKind;

typedef struct
{
  LlwCellKind kind;
  const char *text;   /* owned by the table */
  double number;
  int decimals;
} LlwCell;

typedef enum
{
  LLW_ROW_ITEM,       /* a unit, an indicator, an activity */
  LLW_ROW_GROUP,      /* a numeral, the group's name and its subtotals, in bold */
  LLW_ROW_TOTAL,      /* "Tổng cộng", in bold */
} LlwRowKind;

/* What a column's figures are, for a spreadsheet to write them as formulas. */
typedef enum
{
  LLW_COLUMN_PLAIN,
  LLW_COLUMN_SUM,           /* a group row sums its items, the total row the groups (or the
                             * items of a table without groups) */
  LLW_COLUMN_COUNT,         /* the total row counts the items that have a value */
  LLW_COLUMN_GROUP_TOTAL,   /* the subtotal of one group of units of Phụ lục II (column's
                             * group) for the row's indicator */
  LLW_COLUMN_OVERALL,       /* the sum of the row's GROUP_TOTAL columns */
  LLW_COLUMN_REPORTED,      /* how many units of Phụ lục II reported the row's indicator */
  LLW_COLUMN_PREVIOUS,      /* last year's figure */
  LLW_COLUMN_CHANGE,        /* OVERALL minus PREVIOUS */
} LlwColumnRole;

/* Columns repeated in every part of a table split across pages: TT and Đơn vị. */
#define LLW_BAND_ALL G_MAXUINT

typedef struct
{
  const char *title;
  const char *span;         /* a heading over this column and its neighbours with the same
                             * one (an indicator group), or NULL */
  double width;             /* in points, for text of 11 pt */
  LlwAlign align;
  LlwColumnRole role;
  guint band;               /* the part of the table it prints in, or LLW_BAND_ALL */
  int group;                /* LLW_COLUMN_GROUP_TOTAL: the LlwUnitGroup */
} LlwReportColumn;

typedef struct
{
  guint8 kind;              /* LlwRowKind */
  guint index;              /* of the unit, indicator, activity or group the row shows */
} LlwReportRow;

#define LLW_TYPE_REPORT_TABLE (llw_report_table_get_type ())
G_DECLARE_FINAL_TYPE (LlwReportTable, llw_report_table, LLW, REPORT_TABLE, GObject)

typedef void (*LlwReportCellFunc) (LlwReportTable *table,
                                   guint           row,
                                   guint           column,
                                   LlwCell        *cell,
                                   gpointer        user_data);

LlwReportTable        *llw_report_table_new             (LlwReportCellFunc      func,
                                                         gpointer               user_data,
                                                         GDestroyNotify         destroy);
void                   llw_report_table_add_column      (LlwReportTable        *self,
                                                         const LlwReportColumn *column);
void                   llw_report_table_add_row         (LlwReportTable        *self,
                                                         LlwRowKind             kind,
                                                         guint                  index);
const char            *llw_report_table_intern          (LlwReportTable        *self,
                                                         const char            *text);
void                   llw_report_table_split           (LlwReportTable        *self,
                                                         double                 width);

guint                  llw_report_table_get_n_columns   (LlwReportTable        *self);
const LlwReportColumn *llw_report_table_get_column      (LlwReportTable        *self,
                                                         guint                  column);
guint                  llw_report_table_get_n_rows      (LlwReportTable        *self);
const LlwReportRow    *llw_report_table_get_row         (LlwReportTable        *self,
                                                         guint                  row);
void                   llw_report_table_get_cell        (LlwReportTable        *self,
                                                         guint                  row,
                                                         guint                  column,
                                                         LlwCell               *cell);
guint                  llw_report_table_get_n_bands     (LlwReportTable        *self);
gboolean               llw_report_table_in_band         (LlwReportTable        *self,
                                                         guint                  column,
                                                         guint                  band);
char                  *llw_report_table_describe_band   (LlwReportTable        *self,
                                                         guint                  band);
guint                  llw_report_table_get_band_columns (LlwReportTable       *self,
                                                         guint                  band,
                                                         guint                 *columns);

const char            *llw_cell_to_text                 (const LlwCell         *cell,
                                                         char                  *buffer,
                                                         gsize                  size);

G_END_DECLS
