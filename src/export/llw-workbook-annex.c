/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "llw-workbook-private.h"

/* The annexes: each table of the report document on a sheet of its own, its figures written
 * with the formulas that make them (a group's subtotal is the SUM of its units, Phụ lục I
 * refers to the subtotals of Phụ lục II), each with the value it computes for viewers that
 * do not recalculate. A table too wide for a page is not shrunk: each of its parts (Phụ lục
 * II.1, II.2 …) is a sheet of its own, with TT and Đơn vị, as the printed report has them. */

static const char *const sheet_names[LLW_N_ANNEXES] = {
  LLW_SHEET_SUMMARY, LLW_SHEET_DETAIL, LLW_SHEET_STATUSES, LLW_SHEET_ACTIVITIES,
};

static LlwReportTable *
table_of (LlwWorkbookWriter *w,
          LlwAnnexKind       kind)
{
  return llw_report_document_get_annex (w->document, kind)->table;
}

static gboolean
has_spans (LlwReportTable *table)
{
  for (guint c = 0; c < llw_report_table_get_n_columns (table); c++)
    if (llw_report_table_get_column (table, c)->span != NULL)
      return TRUE;
  return FALSE;
}

/* A row as tall as its tallest cell's text, measured in the document's font: the same in
 * every part of a split table, so that the parts' rows line up. Right-aligned columns hold
 * figures, on one line. */
static double
row_height (LlwWorkbookWriter *w,
            LlwReportTable    *table,
            guint              r)
{
  LlwTextStyle style = llw_report_table_get_row (table, r)->kind != LLW_ROW_ITEM
                       ? LLW_TEXT_BOLD : LLW_TEXT_REGULAR;
  double height = 20;

  for (guint c = 0; c < llw_report_table_get_n_columns (table); c++)
    {
      const LlwReportColumn *column = llw_report_table_get_column (table, c);
      LlwCell cell;

      if (column->align == LLW_ALIGN_RIGHT)
        continue;
      llw_report_table_get_cell (table, r, c, &cell);
      if (cell.kind == LLW_CELL_TEXT && cell.text[0] != '\0')
        height = MAX (height, llw_workbook_text_height (w, cell.text, column->width,
                                                        LLW_TABLE_SIZE, style, 6));
    }
  return height;
}

/* Works out where each table's rows land, before any sheet is written: Phụ lục I refers to
 * Phụ lục II, which comes after it. Above the table: "Phụ lục …", its title, the groups of
 * a part, the Kèm theo line and a blank. */
static void
plan_table (LlwWorkbookWriter *w,
            LlwTableLayout    *layout,
            LlwReportTable    *table)
{
  guint n = llw_report_table_get_n_rows (table);
  LlwTableRun *run = NULL;

  layout->header = llw_report_table_get_n_bands (table) > 1 ? 5 : 4;
  layout->n_header_rows = has_spans (table) ? 2 : 1;
  layout->first = layout->header + layout->n_header_rows;
  layout->runs = g_array_new (FALSE, TRUE, sizeof (LlwTableRun));
  layout->heights = g_new (float, MAX (n, 1));

  for (guint r = 0; r < n; r++)
    {
      const LlwReportRow *row = llw_report_table_get_row (table, r);
      lxw_row_t sheet_row = layout->first + r;

      layout->heights[r] = (float) row_height (w, table, r);
      if (row->kind != LLW_ROW_ITEM)
        {
          run = NULL;
          continue;
        }
      if (run == NULL)
        {
          const LlwReportRow *above = r > 0 ? llw_report_table_get_row (table, r - 1) : NULL;
          LlwTableRun fresh = { 0, sheet_row, sheet_row, 0 };

          if (above != NULL && above->kind == LLW_ROW_GROUP)
            {
              fresh.group = sheet_row - 1;
              fresh.index = above->index;
            }
          g_array_append_val (layout->runs, fresh);
          run = &g_array_index (layout->runs, LlwTableRun, layout->runs->len - 1);
        }
      run->last = sheet_row;
    }
}

