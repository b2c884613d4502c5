/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <pango/pangocairo.h>

#include "llw-document-font.h"
#include "llw-shaper.h"

/* A 50,000-row list repeats its dates, group names and notes tens of thousands of times,
 * and its unit names share most of their words: so words are shaped once per face and
 * kept, lines are broken here from the cached widths, and the glyphs go to cairo in a few
 * calls per page. Spaces are drawn as glyphs too, so that text copied out of the PDF keeps
 * them.
 *
 * Glyph positions are not rounded and metrics not hinted: the same text then has the same
 * width on paper, in the preview and in the PDF, and pagination does not depend on the
 * device. */

#define EPSILON 0.01

/* One font's glyphs of a word as cairo draws them: positions from the word's origin, and
 * clusters that map them to the word's bytes, so that text copied out of a PDF is right. */
typedef struct
{
  PangoFont *font;                  /* keeps the scaled font alive */
  cairo_scaled_font_t *scaled_font;
  guint offset;                     /* of the run's text in the word's */
  guint length;
  guint n_glyphs;
  guint n_clusters;
  cairo_glyph_t *glyphs;            /* then the clusters, in the same block */
  cairo_text_cluster_t *clusters;
} Run;

struct _LlwShapedWord
{
  char *text;
  float width;
  guint n_runs;
  Run runs[];
};

/* Glyphs wait here until the font changes or the page ends, then go to cairo in one call:
 * cairo's PDF surface spends its time per call, not per glyph. */
typedef struct
{
  cairo_scaled_font_t *font;
  GArray *glyphs;                   /* cairo_glyph_t */
  GArray *clusters;                 /* cairo_text_cluster_t */
  GString *text;
} Batch;

typedef struct
{
  PangoContext *context;
  gboolean has_font;
  double ascent;
  double line_height;
  GHashTable *words;          /* text → LlwShapedWord */
  const LlwShapedWord *ascii[128];  /* single characters of figures, found without hashing */
  const LlwShapedWord *space;
  const LlwShapedWord *ellipsis;
} Style;

struct _LlwShaper
{
  PangoFontMap *font_map;
  PangoAttrList *attrs;
  Style styles[LLW_N_FONTS];
  guint n_shaped;
  Batch batch;

  /* Scratch space for one wrap at a time. */
  GString *key;
  GArray *pieces;
  GArray *lines;
};

static const char * const font_descriptions[LLW_N_FONTS] = {
  LLW_DOCUMENT_FAMILIES " 12",
  LLW_DOCUMENT_FAMILIES " Bold 12",
  LLW_DOCUMENT_FAMILIES " Italic 12",
  LLW_DOCUMENT_FAMILIES " 13",
  LLW_DOCUMENT_FAMILIES " Bold 13",
  LLW_DOCUMENT_FAMILIES " Bold 14",
  LLW_DOCUMENT_FAMILIES " 14",
  LLW_DOCUMENT_FAMILIES " Italic 14",
  LLW_DOCUMENT_FAMILIES " 11",
  LLW_DOCUMENT_FAMILIES " Bold 11",
  LLW_DOCUMENT_FAMILIES " Bold Italic 12",
};
G_STATIC_ASSERT (G_N_ELEMENTS (font_descriptions) == LLW_N_FONTS);

static void
shaped_word_free (gpointer data)
{
  LlwShapedWord *word = data;

  for (guint i = 0; i < word->n_runs; i++)
    {
      g_clear_object (&word->runs[i].font);
      g_free (word->runs[i].glyphs);
    }
  g_free (word->text);
  g_free (word);
}

