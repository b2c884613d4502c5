/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "llw-part-scan.h"

/* A package's XML parts are read back before the file replaces the user's (llw-output.c):
 * libxlsxwriter does not notice when one of its temporary files could not be written (a
 * full disk, a quota) and zips what it could read back, and a character XML forbids would
 * make the whole file unreadable. Every byte of a 50,000-unit workbook passes here, so the
 * scan looks at eight bytes at a time and at single bytes only where one may begin such a
 * character. */

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS (ONES * 0x80)

/* Returns: nonzero if a byte of @word is below @n, at most 128. */
static inline guint64
any_below (guint64 word,
           guint8  n)
{
  return (word - ONES * n) & ~word & HIGHS;
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

/* Returns: whether a forbidden character begins in @data; only bytes below 0x20 or from
 * 0xef on can begin one. */
static gboolean
find_forbidden (const guint8 *data,
                gsize         length)
{
  gsize i = 0;

  while (i < length)
    {
      guint64 word;

      if (i + 8 <= length)
        {
          memcpy (&word, data + i, 8);
          if (!(any_below (word, 0x20) | any_below (~word, 0xff - 0xef + 1)))
            {
              i += 8;
              continue;
            }
        }
      for (gsize end = MIN (i + 8, length); i < end; i++)
        if ((data[i] < 0x20 || data[i] >= 0xef) && is_forbidden_at (data + i, length - i))
          return TRUE;
    }
  return FALSE;
}

/* Returns: whether a forbidden character begins in @data or in the last bytes before it,
 * which @scan keeps. */
static gboolean
has_forbidden (const LlwPartScan *scan,
               const guint8      *data,
               gsize              length)
{
  gsize before = MIN (scan->tail_length, 3), after = MIN (length, 3);
  guint8 joint[6];

  memcpy (joint, scan->tail + scan->tail_length - before, before);
  memcpy (joint + before, data, after);
  for (gsize i = 0; i < before; i++)
    if (is_forbidden_at (joint + i, before + after - i))
      return TRUE;
  return find_forbidden (data, length);
}

static void
keep_ends (LlwPartScan  *scan,
           const guint8 *data,
           gsize         length)
{
  gsize room = sizeof scan->head - scan->head_length;
  gsize keep = MIN (length, sizeof scan->tail);
  gsize old = MIN (scan->tail_length, sizeof scan->tail - keep);

  memcpy (scan->head + scan->head_length, data, MIN (room, length));
  scan->head_length += MIN (room, length);
  memmove (scan->tail, scan->tail + scan->tail_length - old, old);
  memcpy (scan->tail + old, data + length - keep, keep);
  scan->tail_length = old + keep;
}

void
llw_part_scan_init (LlwPartScan *scan)
{
  scan->head_length = 0;
  scan->tail_length = 0;
}

/**
 * llw_part_scan_add:
 * @data: the next @length bytes of the part
 *
 * Returns: %FALSE with @error set if a character XML forbids begins in them
 */
gboolean
llw_part_scan_add (LlwPartScan   *scan,
                   const guint8  *data,
                   gsize          length,
                   GError       **error)
{
  if (has_forbidden (scan, data, length))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the file would hold a character that spreadsheets and word "
                             "processors cannot read"));
      return FALSE;
    }
  keep_ends (scan, data, length);
  return TRUE;
}

/* Returns: whether the part closes the element it opens. */
static gboolean
is_whole_xml (const LlwPartScan *scan)
{
  const char *p = scan->head, *end = scan->head + scan->head_length, *name;
  g_autofree char *end_tag = NULL;
  gsize tail_length = scan->tail_length;

  if (scan->head_length > 5 && memcmp (p, "<?xml", 5) == 0)
    p = memchr (p, '>', scan->head_length);
  while (p != NULL && p < end && *p != '<')
    p++;
  if (p == NULL || p + 1 >= end)
    return FALSE;
  name = ++p;
  while (p < end && *p != ' ' && *p != '>' && *p != '/' && *p != '\r' && *p != '\n')
    p++;
  end_tag = g_strdup_printf ("</%.*s>", (int) (p - name), name);

  while (tail_length > 0 && g_ascii_isspace (scan->tail[tail_length - 1]))
    tail_length--;
  return tail_length >= strlen (end_tag) &&
         memcmp (scan->tail + tail_length - strlen (end_tag), end_tag, strlen (end_tag)) == 0;
}

/**
 * llw_part_scan_end:
 *
 * Returns: %FALSE with @error set unless the part, all added, closes the element it opens
 */
gboolean
llw_part_scan_end (LlwPartScan  *scan,
                   GError      **error)
{
  if (is_whole_xml (scan))
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                       _("the file came out incomplete; is the disk or the temporary folder "
                         "full?"));
  return FALSE;
}

/* Returns: whether the part named @name is XML, which the scan checks. */
gboolean
llw_part_is_xml (const char *name)
{
  return g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels");
}
