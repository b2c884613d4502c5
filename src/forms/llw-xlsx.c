/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <gsf/gsf-infile-impl.h>

#include "llw-text.h"
#include "llw-xlsx-private.h"

/* Reading an .xlsx as a spreadsheet program saved it: the ZIP container through libgsf,
 * every XML part through libxml2's streaming reader, never all at once. Parts are found as
 * the package's relationships say, not where one program puts them: LibreOffice renumbers
 * the relationships, WPS Office writes absolute part paths, others name parts differently.
 * Every size is limited, and no DTD, entity or network access is allowed. */

G_DEFINE_QUARK (llw-xlsx-error-quark, llw_xlsx_error)

#define OLE_MAGIC "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#define ZIP_MAGIC "PK"

#define NOT_WORKBOOK _("This is not an Excel workbook. The form must come back as “Excel " \
                       "Workbook (.xlsx)”.")

static gboolean
refuse (GError     **error,
        LlwXlsxError code,
        const char  *message)
{
  g_set_error_literal (error, LLW_XLSX_ERROR, code, message);
  return FALSE;
}

/* Sets @error to say that the workbook is damaged, @what being the part or the reason. */
gboolean
llw_xlsx_damaged (GError    **error,
                  const char *what)
{
  g_set_error (error, LLW_XLSX_ERROR, LLW_XLSX_ERROR_DAMAGED,
               _("The workbook is damaged and cannot be read (%s). Ask for it again, saved "
                 "as “Excel Workbook (.xlsx)”."), what);
  return FALSE;
}

static void
sheet_info_free (gpointer data)
{
  LlwXlsxSheetInfo *info = data;

  g_free (info->name);
  g_free (info->path);
  g_free (info);
}

void
llw_xlsx_free (LlwXlsx *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->sheets, g_hash_table_unref);
  g_clear_pointer (&self->sheet_infos, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->properties, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_free (self->strings_path);
  g_clear_object (&self->zip);
  g_clear_object (&self->input);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self);
}

/* ---- The container ---- */

/* libgsf's gsf_infile_child_by_index () and _by_name () print a warning on stderr for every
 * part they cannot open; a damaged file is reported to the user instead, so the container's
 * own methods are called, which only return the error. */
static GsfInput *
child_at (GsfInfile *folder,
          int        index)
{
  g_autoptr(GError) error = NULL;

  return G_TYPE_INSTANCE_GET_CLASS (folder, GSF_INFILE_TYPE, GsfInfileClass)->child_by_index (folder, index, &error);
}

static GsfInput *
child_named (GsfInfile  *folder,
             const char *name)
{
  g_autoptr(GError) error = NULL;

  return G_TYPE_INSTANCE_GET_CLASS (folder, GSF_INFILE_TYPE, GsfInfileClass)->child_by_name (folder, name, &error);
}

static guint
read_le16 (const guint8 *p)
{
  return p[0] | (guint) p[1] << 8;
}

static guint32
read_le32 (const guint8 *p)
{
  return read_le16 (p) | (guint32) read_le16 (p + 2) << 16;
}

/* Whether the DOS date and time of a ZIP entry name a moment that exists: no month 13, no
 * 31 February, no 62nd second. */
static gboolean
is_possible (guint date,
             guint time)
{
  return g_date_valid_dmy ((GDateDay) (date & 0x1f), (GDateMonth) ((date >> 5) & 0x0f),
                           (GDateYear) (1980 + (date >> 9))) &&
         (time >> 11) < 24 && ((time >> 5) & 0x3f) < 60 && (time & 0x1f) * 2 < 60;
}

/* Whether an entry of the ZIP's central directory is dated at a moment that does not exist.
 * libgsf turns each entry's date into a GDateTime and complains of such a date on stderr; no
 * program writes one, so the container is refused as broken before libgsf reads it. A
 * directory this cannot follow is left to libgsf, which says what is wrong. */
static gboolean
has_impossible_dates (const guint8 *data,
                      gsize         size)
{
  gsize end = size >= 22 ? size - 22 : 0;
  gsize offset;
  guint n;

  if (size < 22)
    return FALSE;
  /* The end record, after which only its comment of up to 65,535 bytes may come. */
  while (memcmp (data + end, "PK\5\6", 4) != 0)
    if (end == 0 || size - --end > 22 + 65535)
      return FALSE;

  n = read_le16 (data + end + 10);
  offset = read_le32 (data + end + 16);
  for (guint i = 0; i < n; i++)
    {
      guint time, date;

      if (offset > end || end - offset < 46 || memcmp (data + offset, "PK\1\2", 4) != 0)
        return FALSE;
      time = read_le16 (data + offset + 12);
      date = read_le16 (data + offset + 14);
      /* No date at all is read as none. */
      if ((date != 0 || time != 0) && !is_possible (date, time))
        return TRUE;
      offset += 46 + read_le16 (data + offset + 28) + read_le16 (data + offset + 30) +
                read_le16 (data + offset + 32);
    }
  return FALSE;
}

