/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "llw-text.h"

/* Vietnamese alphabetical order: a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư
 * v (w) x y (z). "đ" is a letter of its own and the vowels with breve, circumflex or horn
 * follow their base vowel; letters not used in Vietnamese take their Latin places so that
 * foreign names sort as expected. letter_index () gives each its position. */

/* Tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng. */
static const gunichar tones[] = { 0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323 };

static gboolean
is_mark (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK;
}

/* g_unichar_isspace (), answered at once for ASCII, which most characters of a name are: the
 * keys ask it of every character of every row of a list. */
static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  return g_unichar_isspace (c);
}

static int
tone_index (gunichar mark)
{
  for (guint i = 1; i < G_N_ELEMENTS (tones); i++)
    if (tones[i] == mark)
      return (int) i;
  return -1;
}

/* Returns the position in the alphabet of the letter spelt by the lower-case @base and its
 * vowel @modifier (breve, circumflex or horn), or -1 for anything that is not one of its
 * letters. Looked up directly: this runs for every character of every name in a list. */
static int
letter_index (gunichar base,
              gunichar modifier)
{
  static const gint8 positions[26] = {
    0, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25, 26, 28, 29, 30,
    31, 32,
  };
  int index;

  if (base == 0x0111)  /* đ */
    return 6;
  if (base < 'a' || base > 'z')
    return -1;

  index = positions[base - 'a'];

  switch (modifier)
    {
    case 0:
      return index;
    case 0x0306:  /* breve: ă */
      return base == 'a' ? 1 : index;
    case 0x0302:  /* circumflex: â ê ô */
      return base == 'a' ? 2 : base == 'e' ? 8 : base == 'o' ? 19 : index;
    case 0x031B:  /* horn: ơ ư */
      return base == 'o' ? 20 : base == 'u' ? 27 : index;
    default:
      return index;
    }
}

/* Whether @c starts a piece of text that normalises on its own: it is a letter or sign that
 * nothing before it can combine with. */
static gboolean
is_boundary (gunichar c)
{
  return c < 0x0300 || (c >= 0x1E00 && c <= 0x1EFF);
}

/* Whether @text is in NFC already: each of its characters is one that normalises to itself
 * and that nothing before it combines with. Names typed on a Vietnamese keyboard are, and
 * GLib's normalisation is most of the cost of importing 50,000 of them. */
