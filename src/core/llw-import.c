/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "llw-change-plan.h"
#include "llw-csv.h"
#include "llw-database-private.h"
#include "llw-date.h"
#include "llw-figures.h"
#include "llw-file.h"
#include "llw-import.h"
#include "llw-text.h"
#include "llw-types.h"

/* Report figures from a CSV file (DESIGN.md, "Import format"). The whole file is checked
 * first; only a file without a single problem is written, in one transaction. */

#define MAX_FILE_SIZE (256 * 1024 * 1024)
#define MAX_PROBLEMS 200

/* Columns that are not indicators. */
enum {
  COLUMN_UNIT,
  COLUMN_RECEIVED,
  COLUMN_DOCUMENT,
  COLUMN_CHANNEL,
  COLUMN_THEME,
  N_FIXED
};

static const char *const fixed_names[N_FIXED] = {
  "unit", "received_date", "document_number", "channel", "theme",
};

/* One row of the file, checked. */
typedef struct
{
  guint line;
  gint64 unit_id;
  char *received;       /* ISO */
  char *document;       /* NULL: column absent */
  char *channel;        /* NULL: column absent */
  gint64 theme_id;      /* -1: column absent, 0: empty */
  double *values;       /* per indicator column */
  gboolean *reported;
} Row;

struct _LlwImport
{
  GObject parent_instance;

  LlwDatabase *db;
  LlwCampaign *campaign;
  GHashTable *indicators;     /* code → Indicator of the campaign, see llw-database-reports.c */
  guint n_columns;            /* of the header */
  int fixed[N_FIXED];         /* column of each fixed name, -1 when absent */
  GPtrArray *codes;           /* indicator codes of the indicator columns, in order */
  GPtrArray *code_indicators; /* their LlwIndicatorInfo, looked up once */
  GArray *code_columns;       /* their columns in the file */
  GArray *rows;               /* Row */
  GPtrArray *problems;        /* char *, "Line 3, column “A1”: …" */
  GPtrArray *inserts;         /* [n]: a statement inserting n figures at once */
  GHashTable *reported;       /* unit id of every report already received, during apply */
  GArray *created;            /* gint64: reports created whose history line is not written */
  GHashTable *unit_names;     /* unit id → name, of the units the file may name */
  GHashTable *theme_titles;   /* theme id → title, of the campaign's themes */
  LlwChangePlan *plan;        /* what the last apply changed, or would change */
  GCancellable *cancellable;  /* of the apply running on a worker thread */
  GDate today;                /* the day today_iso was made for */
  char *today_iso;
  guint n_problems;
};

G_DEFINE_FINAL_TYPE (LlwImport, llw_import, G_TYPE_OBJECT)

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->received);
  g_free (row->document);
  g_free (row->channel);
  g_free (row->values);
  g_free (row->reported);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
llw_import_finalize (GObject *object)
{
  LlwImport *self = (LlwImport *) object;

  g_clear_object (&self->db);
  g_clear_object (&self->campaign);
  g_clear_pointer (&self->indicators, g_hash_table_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->code_indicators, g_ptr_array_unref);
  g_clear_pointer (&self->today_iso, g_free);
  g_clear_pointer (&self->code_columns, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->inserts, g_ptr_array_unref);
  g_clear_pointer (&self->reported, g_hash_table_unref);
  g_clear_pointer (&self->created, g_array_unref);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  g_clear_pointer (&self->theme_titles, g_hash_table_unref);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (llw_import_parent_class)->finalize (object);
}

static void
llw_import_class_init (LlwImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = llw_import_finalize;
}

static void
llw_import_init (LlwImport *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->inserts = g_ptr_array_new_with_free_func (finalize_statement);
  self->codes = g_ptr_array_new ();
  self->code_indicators = g_ptr_array_new ();
  self->code_columns = g_array_new (FALSE, FALSE, sizeof (int));
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  self->created = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_set_clear_func (self->rows, row_clear);
  self->unit_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->theme_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/**
 * llw_import_new:
 * @db: the database
 * @campaign: the campaign whose reports the file brings
 *
 * Returns: (transfer full): an import, to read a file into and then apply
 */
LlwImport *
llw_import_new (LlwDatabase *db,
                LlwCampaign *campaign)
{
  LlwImport *self;

  g_return_val_if_fail (LLW_IS_DATABASE (db) && LLW_IS_CAMPAIGN (campaign), NULL);

  self = g_object_new (LLW_TYPE_IMPORT, NULL);
  self->db = g_object_ref (db);
  self->campaign = g_object_ref (campaign);
  return self;
}

static void
add_problem (LlwImport  *self,
             guint       line,
             const char *column,
             const char *message)
{
  self->n_problems++;
  if (self->problems->len >= MAX_PROBLEMS)
    return;
  if (column != NULL)
    g_ptr_array_add (self->problems, g_strdup_printf (_("Line %u, column “%s”: %s"), line,
                                                      column, message));
  else
    g_ptr_array_add (self->problems, g_strdup_printf (_("Line %u: %s"), line, message));
}

/* Every field is text a document can hold: a character that no workbook can hold is named
 * by its line and column, whatever the column. */
static gboolean
check_characters (LlwImport    *self,
                  LlwCsvRecord *record,
                  LlwCsvRecord *header)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < record->fields->len; i++)
    {
      const char *field = g_ptr_array_index (record->fields, i);
      g_autofree char *column = NULL;
      g_autofree char *message = NULL;
      guint line, position;
      gunichar c = llw_text_find_forbidden (field, &line, &position);

      if (c == 0)
        continue;
      column = header != NULL && i < header->fields->len
               ? g_strdup (g_ptr_array_index (header->fields, i))
               : g_strdup_printf ("%u", i + 1);
      message = g_strdup_printf (_("character %u is U+%04X, which a document cannot hold; "
                                   "remove it."), position, c);
      add_problem (self, record->line + line - 1, column, message);
      ok = FALSE;
    }
  return ok;
}

