/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <pango/pangocairo.h>

#include "llw-document-font.h"
#include "llw-text-metrics.h"

/* How many lines a text takes in a spreadsheet cell of a given width, measured with the
 * document's font (Times New Roman, or Liberation Serif with the same metrics): each
 * character's advance is taken once from the font, then lines are broken at spaces as a
 * cell wraps them. A workbook's rows are sized with it, since neither Excel nor LibreOffice
 * grows a row for wrapped text in merged cells, and 50,000 rows must not be shaped one by
 * one. Kerning is left out: it only ever narrows a line of Times New Roman. */

/* Characters below this have their advance in an array: Vietnamese letters are all there. */
#define N_DIRECT 0x2000

typedef struct
{
  PangoContext *context;
  double line_height;
  float *direct;            /* N_DIRECT advances in points, < 0 until measured */
  GHashTable *others;       /* gunichar → float advance, boxed */
} Style;

struct _LlwTextMetrics
{
  PangoFontMap *font_map;
  GHashTable *styles;       /* size × 4 + style → Style */
};

static void
style_free (gpointer data)
{
  Style *style = data;

  g_object_unref (style->context);
  g_free (style->direct);
  g_hash_table_unref (style->others);
  g_free (style);
}

static Style *
get_style (LlwTextMetrics *self,
           double          size,
           LlwTextStyle    text_style)
{
  guint key = (guint) (size * 4) * 4 + text_style;
  Style *style = g_hash_table_lookup (self->styles, GUINT_TO_POINTER (key));
  g_autoptr(PangoFontDescription) desc = NULL;
  double ascent, descent;

  if (style != NULL)
    return style;

  desc = pango_font_description_from_string (LLW_DOCUMENT_FAMILIES);
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (desc, text_style & LLW_TEXT_BOLD ? PANGO_WEIGHT_BOLD
                                                                     : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, text_style & LLW_TEXT_ITALIC ? PANGO_STYLE_ITALIC
                                                                       : PANGO_STYLE_NORMAL);

  style = g_new0 (Style, 1);
  style->context = pango_font_map_create_context (self->font_map);
  pango_context_set_round_glyph_positions (style->context, FALSE);
  pango_context_set_language (style->context, pango_language_from_string ("vi"));
  pango_context_set_font_description (style->context, desc);
  llw_document_font_get_extents (style->context, desc, &ascent, &descent);
  style->line_height = ascent + descent;
  style->direct = g_new (float, N_DIRECT);
  for (guint i = 0; i < N_DIRECT; i++)
    style->direct[i] = -1;
  style->others = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  g_hash_table_insert (self->styles, GUINT_TO_POINTER (key), style);
  return style;
}

/* The advance of one character, shaped on its own. */
static float
shape_char (Style    *style,
            gunichar  c)
{
  char utf8[8];
  int length = g_unichar_to_utf8 (c, utf8);
  GList *items = pango_itemize (style->context, utf8, 0, length, NULL, NULL);
  float width = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      PangoItem *item = l->data;
      PangoGlyphString *glyphs = pango_glyph_string_new ();

      pango_shape_with_flags (utf8 + item->offset, item->length, utf8, length,
                              &item->analysis, glyphs, PANGO_SHAPE_NONE);
      width += (float) pango_glyph_string_get_width (glyphs) / PANGO_SCALE;
      pango_glyph_string_free (glyphs);
    }
  g_list_free_full (items, (GDestroyNotify) pango_item_free);
  return width;
}

/* The advance of one character, measured the first time it is met. */
static float
advance (Style    *style,
         gunichar  c)
{
  float *cached;

  if (c < N_DIRECT)
    {
      if (style->direct[c] < 0)
        style->direct[c] = shape_char (style, c);
      return style->direct[c];
    }

  cached = g_hash_table_lookup (style->others, GUINT_TO_POINTER (c));
  if (cached == NULL)
    {
      cached = g_new (float, 1);
      *cached = shape_char (style, c);
      g_hash_table_insert (style->others, GUINT_TO_POINTER (c), cached);
    }
  return *cached;
}

static double
measure (Style      *style,
         const char *text,
         gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;
  double width = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    width += advance (style, g_utf8_get_char (p));
  return width;
}

/* Lays out one paragraph at spaces, cutting a word wider than the line where it ends. */
static guint
count_paragraph_lines (Style      *style,
                       const char *text,
                       const char *end,
                       double      width)
{
  double space = advance (style, ' '), line = 0;
  guint lines = 1;

  while (text < end)
    {
      const char *word_end = text;
      double word;

      while (word_end < end && *word_end != ' ')
        word_end++;
      word = measure (style, text, word_end - text);
      if (line > 0 && line + space + word > width)
        {
          lines++;
          line = 0;
        }
      line += (line > 0 ? space : 0) + word;
      for (; line > width && width > 0; line -= width)
        lines++;
      text = word_end + 1;
    }
  return lines;
}

/* Returns: (transfer full): metrics with a font map of their own, for one thread. */
LlwTextMetrics *
llw_text_metrics_new (void)
{
  LlwTextMetrics *self = g_new0 (LlwTextMetrics, 1);

  self->font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (self->font_map), 72);
  self->styles = g_hash_table_new_full (NULL, NULL, NULL, style_free);
  return self;
}

void
llw_text_metrics_free (LlwTextMetrics *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->styles);
  g_object_unref (self->font_map);
  g_free (self);
}

/* Returns: the height of a line of text of @size points: the font's ascent and descent. */
double
llw_text_metrics_line_height (LlwTextMetrics *self,
                              double          size,
                              LlwTextStyle    style)
{
  g_return_val_if_fail (self != NULL && size > 0, 0);

  return get_style (self, size, style)->line_height;
}

/* Returns: the width of @text on one line, in points. */
double
llw_text_metrics_width (LlwTextMetrics *self,
                        double          size,
                        LlwTextStyle    style,
                        const char     *text)
{
  g_return_val_if_fail (self != NULL && size > 0, 0);

  return text != NULL ? measure (get_style (self, size, style), text, -1) : 0;
}

/**
 * llw_text_metrics_count_lines:
 * @text: (nullable): the text; "\n" starts a new line
 * @width: the width of the cell's text, in points
 *
 * Returns: how many lines @text takes, at least 1
 */
guint
llw_text_metrics_count_lines (LlwTextMetrics *self,
                              double          size,
                              LlwTextStyle    style,
                              const char     *text,
                              double          width)
{
  Style *s;
  guint lines = 0;

  g_return_val_if_fail (self != NULL && size > 0, 1);

  if (text == NULL || *text == '\0')
    return 1;

  s = get_style (self, size, style);
  for (const char *p = text;;)
    {
      const char *end = strchr (p, '\n');

      lines += count_paragraph_lines (s, p, end != NULL ? end : p + strlen (p), width);
      if (end == NULL)
        break;
      p = end + 1;
    }
  return lines;
}