void
llw_workbook_plan_annexes (LlwWorkbookWriter *w)
{
  for (LlwAnnexKind kind = 0; kind < LLW_N_ANNEXES; kind++)
    plan_table (w, &w->layouts[kind], table_of (w, kind));
}

/* Returns: (transfer full): the sheet of one part of an annex: "Phụ lục II.2 – Chi tiết". */
char *
llw_workbook_part_name (LlwWorkbookWriter *w,
                        LlwAnnexKind       kind,
                        guint              band)
{
  const char *name = sheet_names[kind];
  const char *dash = strstr (name, " – ");

  if (llw_report_table_get_n_bands (table_of (w, kind)) < 2 || dash == NULL)
    return g_strdup (name);
  return g_strdup_printf ("%.*s.%u%s", (int) (dash - name), name, band + 1, dash);
}

/* Returns: the sheet column of the table's column @col in part @band, or -1 if not there. */
static int
sheet_column (LlwReportTable *table,
              guint           band,
              guint           col)
{
  int n = 0;

  if (!llw_report_table_in_band (table, col, band))
    return -1;
  for (guint c = 0; c < col; c++)
    n += llw_report_table_in_band (table, c, band);
  return n;
}

/**
 * llw_workbook_find_figure:
 * @indicator: an indicator of the consolidation
 * @sheet_name: (out): the part of Phụ lục II that has its figures
 * @col: (out): their column there
 *
 * Returns: %FALSE if the indicator has no column
 */
gboolean
llw_workbook_find_figure (LlwWorkbookWriter  *w,
                          guint               indicator,
                          char              **sheet_name,
                          lxw_col_t          *col)
{
  LlwReportTable *table = table_of (w, LLW_ANNEX_DETAIL);
  guint model_col = 2 + indicator;
  guint band;

  if (model_col >= llw_report_table_get_n_columns (table))
    return FALSE;
  band = llw_report_table_get_column (table, model_col)->band;
  if (band == LLW_BAND_ALL || llw_report_table_get_n_bands (table) < 2)
    band = 0;
  *sheet_name = llw_workbook_part_name (w, LLW_ANNEX_DETAIL, band);
  *col = (lxw_col_t) sheet_column (table, band, model_col);
  return TRUE;
}

/* Formulas ------------------------------------------------------------------------------- */

