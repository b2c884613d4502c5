/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The finish of the workbook (llw-xlsx-finish.c) copies libxlsxwriter's compressed parts as
 * they are and compresses again only the deflate blocks of a sheet from its page header on.
 * Wherever the page header falls, across a block boundary too, the finished sheet must read
 * back as the original with the attribute added; and a part that came out incomplete,
 * damaged or with a character XML forbids must fail the export. */
#include "config.h"

#include <string.h>
#include <zlib.h>
#include <glib/gstdio.h>

#include "llw-gsf-private.h"
#include "llw-xlsx-finish.h"

#define SHEET "xl/worksheets/sheet1.xml"
#define HEADER "<headerFooter><oddHeader>&amp;C&amp;P</oddHeader></headerFooter>"

typedef struct
{
  char *folder;
  char *part;
  char *target;
  GDateTime *now;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  fixture->folder = g_dir_make_tmp ("llweek-test-XXXXXX", NULL);
  fixture->part = g_build_filename (fixture->folder, "raw.xlsx", NULL);
  fixture->target = g_build_filename (fixture->folder, "finished.xlsx", NULL);
  fixture->now = g_date_time_new_local (2021, 10, 28, 9, 30, 0);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_remove (fixture->part);
  g_remove (fixture->target);
  g_rmdir (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->part);
  g_free (fixture->target);
  g_date_time_unref (fixture->now);
}

/* Letters that deflate cannot shrink much, so that blocks end every few ten kilobytes. */
static GString *
filler (guint length,
        guint seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *s = g_string_sized_new (length);

  for (guint i = 0; i < length; i++)
    g_string_append_c (s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ."
                          [g_rand_int_range (rand, 0, 64)]);
  return s;
}

/* A sheet whose page header begins at @at. */
static char *
sheet_with_header_at (guint at)
{
  g_autoptr(GString) before = filler (at - strlen ("<worksheet><a>"), 1);
  g_autoptr(GString) after = filler (3000, 2);

  return g_strdup_printf ("<worksheet><a>%s" HEADER "%s</a></worksheet>", before->str,
                          after->str);
}

/* Writes a ZIP of the parts, name and contents in turn, as libxlsxwriter would. */
static void
write_zip (const char *path,
           ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsfOutput) sink = llw_gsf_output_new (path, &error);
  g_autoptr(GsfOutfile) zip = NULL;
  GHashTable *folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  va_list args;
  const char *name;

  g_assert_no_error (error);
  zip = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", sink, "zip64", FALSE, NULL);
  va_start (args, path);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *contents = va_arg (args, const char *);
      g_auto(GStrv) steps = g_strsplit (name, "/", -1);
      GsfOutfile *folder = zip;
      g_autofree char *prefix = g_strdup ("");
      g_autoptr(GsfOutput) part = NULL;
      guint n = g_strv_length (steps);

      for (guint i = 0; i + 1 < n; i++)
        {
          char *joined = g_strconcat (prefix, steps[i], "/", NULL);
          GsfOutfile *inner = g_hash_table_lookup (folders, joined);

          if (inner == NULL)
            {
              inner = GSF_OUTFILE (gsf_outfile_new_child (folder, steps[i], TRUE));
              g_hash_table_insert (folders, g_strdup (joined), inner);
            }
          folder = inner;
          g_free (prefix);
          prefix = joined;
        }
      part = gsf_outfile_new_child (folder, steps[n - 1], FALSE);
      g_assert_true (gsf_output_write (part, strlen (contents), (const guint8 *) contents));
      g_assert_true (gsf_output_close (part));
    }
  va_end (args);
  /* Inner folders first, then the archive. */
  {
    g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (folders),
                                         (GCompareFunc) g_strcmp0);

    for (GList *l = g_list_last (keys); l != NULL; l = l->prev)
      gsf_output_close (GSF_OUTPUT (g_hash_table_lookup (folders, l->data)));
  }
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_assert_true (gsf_output_close (sink));
  g_hash_table_unref (folders);
}

