/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-checklist-private.h"

G_DEFINE_FINAL_TYPE (LlwChecklist, llw_checklist, G_TYPE_OBJECT)

/* Interns @text after NFC normalisation, so that composed and decomposed input print alike
 * and identical cells share one pointer (the layout shapes each of them once). Tabs and
 * carriage returns become spaces. */
static const char *
intern (LlwChecklist *self,
        const char   *text)
{
  g_autofree char *normal = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  if (g_str_is_ascii (text) && strpbrk (text, "\t\r") == NULL)
    return g_string_chunk_insert_const (self->strings, text);

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (normal == NULL)
    normal = g_utf8_make_valid (text, -1);
  g_strdelimit (normal, "\t\r", ' ');

  return g_string_chunk_insert_const (self->strings, normal);
}

static void
llw_checklist_finalize (GObject *object)
{
  LlwChecklist *self = LLW_CHECKLIST (object);

  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (llw_checklist_parent_class)->finalize (object);
}

static void
llw_checklist_class_init (LlwChecklistClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = llw_checklist_finalize;
}

static void
llw_checklist_init (LlwChecklist *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->columns = g_array_new (FALSE, TRUE, sizeof (LlwChecklistColumn));
  self->rows = g_array_new (FALSE, TRUE, sizeof (LlwChecklistRow));
  self->cells = g_ptr_array_new ();
}

/* Returns: (transfer full): an empty checklist, to be given columns and then rows. */
LlwChecklist *
llw_checklist_new (void)
{
  return g_object_new (LLW_TYPE_CHECKLIST, NULL);
}

/* The block at the top of page 1: the Decree's two header lines, the office and the day the
 * list was printed (dd/mm/yyyy). */
void
llw_checklist_set_heading (LlwChecklist *self,
                           const char   *parent_body,
                           const char   *issuing_body,
                           const char   *office,
                           const char   *printed_on)
{
  g_return_if_fail (LLW_IS_CHECKLIST (self));

  self->parent_body = intern (self, parent_body);
  self->issuing_body = intern (self, issuing_body);
  self->office = intern (self, office);
  self->printed_on = intern (self, printed_on);
}

/* The centred title under the heading, the campaign as a subtitle and an italic note. */
void
llw_checklist_set_title (LlwChecklist *self,
                         const char   *title,
                         const char   *subtitle,
                         const char   *note)
{
  g_return_if_fail (LLW_IS_CHECKLIST (self));

  self->title = intern (self, title);
  self->subtitle = intern (self, subtitle);
  self->note = intern (self, note);
}

/* Makes every item row at least @lines high, to leave room for handwriting. */
void
llw_checklist_set_min_row_lines (LlwChecklist *self,
                                 guint         lines)
{
  g_return_if_fail (LLW_IS_CHECKLIST (self));

  self->min_row_lines = lines;
}

/**
 * llw_checklist_add_column:
 * @sample: (nullable): a text the column must hold on one line, or %NULL for a column
 *   that shares the width left over with the others in proportion to @weight
 * @max_lines: how many lines a cell may take before it is cut with "…"; 0 for no limit
 *
 * Columns must all be added before the first row.
 */
void
llw_checklist_add_column (LlwChecklist           *self,
                          const char             *header,
                          const char             *sample,
                          double                  weight,
                          PangoAlignment          align,
                          guint                   max_lines,
                          LlwChecklistColumnFlags flags)
{
  LlwChecklistColumn column;

  g_return_if_fail (LLW_IS_CHECKLIST (self));
  g_return_if_fail (self->rows->len == 0);
  g_return_if_fail (sample != NULL || weight > 0);

  column = (LlwChecklistColumn) {
    intern (self, header), intern (self, sample), weight, align, max_lines, flags,
  };
  g_array_append_val (self->columns, column);
}

/* Sizes a column to @sample after all: TT to the largest number, once the rows are in. */
void
llw_checklist_set_column_sample (LlwChecklist *self,
                                 guint         column,
                                 const char   *sample)
{
  g_return_if_fail (LLW_IS_CHECKLIST (self));
  g_return_if_fail (column < self->columns->len);
  g_return_if_fail (sample != NULL);

  g_array_index (self->columns, LlwChecklistColumn, column).sample = intern (self, sample);
}

/**
 * llw_checklist_add_row:
 * @cells: one text (or %NULL) per column; a group, subtotal, total or note row uses the
 *   first two only, the second running across the rest of the row
 */
void
llw_checklist_add_row (LlwChecklist        *self,
                       LlwChecklistRowKind  kind,
                       LlwChecklistBox      box,
                       const char * const  *cells)
{
  LlwChecklistRow row = { kind, box };
  guint n_columns;

  g_return_if_fail (LLW_IS_CHECKLIST (self));
  g_return_if_fail (cells != NULL);
  g_return_if_fail (self->columns->len >= 2);

  n_columns = self->columns->len;
  g_array_append_val (self->rows, row);
  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (self->cells,
                     (gpointer) (kind == LLW_CHECKLIST_ROW_ITEM || i < 2
                                 ? intern (self, cells[i]) : NULL));
}

const char *
llw_checklist_get_title (LlwChecklist *self)
{
  g_return_val_if_fail (LLW_IS_CHECKLIST (self), NULL);

  return self->title;
}

guint
llw_checklist_get_n_columns (LlwChecklist *self)
{
  g_return_val_if_fail (LLW_IS_CHECKLIST (self), 0);

  return self->columns->len;
}

guint
llw_checklist_get_n_rows (LlwChecklist *self)
{
  g_return_val_if_fail (LLW_IS_CHECKLIST (self), 0);

  return self->rows->len;
}

/* Returns: (nullable): the cell's text as it will print (NFC). */
const char *
llw_checklist_get_cell (LlwChecklist *self,
                        guint         row,
                        guint         column)
{
  g_return_val_if_fail (LLW_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (row < self->rows->len && column < self->columns->len, NULL);

  return g_ptr_array_index (self->cells, row * self->columns->len + column);
}
