/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "llw-activity.h"
#include "llw-document-format.h"
#include "llw-page-geometry.h"
#include "llw-report-document-private.h"

/* The four annexes as tables: Phụ lục I (the totals, last year's beside them), II (every
 * unit's figures, split across pages by indicator group), III (who reported, when) and IV
 * (the activities). Column widths are in points for text of 11 pt: wide enough for the
 * largest figure, and together no wider than a landscape page, so that no renderer has to
 * shrink the text to fit. */

#define N_GROUPS (LLW_UNIT_GROUP_OTHER + 1)

/* Room for the report's number, written by hand: spaces no renderer folds into one. */
#define NUMBER_SPACE "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0"

/* The width of a digit and of an average letter of Times New Roman at 11 pt, and the room
 * the rules and padding of a cell take. */
#define DIGIT_WIDTH 5.5
#define LETTER_WIDTH 5.2
#define CELL_PADDING 8.0

#define TT_WIDTH 28.0
#define UNIT_WIDTH 150.0
#define NOTE_WIDTH 76.0
#define DATE_WIDTH 64.0

typedef struct
{
  LlwReportDocument *document;
  LlwConsolidation *data;
  int *decimals;              /* Phụ lục II: of each indicator, read once for 50,000 rows */
  GPtrArray *activities;      /* Phụ lục IV: LlwActivity */
  LlwUnitGroup groups[N_GROUPS];
  guint n_groups;
  gboolean compare;           /* Phụ lục I: last year's columns */
} Annex;

static void
annex_free (gpointer data)
{
  Annex *annex = data;

  g_clear_pointer (&annex->activities, g_ptr_array_unref);
  g_free (annex->decimals);
  g_free (annex);
}

static Annex *
annex_new (LlwReportDocument *document)
{
  Annex *annex = g_new0 (Annex, 1);

  annex->document = document;
  annex->data = document->data;
  return annex;
}

static void
set_text (LlwCell    *cell,
          const char *text)
{
  cell->kind = LLW_CELL_TEXT;
  cell->text = text;
}

static void
set_number (LlwCell *cell,
            double   number,
            int      decimals)
{
  cell->kind = LLW_CELL_NUMBER;
  cell->number = number;
  cell->decimals = decimals;
}

static void
set_interned (LlwReportTable *table,
              LlwCell        *cell,
              const char     *text)
{
  set_text (cell, llw_report_table_intern (table, text));
}

/* Returns: the width of a column of figures up to @largest, or its header's longest word. */
static double
figure_width (double      largest,
              int         decimals,
              const char *title)
{
  g_autofree char *text = llw_format_figure (largest, decimals);
  g_auto(GStrv) words = g_strsplit (title, " ", -1);
  double width = strlen (text) * DIGIT_WIDTH;

  for (guint i = 0; words[i] != NULL; i++)
    width = MAX (width, g_utf8_strlen (words[i], -1) * LETTER_WIDTH * 1.1);
  return MAX (width + CELL_PADDING, 44);
}

static double
text_width (void)
{
  LlwPageGeometry page;

  llw_page_geometry_a4 (&page, TRUE);
  return page.width - page.left - page.right;
}

static const char *
indicator_group (LlwConsolidation *data,
                 guint             i)
{
  return llw_indicator_get_group_title (llw_consolidation_get_indicator (data, i));
}

static gboolean
starts_group (LlwConsolidation *data,
              guint             i)
{
  return i == 0 || !g_str_equal (indicator_group (data, i), indicator_group (data, i - 1));
}

/* The ordinal of the indicator group of @i (from 1), and the number of @i inside it. */
static guint
indicator_position (LlwConsolidation *data,
                    guint             i,
                    guint            *number)
{
  guint ordinal = 0;

  *number = 0;
  for (guint k = 0; k <= i; k++)
    {
      if (starts_group (data, k))
        {
          ordinal++;
          *number = 0;
        }
      (*number)++;
    }
  return ordinal;
}

