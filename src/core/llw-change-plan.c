/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "llw-change-plan.h"
#include "llw-date.h"
#include "llw-figures.h"

/* What an import will change, said before it writes anything: unit by unit, the report
 * created, changed or replaced, each of its fields and figures that changes (old → new) and
 * the activities added. The CSV import makes one (llw_import_get_plan ()), so does the
 * import of returned forms; the window's preview and --dry-run show it.
 *
 * To make one: llw_change_plan_add_report () for a unit, then the changes to its report
 * (add_field, add_figure, add_activity), then the next unit. Figures are kept as numbers and
 * every text once, and lines are formatted only when shown: a plan for 50,000 reports of 25
 * figures stays small, and a list shows it row by row. */

typedef enum
{
  LINE_FIELD,
  LINE_FIGURE,
  LINE_ACTIVITY,
} LineKind;

typedef struct
{
  guint8 kind;
  guint8 decimals;
  guint8 has_old;
  guint8 has_new;
  const char *subject;          /* field label, "CODE label" or activity title, in texts */
  union
  {
    struct
    {
      const char *old_text;     /* in texts; NULL for empty */
      const char *new_text;
    } field;
    struct
    {
      double old_value;
      double new_value;
    } figure;
  };
} Line;

typedef struct
{
  gint64 unit_id;
  const char *unit_name;        /* in texts */
  const char *received_before;  /* in texts: ISO date of the report replaced, or NULL */
  LlwReportChange change;
  guint first;                  /* its lines */
  guint n_lines;
} Report;

struct _LlwChangePlan
{
  GObject parent_instance;

  GArray *reports;              /* Report */
  GArray *lines;                /* Line */
  GStringChunk *texts;
  GHashTable *subjects;         /* indicator code → "CODE label", in texts */
  guint n_figures;
};

G_DEFINE_FINAL_TYPE (LlwChangePlan, llw_change_plan, G_TYPE_OBJECT)

static void
llw_change_plan_finalize (GObject *object)
{
  LlwChangePlan *self = (LlwChangePlan *) object;

  g_array_unref (self->reports);
  g_array_unref (self->lines);
  g_string_chunk_free (self->texts);
  g_hash_table_unref (self->subjects);

  G_OBJECT_CLASS (llw_change_plan_parent_class)->finalize (object);
}

static void
llw_change_plan_class_init (LlwChangePlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = llw_change_plan_finalize;
}

static void
llw_change_plan_init (LlwChangePlan *self)
{
  self->reports = g_array_new (FALSE, TRUE, sizeof (Report));
  self->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  self->texts = g_string_chunk_new (4096);
  self->subjects = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Returns: (transfer full): an empty plan. */
LlwChangePlan *
llw_change_plan_new (void)
{
  return g_object_new (LLW_TYPE_CHANGE_PLAN, NULL);
}

static const char *
keep (LlwChangePlan *self,
      const char    *text)
{
  return text != NULL && *text != '\0' ? g_string_chunk_insert_const (self->texts, text) : NULL;
}

/**
 * llw_change_plan_add_report:
 * @unit_id: the unit whose report changes
 * @unit_name: its name, as the plan shows it
 * @change: whether the report is new, changed or replaced
 * @received_before: (nullable): when the report being changed or replaced was received
 *   (YYYY-MM-DD)
 *
 * Starts the changes to a unit's report: the fields, figures and activities added next
 * belong to it.
 */
void
llw_change_plan_add_report (LlwChangePlan   *self,
                            gint64           unit_id,
                            const char      *unit_name,
                            LlwReportChange  change,
                            const char      *received_before)
{
  Report report = { unit_id, keep (self, unit_name), keep (self, received_before), change,
                    self->lines->len, 0 };

  g_return_if_fail (LLW_IS_CHANGE_PLAN (self));

  g_array_append_val (self->reports, report);
}

static void
add_line (LlwChangePlan *self,
          Line          *line)
{
  g_return_if_fail (self->reports->len > 0);

  g_array_append_vals (self->lines, line, 1);
  g_array_index (self->reports, Report, self->reports->len - 1).n_lines++;
}

/**
 * llw_change_plan_add_field:
 * @label: the field as the user knows it, such as “Received on”
 * @old_text: (nullable): its value now, as shown (dates dd/mm/yyyy); %NULL or "" if empty
 * @new_text: (nullable): its value after the import
 */
void
llw_change_plan_add_field (LlwChangePlan *self,
                           const char    *label,
                           const char    *old_text,
                           const char    *new_text)
{
  Line line = { LINE_FIELD, 0, 0, 0, keep (self, label) };

  g_return_if_fail (LLW_IS_CHANGE_PLAN (self));

  line.field.old_text = keep (self, old_text);
  line.field.new_text = keep (self, new_text);
  add_line (self, &line);
}

/* "CODE label", made once for each indicator: a plan of 50,000 reports names a figure a
 * million times. */
static const char *
figure_subject (LlwChangePlan *self,
                const char    *code,
                const char    *label)
{
  const char *subject = g_hash_table_lookup (self->subjects, code);
  gsize n = strlen (code);

  if (subject == NULL || subject[n] != ' ' || strcmp (subject + n + 1, label) != 0)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", code, label);

      subject = keep (self, text);
      g_hash_table_insert (self->subjects, g_string_chunk_insert_const (self->texts, code),
                           (char *) subject);
    }
  return subject;
}