/* Returns: the contents of the part @name of the package at @path, read with libgsf. */
static char *
read_part (const char *path,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsfInput) input = gsf_input_stdio_new (path, &error);
  g_autoptr(GsfInfile) zip = NULL;
  g_autoptr(GsfInput) part = NULL;
  g_auto(GStrv) steps = g_strsplit (name, "/", -1);
  gsize size;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  part = gsf_infile_child_by_aname (zip, (const char **) steps);
  g_assert_nonnull (part);
  size = (gsize) gsf_input_size (part);
  return g_strndup ((const char *) gsf_input_read (part, size, NULL), size);
}

/* Returns: where the first deflate block of the sheet in the ZIP file at @path ends. */
static gsize
first_block_end (const char *path)
{
  g_autofree char *zip = NULL;
  gsize length, at = 0;
  guint8 out[65536];
  z_stream z = { 0 };

  g_assert_true (g_file_get_contents (path, &zip, &length, NULL));
  while (at + 30 + strlen (SHEET) <= length &&
         (memcmp (zip + at, "PK\3\4", 4) != 0 ||
          memcmp (zip + at + 30, SHEET, strlen (SHEET)) != 0))
    at++;
  g_assert_cmpuint (at + 30 + strlen (SHEET), <=, length);
  at += 30 + (guint8) zip[at + 26] + 256 * (guint8) zip[at + 27] +
        (guint8) zip[at + 28] + 256 * (guint8) zip[at + 29];

  g_assert_cmpint (inflateInit2 (&z, -MAX_WBITS), ==, Z_OK);
  z.next_in = (Bytef *) zip + at;
  z.avail_in = length - at;
  do
    {
      z.next_out = out;
      z.avail_out = sizeof out;
      g_assert_cmpint (inflate (&z, Z_BLOCK), ==, Z_OK);
    }
  while (!(z.data_type & 128) || z.total_out == 0);
  inflateEnd (&z);
  return z.total_out;
}

static void
check_finished (Fixture    *fixture,
                const char *sheet)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *types = NULL;
  char *at;

  write_zip (fixture->part, "[Content_Types].xml", "<Types></Types>", SHEET, sheet, NULL);
  g_assert_true (llw_xlsx_finish (fixture->part, fixture->target, fixture->now, &error));
  g_assert_no_error (error);
  g_assert_true (llw_package_check (fixture->target, &error));
  g_assert_no_error (error);

  at = strstr (sheet, "<headerFooter>");
  expected = g_strdup_printf ("%.*s<headerFooter differentFirst=\"1\">%s", (int) (at - sheet),
                              sheet, at + strlen ("<headerFooter>"));
  got = read_part (fixture->target, SHEET);
  g_assert_cmpuint (strlen (got), ==, strlen (expected));
  g_assert_true (strcmp (got, expected) == 0);
  types = read_part (fixture->target, "[Content_Types].xml");
  g_assert_cmpstr (types, ==, "<Types></Types>");
}

/* The page header at the start of the sheet, inside its first block, across the end of that
 * block, and far on. */
static void
test_patch (Fixture      *fixture,
            gconstpointer data)
{
  g_autofree char *probe = sheet_with_header_at (60000);
  gsize end;

  write_zip (fixture->part, SHEET, probe, NULL);
  end = first_block_end (fixture->part);

  g_assert_cmpuint (end, >, 1000);
  g_assert_cmpuint (end, <, 60000);
  for (guint at = 14; at < 40; at++)
    {
      g_autofree char *sheet = sheet_with_header_at (at);

      check_finished (fixture, sheet);
    }
  for (guint at = end - 30; at <= end + 5; at++)
    {
      g_autofree char *sheet = sheet_with_header_at (at);

      check_finished (fixture, sheet);
    }
  check_finished (fixture, probe);
}

