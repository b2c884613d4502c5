/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

#include "llw-xlsx.h"

G_BEGIN_DECLS

/* libgsf 1.14 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

/* Limits of what a returned form may hold: a form is some tens of kilobytes, so these leave
 * room for pictures and long texts while keeping a hostile file from filling the memory. */
#define LLW_XLSX_MAX_ENTRIES    1000
#define LLW_XLSX_MAX_PART       (32 * 1024 * 1024)   /* uncompressed bytes of one XML part */
#define LLW_XLSX_MAX_TOTAL      (64 * 1024 * 1024)   /* uncompressed bytes read in all */
#define LLW_XLSX_MAX_CELLS      200000               /* per sheet */
#define LLW_XLSX_MAX_STRINGS    200000
#define LLW_XLSX_MAX_ROWS       1048576
#define LLW_XLSX_MAX_COLS       16384

typedef struct
{
  char *name;
  char *path;                   /* of its part in the container */
} LlwXlsxSheetInfo;

struct _LlwXlsx
{
  GBytes *bytes;
  GsfInput *input;
  GsfInfile *zip;
  GHashTable *entries;          /* path in lower case → path as stored */
  gsize budget;                 /* uncompressed bytes that may still be read */
  gboolean date1904;
  GHashTable *properties;       /* custom document property → text */
  GHashTable *names;            /* defined name, case folded → its reference */
  GPtrArray *sheet_infos;       /* LlwXlsxSheetInfo, in the workbook's order */
  GHashTable *sheets;           /* sheet name, case folded → LlwXlsxSheet */
  char *strings_path;           /* the shared strings part, NULL when there is none */
  GPtrArray *strings;           /* loaded with the first sheet */
};

struct _LlwXlsxSheet
{
  char *name;
  GHashTable *cells;            /* row << 14 | col → LlwXlsxCell */
  GArray *merges;               /* LlwXlsxRange */
};

/* One XML part being read. */
typedef struct
{
  LlwXlsx *xlsx;
  GsfInput *input;
  xmlTextReaderPtr reader;
  const char *path;
  gboolean failed;              /* the part could not be read to its declared size */
} LlwXmlPart;

GsfInput *llw_xlsx_open_entry   (LlwXlsx      *self,
                                 const char   *path);
gboolean  llw_xml_part_open     (LlwXlsx      *self,
                                 const char   *path,
                                 LlwXmlPart   *part,
                                 GError      **error);
void      llw_xml_part_close    (LlwXmlPart   *part);
int       llw_xml_part_next     (LlwXmlPart   *part,
                                 GError      **error);
gboolean  llw_xml_part_is       (LlwXmlPart   *part,
                                 const char   *local_name);
char     *llw_xml_part_attribute (LlwXmlPart  *part,
                                  const char  *local_name);
char     *llw_xml_part_text     (LlwXmlPart   *part,
                                 GError      **error);
gboolean  llw_xlsx_damaged      (GError      **error,
                                 const char   *what);

LlwXlsxSheet *llw_xlsx_sheet_load (LlwXlsx    *self,
                                   const char *name,
                                   const char *path,
                                   GError    **error);
void          llw_xlsx_sheet_free (LlwXlsxSheet *sheet);

G_END_DECLS
