/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "llw-zip-files.h"

#include <string.h>
#include <zip.h>
#include <unzip.h>
#include <zlib.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "llw-gsf-private.h"
#include "llw-part-scan.h"
#include "llw-xlsx-finish.h"

/* Two things libxlsxwriter 1.1 does not do, done by copying its workbook with minizip into
 * the file llw_output_write () hands out:
 *
 * It does not notice when one of its temporary files could not be written (a full disk, a
 * quota): it zips what it could read back and reports success. So every part is inflated
 * and must have the size and CRC-32 its ZIP entry gives, every XML part must end with its
 * root element's end tag and hold no character XML forbids (llw-part-scan.c).
 *
 * It cannot leave a sheet's first page without a header, as Decree 30 numbers a document's
 * pages from the second: each worksheet's <headerFooter> gets differentFirst="1" (and,
 * having no <firstHeader>, page 1 prints none).
 *
 * Compressing is most of the time a 50,000-unit workbook takes, so nothing is compressed
 * twice: minizip copies the parts as libxlsxwriter compressed them (raw), and of a sheet only
 * the deflate blocks from the one that holds the page header on (its last few kilobytes) are
 * compressed again. Deflate blocks begin at any bit, so the new ones start with the bits of
 * the last byte kept (deflatePrime ()); they refer to nothing before them, which deflate
 * allows.
 *
 * The same reading, with libgsf, checks a finished package, the workbook's or the editable
 * report's, before it replaces the file the user asked for (llw_package_check ()). */

#define CHUNK (256 * 1024)
#define NEEDLE "<headerFooter>"
#define REPLACEMENT "<headerFooter differentFirst=\"1\">"
#define NEEDLE_LENGTH (sizeof NEEDLE - 1)
#define NAME_MAX_LENGTH 1024

/* One part of libxlsxwriter's file, its compressed bytes read as they are. */
typedef struct
{
  char name[NAME_MAX_LENGTH];
  guint32 crc;
  guint32 size;
  guint8 *data;
  guint32 compressed;
} Entry;

/* Where a deflate block begins. */
typedef struct
{
  guint64 bit;          /* in the compressed data */
  gsize at;             /* in the part */
  guint32 crc;          /* of the part before it */
} Boundary;

/* A sheet as it is inflated: the block boundaries the page header may follow, and the part
 * from the first of them on. */
typedef struct
{
  GArray *boundaries;
  GByteArray *kept;
  gsize searched;       /* how much of the part was searched for the page header */
  gssize header_at;     /* where the page header begins, or -1 */
} Sheet;

/* What is written for one part. */
typedef struct
{
  guint32 crc;
  guint32 size;
  const guint8 *copied;  /* compressed bytes copied as they are */
  gsize copied_length;
  GByteArray *deflated;  /* then these, compressed again; or NULL */
} Finished;

static gboolean
fail (GError    **error,
      const char *reason)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("the file’s ZIP container could not be read back (%s)"), reason);
  return FALSE;
}

static gboolean
incomplete (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                       _("the file came out incomplete; is the disk or the temporary folder "
                         "full?"));
  return FALSE;
}

static gboolean
is_sheet (const char *name)
{
  return g_str_has_prefix (name, "xl/worksheets/sheet") && g_str_has_suffix (name, ".xml");
}

/* Notes the block boundary the inflater @z has just reached, and forgets the part before
 * the last boundary the page header cannot precede. */
static void
note_boundary (Sheet          *sheet,
               const z_stream *z,
               guint32         crc)
{
  Boundary b = { (guint64) z->total_in * 8 - (z->data_type & 7), z->total_out, crc };
  gsize limit = sheet->searched >= NEEDLE_LENGTH ? sheet->searched - NEEDLE_LENGTH + 1 : 0;
  guint last = 0;

  g_array_append_val (sheet->boundaries, b);
  for (guint i = 1; i < sheet->boundaries->len; i++)
    if (g_array_index (sheet->boundaries, Boundary, i).at <= limit)
      last = i;
  if (last > 0)
    {
      gsize first = g_array_index (sheet->boundaries, Boundary, 0).at;

      g_byte_array_remove_range (sheet->kept, 0,
                                 (guint) (g_array_index (sheet->boundaries, Boundary, last).at -
                                          first));
      g_array_remove_range (sheet->boundaries, 0, last);
    }
}

