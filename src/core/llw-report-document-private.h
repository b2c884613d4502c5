/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-report-document.h"

G_BEGIN_DECLS

/* Shared by the files that build the report: llw-report-document.c (the frame),
 * llw-report-drafting.c (the body) and llw-report-annexes.c (the tables). */
struct _LlwReportDocument
{
  GObject parent_instance;

  LlwConsolidation *data;
  LlwCampaign *campaign;
  GStringChunk *strings;
  GDate date;                   /* the report's date */
  const char *date_text;        /* dd/mm/yyyy */

  LlwReportFrame frame;
  GPtrArray *to;                /* NULL-terminated, for the frame */
  GPtrArray *signer;
  GPtrArray *cc;
  GArray *blocks;               /* LlwBlock */
  LlwReportAnnex annexes[LLW_N_ANNEXES];
};

const char *llw_report_document_intern       (LlwReportDocument *self,
                                              const char        *text);
const char *llw_report_document_text         (LlwReportDocument *self,
                                              LlwCampaignField   field);
void        llw_report_document_add          (LlwReportDocument *self,
                                              LlwBlockKind       kind,
                                              LlwBlockOrigin     origin,
                                              const char        *text);
void        llw_report_document_draft_body   (LlwReportDocument *self);
void        llw_report_document_add_annexes  (LlwReportDocument *self);

G_END_DECLS
