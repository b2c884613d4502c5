/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <zlib.h>

#include "llw-xlsx-finish.h"

/* Two things libxlsxwriter 1.1 does not do, done on the finished file.
 *
 * It does not notice when one of its temporary files could not be written (a full disk, a
 * quota): it zips what it could read back and reports success. So llw_xlsx_check () inflates
 * every XML part of the container, without keeping it: each must end with its root
 * element's end tag, and hold no character that XML forbids, which would make the whole
 * workbook unreadable.
 *
 * It cannot leave the first page without a header, as Decree 30 numbers a document's pages:
 * llw_xlsx_finish () gives one small worksheet's <headerFooter> differentFirst="1" (and,
 * having no <firstHeader>, page 1 prints none). The other entries are copied byte for byte,
 * never recompressed. */

#define LOCAL_SIGNATURE   0x04034b50
#define CENTRAL_SIGNATURE 0x02014b50
#define END_SIGNATURE     0x06054b50
#define LOCAL_SIZE        30
#define CENTRAL_SIZE      46
#define END_SIZE          22
#define FLAG_DESCRIPTOR   0x0008

typedef struct
{
  const guint8 *central;    /* the entry's central directory record */
  gsize central_size;
  guint32 offset;           /* of its local header */
  guint32 span;             /* local header, data and descriptor, up to the next entry */
  guint32 new_offset;
} Entry;

static guint16
get16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static void
put16 (guint8 *p,
       guint16 v)
{
  p[0] = v & 0xff;
  p[1] = v >> 8;
}

static void
put32 (guint8 *p,
       guint32 v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static gboolean
fail (GError    **error,
      const char *reason)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("the workbook’s ZIP container could not be read back (%s)"), reason);
  return FALSE;
}

/* libxlsxwriter does not check that its temporary files were written in full. */
static gboolean
incomplete (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                       _("the workbook came out incomplete; is the disk or the temporary folder "
                         "full?"));
  return FALSE;
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(Entry * const *) a;
  const Entry *y = *(Entry * const *) b;

  return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* Reads the central directory; each entry's span runs to the next local header. */
static gboolean
read_entries (const guint8 *zip,
              gsize         size,
              GArray       *entries,
              guint32      *directory_offset,
              GError      **error)
{
  const guint8 *end = NULL;
  g_autoptr(GPtrArray) by_offset = g_ptr_array_new ();
  guint32 cd_offset, cd_size;
  const guint8 *p;
  guint n;

  for (gsize i = size >= END_SIZE ? size - END_SIZE + 1 : 0; i-- > 0 && end == NULL;)
    if (get32 (zip + i) == END_SIGNATURE)
      end = zip + i;
  if (end == NULL)
    return fail (error, "no end record");

  n = get16 (end + 10);
  cd_size = get32 (end + 12);
  cd_offset = get32 (end + 16);
  if (cd_offset == 0xffffffff || (gsize) cd_offset + cd_size > (gsize) (end - zip))
    return fail (error, "bad central directory");

  p = zip + cd_offset;
  for (guint i = 0; i < n; i++)
    {
      Entry entry = { 0 };

      if (p + CENTRAL_SIZE > end || get32 (p) != CENTRAL_SIGNATURE)
        return fail (error, "bad central record");
      entry.central = p;
      entry.central_size = CENTRAL_SIZE + get16 (p + 28) + get16 (p + 30) + get16 (p + 32);
      entry.offset = get32 (p + 42);
      if (entry.offset >= cd_offset || p + entry.central_size > end)
        return fail (error, "bad central record");
      g_array_append_val (entries, entry);
      p += entry.central_size;
    }

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (by_offset, &g_array_index (entries, Entry, i));
  g_ptr_array_sort (by_offset, compare_offsets);
  for (guint i = 0; i < by_offset->len; i++)
    {
      Entry *entry = g_ptr_array_index (by_offset, i);
      guint32 next = i + 1 < by_offset->len
        ? ((Entry *) g_ptr_array_index (by_offset, i + 1))->offset : cd_offset;

      entry->span = next - entry->offset;
    }

  *directory_offset = cd_offset;
  return TRUE;
}

