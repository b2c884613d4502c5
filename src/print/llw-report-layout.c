/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-pages.h"
#include "llw-report-layout-private.h"

/* The report typeset on A4 as Decree 30/2020 (Phụ lục I) sets it: the body upright, with its
 * two header blocks, title, "Kính gửi", sections, signature and "Nơi nhận"; then the annexes
 * turned, each part of a split table on pages of its own (llw-report-layout-tables.c). Each
 * part is numbered from 1, the number centred in the top margin from its second page on.
 * Words are shaped once (LlwShaper); a table's rows are measured once and drawn page by
 * page, so that 50,000 units print in seconds. */

#define GAP_AFTER_HEADER 16.0
#define RULE_GAP 4.0             /* from a line of text to the rule under it */
#define SIGNATURE_SPACE 72.0     /* room to sign and stamp */

static void pages_iface_init (LlwPagesInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlwReportLayout, llw_report_layout, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LLW_TYPE_PAGES, pages_iface_init))

/* Setting the body ------------------------------------------------------------------------ */

typedef struct
{
  LlwReportLayout *self;
  double left;
  double width;
  double y;
  double bottom;
  guint page_first;              /* the first Placed of the page being filled */
  guint number;
} Flow;

double
llw_report_layout_line_height (LlwReportLayout *self,
                               LlwFont          font)
{
  return llw_shaper_get_line_height (self->shaper, font);
}

/* Texts are kept by the layout: a paragraph cut by a page is placed on two. */
static LlwText *
keep (Flow    *flow,
      LlwText *text)
{
  if (text != NULL)
    g_ptr_array_add (flow->self->texts, text);
  return text;
}

static Placed *
place (Flow           *flow,
       LlwText        *text,
       double          x,
       double          y,
       double          width,
       PangoAlignment  align)
{
  Placed *placed = g_new0 (Placed, 1);

  *placed = (Placed) { text, x, y, width, align, FALSE, 0, text ? text->n_lines : 0 };
  g_ptr_array_add (flow->self->placed, placed);
  return placed;
}

static void
place_rule (Flow   *flow,
            double  x1,
            double  x2,
            double  y)
{
  place (flow, NULL, x1, y, x2 - x1, PANGO_ALIGN_LEFT);
}

static void
end_page (Flow *flow)
{
  Page page = { FALSE, ++flow->number, NULL, flow->page_first, flow->self->placed->len };

  g_array_append_val (flow->self->pages, page);
  flow->page_first = flow->self->placed->len;
  flow->y = flow->self->portrait.top;
}

static void
need (Flow   *flow,
      double  height)
{
  if (flow->y + height > flow->bottom && flow->self->placed->len > flow->page_first)
    end_page (flow);
}

/* A line or lines of text in a column, centred or not; returns where they end. */
static double
place_text (Flow           *flow,
            LlwFont         font,
            const char     *text,
            double          x,
            double          y,
            double          width,
            PangoAlignment  align)
{
  LlwText *wrapped = keep (flow, llw_shaper_wrap (flow->self->shaper, font, text, width, 0));

  if (wrapped == NULL)
    return y;
  place (flow, wrapped, x, y, width, align);
  return y + wrapped->n_lines * llw_report_layout_line_height (flow->self, font);
}

/* A rule under a line of a header block, a third as wide as the text above it. */
static void
place_short_rule (Flow   *flow,
                  double  x,
                  double  width,
                  double  y,
                  double  text_width)
{
  place_rule (flow, x + (width - text_width / 3) / 2, x + (width + text_width / 3) / 2, y);
}

/* The two blocks side by side, each with its short rule; "Số" level with the date line. */
static void
place_header_blocks (Flow                 *flow,
                     const LlwReportFrame *frame)
{
  LlwShaper *shaper = flow->self->shaper;
  double left_width = flow->width * 0.42, right_x = flow->left + left_width;
  double right_width = flow->width - left_width;
  double y = flow->y, left_y, right_y;

  left_y = place_text (flow, LLW_FONT_HEADING, frame->parent_body, flow->left, y, left_width,
                       PANGO_ALIGN_CENTER);
  left_y = place_text (flow, LLW_FONT_HEADING_BOLD, frame->issuing_body, flow->left, left_y,
                       left_width, PANGO_ALIGN_CENTER);
  place_short_rule (flow, flow->left, left_width, left_y + RULE_GAP,
                    llw_shaper_measure (shaper, LLW_FONT_HEADING_BOLD, frame->issuing_body) * 1.5);
  right_y = place_text (flow, LLW_FONT_HEADING_BOLD, frame->nation, right_x, y, right_width,
                        PANGO_ALIGN_CENTER);
  right_y = place_text (flow, LLW_FONT_TITLE, frame->motto, right_x, right_y, right_width,
                        PANGO_ALIGN_CENTER);
  place_rule (flow, right_x + (right_width - llw_shaper_measure (shaper, LLW_FONT_TITLE,
                                                                 frame->motto)) / 2,
              right_x + (right_width + llw_shaper_measure (shaper, LLW_FONT_TITLE,
                                                           frame->motto)) / 2,
              right_y + RULE_GAP);

  y = MAX (left_y, right_y) + 2 * RULE_GAP + 4;
  left_y = place_text (flow, LLW_FONT_HEADING, frame->number, flow->left, y, left_width,
                       PANGO_ALIGN_CENTER);
  right_y = place_text (flow, LLW_FONT_TEXT_ITALIC, frame->place_date, right_x, y, right_width,
                        PANGO_ALIGN_CENTER);
  flow->y = MAX (left_y, right_y) + GAP_AFTER_HEADER;
}

