/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <xlsxwriter.h>

#include "llw-form-writer.h"

G_BEGIN_DECLS

typedef struct
{
  const LlwFormCatalogue *catalogue;
  const LlwFormUnit *unit;
  lxw_workbook *workbook;
  lxw_worksheet *identity;
  lxw_row_t identity_row;      /* the next free row of the identity sheet's key column */

  lxw_format *body;            /* office header */
  lxw_format *body_bold;
  lxw_format *title;
  lxw_format *line;            /* a line of the information block */
  lxw_format *line_bold;
  lxw_format *note;
  lxw_format *heading;
  lxw_format *label;           /* beside an input cell */
  lxw_format *table_header;
  lxw_format *cell;
  lxw_format *cell_center;
  lxw_format *group;
  lxw_format *input_text;      /* unlocked, tinted */
  lxw_format *input_long;      /* several lines */
  lxw_format *input_date;
  lxw_format *input_number[3]; /* by decimals */
  lxw_format *guide;
} LlwFormWriter;

/* llw-form-writer.c */
void   llw_form_writer_define_name      (LlwFormWriter *w,
                                         const char    *name,
                                         const char    *sheet,
                                         lxw_row_t      first_row,
                                         lxw_col_t      col,
                                         lxw_row_t      last_row);
void   llw_form_writer_set_page         (lxw_worksheet *sheet,
                                         gboolean       landscape,
                                         lxw_row_t      repeat_row);
void   llw_form_writer_write_date       (lxw_worksheet *sheet,
                                         lxw_row_t      row,
                                         lxw_col_t      col,
                                         const char    *iso,
                                         lxw_format    *format);
double llw_form_writer_text_height      (LlwFormWriter *w,
                                         const char    *text,
                                         double         width_points,
                                         double         size,
                                         LlwTextStyle   style,
                                         double         spacing);
void   llw_form_writer_add_figure_key   (LlwFormWriter *w,
                                         const char    *code,
                                         const char    *name);

/* llw-form-sheets.c */
void   llw_form_writer_write_report     (LlwFormWriter *w,
                                         lxw_worksheet *sheet);
void   llw_form_writer_write_activities (LlwFormWriter *w,
                                         lxw_worksheet *sheet);
void   llw_form_writer_write_guide      (LlwFormWriter *w,
                                         lxw_worksheet *sheet);

G_END_DECLS
