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
 * The parts are read and checked into memory first (llw_xlsx_parts_read ()), a workbook at a
 * time, so that the sheets a second libxlsxwriter workbook wrote on another thread can be
 * read there and take the place of the main workbook's empty ones when the file is written
 * (llw_xlsx_parts_write ()).
 *
 * The same reading, with libgsf, checks a finished package, the workbook's or the editable
 * report's, before it replaces the file the user asked for (llw_package_check ()). */

#define CHUNK (256 * 1024)
#define NEEDLE "<headerFooter>"
#define REPLACEMENT "<headerFooter differentFirst=\"1\">"
#define NEEDLE_LENGTH (sizeof NEEDLE - 1)
#define NAME_MAX_LENGTH 1024
/* A package of more than this is read back on two threads: a thread costs far less than
 * inflating a megabyte. */
#define SPLIT_CHECK_SIZE (1024 * 1024)

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

/* Reads the current part's name and sizes from the central directory. */
static gboolean
read_info (unzFile   in,
           Entry    *entry,
           GError  **error)
{
  unz_file_info info;

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
  return TRUE;
}

/* Reads the current part of @in as it is compressed. */
static gboolean
read_entry (unzFile   in,
            Entry    *entry,
            GError  **error)
{
  int method = 0, level = 0, n;

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

/* One part of libxlsxwriter's workbook, checked, and finished in memory. */
typedef struct
{
  Entry entry;
  Finished finished;
} Part;

struct _LlwXlsxParts
{
  GPtrArray *parts;          /* Part, in the order of the workbook read */
  GHashTable *by_name;       /* its name in the finished file → Part */
};

static void
part_free (gpointer data)
{
  Part *part = data;

  g_clear_pointer (&part->finished.deflated, g_byte_array_unref);
  g_free (part->entry.data);
  g_free (part);
}

/* Checks the current part of @in, a sheet with its page header patched. */
static gboolean
finish_part (unzFile   in,
             Part     *part,
             GError  **error)
{
  Entry *entry = &part->entry;
  Sheet sheet = { g_array_new (FALSE, FALSE, sizeof (Boundary)), g_byte_array_new (), 0, -1 };
  Boundary start = { 0, 0, crc32 (0, NULL, 0) };
  gboolean patch = is_sheet (entry->name), ok;
  guint32 crc;

  g_array_append_val (sheet.boundaries, start);
  ok = read_entry (in, entry, error);
  part->finished = (Finished) { entry->crc, entry->size, entry->data, entry->compressed, NULL };
  ok = ok && inflate_part (entry, patch ? &sheet : NULL, &crc, error) &&
       (!patch || patch_sheet (entry, &sheet, &part->finished, error));
  g_array_unref (sheet.boundaries);
  g_byte_array_unref (sheet.kept);
  return ok;
}

/* Reads every part of @in that @renames names (every part when it is %NULL). */
static gboolean
finish_parts (unzFile        in,
              GHashTable    *renames,
              LlwXlsxParts  *parts,
              GError       **error)
{
  int status;

  for (status = unzGoToFirstFile (in); status == UNZ_OK; status = unzGoToNextFile (in))
    {
      Part *part = g_new0 (Part, 1);
      const char *name;

      if (!read_info (in, &part->entry, error))
        {
          part_free (part);
          return FALSE;
        }
      name = renames != NULL ? g_hash_table_lookup (renames, part->entry.name)
                             : part->entry.name;
      if (name == NULL || strlen (name) >= sizeof part->entry.name)
        {
          part_free (part);
          continue;
        }
      g_ptr_array_add (parts->parts, part);
      if (!finish_part (in, part, error))
        return FALSE;
      g_strlcpy (part->entry.name, name, sizeof part->entry.name);
      g_hash_table_insert (parts->by_name, part->entry.name, part);
    }
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
 * llw_xlsx_parts_read:
 * @path: a workbook written by libxlsxwriter
 * @renames: (nullable) (element-type utf8 utf8): the parts to read, each with its name in
 *   the finished workbook; %NULL to read every part as it is named
 *
 * Reads the parts of @path, checking that each is complete, and finishes each sheet so that
 * it prints its page header (the page number) from page 2 on; nothing is written yet. The
 * parts of one workbook can be read on one thread while another's are read on another.
 *
 * Returns: (transfer full): the parts, or %NULL with @error set when @path is incomplete
 */
LlwXlsxParts *
llw_xlsx_parts_read (const char  *path,
                     GHashTable  *renames,
                     GError     **error)
{
  g_autoptr(LlwXlsxParts) parts = g_new0 (LlwXlsxParts, 1);
  LlwZipFiles reading;
  unzFile in;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  parts->parts = g_ptr_array_new_with_free_func (part_free);
  parts->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  llw_zip_files_init (&reading);
  in = unzOpen2 (path, &reading.functions);
  if (in == NULL)
    {
      if (reading.saved_errno != 0)
        llw_zip_files_failed (&reading, error);
      else
        incomplete (error);
      return NULL;
    }
  ok = finish_parts (in, renames, parts, error);
  unzClose (in);
  return ok ? g_steal_pointer (&parts) : NULL;
}

void
llw_xlsx_parts_free (LlwXlsxParts *parts)
{
  if (parts == NULL)
    return;
  g_ptr_array_unref (parts->parts);
  g_hash_table_unref (parts->by_name);
  g_free (parts);
}

static gboolean
write_parts (zipFile              out,
             LlwXlsxParts        *parts,
             LlwXlsxParts        *replacing,
             const zip_fileinfo  *info)
{
  for (guint i = 0; i < parts->parts->len; i++)
    {
      Part *part = g_ptr_array_index (parts->parts, i);
      Part *other = replacing != NULL ? g_hash_table_lookup (replacing->by_name,
                                                             part->entry.name) : NULL;

      if (other != NULL)
        part = other;
      if (!write_part (out, info, &part->entry, &part->finished))
        return FALSE;
    }
  return TRUE;
}

/**
 * llw_xlsx_parts_write:
 * @parts: the parts of the workbook, as llw_xlsx_parts_read () read them
 * @replacing: (nullable): parts that take the place of those of @parts with the same name
 *   (sheets written by a second libxlsxwriter workbook)
 * @target: where to write the finished workbook
 * @modified: the time its parts are stamped with
 *
 * Writes the finished workbook, each part compressed as it was read.
 *
 * Returns: %FALSE with @error set when @target cannot be written
 */
gboolean
llw_xlsx_parts_write (LlwXlsxParts  *parts,
                      LlwXlsxParts  *replacing,
                      const char    *target,
                      GDateTime     *modified,
                      GError       **error)
{
  LlwZipFiles writing;
  zip_fileinfo info;
  zipFile out;
  gboolean ok;

  g_return_val_if_fail (parts != NULL && target != NULL && modified != NULL, FALSE);

  llw_zip_files_init (&writing);
  out = zipOpen2 (target, APPEND_STATUS_CREATE, NULL, &writing.functions);
  if (out == NULL)
    return llw_zip_files_failed (&writing, error);
  info = file_info (modified);
  ok = write_parts (out, parts, replacing, &info);
  if (zipClose (out, NULL) != ZIP_OK || writing.saved_errno != 0)
    ok = FALSE;
  return ok || llw_zip_files_failed (&writing, error);
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
  g_autoptr(LlwXlsxParts) parts = NULL;

  g_return_val_if_fail (path != NULL && target != NULL && modified != NULL, FALSE);

  parts = llw_xlsx_parts_read (path, NULL, error);
  return parts != NULL && llw_xlsx_parts_write (parts, NULL, target, modified, error);
}

/* Reads one part of a finished package whole, checking an XML part's text. */
static gboolean
check_part (GsfInput    *child,
            const char  *path,
            GError     **error)
{
  gboolean is_xml = llw_part_is_xml (path);
  gsf_off_t left;
  LlwPartScan scan;

  llw_part_scan_init (&scan);
  for (left = gsf_input_size (child); left > 0;)
    {
      gsize n = (gsize) MIN (left, CHUNK);
      const guint8 *data = gsf_input_read (child, n, NULL);

      if (data == NULL)
        return fail (error, path);
      left -= (gsf_off_t) n;
      if (is_xml && !llw_part_scan_add (&scan, data, n, error))
        return FALSE;
    }
  return !is_xml || llw_part_scan_end (&scan, error);
}

/* A part of a finished package, to be read back. */
typedef struct
{
  char *path;
  gsf_off_t size;
} PackagePart;

static void
package_part_clear (gpointer data)
{
  g_free (((PackagePart *) data)->path);
}

/* Lists the parts of a package, folder by folder, with their sizes. */
static gboolean
list_parts (GsfInfile   *in,
            const char  *folder,
            GArray      *parts,
            GError     **error)
{
  for (int i = 0; i < gsf_infile_num_children (in); i++)
    {
      const char *name = gsf_infile_name_by_index (in, i);
      g_autoptr(GsfInput) child = gsf_infile_child_by_index (in, i);
      g_autofree char *path = g_strconcat (folder, name, NULL);
      PackagePart part;

      if (child == NULL)
        return fail (error, name);
      if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        {
          g_autofree char *inside = g_strconcat (path, "/", NULL);

          if (!list_parts (GSF_INFILE (child), inside, parts, error))
            return FALSE;
          continue;
        }
      part = (PackagePart) { g_steal_pointer (&path), gsf_input_size (child) };
      g_array_append_val (parts, part);
    }
  return TRUE;
}

/* Reads back the parts @paths names. */
static gboolean
check_parts (GsfInfile   *in,
             GPtrArray   *paths,
             GError     **error)
{
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_auto(GStrv) names = g_strsplit (path, "/", -1);
      g_autoptr(GsfInput) child = gsf_infile_child_by_aname (in, (const char **) names);

      if (child == NULL)
        return fail (error, path);
      if (!check_part (child, path, error))
        return FALSE;
    }
  return TRUE;
}

/* The parts a second thread reads back, from the package opened again: libgsf's objects
 * are not to be shared between threads. */
typedef struct
{
  const char *path;
  GPtrArray *paths;
  GError *error;
} CheckRun;

static gpointer
check_in_thread (gpointer data)
{
  CheckRun *run = data;
  g_autoptr(GsfInput) input = gsf_input_stdio_new (run->path, &run->error);
  g_autoptr(GsfInfile) infile = NULL;

  if (input != NULL)
    infile = gsf_infile_zip_new (input, &run->error);
  if (infile != NULL)
    check_parts (infile, run->paths, &run->error);
  return NULL;
}

static gint
by_size_descending (gconstpointer a,
                    gconstpointer b)
{
  gsf_off_t x = ((const PackagePart *) a)->size, y = ((const PackagePart *) b)->size;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* Shares the parts out between two threads, the largest first, each to the one with less to
 * read so far; or all to this one when the package is small or the computer has one core. */
static void
share_parts (GArray    *parts,
             GPtrArray *mine,
             GPtrArray *theirs)
{
  gsf_off_t own = 0, other = 0, total = 0;
  gboolean split;

  for (guint i = 0; i < parts->len; i++)
    total += g_array_index (parts, PackagePart, i).size;
  split = total >= SPLIT_CHECK_SIZE && g_get_num_processors () > 1;
  if (split)
    g_array_sort (parts, by_size_descending);
  for (guint i = 0; i < parts->len; i++)
    {
      const PackagePart *part = &g_array_index (parts, PackagePart, i);
      gboolean other_thread = split && other < own;

      g_ptr_array_add (other_thread ? theirs : mine, part->path);
      *(other_thread ? &other : &own) += part->size;
    }
}

/**
 * llw_package_check:
 * @path: a finished ZIP package of XML parts: a workbook, an OpenDocument text
 *
 * Reads @path back: its ZIP container must be whole, and each XML part complete and free of
 * characters XML forbids. A large package is read on two threads, when the computer has
 * two cores.
 *
 * Returns: %FALSE with @error set when the package is incomplete or would not open
 */
gboolean
llw_package_check (const char  *path,
                   GError     **error)
{
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GsfInfile) infile = NULL;
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (PackagePart));
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  g_autoptr(GPtrArray) theirs = g_ptr_array_new ();
  CheckRun run = { path, theirs, NULL };
  GThread *thread = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  g_array_set_clear_func (parts, package_part_clear);
  input = gsf_input_stdio_new (path, error);
  if (input == NULL)
    return FALSE;
  infile = gsf_infile_zip_new (input, error);
  if (infile == NULL || !list_parts (infile, "", parts, error))
    return FALSE;

  /* libgsf's types are all registered by now, on this thread: the listing made each. */
  share_parts (parts, mine, theirs);
  if (theirs->len > 0)
    thread = g_thread_try_new ("llweek-check", check_in_thread, &run, NULL);
  if (thread == NULL)
    g_ptr_array_extend (mine, theirs, NULL, NULL);

  ok = check_parts (infile, mine, error);
  if (thread != NULL)
    g_thread_join (thread);
  if (ok && run.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&run.error));
      ok = FALSE;
    }
  g_clear_error (&run.error);
  return ok;
}