static void
place_title (Flow                 *flow,
             const LlwReportFrame *frame)
{
  LlwText *subject;

  flow->y = place_text (flow, LLW_FONT_TITLE, frame->title, flow->left, flow->y, flow->width,
                        PANGO_ALIGN_CENTER);
  subject = keep (flow, llw_shaper_wrap (flow->self->shaper, LLW_FONT_TITLE, frame->subject,
                                         flow->width * 0.8, 0));
  if (subject != NULL)
    {
      place (flow, subject, flow->left, flow->y, flow->width, PANGO_ALIGN_CENTER);
      flow->y += subject->n_lines * llw_report_layout_line_height (flow->self, LLW_FONT_TITLE);
      place_short_rule (flow, flow->left, flow->width, flow->y + RULE_GAP, subject->width);
    }
  flow->y += GAP_AFTER_HEADER;
}

/* "Kính gửi:" with one addressee after it, or a list of them below each other. */
static void
place_addressees (Flow                 *flow,
                  const LlwReportFrame *frame)
{
  double label_x = flow->left + flow->width * 0.18;
  double label = llw_shaper_measure (flow->self->shaper, LLW_FONT_TEXT, "Kính gửi:") + 6;
  double x = label_x + label, width = flow->left + flow->width - x;

  if (frame->to[0] == NULL)
    return;

  place_text (flow, LLW_FONT_TEXT, "Kính gửi:", label_x, flow->y, label, PANGO_ALIGN_LEFT);
  for (guint i = 0; frame->to[i] != NULL; i++)
    flow->y = place_text (flow, LLW_FONT_TEXT, frame->to[i], x, flow->y, width,
                          PANGO_ALIGN_LEFT);
  flow->y += PARAGRAPH_SPACE * 2;
}

static LlwFont
block_font (LlwBlockKind kind)
{
  switch (kind)
    {
    case LLW_BLOCK_HEADING:
    case LLW_BLOCK_SUBHEADING:
      return LLW_FONT_TITLE;
    case LLW_BLOCK_NOTE:
      return LLW_FONT_TEXT_ITALIC;
    case LLW_BLOCK_PARAGRAPH:
    case LLW_BLOCK_ITEM:
    case LLW_BLOCK_DOTS:
    default:
      return LLW_FONT_TEXT;
    }
}

/* As many dots as fill a line. */
static char *
dotted_line (Flow *flow)
{
  double dot = llw_shaper_measure (flow->self->shaper, LLW_FONT_TEXT, "…");
  guint n = (guint) (flow->width / MAX (dot, 1));
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (line, "…");
  return g_string_free (line, FALSE);
}

/* The height of "Nơi nhận:" and the signature block, with the space above them. */
static double
signature_height (Flow                 *flow,
                  const LlwReportFrame *frame)
{
  double title = llw_report_layout_line_height (flow->self, LLW_FONT_TITLE);
  double small = llw_report_layout_line_height (flow->self, LLW_FONT_TABLE);
  guint n_signer = g_strv_length ((char **) frame->signer);
  guint n_cc = g_strv_length ((char **) frame->cc);

  return PARAGRAPH_SPACE + MAX ((n_signer + 1) * title + SIGNATURE_SPACE,
                                llw_report_layout_line_height (flow->self, LLW_FONT_LABEL) +
                                n_cc * small * 1.4);
}

static gboolean
is_heading (const LlwBlock *block)
{
  return block->kind == LLW_BLOCK_HEADING || block->kind == LLW_BLOCK_SUBHEADING;
}

/* What a heading keeps on its page below itself: the headings right after it ("II. KẾT QUẢ"
 * then "1. Chỉ đạo, tổ chức") and the first two lines of the text under them. */
static double
kept_below (Flow  *flow,
            guint  heading)
{
  LlwReportDocument *document = flow->self->document;
  guint n = llw_report_document_get_n_blocks (document);
  double height = 0;

  for (guint i = heading + 1; i < n; i++)
    {
      const LlwBlock *block = llw_report_document_get_block (document, i);
      double line_height = llw_report_layout_line_height (flow->self, block_font (block->kind));

      if (!is_heading (block))
        return height + 2 * line_height;
      height += PARAGRAPH_SPACE + line_height + 2;
    }
  return height;
}