/* Reads the header: every column must be a known name or an indicator code, once. */
static void
read_header (LlwImport    *self,
             LlwCsvRecord *header)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint f = 0; f < N_FIXED; f++)
    self->fixed[f] = -1;

  for (guint i = 0; i < header->fields->len; i++)
    {
      g_autofree char *name = llw_text_normalize (g_ptr_array_index (header->fields, i));
      g_autofree char *lower = g_ascii_strdown (name, -1);
      g_autofree char *upper = g_ascii_strup (name, -1);
      LlwIndicatorInfo *indicator = g_hash_table_lookup (self->indicators, upper);
      int fixed = -1;

      for (guint f = 0; f < N_FIXED; f++)
        if (g_str_equal (lower, fixed_names[f]))
          fixed = (int) f;

      if (*name == '\0')
        add_problem (self, header->line, NULL, _("a column has no name."));
      else if (!g_hash_table_add (seen, g_strdup (indicator ? indicator->code : lower)) ||
               (fixed >= 0 && self->fixed[fixed] >= 0))
        add_problem (self, header->line, name, _("this column appears twice."));
      else if (fixed >= 0)
        self->fixed[fixed] = (int) i;
      else if (indicator != NULL)
        {
          int column = (int) i;

          g_ptr_array_add (self->codes, indicator->code);
          g_ptr_array_add (self->code_indicators, indicator);
          g_array_append_val (self->code_columns, column);
        }
      else
        add_problem (self, header->line, name,
                     _("unknown column: neither unit, received_date, document_number, channel, "
                       "theme nor an indicator code of this campaign."));
    }

  if (self->fixed[COLUMN_UNIT] < 0)
    add_problem (self, header->line, NULL, _("the column “unit” is missing."));
  if (self->fixed[COLUMN_RECEIVED] < 0)
    add_problem (self, header->line, NULL, _("the column “received_date” is missing."));
}

/* The names a file may give a unit (its name or code) and a theme (its number or title),
 * compared after normalisation and case folding. */
typedef struct
{
  GHashTable *units;    /* name key or folded code → unit id */
  GHashTable *themes;   /* number or title key → theme id */
  GHashTable *reported; /* unit id of every report the campaign holds */
} Lookup;

static void
lookup_clear (Lookup *lookup)
{
  g_clear_pointer (&lookup->units, g_hash_table_unref);
  g_clear_pointer (&lookup->themes, g_hash_table_unref);
  g_clear_pointer (&lookup->reported, g_hash_table_unref);
}

/* Fills @table with the names a file may give a record (the name key of the statement's
 * second and third columns) → its id, and @names with its id → the second column, which is
 * how the plan names it. */
static gboolean
fill_table (LlwImport   *self,
            GHashTable  *table,
            GHashTable  *names,
            const char  *sql,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, llw_campaign_get_id (self->campaign));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (int c = 1; c <= 2; c++)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, c);

          if (name != NULL && *name != '\0')
            g_hash_table_insert (table, llw_text_name_key (name), g_memdup2 (&id, sizeof id));
        }
      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), llw_stmt_dup_text (stmt, 1));
    }
  return TRUE;
}

static gboolean
fill_reported (LlwImport   *self,
               GHashTable  *reported,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = llw_database_prepare (self->db, "SELECT unit_id FROM report "
                                                       "WHERE campaign_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, llw_campaign_get_id (self->campaign));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (reported, g_memdup2 (&id, sizeof id));
    }
  return TRUE;
}

static gboolean
lookup_load (LlwImport  *self,
             Lookup     *lookup,
             GError    **error)
{
  lookup->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookup->themes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookup->reported = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  return fill_table (self, lookup->units, self->unit_names,
                     "SELECT u.id, u.name, u.code FROM assignment a "
                     "JOIN unit u ON u.id = a.unit_id WHERE a.campaign_id = ?", error) &&
         fill_table (self, lookup->themes, self->theme_titles,
                     "SELECT id, title, position FROM theme WHERE campaign_id = ?", error) &&
         fill_reported (self, lookup->reported, error);
}

static gint64
find_id (GHashTable *table,
         const char *text)
{
  g_autofree char *key = llw_text_name_key (text);
  gint64 *id = g_hash_table_lookup (table, key);

  return id != NULL ? *id : 0;
}