static char *
cell_name (lxw_row_t row,
           lxw_col_t col)
{
  char name[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell (name, row, col);
  return g_strdup (name);
}

/* "C8:C22,C24:C50": the item runs of @layout in column @col, each prefixed with @sheet. */
static char *
run_ranges (const LlwTableLayout *layout,
            const char           *sheet,
            lxw_col_t             col)
{
  g_autoptr(GString) ranges = g_string_new (NULL);

  for (guint i = 0; i < layout->runs->len; i++)
    {
      const LlwTableRun *run = &g_array_index (layout->runs, LlwTableRun, i);
      char range[LXW_MAX_CELL_RANGE_LENGTH];

      if (run->last > run->first)
        lxw_rowcol_to_range (range, run->first, col, run->last, col);
      else
        lxw_rowcol_to_cell (range, run->first, col);
      g_string_append_printf (ranges, "%s%s%s%s%s", ranges->len > 0 ? "," : "",
                              sheet ? "'" : "", sheet ? sheet : "", sheet ? "'!" : "", range);
    }
  return ranges->len > 0 ? g_string_free (g_steal_pointer (&ranges), FALSE) : NULL;
}

static const LlwTableRun *
run_of_group (const LlwTableLayout *layout,
              guint                 index)
{
  for (guint i = 0; i < layout->runs->len; i++)
    {
      const LlwTableRun *run = &g_array_index (layout->runs, LlwTableRun, i);

      if (run->group != 0 && run->index == index)
        return run;
    }
  return NULL;
}

/* A group row sums its units; the total sums the groups, or the items of a table without. */
static char *
sum_formula (const LlwTableLayout *layout,
             const LlwReportRow   *row,
             lxw_row_t             sheet_row,
             lxw_col_t             col)
{
  g_autofree char *ranges = NULL;
  g_autoptr(GString) groups = g_string_new (NULL);

  for (guint i = 0; i < layout->runs->len; i++)
    {
      const LlwTableRun *run = &g_array_index (layout->runs, LlwTableRun, i);
      g_autofree char *first = cell_name (run->first, col);
      g_autofree char *last = cell_name (run->last, col);
      g_autofree char *group = cell_name (run->group, col);

      if (row->kind == LLW_ROW_GROUP && run->group == sheet_row)
        return run->last > run->first ? g_strdup_printf ("=SUM(%s:%s)", first, last)
                                      : g_strdup_printf ("=SUM(%s)", first);
      if (run->group != 0)
        g_string_append_printf (groups, "%s%s", groups->len > 0 ? "," : "", group);
    }
  if (row->kind == LLW_ROW_GROUP)
    return NULL;
  if (groups->len > 0)
    return g_strdup_printf ("=SUM(%s)", groups->str);
  ranges = run_ranges (layout, NULL, col);
  return ranges != NULL ? g_strdup_printf ("=SUM(%s)", ranges) : NULL;
}

/* The first and last sheet columns of the summary with @role. */
static gboolean
role_columns (LlwReportTable *table,
              LlwColumnRole   role,
              lxw_col_t      *first,
              lxw_col_t      *last)
{
  gboolean found = FALSE;

  for (guint c = 0; c < llw_report_table_get_n_columns (table); c++)
    if (llw_report_table_get_column (table, c)->role == role)
      {
        if (!found)
          *first = c;
        *last = c;
        found = TRUE;
      }
  return found;
}

static char *
range_of_cells (lxw_row_t row,
                lxw_col_t first,
                lxw_col_t last)
{
  g_autofree char *a = cell_name (row, first);
  g_autofree char *b = cell_name (row, last);

  return g_strdup_printf ("%s:%s", a, b);
}

/* Phụ lục I: figures taken from the subtotals and units of Phụ lục II. */
static char *
summary_formula (LlwWorkbookWriter     *w,
                 LlwReportTable        *table,
                 const LlwReportColumn *column,
                 const LlwReportRow    *row,
                 lxw_row_t              sheet_row)
{
  const LlwTableLayout *detail = &w->layouts[LLW_ANNEX_DETAIL];
  g_autofree char *detail_sheet = NULL;
  g_autofree char *text = NULL;
  lxw_col_t value_col, first, last, previous;
  const LlwTableRun *run;

  if (!llw_workbook_find_figure (w, row->index, &detail_sheet, &value_col))
    return NULL;

  switch (column->role)
    {
    case LLW_COLUMN_GROUP_TOTAL:
      run = run_of_group (detail, column->group);
      if (run == NULL)
        return NULL;
      text = cell_name (run->group, value_col);
      return g_strdup_printf ("='%s'!%s", detail_sheet, text);

    case LLW_COLUMN_OVERALL:
      if (!role_columns (table, LLW_COLUMN_GROUP_TOTAL, &first, &last))
        return NULL;
      text = range_of_cells (sheet_row, first, last);
      return g_strdup_printf ("=SUM(%s)", text);

    case LLW_COLUMN_REPORTED:
      text = run_ranges (detail, detail_sheet, value_col);
      return text != NULL ? g_strdup_printf ("=COUNT(%s)", text) : NULL;

    case LLW_COLUMN_CHANGE:
      if (!role_columns (table, LLW_COLUMN_OVERALL, &first, &last) ||
          !role_columns (table, LLW_COLUMN_PREVIOUS, &previous, &last))
        return NULL;
      {
        g_autofree char *now = cell_name (sheet_row, first);
        g_autofree char *before = cell_name (sheet_row, previous);

        return g_strdup_printf ("=%s-%s", now, before);
      }

    default:
      return NULL;
    }
}

/* Returns: (nullable): the formula that computes the cell, or %NULL for a plain value. */
static char *
formula_for (LlwWorkbookWriter *w,
             LlwAnnexKind       kind,
             guint              r,
             guint              model_col,
             lxw_col_t          col)
{
  LlwReportTable *table = table_of (w, kind);
  const LlwTableLayout *layout = &w->layouts[kind];
  const LlwReportColumn *column = llw_report_table_get_column (table, model_col);
  const LlwReportRow *row = llw_report_table_get_row (table, r);
  lxw_row_t sheet_row = layout->first + r;
  g_autofree char *ranges = NULL;

  if (column->role == LLW_COLUMN_SUM && row->kind != LLW_ROW_ITEM)
    return sum_formula (layout, row, sheet_row, col);
  if (column->role == LLW_COLUMN_COUNT && row->kind == LLW_ROW_TOTAL)
    {
      ranges = run_ranges (layout, NULL, col);
      return ranges != NULL ? g_strdup_printf ("=COUNT(%s)", ranges) : NULL;
    }
  if (row->kind == LLW_ROW_ITEM && kind == LLW_ANNEX_SUMMARY)
    return summary_formula (w, table, column, row, sheet_row);
  return NULL;
}

/* Writing ------------------------------------------------------------------------------- */

/* One part of a table as its sheet shows it. */
typedef struct
{
  LlwWorkbookWriter *w;
  lxw_worksheet *sheet;
  LlwAnnexKind kind;
  LlwReportTable *table;
  const LlwTableLayout *layout;
  guint n_columns;
  guint *columns;             /* the table's column of each sheet column */
} Part;

static const LlwReportColumn *
part_column (Part     *p,
             lxw_col_t col)
{
  return llw_report_table_get_column (p->table, p->columns[col]);
}

static double
part_width (Part *p)
{
  double width = 0;

  for (guint c = 0; c < p->n_columns; c++)
    width += part_column (p, c)->width;
  return width;
}

/* "Phụ lục …", its title, a split table's groups and the Kèm theo line, over the table. */
static void
write_title (Part                 *p,
             const LlwReportAnnex *annex,
             guint                 band)
{
  LlwWorkbookWriter *w = p->w;
  lxw_col_t last = p->n_columns - 1;
  double width = part_width (p);
  g_autofree char *label = llw_report_annex_get_part_label (annex, band);
  g_autofree char *groups = llw_report_table_describe_band (p->table, band);
  lxw_row_t row = 0;

  worksheet_set_row (p->sheet, row, 20, NULL);
  llw_workbook_merge_text (w, p->sheet, row, 0, row, last, label, w->annex_label);
  row++;
  worksheet_set_row (p->sheet, row, llw_workbook_text_height (w, annex->title, width, 14,
                                                              LLW_TEXT_BOLD, 4), NULL);
  llw_workbook_merge_text (w, p->sheet, row, 0, row, last, annex->title, w->annex_title);
  row++;
  if (groups != NULL)
    {
      g_autofree char *line = g_strdup_printf ("(%s)", groups);

      worksheet_set_row (p->sheet, row, llw_workbook_text_height (w, line, width, 14,
                                                                  LLW_TEXT_BOLD, 4), NULL);
      llw_workbook_merge_text (w, p->sheet, row, 0, row, last, line, w->annex_title);
      row++;
    }
  worksheet_set_row (p->sheet, row, llw_workbook_text_height (w, annex->note, width, 14,
                                                              LLW_TEXT_ITALIC, 4), NULL);
  llw_workbook_merge_text (w, p->sheet, row, 0, row, last, annex->note, w->annex_note_format);
}

static double
header_height (Part     *p,
               gboolean  spans)
{
  double height = 20;

  for (guint c = 0; c < p->n_columns; c++)
    {
      const LlwReportColumn *column = part_column (p, c);

      if (spans && column->span == NULL)
        continue;
      height = MAX (height, llw_workbook_text_height (p->w, column->title, column->width,
                                                      LLW_TABLE_SIZE, LLW_TEXT_BOLD, 6));
    }
  return height;
}

/* The span row: each span as tall as its text over its columns. */
static double
span_height (Part *p)
{
  double height = 20;

  for (guint c = 0; c < p->n_columns;)
    {
      const char *span = part_column (p, c)->span;
      double width = 0;
      guint end = c;

      while (end < p->n_columns && part_column (p, end)->span == span)
        width += part_column (p, end++)->width;
      if (span != NULL)
        height = MAX (height, llw_workbook_text_height (p->w, span, width, LLW_TABLE_SIZE,
                                                        LLW_TEXT_BOLD, 6));
      c = end;
    }
  return height;
}

/* One header row, or two under indicator groups: the groups merged over their columns, the
 * other titles over both rows. In constant-memory mode a row is final once a later one is
 * written, so the first row is filled before the merges that reach into the second. */
static void
write_header (Part *p)
{
  lxw_format *format = p->w->table_header;
  lxw_row_t top = p->layout->header;
  gboolean spans = p->layout->n_header_rows == 2;

  worksheet_set_row (p->sheet, top, spans ? span_height (p) : header_height (p, FALSE), NULL);
  for (guint c = 0; c < p->n_columns;)
    {
      const LlwReportColumn *column = part_column (p, c);
      guint end = c + 1;

      while (column->span != NULL && end < p->n_columns &&
             part_column (p, end)->span == column->span)
        end++;
      if (end > c + 1)
        llw_workbook_merge_text (p->w, p->sheet, top, c, top, end - 1, column->span, format);
      else
        llw_workbook_write_text (p->w, p->sheet, top, c,
                                 column->span ? column->span : column->title, format);
      c = end;
    }
  if (!spans)
    return;

  for (guint c = 0; c < p->n_columns; c++)
    if (part_column (p, c)->span == NULL)
      llw_workbook_merge_text (p->w, p->sheet, top, c, top + 1, c, part_column (p, c)->title,
                               format);
  worksheet_set_row (p->sheet, top + 1, header_height (p, TRUE), NULL);
  for (guint c = 0; c < p->n_columns; c++)
    if (part_column (p, c)->span != NULL)
      llw_workbook_write_text (p->w, p->sheet, top + 1, c, part_column (p, c)->title, format);
}

static lxw_format *
format_for (LlwCellFormats        *formats,
            const LlwReportColumn *column,
            const LlwCell         *cell)
{
  if (cell->kind == LLW_CELL_DATE)
    return formats->date;
  if (cell->kind == LLW_CELL_NUMBER && column->align != LLW_ALIGN_CENTER)
    return formats->number[CLAMP (cell->decimals, 0, 2)];
  return column->align == LLW_ALIGN_LEFT ? formats->text : formats->center;
}

static void
write_date (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *iso,
            lxw_format    *format)
{
  lxw_datetime datetime = { 0 };

  if (sscanf (iso, "%d-%d-%d", &datetime.year, &datetime.month, &datetime.day) == 3)
    worksheet_write_datetime (sheet, row, col, &datetime, format);
  else
    worksheet_write_blank (sheet, row, col, format);
}

static void
write_cell (Part           *p,
            guint           r,
            gboolean        item,
            lxw_col_t       col,
            LlwCellFormats *formats)
{
  const LlwReportColumn *column = part_column (p, col);
  lxw_row_t row = p->layout->first + r;
  g_autofree char *formula = NULL;
  lxw_format *format;
  LlwCell cell;

  llw_report_table_get_cell (p->table, r, p->columns[col], &cell);
  format = format_for (formats, column, &cell);
  switch (cell.kind)
    {
    case LLW_CELL_NUMBER:
      /* Only totals are formulas, and the figures Phụ lục I takes from Phụ lục II. */
      if (!item || p->kind == LLW_ANNEX_SUMMARY)
        formula = formula_for (p->w, p->kind, r, p->columns[col], col);
      if (formula != NULL)
        worksheet_write_formula_num (p->sheet, row, col, formula, format, cell.number);
      else
        worksheet_write_number (p->sheet, row, col, cell.number, format);
      break;

    /* Text from the database is always text, never a formula, whatever it begins with. */
    case LLW_CELL_TEXT:
      llw_workbook_write_text (p->w, p->sheet, row, col, cell.text, format);
      break;

    case LLW_CELL_DATE:
      write_date (p->sheet, row, col, cell.text, format);
      break;

    /* Not reported stays empty, which is not 0. */
    case LLW_CELL_EMPTY:
    default:
      worksheet_write_blank (p->sheet, row, col, format);
    }
}

static void
write_rows (Part *p)
{
  guint n_rows = llw_report_table_get_n_rows (p->table);

  for (guint r = 0; r < n_rows; r++)
    {
      gboolean item = llw_report_table_get_row (p->table, r)->kind == LLW_ROW_ITEM;
      LlwCellFormats *formats = item ? &p->w->cell : &p->w->bold;

      worksheet_set_row (p->sheet, p->layout->first + r, p->layout->heights[r], NULL);
      for (lxw_col_t c = 0; c < p->n_columns; c++)
        write_cell (p, r, item, c, formats);
    }
}

/* A part's columns and page: what the main workbook keeps of a part a second writer writes
 * (its print titles are the main workbook's defined names). */
static void
set_up_part (Part                 *p,
             const LlwReportAnnex *annex,
             guint                 band)
{
  gboolean split = llw_report_table_get_n_bands (annex->table) > 1;

  p->n_columns = llw_report_table_get_band_columns (annex->table, band, p->columns);
  for (lxw_col_t c = 0; c < p->n_columns; c++)
    llw_workbook_set_column (p->sheet, c, part_column (p, c)->width);
  llw_workbook_set_page (p->sheet, annex->landscape, p->layout->header, p->layout->first - 1);
  worksheet_freeze_panes (p->sheet, p->layout->first, split ? 2 : 0);
}

/**
 * llw_workbook_set_up_annex:
 * @band: the part of the annex's table the sheet holds
 *
 * Sets up the sheet of a part as llw_workbook_write_annex () does, and writes no cell.
 */
void
llw_workbook_set_up_annex (LlwWorkbookWriter *w,
                           lxw_worksheet     *sheet,
                           LlwAnnexKind       kind,
                           guint              band)
{
  const LlwReportAnnex *annex = llw_report_document_get_annex (w->document, kind);
  g_autofree guint *columns = g_new (guint, llw_report_table_get_n_columns (annex->table));
  Part p = { w, sheet, kind, annex->table, &w->layouts[kind], 0, columns };

  set_up_part (&p, annex, band);
}

/**
 * llw_workbook_write_annex:
 * @band: the part of the annex's table the sheet holds
 */
void
llw_workbook_write_annex (LlwWorkbookWriter *w,
                          lxw_worksheet     *sheet,
                          LlwAnnexKind       kind,
                          guint              band)
{
  const LlwReportAnnex *annex = llw_report_document_get_annex (w->document, kind);
  g_autofree guint *columns = g_new (guint, llw_report_table_get_n_columns (annex->table));
  Part p = { w, sheet, kind, annex->table, &w->layouts[kind], 0, columns };

  set_up_part (&p, annex, band);
  write_title (&p, annex, band);
  write_header (&p);
  write_rows (&p);
}
