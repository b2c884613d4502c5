/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "llw-checklist-layout.h"
#include "llw-checklist-pdf.h"
#include "llw-date.h"

/* The checklist layout without a PDF reader: how rows are cut into pages, how text wraps
 * in its cell, that repeated words are shaped once, and the checklists a new database
 * gives. */

#define MM(x) ((x) * 72.0 / 25.4)

typedef struct
{
  LlwChecklist *checklist;
  GArray *kinds;            /* LlwChecklistRowKind of each row, as added */
} Table;

static void
table_init (Table *table)
{
  table->checklist = llw_checklist_new ();
  table->kinds = g_array_new (FALSE, FALSE, sizeof (int));
  llw_checklist_add_column (table->checklist, "TT", "0000", 0, PANGO_ALIGN_CENTER, 0, 0);
  llw_checklist_add_column (table->checklist, "Đơn vị", NULL, 3, PANGO_ALIGN_LEFT, 0, 0);
  llw_checklist_add_column (table->checklist, "Nhiệm vụ", NULL, 2, PANGO_ALIGN_LEFT, 0, 0);
  llw_checklist_add_column (table->checklist, "Hạn", "00/00/0000", 0, PANGO_ALIGN_CENTER, 0, 0);
  llw_checklist_add_column (table->checklist, "Ghi chú", "Chưa báo cáo", 0, PANGO_ALIGN_LEFT, 0,
                            0);
}