static char *
annex_note (LlwReportDocument *self)
{
  const char *number = llw_report_document_text (self, LLW_CAMPAIGN_REPORT_NUMBER);

  return g_strdup_printf ("(Kèm theo Báo cáo số %s%s ngày %s của %s)",
                          number[0] == '/' ? NUMBER_SPACE : "",
                          number, self->date_text,
                          llw_report_document_text (self, LLW_CAMPAIGN_OFFICE_PARENT));
}

static void
add_column (LlwReportTable *table,
            const char     *title,
            double          width,
            LlwAlign        align,
            LlwColumnRole   role)
{
  LlwReportColumn column = { title, NULL, width, align, role, 0, 0 };

  llw_report_table_add_column (table, &column);
}

static void
add_key_column (LlwReportTable *table,
                const char     *title,
                double          width,
                LlwAlign        align)
{
  LlwReportColumn column = { title, NULL, width, align, LLW_COLUMN_PLAIN, LLW_BAND_ALL, 0 };

  llw_report_table_add_column (table, &column);
}

/* Phụ lục I ------------------------------------------------------------------------------ */

enum { SU_TT, SU_LABEL, SU_MEASURE, SU_FIRST_GROUP };

static void
summary_figures (Annex          *annex,
                 guint           i,
                 guint           column,
                 LlwCell        *cell)
{
  LlwIndicator *indicator = llw_consolidation_get_indicator (annex->data, i);
  int decimals = llw_indicator_get_decimals (indicator);
  LlwIndicatorTotal all = llw_consolidation_get_overall_total (annex->data, i);
  LlwIndicatorTotal before;
  guint k = column - SU_FIRST_GROUP;

  if (k < annex->n_groups)
    set_number (cell, llw_consolidation_get_total (annex->data, i, annex->groups[k]).sum,
                decimals);
  else if (k == annex->n_groups)
    set_number (cell, all.sum, decimals);
  else if (k == annex->n_groups + 1)
    set_number (cell, all.count, 0);
  /* Last year's figure and the change, only where both years have one. */
  else if (llw_consolidation_get_previous_total (annex->data, i, &before) &&
           k == annex->n_groups + 2)
    set_number (cell, before.sum, decimals);
  else if (llw_consolidation_get_previous_total (annex->data, i, &before) && all.count > 0)
    set_number (cell, all.sum - before.sum, decimals);
}

static void
summary_cell (LlwReportTable *table,
              guint           r,
              guint           column,
              LlwCell        *cell,
              gpointer        user_data)
{
  Annex *annex = user_data;
  const LlwReportRow *row = llw_report_table_get_row (table, r);
  LlwIndicator *indicator = llw_consolidation_get_indicator (annex->data, row->index);
  guint number, ordinal = indicator_position (annex->data, row->index, &number);

  if (row->kind == LLW_ROW_GROUP && column == SU_TT)
    set_text (cell, llw_format_roman (ordinal));
  else if (row->kind == LLW_ROW_GROUP && column == SU_LABEL)
    set_text (cell, llw_format_strip_numbering (llw_indicator_get_group_title (indicator)));
  else if (row->kind == LLW_ROW_GROUP)
    return;
  else if (column == SU_TT)
    set_number (cell, number, 0);
  else if (column == SU_LABEL)
    set_text (cell, llw_indicator_get_label (indicator));
  else if (column == SU_MEASURE)
    set_text (cell, llw_indicator_get_measure (indicator));
  else
    summary_figures (annex, row->index, column, cell);
}

/* District and provincial levels always have their column; others only when there are. */
static void
choose_groups (Annex *annex)
{
  const LlwReportSummary *summary = llw_consolidation_get_summary (annex->data);

  for (LlwUnitGroup group = 0; group < N_GROUPS; group++)
    if (group != LLW_UNIT_GROUP_OTHER || summary->groups[group].expected > 0)
      annex->groups[annex->n_groups++] = group;
}