static gboolean
is_drawn (PangoGlyph glyph)
{
  /* Empty glyphs stand for characters that draw nothing; unknown ones for characters no
   * font has, which Pango would draw as a box with the code point. */
  return glyph != PANGO_GLYPH_EMPTY && (glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0;
}

/* Returns: the number of clusters, which start where log_clusters changes. */
static guint
count_clusters (const PangoGlyphString *glyphs,
                gboolean                rtl)
{
  guint n = 0;

  if (rtl)
    return 1;
  for (int i = 0; i < glyphs->num_glyphs; i++)
    n += i == 0 || glyphs->log_clusters[i] != glyphs->log_clusters[i - 1];

  return n;
}

/* Copies Pango's glyphs into cairo's form, placed from @x, the run's start in its word;
 * returns where the run ends. Right-to-left text (no Vietnamese) is one
 * cluster, which cairo accepts in any order. */
static double
make_run (Run                    *run,
          const PangoItem        *item,
          const PangoGlyphString *glyphs,
          double                  x)
{
  gboolean rtl = item->analysis.level % 2 == 1;
  /* Without any of the families installed, Pango on Windows gives no font at all: the run
   * keeps its width and draws nothing. */
  gboolean has_font = item->analysis.font != NULL;
  guint n_drawn = 0, k = 0;
  int c = -1;

  for (int i = 0; i < glyphs->num_glyphs; i++)
    n_drawn += has_font && is_drawn (glyphs->glyphs[i].glyph);

  run->font = has_font ? g_object_ref (item->analysis.font) : NULL;
  run->scaled_font = has_font ? pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->font))
                              : NULL;
  run->offset = item->offset;
  run->length = item->length;
  run->n_glyphs = n_drawn;
  run->n_clusters = count_clusters (glyphs, rtl);
  run->glyphs = g_malloc (n_drawn * sizeof (cairo_glyph_t) +
                          run->n_clusters * sizeof (cairo_text_cluster_t));
  run->clusters = (cairo_text_cluster_t *) (run->glyphs + n_drawn);

  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      const PangoGlyphInfo *info = &glyphs->glyphs[i];

      if (i == 0 || (!rtl && glyphs->log_clusters[i] != glyphs->log_clusters[i - 1]))
        {
          int start = glyphs->log_clusters[i];
          int end = item->length;

          for (int j = i + 1; j < glyphs->num_glyphs && !rtl; j++)
            if (glyphs->log_clusters[j] != start)
              {
                end = glyphs->log_clusters[j];
                break;
              }
          run->clusters[++c] = (cairo_text_cluster_t) { rtl ? item->length : end - start, 0 };
        }

      if (has_font && is_drawn (info->glyph))
        {
          run->glyphs[k++] = (cairo_glyph_t) {
            info->glyph,
            x + (double) info->geometry.x_offset / PANGO_SCALE,
            (double) info->geometry.y_offset / PANGO_SCALE,
          };
          run->clusters[c].num_glyphs++;
        }
      x += (double) info->geometry.width / PANGO_SCALE;
    }

  return x;
}

/* Frees a glyph item of shape_items (). Not pango_glyph_item_free (): that returns the
 * struct to GLib's slice allocator, which did not make it. */
static void
glyph_item_free (gpointer data)
{
  PangoGlyphItem *glyph_item = data;

  pango_item_free (glyph_item->item);
  pango_glyph_string_free (glyph_item->glyphs);
  g_free (glyph_item);
}

/* Itemizes @text (a word may need a fallback font for a rare character) and shapes each
 * item; the caller frees the list with glyph_item_free (). */
static GList *
shape_items (LlwShaper  *self,
             Style      *style,
             const char *text,
             gsize       len)
{
  GList *items = pango_itemize (style->context, text, 0, (int) len, self->attrs, NULL);

  for (GList *l = items; l != NULL; l = l->next)
    {
      PangoGlyphItem *glyph_item = g_new0 (PangoGlyphItem, 1);

      glyph_item->item = l->data;
      glyph_item->glyphs = pango_glyph_string_new ();
      pango_shape_with_flags (text + glyph_item->item->offset, glyph_item->item->length,
                              text, (int) len, &glyph_item->item->analysis,
                              glyph_item->glyphs, PANGO_SHAPE_NONE);
      l->data = glyph_item;
    }

  return items;
}

static LlwShapedWord *
shape_word (LlwShaper  *self,
            Style      *style,
            const char *text,
            gsize       len)
{
  char *copy = g_strndup (text, len);
  GList *items = shape_items (self, style, copy, len);
  guint n_runs = g_list_length (items);
  LlwShapedWord *word = g_malloc0 (sizeof (LlwShapedWord) + n_runs * sizeof (Run));
  double x = 0;
  guint i = 0;

  word->text = copy;
  word->n_runs = n_runs;
  for (GList *l = items; l != NULL; l = l->next, i++)
    {
      PangoGlyphItem *glyph_item = l->data;

      x = make_run (&word->runs[i], glyph_item->item, glyph_item->glyphs, x);
    }
  word->width = (float) x;
  g_list_free_full (items, glyph_item_free);
  self->n_shaped++;

  return word;
}