/* An OLE2 compound file is an Excel 97-2003 workbook, or an .xlsx encrypted with a
 * password (Office wraps those in one), or another Office file. */
static gboolean
refuse_ole (LlwXlsx  *self,
            GError  **error)
{
  g_autoptr(GsfInfile) ole = gsf_infile_msole_new (self->input, NULL);

  if (ole != NULL)
    {
      g_autoptr(GsfInput) encrypted = child_named (ole, "EncryptedPackage");
      g_autoptr(GsfInput) workbook = child_named (ole, "Workbook");
      g_autoptr(GsfInput) book = child_named (ole, "Book");

      if (encrypted != NULL)
        return refuse (error, LLW_XLSX_ERROR_NOT_WORKBOOK,
                       _("The workbook is protected with a password, so it cannot be read. "
                         "Open it, remove the password (File › Info › Protect Workbook › "
                         "Encrypt with Password), save it and import it again."));
      if (workbook != NULL || book != NULL)
        return refuse (error, LLW_XLSX_ERROR_NOT_WORKBOOK,
                       _("This is an Excel 97-2003 workbook (.xls). Open it in Excel and save it "
                         "as “Excel Workbook (.xlsx)”, then import the new file."));
    }
  return refuse (error, LLW_XLSX_ERROR_NOT_WORKBOOK,
                 NOT_WORKBOOK);
}

/* Notes every entry of the container by its path in lower case: OPC part names ignore
 * case. */
static gboolean
index_entries (LlwXlsx     *self,
               GsfInfile   *folder,
               const char  *prefix,
               guint        depth,
               GError     **error)
{
  int n = gsf_infile_num_children (folder);

  for (int i = 0; i < n; i++)
    {
      const char *name = gsf_infile_name_by_index (folder, i);
      g_autoptr(GsfInput) child = child_at (folder, i);
      g_autofree char *path = g_strconcat (prefix, name ? name : "", NULL);

      if (g_hash_table_size (self->entries) >= LLW_XLSX_MAX_ENTRIES)
        return refuse (error, LLW_XLSX_ERROR_TOO_LARGE,
                       _("The workbook holds too many parts to be a form."));
      if (child == NULL || name == NULL)
        return llw_xlsx_damaged (error, _("a part cannot be opened"));

      if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        {
          g_autofree char *folder_prefix = g_strconcat (path, "/", NULL);

          if (depth >= 16 ||
              !index_entries (self, GSF_INFILE (child), folder_prefix, depth + 1, error))
            return depth < 16 ? FALSE : llw_xlsx_damaged (error, _("folders too deep"));
        }
      else
        {
          char *lower = g_ascii_strdown (path, -1);

          g_hash_table_insert (self->entries, lower, g_steal_pointer (&path));
        }
    }
  return TRUE;
}

/* Returns: (transfer full) (nullable): the part at @path, found whatever its case */
GsfInput *
llw_xlsx_open_entry (LlwXlsx    *self,
                     const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  const char *stored = g_hash_table_lookup (self->entries, lower);
  g_auto(GStrv) names = NULL;
  g_autoptr(GsfInput) folder = NULL;

  if (stored == NULL)
    return NULL;
  names = g_strsplit (stored, "/", -1);
  folder = g_object_ref (GSF_INPUT (self->zip));
  for (guint i = 0; names[i] != NULL; i++)
    {
      GsfInput *child = GSF_IS_INFILE (folder) ? child_named (GSF_INFILE (folder), names[i])
                                              : NULL;

      g_object_unref (folder);
      folder = child;
      if (folder == NULL)
        return NULL;
    }
  return g_steal_pointer (&folder);
}

static gboolean
has_entry (LlwXlsx    *self,
           const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_hash_table_contains (self->entries, lower);
}

/* ---- Relationships and content types ---- */

/* Resolves a relationship's target against the part it belongs to: relative to that part's
 * folder, or from the top for an absolute one ("/xl/worksheets/sheet1.xml", as WPS writes). */