/* Channels as the office writes them in a file: the stored word or its Vietnamese name. */
static const char *
find_channel (const char *text)
{
  static const char *const names[][3] = {
    { "email", "thư điện tử", "e-mail" },
    { "post", "bưu điện", "bưu chính" },
    { "hand", "nộp trực tiếp", "trực tiếp" },
    { "online", "trực tuyến", "phần mềm" },
  };
  g_autofree char *key = llw_text_name_key (text);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint j = 0; j < 3; j++)
      if (g_str_equal (key, names[i][j]))
        return names[i][0];
  return NULL;
}

static const char *
field_at (LlwCsvRecord *record,
          int           column)
{
  return column >= 0 ? g_ptr_array_index (record->fields, column) : NULL;
}

/* Checks the received date as the report form does: a real date, not before the Week,
 * not in the future. */
static char *
check_received (LlwImport  *self,
                const char *text,
                const char **problem)
{
  const char *start = llw_campaign_get_text (self->campaign, LLW_CAMPAIGN_START_DATE);
  GDate date, today;

  if (text == NULL || !llw_date_parse (text, &date))
    {
      *problem = _("enter the date as dd/mm/yyyy, such as 21/10/2021.");
      return NULL;
    }

  /* Today's date as text is made again only when the day changes, not for each row. */
  llw_date_today (&today);
  if (self->today_iso == NULL || g_date_compare (&today, &self->today) != 0)
    {
      self->today = today;
      g_free (self->today_iso);
      self->today_iso = llw_date_to_iso (&today);
    }
  {
    g_autofree char *iso = llw_date_to_iso (&date);

    if (g_strcmp0 (iso, start) < 0)
      *problem = _("the date is before the Week started.");
    else if (g_strcmp0 (iso, self->today_iso) > 0)
      *problem = _("the date has not come yet.");
    else
      return g_steal_pointer (&iso);
  }
  return NULL;
}

static void
read_figures (LlwImport    *self,
              LlwCsvRecord *record,
              Row          *row)
{
  row->values = g_new0 (double, self->codes->len);
  row->reported = g_new0 (gboolean, self->codes->len);

  for (guint i = 0; i < self->codes->len; i++)
    {
      const char *code = g_ptr_array_index (self->codes, i);
      LlwIndicatorInfo *indicator = g_ptr_array_index (self->code_indicators, i);
      const char *text = field_at (record, g_array_index (self->code_columns, int, i));
      g_autoptr(GError) error = NULL;

      if (!llw_figure_parse (text, indicator->decimals, &row->values[i], &row->reported[i],
                             &error))
        add_problem (self, record->line, code, error->message);
    }
}

static void
read_row (LlwImport    *self,
          Lookup       *lookup,
          GHashTable   *unit_lines,
          LlwCsvRecord *header,
          LlwCsvRecord *record)
{
  Row row = { record->line, 0, NULL, NULL, NULL, -1, NULL, NULL };
  const char *unit, *channel, *theme;
  const char *problem = NULL;
  gpointer other_line;

  /* Only a line as wide as the header has the fields the header names. */
  if (record->fields->len != self->n_columns)
    {
      g_autofree char *message =
        g_strdup_printf (_("the line has %u fields where the header has %u."),
                         record->fields->len, self->n_columns);

      add_problem (self, record->line, NULL, message);
      return;
    }

  check_characters (self, record, header);
  unit = field_at (record, self->fixed[COLUMN_UNIT]);
  channel = field_at (record, self->fixed[COLUMN_CHANNEL]);
  theme = field_at (record, self->fixed[COLUMN_THEME]);

  row.unit_id = find_id (lookup->units, unit);
  if (row.unit_id == 0)
    add_problem (self, record->line, "unit",
                 _("no unit of this campaign has this name or code."));
  else if (g_hash_table_lookup_extended (unit_lines, &row.unit_id, NULL, &other_line))
    {
      g_autofree char *message = g_strdup_printf (_("the unit is already on line %u."),
                                                  GPOINTER_TO_UINT (other_line));

      add_problem (self, record->line, "unit", message);
    }
  else
    g_hash_table_insert (unit_lines, g_memdup2 (&row.unit_id, sizeof row.unit_id),
                         GUINT_TO_POINTER (record->line));

  row.received = check_received (self, field_at (record, self->fixed[COLUMN_RECEIVED]),
                                 &problem);
  if (row.received == NULL)
    add_problem (self, record->line, "received_date", problem);

  if (self->fixed[COLUMN_DOCUMENT] >= 0)
    {
      g_autoptr(GError) error = NULL;

      row.document = llw_text_normalize (field_at (record, self->fixed[COLUMN_DOCUMENT]));
      if (!llw_text_check (row.document, LLW_TEXT_MAX_LINE, &error))
        add_problem (self, record->line, "document_number", error->message);
    }

  /* An empty cell keeps the report's channel; a new report needs one. */
  if (channel != NULL && *channel != '\0' && (channel = find_channel (channel)) == NULL)
    add_problem (self, record->line, "channel",
                 _("write one of: thư điện tử, bưu điện, nộp trực tiếp, trực tuyến."));
  else if (channel != NULL && *channel != '\0')
    row.channel = g_strdup (channel);
  else if (channel != NULL && row.unit_id != 0 &&
           !g_hash_table_contains (lookup->reported, &row.unit_id))
    add_problem (self, record->line, "channel",
                 _("the channel is empty and this unit has no report yet: write how the "
                   "report came (thư điện tử, bưu điện, nộp trực tiếp or trực tuyến)."));

  if (theme != NULL)
    {
      row.theme_id = *theme == '\0' ? 0 : find_id (lookup->themes, theme);
      if (row.theme_id == 0 && *theme != '\0')
        add_problem (self, record->line, "theme",
                     _("no theme of this campaign has this number or title."));
    }

  read_figures (self, record, &row);
  g_array_append_val (self->rows, row);
}

