/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "llw-gsf-private.h"
#include "llw-odt.h"
#include "llw-output.h"
#include "llw-xlsx-finish.h"
#include "llw-page-geometry.h"
#include "llw-workbook.h"

/* The report as an OpenDocument text that LibreOffice and Word open and edit: the same
 * document model as the workbook and the printed report, in paragraph styles the office can
 * change, its annexes as real tables on turned pages, each part numbered from its second page
 * (a first-page master without a header, then one with the number centred in it). Written
 * with libgsf's ZIP writer, the mimetype first and stored, as ODF asks. */

#define FONT "Times New Roman"

static const char manifest[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
  "manifest:version=\"1.2\">\n"
  " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
  "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>\n"
  " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
  " <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
  " <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n"
  "</manifest:manifest>\n";

#define NAMESPACES \
  "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
  "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
  "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" " \
  "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" " \
  "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" " \
  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.2\""

/* Paragraph styles the office sees by name in its word processor. */
static const char paragraph_styles[] =
  "<style:style style:name=\"Standard\" style:family=\"paragraph\">"
  "<style:text-properties style:font-name=\"" FONT "\" fo:font-size=\"14pt\"/></style:style>"
  "<style:style style:name=\"Header_20_block\" style:display-name=\"Header block\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:text-align=\"center\"/>"
  "<style:text-properties fo:font-size=\"13pt\"/></style:style>"
  "<style:style style:name=\"Rule\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:margin-left=\"2.6cm\" fo:margin-right=\"2.6cm\" "
  "fo:margin-bottom=\"0.15cm\" fo:border-bottom=\"0.5pt solid #000000\" fo:padding=\"0cm\"/>"
  "<style:text-properties fo:font-size=\"2pt\"/></style:style>"
  "<style:style style:name=\"Title\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:text-align=\"center\" fo:margin-top=\"0.4cm\"/>"
  "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
  "<style:style style:name=\"Subject\" style:family=\"paragraph\" style:parent-style-name=\"Title\">"
  "<style:paragraph-properties fo:margin-top=\"0cm\"/></style:style>"
  "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:margin-top=\"0.2cm\" fo:margin-bottom=\"0.1cm\" "
  "fo:keep-with-next=\"always\"/>"
  "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
  "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Heading_20_1\"/>"
  "<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:text-align=\"justify\" fo:text-indent=\"1cm\" "
  "fo:margin-bottom=\"0.2cm\"/></style:style>"
  "<style:style style:name=\"Note\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Text_20_body\">"
  "<style:text-properties fo:font-style=\"italic\"/></style:style>"
  "<style:style style:name=\"Dots\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties><style:tab-stops><style:tab-stop style:position=\"16.4cm\" "
  "style:type=\"right\" style:leader-style=\"dotted\" style:leader-text=\".\"/>"
  "</style:tab-stops></style:paragraph-properties></style:style>"
  "<style:style style:name=\"Signer\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:text-align=\"center\"/>"
  "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
  "<style:style style:name=\"Copies_20_label\" style:display-name=\"Copies label\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:text-properties fo:font-size=\"12pt\" fo:font-weight=\"bold\" fo:font-style=\"italic\"/>"
  "</style:style>"
  "<style:style style:name=\"Copies\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:text-properties fo:font-size=\"11pt\"/></style:style>"
  "<style:style style:name=\"Annex_20_label\" style:display-name=\"Annex label\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Title\"/>"
  "<style:style style:name=\"Annex_20_note\" style:display-name=\"Annex note\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:text-align=\"center\" fo:margin-bottom=\"0.3cm\"/>"
  "<style:text-properties fo:font-style=\"italic\"/></style:style>"
  "<style:style style:name=\"Table_20_contents\" style:display-name=\"Table contents\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:text-properties fo:font-size=\"11pt\"/></style:style>"
  "<style:style style:name=\"Table_20_heading\" style:display-name=\"Table heading\" "
  "style:family=\"paragraph\" style:parent-style-name=\"Table_20_contents\">"
  "<style:paragraph-properties fo:text-align=\"center\"/>"
  "<style:text-properties fo:font-weight=\"bold\"/></style:style>";

typedef struct
{
  GsfOutput *out;
  LlwReportDocument *document;
  GDateTime *written_at;
} Writer;

static void
puts_out (Writer     *w,
          const char *text)
{
  gsf_output_puts (w->out, text);
}

G_GNUC_PRINTF (2, 3)
static void
printf_out (Writer     *w,
            const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  gsf_output_vprintf (w->out, format, args);
  va_end (args);
}

/* Text as ODF keeps it: escaped, runs of spaces and tabs as elements, since XML folds them. */
static void
put_text (Writer     *w,
          const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      const char *start = p;

      if (*p == ' ' && (p == text || p[1] == ' '))
        {
          guint n = 0;

          while (*p == ' ')
            p++, n++;
          g_string_append_printf (out, "<text:s text:c=\"%u\"/>", n);
          continue;
        }
      if (*p == '\t' || *p == '\n')
        {
          g_string_append (out, *p == '\t' ? "<text:tab/>" : "<text:line-break/>");
          p++;
          continue;
        }
      while (*p != '\0' && *p != '\t' && *p != '\n' && !(*p == ' ' && p[1] == ' '))
        p++;
      {
        g_autofree char *escaped = g_markup_escape_text (start, p - start);

        g_string_append (out, escaped);
      }
      if (*p == ' ')
        {
          g_string_append_c (out, ' ');
          p++;
        }
    }
  puts_out (w, out->str);
}