static char *
resolve_target (const char *source,
                const char *target)
{
  g_autofree char *unescaped = g_uri_unescape_string (target, NULL);
  g_autofree char *base = NULL;
  g_autofree char *joined = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (unescaped == NULL)
    return NULL;
  if (unescaped[0] == '/')
    joined = g_strdup (unescaped + 1);
  else
    {
      const char *slash = strrchr (source, '/');

      base = slash ? g_strndup (source, (gsize) (slash - source + 1)) : g_strdup ("");
      joined = g_strconcat (base, unescaped, NULL);
    }

  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], "..") && kept->len > 0)
        g_ptr_array_remove_index (kept, kept->len - 1);
      else if (*parts[i] != '\0' && !g_str_equal (parts[i], ".") && !g_str_equal (parts[i], ".."))
        g_ptr_array_add (kept, parts[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

static char *
rels_path (const char *source)
{
  const char *slash = strrchr (source, '/');

  if (slash == NULL)
    return g_strconcat ("_rels/", source, ".rels", NULL);
  return g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - source), source, slash + 1);
}

/* Reads the relationships of @source: id → resolved target, for the internal ones; and
 * notes the first target of each type ending in one of @types into @by_type. */
static GHashTable *
read_relationships (LlwXlsx     *self,
                    const char  *source,
                    GError     **error)
{
  g_autofree char *path = rels_path (source);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  LlwXmlPart part;
  int rc;

  if (!has_entry (self, path))
    return g_steal_pointer (&targets);
  if (!llw_xml_part_open (self, path, &part, error))
    return NULL;

  while ((rc = llw_xml_part_next (&part, error)) == 1)
    if (llw_xml_part_is (&part, "Relationship"))
      {
        g_autofree char *id = llw_xml_part_attribute (&part, "Id");
        g_autofree char *type = llw_xml_part_attribute (&part, "Type");
        g_autofree char *target = llw_xml_part_attribute (&part, "Target");
        g_autofree char *mode = llw_xml_part_attribute (&part, "TargetMode");
        char *resolved;

        if (id == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
          continue;
        resolved = resolve_target (source, target);
        if (resolved == NULL)
          continue;
        /* Also kept by type, "type:/worksheet" → the first target of that type. */
        if (type != NULL)
          {
            g_autofree char *key = g_strconcat ("type:", strrchr (type, '/') ? strrchr (type, '/')
                                                                            : type, NULL);

            if (!g_hash_table_contains (targets, key))
              g_hash_table_insert (targets, g_steal_pointer (&key), g_strdup (resolved));
          }
        g_hash_table_insert (targets, g_steal_pointer (&id), resolved);
      }
  llw_xml_part_close (&part);
  return rc < 0 ? NULL : g_steal_pointer (&targets);
}

/* Returns: (transfer full): the content type of the part at @path, from its override or
 *   its extension's default; %NULL when the package gives none */
static char *
content_type (LlwXlsx     *self,
              const char  *path,
              GError     **error)
{
  g_autofree char *extension = NULL;
  g_autofree char *by_default = NULL;
  char *override = NULL;
  LlwXmlPart part;
  int rc;

  extension = g_strdup (strrchr (path, '.') ? strrchr (path, '.') + 1 : "");
  if (!llw_xml_part_open (self, "[Content_Types].xml", &part, error))
    return NULL;

  while (override == NULL && (rc = llw_xml_part_next (&part, error)) == 1)
    {
      g_autofree char *type = llw_xml_part_attribute (&part, "ContentType");

      if (llw_xml_part_is (&part, "Override"))
        {
          g_autofree char *name = llw_xml_part_attribute (&part, "PartName");

          if (name != NULL && g_ascii_strcasecmp (name[0] == '/' ? name + 1 : name, path) == 0)
            override = g_steal_pointer (&type);
        }
      else if (llw_xml_part_is (&part, "Default") && by_default == NULL)
        {
          g_autofree char *ext = llw_xml_part_attribute (&part, "Extension");

          if (ext != NULL && g_ascii_strcasecmp (ext, extension) == 0)
            by_default = g_steal_pointer (&type);
        }
    }
  llw_xml_part_close (&part);
  if (override == NULL && rc < 0)
    return NULL;
  return override != NULL ? override : g_strdup (by_default ? by_default : "");
}

/* The main part must be a workbook: other Office files and binary workbooks are refused
 * with what to do about them. */
static gboolean
check_main_type (const char  *type,
                 GError     **error)
{
  if (strstr (type, "spreadsheetml.sheet.main") != NULL ||
      strstr (type, "spreadsheetml.template.main") != NULL ||
      strstr (type, "ms-excel.sheet.macroEnabled.main") != NULL ||
      strstr (type, "ms-excel.template.macroEnabled.main") != NULL)
    return TRUE;
  if (strstr (type, "ms-excel.sheet.binary") != NULL)
    return refuse (error, LLW_XLSX_ERROR_NOT_WORKBOOK,
                   _("This is an Excel binary workbook (.xlsb). Open it in Excel and save it as "
                     "“Excel Workbook (.xlsx)”, then import the new file."));
  if (strstr (type, "wordprocessingml") != NULL)
    return refuse (error, LLW_XLSX_ERROR_NOT_WORKBOOK,
                   _("This is a Word document, not a workbook. The form must come back as "
                     "“Excel Workbook (.xlsx)”."));
  return refuse (error, LLW_XLSX_ERROR_NOT_WORKBOOK,
                 NOT_WORKBOOK);
}

/* An OpenDocument file names its kind in its first entry, "mimetype". */
static gboolean
refuse_opendocument (LlwXlsx  *self,
                     GError  **error)
{
  g_autoptr(GsfInput) mimetype = llw_xlsx_open_entry (self, "mimetype");
  char kind[64] = "";
  gsf_off_t size = mimetype ? gsf_input_size (mimetype) : 0;

  if (size > 0 && size < (gsf_off_t) sizeof kind)
    gsf_input_read (mimetype, (size_t) size, (guint8 *) kind);
  if (strstr (kind, "opendocument.spreadsheet") != NULL)
    return refuse (error, LLW_XLSX_ERROR_NOT_WORKBOOK,
                   _("This is an OpenDocument spreadsheet (.ods). Open it and save it as "
                     "“Excel 2007-365 (.xlsx)” (in Excel: “Excel Workbook (.xlsx)”), then "
                     "import the new file."));
  return refuse (error, LLW_XLSX_ERROR_NOT_WORKBOOK,
                 NOT_WORKBOOK);
}

/* ---- The workbook ---- */

static void
add_sheet (LlwXlsx    *self,
           LlwXmlPart *part,
           GHashTable *targets)
{
  g_autofree char *name = llw_xml_part_attribute (part, "name");
  g_autofree char *id = llw_xml_part_attribute (part, "id");
  const char *path = id ? g_hash_table_lookup (targets, id) : NULL;
  LlwXlsxSheetInfo *info;

  if (name == NULL || path == NULL)
    return;
  info = g_new0 (LlwXlsxSheetInfo, 1);
  info->name = llw_text_normalize (name);
  info->path = g_strdup (path);
  g_ptr_array_add (self->sheet_infos, info);
}

static gboolean
add_defined_name (LlwXlsx     *self,
                  LlwXmlPart  *part,
                  GError     **error)
{
  g_autofree char *name = llw_xml_part_attribute (part, "name");
  g_autofree char *local = llw_xml_part_attribute (part, "localSheetId");
  char *reference = llw_xml_part_text (part, error);

  if (reference == NULL)
    return FALSE;
  /* A name of one sheet only (print titles) never hides a workbook's name. */
  if (name != NULL && (local == NULL || !g_hash_table_contains (self->names, name)))
    g_hash_table_insert (self->names, g_utf8_casefold (name, -1), reference);
  else
    g_free (reference);
  return TRUE;
}

static gboolean
read_workbook (LlwXlsx     *self,
               const char  *path,
               GError     **error)
{
  g_autoptr(GHashTable) targets = read_relationships (self, path, error);
  LlwXmlPart part;
  int rc;

  if (targets == NULL || !llw_xml_part_open (self, path, &part, error))
    return FALSE;

  while ((rc = llw_xml_part_next (&part, error)) == 1)
    {
      if (llw_xml_part_is (&part, "workbookPr"))
        {
          g_autofree char *date1904 = llw_xml_part_attribute (&part, "date1904");

          self->date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
        }
      else if (llw_xml_part_is (&part, "sheet"))
        add_sheet (self, &part, targets);
      else if (llw_xml_part_is (&part, "definedName") && !add_defined_name (self, &part, error))
        {
          rc = -1;
          break;
        }
    }
  llw_xml_part_close (&part);

  self->strings_path = g_strdup (g_hash_table_lookup (targets, "type:/sharedStrings"));
  if (self->strings_path != NULL && !has_entry (self, self->strings_path))
    g_clear_pointer (&self->strings_path, g_free);
  if (rc == 0 && self->sheet_infos->len == 0)
    return llw_xlsx_damaged (error, _("it has no sheets"));
  return rc == 0;
}

/* Custom document properties: <property name="…"><vt:lpwstr>value</vt:lpwstr></property>. */
static gboolean
read_properties (LlwXlsx     *self,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *name = NULL;
  LlwXmlPart part;
  int rc;

  if (!has_entry (self, path))
    return TRUE;
  if (!llw_xml_part_open (self, path, &part, error))
    return FALSE;

  while ((rc = llw_xml_part_next (&part, error)) == 1)
    {
      int depth = xmlTextReaderDepth (part.reader);

      if (llw_xml_part_is (&part, "property"))
        {
          g_free (name);
          name = llw_xml_part_attribute (&part, "name");
        }
      else if (name != NULL && depth == 2 &&
               xmlTextReaderNodeType (part.reader) == XML_READER_TYPE_ELEMENT)
        {
          g_autofree char *value = llw_xml_part_text (&part, error);

          if (value == NULL)
            {
              rc = -1;
              break;
            }
          g_hash_table_insert (self->properties, g_steal_pointer (&name),
                               llw_text_normalize (value));
        }
    }
  llw_xml_part_close (&part);
  return rc == 0;
}

static gboolean
read_package (LlwXlsx  *self,
              GError  **error)
{
  g_autofree char *type = NULL;
  g_autoptr(GHashTable) root = NULL;
  const char *main_part;
  const char *custom;

  if (!has_entry (self, "[Content_Types].xml"))
    return has_entry (self, "mimetype") ? refuse_opendocument (self, error)
                                        : refuse (error, LLW_XLSX_ERROR_NOT_WORKBOOK,
                                                  NOT_WORKBOOK);

  root = read_relationships (self, "", error);
  if (root == NULL)
    return FALSE;
  main_part = g_hash_table_lookup (root, "type:/officeDocument");
  if (main_part == NULL || !has_entry (self, main_part))
    return llw_xlsx_damaged (error, _("it has no main part"));

  type = content_type (self, main_part, error);
  if (type == NULL || !check_main_type (type, error))
    return FALSE;

  custom = g_hash_table_lookup (root, "type:/custom-properties");
  return read_workbook (self, main_part, error) &&
         (custom == NULL || read_properties (self, custom, error));
}

/* libgsf registers its types when they are first used, in a way that is not safe on two
 * threads at once ("glib dynamic types are not thread safe", says its header): gsf_init ()
 * registers all of them, here once, with libxml2's parser, before any workbook is read. */
static gpointer
init_readers (gpointer data)
{
  gsf_init ();
  xmlInitParser ();
  return NULL;
}

/**
 * llw_xlsx_init:
 *
 * Readies libgsf and libxml2 for use on several threads at once: to call before threads
 * that read or check workbooks start. llw_xlsx_open () calls it too.
 */
void
llw_xlsx_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_readers, NULL);
}