static void
table_clear (Table *table)
{
  g_clear_object (&table->checklist);
  g_clear_pointer (&table->kinds, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

static void
add_row (Table               *table,
         LlwChecklistRowKind  kind,
         const char          *name,
         const char          *task)
{
  g_autofree char *tt = g_strdup_printf ("%u", table->kinds->len + 1);
  const char *cells[] = { tt, name, task, "21/10/2021", "Chưa báo cáo" };
  int k = kind;

  llw_checklist_add_row (table->checklist, kind, LLW_CHECKLIST_BOX_EMPTY, cells);
  g_array_append_val (table->kinds, k);
}

static LlwChecklistLayout *
paginate (Table    *table,
          gboolean  landscape)
{
  LlwChecklistLayout *layout;
  LlwPageGeometry page;

  llw_page_geometry_a4 (&page, landscape);
  layout = llw_checklist_layout_new (table->checklist, &page);
  /* In slices, as the print dialog does: the result must not depend on them. */
  while (!llw_checklist_layout_paginate (layout, 7))
    ;
  return layout;
}

/* Every row on exactly one page, in order; each page's rows inside the bottom margin; and
 * a page ends only where the next row, with the first row of its group if it is a group
 * heading, would not have fitted: so there are no more pages than needed. */
static void
assert_pages_full (LlwChecklistLayout *layout,
                   Table              *table)
{
  guint n_pages = llw_checklist_layout_get_n_pages (layout);
  guint n_rows = table->kinds->len;
  double bottom = llw_checklist_layout_get_rows_bottom (layout);

  g_assert_cmpuint (n_pages, >=, 1);
  g_assert_cmpuint (llw_checklist_layout_get_first_row (layout, 0), ==, 0);
  g_assert_cmpuint (llw_checklist_layout_get_first_row (layout, n_pages), ==, n_rows);

  for (guint p = 0; p < n_pages; p++)
    {
      guint first = llw_checklist_layout_get_first_row (layout, p);
      guint last = llw_checklist_layout_get_first_row (layout, p + 1);
      double y = llw_checklist_layout_get_rows_top (layout, p);

      g_assert_cmpuint (first, <, last);
      for (guint r = first; r < last; r++)
        y += llw_checklist_layout_get_row_height (layout, r);
      g_assert_cmpfloat (y, <=, bottom + 0.01);

      g_assert_cmpint (g_array_index (table->kinds, int, last - 1), !=, LLW_CHECKLIST_ROW_GROUP);
      if (p + 1 < n_pages)
        {
          double next = llw_checklist_layout_get_row_height (layout, last);

          if (g_array_index (table->kinds, int, last) == LLW_CHECKLIST_ROW_GROUP)
            next += llw_checklist_layout_get_row_height (layout, last + 1);
          g_assert_cmpfloat (y + next, >, bottom);
        }
    }
}

static void
test_pages_full (void)
{
  g_auto(Table) table = { NULL };
  g_autoptr(LlwChecklistLayout) portrait = NULL;
  g_autoptr(LlwChecklistLayout) landscape = NULL;

  table_init (&table);
  for (guint g = 0; g < 40; g++)
    {
      add_row (&table, LLW_CHECKLIST_ROW_GROUP, "Nhóm", NULL);
      for (guint i = 0; i < 1 + g % 7; i++)
        add_row (&table, LLW_CHECKLIST_ROW_ITEM, i % 3 ? "UBND huyện Hòn Đất"
                 : "Trung tâm học tập cộng đồng xã Vĩnh Hòa Hưng Nam, huyện Gò Quao", NULL);
      add_row (&table, LLW_CHECKLIST_ROW_SUBTOTAL, "Cộng nhóm", NULL);
    }
  add_row (&table, LLW_CHECKLIST_ROW_TOTAL, "Tổng cộng", NULL);

  portrait = paginate (&table, FALSE);
  assert_pages_full (portrait, &table);
  landscape = paginate (&table, TRUE);
  assert_pages_full (landscape, &table);

  /* A turned page is lower: the same rows take more pages. */
  g_assert_cmpuint (llw_checklist_layout_get_n_pages (landscape), >,
                    llw_checklist_layout_get_n_pages (portrait));
}

static void
test_page_margins (void)
{
  LlwPageGeometry portrait, landscape;

  llw_page_geometry_a4 (&portrait, FALSE);
  g_assert_cmpfloat_with_epsilon (portrait.width, MM (210), 0.01);
  g_assert_cmpfloat_with_epsilon (portrait.height, MM (297), 0.01);
  g_assert_cmpfloat_with_epsilon (portrait.top, MM (20), 0.01);
  g_assert_cmpfloat_with_epsilon (portrait.bottom, MM (20), 0.01);
  g_assert_cmpfloat_with_epsilon (portrait.left, MM (30), 0.01);
  g_assert_cmpfloat_with_epsilon (portrait.right, MM (15), 0.01);

  llw_page_geometry_for_size (&landscape, MM (297), MM (210));
  g_assert_cmpfloat_with_epsilon (landscape.width, MM (297), 0.01);
  g_assert_cmpfloat_with_epsilon (landscape.top, MM (30), 0.01);
  g_assert_cmpfloat_with_epsilon (landscape.bottom, MM (15), 0.01);
}

static void
test_wrap (void)
{
  g_auto(Table) table = { NULL };
  g_autoptr(LlwChecklistLayout) layout = NULL;
  g_autoptr(GString) task = g_string_new (NULL);

  for (guint i = 0; i < 40; i++)
    g_string_append (task, "Tổng hợp và gửi báo cáo ");

  table_init (&table);
  add_row (&table, LLW_CHECKLIST_ROW_ITEM, "Sở Y tế", NULL);
  add_row (&table, LLW_CHECKLIST_ROW_ITEM,
           "Trung tâm học tập cộng đồng xã Vĩnh Hòa Hưng Nam, huyện Gò Quao", NULL);
  add_row (&table, LLW_CHECKLIST_ROW_ITEM,
           "phonggdtrh.sokiengiang.vinhlac.rachgia@moet.edu.vn", task->str);
  layout = paginate (&table, FALSE);

  g_assert_cmpuint (llw_checklist_layout_get_row_lines (layout, 0, 1), ==, 1);
  g_assert_cmpuint (llw_checklist_layout_get_row_lines (layout, 1, 1), >, 1);
  g_assert_cmpfloat (llw_checklist_layout_get_row_height (layout, 1), >,
                     llw_checklist_layout_get_row_height (layout, 0));
  /* A word wider than its cell is cut into pieces that fit. */
  g_assert_cmpuint (llw_checklist_layout_get_row_lines (layout, 2, 1), >, 1);
  /* The whole task is there: 40 times six words make many lines of a narrow column. */
  g_assert_cmpuint (llw_checklist_layout_get_row_lines (layout, 2, 2), >, 10);
}

/* A row taller than a page starts a page of its own and goes on over the next ones, each
 * line on exactly one page, rather than being lost, cut or looping. */
static void
test_row_taller_than_page (void)
{
  g_auto(Table) table = { NULL };
  g_autoptr(LlwChecklistLayout) layout = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  guint n_pages, lines_shown = 0, n_lines;
  double room;

  for (guint i = 0; i < 400; i++)
    g_string_append (name, "Đơn vị ");

  table_init (&table);
  add_row (&table, LLW_CHECKLIST_ROW_ITEM, "Sở Y tế", NULL);
  add_row (&table, LLW_CHECKLIST_ROW_ITEM, name->str, NULL);
  add_row (&table, LLW_CHECKLIST_ROW_ITEM, "Sở Tư pháp", NULL);
  layout = paginate (&table, FALSE);
  n_pages = llw_checklist_layout_get_n_pages (layout);
  n_lines = llw_checklist_layout_get_row_lines (layout, 1, 1);
  room = llw_checklist_layout_get_rows_bottom (layout) - llw_checklist_layout_get_rows_top (layout,
                                                                                            1);

  g_assert_cmpfloat (llw_checklist_layout_get_row_height (layout, 1), >, room);
  g_assert_cmpuint (n_pages, >=, 3);
  /* The tall row starts on a page of its own, after the first row's page. */
  g_assert_cmpuint (llw_checklist_layout_get_first_row (layout, 1), ==, 1);
  g_assert_cmpuint (llw_checklist_layout_get_first_line (layout, 1), ==, 0);
  /* Every later page but the last goes on with it from a later line. */
  for (guint p = 2; p < n_pages; p++)
    {
      g_assert_cmpuint (llw_checklist_layout_get_first_row (layout, p), ==, 1);
      g_assert_cmpuint (llw_checklist_layout_get_first_line (layout, p), >,
                        llw_checklist_layout_get_first_line (layout, p - 1));
    }
  lines_shown = llw_checklist_layout_get_first_line (layout, n_pages - 1);
  g_assert_cmpuint (lines_shown, <, n_lines);
  g_assert_cmpuint (llw_checklist_layout_get_first_row (layout, n_pages), ==, 3);
}

/* 2,000 rows with different names made of the same words, and the same date and note:
 * only the numbers are new words, each shaped once for TT and the name together. */
static void
test_shaped_once (void)
{
  g_auto(Table) table = { NULL };
  g_autoptr(LlwChecklistLayout) layout = NULL;

  table_init (&table);
  for (guint i = 1; i <= 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("UBND huyện Hòn Đất số %u", i);

      add_row (&table, LLW_CHECKLIST_ROW_ITEM, name, "Tổng hợp báo cáo");
    }
  layout = paginate (&table, FALSE);

  g_assert_cmpuint (llw_checklist_layout_get_n_shaped (layout), >=, 2000);
  g_assert_cmpuint (llw_checklist_layout_get_n_shaped (layout), <, 2000 + 60);
}

static void
test_empty (void)
{
  g_auto(Table) table = { NULL };
  g_autoptr(LlwChecklistLayout) layout = NULL;

  table_init (&table);
  layout = paginate (&table, FALSE);
  g_assert_cmpuint (llw_checklist_layout_get_n_pages (layout), ==, 1);
}

typedef struct
{
  char *folder;
  char *path;
  LlwDatabase *db;
  LlwCampaign *campaign;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("llweek-print-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "llweek.db", NULL);
  fixture->db = llw_database_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->campaign = llw_database_get_campaign (fixture->db, 2021, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->folder, 0, NULL);
  const char *name;

  g_clear_object (&fixture->campaign);
  g_clear_object (&fixture->db);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_remove (path);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static LlwChecklist *
checklist_on (Fixture          *fixture,
              LlwChecklistKind  kind,
              const char       *day)
{
  g_autoptr(GError) error = NULL;
  LlwChecklist *checklist;
  GDate today;

  g_assert_true (llw_date_parse (day, &today));
  checklist = llw_checklist_new_for_campaign (fixture->db, fixture->campaign, kind, &today,
                                              &error);
  g_assert_no_error (error);
  return checklist;
}

/* Returns: how many rows have a number in TT, i.e. list a unit or a recipient. */
static guint
count_items (LlwChecklist *checklist)
{
  guint n = 0;

  for (guint r = 0; r < llw_checklist_get_n_rows (checklist); r++)
    {
      const char *tt = llw_checklist_get_cell (checklist, r, 0);

      n += tt != NULL && g_ascii_isdigit (tt[0]);
    }
  return n;
}

/* The 2021 data: 43 units (15 district, 28 provincial), all but Sở GD&ĐT must report. */
static void
test_campaign_lists (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(LlwChecklist) assigned = checklist_on (fixture, LLW_CHECKLIST_ASSIGNED, "2021-10-25");
  g_autoptr(LlwChecklist) missing = checklist_on (fixture, LLW_CHECKLIST_MISSING, "2021-10-25");
  g_autoptr(LlwChecklist) early = checklist_on (fixture, LLW_CHECKLIST_MISSING, "2021-10-05");
  g_autoptr(LlwChecklist) recipients = checklist_on (fixture, LLW_CHECKLIST_RECIPIENTS,
                                                     "2021-10-25");

  g_assert_cmpuint (count_items (assigned), ==, 43);
  g_assert_cmpuint (llw_checklist_get_n_rows (assigned), ==, 43 + 2 + 2 + 1);
  g_assert_cmpstr (llw_checklist_get_cell (assigned, 0, 1), ==, "Cấp huyện");
  g_assert_cmpstr (llw_checklist_get_cell (assigned, 1, 1), ==, "UBND thành phố Rạch Giá");
  /* No task column: the deadline follows the unit. */
  g_assert_cmpuint (llw_checklist_get_n_columns (assigned), ==, 6);
  g_assert_cmpstr (llw_checklist_get_cell (assigned, 1, 2), ==, "21/10/2021");

  g_assert_cmpuint (count_items (missing), ==, 42);
  g_assert_cmpuint (count_items (early), ==, 0);
  g_assert_cmpuint (llw_checklist_get_n_rows (early), ==, 1);
  g_assert_cmpuint (count_items (recipients), ==, 11);
}

/* A name typed decomposed prints composed, like every other. */
static void
test_decomposed_name (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr(LlwChecklist) checklist = NULL;
  g_autofree char *decomposed = g_utf8_normalize ("Ủy ban nhân dân huyện Hòn Đất", -1,
                                                  G_NORMALIZE_NFD);
  char *sql = sqlite3_mprintf ("UPDATE unit SET name = %Q WHERE code = 'HDA'", decomposed);
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  sqlite3_free (sql);

  checklist = checklist_on (fixture, LLW_CHECKLIST_ASSIGNED, "2021-10-25");
  g_assert_cmpstr (llw_checklist_get_cell (checklist, 4, 1), ==, "Ủy ban nhân dân huyện Hòn Đất");
}

/* A PDF replaces its target only when complete; a failure names the file and leaves
 * nothing behind. */
static void
test_write_pdf (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(LlwChecklist) checklist = checklist_on (fixture, LLW_CHECKLIST_ASSIGNED,
                                                    "2021-10-25");
  g_autofree char *target = g_build_filename (fixture->folder, "danh sách.pdf", NULL);
  g_autofree char *folder = g_build_filename (fixture->folder, "thư mục.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_true (llw_checklist_write_pdf (checklist, TRUE, target, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (llw_checklist_write_pdf (checklist, FALSE, folder, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* Besides the database and its journal: the PDF and the folder, no temporary file. */
  dir = g_dir_open (fixture->folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "llweek.db"))
      {
        g_test_message ("%s", name);
        n_files++;
      }
  g_assert_cmpuint (n_files, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/layout/pages-full", test_pages_full);
  g_test_add_func ("/print/layout/margins", test_page_margins);
  g_test_add_func ("/print/layout/wrap", test_wrap);
  g_test_add_func ("/print/layout/row-taller-than-page", test_row_taller_than_page);
  g_test_add_func ("/print/layout/shaped-once", test_shaped_once);
  g_test_add_func ("/print/layout/empty", test_empty);
  g_test_add ("/print/checklist/campaign", Fixture, NULL,
              fixture_set_up, test_campaign_lists, fixture_tear_down);
  g_test_add ("/print/checklist/decomposed", Fixture, NULL,
              fixture_set_up, test_decomposed_name, fixture_tear_down);
  g_test_add ("/print/pdf/write", Fixture, NULL,
              fixture_set_up, test_write_pdf, fixture_tear_down);

  return g_test_run ();
}
