/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-workbook-split.h"

/* The annexes of a large campaign are most of the workbook, and libxlsxwriter writes a
 * workbook on one thread: printing each cell's XML, then compressing each sheet. So, when
 * the computer has a second core, some of the annexes' parts are written there, by a second
 * libxlsxwriter workbook that makes the same formats in the same order (llw-workbook.c
 * numbers them in that order), and whose sheets, written in constant-memory mode with their
 * strings inline, hold nothing that refers to the rest of their workbook. The main workbook
 * keeps a sheet for each such part, set up alike (columns, page, print titles) but empty, so
 * that its workbook, relationships, content types, properties, defined names and charts are
 * those of the whole; the finish (llw-xlsx-finish.c) puts the second workbook's sheets in
 * the place of the empty ones. Each thread checks its own parts after its workbook is
 * closed, so that this too runs on both cores. */

/* One part of an annex that the second writer writes. */
typedef struct
{
  LlwAnnexKind kind;
  guint band;
  guint sheet;                  /* the index of its sheet in the main workbook */
  guint64 cost;                 /* cells, a column of text counted twice */
} SplitPart;

struct _LlwWorkbookSplit
{
  LlwReportDocument *document;
  GDateTime *exported_at;
  char *path;
  LlwTableLayout layouts[LLW_N_ANNEXES];    /* copies: the main writer frees its own */
  GArray *parts;                            /* SplitPart */
  GThread *thread;

  LlwXlsxParts *result;
  GError *error;
};

static void
split_free (LlwWorkbookSplit *split)
{
  for (LlwAnnexKind kind = 0; kind < LLW_N_ANNEXES; kind++)
    {
      g_clear_pointer (&split->layouts[kind].runs, g_array_unref);
      g_clear_pointer (&split->layouts[kind].heights, g_free);
    }
  g_array_unref (split->parts);
  g_free (split->path);
  g_clear_pointer (&split->result, llw_xlsx_parts_free);
  g_clear_error (&split->error);
  g_free (split);
}

static gint
by_cost_descending (gconstpointer a,
                     gconstpointer b)
{
  guint64 x = ((const SplitPart *) a)->cost, y = ((const SplitPart *) b)->cost;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* Every part of every annex, with the sheet it has in the main workbook and what it costs
 * to write: a cell of text (a unit's name, a date, a note) prints about twice the XML of a
 * figure (Phụ lục III, 7 columns, is 28 MB at 50,000 units; Phụ lục II.1, 10, is 23 MB). */
static GArray *
list_parts (LlwWorkbookWriter *w)
{
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (SplitPart));
  g_autofree guint *columns = NULL;
  guint sheet = 1;              /* after the report */

  for (LlwAnnexKind kind = 0; kind < LLW_N_ANNEXES; kind++)
    {
      LlwReportTable *table = llw_report_document_get_annex (w->document, kind)->table;

      columns = g_renew (guint, columns, llw_report_table_get_n_columns (table));
      for (guint band = 0; band < llw_report_table_get_n_bands (table); band++)
        {
          guint n = llw_report_table_get_band_columns (table, band, columns);
          SplitPart part = { kind, band, sheet++, 0 };

          for (guint c = 0; c < n; c++)
            part.cost += llw_report_table_get_column (table, columns[c])->align == LLW_ALIGN_LEFT
                         ? 2 : 1;
          part.cost *= llw_report_table_get_n_rows (table);
          g_array_append_val (parts, part);
        }
    }
  return parts;
}

/* Shares the parts out between the two writers, the costliest first, each to the one with
 * less to do so far (the main writer's report, charts and information are small); keeps
 * the second writer's. */
static GArray *
choose_parts (LlwWorkbookWriter *w)
{
  g_autoptr(GArray) parts = list_parts (w);
  GArray *second = g_array_new (FALSE, FALSE, sizeof (SplitPart));
  guint64 main_cost = 0, second_cost = 0;

  g_array_sort (parts, by_cost_descending);
  for (guint i = 0; i < parts->len; i++)
    {
      const SplitPart *part = &g_array_index (parts, SplitPart, i);

      if (second_cost < main_cost)
        {
          g_array_append_val (second, *part);
          second_cost += part->cost;
        }
      else
        main_cost += part->cost;
    }
  return second;
}

static char *
sheet_part_name (guint sheet)
{
  return g_strdup_printf ("xl/worksheets/sheet%u.xml", sheet + 1);
}

/* The second writer, on its thread: writes its parts, closes its workbook and reads its
 * sheets back under the names they take in the main workbook. */
static gpointer
write_in_thread (gpointer data)
{
  LlwWorkbookSplit *split = data;
  g_autoptr(GHashTable) renames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         g_free);
  LlwWorkbookWriter w;

  /* Its properties are the main workbook's: libxlsxwriter formats their time in a buffer
   * the whole process shares, which the two workbooks then fill alike. (It also names its
   * scratch files from a seed the process shares: two alike names only make it open with
   * O_EXCL and try another, as when forms are written on several threads.) */
  if (!llw_workbook_writer_open (&w, split->document, split->exported_at, split->path,
                                 &split->error))
    return NULL;
  memcpy (w.layouts, split->layouts, sizeof w.layouts);

  /* The first sheet, which libxlsxwriter shows as selected, is an empty one left out. */
  workbook_add_worksheet (w.workbook, NULL);
  for (guint i = 0; i < split->parts->len; i++)
    {
      const SplitPart *part = &g_array_index (split->parts, SplitPart, i);
      g_autofree char *name = llw_workbook_part_name (&w, part->kind, part->band);
      lxw_worksheet *sheet = workbook_add_worksheet (w.workbook, name);

      llw_workbook_write_annex (&w, sheet, part->kind, part->band);
      g_hash_table_insert (renames, sheet_part_name (sheet->index),
                           sheet_part_name (part->sheet));
    }
  if (llw_workbook_writer_close (&w, &split->error))
    split->result = llw_xlsx_parts_read (split->path, renames, &split->error);
  return NULL;
}