static void
add_summary_columns (LlwReportTable *table,
                     Annex          *annex)
{
  LlwConsolidation *data = annex->data;
  guint n = llw_consolidation_get_n_indicators (data);
  double used, figures = 0;
  LlwReportColumn label = { "Nội dung", NULL, 0, LLW_ALIGN_LEFT, LLW_COLUMN_PLAIN, 0, 0 };
  guint n_figures = annex->n_groups + 1 + (annex->compare ? 2 : 0);

  /* As wide as the longest figure any row writes, with its own decimals. */
  for (guint i = 0; i < n; i++)
    {
      int decimals = llw_indicator_get_decimals (llw_consolidation_get_indicator (data, i));
      LlwIndicatorTotal before;

      figures = MAX (figures, figure_width (llw_consolidation_get_overall_total (data, i).sum,
                                            decimals, "Tổng cộng"));
      if (llw_consolidation_get_previous_total (data, i, &before))
        figures = MAX (figures, figure_width (before.sum, decimals, "Tổng cộng"));
    }
  used = TT_WIDTH + 50 + n_figures * figures + 56;
  label.width = MAX (text_width () - used, 150);

  add_column (table, "TT", TT_WIDTH, LLW_ALIGN_CENTER, LLW_COLUMN_PLAIN);
  llw_report_table_add_column (table, &label);
  add_column (table, "Đơn vị tính", 50, LLW_ALIGN_CENTER, LLW_COLUMN_PLAIN);
  for (guint g = 0; g < annex->n_groups; g++)
    {
      LlwReportColumn column = { llw_format_group_label (annex->groups[g]), NULL, figures,
                                 LLW_ALIGN_RIGHT, LLW_COLUMN_GROUP_TOTAL, 0,
                                 (int) annex->groups[g] };

      llw_report_table_add_column (table, &column);
    }
  add_column (table, "Tổng cộng", figures, LLW_ALIGN_RIGHT, LLW_COLUMN_OVERALL);
  add_column (table, "Số đơn vị báo cáo", 56, LLW_ALIGN_RIGHT, LLW_COLUMN_REPORTED);
  if (annex->compare)
    {
      add_column (table, "Năm trước", figures, LLW_ALIGN_RIGHT, LLW_COLUMN_PREVIOUS);
      add_column (table, "Tăng, giảm", figures, LLW_ALIGN_RIGHT, LLW_COLUMN_CHANGE);
    }
}

static LlwReportTable *
summary_table (LlwReportDocument *self)
{
  Annex *annex = annex_new (self);
  LlwReportTable *table = llw_report_table_new (summary_cell, annex, annex_free);
  guint n = llw_consolidation_get_n_indicators (self->data);

  choose_groups (annex);
  annex->compare = llw_consolidation_get_previous_campaign (self->data) != NULL;
  add_summary_columns (table, annex);
  for (guint i = 0; i < n; i++)
    {
      if (starts_group (self->data, i))
        llw_report_table_add_row (table, LLW_ROW_GROUP, i);
      llw_report_table_add_row (table, LLW_ROW_ITEM, i);
    }
  return table;
}

/* Phụ lục II and III list the units group by group, each group under its heading row, and
 * end with the total. */
static void
add_unit_rows (LlwReportTable   *table,
               LlwConsolidation *data)
{
  for (LlwUnitGroup group = 0; group < N_GROUPS; group++)
    {
      guint first;
      guint n = llw_consolidation_get_group_range (data, group, &first);

      if (n == 0)
        continue;
      llw_report_table_add_row (table, LLW_ROW_GROUP, group);
      for (guint u = first; u < first + n; u++)
        llw_report_table_add_row (table, LLW_ROW_ITEM, u);
    }
  llw_report_table_add_row (table, LLW_ROW_TOTAL, 0);
}

/* Phụ lục II ----------------------------------------------------------------------------- */

enum { DE_TT, DE_UNIT, DE_FIRST_VALUE };

static guint
group_ordinal (LlwConsolidation *data,
               LlwUnitGroup      group)
{
  guint ordinal = 0, first;

  for (LlwUnitGroup g = 0; g <= group; g++)
    ordinal += llw_consolidation_get_group_range (data, g, &first) > 0;
  return ordinal;
}

