/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <xlsxwriter.h>

#include "llw-consolidation.h"

G_BEGIN_DECLS

/* The workbook is a document in Vietnamese whatever the interface language: its words are
 * written here as the office writes them, never translated. */
#define LLW_SHEET_REPORT     "Báo cáo"
#define LLW_SHEET_SUMMARY    "Phụ lục I – Tổng hợp"
#define LLW_SHEET_DETAIL     "Phụ lục II – Chi tiết"
#define LLW_SHEET_STATUSES   "Phụ lục III – Tình hình báo cáo"
#define LLW_SHEET_ACTIVITIES "Phụ lục IV – Hoạt động"
#define LLW_SHEET_INFO       "Thông tin"

#define LLW_N_GROUPS (LLW_UNIT_GROUP_OTHER + 1)

/* Table cells of one kind: plain, then bold for group and total rows. */
typedef struct
{
  lxw_format *text;
  lxw_format *center;
  lxw_format *date;
  lxw_format *number[3];       /* by the indicator's decimals */
} LlwCellFormats;

/* Where Phụ lục II puts its rows, which Phụ lục I refers to. Rows are 0-based; a group
 * without units has no rows (group_row 0). */
typedef struct
{
  lxw_row_t header_row;
  lxw_row_t group_row[LLW_N_GROUPS];
  lxw_row_t first_unit_row[LLW_N_GROUPS];
  lxw_row_t total_row;
} LlwDetailLayout;

typedef struct
{
  lxw_workbook *workbook;
  LlwConsolidation *data;
  LlwCampaign *campaign;
  GDateTime *exported_at;

  GError *error;               /* the first cell that could not be written as it is */

  char *report_date;           /* dd/mm/yyyy */
  char *annex_note;            /* "(Kèm theo Báo cáo số … ngày … của …)" */
  LlwDetailLayout detail;

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
void        llw_workbook_set_page          (lxw_worksheet     *sheet,
                                            gboolean           landscape,
                                            lxw_row_t          repeat_first,
                                            lxw_row_t          repeat_last);
void        llw_workbook_write_annex_title (LlwWorkbookWriter *w,
                                            lxw_worksheet     *sheet,
                                            lxw_col_t          last_col,
                                            const char        *label,
                                            const char        *title);
double      llw_workbook_text_height       (const char        *text,
                                            double             width_pixels,
                                            double             size,
                                            gboolean           bold,
                                            double             spacing);
char       *llw_workbook_format_number     (double             value,
                                            int                decimals);
const char *llw_workbook_roman             (guint              n);
const char *llw_workbook_group_label       (LlwUnitGroup       group);
const char *llw_workbook_strip_numbering   (const char        *title);
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

/* The sheets, each in its own file, written top to bottom (constant memory) */
void        llw_workbook_plan_detail       (LlwWorkbookWriter *w);
void        llw_workbook_write_report      (LlwWorkbookWriter *w,
                                            lxw_worksheet     *sheet);
void        llw_workbook_write_summary     (LlwWorkbookWriter *w,
                                            lxw_worksheet     *sheet);
void        llw_workbook_write_detail      (LlwWorkbookWriter *w,
                                            lxw_worksheet     *sheet);
void        llw_workbook_write_statuses    (LlwWorkbookWriter *w,
                                            lxw_worksheet     *sheet);
void        llw_workbook_write_activities  (LlwWorkbookWriter *w,
                                            lxw_worksheet     *sheet);
void        llw_workbook_write_info        (LlwWorkbookWriter *w,
                                            lxw_worksheet     *sheet);

G_END_DECLS
