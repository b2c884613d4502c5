/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include "llw-gsf-private.h"
#include "llw-xlsx-finish.h"

/* Two things libxlsxwriter 1.1 does not do, done by copying its workbook with libgsf's ZIP
 * reader and writer:
 *
 * It does not notice when one of its temporary files could not be written (a full disk, a
 * quota): it zips what it could read back and reports success. So every XML part is read
 * back and must end with its root element's end tag, and hold no character XML forbids,
 * which would make the whole file unreadable.
 *
 * It cannot leave a sheet's first page without a header, as Decree 30 numbers a document's
 * pages from the second: each worksheet's <headerFooter> gets differentFirst="1" (and,
 * having no <firstHeader>, page 1 prints none).
 *
 * The same reading, without the copy, checks a finished package, the workbook's or the
 * editable report's, before it replaces the file the user asked for (llw_package_check ()). */

#define CHUNK 65536
#define NEEDLE "<headerFooter>"
#define REPLACEMENT "<headerFooter differentFirst=\"1\">"

/* The first and last bytes of an XML part, to tell that it is whole. */
typedef struct
{
  char head[256];
  gsize head_length;
  GString *tail;
} Ends;

static gboolean
fail (GError    **error,
      const char *reason)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("the file’s ZIP container could not be read back (%s)"), reason);
  return FALSE;
}

/* libxlsxwriter does not check that its temporary files were written in full. */
static gboolean
incomplete (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                       _("the file came out incomplete; is the disk or the temporary folder "
                         "full?"));
  return FALSE;
}

static gboolean
forbidden (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("the file would hold a character that spreadsheets and word "
                         "processors cannot read"));
  return FALSE;
}

/* A character XML 1.0 forbids, or a noncharacter, which spreadsheets refuse: its UTF-8
 * bytes begin at @p, of which @n are there. */
static gboolean
is_forbidden_at (const guint8 *p,
                 gsize         n)
{
  if (p[0] < 0x20)
    return p[0] != '\t' && p[0] != '\n' && p[0] != '\r';
  if (p[0] == 0xef && n >= 3)
    return (p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf)) ||   /* U+FFFE, U+FFFF */
           (p[1] == 0xb7 && p[2] >= 0x90 && p[2] <= 0xaf);       /* U+FDD0 to U+FDEF */
  if (p[0] >= 0xf0 && p[0] <= 0xf4 && n >= 4)                   /* U+nFFFE, U+nFFFF */
    return (p[1] & 0x0f) == 0x0f && p[2] == 0xbf && (p[3] == 0xbe || p[3] == 0xbf);
  return FALSE;
}

/* Returns: whether @data, the part's next bytes, holds a forbidden character, perhaps begun
 * in the last bytes of the previous chunk, which @ends keeps. */
static gboolean
has_forbidden (const Ends   *ends,
               const guint8 *data,
               gsize         length)
{
  gsize before = MIN (ends->tail->len, 3), after = MIN (length, 3);
  guint8 joint[6];

  memcpy (joint, ends->tail->str + ends->tail->len - before, before);
  memcpy (joint + before, data, after);
  for (gsize i = 0; i < before; i++)
    if (is_forbidden_at (joint + i, before + after - i))
      return TRUE;
  for (gsize i = 0; i < length; i++)
    if (is_forbidden_at (data + i, length - i))
      return TRUE;
  return FALSE;
}

static void
keep_ends (Ends       *ends,
           const char *data,
           gsize       length)
{
  gsize room = sizeof ends->head - ends->head_length;

  memcpy (ends->head + ends->head_length, data, MIN (room, length));
  ends->head_length += MIN (room, length);
  g_string_append_len (ends->tail, data, (gssize) length);
  if (ends->tail->len > 128)
    g_string_erase (ends->tail, 0, (gssize) (ends->tail->len - 128));
}