/**
 * llw_import_read:
 * @data: the CSV file's contents
 * @length: their length
 *
 * Reads and checks the whole file against the campaign. Nothing is written.
 *
 * Returns: %TRUE if the file can be applied; %FALSE with @error set when it cannot, and
 *   then llw_import_get_problems () lists every problem by line and column
 */
gboolean
llw_import_read (LlwImport   *self,
                 const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) unit_lines = NULL;
  g_autoptr(GError) local_error = NULL;
  Lookup lookup = { NULL, NULL };

  g_return_val_if_fail (LLW_IS_IMPORT (self), FALSE);

  self->indicators = llw_database_load_indicators (self->db, llw_campaign_get_id (self->campaign),
                                                   error);
  if (self->indicators == NULL || !lookup_load (self, &lookup, error))
    {
      lookup_clear (&lookup);
      return FALSE;
    }

  records = llw_csv_parse (data, length, &local_error);
  if (records == NULL)
    {
      g_ptr_array_add (self->problems, g_strdup (local_error->message));
      self->n_problems++;
    }
  else if (records->len == 0)
    add_problem (self, 1, NULL, _("the file is empty."));
  else
    {
      LlwCsvRecord *header = g_ptr_array_index (records, 0);

      gboolean header_ok;

      self->n_columns = header->fields->len;
      if (check_characters (self, header, NULL))
        read_header (self, header);
      header_ok = self->n_problems == 0;
      if (records->len == 1)
        add_problem (self, header->line, NULL, _("the file has a header but no rows."));

      /* Rows cannot be read under a wrong header; under a good one, every row is read so
       * that every problem of the file is listed at once. */
      unit_lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 1; header_ok && i < records->len; i++)
        read_row (self, &lookup, unit_lines, header, g_ptr_array_index (records, i));
    }
  lookup_clear (&lookup);

  if (self->n_problems > 0)
    {
      g_set_error (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file has %u problem and was not imported; nothing changed.",
                                "The file has %u problems and was not imported; nothing changed.",
                                self->n_problems),
                   self->n_problems);
      return FALSE;
    }
  return TRUE;
}

/* Reads the file at @path, an ordinary file of at most 256 MB, and checks it; see
 * llw_import_read (). */
gboolean
llw_import_read_file (LlwImport   *self,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LLW_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = llw_file_read_input (path, MAX_FILE_SIZE, &local_error);
  if (bytes == NULL)
    {
      g_set_error_literal (error, LLW_DATABASE_ERROR,
                           g_error_matches (local_error, LLW_FILE_ERROR, LLW_FILE_ERROR_TOO_LARGE)
                             ? LLW_DATABASE_ERROR_INVALID : LLW_DATABASE_ERROR_OPEN,
                           local_error->message);
      return FALSE;
    }

  return llw_import_read (self, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                          error);
}

/* Returns: (transfer none) (element-type utf8): the problems found by the read, at most 200;
 *   llw_import_describe () says how many there were in all. */
GPtrArray *
llw_import_get_problems (LlwImport *self)
{
  g_return_val_if_fail (LLW_IS_IMPORT (self), NULL);

  return self->problems;
}

guint
llw_import_get_n_rows (LlwImport *self)
{
  g_return_val_if_fail (LLW_IS_IMPORT (self), 0);

  return self->rows->len;
}

/* The statements of the apply, run once per row. */
static const char find_sql[] =
  "SELECT id, received_date, document_number, channel, coalesce (theme_id, 0) FROM report "
  "WHERE campaign_id = ? AND unit_id = ?";
static const char insert_sql[] =
  "INSERT INTO report (campaign_id, unit_id, received_date, channel, document_number, "
  "theme_id) VALUES (?, ?, ?, ?, ?, ?)";
static const char values_sql[] =
  "SELECT indicator_id, value FROM report_value WHERE report_id = ? AND value IS NOT NULL";
static const char set_value_sql[] =
  "INSERT OR REPLACE INTO report_value (report_id, indicator_id, value) VALUES (?, ?, ?)";
static const char clear_value_sql[] =
  "DELETE FROM report_value WHERE report_id = ? AND indicator_id = ?";