static void
paragraph (Writer     *w,
           const char *style,
           const char *text)
{
  printf_out (w, "<text:p text:style-name=\"%s\">", style);
  if (text != NULL)
    put_text (w, text);
  puts_out (w, "</text:p>");
}

/* Pages ---------------------------------------------------------------------------------- */

/* A page layout from Decree 30's margins; pages with a number get a header in the top
 * margin, the first page of a part none, its text starting as low. */
static void
write_page_layout (Writer     *w,
                   const char *name,
                   gboolean    landscape,
                   gboolean    numbered)
{
  LlwPageGeometry page;
  double top;

  llw_page_geometry_a4 (&page, landscape);
  top = page.top / 72 * 2.54;
  printf_out (w, "<style:page-layout style:name=\"%s\"><style:page-layout-properties "
              "fo:page-width=\"%.2fcm\" fo:page-height=\"%.2fcm\" style:print-orientation=\"%s\" "
              "fo:margin-top=\"%.2fcm\" fo:margin-bottom=\"%.2fcm\" fo:margin-left=\"%.2fcm\" "
              "fo:margin-right=\"%.2fcm\"/>", name, page.width / 72 * 2.54,
              page.height / 72 * 2.54, landscape ? "landscape" : "portrait",
              numbered ? top - 1.2 : top, page.bottom / 72 * 2.54, page.left / 72 * 2.54,
              page.right / 72 * 2.54);
  if (numbered)
    puts_out (w, "<style:header-style><style:header-footer-properties fo:min-height=\"0.7cm\" "
                 "fo:margin-bottom=\"0.5cm\"/></style:header-style>");
  puts_out (w, "</style:page-layout>");
}

static void
write_master (Writer     *w,
              const char *name,
              const char *layout,
              const char *next)
{
  printf_out (w, "<style:master-page style:name=\"%s\" style:page-layout-name=\"%s\"", name,
              layout);
  if (next != NULL)
    {
      printf_out (w, " style:next-style-name=\"%s\"/>", next);
      return;
    }
  puts_out (w, "><style:header><text:p text:style-name=\"Page_20_number\">"
               "<text:page-number text:select-page=\"current\"/></text:p></style:header>"
               "</style:master-page>");
}

static void
write_styles (Writer *w)
{
  printf_out (w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles "
              NAMESPACES "><office:font-face-decls><style:font-face style:name=\"" FONT "\" "
              "svg:font-family=\"'" FONT "'\" style:font-family-generic=\"roman\"/>"
              "</office:font-face-decls><office:styles>%s"
              "<style:style style:name=\"Page_20_number\" style:display-name=\"Page number\" "
              "style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
              "<style:paragraph-properties fo:text-align=\"center\"/>"
              "<style:text-properties fo:font-size=\"13pt\"/></style:style>"
              "</office:styles><office:automatic-styles>", paragraph_styles);
  write_page_layout (w, "Upright_20_first", FALSE, FALSE);
  write_page_layout (w, "Upright", FALSE, TRUE);
  write_page_layout (w, "Turned_20_first", TRUE, FALSE);
  write_page_layout (w, "Turned", TRUE, TRUE);
  puts_out (w, "</office:automatic-styles><office:master-styles>");
  write_master (w, "Standard", "Upright", NULL);
  write_master (w, "First_20_Page", "Upright_20_first", "Standard");
  write_master (w, "Annex", "Turned", NULL);
  write_master (w, "Annex_20_first", "Turned_20_first", "Annex");
  puts_out (w, "</office:master-styles></office:document-styles>\n");
}

