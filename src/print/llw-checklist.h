/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "llw-database.h"

G_BEGIN_DECLS

/* The three paper lists of DESIGN.md. */
typedef enum
{
  LLW_CHECKLIST_ASSIGNED,    /* every assigned unit, ticked where the report is in */
  LLW_CHECKLIST_MISSING,     /* units whose report is missing today, to call */
  LLW_CHECKLIST_RECIPIENTS,  /* the directive's addressees, for dispatch */
} LlwChecklistKind;

typedef enum
{
  LLW_CHECKLIST_ROW_ITEM,
  LLW_CHECKLIST_ROW_GROUP,     /* a numeral in TT, then the group's name across the row */
  LLW_CHECKLIST_ROW_SUBTOTAL,  /* a sentence across the row after TT */
  LLW_CHECKLIST_ROW_TOTAL,
  LLW_CHECKLIST_ROW_NOTE,      /* an italic sentence, e.g. that the list is empty */
} LlwChecklistRowKind;

typedef enum
{
  LLW_CHECKLIST_BOX_NONE,
  LLW_CHECKLIST_BOX_EMPTY,
  LLW_CHECKLIST_BOX_TICKED,
} LlwChecklistBox;

typedef enum
{
  LLW_CHECKLIST_COLUMN_TEXT = 0,
  LLW_CHECKLIST_COLUMN_BOX = 1 << 0,    /* shows the row's box */
  LLW_CHECKLIST_COLUMN_NOTES = 1 << 1,  /* left blank, with a dotted line to write on */
} LlwChecklistColumnFlags;

#define LLW_TYPE_CHECKLIST (llw_checklist_get_type ())
G_DECLARE_FINAL_TYPE (LlwChecklist, llw_checklist, LLW, CHECKLIST, GObject)

LlwChecklist *llw_checklist_new               (void);
LlwChecklist *llw_checklist_new_for_campaign  (LlwDatabase             *database,
                                               LlwCampaign             *campaign,
                                               LlwChecklistKind         kind,
                                               const GDate             *today,
                                               GError                 **error);
gboolean      llw_checklist_kind_is_wide      (LlwChecklistKind         kind);

void          llw_checklist_set_heading       (LlwChecklist            *self,
                                               const char              *parent_body,
                                               const char              *issuing_body,
                                               const char              *office,
                                               const char              *printed_on);
void          llw_checklist_set_title         (LlwChecklist            *self,
                                               const char              *title,
                                               const char              *subtitle,
                                               const char              *note);
void          llw_checklist_set_min_row_lines (LlwChecklist            *self,
                                               guint                    lines);
void          llw_checklist_add_column        (LlwChecklist            *self,
                                               const char              *header,
                                               const char              *sample,
                                               double                   weight,
                                               PangoAlignment           align,
                                               guint                    max_lines,
                                               LlwChecklistColumnFlags  flags);
void          llw_checklist_set_column_sample (LlwChecklist          *self,
                                               guint                    column,
                                               const char              *sample);
void          llw_checklist_add_row           (LlwChecklist            *self,
                                               LlwChecklistRowKind      kind,
                                               LlwChecklistBox          box,
                                               const char * const      *cells);
const char   *llw_checklist_get_title         (LlwChecklist            *self);
guint         llw_checklist_get_n_columns     (LlwChecklist            *self);
guint         llw_checklist_get_n_rows        (LlwChecklist            *self);
const char   *llw_checklist_get_cell          (LlwChecklist            *self,
                                               guint                    row,
                                               guint                    column);

G_END_DECLS