/**
 * llw_change_plan_add_figure:
 * @code: the indicator's code, such as "A1"
 * @label: the indicator
 * @decimals: how many decimals the indicator's figures have
 * @old_value: (nullable): the figure now; %NULL if not reported
 * @new_value: (nullable): the figure after the import; %NULL if no longer reported
 */
void
llw_change_plan_add_figure (LlwChangePlan *self,
                            const char    *code,
                            const char    *label,
                            int            decimals,
                            const double  *old_value,
                            const double  *new_value)
{
  Line line = { LINE_FIGURE, (guint8) decimals, old_value != NULL, new_value != NULL };

  g_return_if_fail (LLW_IS_CHANGE_PLAN (self));
  g_return_if_fail (code != NULL && label != NULL);

  line.subject = figure_subject (self, code, label);
  line.figure.old_value = old_value ? *old_value : 0;
  line.figure.new_value = new_value ? *new_value : 0;
  add_line (self, &line);
  self->n_figures++;
}

/* Notes an activity the import adds to the report's unit. */
void
llw_change_plan_add_activity (LlwChangePlan *self,
                              const char    *title)
{
  Line line = { LINE_ACTIVITY, 0, 0, 0, keep (self, title) };

  g_return_if_fail (LLW_IS_CHANGE_PLAN (self));

  add_line (self, &line);
}

/* Returns: how many reports the plan creates, changes or replaces. */
guint
llw_change_plan_get_n_reports (LlwChangePlan *self)
{
  g_return_val_if_fail (LLW_IS_CHANGE_PLAN (self), 0);

  return self->reports->len;
}

/* Returns: how many reports the plan creates (LLW_REPORT_CHANGE_NEW), changes or
 *   replaces. */
guint
llw_change_plan_count_reports (LlwChangePlan   *self,
                               LlwReportChange  change)
{
  guint n = 0;

  g_return_val_if_fail (LLW_IS_CHANGE_PLAN (self), 0);

  for (guint i = 0; i < self->reports->len; i++)
    n += g_array_index (self->reports, Report, i).change == change;
  return n;
}

/* Returns: how many figures change, those of new reports included. */
guint
llw_change_plan_count_figures (LlwChangePlan *self)
{
  g_return_val_if_fail (LLW_IS_CHANGE_PLAN (self), 0);

  return self->n_figures;
}

static Report *
get_report (LlwChangePlan *self,
            guint          index)
{
  g_return_val_if_fail (LLW_IS_CHANGE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->reports->len, NULL);

  return &g_array_index (self->reports, Report, index);
}

/* Returns: the name of the unit of the @index-th report, in the order they were added. */
const char *
llw_change_plan_get_unit_name (LlwChangePlan *self,
                               guint          index)
{
  Report *report = get_report (self, index);

  return report != NULL && report->unit_name != NULL ? report->unit_name : "";
}

gint64
llw_change_plan_get_unit_id (LlwChangePlan *self,
                             guint          index)
{
  Report *report = get_report (self, index);

  return report != NULL ? report->unit_id : 0;
}