static char *
reported_note (const LlwReportCounts *counts)
{
  return g_strdup_printf ("Đã báo cáo: %u/%u", counts->received, counts->expected);
}

static void
detail_sum_row (LlwReportTable *table,
                Annex          *annex,
                const LlwReportRow *row,
                guint           column,
                LlwCell        *cell)
{
  const LlwReportSummary *summary = llw_consolidation_get_summary (annex->data);
  guint n = llw_consolidation_get_n_indicators (annex->data);
  gboolean total = row->kind == LLW_ROW_TOTAL;
  g_autofree char *note = NULL;

  if (column == DE_TT && !total)
    set_text (cell, llw_format_roman (group_ordinal (annex->data, row->index)));
  else if (column == DE_UNIT)
    set_text (cell, total ? "Tổng cộng" : llw_format_group_label (row->index));
  else if (column >= DE_FIRST_VALUE && column < DE_FIRST_VALUE + n)
    {
      guint i = column - DE_FIRST_VALUE;
      LlwIndicatorTotal sum = total ? llw_consolidation_get_overall_total (annex->data, i)
                                    : llw_consolidation_get_total (annex->data, i, row->index);

      set_number (cell, sum.sum,
                  llw_indicator_get_decimals (llw_consolidation_get_indicator (annex->data, i)));
    }
  else if (column == DE_FIRST_VALUE + n)
    {
      note = reported_note (total ? &summary->all : &summary->groups[row->index]);
      set_interned (table, cell, note);
    }
}

static void
detail_cell (LlwReportTable *table,
             guint           r,
             guint           column,
             LlwCell        *cell,
             gpointer        user_data)
{
  Annex *annex = user_data;
  const LlwReportRow *row = llw_report_table_get_row (table, r);
  guint n = llw_consolidation_get_n_indicators (annex->data);
  const LlwConsolidatedUnit *unit;
  guint first;
  double value;

  if (row->kind != LLW_ROW_ITEM)
    {
      detail_sum_row (table, annex, row, column, cell);
      return;
    }

  unit = llw_consolidation_get_unit (annex->data, row->index);
  llw_consolidation_get_group_range (annex->data, unit->group, &first);
  if (column == DE_TT)
    set_number (cell, row->index - first + 1, 0);
  else if (column == DE_UNIT)
    set_text (cell, unit->name);
  else if (column < DE_FIRST_VALUE + n &&
           llw_consolidation_get_value (annex->data, row->index, column - DE_FIRST_VALUE, &value))
    set_number (cell, value, annex->decimals[column - DE_FIRST_VALUE]);
  else if (column == DE_FIRST_VALUE + n && unit->received_date == NULL)
    set_text (cell, "Chưa báo cáo");
}

static void
add_detail_columns (LlwReportTable    *table,
                    LlwConsolidation  *data)
{
  guint n = llw_consolidation_get_n_indicators (data);

  add_key_column (table, "TT", TT_WIDTH, LLW_ALIGN_CENTER);
  add_key_column (table, "Đơn vị", UNIT_WIDTH, LLW_ALIGN_LEFT);
  for (guint i = 0; i < n; i++)
    {
      LlwIndicator *indicator = llw_consolidation_get_indicator (data, i);
      const char *measure = llw_indicator_get_measure (indicator);
      g_autofree char *title = measure[0]
        ? g_strdup_printf ("%s (%s)", llw_indicator_get_label (indicator), measure)
        : g_strdup (llw_indicator_get_label (indicator));
      LlwReportColumn column = {
        title, llw_indicator_get_group_title (indicator),
        figure_width (llw_consolidation_get_overall_total (data, i).sum,
                      llw_indicator_get_decimals (indicator), "đơn vị"),
        LLW_ALIGN_RIGHT, LLW_COLUMN_SUM, 0, 0
      };

      /* A header of several lines needs a column wide enough for its words. */
      column.width = MAX (column.width, 60);
      llw_report_table_add_column (table, &column);
    }
  add_column (table, "Ghi chú", NOTE_WIDTH, LLW_ALIGN_LEFT, LLW_COLUMN_PLAIN);
}

