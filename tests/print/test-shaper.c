/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <pango/pangocairo.h>

#include "llw-shaper.h"

/* The shaper keeps each word's shape and breaks lines itself, for speed: what it measures
 * and where it breaks must be what Pango, laying out the same text in the same face, would
 * give — or the printed lists and the report would overflow their cells, or break where
 * Word would not. Compared on Vietnamese text, composed, with marks stacked two high. */

static const char * const texts[] = {
  "Tuần lễ hưởng ứng học tập suốt đời năm 2021",
  "Xây dựng xã hội học tập - Cơ hội học tập suốt đời cho mọi người",
  "Ủy ban nhân dân huyện Hòn Đất báo cáo kết quả tổ chức các hoạt động hưởng ứng Tuần lễ "
  "trên địa bàn, gồm hội thảo, tọa đàm, triển lãm, thi đua học tập, đọc sách và phổ biến "
  "kiến thức.",
  "Sở Lao động - Thương binh và Xã hội phối hợp với Hội Khuyến học tỉnh, Đoàn Thanh niên, "
  "Hội Liên hiệp Phụ nữ và Liên đoàn Lao động tỉnh tuyên truyền đến người lao động về ý "
  "nghĩa của việc học tập thường xuyên, học tập suốt đời.",
  "Nguyễn Thị Thủy Tiên, Trường Trung học cơ sở Vĩnh Lạc, mở 12 lớp tin học miễn phí cho "
  "người dân (năm thứ ba liên tiếp); tổng số người tham gia: 1.250.000 lượt.",
  "Kỷ niệm, khởi nghiệp, ngưỡng mộ, quyết định, thuyết phục, khuyến khích, hưởng ứng",
};

/* The same faces as the shaper's, by size and weight. */
static const struct
{
  LlwFont font;
  const char *description;
} faces[] = {
  { LLW_FONT_BODY, "Times New Roman, 12" },
  { LLW_FONT_BODY_BOLD, "Times New Roman, Bold 12" },
  { LLW_FONT_TEXT, "Times New Roman, 14" },
  { LLW_FONT_TEXT_ITALIC, "Times New Roman, Italic 14" },
  { LLW_FONT_TABLE, "Times New Roman, 11" },
};

static PangoLayout *
new_layout (PangoFontMap *font_map,
            const char   *description)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (description);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoLayout *layout;

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("vi"));
  cairo_font_options_destroy (options);

  layout = pango_layout_new (context);
  g_object_unref (context);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  return layout;
}

static PangoFontMap *
new_font_map (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_new ();

  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (font_map), 72);
  return font_map;
}

/* Returns: the text of each of @text's lines, without the space a line ends on. */
static GPtrArray *
shaper_lines (const LlwText *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; text != NULL && i < text->n_lines; i++)
    {
      GString *line = g_string_new (NULL);

      for (guint j = 0; j < text->lines[i].n_pieces; j++)
        g_string_append (line,
                         llw_shaped_word_get_text (text->pieces[text->lines[i].first + j].word));
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }

  return lines;
}

static GPtrArray *
pango_lines (PangoLayout *layout)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *text = pango_layout_get_text (layout);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      int length = line->length;

      while (length > 0 && text[line->start_index + length - 1] == ' ')
        length--;
      g_ptr_array_add (lines, g_strndup (text + line->start_index, length));
    }

  return lines;
}

/* A text's width, laid out on one line, within a hundredth of a point of Pango's. */
static void
test_widths (void)
{
  g_autoptr(LlwShaper) shaper = llw_shaper_new ();
  g_autoptr(PangoFontMap) font_map = new_font_map ();

  for (guint f = 0; f < G_N_ELEMENTS (faces); f++)
    {
      g_autoptr(PangoLayout) layout = new_layout (font_map, faces[f].description);

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          PangoRectangle logical;
          double ours = llw_shaper_measure (shaper, faces[f].font, texts[t]);

          pango_layout_set_text (layout, texts[t], -1);
          pango_layout_get_extents (layout, NULL, &logical);
          g_test_message ("%s, text %u: %.3f against %.3f", faces[f].description, t, ours,
                          (double) logical.width / PANGO_SCALE);
          g_assert_cmpfloat (ours, >=, (double) logical.width / PANGO_SCALE - 0.01);
          g_assert_cmpfloat (ours, <=, (double) logical.width / PANGO_SCALE * 1.0025);
        }
    }
}

/* Returns: whether the lines are the same up to the first that differs, where Pango's holds
 *   one word more, that fits its width only by the kerning across spaces the shaper leaves
 *   out: never more than half a per cent of the line. */
static gboolean
compare_lines (LlwShaper *shaper,
               LlwFont    font,
               GPtrArray *ours,
               GPtrArray *theirs,
               double     width)
{
  for (guint i = 0; i < MIN (ours->len, theirs->len); i++)
    if (g_strcmp0 (ours->pdata[i], theirs->pdata[i]) != 0)
      {
        double longer = llw_shaper_measure (shaper, font, theirs->pdata[i]);

        g_assert_true (g_str_has_prefix (theirs->pdata[i], ours->pdata[i]));
        g_assert_cmpfloat (longer, >, width);
        g_assert_cmpfloat (longer, <=, width * 1.005);
        return FALSE;
      }

  g_assert_cmpuint (ours->len, ==, theirs->len);
  return TRUE;
}

/* Broken into lines of many widths, each line holds the same words as Pango's, but for the
 * rare line where Pango fits one word more by a hair. */
static void
test_line_breaks (void)
{
  g_autoptr(LlwShaper) shaper = llw_shaper_new ();
  g_autoptr(PangoFontMap) font_map = new_font_map ();
  guint n_compared = 0, n_same = 0;

  for (guint f = 0; f < G_N_ELEMENTS (faces); f++)
    {
      g_autoptr(PangoLayout) layout = new_layout (font_map, faces[f].description);

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        for (double width = 90; width <= 480; width += 7.5)
          {
            g_autofree LlwText *text = llw_shaper_wrap (shaper, faces[f].font, texts[t], width,
                                                        0);
            g_autoptr(GPtrArray) ours = shaper_lines (text);
            g_autoptr(GPtrArray) theirs = NULL;

            pango_layout_set_text (layout, texts[t], -1);
            pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
            theirs = pango_lines (layout);

            g_test_message ("%s, text %u, %.1f pt: %u lines against %u", faces[f].description,
                            t, width, ours->len, theirs->len);
            n_same += compare_lines (shaper, faces[f].font, ours, theirs, width);
            n_compared++;
          }
    }

  g_test_message ("%u of %u the same", n_same, n_compared);
  g_assert_cmpuint (n_compared, >, 1000);
  g_assert_cmpuint (n_same, >=, n_compared * 95 / 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shaper/widths", test_widths);
  g_test_add_func ("/shaper/line-breaks", test_line_breaks);

  return g_test_run ();
}