static char *
format_heading (Report *report)
{
  g_autofree char *before = report->received_before
                            ? llw_date_format (report->received_before) : g_strdup ("");

  switch (report->change)
    {
    case LLW_REPORT_CHANGE_UPDATED:
      /* Translators: a unit, and the day its report was received */
      return g_strdup_printf (_("%s: changes to the report received on %s"), report->unit_name,
                              before);
    case LLW_REPORT_CHANGE_REPLACED:
      /* Translators: a unit, and the day its report was received */
      return g_strdup_printf (_("%s: replaces the report received on %s"), report->unit_name,
                              before);
    case LLW_REPORT_CHANGE_NEW:
    default:
      /* Translators: a unit whose report an import creates */
      return g_strdup_printf (_("%s: new report"), report->unit_name);
    }
}

/* Appends @format with its three "%s" replaced by @a, @b and @c, as
 * g_string_append_printf () would but without going through printf, which was most of the
 * time of printing the preview of a large import; a translation written otherwise still
 * goes through printf. */
static void
append_three (GString    *out,
              const char *format,
              const char *a,
              const char *b,
              const char *c)
{
  const char *args[3] = { a, b, c };
  const char *p, *mark;
  guint n = 0;

  for (p = strchr (format, '%'); p != NULL && p[1] == 's' && n < 3; p = strchr (p + 2, '%'))
    n++;
  if (p != NULL || n != 3)
    {
      g_string_append_printf (out, format, a, b, c);
      return;
    }

  n = 0;
  for (p = format; (mark = strstr (p, "%s")) != NULL; p = mark + 2)
    {
      g_string_append_len (out, p, mark - p);
      g_string_append (out, args[n++]);
    }
  g_string_append (out, p);
}

/* A value as the plan shows it: an empty one is a dash. */
static const char *
value_text (const char *text)
{
  return text != NULL ? text : "—";
}

/* Returns: (transfer none): the figure as the plan shows it, in @buffer. */
static const char *
figure_text (GString  *buffer,
             gboolean  has_value,
             double    value,
             int       decimals)
{
  if (!has_value)
    return value_text (NULL);
  g_string_truncate (buffer, 0);
  llw_figure_append (buffer, value, decimals);
  return buffer->str;
}

/* Appends one line of the plan, its figures formatted in @before and @after. */
static void
append_line (GString    *out,
             const Line *line,
             GString    *before,
             GString    *after)
{
  const char *old_text, *new_text;

  if (line->kind == LINE_ACTIVITY)
    {
      /* Translators: an activity an import adds */
      g_string_append_printf (out, _("New activity: %s"), line->subject);
      return;
    }

  if (line->kind == LINE_FIGURE)
    {
      old_text = figure_text (before, line->has_old, line->figure.old_value, line->decimals);
      new_text = figure_text (after, line->has_new, line->figure.new_value, line->decimals);
    }
  else
    {
      old_text = value_text (line->field.old_text);
      new_text = value_text (line->field.new_text);
    }
  /* Translators: a field or figure, its value now and after the import */
  append_three (out, _("%s: %s → %s"), line->subject, old_text, new_text);
}

/**
 * llw_change_plan_format_report:
 * @index: the report, in the order they were added
 *
 * Returns: (transfer full): what happens to the unit's report, in the user's language: a
 *   heading such as “Sở Y tế: changes to the report received on 20/10/2021”, then a line a
 *   change, indented, such as “  A1 Số văn bản chỉ đạo: 3 → 999”
 */
char *
llw_change_plan_format_report (LlwChangePlan *self,
                               guint          index)
{
  Report *report = get_report (self, index);
  g_autoptr(GString) before = NULL;
  g_autoptr(GString) after = NULL;
  g_autofree char *heading = NULL;
  GString *text;

  g_return_val_if_fail (report != NULL, NULL);

  before = g_string_sized_new (32);
  after = g_string_sized_new (32);
  heading = format_heading (report);
  text = g_string_sized_new (strlen (heading) + 64 * report->n_lines);
  g_string_append (text, heading);
  for (guint i = 0; i < report->n_lines; i++)
    {
      g_string_append (text, "\n  ");
      append_line (text, &g_array_index (self->lines, Line, report->first + i), before, after);
    }
  return g_string_free (text, FALSE);
}