static LlwReportTable *
detail_table (LlwReportDocument *self)
{
  Annex *annex = annex_new (self);
  LlwReportTable *table = llw_report_table_new (detail_cell, annex, annex_free);
  guint n_indicators = llw_consolidation_get_n_indicators (self->data);

  annex->decimals = g_new (int, MAX (n_indicators, 1));
  for (guint i = 0; i < n_indicators; i++)
    annex->decimals[i] = llw_indicator_get_decimals (llw_consolidation_get_indicator (self->data,
                                                                                     i));

  add_detail_columns (table, self->data);
  add_unit_rows (table, self->data);
  llw_report_table_split (table, text_width ());
  return table;
}

/* Phụ lục III ---------------------------------------------------------------------------- */

enum { ST_TT, ST_UNIT, ST_DEADLINE, ST_RECEIVED, ST_NUMBER, ST_STATE, ST_THEME };

static void
status_state (LlwReportTable            *table,
              const LlwConsolidatedUnit *unit,
              LlwCell                   *cell)
{
  g_autofree char *late = NULL;

  switch (unit->state)
    {
    case LLW_REPORT_STATE_ON_TIME:
      set_text (cell, "Đúng hạn");
      break;

    case LLW_REPORT_STATE_LATE:
      late = g_strdup_printf ("Trễ %d ngày", unit->days_late);
      set_interned (table, cell, late);
      break;

    case LLW_REPORT_STATE_MISSING:
    case LLW_REPORT_STATE_PENDING:
    default:
      set_text (cell, "Chưa báo cáo");
    }
}

static void
status_total (LlwReportTable *table,
              Annex          *annex,
              guint           column,
              LlwCell        *cell)
{
  const LlwReportCounts *all = &llw_consolidation_get_summary (annex->data)->all;
  g_autofree char *text = NULL;

  if (column == ST_UNIT)
    text = g_strdup_printf ("Tổng cộng: %u đơn vị", all->expected);
  else if (column == ST_STATE)
    text = g_strdup_printf ("Đúng hạn: %u; trễ hạn: %u; chưa báo cáo: %u", all->on_time,
                            all->late, all->missing + all->pending);
  else if (column == ST_RECEIVED)
    set_number (cell, all->received, 0);

  if (text != NULL)
    set_interned (table, cell, text);
}

static void
status_cell (LlwReportTable *table,
             guint           r,
             guint           column,
             LlwCell        *cell,
             gpointer        user_data)
{
  Annex *annex = user_data;
  const LlwReportRow *row = llw_report_table_get_row (table, r);
  const LlwConsolidatedUnit *unit;
  guint first;

  if (row->kind == LLW_ROW_TOTAL)
    {
      status_total (table, annex, column, cell);
      return;
    }
  if (row->kind == LLW_ROW_GROUP)
    {
      if (column == ST_TT)
        set_text (cell, llw_format_roman (group_ordinal (annex->data, row->index)));
      else if (column == ST_UNIT)
        set_text (cell, llw_format_group_label (row->index));
      return;
    }

  unit = llw_consolidation_get_unit (annex->data, row->index);
  llw_consolidation_get_group_range (annex->data, unit->group, &first);
  switch (column)
    {
    case ST_TT:
      set_number (cell, row->index - first + 1, 0);
      break;
    case ST_UNIT:
      set_text (cell, unit->name);
      break;
    case ST_DEADLINE:
    case ST_RECEIVED:
      cell->kind = LLW_CELL_DATE;
      cell->text = column == ST_DEADLINE ? unit->deadline : unit->received_date;
      if (cell->text == NULL)
        cell->kind = LLW_CELL_EMPTY;
      break;
    case ST_NUMBER:
      set_text (cell, unit->document_number);
      break;
    case ST_STATE:
      status_state (table, unit, cell);
      break;
    case ST_THEME:
    default:
      set_text (cell, unit->theme_title);
    }
}

