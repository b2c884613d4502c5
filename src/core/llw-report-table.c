/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-date.h"
#include "llw-document-format.h"
#include "llw-report-table.h"

/* One table of the report's annexes: its columns, its rows, and the cells worked out when a
 * renderer asks for them, so that 50,000 units cost a row index each, not a string per
 * cell. A table too wide for the page is split into bands of whole column groups, the key
 * columns (TT, Đơn vị) repeated in each: every renderer prints the same parts. */
struct _LlwReportTable
{
  GObject parent_instance;

  GArray *columns;          /* LlwReportColumn, titles interned */
  GArray *rows;             /* LlwReportRow */
  GStringChunk *strings;
  GMutex strings_lock;      /* the parts of a split table are written on several threads */
  guint n_bands;

  LlwReportCellFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
};

G_DEFINE_FINAL_TYPE (LlwReportTable, llw_report_table, G_TYPE_OBJECT)

static void
llw_report_table_finalize (GObject *object)
{
  LlwReportTable *self = LLW_REPORT_TABLE (object);

  if (self->destroy != NULL)
    self->destroy (self->user_data);
  g_array_unref (self->columns);
  g_array_unref (self->rows);
  g_string_chunk_free (self->strings);
  g_mutex_clear (&self->strings_lock);

  G_OBJECT_CLASS (llw_report_table_parent_class)->finalize (object);
}

static void
llw_report_table_class_init (LlwReportTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = llw_report_table_finalize;
}

static void
llw_report_table_init (LlwReportTable *self)
{
  self->columns = g_array_new (FALSE, FALSE, sizeof (LlwReportColumn));
  self->rows = g_array_new (FALSE, FALSE, sizeof (LlwReportRow));
  self->strings = g_string_chunk_new (4096);
  g_mutex_init (&self->strings_lock);
  self->n_bands = 1;
}

/**
 * llw_report_table_new:
 * @func: works out a cell from its row and column
 * @user_data: for @func, freed with @destroy with the table
 *
 * Returns: (transfer full): a table without columns or rows
 */
LlwReportTable *
llw_report_table_new (LlwReportCellFunc func,
                      gpointer          user_data,
                      GDestroyNotify    destroy)
{
  LlwReportTable *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (LLW_TYPE_REPORT_TABLE, NULL);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
  return self;
}

void
llw_report_table_add_column (LlwReportTable        *self,
                             const LlwReportColumn *column)
{
  LlwReportColumn copy;

  g_return_if_fail (LLW_IS_REPORT_TABLE (self));
  g_return_if_fail (column != NULL && column->title != NULL);

  copy = *column;
  copy.title = llw_report_table_intern (self, column->title);
  copy.span = llw_report_table_intern (self, column->span);
  g_array_append_val (self->columns, copy);
}

void
llw_report_table_add_row (LlwReportTable *self,
                          LlwRowKind      kind,
                          guint           index)
{
  LlwReportRow row = { kind, index };

  g_return_if_fail (LLW_IS_REPORT_TABLE (self));

  g_array_append_val (self->rows, row);
}

/* Returns: (nullable): @text kept as long as the table, the same pointer for the same text.
 * Cells are read, and so text interned, on any thread. */
const char *
llw_report_table_intern (LlwReportTable *self,
                         const char     *text)
{
  const char *kept;

  g_return_val_if_fail (LLW_IS_REPORT_TABLE (self), NULL);

  if (text == NULL)
    return NULL;
  g_mutex_lock (&self->strings_lock);
  kept = g_string_chunk_insert_const (self->strings, text);
  g_mutex_unlock (&self->strings_lock);
  return kept;
}

static LlwReportColumn *
column_at (LlwReportTable *self,
           guint           i)
{
  return &g_array_index (self->columns, LlwReportColumn, i);
}

/* Returns: the index after the run of columns that share the span of column @first. */
static guint
span_end (LlwReportTable *self,
          guint           first)
{
  const char *span = column_at (self, first)->span;
  guint end = first + 1;

  while (span != NULL && end < self->columns->len && column_at (self, end)->span == span)
    end++;
  return end;
}

/**
 * llw_report_table_split:
 * @width: the width a page has for the table, in points
 *
 * Gives each column that is not a key column a band: as many whole spans (indicator
 * groups) go into a band as fit beside the key columns; a span wider than a page alone is
 * cut between its columns.
 */
void
llw_report_table_split (LlwReportTable *self,
                        double          width)
{
  double keys = 0, used = 0;
  guint band = 0;
  gboolean empty = TRUE;

  g_return_if_fail (LLW_IS_REPORT_TABLE (self));

  for (guint i = 0; i < self->columns->len; i++)
    if (column_at (self, i)->band == LLW_BAND_ALL)
      keys += column_at (self, i)->width;

  for (guint i = 0; i < self->columns->len;)
    {
      guint end = span_end (self, i);
      double span_width = 0;

      if (column_at (self, i)->band == LLW_BAND_ALL)
        {
          i++;
          continue;
        }
      for (guint k = i; k < end; k++)
        span_width += column_at (self, k)->width;
      if (!empty && keys + used + span_width > width)
        {
          band++;
          used = 0;
        }
      for (guint k = i; k < end; k++)
        {
          if (used > 0 && keys + used + column_at (self, k)->width > width)
            {
              band++;
              used = 0;
            }
          column_at (self, k)->band = band;
          used += column_at (self, k)->width;
        }
      empty = FALSE;
      i = end;
    }
  self->n_bands = band + 1;
}