static void
write_meta (Writer *w)
{
  g_autofree char *date = g_date_time_format (w->written_at, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *title = g_markup_escape_text (
    llw_report_document_get_frame (w->document)->subject, -1);

  printf_out (w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta "
              NAMESPACES "><office:meta><meta:generator>llweek " PACKAGE_VERSION
              "</meta:generator><dc:title>%s</dc:title><dc:date>%s</dc:date>"
              "<meta:creation-date>%s</meta:creation-date></office:meta>"
              "</office:document-meta>\n", title, date, date);
}

/* Content ------------------------------------------------------------------------------- */

static const char automatic_styles[] =
  /* The frame's borderless tables; the first starts the document on its first-page master. */
  "<style:style style:name=\"Frame_20_first\" style:family=\"table\" "
  "style:master-page-name=\"First_20_Page\">"
  "<style:table-properties style:width=\"16.5cm\" table:align=\"left\"/></style:style>"
  "<style:style style:name=\"Frame\" style:family=\"table\">"
  "<style:table-properties style:width=\"16.5cm\" table:align=\"left\" "
  "fo:margin-top=\"0.3cm\"/></style:style>"
  /* The signature's table in one piece on one page, with the last lines of the body before
   * it: Decree 30/2020 lets no signature stand alone on its page. */
  "<style:style style:name=\"Signature_20_frame\" style:family=\"table\">"
  "<style:table-properties style:width=\"16.5cm\" table:align=\"left\" "
  "fo:margin-top=\"0.3cm\" style:may-break-between-rows=\"false\"/></style:style>"
  "<style:style style:name=\"Unbroken\" style:family=\"table-row\">"
  "<style:table-row-properties fo:keep-together=\"always\"/></style:style>"
  "<style:style style:name=\"Last_20_body\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Text_20_body\">"
  "<style:paragraph-properties fo:keep-with-next=\"always\" fo:widows=\"2\"/></style:style>"
  "<style:style style:name=\"Left\" style:family=\"table-column\">"
  "<style:table-column-properties style:column-width=\"6.3cm\"/></style:style>"
  "<style:style style:name=\"Right\" style:family=\"table-column\">"
  "<style:table-column-properties style:column-width=\"10.2cm\"/></style:style>"
  "<style:style style:name=\"Label\" style:family=\"table-column\">"
  "<style:table-column-properties style:column-width=\"4.5cm\"/></style:style>"
  "<style:style style:name=\"Items\" style:family=\"table-column\">"
  "<style:table-column-properties style:column-width=\"12cm\"/></style:style>"
  "<style:style style:name=\"Plain\" style:family=\"table-cell\">"
  "<style:table-cell-properties fo:border=\"none\" fo:padding=\"0cm\"/></style:style>"
  "<style:style style:name=\"Cell\" style:family=\"table-cell\">"
  "<style:table-cell-properties fo:border=\"0.5pt solid #000000\" fo:padding=\"0.05cm\" "
  "style:vertical-align=\"middle\"/></style:style>"
  "<style:style style:name=\"HB\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Header_20_block\">"
  "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
  "<style:style style:name=\"HB14\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Header_20_block\">"
  "<style:text-properties fo:font-size=\"14pt\" fo:font-weight=\"bold\"/></style:style>"
  "<style:style style:name=\"HI14\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Header_20_block\">"
  "<style:text-properties fo:font-size=\"14pt\" fo:font-style=\"italic\"/></style:style>"
  "<style:style style:name=\"To\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:text-align=\"end\" fo:margin-right=\"0.2cm\"/>"
  "</style:style>"
  "<style:style style:name=\"Groups\" style:family=\"paragraph\" style:parent-style-name=\"Title\">"
  "<style:paragraph-properties fo:margin-top=\"0cm\"/>"
  "<style:text-properties fo:font-size=\"13pt\"/></style:style>"
  "<style:style style:name=\"Start\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Annex_20_label\" style:master-page-name=\"Annex_20_first\">"
  "<style:paragraph-properties style:page-number=\"1\"/></style:style>"
  "<style:style style:name=\"L\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Table_20_contents\"/>"
  "<style:style style:name=\"C\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Table_20_contents\">"
  "<style:paragraph-properties fo:text-align=\"center\"/></style:style>"
  "<style:style style:name=\"R\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Table_20_contents\">"
  "<style:paragraph-properties fo:text-align=\"end\"/></style:style>"
  /* Automatic styles cannot be parents: the bold ones repeat their alignment. */
  "<style:style style:name=\"LB\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Table_20_contents\">"
  "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
  "<style:style style:name=\"CB\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Table_20_contents\">"
  "<style:paragraph-properties fo:text-align=\"center\"/>"
  "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
  "<style:style style:name=\"RB\" style:family=\"paragraph\" "
  "style:parent-style-name=\"Table_20_contents\">"
  "<style:paragraph-properties fo:text-align=\"end\"/>"
  "<style:text-properties fo:font-weight=\"bold\"/></style:style>";

/* A table style and a column style per column for each part of each annex. */
static void
write_table_styles (Writer *w)
{
  for (LlwAnnexKind kind = 0; kind < LLW_N_ANNEXES; kind++)
    {
      LlwReportTable *table = llw_report_document_get_annex (w->document, kind)->table;

      for (guint band = 0; band < llw_report_table_get_n_bands (table); band++)
        {
          double width = 0;

          for (guint c = 0; c < llw_report_table_get_n_columns (table); c++)
            if (llw_report_table_in_band (table, c, band))
              {
                double points = llw_report_table_get_column (table, c)->width;

                width += points;
                printf_out (w, "<style:style style:name=\"K%u_%u_%u\" "
                            "style:family=\"table-column\"><style:table-column-properties "
                            "style:column-width=\"%.1fpt\"/></style:style>", kind, band, c,
                            points);
              }
          printf_out (w, "<style:style style:name=\"T%u_%u\" style:family=\"table\">"
                      "<style:table-properties style:width=\"%.1fpt\" table:align=\"left\"/>"
                      "</style:style>", kind, band, width);
        }
    }
}

static void
cell_paragraphs (Writer     *w,
                 const char *style,
                 const char *const *lines,
                 gsize       n)
{
  puts_out (w, "<table:table-cell table:style-name=\"Plain\" office:value-type=\"string\">");
  for (gsize i = 0; i < n; i++)
    if (lines[i] != NULL)
      paragraph (w, style, lines[i]);
  puts_out (w, "</table:table-cell>");
}

static void
write_header_blocks (Writer               *w,
                     const LlwReportFrame *frame)
{
  puts_out (w, "<table:table table:name=\"Header\" table:style-name=\"Frame_20_first\">"
               "<table:table-column table:style-name=\"Left\"/>"
               "<table:table-column table:style-name=\"Right\"/><table:table-row>"
               "<table:table-cell table:style-name=\"Plain\" office:value-type=\"string\">");
  paragraph (w, "Header_20_block", frame->parent_body);
  paragraph (w, "HB", frame->issuing_body);
  paragraph (w, "Rule", NULL);
  puts_out (w, "</table:table-cell>"
               "<table:table-cell table:style-name=\"Plain\" office:value-type=\"string\">");
  paragraph (w, "HB", frame->nation);
  paragraph (w, "HB14", frame->motto);
  paragraph (w, "Rule", NULL);
  puts_out (w, "</table:table-cell></table:table-row><table:table-row>");
  cell_paragraphs (w, "Header_20_block", (const char *[]) { frame->number }, 1);
  cell_paragraphs (w, "HI14", (const char *[]) { frame->place_date }, 1);
  puts_out (w, "</table:table-row></table:table>");

  paragraph (w, "Title", frame->title);
  paragraph (w, "Subject", frame->subject);
  paragraph (w, "Rule", NULL);
}

static void
write_addressees (Writer               *w,
                  const LlwReportFrame *frame)
{
  if (frame->to[0] == NULL)
    return;

  puts_out (w, "<table:table table:name=\"To\" table:style-name=\"Frame\">"
               "<table:table-column table:style-name=\"Label\"/>"
               "<table:table-column table:style-name=\"Items\"/><table:table-row>");
  cell_paragraphs (w, "To", (const char *[]) { "Kính gửi:" }, 1);
  cell_paragraphs (w, "Standard", frame->to, g_strv_length ((char **) frame->to));
  puts_out (w, "</table:table-row></table:table>");
}

static void
write_block (Writer         *w,
             const LlwBlock *block,
             gboolean        last)
{
  switch (block->kind)
    {
    case LLW_BLOCK_HEADING:
      paragraph (w, "Heading_20_1", block->text);
      break;
    case LLW_BLOCK_SUBHEADING:
      paragraph (w, "Heading_20_2", block->text);
      break;
    case LLW_BLOCK_NOTE:
      paragraph (w, "Note", block->text);
      break;
    /* A tab to a right tab stop with dots before it: a line to write on, as wide as the
     * page whatever the font. */
    case LLW_BLOCK_DOTS:
      paragraph (w, "Dots", "\t");
      break;
    case LLW_BLOCK_PARAGRAPH:
    case LLW_BLOCK_ITEM:
    default:
      paragraph (w, last ? "Last_20_body" : "Text_20_body", block->text);
    }
}

/* "Nơi nhận:" and its list at left, level with the signature block at right. */
static void
write_signature (Writer               *w,
                 const LlwReportFrame *frame)
{
  puts_out (w, "<table:table table:name=\"Signature\" "
               "table:style-name=\"Signature_20_frame\">"
               "<table:table-column table:style-name=\"Left\"/>"
               "<table:table-column table:style-name=\"Right\"/>"
               "<table:table-row table:style-name=\"Unbroken\">"
               "<table:table-cell table:style-name=\"Plain\" office:value-type=\"string\">");
  paragraph (w, "Copies_20_label", "Nơi nhận:");
  for (guint i = 0; frame->cc[i] != NULL; i++)
    paragraph (w, "Copies", frame->cc[i]);
  puts_out (w, "</table:table-cell>"
               "<table:table-cell table:style-name=\"Plain\" office:value-type=\"string\">");
  for (guint i = 0; frame->signer[i] != NULL; i++)
    paragraph (w, "Signer", frame->signer[i]);
  for (guint i = 0; i < 4; i++)
    paragraph (w, "Signer", NULL);
  paragraph (w, "Signer", frame->signer_name);
  puts_out (w, "</table:table-cell></table:table-row></table:table>");
}

static const char *
paragraph_style (LlwAlign align,
                 gboolean bold)
{
  switch (align)
    {
    case LLW_ALIGN_LEFT:
      return bold ? "LB" : "L";
    case LLW_ALIGN_RIGHT:
      return bold ? "RB" : "R";
    case LLW_ALIGN_CENTER:
    default:
      return bold ? "CB" : "C";
    }
}

/* A cell: figures with their value, dates as dates, so that the word processor can still
 * compute with them. */
static void
write_cell (Writer                *w,
            LlwReportTable        *table,
            guint                  row,
            guint                  column,
            gboolean               bold)
{
  const LlwReportColumn *info = llw_report_table_get_column (table, column);
  const char *style = paragraph_style (info->align, bold);
  char buffer[64], value[G_ASCII_DTOSTR_BUF_SIZE];
  LlwCell cell;

  llw_report_table_get_cell (table, row, column, &cell);
  if (cell.kind == LLW_CELL_NUMBER)
    printf_out (w, "<table:table-cell table:style-name=\"Cell\" office:value-type=\"float\" "
                "office:value=\"%s\">", g_ascii_dtostr (value, sizeof value, cell.number));
  else if (cell.kind == LLW_CELL_DATE)
    printf_out (w, "<table:table-cell table:style-name=\"Cell\" office:value-type=\"date\" "
                "office:date-value=\"%s\">", cell.text);
  else
    puts_out (w, "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">");
  paragraph (w, style, llw_cell_to_text (&cell, buffer, sizeof buffer));
  puts_out (w, "</table:table-cell>");
}

static void
header_cell (Writer     *w,
             const char *text,
             guint       columns,
             guint       rows)
{
  puts_out (w, "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\"");
  if (columns > 1)
    printf_out (w, " table:number-columns-spanned=\"%u\"", columns);
  if (rows > 1)
    printf_out (w, " table:number-rows-spanned=\"%u\"", rows);
  puts_out (w, ">");
  paragraph (w, "Table_20_heading", text);
  puts_out (w, "</table:table-cell>");
}

/* The header, repeated on every page: indicator groups over their columns, the other titles
 * over both rows, as in the workbook and the printed report. */
static void
write_table_header (Writer         *w,
                    LlwReportTable *table,
                    const guint    *columns,
                    guint           n)
{
  gboolean spans = FALSE;

  for (guint i = 0; i < n; i++)
    spans |= llw_report_table_get_column (table, columns[i])->span != NULL;

  puts_out (w, "<table:table-header-rows><table:table-row>");
  for (guint i = 0; i < n;)
    {
      const LlwReportColumn *column = llw_report_table_get_column (table, columns[i]);
      guint end = i + 1;

      while (column->span != NULL && end < n &&
             llw_report_table_get_column (table, columns[end])->span == column->span)
        end++;
      if (column->span != NULL)
        header_cell (w, column->span, end - i, 1);
      else
        header_cell (w, column->title, 1, spans ? 2 : 1);
      for (guint k = i + 1; k < end; k++)
        puts_out (w, "<table:covered-table-cell/>");
      i = end;
    }
  puts_out (w, "</table:table-row>");
  if (spans)
    {
      puts_out (w, "<table:table-row>");
      for (guint i = 0; i < n; i++)
        {
          const LlwReportColumn *column = llw_report_table_get_column (table, columns[i]);

          if (column->span != NULL)
            header_cell (w, column->title, 1, 1);
          else
            puts_out (w, "<table:covered-table-cell/>");
        }
      puts_out (w, "</table:table-row>");
    }
  puts_out (w, "</table:table-header-rows>");
}

/* One part of an annex: on a turned page of its own, numbered from 1. */
static void
write_annex_part (Writer               *w,
                  const LlwReportAnnex *annex,
                  guint                 band)
{
  LlwReportTable *table = annex->table;
  g_autofree guint *columns = g_new (guint, llw_report_table_get_n_columns (table));
  guint n = llw_report_table_get_band_columns (table, band, columns);
  g_autofree char *label = llw_report_annex_get_part_label (annex, band);
  g_autofree char *groups = llw_report_table_describe_band (table, band);

  paragraph (w, "Start", label);
  paragraph (w, "Subject", annex->title);
  if (groups != NULL)
    {
      g_autofree char *line = g_strdup_printf ("(%s)", groups);

      paragraph (w, "Groups", line);
    }
  paragraph (w, "Annex_20_note", annex->note);

  printf_out (w, "<table:table table:name=\"%s\" table:style-name=\"T%u_%u\">", label,
              annex->kind, band);
  for (guint i = 0; i < n; i++)
    printf_out (w, "<table:table-column table:style-name=\"K%u_%u_%u\"/>", annex->kind, band,
                columns[i]);
  write_table_header (w, table, columns, n);
  for (guint r = 0; r < llw_report_table_get_n_rows (table); r++)
    {
      gboolean bold = llw_report_table_get_row (table, r)->kind != LLW_ROW_ITEM;

      puts_out (w, "<table:table-row>");
      for (guint i = 0; i < n; i++)
        write_cell (w, table, r, columns[i], bold);
      puts_out (w, "</table:table-row>");
    }
  puts_out (w, "</table:table>");
}

static void
write_content (Writer *w)
{
  const LlwReportFrame *frame = llw_report_document_get_frame (w->document);

  printf_out (w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content "
              NAMESPACES "><office:font-face-decls><style:font-face style:name=\"" FONT "\" "
              "svg:font-family=\"'" FONT "'\" style:font-family-generic=\"roman\"/>"
              "</office:font-face-decls><office:automatic-styles>%s", automatic_styles);
  write_table_styles (w);
  puts_out (w, "</office:automatic-styles><office:body><office:text>");

  write_header_blocks (w, frame);
  write_addressees (w, frame);
  for (guint i = 0, n = llw_report_document_get_n_blocks (w->document); i < n; i++)
    write_block (w, llw_report_document_get_block (w->document, i), i + 1 == n);
  write_signature (w, frame);
  for (LlwAnnexKind kind = 0; kind < LLW_N_ANNEXES; kind++)
    {
      const LlwReportAnnex *annex = llw_report_document_get_annex (w->document, kind);

      for (guint band = 0; band < llw_report_table_get_n_bands (annex->table); band++)
        write_annex_part (w, annex, band);
    }
  puts_out (w, "</office:text></office:body></office:document-content>\n");
}

/* Writes one part of the archive, from a function that prints it. */
static gboolean
write_part (GsfOutfile  *zip,
            const char  *name,
            gboolean     stored,
            Writer      *w,
            void       (*write) (Writer *w))
{
  GsfOutput *part = gsf_outfile_new_child_full (zip, name, FALSE, "zip64", FALSE,
                                                "compression-level",
                                                stored ? GSF_ZIP_STORED : GSF_ZIP_DEFLATED,
                                                NULL);
  gboolean ok;

  w->out = part;
  write (w);
  ok = !gsf_output_error (part);
  ok = gsf_output_close (part) && ok;
  g_object_unref (part);
  return ok;
}

static void
write_mimetype (Writer *w)
{
  puts_out (w, "application/vnd.oasis.opendocument.text");
}

static void
write_manifest (Writer *w)
{
  puts_out (w, manifest);
}

static gboolean
write_archive (LlwReportDocument  *document,
               GDateTime          *written_at,
               const char         *path,
               GError            **error)
{
  g_autoptr(GsfOutput) sink = llw_gsf_output_new (path, error);
  g_autoptr(GsfOutfile) zip = NULL;
  GsfOutfile *meta_folder;
  Writer w = { NULL, document, written_at };
  gboolean ok;

  if (sink == NULL)
    return FALSE;
  zip = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", sink, "zip64", FALSE, NULL);
  gsf_output_set_modtime (GSF_OUTPUT (zip), written_at);

  ok = write_part (zip, "mimetype", TRUE, &w, write_mimetype);
  meta_folder = GSF_OUTFILE (gsf_outfile_new_child (zip, "META-INF", TRUE));
  ok = ok && write_part (meta_folder, "manifest.xml", FALSE, &w, write_manifest);
  gsf_output_close (GSF_OUTPUT (meta_folder));
  g_object_unref (meta_folder);
  ok = ok && write_part (zip, "meta.xml", FALSE, &w, write_meta);
  ok = ok && write_part (zip, "styles.xml", FALSE, &w, write_styles);
  ok = ok && write_part (zip, "content.xml", FALSE, &w, write_content);
  ok = gsf_output_close (GSF_OUTPUT (zip)) && ok;
  ok = gsf_output_close (sink) && ok;

  if (!ok)
    {
      const GError *cause = gsf_output_error (sink);

      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           cause != NULL ? cause->message
                                         : _("the file could not be written in full; is the "
                                             "disk full?"));
    }
  return ok;
}

typedef struct
{
  LlwReportDocument *document;
  GDateTime *written_at;
} OdtJob;

static gboolean
write_file (const char  *path,
            gpointer     user_data,
            GError     **error)
{
  OdtJob *job = user_data;

  return write_archive (job->document, job->written_at, path, error);
}

static gboolean
check_file (const char  *path,
            gpointer     user_data,
            GError     **error)
{
  return llw_package_check (path, error);
}

/**
 * llw_odt_write:
 * @written_at: the time in the document's properties and its archive
 * @path: the .odt file to write; an existing one is replaced only by a complete document
 *
 * Writes the document as every output is written (llw-output.c): read back whole before it
 * replaces @path.
 *
 * Returns: %TRUE on success; else %FALSE with @error naming @path
 */
gboolean
llw_odt_write (LlwReportDocument  *document,
               GDateTime          *written_at,
               const char         *path,
               GError            **error)
{
  OdtJob job = { document, written_at };

  g_return_val_if_fail (LLW_IS_REPORT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (written_at != NULL && path != NULL, FALSE);

  return llw_output_write (path, LLW_OUTPUT_NONE, write_file, check_file, &job, error);
}