static LlwReportTable *
status_table (LlwReportDocument *self)
{
  LlwReportTable *table = llw_report_table_new (status_cell, annex_new (self), annex_free);

  add_column (table, "TT", TT_WIDTH, LLW_ALIGN_CENTER, LLW_COLUMN_PLAIN);
  add_column (table, "Đơn vị", 190, LLW_ALIGN_LEFT, LLW_COLUMN_PLAIN);
  add_column (table, "Hạn báo cáo", DATE_WIDTH, LLW_ALIGN_CENTER, LLW_COLUMN_PLAIN);
  add_column (table, "Ngày nhận", DATE_WIDTH, LLW_ALIGN_CENTER, LLW_COLUMN_COUNT);
  add_column (table, "Số văn bản", 90, LLW_ALIGN_CENTER, LLW_COLUMN_PLAIN);
  add_column (table, "Tình trạng", 92, LLW_ALIGN_CENTER, LLW_COLUMN_PLAIN);
  add_column (table, "Chủ đề đã chọn", text_width () - TT_WIDTH - 190 - 2 * DATE_WIDTH - 90 - 92,
              LLW_ALIGN_LEFT, LLW_COLUMN_PLAIN);

  add_unit_rows (table, self->data);
  return table;
}

/* Phụ lục IV ----------------------------------------------------------------------------- */

enum {
  AC_TT, AC_UNIT, AC_TITLE, AC_KIND, AC_THEME, AC_START, AC_END, AC_FORM, AC_WHERE,
  AC_PARTICIPANTS
};

static const char *
form_text (LlwActivityForm form)
{
  switch (form)
    {
    case LLW_ACTIVITY_FORM_ONLINE:
      return "Trực tuyến";
    case LLW_ACTIVITY_FORM_MIXED:
      return "Trực tiếp và trực tuyến";
    case LLW_ACTIVITY_FORM_IN_PERSON:
    default:
      return "Trực tiếp";
    }
}

static void
activity_total (Annex   *annex,
                guint    column,
                LlwCell *cell)
{
  gint64 participants = 0;

  if (column == AC_UNIT)
    set_text (cell, "Tổng cộng");
  if (column != AC_PARTICIPANTS)
    return;
  for (guint i = 0; i < annex->activities->len; i++)
    participants += MAX (llw_activity_get_participants (annex->activities->pdata[i]), 0);
  set_number (cell, participants, 0);
}

static void
activity_cell (LlwReportTable *table,
               guint           r,
               guint           column,
               LlwCell        *cell,
               gpointer        user_data)
{
  Annex *annex = user_data;
  const LlwReportRow *row = llw_report_table_get_row (table, r);
  LlwActivity *activity;
  g_autofree char *where = NULL;

  if (row->kind == LLW_ROW_TOTAL)
    {
      activity_total (annex, column, cell);
      return;
    }

  activity = annex->activities->pdata[row->index];
  switch (column)
    {
    case AC_TT:
      set_number (cell, row->index + 1, 0);
      break;
    case AC_UNIT:
      set_text (cell, llw_activity_get_unit_name (activity));
      break;
    case AC_TITLE:
      set_text (cell, llw_activity_get_title (activity));
      break;
    case AC_KIND:
      set_text (cell, llw_activity_get_kind_title (activity));
      break;
    case AC_THEME:
      set_text (cell, llw_activity_get_theme_title (activity));
      break;
    case AC_START:
    case AC_END:
      cell->text = column == AC_START ? llw_activity_get_start_date (activity)
                                      : llw_activity_get_end_date (activity);
      cell->kind = cell->text != NULL && cell->text[0] ? LLW_CELL_DATE : LLW_CELL_EMPTY;
      break;
    case AC_FORM:
      set_text (cell, form_text (llw_activity_get_form (activity)));
      break;
    case AC_WHERE:
      where = g_strjoin (llw_activity_get_platform (activity)[0] &&
                         llw_activity_get_place (activity)[0] ? "; " : "",
                         llw_activity_get_platform (activity),
                         llw_activity_get_place (activity), NULL);
      set_interned (table, cell, where);
      break;
    case AC_PARTICIPANTS:
    default:
      /* -1: not known, which is not 0. */
      if (llw_activity_get_participants (activity) >= 0)
        set_number (cell, llw_activity_get_participants (activity), 0);
    }
}

