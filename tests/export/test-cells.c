/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workbook never drops a cell without a word: text longer than a cell holds, a character
 * no spreadsheet reads, or a row past the last of a sheet make the export fail, naming the
 * cell, where libxlsxwriter alone would leave the cell out and go on. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "llw-workbook.h"
#include "llw-workbook-private.h"

typedef struct
{
  char *folder;
  LlwWorkbookWriter w;
  lxw_worksheet *sheet;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autofree char *path = NULL;

  fixture->folder = g_dir_make_tmp ("llweek-test-XXXXXX", NULL);
  path = g_build_filename (fixture->folder, "cells.xlsx", NULL);
  fixture->w.workbook = workbook_new (path);
  fixture->sheet = workbook_add_worksheet (fixture->w.workbook, "Phụ lục IV – Hoạt động");
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "cells.xlsx", NULL);

  workbook_close (fixture->w.workbook);
  g_clear_error (&fixture->w.error);
  g_remove (path);
  g_rmdir (fixture->folder);
  g_free (fixture->folder);
}

static void
assert_refused (Fixture    *fixture,
                const char *cell,
                const char *reason)
{
  g_assert_error (fixture->w.error, LLW_WORKBOOK_ERROR, LLW_WORKBOOK_ERROR_CONTENT);
  g_test_message ("%s", fixture->w.error->message);
  g_assert_nonnull (strstr (fixture->w.error->message, cell));
  g_assert_nonnull (strstr (fixture->w.error->message, "Phụ lục IV – Hoạt động"));
  g_assert_nonnull (strstr (fixture->w.error->message, reason));
}

/* The last row of a sheet takes its text; the one after it is refused, by name. */
static void
test_last_row (Fixture      *fixture,
               gconstpointer data)
{
  llw_workbook_write_text (&fixture->w, fixture->sheet, LXW_ROW_MAX - 1, 1, "Hòn Đất", NULL);
  g_assert_no_error (fixture->w.error);
  llw_workbook_write_text (&fixture->w, fixture->sheet, LXW_ROW_MAX, 1, "Hà Tiên", NULL);
  assert_refused (fixture, "B1048576", "1048576 rows");
}

/* 32,767 characters fit in a cell; one more does not, and the cell is named. */
static void
test_long_text (Fixture      *fixture,
                gconstpointer data)
{
  g_autofree char *fits = g_strnfill (32767, 'x');
  g_autofree char *too_long = g_strnfill (32768, 'y');

  llw_workbook_merge_text (&fixture->w, fixture->sheet, 4, 0, 4, 6, fits, NULL);
  g_assert_no_error (fixture->w.error);
  llw_workbook_write_text (&fixture->w, fixture->sheet, 5, 2, too_long, NULL);
  assert_refused (fixture, "C6", "32768");
}

/* U+FFFF would make the whole workbook unreadable. */
static void
test_forbidden_character (Fixture      *fixture,
                          gconstpointer data)
{
  llw_workbook_write_text (&fixture->w, fixture->sheet, 11, 3, "Lớp học \xef\xbf\xbf", NULL);
  assert_refused (fixture, "D12", "U+FFFF");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cells/last-row", test_last_row);
  ADD ("/cells/long-text", test_long_text);
  ADD ("/cells/forbidden-character", test_forbidden_character);
#undef ADD

  return g_test_run ();
}