static GBytes *
inflate_entry (const guint8 *zip,
               const Entry  *entry,
               GError      **error)
{
  const guint8 *local = zip + entry->offset;
  guint32 packed = get32 (entry->central + 20);
  guint32 unpacked = get32 (entry->central + 24);
  gsize header = LOCAL_SIZE + get16 (local + 26) + get16 (local + 28);
  g_autofree guint8 *out = NULL;
  z_stream z = { 0 };
  int rc;

  if (get32 (local) != LOCAL_SIGNATURE || header + packed > entry->span)
    {
      fail (error, "bad local header");
      return NULL;
    }
  if (get16 (entry->central + 10) == 0 && packed == unpacked)
    return g_bytes_new (local + header, packed);
  if (get16 (entry->central + 10) != Z_DEFLATED || inflateInit2 (&z, -MAX_WBITS) != Z_OK)
    {
      fail (error, "unknown compression");
      return NULL;
    }

  out = g_malloc (unpacked + 1);
  z.next_in = (Bytef *) (local + header);
  z.avail_in = packed;
  z.next_out = out;
  z.avail_out = unpacked + 1;
  rc = inflate (&z, Z_FINISH);
  inflateEnd (&z);
  if (rc != Z_STREAM_END || z.total_out != unpacked)
    {
      fail (error, "corrupt data");
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&out), unpacked);
}

static gboolean
is_xml (const Entry *entry)
{
  gsize length = get16 (entry->central + 28);
  const char *name = (const char *) entry->central + CENTRAL_SIZE;

  return (length > 4 && memcmp (name + length - 4, ".xml", 4) == 0) ||
         (length > 5 && memcmp (name + length - 5, ".rels", 5) == 0);
}

/* Returns: whether @xml (its first and last bytes) closes the element it opens. */
static gboolean
is_whole_xml (const char *head,
              gsize       head_length,
              const char *tail,
              gsize       tail_length)
{
  g_autofree char *end_tag = NULL;
  const char *p = head, *end = head + head_length, *name;

  if (head_length > 5 && memcmp (p, "<?xml", 5) == 0)
    p = memchr (p, '>', head_length);
  while (p != NULL && p < end && *p != '<')
    p++;
  if (p == NULL || p + 1 >= end)
    return FALSE;
  name = ++p;
  while (p < end && *p != ' ' && *p != '>' && *p != '/' && *p != '\r' && *p != '\n')
    p++;
  end_tag = g_strdup_printf ("</%.*s>", (int) (p - name), name);

  while (tail_length > 0 && g_ascii_isspace (tail[tail_length - 1]))
    tail_length--;
  return tail_length >= strlen (end_tag) &&
         memcmp (tail + tail_length - strlen (end_tag), end_tag, strlen (end_tag)) == 0;
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

/* Returns: whether @data holds a forbidden character; @carry keeps the last bytes of the
 * previous piece, where a character may have begun. */
static gboolean
has_forbidden (const guint8 *data,
               gsize         length,
               GByteArray   *carry)
{
  g_byte_array_append (carry, data, (guint) length);
  for (gsize i = 0; i < carry->len; i++)
    if (is_forbidden_at (carry->data + i, carry->len - i))
      return TRUE;
  if (carry->len > 3)
    g_byte_array_remove_range (carry, 0, carry->len - 3);
  return FALSE;
}

static gboolean
forbidden (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("the workbook would hold a character that spreadsheets cannot read"));
  return FALSE;
}