static LlwReportTable *
activity_table (LlwReportDocument *self)
{
  Annex *annex = annex_new (self);
  LlwReportTable *table = llw_report_table_new (activity_cell, annex, annex_free);
  GListModel *activities = llw_consolidation_get_activities (self->data);
  guint n = g_list_model_get_n_items (activities);
  static const struct
  {
    const char *title;
    double width;
    LlwAlign align;
  } columns[] = {
    { "TT", TT_WIDTH, LLW_ALIGN_CENTER }, { "Đơn vị", 104, LLW_ALIGN_LEFT },
    { "Hoạt động", 128, LLW_ALIGN_LEFT }, { "Loại hoạt động", 92, LLW_ALIGN_LEFT },
    { "Chủ đề", 104, LLW_ALIGN_LEFT }, { "Từ ngày", DATE_WIDTH, LLW_ALIGN_CENTER },
    { "Đến ngày", DATE_WIDTH, LLW_ALIGN_CENTER }, { "Hình thức", 62, LLW_ALIGN_CENTER },
    { "Nền tảng, địa điểm", 0, LLW_ALIGN_LEFT }, { "Số người tham gia", 52, LLW_ALIGN_RIGHT },
  };
  double used = 0;

  annex->activities = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (annex->activities, g_list_model_get_item (activities, i));

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    used += columns[c].width;
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    add_column (table, columns[c].title,
                columns[c].width > 0 ? columns[c].width : MAX (text_width () - used, 60),
                columns[c].align, c == AC_PARTICIPANTS ? LLW_COLUMN_SUM : LLW_COLUMN_PLAIN);

  for (guint i = 0; i < n; i++)
    llw_report_table_add_row (table, LLW_ROW_ITEM, i);
  llw_report_table_add_row (table, LLW_ROW_TOTAL, 0);
  return table;
}

void
llw_report_document_add_annexes (LlwReportDocument *self)
{
  static const struct
  {
    const char *label;
    const char *title;
  } names[LLW_N_ANNEXES] = {
    { "Phụ lục I", NULL },
    { "Phụ lục II", "KẾT QUẢ CHI TIẾT CỦA CÁC ĐƠN VỊ" },
    { "Phụ lục III", "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ" },
    { "Phụ lục IV", "CÁC HOẠT ĐỘNG HƯỞNG ỨNG TUẦN LỄ ĐÃ TỔ CHỨC" },
  };
  g_autofree char *summary = g_strdup_printf ("TỔNG HỢP KẾT QUẢ %s",
                                              llw_campaign_get_title (self->campaign));
  g_autofree char *summary_title = g_utf8_strup (summary, -1);
  g_autofree char *note = annex_note (self);

  self->annexes[LLW_ANNEX_SUMMARY].table = summary_table (self);
  self->annexes[LLW_ANNEX_DETAIL].table = detail_table (self);
  self->annexes[LLW_ANNEX_STATUSES].table = status_table (self);
  self->annexes[LLW_ANNEX_ACTIVITIES].table = activity_table (self);

  for (LlwAnnexKind kind = 0; kind < LLW_N_ANNEXES; kind++)
    {
      LlwReportAnnex *annex = &self->annexes[kind];

      annex->kind = kind;
      annex->label = names[kind].label;
      annex->title = llw_report_document_intern (self, names[kind].title != NULL
                                                       ? names[kind].title : summary_title);
      annex->note = llw_report_document_intern (self, note);
      annex->landscape = TRUE;
    }
}