/* Searches what was inflated since the last search for the page header. */
static void
search_header (Sheet *sheet,
               gsize  inflated)
{
  gsize first = g_array_index (sheet->boundaries, Boundary, 0).at;
  gsize from = sheet->searched >= first + NEEDLE_LENGTH ? sheet->searched - NEEDLE_LENGTH + 1
                                                        : first;
  const char *found;

  g_byte_array_append (sheet->kept, (const guint8 *) "", 1);
  found = strstr ((const char *) sheet->kept->data + (from - first), NEEDLE);
  g_byte_array_set_size (sheet->kept, sheet->kept->len - 1);
  if (found != NULL)
    sheet->header_at = (gssize) (first + (found - (const char *) sheet->kept->data));
  sheet->searched = inflated;
}

/* Inflates one part, checking it, into the chunk or at the end of the sheet's kept bytes. */
static gboolean
inflate_part (const Entry  *entry,
              Sheet        *sheet,
              guint32      *crc,
              GError      **error)
{
  g_autofree guint8 *chunk = sheet == NULL ? g_malloc (CHUNK) : NULL;
  z_stream z = { 0 };
  LlwPartScan scan;
  gboolean is_xml = llw_part_is_xml (entry->name);
  int status = Z_OK;

  llw_part_scan_init (&scan);
  if (inflateInit2 (&z, -MAX_WBITS) != Z_OK)
    return fail (error, entry->name);
  z.next_in = (Bytef *) entry->data;
  z.avail_in = entry->compressed;
  *crc = crc32 (0, NULL, 0);
  while (status != Z_STREAM_END)
    {
      gboolean searching = sheet != NULL && sheet->header_at < 0;
      guint8 *out = chunk;
      gsize produced;

      if (sheet != NULL)
        {
          gsize used = sheet->kept->len;

          g_byte_array_set_size (sheet->kept, (guint) (used + CHUNK));
          out = sheet->kept->data + used;
        }
      z.next_out = out;
      z.avail_out = CHUNK;
      status = inflate (&z, searching ? Z_BLOCK : Z_NO_FLUSH);
      produced = CHUNK - z.avail_out;
      if (sheet != NULL)
        g_byte_array_set_size (sheet->kept, (guint) (sheet->kept->len - z.avail_out));
      if (status != Z_OK && status != Z_STREAM_END)
        {
          inflateEnd (&z);
          return status == Z_BUF_ERROR ? incomplete (error) : fail (error, entry->name);
        }
      *crc = crc32 (*crc, out, (uInt) produced);
      if (is_xml && !llw_part_scan_add (&scan, out, produced, error))
        {
          inflateEnd (&z);
          return FALSE;
        }
      if (searching)
        search_header (sheet, z.total_out);
      if (searching && sheet->header_at < 0 && (z.data_type & 128) && status != Z_STREAM_END)
        note_boundary (sheet, &z, *crc);
    }
  inflateEnd (&z);
  if (z.total_out != entry->size || *crc != entry->crc || z.total_in != entry->compressed)
    return incomplete (error);
  return !is_xml || llw_part_scan_end (&scan, error);
}

/* Compresses @data again as deflate blocks that follow the first @bit bits of @compressed. */
static GByteArray *
deflate_after (const guint8  *compressed,
               guint64        bit,
               const guint8  *data,
               gsize          length)
{
  GByteArray *out = g_byte_array_new ();
  z_stream z = { 0 };
  int status = Z_OK;

  if (deflateInit2 (&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
                    Z_DEFAULT_STRATEGY) != Z_OK)
    g_error ("zlib could not start compressing");
  if (bit % 8 != 0)
    deflatePrime (&z, (int) (bit % 8), compressed[bit / 8] & ((1 << (bit % 8)) - 1));
  z.next_in = (Bytef *) data;
  z.avail_in = (uInt) length;
  while (status != Z_STREAM_END)
    {
      gsize used = out->len;

      g_byte_array_set_size (out, (guint) (used + deflateBound (&z, (uLong) length) + 16));
      z.next_out = out->data + used;
      z.avail_out = out->len - used;
      status = deflate (&z, Z_FINISH);
      g_byte_array_set_size (out, out->len - z.avail_out);
      if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR)
        g_error ("zlib could not compress");
    }
  deflateEnd (&z);
  return out;
}

/* Gives the sheet's page header the attribute, compressing again what follows the boundary
 * before it. */