static const LlwShapedWord *
lookup_word (LlwShaper  *self,
             Style      *style,
             const char *text,
             gsize       len)
{
  LlwShapedWord *word;

  g_string_truncate (self->key, 0);
  g_string_append_len (self->key, text, (gssize) len);

  word = g_hash_table_lookup (style->words, self->key->str);
  if (word == NULL)
    {
      word = shape_word (self, style, text, len);
      g_hash_table_insert (style->words, word->text, word);
    }

  return word;
}

static void
init_style (LlwShaper            *self,
            Style                *style,
            const char           *description,
            cairo_font_options_t *options)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (description);
  PangoLanguage *language = pango_language_from_string ("vi");
  double descent;

  style->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (style->context, 72);
  pango_cairo_context_set_font_options (style->context, options);
  pango_context_set_round_glyph_positions (style->context, FALSE);
  pango_context_set_language (style->context, language);
  pango_context_set_font_description (style->context, desc);

  style->has_font = llw_document_font_get_extents (style->context, desc, &style->ascent,
                                                   &descent);
  style->line_height = style->ascent + descent;

  style->words = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, shaped_word_free);
  style->space = lookup_word (self, style, " ", 1);
  style->ellipsis = lookup_word (self, style, "…", strlen ("…"));
}

/* Returns: (transfer full): a shaper with its own font map at 72 dpi, so that a point is a
 *   unit on every cairo surface (on PDF, pangocairo would otherwise assume 96 dpi). */
LlwShaper *
llw_shaper_new (void)
{
  LlwShaper *self = g_new0 (LlwShaper, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);

  self->font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (self->font_map), 72);
  self->attrs = pango_attr_list_new ();
  self->key = g_string_new (NULL);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (LlwTextPiece));
  self->lines = g_array_new (FALSE, FALSE, sizeof (LlwTextLine));
  self->batch.glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  self->batch.clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  self->batch.text = g_string_new (NULL);

  for (guint i = 0; i < LLW_N_FONTS; i++)
    init_style (self, &self->styles[i], font_descriptions[i], options);
  /* Only a system without any serif font has no font for the documents at all: said once,
   * since every page would then be left without its text. */
  if (!self->styles[LLW_FONT_BODY].has_font)
    g_warning ("No font of the families “%s” is installed: documents have no text",
               LLW_DOCUMENT_FAMILIES);

  cairo_font_options_destroy (options);
  return self;
}

void
llw_shaper_free (LlwShaper *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < LLW_N_FONTS; i++)
    {
      g_hash_table_unref (self->styles[i].words);
      g_object_unref (self->styles[i].context);
    }
  pango_attr_list_unref (self->attrs);
  g_object_unref (self->font_map);
  g_string_free (self->key, TRUE);
  g_array_unref (self->pieces);
  g_array_unref (self->lines);
  g_array_unref (self->batch.glyphs);
  g_array_unref (self->batch.clusters);
  g_string_free (self->batch.text, TRUE);
  g_free (self);
}

/* Returns: the distance from one baseline to the next in @font, in points. */
double
llw_shaper_get_line_height (LlwShaper *self,
                            LlwFont    font)
{
  g_return_val_if_fail (self != NULL && font < LLW_N_FONTS, 0);

  return self->styles[font].line_height;
}

/* Returns: the width of @text set on one line, in points. */
double
llw_shaper_measure (LlwShaper  *self,
                    LlwFont     font,
                    const char *text)
{
  g_autofree LlwText *wrapped = llw_shaper_wrap (self, font, text, G_MAXFLOAT, 0);

  return wrapped != NULL ? wrapped->width : 0;
}

/* Returns: how many distinct words have been shaped, for tests of the cache. */
guint
llw_shaper_get_n_shaped (LlwShaper *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_shaped;
}

/* Returns: the text of one piece of a wrapped line, for tests of the line breaking. */
const char *
llw_shaped_word_get_text (const LlwShapedWord *word)
{
  g_return_val_if_fail (word != NULL, NULL);

  return word->text;
}

