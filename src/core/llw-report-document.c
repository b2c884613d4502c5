/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-date.h"
#include "llw-document-format.h"
#include "llw-report-document-private.h"

/* The report's frame as Decree 30/2020 (Phụ lục I) sets it: the two header blocks, the
 * title and subject, "Kính gửi", then the body (llw-report-drafting.c), the signature and
 * "Nơi nhận"; then the annexes (llw-report-annexes.c). */

/* Where a number is to be written by hand once the report is registered: spaces that no
 * renderer folds into one. */
#define NUMBER_SPACE "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0"
#define DOTS "………………………"

G_DEFINE_FINAL_TYPE (LlwReportDocument, llw_report_document, G_TYPE_OBJECT)

static void
llw_report_document_finalize (GObject *object)
{
  LlwReportDocument *self = LLW_REPORT_DOCUMENT (object);

  for (guint i = 0; i < LLW_N_ANNEXES; i++)
    g_clear_object (&self->annexes[i].table);
  g_clear_pointer (&self->to, g_ptr_array_unref);
  g_clear_pointer (&self->signer, g_ptr_array_unref);
  g_clear_pointer (&self->cc, g_ptr_array_unref);
  g_array_unref (self->blocks);
  g_string_chunk_free (self->strings);
  g_clear_object (&self->data);

  G_OBJECT_CLASS (llw_report_document_parent_class)->finalize (object);
}

static void
llw_report_document_class_init (LlwReportDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = llw_report_document_finalize;
}

static void
llw_report_document_init (LlwReportDocument *self)
{
  self->strings = g_string_chunk_new (16 * 1024);
  self->blocks = g_array_new (FALSE, FALSE, sizeof (LlwBlock));
  self->to = g_ptr_array_new ();
  self->signer = g_ptr_array_new ();
  self->cc = g_ptr_array_new ();
}

/* Returns: @text kept as long as the document. */
const char *
llw_report_document_intern (LlwReportDocument *self,
                            const char        *text)
{
  return g_string_chunk_insert_const (self->strings, text != NULL ? text : "");
}

/* Returns: the campaign's @field, "" when it has none. */
const char *
llw_report_document_text (LlwReportDocument *self,
                          LlwCampaignField   field)
{
  const char *text = llw_campaign_get_text (self->campaign, field);

  return text != NULL ? text : "";
}

void
llw_report_document_add (LlwReportDocument *self,
                         LlwBlockKind       kind,
                         LlwBlockOrigin     origin,
                         const char        *text)
{
  LlwBlock block = { kind, origin, llw_report_document_intern (self, text) };

  g_array_append_val (self->blocks, block);
}

static const char *
intern_upper (LlwReportDocument *self,
              LlwCampaignField   field)
{
  g_autofree char *upper = g_utf8_strup (llw_report_document_text (self, field), -1);

  return llw_report_document_intern (self, upper);
}

/* Returns: the items of a one-a-line list, trimmed of their own punctuation. */
static GPtrArray *
list_items (const char *list)
{
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *item = g_strstrip (lines[i]);
      gsize length = strlen (item);

      while (length > 0 && (item[length - 1] == ';' || item[length - 1] == '.'))
        item[--length] = '\0';
      if (item[0] == '-')
        item = g_strchug (item + 1);
      if (item[0] != '\0')
        g_ptr_array_add (items, g_strdup (item));
    }
  return items;
}

/* "Kính gửi:" one addressee on its line, or several as a list of "- …;". */
static void
add_addressees (LlwReportDocument *self)
{
  g_autoptr(GPtrArray) items = list_items (llw_report_document_text (self,
                                                                     LLW_CAMPAIGN_REPORT_TO));

  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *line = items->len == 1
        ? g_strconcat (g_ptr_array_index (items, i), ".", NULL)
        : g_strdup_printf ("- %s%s", (char *) g_ptr_array_index (items, i),
                           i + 1 < items->len ? ";" : ".");

      g_ptr_array_add (self->to, (gpointer) llw_report_document_intern (self, line));
    }
  g_ptr_array_add (self->to, NULL);
}

static void
add_copies (LlwReportDocument *self)
{
  g_autoptr(GPtrArray) items = list_items (llw_report_document_text (self,
                                                                     LLW_CAMPAIGN_REPORT_CC));

  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("- %s%s", (char *) g_ptr_array_index (items, i),
                                               i + 1 < items->len ? ";" : ".");

      g_ptr_array_add (self->cc, (gpointer) llw_report_document_intern (self, line));
    }
  g_ptr_array_add (self->cc, NULL);
}

static void
add_signer (LlwReportDocument *self)
{
  const char *authority = intern_upper (self, LLW_CAMPAIGN_REPORT_SIGNER_AUTHORITY);
  const char *title = intern_upper (self, LLW_CAMPAIGN_REPORT_SIGNER_TITLE);

  if (authority[0] != '\0')
    g_ptr_array_add (self->signer, (gpointer) authority);
  if (title[0] != '\0')
    g_ptr_array_add (self->signer, (gpointer) title);
  g_ptr_array_add (self->signer, NULL);
}