/* Returns: whether the part closes the element it opens. */
static gboolean
is_whole_xml (const Ends *ends)
{
  const char *p = ends->head, *end = ends->head + ends->head_length, *name;
  g_autofree char *end_tag = NULL;
  gsize tail_length = ends->tail->len;

  if (ends->head_length > 5 && memcmp (p, "<?xml", 5) == 0)
    p = memchr (p, '>', ends->head_length);
  while (p != NULL && p < end && *p != '<')
    p++;
  if (p == NULL || p + 1 >= end)
    return FALSE;
  name = ++p;
  while (p < end && *p != ' ' && *p != '>' && *p != '/' && *p != '\r' && *p != '\n')
    p++;
  end_tag = g_strdup_printf ("</%.*s>", (int) (p - name), name);

  while (tail_length > 0 && g_ascii_isspace (ends->tail->str[tail_length - 1]))
    tail_length--;
  return tail_length >= strlen (end_tag) &&
         memcmp (ends->tail->str + tail_length - strlen (end_tag), end_tag,
                 strlen (end_tag)) == 0;
}

static gboolean
write_all (GsfOutput   *out,
           const char  *data,
           gsize        length)
{
  return length == 0 || gsf_output_write (out, length, (const guint8 *) data);
}

/* A write that failed: the file's own error (a full disk) is the one to tell. */
static gboolean
write_failed (GsfOutput  *sink,
              GError    **error)
{
  const GError *cause = gsf_output_error (sink);

  if (cause != NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, cause->message);
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("the file could not be written in full; is the disk full?"));
  return FALSE;
}

/* Copies one part, inserting the attribute into a worksheet's page header as it streams
 * past; returns whether it found one to patch. Without @out, only reads it. */
static gboolean
copy_part (GsfInput  *in,
           GsfOutput *out,
           gboolean   is_xml,
           gboolean   is_sheet,
           gboolean  *patched,
           Ends      *ends,
           GError   **error)
{
  g_autoptr(GString) pending = g_string_new (NULL);
  gsf_off_t left = gsf_input_size (in);
  const gsize keep = strlen (NEEDLE) - 1;

  while (left > 0)
    {
      gsize n = (gsize) MIN (left, CHUNK);
      const guint8 *data = gsf_input_read (in, n, NULL);
      char *found;

      if (data == NULL)
        return fail (error, gsf_input_name (in));
      left -= (gsf_off_t) n;
      if (is_xml && has_forbidden (ends, data, n))
        return forbidden (error);
      keep_ends (ends, (const char *) data, n);
      if (out == NULL)
        continue;
      g_string_append_len (pending, (const char *) data, (gssize) n);

      if (is_sheet && !*patched && (found = strstr (pending->str, NEEDLE)) != NULL)
        {
          gsize at = found - pending->str;

          g_string_erase (pending, (gssize) at, strlen (NEEDLE));
          g_string_insert (pending, (gssize) at, REPLACEMENT);
          *patched = TRUE;
        }
      /* A needle cut between two chunks is found in the next round. */
      if (pending->len > keep)
        {
          if (!write_all (out, pending->str, pending->len - keep))
            return FALSE;   /* the sink tells why */
          g_string_erase (pending, 0, (gssize) (pending->len - keep));
        }
    }
  return out == NULL || write_all (out, pending->str, pending->len);
}

static gboolean
is_xml_part (const char *name)
{
  return g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels");
}

static gboolean copy_folder (GsfInfile *in, GsfOutfile *out, const char *path, GError **error);

