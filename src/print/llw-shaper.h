/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* The faces the checklists and the report use, all Times New Roman (Liberation Serif has its
 * metrics). */
typedef enum
{
  LLW_FONT_BODY,            /* 12 pt: checklist cells */
  LLW_FONT_BODY_BOLD,       /* 12 pt: checklist header, group and total rows */
  LLW_FONT_BODY_ITALIC,     /* 12 pt: notes, the printed date */
  LLW_FONT_HEADING,         /* 13 pt: the parent body */
  LLW_FONT_HEADING_BOLD,    /* 13 pt: the issuing body, the subtitle */
  LLW_FONT_TITLE,           /* 14 pt bold: the title */
  LLW_FONT_TEXT,            /* 14 pt: the report's body */
  LLW_FONT_TEXT_ITALIC,     /* 14 pt italic: the date line, notes, the Kèm theo line */
  LLW_FONT_TABLE,           /* 11 pt: annex cells, the Nơi nhận list */
  LLW_FONT_TABLE_BOLD,      /* 11 pt bold: annex headers, group and total rows */
  LLW_FONT_LABEL,           /* 12 pt bold italic: "Nơi nhận:" */
  LLW_N_FONTS
} LlwFont;

typedef struct _LlwShaper LlwShaper;
typedef struct _LlwShapedWord LlwShapedWord;

/* Drawing collects glyphs and sends them to cairo in a few calls: call llw_shaper_flush ()
 * before the page ends.
 *
 * A text broken into lines: each line is a run of shaped words (spaces included) placed
 * at x from the line's start. Allocated as one block: free it with g_free (). */
typedef struct
{
  const LlwShapedWord *word;
  float x;
} LlwTextPiece;

typedef struct
{
  guint first;
  guint n_pieces;
  float width;
} LlwTextLine;

typedef struct
{
  LlwFont font;
  guint n_lines;
  float width;
  float indent;               /* of the first line */
  LlwTextLine *lines;
  LlwTextPiece *pieces;
} LlwText;

LlwShaper *llw_shaper_new             (void);
void       llw_shaper_free            (LlwShaper      *self);
double     llw_shaper_get_line_height (LlwShaper      *self,
                                       LlwFont         font);
double     llw_shaper_measure         (LlwShaper      *self,
                                       LlwFont         font,
                                       const char     *text);
LlwText   *llw_shaper_wrap            (LlwShaper      *self,
                                       LlwFont         font,
                                       const char     *text,
                                       double          width,
                                       guint           max_lines);
LlwText   *llw_shaper_wrap_indented   (LlwShaper      *self,
                                       LlwFont         font,
                                       const char     *text,
                                       double          width,
                                       double          indent);
void       llw_shaper_draw_lines      (LlwShaper      *self,
                                       cairo_t        *cr,
                                       const LlwText  *text,
                                       double          x,
                                       double          y,
                                       double          width,
                                       PangoAlignment  align,
                                       guint           first_line,
                                       guint           n_lines);
void       llw_shaper_draw_justified  (LlwShaper      *self,
                                       cairo_t        *cr,
                                       const LlwText  *text,
                                       double          x,
                                       double          y,
                                       double          width,
                                       guint           first_line,
                                       guint           n_lines);
double     llw_shaper_figure_width    (LlwShaper      *self,
                                       LlwFont         font,
                                       const char     *figure);
void       llw_shaper_draw_figure     (LlwShaper      *self,
                                       cairo_t        *cr,
                                       LlwFont         font,
                                       const char     *figure,
                                       double          x,
                                       double          y);
void       llw_shaper_draw            (LlwShaper      *self,
                                       cairo_t        *cr,
                                       const LlwText  *text,
                                       double          x,
                                       double          y,
                                       double          width,
                                       PangoAlignment  align,
                                       guint           max_lines);
void       llw_shaper_flush           (LlwShaper      *self,
                                       cairo_t        *cr);
guint      llw_shaper_get_n_shaped    (LlwShaper      *self);
const char *llw_shaped_word_get_text  (const LlwShapedWord *word);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlwShaper, llw_shaper_free)

G_END_DECLS