static void
copy_layouts (LlwTableLayout       *copies,
              const LlwTableLayout *layouts,
              LlwReportDocument    *document)
{
  for (LlwAnnexKind kind = 0; kind < LLW_N_ANNEXES; kind++)
    {
      guint n = llw_report_table_get_n_rows (llw_report_document_get_annex (document,
                                                                             kind)->table);

      copies[kind] = layouts[kind];
      copies[kind].runs = g_array_copy (layouts[kind].runs);
      copies[kind].heights = g_memdup2 (layouts[kind].heights, MAX (n, 1) * sizeof (float));
    }
}

/**
 * llw_workbook_split_start:
 * @w: the main writer, its annexes planned
 * @path: the file the second writer writes
 *
 * Starts a second writer on a thread of its own with some of the annexes' parts, when the
 * computer has more than one core.
 *
 * Returns: (transfer full) (nullable): the second writer, to be finished with
 *   llw_workbook_split_finish (); %NULL when the main writer writes every sheet
 */
LlwWorkbookSplit *
llw_workbook_split_start (LlwWorkbookWriter *w,
                          const char        *path)
{
  LlwWorkbookSplit *split;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (w != NULL && path != NULL, NULL);

  if (g_get_num_processors () < 2)
    return NULL;
  split = g_new0 (LlwWorkbookSplit, 1);
  split->parts = choose_parts (w);
  if (split->parts->len == 0)
    {
      split_free (split);
      return NULL;
    }
  split->document = w->document;
  split->exported_at = w->exported_at;
  split->path = g_strdup (path);
  copy_layouts (split->layouts, w->layouts, w->document);
  split->thread = g_thread_try_new ("llweek-sheets", write_in_thread, split, &error);
  if (split->thread == NULL)
    {
      g_debug ("The workbook is written on one thread: %s", error->message);
      split_free (split);
      return NULL;
    }
  return split;
}

/* Returns: whether the second writer writes the sheet at @sheet in the main workbook. */
gboolean
llw_workbook_split_takes (LlwWorkbookSplit *split,
                          guint             sheet)
{
  if (split == NULL)
    return FALSE;
  for (guint i = 0; i < split->parts->len; i++)
    if (g_array_index (split->parts, SplitPart, i).sheet == sheet)
      return TRUE;
  return FALSE;
}

/**
 * llw_workbook_split_finish:
 * @split: (transfer full) (nullable): the second writer, or %NULL for none
 * @parts: (out) (optional): where to put its sheets, named as in the main workbook; %NULL
 *   when the main workbook failed and they are not wanted
 *
 * Waits for the second writer and frees it.
 *
 * Returns: %FALSE with @error set if it failed
 */
gboolean
llw_workbook_split_finish (LlwWorkbookSplit  *split,
                           LlwXlsxParts     **parts,
                           GError           **error)
{
  gboolean ok;

  if (split == NULL)
    return TRUE;
  g_thread_join (split->thread);
  ok = split->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&split->error));
  else if (parts != NULL)
    *parts = g_steal_pointer (&split->result);
  split_free (split);
  return ok;
}