/* "Số:        /BC-SGDĐT": room before the slash for the number given when the report is
 * registered, as the Decree's samples leave it; dots when the office set no symbol. */
static const char *
number_line (LlwReportDocument *self)
{
  const char *number = llw_report_document_text (self, LLW_CAMPAIGN_REPORT_NUMBER);
  g_autofree char *line = g_strconcat ("Số: ", number[0] == '/' ? NUMBER_SPACE : "",
                                       number[0] != '\0' ? number : DOTS, NULL);

  return llw_report_document_intern (self, line);
}

static void
build_frame (LlwReportDocument *self)
{
  LlwReportFrame *frame = &self->frame;
  g_autofree char *place_date = NULL;
  const char *name = llw_report_document_text (self, LLW_CAMPAIGN_REPORT_SIGNER_NAME);

  place_date = llw_format_date_line (llw_report_document_text (self,
                                                               LLW_CAMPAIGN_REPORT_PLACE),
                                     &self->date);
  frame->parent_body = intern_upper (self, LLW_CAMPAIGN_REPORT_PARENT_BODY);
  frame->issuing_body = intern_upper (self, LLW_CAMPAIGN_REPORT_ISSUING_BODY);
  frame->number = number_line (self);
  frame->nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  frame->motto = "Độc lập - Tự do - Hạnh phúc";
  frame->place_date = llw_report_document_intern (self, place_date);
  frame->title = "BÁO CÁO";
  frame->subject = llw_report_document_text (self, LLW_CAMPAIGN_REPORT_SUBJECT);
  frame->signer_name = name;

  add_addressees (self);
  add_signer (self);
  add_copies (self);
  frame->to = (const char *const *) self->to->pdata;
  frame->signer = (const char *const *) self->signer->pdata;
  frame->cc = (const char *const *) self->cc->pdata;
}

/* The date the office set for the report, or else the day of the figures. */
static void
set_date (LlwReportDocument *self)
{
  g_autofree char *iso = NULL;
  g_autofree char *text = NULL;

  if (!llw_date_parse (llw_report_document_text (self, LLW_CAMPAIGN_REPORT_DATE), &self->date))
    self->date = *llw_consolidation_get_date (self->data);
  iso = llw_date_to_iso (&self->date);
  text = llw_date_format (iso);
  self->date_text = llw_report_document_intern (self, text);
}

/**
 * llw_report_document_new:
 * @data: the figures, and the campaign whose text the report carries
 *
 * Returns: (transfer full): the report, its body drafted and its annexes laid out; it is
 *   not changed afterwards, and may be rendered from another thread
 */
LlwReportDocument *
llw_report_document_new (LlwConsolidation *data)
{
  LlwReportDocument *self;

  g_return_val_if_fail (LLW_IS_CONSOLIDATION (data), NULL);

  self = g_object_new (LLW_TYPE_REPORT_DOCUMENT, NULL);
  self->data = g_object_ref (data);
  self->campaign = llw_consolidation_get_campaign (data);
  set_date (self);
  build_frame (self);
  llw_report_document_draft_body (self);
  llw_report_document_add_annexes (self);
  return self;
}

/* Returns: (transfer none): the figures the report was made from. */
LlwConsolidation *
llw_report_document_get_consolidation (LlwReportDocument *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_DOCUMENT (self), NULL);

  return self->data;
}

const LlwReportFrame *
llw_report_document_get_frame (LlwReportDocument *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_DOCUMENT (self), NULL);

  return &self->frame;
}

guint
llw_report_document_get_n_blocks (LlwReportDocument *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_DOCUMENT (self), 0);

  return self->blocks->len;
}

/* Returns: (transfer none): the @block-th block of the body, in reading order. */
const LlwBlock *
llw_report_document_get_block (LlwReportDocument *self,
                               guint              block)
{
  g_return_val_if_fail (LLW_IS_REPORT_DOCUMENT (self), NULL);
  g_return_val_if_fail (block < self->blocks->len, NULL);

  return &g_array_index (self->blocks, LlwBlock, block);
}

/* Returns: (transfer none): the annex, with its table. */
const LlwReportAnnex *
llw_report_document_get_annex (LlwReportDocument *self,
                               LlwAnnexKind       kind)
{
  g_return_val_if_fail (LLW_IS_REPORT_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind < LLW_N_ANNEXES, NULL);

  return &self->annexes[kind];
}

/* Returns: the report's date, dd/mm/yyyy, as the annexes cite it. */
const char *
llw_report_document_get_date (LlwReportDocument *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_DOCUMENT (self), NULL);

  return self->date_text;
}

/**
 * llw_report_annex_get_part_label:
 * @band: a part of the annex's table
 *
 * Returns: (transfer full): "Phụ lục II.2" for the second part of an annex whose table is
 *   split across pages, or the annex's own label when it is in one part
 */
char *
llw_report_annex_get_part_label (const LlwReportAnnex *annex,
                                 guint                 band)
{
  g_return_val_if_fail (annex != NULL, NULL);

  if (llw_report_table_get_n_bands (annex->table) < 2)
    return g_strdup (annex->label);
  return g_strdup_printf ("%s.%u", annex->label, band + 1);
}