/* A block's lines, cut between pages where they do not fit. @kept is the height of what must
 * follow a heading on its page (see kept_below ()), or 0. @tail is the height of what must
 * stand on the same page as the block's last lines: the signature after the last block, which
 * never stands alone on its page (Decree 30/2020 asks for text of the body above it), or 0. */
static void
place_block (Flow           *flow,
             const LlwBlock *block,
             double          kept,
             double          tail)
{
  LlwFont font = block_font (block->kind);
  double line_height = llw_report_layout_line_height (flow->self, font);
  gboolean heading = is_heading (block);
  double space_after = heading ? 2 : PARAGRAPH_SPACE;
  g_autofree char *dots = block->kind == LLW_BLOCK_DOTS ? dotted_line (flow) : NULL;
  LlwText *text = keep (flow, heading || dots != NULL
    ? llw_shaper_wrap (flow->self->shaper, font, dots ? dots : block->text, flow->width, 0)
    : llw_shaper_wrap_indented (flow->self->shaper, font, block->text, flow->width, INDENT));
  guint done = 0;

  if (text == NULL)
    return;
  if (heading)
    flow->y += PARAGRAPH_SPACE;
  need (flow, line_height * MIN (text->n_lines, 2) + kept);

  while (done < text->n_lines)
    {
      guint fit = (guint) ((flow->bottom - flow->y) / line_height);
      guint left = text->n_lines - done;
      guint n = MIN (left, MAX (fit, 1));
      Placed *placed;

      /* The last two lines go over with what must follow them. */
      if (n == left && tail > 0 && flow->y + n * line_height + space_after + tail > flow->bottom)
        n = left > 2 ? left - 2 : 0;
      /* A paragraph leaves no single line behind at a page's foot. */
      if ((fit == 0 || n == 0 || (n == 1 && text->n_lines > 1 && done == 0)) &&
          flow->self->placed->len > flow->page_first)
        {
          end_page (flow);
          continue;
        }
      n = MAX (n, 1);
      placed = place (flow, text, flow->left, flow->y, flow->width, PANGO_ALIGN_LEFT);
      placed->justify = !heading && dots == NULL;
      placed->first_line = done;
      placed->n_lines = n;
      flow->y += n * line_height;
      done += n;
      if (done < text->n_lines)
        end_page (flow);
    }
  flow->y += space_after;
}

/* "Nơi nhận:" and its list at left, level with the signature block at right, kept together
 * on one page. */
static void
place_signature (Flow                 *flow,
                 const LlwReportFrame *frame)
{
  double left_width = flow->width * 0.45, right_x = flow->left + left_width;
  double right_width = flow->width - left_width;
  guint n_signer = g_strv_length ((char **) frame->signer);
  guint n_cc = g_strv_length ((char **) frame->cc);
  double y, left_y, right_y;

  need (flow, signature_height (flow, frame));
  flow->y += PARAGRAPH_SPACE;
  y = flow->y;
  left_y = place_text (flow, LLW_FONT_LABEL, "Nơi nhận:", flow->left, y, left_width,
                       PANGO_ALIGN_LEFT);
  for (guint i = 0; i < n_cc; i++)
    left_y = place_text (flow, LLW_FONT_TABLE, frame->cc[i], flow->left, left_y, left_width,
                         PANGO_ALIGN_LEFT);
  right_y = y;
  for (guint i = 0; i < n_signer; i++)
    right_y = place_text (flow, LLW_FONT_TITLE, frame->signer[i], right_x, right_y, right_width,
                          PANGO_ALIGN_CENTER);
  right_y = place_text (flow, LLW_FONT_TITLE, frame->signer_name, right_x,
                        right_y + SIGNATURE_SPACE, right_width, PANGO_ALIGN_CENTER);
  flow->y = MAX (left_y, right_y);
}

/* Lays out the body on upright pages, which come first. */
void
llw_report_layout_set_body (LlwReportLayout *self)
{
  LlwReportDocument *document = self->document;
  const LlwReportFrame *frame = llw_report_document_get_frame (document);
  guint n = llw_report_document_get_n_blocks (document);
  Flow flow = {
    self, self->portrait.left, self->portrait.width - self->portrait.left - self->portrait.right,
    self->portrait.top, self->portrait.height - self->portrait.bottom, 0, 0,
  };

  place_header_blocks (&flow, frame);
  place_title (&flow, frame);
  place_addressees (&flow, frame);
  for (guint i = 0; i < n; i++)
    {
      const LlwBlock *block = llw_report_document_get_block (document, i);

      place_block (&flow, block, is_heading (block) ? kept_below (&flow, i) : 0,
                   i + 1 == n ? signature_height (&flow, frame) : 0);
    }
  place_signature (&flow, frame);
  end_page (&flow);
}