/**
 * llw_xlsx_open:
 * @bytes: the whole file
 *
 * Opens an .xlsx workbook: its list of sheets, defined names and custom properties. Other
 * files (.xls, .ods, .xlsb, an encrypted workbook, anything renamed) are refused with a
 * message that says what to do, in LLW_XLSX_ERROR_NOT_WORKBOOK.
 *
 * Returns: (transfer full): the workbook, or %NULL with @error set
 */
LlwXlsx *
llw_xlsx_open (GBytes  *bytes,
               GError **error)
{
  g_autoptr(LlwXlsx) self = g_new0 (LlwXlsx, 1);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GError) zip_error = NULL;
  llw_xlsx_init ();
  self->bytes = g_bytes_ref (bytes);
  self->budget = LLW_XLSX_MAX_TOTAL;
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->properties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->sheet_infos = g_ptr_array_new_with_free_func (sheet_info_free);
  self->sheets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) llw_xlsx_sheet_free);
  self->input = gsf_input_memory_new (data, (gsf_off_t) size, FALSE);

  if (size >= 8 && memcmp (data, OLE_MAGIC, 8) == 0)
    {
      refuse_ole (self, error);
      return NULL;
    }
  if (size < 4 || memcmp (data, ZIP_MAGIC, 2) != 0)
    {
      refuse (error, LLW_XLSX_ERROR_NOT_WORKBOOK, NOT_WORKBOOK);
      return NULL;
    }

  if (!has_impossible_dates (data, size))
    self->zip = gsf_infile_zip_new (self->input, &zip_error);
  if (self->zip == NULL)
    {
      llw_xlsx_damaged (error, _("its ZIP container is broken"));
      return NULL;
    }
  if (!index_entries (self, self->zip, "", 0, error) || !read_package (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Whether dates are counted from 1904 (as some Mac workbooks do) rather than 1900. */
gboolean
llw_xlsx_is_1904 (LlwXlsx *self)
{
  return self->date1904;
}

/* Returns: (transfer none) (nullable): the custom document property @name */
const char *
llw_xlsx_get_property (LlwXlsx    *self,
                       const char *name)
{
  return g_hash_table_lookup (self->properties, name);
}

/* Reads "Sheet!$A$1" or "'Báo cáo'!$A$1:$B$2". Returns: (transfer full): the sheet name. */
static char *
parse_reference (const char   *text,
                 LlwXlsxRange *range)
{
  g_autoptr(GString) sheet = g_string_new (NULL);
  const char *p = text;
  g_auto(GStrv) cells = NULL;

  if (*p == '=')
    p++;
  if (*p == '\'')
    {
      for (p++; *p != '\0' && !(p[0] == '\'' && p[1] != '\''); p++)
        {
          g_string_append_c (sheet, *p);
          if (p[0] == '\'')
            p++;
        }
      if (*p++ != '\'')
        return NULL;
    }
  else
    while (*p != '\0' && *p != '!')
      g_string_append_c (sheet, *p++);
  if (*p++ != '!')
    return NULL;

  cells = g_strsplit (p, ":", -1);
  if (g_strv_length (cells) < 1 || g_strv_length (cells) > 2 ||
      !llw_xlsx_parse_cell (cells[0], &range->first_row, &range->first_col))
    return NULL;
  if (cells[1] == NULL)
    {
      range->last_row = range->first_row;
      range->last_col = range->first_col;
    }
  else if (!llw_xlsx_parse_cell (cells[1], &range->last_row, &range->last_col) ||
           range->last_row < range->first_row || range->last_col < range->first_col)
    return NULL;
  return llw_text_normalize (sheet->str);
}

/**
 * llw_xlsx_find_name:
 * @name: a defined name, in any case
 * @range: (out): the cells it refers to
 *
 * Returns: (transfer none) (nullable): the sheet @name refers to, with @range set; %NULL
 *   when the workbook has no such name, or when it no longer refers to a sheet's cells
 *   (#REF! after they were deleted)
 */
const char *
llw_xlsx_find_name (LlwXlsx      *self,
                    const char   *name,
                    LlwXlsxRange *range)
{
  g_autofree char *key = g_utf8_casefold (name, -1);
  const char *reference = g_hash_table_lookup (self->names, key);
  g_autofree char *sheet = NULL;
  g_autofree char *sheet_key = NULL;

  if (reference == NULL || (sheet = parse_reference (reference, range)) == NULL)
    return NULL;
  sheet_key = g_utf8_casefold (sheet, -1);
  for (guint i = 0; i < self->sheet_infos->len; i++)
    {
      LlwXlsxSheetInfo *info = self->sheet_infos->pdata[i];
      g_autofree char *info_key = g_utf8_casefold (info->name, -1);

      if (g_str_equal (info_key, sheet_key))
        return info->name;
    }
  return NULL;
}

/**
 * llw_xlsx_get_sheet:
 * @name: a sheet's name, in any case
 *
 * Returns: (transfer none) (nullable): the sheet's cells, read on first use; %NULL when
 *   there is no such sheet (@error unset) or it cannot be read (@error set)
 */
LlwXlsxSheet *
llw_xlsx_get_sheet (LlwXlsx     *self,
                    const char  *name,
                    GError     **error)
{
  g_autofree char *key = g_utf8_casefold (name, -1);
  LlwXlsxSheet *sheet = g_hash_table_lookup (self->sheets, key);

  if (sheet != NULL)
    return sheet;
  for (guint i = 0; i < self->sheet_infos->len; i++)
    {
      LlwXlsxSheetInfo *info = self->sheet_infos->pdata[i];
      g_autofree char *info_key = g_utf8_casefold (info->name, -1);

      if (!g_str_equal (info_key, key))
        continue;
      sheet = llw_xlsx_sheet_load (self, info->name, info->path, error);
      if (sheet != NULL)
        g_hash_table_insert (self->sheets, g_steal_pointer (&key), sheet);
      return sheet;
    }
  return NULL;
}
