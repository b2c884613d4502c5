/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-consolidation.h"
#include "llw-report-table.h"

G_BEGIN_DECLS

/* The consolidated report as a director signs it, built once from the consolidation and the
 * campaign's own text; the workbook's Báo cáo sheet, the printed report and the editable
 * document are three renderings of it, so they never disagree. Its words are Vietnamese
 * whatever the interface language. */

typedef enum
{
  LLW_BLOCK_HEADING,        /* "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI": bold */
  LLW_BLOCK_SUBHEADING,     /* "1. Ưu điểm": bold */
  LLW_BLOCK_PARAGRAPH,      /* body text, justified, its first line indented */
  LLW_BLOCK_ITEM,           /* "- …": a line of a list */
  LLW_BLOCK_NOTE,           /* body text in italic */
  LLW_BLOCK_DOTS,           /* a dotted line to write on where the office wrote nothing */
} LlwBlockKind;

typedef enum
{
  LLW_ORIGIN_FIXED,         /* the document's own words */
  LLW_ORIGIN_DRAFTED,       /* drafted from the figures, for the office to keep or edit */
  LLW_ORIGIN_OFFICE,        /* the office's own text, from the campaign's settings */
} LlwBlockOrigin;

typedef struct
{
  LlwBlockKind kind;
  LlwBlockOrigin origin;
  const char *text;
} LlwBlock;

/* Decree 30's frame around the body. Lists end with NULL; each of their lines carries its
 * punctuation already ("- Như trên;"). */
typedef struct
{
  const char *parent_body;          /* "UBND TỈNH KIÊN GIANG" */
  const char *issuing_body;         /* "SỞ GIÁO DỤC VÀ ĐÀO TẠO" */
  const char *number;               /* "Số:        /BC-SGDĐT" */
  const char *nation;               /* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" */
  const char *motto;                /* "Độc lập - Tự do - Hạnh phúc" */
  const char *place_date;           /* "Kiên Giang, ngày 28 tháng 10 năm 2021" */
  const char *title;                /* "BÁO CÁO" */
  const char *subject;
  const char *const *to;            /* "Kính gửi": one addressee on its own, or "- …;" */
  const char *const *signer;        /* "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC" */
  const char *signer_name;          /* a dotted line when the office has not named one */
  const char *const *cc;            /* "Nơi nhận": "- Như trên;" … "- Lưu: VT, GDTrH-GDTX." */
} LlwReportFrame;

typedef enum
{
  LLW_ANNEX_SUMMARY,        /* Phụ lục I: the totals, with last year's */
  LLW_ANNEX_DETAIL,         /* Phụ lục II: every unit's figures */
  LLW_ANNEX_STATUSES,       /* Phụ lục III: who reported, when */
  LLW_ANNEX_ACTIVITIES,     /* Phụ lục IV: the activities */
  LLW_N_ANNEXES
} LlwAnnexKind;

typedef struct
{
  LlwAnnexKind kind;
  const char *label;        /* "Phụ lục II" */
  const char *title;        /* "KẾT QUẢ CHI TIẾT CỦA CÁC ĐƠN VỊ" */
  const char *note;         /* "(Kèm theo Báo cáo số … ngày … của …)" */
  gboolean landscape;
  LlwReportTable *table;
} LlwReportAnnex;

#define LLW_TYPE_REPORT_DOCUMENT (llw_report_document_get_type ())
G_DECLARE_FINAL_TYPE (LlwReportDocument, llw_report_document, LLW, REPORT_DOCUMENT, GObject)

LlwReportDocument    *llw_report_document_new               (LlwConsolidation  *data);
LlwConsolidation     *llw_report_document_get_consolidation (LlwReportDocument *self);
const LlwReportFrame *llw_report_document_get_frame         (LlwReportDocument *self);
guint                 llw_report_document_get_n_blocks      (LlwReportDocument *self);
const LlwBlock       *llw_report_document_get_block         (LlwReportDocument *self,
                                                             guint              block);
const LlwReportAnnex *llw_report_document_get_annex         (LlwReportDocument *self,
                                                             LlwAnnexKind       kind);
const char           *llw_report_document_get_date          (LlwReportDocument *self);

char                 *llw_report_annex_get_part_label       (const LlwReportAnnex *annex,
                                                             guint                 band);

G_END_DECLS