static gboolean
is_composed (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0x80 && !is_boundary (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * llw_text_normalize:
 * @text: (nullable): text as typed, pasted or imported
 *
 * Returns: @text in NFC with surrounding white space removed, so that composed and
 *   decomposed Vietnamese are stored alike.
 */
char *
llw_text_normalize (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");
  if (is_composed (text))
    return g_strstrip (g_strdup (text));

  /* GLib's normalisation slows down with the square of the length, and a pasted or
   * imported text may be a megabyte long: it is done in pieces that end where the next
   * character can never combine with what comes before it (ASCII and the precomposed Latin
   * letters Vietnamese is written with), which gives the same result. */
  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0';)
    {
      const char *end = p;
      g_autofree char *piece = NULL;

      while (*end != '\0' && (end - p < 1024 || !is_boundary (g_utf8_get_char (end))))
        end = g_utf8_next_char (end);
      piece = g_utf8_normalize (p, end - p, G_NORMALIZE_NFC);
      g_string_append (out, piece);
      p = end;
    }

  return g_strstrip (g_string_free (out, FALSE));
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

static inline gunichar
char_at (const char *p)
{
  return (guchar) *p < 0x80 ? (guchar) *p : g_utf8_get_char (p);
}

/* Collapses runs of white space into one space. */
static char *
collapse_spaces (const char *text)
{
  char *out = g_malloc (strlen (text) + 1);   /* never longer than @text */
  gsize len = 0;
  gboolean space = FALSE;

  /* @text is valid UTF-8: each run of characters between spaces is copied as its bytes. */
  for (const char *p = text; *p;)
    {
      const char *start = p;

      while (*p && !is_space (char_at (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        {
          if (space)
            out[len++] = ' ';
          memcpy (out + len, start, p - start);
          len += p - start;
          space = FALSE;
        }
      for (; *p && is_space (char_at (p)); p = g_utf8_next_char (p))
        space = len > 0;
    }
  out[len] = '\0';
  return out;
}

static const char *fold_latin_char (gunichar c);

/* g_utf8_casefold () of @text, valid UTF-8. GLib folds one character at a time, an ASCII
 * one to its lower case, so ASCII is folded here and the others, the letters of Vietnamese
 * names, come from a table GLib filled once: an import makes a name key of every unit. */
static char *
casefold (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text, *next; *p != '\0'; p = next)
    {
      const char *latin;

      next = g_utf8_next_char (p);
      if ((guchar) *p < 0x80)
        g_string_append_c (out, *p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
      else if ((latin = fold_latin_char (g_utf8_get_char (p))) != NULL)
        g_string_append (out, latin);
      else
        {
          g_autofree char *folded = g_utf8_casefold (p, next - p);

          g_string_append (out, folded);
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * llw_text_name_key:
 * @text: (nullable): a name
 *
 * Returns: the key under which two names count as the same: NFC, case folded, white space
 *   trimmed and collapsed. Diacritics stay: "Hòn Đất" and "Hồn Đất" are different names.
 */
char *
llw_text_name_key (const char *text)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *nfc = NULL;

  /* ASCII, such as a unit's code, is in NFC already and folds to its lower case: an import
   * of 50,000 rows makes a key of each unit's code. */
  if (text != NULL && is_ascii (text))
    {
      g_autofree char *lower = g_ascii_strdown (text, -1);

      return collapse_spaces (g_strstrip (lower));
    }

  normal = llw_text_normalize (text);
  folded = casefold (normal);
  nfc = llw_text_normalize (folded);
  return collapse_spaces (nfc);
}

/* The Latin letters of Vietnamese names (Latin-1, Latin Extended-A and -B, and Latin
 * Extended Additional, where the letters with a tone are), each folded and decomposed once
 * by GLib, as it would be in a run of its own. */
#define LATIN_START 0x0080
#define LATIN_END 0x0250
#define ADDITIONAL_START 0x1E00
#define ADDITIONAL_END 0x1F00
#define N_LATIN ((LATIN_END - LATIN_START) + (ADDITIONAL_END - ADDITIONAL_START))

/* The slot of @c in the tables of those letters, or -1 for a character they do not hold. */
static inline int
latin_slot (gunichar c)
{
  if (c >= LATIN_START && c < LATIN_END)
    return (int) (c - LATIN_START);
  if (c >= ADDITIONAL_START && c < ADDITIONAL_END)
    return (int) (LATIN_END - LATIN_START + c - ADDITIONAL_START);
  return -1;
}

/* The character of the slot @i. */
static inline gunichar
latin_char (gsize i)
{
  return i < LATIN_END - LATIN_START ? LATIN_START + i
                                     : ADDITIONAL_START + i - (LATIN_END - LATIN_START);
}

static char **
make_latin_table (void)
{
  char **table = g_new0 (char *, N_LATIN);

  for (gsize i = 0; i < N_LATIN; i++)
    {
      gunichar c = latin_char (i);
      char utf8[8] = { 0 };
      g_autofree char *folded = NULL;
      char *nfd;

      g_unichar_to_utf8 (c, utf8);
      folded = g_utf8_casefold (utf8, -1);
      nfd = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
      /* Only a letter that decomposes to a base character first: a mark there could be
       * reordered with the one before it, across the two characters. */
      if (nfd != NULL && nfd[0] != '\0' &&
          g_unichar_combining_class (g_utf8_get_char (nfd)) == 0)
        table[i] = nfd;
      else
        g_free (nfd);
    }
  return table;
}

/* The same letters folded only, as g_utf8_casefold () folds each. */
static char **
make_folded_table (void)
{
  char **table = g_new0 (char *, N_LATIN);

  for (gsize i = 0; i < N_LATIN; i++)
    {
      char utf8[8] = { 0 };

      g_unichar_to_utf8 (latin_char (i), utf8);
      table[i] = g_utf8_casefold (utf8, -1);
    }
  return table;
}

/* Returns: (nullable): @c folded, from the table, or %NULL for a character the table does
 *   not hold. */
static const char *
fold_latin_char (gunichar c)
{
  static char **table;
  int slot;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, make_folded_table ());

  slot = latin_slot (c);
  return slot >= 0 ? table[slot] : NULL;
}

/* Returns: (nullable): @c folded and decomposed, from the table, or %NULL for a character
 *   the table does not hold. */
static const char *
fold_latin (gunichar c)
{
  static char **table;
  int slot;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, make_latin_table ());

  slot = latin_slot (c);
  return slot >= 0 ? table[slot] : NULL;
}

/* Appends the run of non-ASCII characters from @start to @end folded and decomposed, each
 * from the table when every one of them is in it: each then begins with a base character,
 * so nothing is reordered across two of them, and the run decomposes as its characters do
 * one by one. Otherwise (a combining mark, another script) the run goes through GLib. */
static void
append_folded_run (GString    *out,
                   const char *start,
                   const char *end)
{
  gsize len = out->len;
  const char *p, *latin = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *nfd = NULL;

  for (p = start; p < end && (latin = fold_latin (g_utf8_get_char (p))) != NULL;
       p = g_utf8_next_char (p))
    g_string_append (out, latin);
  if (p >= end)
    return;

  g_string_truncate (out, len);
  folded = g_utf8_casefold (start, end - start);
  nfd = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  g_string_append (out, nfd);
}

/* Case folds and decomposes @text (NFD); keys are made for every row of a list, so they skip
 * the NFC round trips of llw_text_name_key (), and only the runs of non-ASCII characters go
 * through GLib's Unicode tables: an ASCII letter folds to its lower case and decomposes to
 * itself, case folding looks at one character at a time, and the canonical reordering of
 * decomposition never moves a mark across a base character, which every ASCII one is. The
 * result is the same as folding and decomposing the whole text, at a fraction of the cost
 * (Vietnamese names are mostly ASCII letters). */
static char *
fold_decomposed (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  out = g_string_sized_new (strlen (text) + 8);
  for (p = text; *p != '\0';)
    {
      const char *end = p;

      while (*end != '\0' && (guchar) *end < 0x80)
        g_string_append_c (out, g_ascii_tolower (*end++));
      for (p = end; *end != '\0' && (guchar) *end >= 0x80; end++)
        ;
      if (end > p)
        append_folded_run (out, p, end);
      p = end;
    }

  return g_string_free (out, FALSE);
}

/**
 * llw_text_join_present:
 * @separator: put between two fields
 * @fields: (array length=n_fields) (nullable): the fields, any of them %NULL or empty
 * @n_fields: how many
 *
 * Returns: (transfer full): the fields that hold something, joined: a missing field in the
 *   middle does not cut off those after it, as it would with g_strjoin ().
 */
char *
llw_text_join_present (const char        *separator,
                       const char *const *fields,
                       gsize              n_fields)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < n_fields; i++)
    if (fields[i] != NULL && *fields[i] != '\0')
      {
        if (out->len > 0)
          g_string_append (out, separator);
        g_string_append (out, fields[i]);
      }
  return g_string_free (out, FALSE);
}

static char *search_key_decomposed (const char *text);

/* What a search key keeps of each letter of the Latin table: its folded and decomposed form
 * (fold_latin ()) without its marks, đ as d. NULL for a character the table does not hold,
 * and for a space (U+00A0), which depends on its neighbours: the whole text then takes the
 * long way. */
static char **
make_search_table (void)
{
  char **table = g_new0 (char *, N_LATIN);

  for (gsize i = 0; i < N_LATIN; i++)
    {
      gunichar c = latin_char (i);
      char utf8[8] = { 0 };

      /* Made by the long way itself, one letter at a time. */
      if (fold_latin (c) == NULL || is_space (c))
        continue;
      g_unichar_to_utf8 (c, utf8);
      table[i] = search_key_decomposed (utf8);
    }
  return table;
}

static const char *
search_latin (gunichar c)
{
  static char **table;
  int slot;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, make_search_table ());

  slot = latin_slot (c);
  return slot >= 0 ? table[slot] : NULL;
}

/* The search key of @text in one pass, for text of ASCII and the Latin table's letters only,
 * as Vietnamese names are: the same bytes as the long way below, which folds, decomposes and
 * then drops the marks. Returns %NULL for any other text. The first keystroke of a search
 * makes the key of every row of the list. */
static char *
search_key_latin (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE, valid = FALSE;

  for (const char *p = text; *p;)
    {
      const char *kept;

      if ((guchar) *p < 0x80)
        {
          char c = g_ascii_tolower (*p++);

          if (is_space ((guchar) c))
            space = out->len > 0;
          else
            {
              if (space)
                g_string_append_c (out, ' ');
              space = FALSE;
              g_string_append_c (out, c);
            }
          continue;
        }
      /* The long way makes an invalid text's key empty: checked once, from here on. */
      if (!valid && !(valid = g_utf8_validate (p, -1, NULL)))
        return (g_string_free (out, TRUE), NULL);
      if ((kept = search_latin (g_utf8_get_char (p))) == NULL)
        return (g_string_free (out, TRUE), NULL);
      p = g_utf8_next_char (p);
      if (*kept == '\0')
        continue;
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append (out, kept);
    }
  return g_string_free (out, FALSE);
}

/**
 * llw_text_search_key:
 * @text: (nullable): text to find records by
 *
 * Returns: @text without diacritics, case folded, with single spaces, so that typing
 *   "rach gia" finds "Rạch Giá".
 */
char *
llw_text_search_key (const char *text)
{
  char *key = text != NULL ? search_key_latin (text) : NULL;

  return key != NULL ? key : search_key_decomposed (text);
}

/* The search key the long way: folded and decomposed (NFD), then without the marks. */
static char *
search_key_decomposed (const char *text)
{
  g_autofree char *nfd = fold_decomposed (text);
  GString *out = g_string_sized_new (strlen (nfd));
  gboolean space = FALSE;

  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* No ASCII character is a mark, and most are letters, copied as they are. */
      if (c >= 0x80 && is_mark (c))
        continue;
      if (is_space (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c == 0x0111 ? 'd' : c);
    }

  return g_string_free (out, FALSE);
}

static char *sort_key_decomposed (const char *text);

/* What a sort key holds of one character, where that does not depend on its neighbours: an
 * ASCII one, or a letter of the Latin table, which decomposes to a base character first (no
 * mark of it is reordered with another's). Not a space, which depends on its neighbours. */
typedef struct
{
  char *primary;
  char *secondary;
} SortPart;

static void
fill_sort_part (SortPart *part,
                gunichar  c)
{
  char utf8[8] = { 0 };
  g_autofree char *key = NULL;
  const char *split;

  if (is_space (c) || (c >= 0x80 && fold_latin (c) == NULL))
    return;
  g_unichar_to_utf8 (c, utf8);
  key = sort_key_decomposed (utf8);
  split = strchr (key, '\x01');
  part->primary = g_strndup (key, split - key);
  part->secondary = g_strdup (split + 1);
}

static SortPart *
make_sort_table (void)
{
  SortPart *table = g_new0 (SortPart, 0x80 + N_LATIN);

  for (gunichar c = 1; c < 0x80; c++)
    fill_sort_part (&table[c], c);
  for (gsize i = 0; i < N_LATIN; i++)
    fill_sort_part (&table[0x80 + i], latin_char (i));
  return table;
}

static const SortPart *
sort_part (gunichar c)
{
  static SortPart *table;
  const SortPart *part = NULL;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, make_sort_table ());

  if (c < 0x80)
    part = &table[c];
  else if (latin_slot (c) >= 0)
    part = &table[0x80 + latin_slot (c)];
  return part != NULL && part->primary != NULL ? part : NULL;
}

/* The sort key of @text in one pass, for text of ASCII and the Latin table's letters only:
 * the same bytes as the long way below. Returns %NULL for any other text. The first sort of
 * a list makes the key of every row. */
static char *
sort_key_latin (const char *text)
{
  gsize length = strlen (text);
  GString *primary = g_string_sized_new (length + length / 2 + 2);
  GString *secondary = g_string_sized_new (length + 1);
  gboolean space = FALSE, valid = FALSE, whole = TRUE;

  for (const char *p = text; *p && whole;)
    {
      gunichar c;
      const SortPart *part;

      if ((guchar) *p < 0x80)
        c = (guchar) *p++;
      else
        {
          /* The long way makes an invalid text's key empty: checked once, from here on. */
          if (!valid && !(valid = g_utf8_validate (p, -1, NULL)))
            {
              whole = FALSE;
              break;
            }
          c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
      if (is_space (c))
        {
          space = primary->len > 0;
          continue;
        }
      if ((part = sort_part (c)) == NULL)
        {
          whole = FALSE;
          break;
        }
      if (space)
        {
          g_string_append_c (primary, ' ');
          g_string_append_c (secondary, '0');
        }
      space = FALSE;
      g_string_append (primary, part->primary);
      g_string_append (secondary, part->secondary);
    }
  if (!whole)
    {
      g_string_free (primary, TRUE);
      g_string_free (secondary, TRUE);
      return NULL;
    }
  g_string_append_c (primary, '\x01');
  g_string_append_len (primary, secondary->str, secondary->len);
  g_string_free (secondary, TRUE);
  return g_string_free (primary, FALSE);
}

/**
 * llw_text_sort_key:
 * @text: (nullable): text to sort by
 *
 * Returns: a key whose byte order (strcmp) is Vietnamese dictionary order: letters first,
 *   by the Vietnamese alphabet, then tones, whatever the locale of the machine.
 */
char *
llw_text_sort_key (const char *text)
{
  char *key = text != NULL ? sort_key_latin (text) : NULL;

  return key != NULL ? key : sort_key_decomposed (text);
}

/* The sort key the long way: folded, decomposed (NFD), each base letter with its marks. */
static char *
sort_key_decomposed (const char *text)
{
  g_autofree char *nfd = fold_decomposed (text);
  g_autofree char *collapsed = collapse_spaces (nfd);
  GString *primary = g_string_sized_new (strlen (collapsed));
  GString *secondary = g_string_new (NULL);
  const char *p = collapsed;

  while (*p)
    {
      gunichar base = g_utf8_get_char (p);
      gunichar modifier = 0;
      int tone = 0;
      int index;

      for (p = g_utf8_next_char (p); *p && is_mark (g_utf8_get_char (p)); p = g_utf8_next_char (p))
        {
          gunichar mark = g_utf8_get_char (p);
          int t = tone_index (mark);

          if (t > 0)
            tone = t;
          else
            modifier = mark;
        }

      index = letter_index (base, modifier);
      if (index >= 0)
        g_string_append_c (primary, (char) (0x40 + index));
      else if (is_space (base))
        g_string_append_c (primary, ' ');
      else if (base < 0x80 && !g_ascii_isdigit (base))
        g_string_append_c (primary, '!');  /* punctuation: below digits and letters */
      else
        g_string_append_unichar (primary, base);
      g_string_append_c (secondary, (char) ('0' + tone));
    }

  g_string_append_c (primary, '\x01');
  g_string_append_len (primary, secondary->str, secondary->len);
  g_string_free (secondary, TRUE);

  return g_string_free (primary, FALSE);
}

G_DEFINE_QUARK (llw-text-error-quark, llw_text_error)

/* Whether a document cannot hold @c: what XML 1.0 forbids (control characters other than
 * tab, line feed and carriage return; U+FFFE and U+FFFF) and the other noncharacters, which
 * spreadsheets refuse all the same. A workbook holding one does not open at all. */
static gboolean
is_forbidden (gunichar c)
{
  if (c < 0x20)
    return c != '\t' && c != '\n' && c != '\r';
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/**
 * llw_text_find_forbidden:
 * @text: valid UTF-8
 * @line: (out): the line of the first character a document cannot hold, from 1
 * @column: (out): its place in the line, in characters, from 1
 *
 * Returns: that character, or 0 when there is none
 */
gunichar
llw_text_find_forbidden (const char *text,
                         guint      *line,
                         guint      *column)
{
  const guchar *b;

  *line = 1;
  *column = 0;

  /* Most text has no byte below U+0020 and none that starts U+F000 or beyond, where the
   * noncharacters are: then it has none, and its characters are counted by their first
   * bytes. An import checks every field of every row. */
  for (b = (const guchar *) text; *b >= 0x20 && *b < 0xef; b++)
    *column += (*b & 0xc0) != 0x80;
  if (*b == '\0')
    return 0;

  *column = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      (*column)++;
      if (is_forbidden (c))
        return c;
      if (c == '\n')
        {
          (*line)++;
          *column = 0;
        }
    }
  return 0;
}

static gboolean
is_plain_and_short (const char *text,
                    guint       max_length)
{
  const guchar *p = (const guchar *) text;

  for (; *p != '\0'; p++)
    if (*p < 0x20 || *p >= 0xef)
      return FALSE;
  return (gsize) (p - (const guchar *) text) <= max_length;
}

/**
 * llw_text_check:
 * @text: text as typed, pasted or read from a file, in valid UTF-8
 * @max_length: the most characters it may have
 * @error: return location for a message to show beside the field or the line
 *
 * Checks what every document llweek writes needs of the text it holds: no character that a
 * spreadsheet or XML cannot hold, and a length a cell can hold.
 *
 * Returns: %TRUE if @text may be kept
 */
gboolean
llw_text_check (const char  *text,
                guint        max_length,
                GError     **error)
{
  guint line, column;
  gunichar c;
  glong length;

  /* Every cell of a large workbook passes here: most text has no byte that can begin a
   * forbidden character (below 0x20, or from 0xef on) and fewer bytes than characters
   * allowed. */
  if (is_plain_and_short (text, max_length))
    return TRUE;

  c = llw_text_find_forbidden (text, &line, &column);
  if (c != 0)
    {
      if (strchr (text, '\n') != NULL)
        g_set_error (error, LLW_TEXT_ERROR, LLW_TEXT_ERROR_FORBIDDEN,
                     _("Line %u, character %u: U+%04X cannot be kept in a document; remove "
                       "it."), line, column, c);
      else
        g_set_error (error, LLW_TEXT_ERROR, LLW_TEXT_ERROR_FORBIDDEN,
                     _("Character %u: U+%04X cannot be kept in a document; remove it."),
                     column, c);
      return FALSE;
    }

  length = g_utf8_strlen (text, -1);
  if (length > (glong) max_length)
    {
      g_set_error (error, LLW_TEXT_ERROR, LLW_TEXT_ERROR_TOO_LONG,
                   _("At most %u characters here; this text has %ld."), max_length, length);
      return FALSE;
    }
  return TRUE;
}