static const char *const update_sql[] = {
  NULL,
  "UPDATE report SET received_date = ?2 WHERE id = ?1",
  "UPDATE report SET document_number = ?2 WHERE id = ?1",
  "UPDATE report SET channel = ?2 WHERE id = ?1",
  "UPDATE report SET theme_id = nullif (?2, '0') WHERE id = ?1",
};
static const char *const report_columns[] = {
  NULL, "received_date", "document_number", "channel", "theme_id",
};

static gboolean
run (LlwImport     *self,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  return stmt != NULL && llw_database_step_done (self->db, stmt, error);
}

static const char *
unit_name (LlwImport *self,
           gint64     unit_id)
{
  const char *name = g_hash_table_lookup (self->unit_names, &unit_id);

  return name != NULL ? name : "";
}

/* A report field's stored value as the user reads it: dates dd/mm/yyyy, the channel's and
 * the theme's names. */
static char *
field_text (LlwImport  *self,
            guint       column,
            const char *value)
{
  gint64 theme_id;

  if (value == NULL || *value == '\0')
    return NULL;
  switch (column)
    {
    case COLUMN_RECEIVED:
      return llw_date_format (value);
    case COLUMN_CHANNEL:
      return g_strdup (llw_channel_to_label (llw_channel_from_string (value)));
    case COLUMN_THEME:
      theme_id = g_ascii_strtoll (value, NULL, 10);
      return theme_id > 0 ? g_strdup (g_hash_table_lookup (self->theme_titles, &theme_id))
                          : NULL;
    default:
      return g_strdup (value);
    }
}

static void
plan_field (LlwImport  *self,
            guint       column,
            const char *old_value,
            const char *new_value)
{
  const LlwField *field = llw_entity_get_field (&llw_entity_report, report_columns[column]);
  g_autofree char *before = field_text (self, column, old_value);
  g_autofree char *after = field_text (self, column, new_value);

  llw_change_plan_add_field (self->plan, llw_field_get_label (field), before, after);
}

static void
plan_figure (LlwImport         *self,
             LlwIndicatorInfo  *indicator,
             const double      *old_value,
             const double      *new_value)
{
  llw_change_plan_add_figure (self->plan, indicator->code, indicator->label,
                              indicator->decimals, old_value, new_value);
}

static LlwIndicatorInfo *
column_indicator (LlwImport *self,
                  guint      i)
{
  return g_ptr_array_index (self->code_indicators, i);
}

/* The fields a row gives, by column: NULL where the file leaves the field as it is. */
static void
row_fields (Row         *row,
            char        *theme,
            const char **given)
{
  g_snprintf (theme, 24, "%" G_GINT64_FORMAT, row->theme_id);
  given[COLUMN_UNIT] = NULL;
  given[COLUMN_RECEIVED] = row->received;
  given[COLUMN_DOCUMENT] = row->document;
  given[COLUMN_CHANNEL] = row->channel;
  given[COLUMN_THEME] = row->theme_id >= 0 ? theme : NULL;
}

/* Writes the history line of each report created since the last call, in the order they
 * were created, sixteen to a statement; called before any other line is written, so that
 * every line keeps its place (and id) in the history. */
static gboolean
log_created (LlwImport  *self,
             GError    **error)
{
  gboolean ok = llw_database_log_inserts (self->db, llw_campaign_get_id (self->campaign),
                                          "report", (const gint64 *) self->created->data,
                                          self->created->len, _("imported"), error);

  g_array_set_size (self->created, 0);
  return ok;
}

static gboolean
insert_report (LlwImport  *self,
               Row        *row,
               gint64     *report_id,
               GError    **error)
{
  sqlite3_stmt *stmt = llw_database_cached (self->db, insert_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, llw_campaign_get_id (self->campaign));
  sqlite3_bind_int64 (stmt, 2, row->unit_id);
  sqlite3_bind_text (stmt, 3, row->received, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, row->channel ? row->channel : "email", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, row->document ? row->document : "", -1, SQLITE_STATIC);
  if (row->theme_id > 0)
    sqlite3_bind_int64 (stmt, 6, row->theme_id);
  if (!run (self, stmt, error))
    return FALSE;

  *report_id = sqlite3_last_insert_rowid (self->db->db);
  g_array_append_val (self->created, *report_id);
  return self->created->len < 16 || log_created (self, error);
}

/* Returns: (transfer none): a statement that inserts @n figures in one go: a new report's
 * figures are written by one statement rather than one each, which is most of the time of
 * a large import. */
static sqlite3_stmt *
insert_statement (LlwImport  *self,
                  guint       n,
                  GError    **error)
{
  if (self->inserts->len <= n)
    g_ptr_array_set_size (self->inserts, n + 1);

  if (self->inserts->pdata[n] == NULL)
    {
      g_autoptr(GString) sql = g_string_new ("INSERT INTO report_value (report_id, "
                                             "indicator_id, value) VALUES ");

      for (guint i = 0; i < n; i++)
        g_string_append (sql, i ? ", (?1, ?, ?)" : "(?1, ?, ?)");
      self->inserts->pdata[n] = llw_database_prepare (self->db, sql->str, error);
      if (self->inserts->pdata[n] == NULL)
        return NULL;
    }

  sqlite3_reset (self->inserts->pdata[n]);
  return self->inserts->pdata[n];
}