/* Inflates an XML entry through a small buffer, keeping only its start and its end. */
static gboolean
check_entry (const guint8 *zip,
             const Entry  *entry,
             GError      **error)
{
  const guint8 *local = zip + entry->offset;
  guint32 packed = get32 (entry->central + 20);
  guint32 unpacked = get32 (entry->central + 24);
  gsize header = LOCAL_SIZE + get16 (local + 26) + get16 (local + 28);
  g_autofree char *buffer = g_malloc (65536);
  g_autoptr(GByteArray) carry = g_byte_array_new ();
  char head[256], tail[64];
  gsize head_length = 0, tail_length = 0;
  z_stream z = { 0 };
  int rc = Z_OK;

  if (!is_xml (entry))
    return TRUE;
  if (get32 (local) != LOCAL_SIGNATURE || header + packed > entry->span)
    return fail (error, "bad entry");
  if (get16 (entry->central + 10) == 0)
    {
      const char *data = (const char *) local + header;

      if (has_forbidden ((const guint8 *) data, packed, carry))
        return forbidden (error);
      return (packed == unpacked &&
              is_whole_xml (data, MIN (packed, 256), data + packed - MIN (packed, 64),
                            MIN (packed, 64))) || incomplete (error);
    }
  if (get16 (entry->central + 10) != Z_DEFLATED || inflateInit2 (&z, -MAX_WBITS) != Z_OK)
    return fail (error, "bad entry");

  z.next_in = (Bytef *) (local + header);
  z.avail_in = packed;
  while (rc == Z_OK)
    {
      gsize n;

      z.next_out = (Bytef *) buffer;
      z.avail_out = 65536;
      rc = inflate (&z, Z_NO_FLUSH);
      n = 65536 - z.avail_out;
      if (has_forbidden ((const guint8 *) buffer, n, carry))
        {
          inflateEnd (&z);
          return forbidden (error);
        }
      for (gsize i = 0; i < n && head_length < sizeof head; i++)
        head[head_length++] = buffer[i];
      if (n >= sizeof tail)
        {
          memcpy (tail, buffer + n - sizeof tail, sizeof tail);
          tail_length = sizeof tail;
        }
      else if (n > 0)
        {
          gsize keep = MIN (tail_length, sizeof tail - n);

          memmove (tail, tail + tail_length - keep, keep);
          memcpy (tail + keep, buffer, n);
          tail_length = keep + n;
        }
    }
  inflateEnd (&z);

  if (rc != Z_STREAM_END || z.total_out != unpacked ||
      !is_whole_xml (head, head_length, tail, tail_length))
    return incomplete (error);
  return TRUE;
}

static GBytes *
deflate_bytes (const char *data,
               gsize       length)
{
  z_stream z = { 0 };
  gsize bound;
  guint8 *out;

  deflateInit2 (&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  bound = deflateBound (&z, length);
  out = g_malloc (bound);
  z.next_in = (Bytef *) data;
  z.avail_in = length;
  z.next_out = out;
  z.avail_out = bound;
  deflate (&z, Z_FINISH);
  deflateEnd (&z);

  return g_bytes_new_take (out, z.total_out);
}

/* Appends the patched entry: a new local header (no data descriptor) and its data. */
static gboolean
append_patched (GByteArray   *out,
                const guint8 *zip,
                Entry        *entry,
                guint32      *crc,
                guint32      *packed_size,
                guint32      *size,
                GError      **error)
{
  g_autoptr(GBytes) xml = inflate_entry (zip, entry, error);
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) packed = NULL;
  const guint8 *local = zip + entry->offset;
  gsize name_length = get16 (local + 26);
  guint8 header[LOCAL_SIZE];

  if (xml == NULL)
    return FALSE;
  text = g_string_new_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  if (!is_whole_xml (text->str, MIN (text->len, 256), text->str + text->len - MIN (text->len, 64),
                     MIN (text->len, 64)))
    return incomplete (error);
  if (g_string_replace (text, "<headerFooter>", "<headerFooter differentFirst=\"1\">", 1) != 1)
    return fail (error, "no page header");

  packed = deflate_bytes (text->str, text->len);
  *crc = crc32 (0, (const Bytef *) text->str, text->len);
  *packed_size = g_bytes_get_size (packed);
  *size = text->len;

  memcpy (header, local, LOCAL_SIZE);
  put16 (header + 6, get16 (local + 6) & ~FLAG_DESCRIPTOR);
  put16 (header + 8, Z_DEFLATED);
  put32 (header + 14, *crc);
  put32 (header + 18, *packed_size);
  put32 (header + 22, *size);
  put16 (header + 28, 0);
  g_byte_array_append (out, header, LOCAL_SIZE);
  g_byte_array_append (out, local + LOCAL_SIZE, name_length);
  g_byte_array_append (out, g_bytes_get_data (packed, NULL), *packed_size);
  return TRUE;
}