static gboolean
patch_sheet (const Entry  *entry,
             Sheet        *sheet,
             Finished     *finished,
             GError      **error)
{
  const Boundary *start = NULL;
  g_autoptr(GByteArray) tail = g_byte_array_new ();
  gsize first = g_array_index (sheet->boundaries, Boundary, 0).at, from, at;

  if (sheet->header_at < 0)
    return fail (error, "no page header");
  for (guint i = 0; i < sheet->boundaries->len; i++)
    if (g_array_index (sheet->boundaries, Boundary, i).at <= (gsize) sheet->header_at)
      start = &g_array_index (sheet->boundaries, Boundary, i);
  g_assert (start != NULL);

  from = start->at - first;
  at = (gsize) sheet->header_at - first;
  g_byte_array_append (tail, sheet->kept->data + from, (guint) (at - from));
  g_byte_array_append (tail, (const guint8 *) REPLACEMENT, strlen (REPLACEMENT));
  g_byte_array_append (tail, sheet->kept->data + at + NEEDLE_LENGTH,
                       (guint) (sheet->kept->len - at - NEEDLE_LENGTH));

  if ((guint64) entry->size + strlen (REPLACEMENT) - NEEDLE_LENGTH > G_MAXUINT32)
    return fail (error, entry->name);
  finished->size = entry->size + (guint32) (strlen (REPLACEMENT) - NEEDLE_LENGTH);
  finished->crc = crc32 (start->crc, tail->data, tail->len);
  finished->copied = entry->data;
  finished->copied_length = start->bit / 8;
  finished->deflated = deflate_after (entry->data, start->bit, tail->data, tail->len);
  return TRUE;
}

/* Reads the current part of @in as it is compressed. */
static gboolean
read_entry (unzFile   in,
            Entry    *entry,
            GError  **error)
{
  unz_file_info info;
  int method = 0, level = 0, n;

  if (unzGetCurrentFileInfo (in, &info, entry->name, sizeof entry->name, NULL, 0, NULL, 0) !=
      UNZ_OK || info.size_filename >= sizeof entry->name)
    return fail (error, "central directory");
  /* libxlsxwriter deflates every part, and writes no ZIP64. */
  if (info.compression_method != Z_DEFLATED || (info.flag & 0x0001) ||
      info.compressed_size >= G_MAXUINT32 || info.uncompressed_size >= G_MAXUINT32)
    return fail (error, entry->name);
  entry->crc = (guint32) info.crc;
  entry->size = (guint32) info.uncompressed_size;
  entry->compressed = (guint32) info.compressed_size;
  if (unzOpenCurrentFile2 (in, &method, &level, 1) != UNZ_OK)
    return fail (error, entry->name);
  entry->data = g_malloc (MAX (entry->compressed, 1));
  n = entry->compressed > 0 ? unzReadCurrentFile (in, entry->data, entry->compressed) : 0;
  unzCloseCurrentFile (in);
  return n == (int) entry->compressed || incomplete (error);
}

/* Writes one part as @finished says, compressed as it is. */
static gboolean
write_part (zipFile             out,
            const zip_fileinfo *info,
            const Entry        *entry,
            const Finished     *finished)
{
  if (zipOpenNewFileInZip2 (out, entry->name, info, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
                            Z_DEFAULT_COMPRESSION, 1) != ZIP_OK)
    return FALSE;
  if ((finished->copied_length > 0 &&
       zipWriteInFileInZip (out, finished->copied, (unsigned) finished->copied_length) !=
       ZIP_OK) ||
      (finished->deflated != NULL && finished->deflated->len > 0 &&
       zipWriteInFileInZip (out, finished->deflated->data, finished->deflated->len) != ZIP_OK))
    {
      zipCloseFileInZipRaw (out, finished->size, finished->crc);
      return FALSE;
    }
  return zipCloseFileInZipRaw (out, finished->size, finished->crc) == ZIP_OK;
}

/* Checks the current part of @in and writes it to @out, a sheet with its page header
 * patched. Returns %FALSE with @error set, or unset when writing failed. */
static gboolean
finish_part (unzFile              in,
             zipFile              out,
             const zip_fileinfo  *info,
             GError             **error)
{
  Entry entry = { { 0 } };
  Finished finished = { 0 };
  Sheet sheet = { g_array_new (FALSE, FALSE, sizeof (Boundary)), g_byte_array_new (), 0, -1 };
  Boundary start = { 0, 0, crc32 (0, NULL, 0) };
  gboolean patch, ok;
  guint32 crc;

  g_array_append_val (sheet.boundaries, start);
  ok = read_entry (in, &entry, error);
  patch = is_sheet (entry.name);
  finished = (Finished) { entry.crc, entry.size, entry.data, entry.compressed, NULL };
  ok = ok && inflate_part (&entry, patch ? &sheet : NULL, &crc, error) &&
       (!patch || patch_sheet (&entry, &sheet, &finished, error)) &&
       write_part (out, info, &entry, &finished);
  g_array_unref (sheet.boundaries);
  g_byte_array_unref (sheet.kept);
  g_clear_pointer (&finished.deflated, g_byte_array_unref);
  g_free (entry.data);
  return ok;
}