static gboolean
insert_values (LlwImport  *self,
               Row        *row,
               gint64      report_id,
               GError    **error)
{
  sqlite3_stmt *stmt;
  guint n = 0;
  int index = 2;

  for (guint i = 0; i < self->codes->len; i++)
    n += row->reported[i];
  if (n == 0)
    return TRUE;

  stmt = insert_statement (self, n, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  for (guint i = 0; i < self->codes->len; i++)
    if (row->reported[i])
      {
        sqlite3_bind_int64 (stmt, index++, column_indicator (self, i)->id);
        sqlite3_bind_double (stmt, index++, row->values[i]);
      }

  return run (self, stmt, error);
}

/* A unit without a report: a new one, with every field and figure the file gives. */
static gboolean
create_report (LlwImport  *self,
               Row        *row,
               gboolean    dry_run,
               GError    **error)
{
  char theme[24];
  const char *given[N_FIXED];
  gint64 report_id;

  row_fields (row, theme, given);
  llw_change_plan_add_report (self->plan, row->unit_id, unit_name (self, row->unit_id),
                              LLW_REPORT_CHANGE_NEW, NULL);
  for (guint c = COLUMN_RECEIVED; c < N_FIXED; c++)
    if (given[c] != NULL && *given[c] != '\0' && !g_str_equal (given[c], "0"))
      plan_field (self, c, NULL, given[c]);
  for (guint i = 0; i < self->codes->len; i++)
    if (row->reported[i])
      plan_figure (self, column_indicator (self, i), NULL, &row->values[i]);

  return dry_run ||
         (insert_report (self, row, &report_id, error) &&
          insert_values (self, row, report_id, error));
}

static gboolean
update_field (LlwImport   *self,
              gint64       report_id,
              guint        column,
              const char  *old_value,
              const char  *new_value,
              GError     **error)
{
  sqlite3_stmt *stmt = llw_database_cached (self->db, update_sql[column], error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_text (stmt, 2, new_value, -1, SQLITE_STATIC);
  return run (self, stmt, error) &&
         llw_database_log (self->db, llw_campaign_get_id (self->campaign), "report", report_id,
                           "update", report_columns[column], old_value, new_value, error);
}

/* Returns: (transfer full): indicator id → stored figure of the report. */
static GHashTable *
load_values (LlwImport  *self,
             gint64      report_id,
             GError    **error)
{
  sqlite3_stmt *stmt = llw_database_cached (self->db, values_sql, error);
  GHashTable *values;

  if (stmt == NULL)
    return NULL;
  values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_bind_int64 (stmt, 1, report_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 indicator = sqlite3_column_int64 (stmt, 0);
      double value = sqlite3_column_double (stmt, 1);

      g_hash_table_insert (values, g_memdup2 (&indicator, sizeof indicator),
                           g_memdup2 (&value, sizeof value));
    }
  sqlite3_reset (stmt);
  return values;
}

static gboolean
log_value (LlwImport         *self,
           gint64             report_id,
           LlwIndicatorInfo  *indicator,
           const double      *old,
           const double      *value,
           GError           **error)
{
  g_autofree char *before = old ? llw_figure_format (*old, indicator->decimals) : NULL;
  g_autofree char *after = value ? llw_figure_format (*value, indicator->decimals) : NULL;

  return llw_database_log (self->db, llw_campaign_get_id (self->campaign), "report_value",
                           report_id, old ? (value ? "update" : "delete") : "insert",
                           indicator->code, before, after, error);
}

static gboolean
write_value (LlwImport         *self,
             gint64             report_id,
             LlwIndicatorInfo  *indicator,
             const double      *old,
             const double      *value,
             GError           **error)
{
  sqlite3_stmt *stmt = llw_database_cached (self->db, value ? set_value_sql : clear_value_sql,
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int64 (stmt, 2, indicator->id);
  if (value != NULL)
    sqlite3_bind_double (stmt, 3, *value);
  return run (self, stmt, error) && log_value (self, report_id, indicator, old, value, error);
}

/* What of a received report the row changes: the fields it gives that differ, by column,
 * and the figures, by indicator column. */
typedef struct
{
  gint64 report_id;
  char *received;               /* the stored received date */
  char *stored[N_FIXED];        /* the stored fields */
  gboolean field_changes[N_FIXED];
  GHashTable *values;           /* indicator id → stored figure */
  gboolean *figure_changes;
  gboolean any;
} Difference;

static void
difference_clear (Difference *difference)
{
  for (guint c = 0; c < N_FIXED; c++)
    g_free (difference->stored[c]);
  g_clear_pointer (&difference->values, g_hash_table_unref);
  g_free (difference->figure_changes);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Difference, difference_clear)

static gboolean
find_difference (LlwImport   *self,
                 Row         *row,
                 Difference  *difference,
                 GError     **error)
{
  sqlite3_stmt *found = llw_database_cached (self->db, find_sql, error);
  char theme[24];
  const char *given[N_FIXED];

  if (found == NULL)
    return FALSE;
  sqlite3_bind_int64 (found, 1, llw_campaign_get_id (self->campaign));
  sqlite3_bind_int64 (found, 2, row->unit_id);
  if (sqlite3_step (found) != SQLITE_ROW)
    {
      llw_database_set_error (self->db, error, find_sql);
      sqlite3_reset (found);
      return FALSE;
    }
  difference->report_id = sqlite3_column_int64 (found, 0);
  for (guint c = COLUMN_RECEIVED; c < N_FIXED; c++)
    difference->stored[c] = llw_stmt_dup_text (found, (int) c);
  sqlite3_reset (found);

  row_fields (row, theme, given);
  for (guint c = COLUMN_RECEIVED; c < N_FIXED; c++)
    difference->any |= difference->field_changes[c] =
      given[c] != NULL && g_strcmp0 (difference->stored[c], given[c]) != 0;

  difference->values = load_values (self, difference->report_id, error);
  if (difference->values == NULL)
    return FALSE;
  difference->figure_changes = g_new0 (gboolean, self->codes->len);
  for (guint i = 0; i < self->codes->len; i++)
    {
      const double *old = g_hash_table_lookup (difference->values, &column_indicator (self, i)->id);

      difference->any |= difference->figure_changes[i] =
        row->reported[i] ? old == NULL || *old != row->values[i] : old != NULL;
    }
  return TRUE;
}

/* A unit with a report: the fields and figures the file gives that differ from it change,
 * each with its line of history. */
static gboolean
change_report (LlwImport  *self,
               Row        *row,
               gboolean    dry_run,
               GError    **error)
{
  g_auto(Difference) difference = { 0 };
  char theme[24];
  const char *given[N_FIXED];
  gboolean ok = TRUE;

  if (!find_difference (self, row, &difference, error))
    return FALSE;
  if (!difference.any)
    return TRUE;

  row_fields (row, theme, given);
  llw_change_plan_add_report (self->plan, row->unit_id, unit_name (self, row->unit_id),
                              LLW_REPORT_CHANGE_UPDATED, difference.stored[COLUMN_RECEIVED]);
  for (guint c = COLUMN_RECEIVED; ok && c < N_FIXED; c++)
    if (difference.field_changes[c])
      {
        plan_field (self, c, difference.stored[c], given[c]);
        ok = dry_run || update_field (self, difference.report_id, c, difference.stored[c],
                                      given[c], error);
      }
  for (guint i = 0; ok && i < self->codes->len; i++)
    if (difference.figure_changes[i])
      {
        LlwIndicatorInfo *indicator = column_indicator (self, i);
        const double *old = g_hash_table_lookup (difference.values, &indicator->id);
        const double *value = row->reported[i] ? &row->values[i] : NULL;

        plan_figure (self, indicator, old, value);
        ok = dry_run || write_value (self, difference.report_id, indicator, old, value, error);
      }
  return ok;
}

/* Notes which units have a report already, so that the rows of the others, most rows of a
 * first import, go straight to an insert. */
static gboolean
load_reported (LlwImport  *self,
               GError    **error)
{
  g_clear_pointer (&self->reported, g_hash_table_unref);
  self->reported = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return fill_reported (self, self->reported, error);
}

static gboolean
apply_rows (LlwImport  *self,
            gboolean    dry_run,
            GError    **error)
{
  gboolean ok = llw_database_check_open (self->db, llw_campaign_get_id (self->campaign), error) &&
                load_reported (self, error);

  g_array_set_size (self->created, 0);  /* of an apply that failed */

  for (guint i = 0; ok && i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      /* Stopped, the transaction is rolled back: nothing is written. */
      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;

      if (g_hash_table_contains (self->reported, &row->unit_id))
        ok = (self->created->len == 0 || log_created (self, error)) &&
             change_report (self, row, dry_run, error);
      else
        ok = create_report (self, row, dry_run, error);
    }
  return ok && (self->created->len == 0 || log_created (self, error));
}

/* Whether the record @id of the statement's table (SELECT … WHERE id = ?) exists. */
static gboolean
record_exists (LlwImport     *self,
               const char    *sql,
               gint64         id,
               gboolean      *exists,
               GError       **error)
{
  sqlite3_stmt *stmt = llw_database_cached (self->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      llw_database_set_error (self->db, error, sql);
      return FALSE;
    }
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* Whether every record the rows' writes refer to is still there: the campaign, each row's
 * unit and theme, each indicator of the file. The reports themselves are the ones written. */
static gboolean
references_exist (LlwImport  *self,
                  gboolean   *exist,
                  GError    **error)
{
  gboolean ok = record_exists (self, "SELECT 1 FROM campaign WHERE id = ?",
                               llw_campaign_get_id (self->campaign), exist, error);

  for (guint i = 0; ok && *exist && i < self->codes->len; i++)
    ok = record_exists (self, "SELECT 1 FROM indicator WHERE id = ?",
                        column_indicator (self, i)->id, exist, error);
  for (guint i = 0; ok && *exist && i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      ok = record_exists (self, "SELECT 1 FROM unit WHERE id = ?", row->unit_id, exist, error);
      if (ok && *exist && row->theme_id > 0)
        ok = record_exists (self, "SELECT 1 FROM theme WHERE id = ?", row->theme_id, exist,
                            error);
    }
  return ok;
}

/* Writes the rows in one transaction. SQLite would check the foreign keys of each row it
 * writes, two lookups per figure: a million for 50,000 reports, a third of the import's
 * time. Every one of them names a report the import has just written or a record that
 * references_exist () finds once, inside the transaction, which holds the file's write lock
 * so that nothing can delete it meanwhile; then the rows are written with the checks off.
 * If a record is missing, the import runs again with the checks on, and fails as it always
 * did. Foreign keys can only be turned off outside a transaction: inside a larger one, the
 * checks stay on. */
static gboolean
write_rows (LlwImport  *self,
            GError    **error)
{
  gboolean unchecked = self->db->depth == 0;
  gboolean exist = FALSE;
  gboolean ok;

  if (unchecked && !llw_database_exec (self->db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  if (!llw_database_begin (self->db, error))
    ok = FALSE;
  else
    {
      ok = !unchecked || references_exist (self, &exist, error);
      if (ok && unchecked && !exist)
        {
          /* Rolled back; run again below, with every row checked. */
          llw_database_end (self->db, FALSE, NULL);
          ok = llw_database_exec (self->db, "PRAGMA foreign_keys = ON", error) &&
               llw_database_begin (self->db, error);
          unchecked = FALSE;
          if (!ok)
            return FALSE;
        }
      ok = ok && apply_rows (self, FALSE, error);
      ok = llw_database_end (self->db, ok, ok ? error : NULL);
    }
  if (unchecked && !llw_database_exec (self->db, "PRAGMA foreign_keys = ON", ok ? error : NULL))
    return FALSE;
  return ok;
}

/**
 * llw_import_apply:
 * @dry_run: find out what would change, and write nothing
 *
 * Creates or updates the reports of the units the file names, with their history, in one
 * transaction, and folds the database's log back into its file; llw_import_get_plan () then
 * says, unit by unit, what changed (or would have). A dry run only reads, and works on a
 * file open for reading only too. A closed campaign refuses both.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
llw_import_apply (LlwImport  *self,
                  gboolean    dry_run,
                  GError    **error)
{
  g_return_val_if_fail (LLW_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->n_problems == 0 && self->indicators != NULL, FALSE);

  g_clear_object (&self->plan);
  self->plan = llw_change_plan_new ();
  if (dry_run)
    return apply_rows (self, TRUE, error);

  if (!write_rows (self, error))
    return FALSE;

  llw_database_emit_changed (self->db, "report", 0);
  llw_database_checkpoint (self->db, TRUE, NULL);
  return TRUE;
}

static void
apply_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  LlwImport *self = source_object;
  GError *error = NULL;
  gboolean ok;

  self->cancellable = cancellable;
  ok = llw_import_apply (self, FALSE, &error);
  self->cancellable = NULL;
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * llw_import_apply_async:
 * @self: an import made on a worker's connection (llw_database_open_worker ()), which no
 *   other thread uses meanwhile
 * @cancellable: stops the import before it commits: then nothing is written
 *
 * Runs llw_import_apply () on a worker thread. The reports it changes are announced by the
 * worker's owner, on the owner's thread.
 */
void
llw_import_apply_async (LlwImport           *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LLW_IS_IMPORT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, llw_import_apply_async);
  /* Stopped too late, the import is done: that is what the caller hears. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, apply_in_thread);
}

/* Returns: %TRUE if the figures were written; else %FALSE with @error set (cancelled if it
 *   was stopped), and nothing was written */
gboolean
llw_import_apply_finish (LlwImport     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == llw_import_apply_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Returns: (transfer none) (nullable): what the last llw_import_apply () changed or would
 *   change, unit by unit; %NULL before the first. */
LlwChangePlan *
llw_import_get_plan (LlwImport *self)
{
  g_return_val_if_fail (LLW_IS_IMPORT (self), NULL);

  return self->plan;
}

/* Returns: (transfer full): what the apply changed, or would change, in plain words. */
char *
llw_import_describe (LlwImport *self,
                     gboolean   dry_run)
{
  guint created, updated, figures;

  g_return_val_if_fail (LLW_IS_IMPORT (self), NULL);

  if (self->n_problems > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u problem found; nothing was imported.",
                                         "%u problems found; nothing was imported.",
                                         self->n_problems), self->n_problems);

  g_return_val_if_fail (self->plan != NULL, NULL);
  created = llw_change_plan_count_reports (self->plan, LLW_REPORT_CHANGE_NEW);
  updated = llw_change_plan_count_reports (self->plan, LLW_REPORT_CHANGE_UPDATED);
  figures = llw_change_plan_count_figures (self->plan);
  if (dry_run)
    return g_strdup_printf (_("Would create %u reports, update %u and change %u figures. "
                              "Nothing was written."), created, updated, figures);
  return g_strdup_printf (_("Created %u reports, updated %u and changed %u figures."),
                          created, updated, figures);
}
