/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-text.h"

/* Vietnamese alphabetical order; "đ" is a letter of its own and the vowels with breve,
 * circumflex or horn follow their base vowel. Letters not used in Vietnamese (f, j, w, z)
 * take their Latin places so that foreign names sort as expected. */
static const char *const alphabet[] = {
  "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
  "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
};

/* Tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng. */
static const gunichar tones[] = { 0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323 };

static gboolean
is_mark (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK;
}

static int
tone_index (gunichar mark)
{
  for (guint i = 1; i < G_N_ELEMENTS (tones); i++)
    if (tones[i] == mark)
      return (int) i;
  return -1;
}

/* Returns the position of the letter spelt by @base and its vowel @modifier in the
 * alphabet, or -1 for anything that is not a letter of it. */
static int
letter_index (gunichar base,
              gunichar modifier)
{
  char spelt[16];
  int len = g_unichar_to_utf8 (base, spelt);

  if (modifier != 0)
    len += g_unichar_to_utf8 (modifier, spelt + len);
  spelt[len] = '\0';

  {
    g_autofree char *composed = g_utf8_normalize (spelt, -1, G_NORMALIZE_NFC);

    for (guint i = 0; i < G_N_ELEMENTS (alphabet); i++)
      if (g_strcmp0 (alphabet[i], composed) == 0)
        return (int) i;
  }

  return -1;
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
  char *nfc;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  return g_strstrip (nfc);
}

/* Collapses runs of white space into one space. */
static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          space = FALSE;
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
  g_autofree char *normal = llw_text_normalize (text);
  g_autofree char *folded = g_utf8_casefold (normal, -1);
  g_autofree char *nfc = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);

  return collapse_spaces (nfc);
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
  g_autofree char *key = llw_text_name_key (text);
  g_autofree char *nfd = g_utf8_normalize (key, -1, G_NORMALIZE_NFD);
  GString *out = g_string_sized_new (strlen (nfd));

  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_mark (c))
        continue;
      g_string_append_unichar (out, c == 0x0111 ? 'd' : c);
    }

  return g_string_free (out, FALSE);
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
  g_autofree char *key = llw_text_name_key (text);
  g_autofree char *nfd = g_utf8_normalize (key, -1, G_NORMALIZE_NFD);
  GString *primary = g_string_sized_new (strlen (nfd));
  GString *secondary = g_string_new (NULL);
  const char *p = nfd;

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
      else if (g_unichar_isspace (base))
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