static gboolean
is_entry (const Entry *entry,
          const char  *name)
{
  gsize length = get16 (entry->central + 28);

  return length == strlen (name) && memcmp (entry->central + CENTRAL_SIZE, name, length) == 0;
}

static gboolean
rewrite (const guint8 *zip,
         gsize         size,
         const char   *sheet_entry,
         GByteArray   *out,
         GError      **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GPtrArray) by_offset = g_ptr_array_new ();
  guint32 cd_offset = 0, crc = 0, packed = 0, unpacked = 0, new_cd_offset;
  Entry *patched = NULL;
  guint8 end[END_SIZE] = { 0 };

  if (!read_entries (zip, size, entries, &cd_offset, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (by_offset, &g_array_index (entries, Entry, i));
  g_ptr_array_sort (by_offset, compare_offsets);
  for (guint i = 0; i < by_offset->len; i++)
    {
      Entry *entry = g_ptr_array_index (by_offset, i);

      entry->new_offset = out->len;
      if (!is_entry (entry, sheet_entry))
        g_byte_array_append (out, zip + entry->offset, entry->span);
      else if (!append_patched (out, zip, entry, &crc, &packed, &unpacked, error))
        return FALSE;
      else
        patched = entry;
    }
  if (patched == NULL)
    return fail (error, sheet_entry);

  new_cd_offset = out->len;
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      guint offset = out->len;

      g_byte_array_append (out, entry->central, entry->central_size);
      put32 (out->data + offset + 42, entry->new_offset);
      if (entry == patched)
        {
          put16 (out->data + offset + 8, get16 (entry->central + 8) & ~FLAG_DESCRIPTOR);
          put16 (out->data + offset + 10, Z_DEFLATED);
          put32 (out->data + offset + 16, crc);
          put32 (out->data + offset + 20, packed);
          put32 (out->data + offset + 24, unpacked);
        }
    }

  put32 (end, END_SIGNATURE);
  put16 (end + 8, entries->len);
  put16 (end + 10, entries->len);
  put32 (end + 12, out->len - new_cd_offset);
  put32 (end + 16, new_cd_offset);
  g_byte_array_append (out, end, END_SIZE);
  return TRUE;
}

/**
 * llw_xlsx_finish:
 * @path: a workbook written by libxlsxwriter, in a temporary file of llw_output_write ()
 * @sheet_entry: the worksheet whose first page has no page number, such as
 *   "xl/worksheets/sheet1.xml"
 *
 * Makes @sheet_entry print its page header (the page number) from page 2 on. @path is
 * rewritten in place: it is a temporary file that nothing else reads.
 *
 * Returns: %FALSE with @error set when the workbook cannot be read or rewritten
 */
gboolean
llw_xlsx_finish (const char  *path,
                 const char  *sheet_entry,
                 GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GByteArray) out = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL && sheet_entry != NULL, FALSE);

  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return FALSE;

  out = g_byte_array_sized_new (g_mapped_file_get_length (mapped) + 64);
  ok = rewrite ((const guint8 *) g_mapped_file_get_contents (mapped),
                g_mapped_file_get_length (mapped), sheet_entry, out, error);
  /* Windows cannot replace a file that is still mapped. */
  g_clear_pointer (&mapped, g_mapped_file_unref);

  return ok && g_file_set_contents_full (path, (const char *) out->data, out->len,
                                         G_FILE_SET_CONTENTS_NONE, 0666, error);
}

/**
 * llw_xlsx_check:
 * @path: a finished workbook
 *
 * Reads @path back: its ZIP container must be whole, and each XML part complete and free of
 * characters XML forbids.
 *
 * Returns: %FALSE with @error set when the workbook is incomplete or would not open
 */
gboolean
llw_xlsx_check (const char  *path,
                GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  const guint8 *zip;
  guint32 cd_offset = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return FALSE;
  zip = (const guint8 *) g_mapped_file_get_contents (mapped);
  if (!read_entries (zip, g_mapped_file_get_length (mapped), entries, &cd_offset, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    if (!check_entry (zip, &g_array_index (entries, Entry, i), error))
      return FALSE;
  return TRUE;
}