guint
llw_report_table_get_n_columns (LlwReportTable *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_TABLE (self), 0);

  return self->columns->len;
}

const LlwReportColumn *
llw_report_table_get_column (LlwReportTable *self,
                             guint           column)
{
  g_return_val_if_fail (LLW_IS_REPORT_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return column_at (self, column);
}

guint
llw_report_table_get_n_rows (LlwReportTable *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_TABLE (self), 0);

  return self->rows->len;
}

const LlwReportRow *
llw_report_table_get_row (LlwReportTable *self,
                          guint           row)
{
  g_return_val_if_fail (LLW_IS_REPORT_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return &g_array_index (self->rows, LlwReportRow, row);
}

/**
 * llw_report_table_get_cell:
 * @cell: (out): what the cell shows; its text lasts as long as the table
 */
void
llw_report_table_get_cell (LlwReportTable *self,
                           guint           row,
                           guint           column,
                           LlwCell        *cell)
{
  g_return_if_fail (LLW_IS_REPORT_TABLE (self));
  g_return_if_fail (row < self->rows->len && column < self->columns->len);
  g_return_if_fail (cell != NULL);

  *cell = (LlwCell) { LLW_CELL_EMPTY, NULL, 0, 0 };
  self->func (self, row, column, cell, self->user_data);
}

/* Returns: into how many parts the table is split across pages, 1 when it fits. */
guint
llw_report_table_get_n_bands (LlwReportTable *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_TABLE (self), 1);

  return self->n_bands;
}

/* Returns: whether @column prints in the part @band of the table. */
gboolean
llw_report_table_in_band (LlwReportTable *self,
                          guint           column,
                          guint           band)
{
  guint own;

  g_return_val_if_fail (LLW_IS_REPORT_TABLE (self), FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);

  own = column_at (self, column)->band;
  return own == LLW_BAND_ALL || own == band || self->n_bands == 1;
}

/**
 * llw_report_table_describe_band:
 *
 * Returns: (transfer full) (nullable): the column groups of one part of a split table, as
 *   its heading names them: "C. Dạy, học …; D. Phối hợp …"; %NULL for a table in one part
 */
char *
llw_report_table_describe_band (LlwReportTable *self,
                                guint           band)
{
  g_autoptr(GString) text = NULL;
  const char *last = NULL;

  g_return_val_if_fail (LLW_IS_REPORT_TABLE (self), NULL);

  if (self->n_bands < 2)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < self->columns->len; i++)
    {
      const LlwReportColumn *column = column_at (self, i);

      if (column->band != band || column->span == NULL || column->span == last)
        continue;
      g_string_append_printf (text, "%s%s", last != NULL ? "; " : "", column->span);
      last = column->span;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Returns: the columns of the part @band, key columns first: @n of them in @columns, which
 *   holds room for every column of the table. */
guint
llw_report_table_get_band_columns (LlwReportTable *self,
                                   guint           band,
                                   guint          *columns)
{
  guint n = 0;

  g_return_val_if_fail (LLW_IS_REPORT_TABLE (self), 0);
  g_return_val_if_fail (columns != NULL, 0);

  for (guint i = 0; i < self->columns->len; i++)
    if (llw_report_table_in_band (self, i, band))
      columns[n++] = i;
  return n;
}

/* Whole figures, by far the most common in a table of 50,000 units, are grouped here without
 * going through printf and an allocation each. */
static const char *
format_figure (const LlwCell *cell,
               char          *buffer,
               gsize          size)
{
  char digits[32];
  gsize n = 0, length, out = 0;
  guint64 value;

  if (cell->decimals > 0 || cell->number < 0 || cell->number >= 1e15 ||
      cell->number != (double) (guint64) cell->number)
    {
      g_autofree char *text = llw_format_figure (cell->number, cell->decimals);

      g_strlcpy (buffer, text, size);
      return buffer;
    }

  value = (guint64) cell->number;
  do
    digits[n++] = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  length = n + (n - 1) / 3;
  if (length + 1 > size)
    return "";
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        buffer[out++] = '.';
      buffer[out++] = digits[n - 1 - i];
    }
  buffer[out] = '\0';
  return buffer;
}

/**
 * llw_cell_to_text:
 * @buffer: room for a number or a date, 64 bytes are plenty
 *
 * Returns: (transfer none): the cell as a printed table shows it: Vietnamese figures
 *   (1.234.567, 1.295,50), dates as dd/mm/yyyy; "" for an empty cell
 */
const char *
llw_cell_to_text (const LlwCell *cell,
                  char          *buffer,
                  gsize          size)
{
  g_return_val_if_fail (cell != NULL && buffer != NULL && size >= 32, "");

  switch (cell->kind)
    {
    case LLW_CELL_TEXT:
      return cell->text != NULL ? cell->text : "";

    case LLW_CELL_NUMBER:
      return format_figure (cell, buffer, size);

    case LLW_CELL_DATE:
      {
        g_autofree char *text = llw_date_format (cell->text);

        g_strlcpy (buffer, text, size);
        return buffer;
      }

    case LLW_CELL_EMPTY:
    default:
      return "";
    }
}
