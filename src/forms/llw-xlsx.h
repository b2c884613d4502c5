/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LLW_XLSX_ERROR (llw_xlsx_error_quark ())

typedef enum
{
  LLW_XLSX_ERROR_NOT_WORKBOOK,  /* another kind of file; the message says what to do */
  LLW_XLSX_ERROR_DAMAGED,       /* an .xlsx that cannot be read whole */
  LLW_XLSX_ERROR_TOO_LARGE,     /* beyond the limits of a form */
} LlwXlsxError;

typedef enum
{
  LLW_XLSX_CELL_EMPTY,
  LLW_XLSX_CELL_NUMBER,
  LLW_XLSX_CELL_TEXT,
  LLW_XLSX_CELL_BOOLEAN,
  LLW_XLSX_CELL_ERROR,          /* #DIV/0!, #REF!… in text */
  LLW_XLSX_CELL_DATE,           /* an ISO 8601 date and time in text (t="d") */
} LlwXlsxCellType;

/* A cell as the file stores it: for a formula, the value computed when it was saved. */
typedef struct
{
  LlwXlsxCellType type;
  gboolean formula;             /* a formula; EMPTY if it was saved without its value */
  double number;
  char *text;                   /* NFC */
} LlwXlsxCell;

/* A rectangle of cells, 0-based. */
typedef struct
{
  guint first_row, first_col, last_row, last_col;
} LlwXlsxRange;

typedef struct _LlwXlsx LlwXlsx;
typedef struct _LlwXlsxSheet LlwXlsxSheet;

GQuark             llw_xlsx_error_quark     (void);
void               llw_xlsx_init            (void);
LlwXlsx           *llw_xlsx_open            (GBytes             *bytes,
                                             GError            **error);
void               llw_xlsx_free            (LlwXlsx            *self);
gboolean           llw_xlsx_is_1904         (LlwXlsx            *self);
const char        *llw_xlsx_get_property    (LlwXlsx            *self,
                                             const char         *name);
const char        *llw_xlsx_find_name       (LlwXlsx            *self,
                                             const char         *name,
                                             LlwXlsxRange       *range);
LlwXlsxSheet      *llw_xlsx_get_sheet       (LlwXlsx            *self,
                                             const char         *name,
                                             GError            **error);

const char        *llw_xlsx_sheet_get_name  (LlwXlsxSheet       *sheet);
const LlwXlsxCell *llw_xlsx_sheet_get_cell  (LlwXlsxSheet       *sheet,
                                             guint               row,
                                             guint               col);
gboolean           llw_xlsx_sheet_get_merge (LlwXlsxSheet       *sheet,
                                             guint               row,
                                             guint               col,
                                             LlwXlsxRange       *range);
void               llw_xlsx_sheet_foreach   (LlwXlsxSheet       *sheet,
                                             void              (*func) (guint              row,
                                                                        guint              col,
                                                                        const LlwXlsxCell *cell,
                                                                        gpointer           data),
                                             gpointer            data);

gboolean           llw_xlsx_parse_cell      (const char         *text,
                                             guint              *row,
                                             guint              *col);
char              *llw_xlsx_cell_name       (guint               row,
                                             guint               col);
gboolean           llw_xlsx_serial_to_date  (double              serial,
                                             gboolean            is_1904,
                                             GDate              *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlwXlsx, llw_xlsx_free)

G_END_DECLS