static void
check_refused (Fixture    *fixture,
               const char *sheet,
               GQuark      domain,
               int         code)
{
  g_autoptr(GError) error = NULL;

  write_zip (fixture->part, "[Content_Types].xml", "<Types></Types>", SHEET, sheet, NULL);
  g_assert_false (llw_xlsx_finish (fixture->part, fixture->target, fixture->now, &error));
  g_assert_error (error, domain, code);
}

/* A sheet cut short (libxlsxwriter's temporary file on a full disk), one with a character
 * XML forbids, and one without a page header to patch. */
static void
test_refused (Fixture      *fixture,
              gconstpointer data)
{
  g_autofree char *whole = sheet_with_header_at (5000);
  g_autofree char *cut = g_strndup (whole, strlen (whole) - 10);
  g_autofree char *control = g_strdup (whole);
  g_autofree char *noncharacter = g_strdup_printf ("<worksheet>\xef\xbf\xbe%s", whole + 11);

  check_refused (fixture, cut, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  control[3000] = '\x01';
  check_refused (fixture, control, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  check_refused (fixture, noncharacter, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  check_refused (fixture, "<worksheet><a>no header</a></worksheet>", G_IO_ERROR,
                 G_IO_ERROR_INVALID_DATA);
}

/* A part file damaged inside a part's compressed data, or cut short. */
static void
test_damaged (Fixture      *fixture,
              gconstpointer data)
{
  g_autofree char *sheet = sheet_with_header_at (50000);
  g_autofree char *contents = NULL;
  gsize length;

  for (guint damage = 0; damage < 2; damage++)
    {
      g_autoptr(GError) error = NULL;

      write_zip (fixture->part, "[Content_Types].xml", "<Types></Types>", SHEET, sheet, NULL);
      g_clear_pointer (&contents, g_free);
      g_assert_true (g_file_get_contents (fixture->part, &contents, &length, NULL));
      if (damage == 0)
        contents[length / 2] ^= 0x20;
      else
        length /= 2;
      g_assert_true (g_file_set_contents (fixture->part, contents, (gssize) length, NULL));
      g_assert_false (llw_xlsx_finish (fixture->part, fixture->target, fixture->now, &error));
      g_assert_true (error->domain == G_IO_ERROR);
    }
}

/* The finished file could not be written in full (a full disk): the export fails, telling
 * why; and a finished file cut short afterwards fails the check made before it replaces the
 * user's. */
static void
test_unwritten (Fixture      *fixture,
                gconstpointer data)
{
  g_autofree char *sheet = sheet_with_header_at (50000);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  write_zip (fixture->part, "[Content_Types].xml", "<Types></Types>", SHEET, sheet, NULL);
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_assert_false (llw_xlsx_finish (fixture->part, "/dev/full", fixture->now, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
      g_clear_error (&error);
    }

  g_assert_true (llw_xlsx_finish (fixture->part, fixture->target, fixture->now, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (fixture->target, &contents, &length, NULL));
  for (gsize cut = length - 1; cut > 0; cut = cut > 512 ? cut - 512 : 0)
    {
      g_assert_true (g_file_set_contents (fixture->target, contents, (gssize) cut, NULL));
      g_assert_false (llw_package_check (fixture->target, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
}

/* Sheets written by a second workbook take the place of the main workbook's empty ones, under
 * their names and where they stood; the second workbook's other parts are left out. */
static void
test_replaced (Fixture      *fixture,
               gconstpointer data)
{
  g_autofree char *other = g_build_filename (fixture->folder, "other.xlsx", NULL);
  g_autofree char *empty = sheet_with_header_at (20);
  g_autofree char *kept = sheet_with_header_at (300);
  g_autofree char *written = sheet_with_header_at (70000);
  g_autofree char *got = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GHashTable) renames = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(LlwXlsxParts) parts = NULL;
  g_autoptr(LlwXlsxParts) others = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GsfInfile) zip = NULL;
  const char *at;

  write_zip (fixture->part, "[Content_Types].xml", "<Types></Types>", SHEET, empty,
             "xl/worksheets/sheet2.xml", kept, NULL);
  write_zip (other, "[Content_Types].xml", "<Other></Other>", SHEET, kept,
             "xl/worksheets/sheet2.xml", written, NULL);
  g_hash_table_insert (renames, "xl/worksheets/sheet2.xml", SHEET);

  parts = llw_xlsx_parts_read (fixture->part, NULL, &error);
  g_assert_no_error (error);
  others = llw_xlsx_parts_read (other, renames, &error);
  g_assert_no_error (error);
  g_assert_true (llw_xlsx_parts_write (parts, others, fixture->target, fixture->now, &error));
  g_assert_no_error (error);
  g_assert_true (llw_package_check (fixture->target, &error));
  g_assert_no_error (error);

  input = gsf_input_stdio_new (fixture->target, &error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gsf_infile_num_children (zip), ==, 2);
  g_assert_cmpstr (gsf_infile_name_by_index (zip, 0), ==, "[Content_Types].xml");
  got = read_part (fixture->target, "[Content_Types].xml");
  g_assert_cmpstr (got, ==, "<Types></Types>");
  g_clear_pointer (&got, g_free);
  at = strstr (written, "<headerFooter>");
  expected = g_strdup_printf ("%.*s<headerFooter differentFirst=\"1\">%s", (int) (at - written),
                              written, at + strlen ("<headerFooter>"));
  got = read_part (fixture->target, SHEET);
  g_assert_true (strcmp (got, expected) == 0);
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&expected, g_free);
  at = strstr (kept, "<headerFooter>");
  expected = g_strdup_printf ("%.*s<headerFooter differentFirst=\"1\">%s", (int) (at - kept),
                              kept, at + strlen ("<headerFooter>"));
  got = read_part (fixture->target, "xl/worksheets/sheet2.xml");
  g_assert_true (strcmp (got, expected) == 0);
  g_remove (other);
}

/* A package large enough to be read back on two threads: a forbidden character in any of its
 * parts fails the check, whichever thread reads it. */
static void
test_check_shared (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(GString) big = filler (600000, 3);
  g_autoptr(GString) small = filler (200000, 4);

  for (int bad = -1; bad < 4; bad++)
    {
      g_autoptr(GError) error = NULL;
      char *sheets[4];

      for (int i = 0; i < 4; i++)
        {
          sheets[i] = g_strdup_printf ("<worksheet>%s</worksheet>", (i % 2 ? small : big)->str);
          if (i == bad)
            sheets[i][1000 + i] = '\x01';
        }
      write_zip (fixture->target, "xl/worksheets/sheet1.xml", sheets[0],
                 "xl/worksheets/sheet2.xml", sheets[1], "xl/worksheets/sheet3.xml", sheets[2],
                 "docProps/app.xml", sheets[3], NULL);
      if (bad < 0)
        {
          g_assert_true (llw_package_check (fixture->target, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (llw_package_check (fixture->target, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
        }
      for (int i = 0; i < 4; i++)
        g_free (sheets[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gsf_init ();
  g_test_add ("/xlsx-finish/patch", Fixture, NULL, fixture_set_up, test_patch,
              fixture_tear_down);
  g_test_add ("/xlsx-finish/refused", Fixture, NULL, fixture_set_up, test_refused,
              fixture_tear_down);
  g_test_add ("/xlsx-finish/damaged", Fixture, NULL, fixture_set_up, test_damaged,
              fixture_tear_down);
  g_test_add ("/xlsx-finish/unwritten", Fixture, NULL, fixture_set_up, test_unwritten,
              fixture_tear_down);
  g_test_add ("/xlsx-finish/replaced", Fixture, NULL, fixture_set_up, test_replaced,
              fixture_tear_down);
  g_test_add ("/xlsx-finish/check-shared", Fixture, NULL, fixture_set_up, test_check_shared,
              fixture_tear_down);
  return g_test_run ();
}
