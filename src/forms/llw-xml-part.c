/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "llw-xlsx-private.h"

/* One XML part of a workbook, read node by node with libxml2's streaming reader from what
 * libgsf inflates: never the whole part at once, never past its declared size, and never
 * with a DTD, an entity or the network. */

static int
read_part (void *context,
           char *buffer,
           int   length)
{
  LlwXmlPart *part = context;
  gsf_off_t left = gsf_input_remaining (part->input);
  size_t n = (size_t) MIN ((gsf_off_t) length, left);

  if (n == 0)
    return 0;
  /* libgsf returns a short deflate stream padded with whatever the buffer held: zeros make
   * such a part fail to parse rather than read stale bytes. */
  memset (buffer, 0, n);
  if (gsf_input_read (part->input, n, (guint8 *) buffer) == NULL)
    {
      part->failed = TRUE;
      return -1;
    }
  return (int) n;
}

static int
close_part (void *context)
{
  return 0;
}

/**
 * llw_xml_part_open:
 * @path: the part, as resolved from a relationship
 *
 * Opens an XML part for reading within the limits: its declared size counts against what
 * may be read of the whole workbook, and libgsf never inflates more than that.
 */
gboolean
llw_xml_part_open (LlwXlsx     *self,
                   const char  *path,
                   LlwXmlPart  *part,
                   GError     **error)
{
  gsf_off_t size;

  memset (part, 0, sizeof *part);
  part->xlsx = self;
  part->path = path;
  part->input = llw_xlsx_open_entry (self, path);
  if (part->input == NULL)
    return llw_xlsx_damaged (error, path);

  size = gsf_input_size (part->input);
  if (size < 0 || size > LLW_XLSX_MAX_PART || (gsize) size > self->budget)
    {
      g_clear_object (&part->input);
      g_set_error_literal (error, LLW_XLSX_ERROR, LLW_XLSX_ERROR_TOO_LARGE,
                           _("The workbook is too large to be a form."));
      return FALSE;
    }
  self->budget -= (gsize) size;

  part->reader = xmlReaderForIO (read_part, close_part, part, NULL, NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                 XML_PARSE_NOCDATA);
  if (part->reader == NULL)
    {
      g_clear_object (&part->input);
      return llw_xlsx_damaged (error, path);
    }
  return TRUE;
}

void
llw_xml_part_close (LlwXmlPart *part)
{
  g_clear_pointer (&part->reader, xmlFreeTextReader);
  g_clear_object (&part->input);
}

/* Moves to the next node. Returns: 1 on a node, 0 at the end, -1 with @error set when the
 * part is not well-formed XML, is cut short or declares a DTD. */
int
llw_xml_part_next (LlwXmlPart  *part,
                   GError     **error)
{
  int rc = xmlTextReaderRead (part->reader);

  if (rc == 1 && xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      llw_xlsx_damaged (error, _("it declares a DTD, which no workbook does"));
      return -1;
    }
  if (rc == 1 && xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_ENTITY_REFERENCE)
    {
      llw_xlsx_damaged (error, _("it refers to an entity, which no workbook does"));
      return -1;
    }
  if (rc < 0 || (rc == 0 && part->failed))
    {
      llw_xlsx_damaged (error, part->path);
      return -1;
    }
  return rc;
}

/* Whether the reader stands on the start of an element called @local_name, in any
 * namespace: transitional and strict OOXML name their elements alike. */
gboolean
llw_xml_part_is (LlwXmlPart *part,
                 const char *local_name)
{
  const char *name;

  if (xmlTextReaderNodeType (part->reader) != XML_READER_TYPE_ELEMENT)
    return FALSE;
  name = (const char *) xmlTextReaderConstLocalName (part->reader);
  return g_strcmp0 (name, local_name) == 0;
}

/* Returns: (transfer full) (nullable): the attribute of the current element called
 *   @local_name, in whatever namespace: programs prefix r:id differently. */
char *
llw_xml_part_attribute (LlwXmlPart *part,
                        const char *local_name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (part->reader) != 1)
    return NULL;
  do
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (part->reader);

      if (g_strcmp0 (name, local_name) == 0)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (part->reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (part->reader) == 1);
  xmlTextReaderMoveToElement (part->reader);
  return value;
}

/* Returns: (transfer full): the text inside the current element, up to its end; the
 *   reader is left on its end tag. %NULL with @error set on a damaged part. */
char *
llw_xml_part_text (LlwXmlPart  *part,
                   GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int depth = xmlTextReaderDepth (part->reader);
  int rc;

  if (xmlTextReaderIsEmptyElement (part->reader))
    return g_strdup ("");

  while ((rc = llw_xml_part_next (part, error)) == 1)
    {
      int type = xmlTextReaderNodeType (part->reader);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (part->reader) == depth)
        return g_string_free (g_steal_pointer (&text), FALSE);
      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
          type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA)
        g_string_append (text, (const char *) xmlTextReaderConstValue (part->reader));
    }
  if (rc == 0)
    llw_xlsx_damaged (error, part->path);
  return NULL;
}