static gboolean
finish_parts (unzFile              in,
              zipFile              out,
              const zip_fileinfo  *info,
              GError             **error)
{
  int status;

  for (status = unzGoToFirstFile (in); status == UNZ_OK; status = unzGoToNextFile (in))
    if (!finish_part (in, out, info, error))
      return FALSE;
  return status == UNZ_END_OF_LIST_OF_FILE || fail (error, "central directory");
}

/* Returns: the time minizip stamps each part with. */
static zip_fileinfo
file_info (GDateTime *modified)
{
  zip_fileinfo info = { { 0 } };

  info.tmz_date.tm_sec = (uInt) g_date_time_get_second (modified);
  info.tmz_date.tm_min = (uInt) g_date_time_get_minute (modified);
  info.tmz_date.tm_hour = (uInt) g_date_time_get_hour (modified);
  info.tmz_date.tm_mday = (uInt) g_date_time_get_day_of_month (modified);
  info.tmz_date.tm_mon = (uInt) g_date_time_get_month (modified) - 1;
  info.tmz_date.tm_year = (uInt) MAX (g_date_time_get_year (modified), 1980);
  return info;
}

/**
 * llw_xlsx_finish:
 * @path: a workbook written by libxlsxwriter
 * @target: where to write the finished workbook
 * @modified: the time its parts are stamped with
 *
 * Checks that every part of @path is complete and writes it again to @target with each
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
  LlwZipFiles reading, writing;
  zip_fileinfo info;
  g_autoptr(GError) local_error = NULL;
  unzFile in;
  zipFile out;
  gboolean ok;

  g_return_val_if_fail (path != NULL && target != NULL && modified != NULL, FALSE);

  llw_zip_files_init (&reading);
  llw_zip_files_init (&writing);
  in = unzOpen2 (path, &reading.functions);
  if (in == NULL)
    return reading.saved_errno != 0 ? llw_zip_files_failed (&reading, error)
                                    : incomplete (error);
  out = zipOpen2 (target, APPEND_STATUS_CREATE, NULL, &writing.functions);
  if (out == NULL)
    {
      unzClose (in);
      return llw_zip_files_failed (&writing, error);
    }
  info = file_info (modified);
  ok = finish_parts (in, out, &info, &local_error);
  unzClose (in);
  if (zipClose (out, NULL) != ZIP_OK || writing.saved_errno != 0)
    ok = FALSE;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (!ok)
    llw_zip_files_failed (&writing, error);
  return ok;
}

static gboolean check_folder (GsfInfile *in, const char *path, GError **error);

/* Reads one part of a finished package, or the parts in one of its folders. */
static gboolean
check_child (GsfInfile   *in,
             int          i,
             const char  *folder,
             GError     **error)
{
  const char *name = gsf_infile_name_by_index (in, i);
  g_autoptr(GsfInput) child = gsf_infile_child_by_index (in, i);
  g_autofree char *path = g_strconcat (folder, name, NULL);
  gboolean is_xml = llw_part_is_xml (path);
  gsf_off_t left;
  LlwPartScan scan;

  if (child == NULL)
    return fail (error, name);
  if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
    {
      g_autofree char *inside = g_strconcat (path, "/", NULL);

      return check_folder (GSF_INFILE (child), inside, error);
    }

  llw_part_scan_init (&scan);
  for (left = gsf_input_size (child); left > 0;)
    {
      gsize n = (gsize) MIN (left, CHUNK);
      const guint8 *data = gsf_input_read (child, n, NULL);

      if (data == NULL)
        return fail (error, name);
      left -= (gsf_off_t) n;
      if (is_xml && !llw_part_scan_add (&scan, data, n, error))
        return FALSE;
    }
  return !is_xml || llw_part_scan_end (&scan, error);
}

static gboolean
check_folder (GsfInfile   *in,
              const char  *path,
              GError     **error)
{
  for (int i = 0; i < gsf_infile_num_children (in); i++)
    if (!check_child (in, i, path, error))
      return FALSE;
  return TRUE;
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
  return infile != NULL && check_folder (infile, "", error);
}