/* Line breaking, greedy, from the cached widths: what a word processor does for a table
 * cell. A word wider than the cell (an e-mail address) is cut where it fits, preferably
 * after a dot, "@", "-", "_" or "/". */

typedef struct
{
  LlwShaper *self;
  Style *style;
  double width;
  double indent;      /* of the first line */
} Wrap;

/* The width the current line may fill. */
static double
line_room (Wrap *wrap)
{
  return wrap->width - (wrap->self->lines->len == 1 ? wrap->indent : 0);
}

static LlwTextLine *
current_line (Wrap *wrap)
{
  return &g_array_index (wrap->self->lines, LlwTextLine, wrap->self->lines->len - 1);
}

static void
start_line (Wrap *wrap)
{
  LlwTextLine line = { wrap->self->pieces->len, 0, 0 };

  g_array_append_val (wrap->self->lines, line);
}

static void
append_piece (Wrap                *wrap,
              const LlwShapedWord *word)
{
  LlwTextLine *line = current_line (wrap);
  LlwTextPiece piece = { word, line->width };

  g_array_append_val (wrap->self->pieces, piece);
  line->n_pieces++;
  line->width += word->width;
}

static void
remove_last_piece (Wrap *wrap)
{
  LlwTextLine *line = current_line (wrap);
  GArray *pieces = wrap->self->pieces;

  line->width = g_array_index (pieces, LlwTextPiece, pieces->len - 1).x;
  line->n_pieces--;
  g_array_set_size (pieces, pieces->len - 1);
}

static void
place_word (Wrap                *wrap,
            const LlwShapedWord *word)
{
  LlwTextLine *line = current_line (wrap);

  if (line->n_pieces > 0)
    {
      if (line->width + wrap->style->space->width + word->width <= line_room (wrap) + EPSILON)
        append_piece (wrap, wrap->style->space);
      else
        start_line (wrap);
    }

  append_piece (wrap, word);
}

/* Returns: how many characters from @start to put on a line of their own. */
static guint
fit_chars (const int      *widths,
           const gunichar *chars,
           guint           start,
           guint           n_chars,
           double          width)
{
  double room = width * PANGO_SCALE;
  double used = 0;
  guint end = start;
  guint after_punctuation = 0;

  while (end < n_chars && used + widths[end] <= room + EPSILON * PANGO_SCALE)
    {
      used += widths[end];
      if (chars[end] < 0x80 && chars[end] != 0 && strchr ("@._-/", (int) chars[end]) != NULL)
        after_punctuation = end + 1;
      end++;
    }

  if (end == n_chars)
    return end - start;
  if (after_punctuation > start + (end - start) / 2)
    end = after_punctuation;
  while (end > start + 1 && g_unichar_ismark (chars[end]))
    end--;

  return MAX (end - start, 1);
}

/* Returns: the width of each character of @word, from a new shaping: words too long for
 *   their cell are rare, so their glyphs' logical widths are not kept. */
static int *
char_widths (LlwShaper           *self,
             Style               *style,
             const LlwShapedWord *word,
             guint                n_chars)
{
  GList *items = shape_items (self, style, word->text, strlen (word->text));
  int *widths = g_new0 (int, n_chars);
  guint c = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      PangoGlyphItem *glyph_item = l->data;

      if (c + glyph_item->item->num_chars > n_chars)
        break;
      pango_glyph_item_get_logical_widths (glyph_item, word->text, widths + c);
      c += glyph_item->item->num_chars;
    }
  g_list_free_full (items, glyph_item_free);

  return widths;
}

static void
place_long_word (Wrap                *wrap,
                 const LlwShapedWord *whole)
{
  guint n_chars = (guint) g_utf8_strlen (whole->text, -1);
  g_autofree int *widths = char_widths (wrap->self, wrap->style, whole, n_chars);
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (whole->text, -1, NULL);
  g_autofree char *text = g_strdup (whole->text);  /* whole is not ours to keep a pointer to */
  const char *p = text;

  for (guint start = 0; start < n_chars;)
    {
      guint n = fit_chars (widths, chars, start, n_chars, wrap->width);
      const char *end = g_utf8_offset_to_pointer (p, n);

      if (current_line (wrap)->n_pieces > 0)
        start_line (wrap);
      append_piece (wrap, lookup_word (wrap->self, wrap->style, p, end - p));
      p = end;
      start += n;
    }
}