/* The object --------------------------------------------------------------------------- */

static void
llw_report_layout_finalize (GObject *object)
{
  LlwReportLayout *self = LLW_REPORT_LAYOUT (object);

  g_ptr_array_unref (self->placed);
  g_ptr_array_unref (self->texts);
  g_ptr_array_unref (self->parts);
  g_ptr_array_unref (self->row_heights);
  g_array_unref (self->pages);
  g_clear_pointer (&self->shaper, llw_shaper_free);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (llw_report_layout_parent_class)->finalize (object);
}

static void
llw_report_layout_class_init (LlwReportLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = llw_report_layout_finalize;
}

static void
llw_report_layout_init (LlwReportLayout *self)
{
  self->placed = g_ptr_array_new_with_free_func (g_free);
  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->parts = g_ptr_array_new_with_free_func (llw_report_layout_part_free);
  self->row_heights = g_ptr_array_new_with_free_func (g_free);
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
}

static gboolean
pages_paginate (LlwPages *pages,
                guint     max_steps)
{
  LlwReportLayout *self = LLW_REPORT_LAYOUT (pages);

  if (!self->paginated)
    {
      llw_report_layout_set_body (self);
      llw_report_layout_set_tables (self);
      self->paginated = TRUE;
    }
  return TRUE;
}

static guint
pages_get_n_pages (LlwPages *pages)
{
  return LLW_REPORT_LAYOUT (pages)->pages->len;
}

static void
pages_get_page (LlwPages        *pages,
                guint            page,
                LlwPageGeometry *geometry)
{
  LlwReportLayout *self = LLW_REPORT_LAYOUT (pages);

  g_return_if_fail (page < self->pages->len);

  *geometry = g_array_index (self->pages, Page, page).landscape ? self->landscape
                                                                 : self->portrait;
}

static void
pages_draw_page (LlwPages *pages,
                 cairo_t  *cr,
                 guint     page)
{
  llw_report_layout_draw (LLW_REPORT_LAYOUT (pages), cr, page);
}

static const char *
pages_get_title (LlwPages *pages)
{
  LlwReportLayout *self = LLW_REPORT_LAYOUT (pages);

  return llw_report_document_get_frame (self->document)->subject;
}

static void
pages_iface_init (LlwPagesInterface *iface)
{
  iface->paginate = pages_paginate;
  iface->get_n_pages = pages_get_n_pages;
  iface->get_page = pages_get_page;
  iface->draw_page = pages_draw_page;
  iface->get_title = pages_get_title;
}

/**
 * llw_report_layout_new:
 * @document: the report
 * @paper: the paper upright, with its margins; the annexes are set on it turned
 *
 * Returns: (transfer full): the layout, paginated by llw_pages_paginate ()
 */
LlwReportLayout *
llw_report_layout_new (LlwReportDocument     *document,
                       const LlwPageGeometry *paper)
{
  LlwReportLayout *self;

  g_return_val_if_fail (LLW_IS_REPORT_DOCUMENT (document), NULL);
  g_return_val_if_fail (paper != NULL, NULL);

  self = g_object_new (LLW_TYPE_REPORT_LAYOUT, NULL);
  self->document = g_object_ref (document);
  llw_page_geometry_for_size (&self->portrait, MIN (paper->width, paper->height),
                              MAX (paper->width, paper->height));
  llw_page_geometry_for_size (&self->landscape, MAX (paper->width, paper->height),
                              MIN (paper->width, paper->height));
  self->shaper = llw_shaper_new ();
  return self;
}

/**
 * llw_report_layout_write_pdf:
 * @path: the PDF to write; an existing file is replaced only by a complete one
 *
 * Typesets @document on A4 and writes it to @path.
 *
 * Returns: %TRUE on success; otherwise %FALSE with an error naming @path
 */
gboolean
llw_report_layout_write_pdf (LlwReportDocument  *document,
                             const char         *path,
                             GError            **error)
{
  g_autoptr(LlwReportLayout) layout = NULL;
  LlwPageGeometry a4;

  g_return_val_if_fail (LLW_IS_REPORT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  llw_page_geometry_a4 (&a4, FALSE);
  layout = llw_report_layout_new (document, &a4);
  return llw_pages_write_pdf (LLW_PAGES (layout), path, error);
}

/* Returns: the number @page carries within its part, from 1 (which is not printed). */
guint
llw_report_layout_get_page_number (LlwReportLayout *self,
                                   guint            page)
{
  g_return_val_if_fail (LLW_IS_REPORT_LAYOUT (self), 0);
  g_return_val_if_fail (page < self->pages->len, 0);

  return g_array_index (self->pages, Page, page).number;
}
