/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <xlsxwriter.h>

#include "llw-report-document.h"
#include "llw-text-metrics.h"

G_BEGIN_DECLS

/* The workbook is a document in Vietnamese whatever the interface language: its words are
 * written here as the office writes them, never translated. */
#define LLW_SHEET_REPORT     "Báo cáo"
#define LLW_SHEET_SUMMARY    "Phụ lục I – Tổng hợp"
#define LLW_SHEET_DETAIL     "Phụ lục II – Chi tiết"
#define LLW_SHEET_STATUSES   "Phụ lục III – Tình hình báo cáo"
#define LLW_SHEET_ACTIVITIES "Phụ lục IV – Hoạt động"
#define LLW_SHEET_CHARTS     "Biểu đồ"
#define LLW_SHEET_INFO       "Thông tin"

/* Annex tables are set in 11 pt, the smallest the issue allows, so that more fits a page. */
#define LLW_TABLE_SIZE 11.0

/* The width a cell's text gets in the narrowest of the spreadsheet programs, for a column
 * of @points as llw_workbook_set_column () sets it: see there. */
#define LLW_NARROWEST(points) ((points) * 21.0 / 22.0)

/* Table cells of one kind: plain, then bold for group and total rows. */
typedef struct
{
  lxw_format *text;
  lxw_format *center;
  lxw_format *date;
  lxw_format *number[3];       /* by the figure's decimals */
} LlwCellFormats;

/* Where an annex table lands on its sheet, for the formulas that refer to it: the sheet
 * row of its first row, and for each run of item rows the group row above it. Rows are
 * 0-based sheet rows. */
typedef struct
{
  lxw_row_t first;             /* the sheet row of the table's row 0, in every part */
  lxw_row_t header;            /* the first header row */
  guint n_header_rows;
  GArray *runs;                /* LlwTableRun */
  float *heights;              /* of each row, the same in every part */
} LlwTableLayout;

typedef struct
{
  lxw_row_t group;             /* the group row above the run, 0 for none */
  lxw_row_t first;
  lxw_row_t last;
  guint index;                 /* the group's index in the table's rows (LlwUnitGroup) */
} LlwTableRun;

typedef struct
{
  lxw_workbook *workbook;
  LlwReportDocument *document;
  LlwConsolidation *data;
  LlwCampaign *campaign;
  GDateTime *exported_at;
  LlwTextMetrics *metrics;
  LlwTableLayout layouts[LLW_N_ANNEXES];
  GError *error;               /* the first cell that could not be written as it is */

  /* The report sheet (Decree 30, Phụ lục I) */
  lxw_format *parent_body;
  lxw_format *issuing_body;
  lxw_format *nation;
  lxw_format *motto;
  lxw_format *rule;
  lxw_format *number;
  lxw_format *place_date;
  lxw_format *title;
  lxw_format *subject;
  lxw_format *to_label;
  lxw_format *to_item;
  lxw_format *body;
  lxw_format *body_italic;
  lxw_format *dots;
  lxw_format *heading;
  lxw_format *subheading;
  lxw_format *signer;
  lxw_format *cc_label;
  lxw_format *cc_item;

  /* The annexes */
  lxw_format *annex_label;
  lxw_format *annex_title;
  lxw_format *annex_note_format;
  lxw_format *table_header;
  LlwCellFormats cell;
  LlwCellFormats bold;
  lxw_format *info_key;
  lxw_format *info_value;
} LlwWorkbookWriter;

/* llw-workbook.c */
gboolean    llw_workbook_writer_open       (LlwWorkbookWriter  *w,
                                            LlwReportDocument  *document,
                                            GDateTime          *exported_at,
                                            const char         *path,
                                            GError            **error);
gboolean    llw_workbook_writer_close      (LlwWorkbookWriter  *w,
                                            GError            **error);
void        llw_workbook_set_column        (lxw_worksheet     *sheet,
                                            lxw_col_t          col,
                                            double             points);
void        llw_workbook_set_page          (lxw_worksheet     *sheet,
                                            gboolean           landscape,
                                            lxw_row_t          repeat_first,
                                            lxw_row_t          repeat_last);
void        llw_workbook_write_text        (LlwWorkbookWriter *w,
                                            lxw_worksheet     *sheet,
                                            lxw_row_t          row,
                                            lxw_col_t          col,
                                            const char        *text,
                                            lxw_format        *format);
void        llw_workbook_merge_text        (LlwWorkbookWriter *w,
                                            lxw_worksheet     *sheet,
                                            lxw_row_t          first_row,
                                            lxw_col_t          first_col,
                                            lxw_row_t          last_row,
                                            lxw_col_t          last_col,
                                            const char        *text,
                                            lxw_format        *format);
double      llw_workbook_text_height       (LlwWorkbookWriter *w,
                                            const char        *text,
                                            double             width_points,
                                            double             size,
                                            LlwTextStyle       style,
                                            double             spacing);

/* The sheets, each in its own file, written top to bottom (constant memory) */
void        llw_workbook_write_report      (LlwWorkbookWriter *w,
                                            lxw_worksheet     *sheet);
void        llw_workbook_plan_annexes      (LlwWorkbookWriter *w);
char       *llw_workbook_part_name         (LlwWorkbookWriter *w,
                                            LlwAnnexKind       kind,
                                            guint              band);
void        llw_workbook_set_up_annex      (LlwWorkbookWriter *w,
                                            lxw_worksheet     *sheet,
                                            LlwAnnexKind       kind,
                                            guint              band);
void        llw_workbook_write_annex       (LlwWorkbookWriter *w,
                                            lxw_worksheet     *sheet,
                                            LlwAnnexKind       kind,
                                            guint              band);
gboolean    llw_workbook_find_figure       (LlwWorkbookWriter *w,
                                            guint              indicator,
                                            char             **sheet_name,
                                            lxw_col_t         *col);
void        llw_workbook_write_charts      (LlwWorkbookWriter *w,
                                            lxw_worksheet     *sheet);
void        llw_workbook_write_info        (LlwWorkbookWriter *w,
                                            lxw_worksheet     *sheet);

G_END_DECLS