static void
place_paragraph (Wrap       *wrap,
                 const char *text,
                 const char *end)
{
  while (text < end)
    {
      const char *word_end = text;
      const LlwShapedWord *word;

      while (word_end < end && *word_end != ' ')
        word_end++;

      if (word_end > text)
        {
          word = lookup_word (wrap->self, wrap->style, text, word_end - text);
          if (word->width > line_room (wrap) + EPSILON && g_utf8_strlen (word->text, -1) > 1)
            place_long_word (wrap, word);
          else
            place_word (wrap, word);
        }
      text = word_end + 1;
    }
}

/* Cuts the text to @max_lines, ending the last with "…". */
static void
truncate_lines (Wrap  *wrap,
                guint  max_lines)
{
  const LlwShapedWord *ellipsis = wrap->style->ellipsis;
  LlwTextLine *line;

  g_array_set_size (wrap->self->lines, max_lines);
  line = current_line (wrap);
  g_array_set_size (wrap->self->pieces, line->first + line->n_pieces);

  while (line->n_pieces > 1 && line->width + ellipsis->width > wrap->width + EPSILON)
    remove_last_piece (wrap);
  if (line->n_pieces > 1 &&
      g_array_index (wrap->self->pieces, LlwTextPiece, wrap->self->pieces->len - 1).word ==
      wrap->style->space)
    remove_last_piece (wrap);

  append_piece (wrap, ellipsis);
}

static LlwText *
copy_text (LlwShaper *self,
           LlwFont    font,
           double     indent)
{
  guint n_pieces = self->pieces->len;
  guint n_lines = self->lines->len;
  LlwText *text = g_malloc (sizeof (LlwText) + n_pieces * sizeof (LlwTextPiece) +
                            n_lines * sizeof (LlwTextLine));

  /* Pieces first: they hold pointers, and LlwText's size keeps them aligned. */
  text->font = font;
  text->indent = (float) indent;
  text->n_lines = n_lines;
  text->pieces = (LlwTextPiece *) (text + 1);
  text->lines = (LlwTextLine *) (text->pieces + n_pieces);
  memcpy (text->pieces, self->pieces->data, n_pieces * sizeof (LlwTextPiece));
  memcpy (text->lines, self->lines->data, n_lines * sizeof (LlwTextLine));

  text->width = 0;
  for (guint i = 0; i < n_lines; i++)
    text->width = MAX (text->width, text->lines[i].width + (i == 0 ? text->indent : 0));

  return text;
}

static LlwText *wrap_text (LlwShaper *self, LlwFont font, const char *text, double width,
                           double indent, guint max_lines);

/**
 * llw_shaper_wrap:
 * @text: (nullable): NFC text; "\n" starts a new line
 * @width: the width to fill, in points
 * @max_lines: cut the text to this many lines, ending with "…"; 0 for no limit
 *
 * Returns: (transfer full) (nullable): the text broken into lines, %NULL if it is empty;
 *   free it with g_free ()
 */
LlwText *
llw_shaper_wrap (LlwShaper  *self,
                 LlwFont     font,
                 const char *text,
                 double      width,
                 guint       max_lines)
{
  g_return_val_if_fail (self != NULL && font < LLW_N_FONTS, NULL);

  return wrap_text (self, font, text, width, 0, max_lines);
}

/**
 * llw_shaper_wrap_indented:
 * @indent: how far the first line starts in, as a paragraph of the report does
 *
 * Like llw_shaper_wrap (), with the first line indented.
 */
LlwText *
llw_shaper_wrap_indented (LlwShaper  *self,
                          LlwFont     font,
                          const char *text,
                          double      width,
                          double      indent)
{
  g_return_val_if_fail (self != NULL && font < LLW_N_FONTS, NULL);

  return wrap_text (self, font, text, width, indent, 0);
}