static gboolean
copy_child (GsfInfile   *in,
            GsfOutfile  *out,
            int          i,
            const char  *folder,
            GError     **error)
{
  const char *name = gsf_infile_name_by_index (in, i);
  g_autoptr(GsfInput) child = gsf_infile_child_by_index (in, i);
  g_autofree char *path = g_strconcat (folder, name, NULL);
  gboolean is_folder = GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0;
  g_autoptr(GsfOutput) copy = NULL;
  gboolean is_sheet = g_str_has_prefix (path, "xl/worksheets/sheet");
  gboolean patched = FALSE, ok;
  Ends ends = { .tail = g_string_new (NULL) };

  if (child == NULL)
    {
      g_string_free (ends.tail, TRUE);
      return fail (error, name);
    }
  if (out != NULL)
    copy = gsf_outfile_new_child_full (out, name, is_folder, "zip64", FALSE,
                                       "deflate-level", 1, NULL);
  if (is_folder)
    {
      g_autofree char *inside = g_strconcat (path, "/", NULL);

      g_string_free (ends.tail, TRUE);
      ok = copy_folder (GSF_INFILE (child), copy != NULL ? GSF_OUTFILE (copy) : NULL, inside,
                        error);
      /* Closed in any case: an open child would leave the archive unfinished. */
      return (copy == NULL || gsf_output_close (copy)) && ok;
    }

  ok = copy_part (child, copy, is_xml_part (path), is_sheet, &patched, &ends, error);
  if (ok && is_xml_part (path) && !is_whole_xml (&ends))
    ok = incomplete (error);
  else if (ok && copy != NULL && is_sheet && !patched)
    ok = fail (error, "no page header");
  g_string_free (ends.tail, TRUE);
  /* Closed in any case; a failure to close is the sink's, which tells why. */
  return (copy == NULL || gsf_output_close (copy)) && ok;
}

static gboolean
copy_folder (GsfInfile   *in,
             GsfOutfile  *out,
             const char  *path,
             GError     **error)
{
  for (int i = 0; i < gsf_infile_num_children (in); i++)
    if (!copy_child (in, out, i, path, error))
      return FALSE;
  return TRUE;
}

/**
 * llw_xlsx_finish:
 * @path: a workbook written by libxlsxwriter
 * @target: where to write the finished workbook
 * @modified: the time its parts are stamped with
 *
 * Checks that every XML part of @path is complete and writes it again to @target with each
 * sheet printing its page header (the page number) from page 2 on.
 *
 * Returns: %FALSE with @error set when @path is incomplete or @target cannot be written
 */
gboolean
llw_xlsx_finish (const char  *path,
                 const char  *target,
                 GDateTime   *modified,
                 GError     **error)
{
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GsfInfile) infile = NULL;
  g_autoptr(GsfOutput) output = NULL;
  g_autoptr(GsfOutfile) outfile = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL && target != NULL && modified != NULL, FALSE);

  input = gsf_input_stdio_new (path, error);
  if (input == NULL)
    return FALSE;
  infile = gsf_infile_zip_new (input, error);
  if (infile == NULL)
    return FALSE;
  output = llw_gsf_output_new (target, error);
  if (output == NULL)
    return FALSE;

  outfile = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", output, "zip64", FALSE, NULL);
  gsf_output_set_modtime (GSF_OUTPUT (outfile), modified);
  ok = copy_folder (infile, outfile, "", &local_error);
  if (!gsf_output_close (GSF_OUTPUT (outfile)) && ok)
    ok = FALSE;
  if (!gsf_output_close (output))
    ok = FALSE;
  if (!ok && local_error == NULL)
    return write_failed (output, error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

/**
 * llw_package_check:
 * @path: a finished ZIP package of XML parts: a workbook, an OpenDocument text
 *
 * Reads @path back: its ZIP container must be whole, and each XML part complete and free of
 * characters XML forbids.
 *
 * Returns: %FALSE with @error set when the package is incomplete or would not open
 */
gboolean
llw_package_check (const char  *path,
                   GError     **error)
{
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GsfInfile) infile = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  input = gsf_input_stdio_new (path, error);
  if (input == NULL)
    return FALSE;
  infile = gsf_infile_zip_new (input, error);
  return infile != NULL && copy_folder (infile, NULL, "", error);
}