static LlwText *
wrap_text (LlwShaper  *self,
           LlwFont     font,
           const char *text,
           double      width,
           double      indent,
           guint       max_lines)
{
  Wrap wrap = { self, &self->styles[font], width, indent };
  const char *end;

  if (text == NULL || *text == '\0')
    return NULL;

  g_array_set_size (self->pieces, 0);
  g_array_set_size (self->lines, 0);
  start_line (&wrap);
  end = text + strlen (text);

  for (const char *p = text; p <= end;)
    {
      const char *paragraph_end = memchr (p, '\n', end - p);

      if (paragraph_end == NULL)
        paragraph_end = end;
      if (p > text)
        start_line (&wrap);
      place_paragraph (&wrap, p, paragraph_end);
      p = paragraph_end + 1;
    }

  while (self->lines->len > 0 && current_line (&wrap)->n_pieces == 0)
    g_array_set_size (self->lines, self->lines->len - 1);
  if (self->lines->len == 0)
    return NULL;
  if (max_lines > 0 && self->lines->len > max_lines)
    truncate_lines (&wrap, max_lines);

  return copy_text (self, font, indent);
}

static void
flush (LlwShaper *self,
       cairo_t   *cr)
{
  Batch *batch = &self->batch;

  if (batch->font != NULL && (batch->glyphs->len > 0 || batch->text->len > 0))
    {
      cairo_set_scaled_font (cr, batch->font);
      cairo_show_text_glyphs (cr, batch->text->str, (int) batch->text->len,
                              (cairo_glyph_t *) batch->glyphs->data, (int) batch->glyphs->len,
                              (cairo_text_cluster_t *) batch->clusters->data,
                              (int) batch->clusters->len, 0);
    }

  g_array_set_size (batch->glyphs, 0);
  g_array_set_size (batch->clusters, 0);
  g_string_truncate (batch->text, 0);
}

static void
draw_word (LlwShaper           *self,
           cairo_t             *cr,
           const LlwShapedWord *word,
           double               x,
           double               baseline)
{
  Batch *batch = &self->batch;

  for (guint r = 0; r < word->n_runs; r++)
    {
      const Run *run = &word->runs[r];
      guint first;

      if (run->scaled_font != batch->font)
        {
          flush (self, cr);
          batch->font = run->scaled_font;
        }

      first = batch->glyphs->len;
      g_array_append_vals (batch->glyphs, run->glyphs, run->n_glyphs);
      for (guint i = first; i < batch->glyphs->len; i++)
        {
          cairo_glyph_t *glyph = &g_array_index (batch->glyphs, cairo_glyph_t, i);

          glyph->x += x;
          glyph->y += baseline;
        }
      g_array_append_vals (batch->clusters, run->clusters, run->n_clusters);
      g_string_append_len (batch->text, word->text + run->offset, run->length);
    }
}

/* Sends the glyphs drawn so far to @cr: call it before the page ends or @cr changes. */
void
llw_shaper_flush (LlwShaper *self,
                  cairo_t   *cr)
{
  g_return_if_fail (self != NULL);

  flush (self, cr);
  self->batch.font = NULL;
}

/**
 * llw_shaper_draw:
 * @text: (nullable): what llw_shaper_wrap () made
 * @y: the top of the first line
 * @width: the width the lines are aligned in
 * @max_lines: draw only this many lines (where a row had to be cut); 0 for all
 */
void
llw_shaper_draw (LlwShaper      *self,
                 cairo_t        *cr,
                 const LlwText  *text,
                 double          x,
                 double          y,
                 double          width,
                 PangoAlignment  align,
                 guint           max_lines)
{
  llw_shaper_draw_lines (self, cr, text, x, y, width, align, 0,
                         max_lines > 0 ? max_lines : G_MAXUINT);
}

/**
 * llw_shaper_draw_lines:
 * @y: the top of the line @first_line
 * @first_line: the first line to draw, where a text goes on from the page before
 * @n_lines: how many lines to draw at most
 */
void
llw_shaper_draw_lines (LlwShaper      *self,
                       cairo_t        *cr,
                       const LlwText  *text,
                       double          x,
                       double          y,
                       double          width,
                       PangoAlignment  align,
                       guint           first_line,
                       guint           n_lines)
{
  Style *style;
  guint end;

  g_return_if_fail (self != NULL);

  if (text == NULL || first_line >= text->n_lines)
    return;

  style = &self->styles[text->font];
  end = n_lines > text->n_lines - first_line ? text->n_lines : first_line + n_lines;

  for (guint i = first_line; i < end; i++)
    {
      const LlwTextLine *line = &text->lines[i];
      double baseline = y + style->ascent + (i - first_line) * style->line_height;
      double dx = 0;

      if (align == PANGO_ALIGN_CENTER)
        dx = (width - line->width) / 2;
      else if (align == PANGO_ALIGN_RIGHT)
        dx = width - line->width;
      else if (i == 0)
        dx = text->indent;

      for (guint k = 0; k < line->n_pieces; k++)
        {
          const LlwTextPiece *piece = &text->pieces[line->first + k];

          draw_word (self, cr, piece->word, x + dx + piece->x, baseline);
        }
    }
}

/**
 * llw_shaper_draw_justified:
 * @y: the top of the line @first_line
 * @first_line: the first line to draw, where a paragraph continues on a new page
 * @n_lines: how many lines to draw
 *
 * Draws lines of a paragraph spread to fill @width, the spaces widened evenly, all but its
 * last line, which stays as it is.
 */
void
llw_shaper_draw_justified (LlwShaper     *self,
                           cairo_t       *cr,
                           const LlwText *text,
                           double         x,
                           double         y,
                           double         width,
                           guint          first_line,
                           guint          n_lines)
{
  Style *style;

  g_return_if_fail (self != NULL);

  if (text == NULL)
    return;

  style = &self->styles[text->font];
  for (guint i = first_line; i < MIN (first_line + n_lines, text->n_lines); i++)
    {
      const LlwTextLine *line = &text->lines[i];
      double baseline = y + style->ascent + (i - first_line) * style->line_height;
      double indent = i == 0 ? text->indent : 0;
      double extra = 0, dx = 0;
      guint n_spaces = 0;

      for (guint k = 0; k < line->n_pieces; k++)
        n_spaces += text->pieces[line->first + k].word == style->space;
      if (i + 1 < text->n_lines && n_spaces > 0)
        extra = MAX (width - indent - line->width, 0) / n_spaces;

      for (guint k = 0; k < line->n_pieces; k++)
        {
          const LlwTextPiece *piece = &text->pieces[line->first + k];

          draw_word (self, cr, piece->word, x + indent + piece->x + dx, baseline);
          if (piece->word == style->space)
            dx += extra;
        }
    }
}

/* Returns: the shaped word of the character at @p, an ASCII one from the style's table. */
static const LlwShapedWord *
lookup_char (LlwShaper  *self,
             Style      *style,
             const char *p)
{
  guchar c = (guchar) *p;

  if (c >= 0x80)
    return lookup_word (self, style, p, g_utf8_next_char (p) - p);
  if (style->ascii[c] == NULL)
    style->ascii[c] = lookup_word (self, style, p, 1);
  return style->ascii[c];
}

/* Returns: the width of a figure, "1.234.567,5", set from its characters' own glyphs. */
double
llw_shaper_figure_width (LlwShaper  *self,
                         LlwFont     font,
                         const char *figure)
{
  Style *style;
  double width = 0;

  g_return_val_if_fail (self != NULL && font < LLW_N_FONTS && figure != NULL, 0);

  style = &self->styles[font];
  for (const char *p = figure; *p != '\0'; p = g_utf8_next_char (p))
    width += lookup_char (self, style, p)->width;
  return width;
}

/**
 * llw_shaper_draw_figure:
 * @figure: digits, "." and ","
 * @x: where it starts
 * @y: the top of its line
 *
 * Draws a figure from its characters' glyphs, each shaped once: a table of 50,000 units
 * holds hundreds of thousands of different figures, which are not worth a cache entry each.
 * Times New Roman sets its figures without kerning, so they come out as shaped whole.
 */
void
llw_shaper_draw_figure (LlwShaper  *self,
                        cairo_t    *cr,
                        LlwFont     font,
                        const char *figure,
                        double      x,
                        double      y)
{
  Style *style;
  double baseline;

  g_return_if_fail (self != NULL && font < LLW_N_FONTS && figure != NULL);

  style = &self->styles[font];
  baseline = y + style->ascent;
  for (const char *p = figure; *p != '\0'; p = g_utf8_next_char (p))
    {
      const LlwShapedWord *glyph = lookup_char (self, style, p);

      draw_word (self, cr, glyph, x, baseline);
      x += glyph->width;
    }
}
