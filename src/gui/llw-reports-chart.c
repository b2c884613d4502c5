/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "llw-date.h"
#include "llw-report-status.h"
#include "llw-reports-chart.h"

/* The overview's charts, drawn with cairo in black, greys and hatching so that they read on
 * a black-and-white printout of the screen too: the reports received day by day, with their
 * running total and the deadline; and each group's reports on time, late, missing and not
 * yet due. */

#define MARGIN 8.0
#define AXIS_SPACE 28.0
#define MAX_DAYS 120

struct _LlwReportsChart
{
  GtkWidget parent_instance;

  LlwReportsChartKind kind;
  GListModel *statuses;
  GDate start;                  /* the Week's first day */
  GDate deadline;
  GDate today;

  /* Counted once after the statuses change, not at each drawing: at 50,000 units a count
   * reads 50,000 records, and the chart is drawn again at every change of its size. */
  gboolean counted;
  guint n_statuses;
  guint day_counts[MAX_DAYS];                  /* reports received, per day of the chart */
  guint group_counts[LLW_UNIT_GROUP_OTHER + 1][5];  /* on time, late, missing, pending, all */
};

G_DEFINE_FINAL_TYPE (LlwReportsChart, llw_reports_chart, GTK_TYPE_WIDGET)

static void
set_color (cairo_t *cr,
           double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

/* A text at @x, @y: centred on @x, or ending at it, or starting there. */
static void
draw_text (LlwReportsChart *self,
           cairo_t         *cr,
           const char      *text,
           double           x,
           double           y,
           double           align)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * align, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
hatch (cairo_t *cr,
       double   x,
       double   y,
       double   width,
       double   height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  for (double d = -height; d < width; d += 5)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static int
text_width (LlwReportsChart *self,
            const char      *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The days the chart by day spans, from the Week's first day. */
static int
count_days (LlwReportsChart *self)
{
  return CLAMP (MAX (llw_date_days_until (&self->start, &self->deadline),
                     llw_date_days_until (&self->start, &self->today)) + 2, 7, MAX_DAYS);
}

static void
count_state (guint          *counts,
             LlwReportState  state)
{
  switch (state)
    {
    case LLW_REPORT_STATE_ON_TIME:
      counts[0]++;
      break;
    case LLW_REPORT_STATE_LATE:
      counts[1]++;
      break;
    case LLW_REPORT_STATE_MISSING:
      counts[2]++;
      break;
    case LLW_REPORT_STATE_PENDING:
    default:
      counts[3]++;
    }
  counts[4]++;
}

/* What the chart shows, read from the statuses in one pass, unless it was since they last
 * changed. */
static void
count_statuses (LlwReportsChart *self)
{
  int days = count_days (self);

  if (self->counted)
    return;
  self->counted = TRUE;
  self->n_statuses = self->statuses ? g_list_model_get_n_items (self->statuses) : 0;
  memset (self->day_counts, 0, sizeof self->day_counts);
  memset (self->group_counts, 0, sizeof self->group_counts);

  for (guint i = 0; i < self->n_statuses; i++)
    {
      g_autoptr(LlwReportStatus) status = g_list_model_get_item (self->statuses, i);
      const char *date = llw_report_status_get_received_date (status);
      LlwUnitGroup group = llw_report_status_get_group (status);
      GDate day;

      if (self->kind == LLW_REPORTS_CHART_BY_GROUP && group <= LLW_UNIT_GROUP_OTHER)
        count_state (self->group_counts[group], llw_report_status_get_state (status));
      else if (self->kind == LLW_REPORTS_CHART_BY_DAY && date != NULL &&
               llw_date_parse (date, &day))
        self->day_counts[CLAMP (llw_date_days_until (&self->start, &day), 0, days - 1)]++;
    }
}

/* Reports received per day from the Week's first day, as bars, their running total as a
 * line, and the deadline as a dashed rule. */
static void
draw_by_day (LlwReportsChart *self,
             cairo_t         *cr,
             double           width,
             double           height)
{
  guint n = self->n_statuses, peak = MAX (n, 1);
  const guint *counts = self->day_counts;
  int days = count_days (self);
  double left = MARGIN + AXIS_SPACE, bottom = height - MARGIN - 16;
  double plot_width = width - left - MARGIN, plot_height = bottom - MARGIN - 8;
  double step = plot_width / days, total = 0;
  /* Dates a week apart, or a whole number of weeks where a week is narrower than a date. */
  int label_every = 7 * MAX (1, (int) ceil ((text_width (self, "00/00") + 8) / (7 * step)));
  int deadline = llw_date_days_until (&self->start, &self->deadline);
  g_autofree char *expected = NULL;

  /* Axes, with the number of units at the top of the scale. */
  set_color (cr, 0);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left, MARGIN);
  cairo_line_to (cr, left, bottom);
  cairo_line_to (cr, width - MARGIN, bottom);
  cairo_stroke (cr);
  expected = g_strdup_printf ("%u", n);
  draw_text (self, cr, expected, left - 4, MARGIN + 8, 1);
  draw_text (self, cr, "0", left - 4, bottom, 1);

  for (int d = 0; d < days; d++)
    {
      double h = plot_height * counts[d] / peak;
      double x = left + d * step + step * 0.15;

      set_color (cr, 0.55);
      cairo_rectangle (cr, x, bottom - h, step * 0.7, h);
      cairo_fill_preserve (cr);
      set_color (cr, 0);
      cairo_stroke (cr);
      if (d % label_every == 0)
        {
          GDate day = self->start;
          g_autofree char *label = NULL;

          g_date_add_days (&day, d);
          label = g_strdup_printf ("%02u/%02u", g_date_get_day (&day), g_date_get_month (&day));
          /* A date that would run off the chart's right edge is left out. */
          if (left + d * step + text_width (self, label) <= width)
            draw_text (self, cr, label, left + d * step, bottom + 9, 0);
        }
    }

  /* The running total. */
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, left, bottom);
  for (int d = 0; d < days; d++)
    {
      total += counts[d];
      cairo_line_to (cr, left + (d + 1) * step, bottom - plot_height * total / peak);
    }
  cairo_stroke (cr);

  if (deadline >= 0 && deadline < days)
    {
      static const double dash[] = { 4, 3 };
      double x = left + (deadline + 1) * step;

      cairo_save (cr);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, x, MARGIN);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      cairo_restore (cr);
      draw_text (self, cr, _("Deadline"), x + 3, MARGIN + 8, 0);
    }
}

/* One segment of a group's bar: black, hatched, white or light grey, with its count. */
static void
draw_segment (LlwReportsChart *self,
              cairo_t         *cr,
              guint            kind,
              guint            count,
              double           x,
              double           y,
              double           width,
              double           height)
{
  g_autofree char *label = g_strdup_printf ("%u", count);
  static const double fills[] = { 0, 1, 1, 0.85 };

  if (count == 0)
    return;
  set_color (cr, fills[kind]);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  set_color (cr, 0);
  if (kind == 1)
    hatch (cr, x, y, width, height);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, x, y, width, height);
  cairo_stroke (cr);
  if (width < 14)
    return;
  if (kind == 0)
    set_color (cr, 1);
  draw_text (self, cr, label, x + width / 2, y + height / 2, 0.5);
  set_color (cr, 0);
}

static void
draw_by_group (LlwReportsChart *self,
               cairo_t         *cr,
               double           width,
               double           height)
{
  const char *labels[] = { _("On time"), _("Late"), _("Missing"), _("Pending") };
  double left = MARGIN + 90, bar_width = width - left - MARGIN;
  guint n_groups = 0, legend_lines = 1;
  double row, legend_x[4], legend_y[4];

  /* The legend, in the bars' own fills, one entry after the other, on as many lines as the
   * chart's width needs; the bars share what is left. */
  for (guint k = 0, x = MARGIN; k < 4; k++)
    {
      int entry = 16 + text_width (self, labels[k]);

      if (k > 0 && x + entry > width - MARGIN)
        {
          legend_lines++;
          x = MARGIN;
        }
      legend_x[k] = x;
      legend_y[k] = legend_lines;
      x += entry + 12;
    }
  for (guint k = 0; k < 4; k++)
    legend_y[k] = height - MARGIN - 10 - (legend_lines - legend_y[k]) * 18;
  row = (height - 2 * MARGIN - 4 - legend_lines * 18) / 3;

  for (LlwUnitGroup group = 0; group <= LLW_UNIT_GROUP_OTHER; group++)
    {
      const guint *counts = self->group_counts[group];
      double x = left, y = MARGIN + n_groups * row;

      if (counts[4] == 0)
        continue;
      n_groups++;
      set_color (cr, 0);
      draw_text (self, cr, llw_unit_group_to_label (group), left - 6, y + row / 2, 1);
      for (guint k = 0; k < 4; k++)
        {
          double w = bar_width * counts[k] / counts[4];

          draw_segment (self, cr, k, counts[k], x, y + row * 0.15, w, row * 0.7);
          x += w;
        }
    }

  for (guint k = 0; k < 4; k++)
    {
      double x = legend_x[k], y = legend_y[k];

      set_color (cr, k == 0 ? 0 : k == 3 ? 0.85 : 1);
      cairo_rectangle (cr, x, y - 5, 12, 10);
      cairo_fill (cr);
      set_color (cr, 0);
      if (k == 1)
        hatch (cr, x, y - 5, 12, 10);
      cairo_rectangle (cr, x, y - 5, 12, 10);
      cairo_stroke (cr);
      draw_text (self, cr, labels[k], x + 16, y, 0);
    }
}

static void
llw_reports_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LlwReportsChart *self = LLW_REPORTS_CHART (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                           &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* White, whatever the theme: the chart reads as it would on paper. */
  set_color (cr, 1);
  cairo_paint (cr);
  count_statuses (self);
  if (self->kind == LLW_REPORTS_CHART_BY_DAY)
    draw_by_day (self, cr, width, height);
  else
    draw_by_group (self, cr, width, height);
  cairo_destroy (cr);
}

static void
statuses_changed_cb (LlwReportsChart *self)
{
  self->counted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
llw_reports_chart_dispose (GObject *object)
{
  LlwReportsChart *self = LLW_REPORTS_CHART (object);

  if (self->statuses != NULL)
    g_signal_handlers_disconnect_by_func (self->statuses, statuses_changed_cb, self);
  g_clear_object (&self->statuses);

  G_OBJECT_CLASS (llw_reports_chart_parent_class)->dispose (object);
}

static void
llw_reports_chart_class_init (LlwReportsChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = llw_reports_chart_dispose;
  widget_class->snapshot = llw_reports_chart_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
llw_reports_chart_init (LlwReportsChart *self)
{
  g_date_clear (&self->start, 1);
  g_date_clear (&self->deadline, 1);
  g_date_clear (&self->today, 1);
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 150);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

/* Returns: (transfer floating): a chart, empty until it is given its data. */
LlwReportsChart *
llw_reports_chart_new (LlwReportsChartKind kind)
{
  LlwReportsChart *self = g_object_new (LLW_TYPE_REPORTS_CHART, NULL);

  self->kind = kind;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind == LLW_REPORTS_CHART_BY_DAY
                                  ? _("Reports received per day against the deadline")
                                  : _("Reports per group of units"), -1);
  return self;
}

/**
 * llw_reports_chart_set_data:
 * @statuses: (nullable): the units' report statuses (LlwReportStatus), followed as they change
 * @today: the day the states are judged by
 */
void
llw_reports_chart_set_data (LlwReportsChart *self,
                            LlwCampaign     *campaign,
                            GListModel      *statuses,
                            const GDate     *today)
{
  g_return_if_fail (LLW_IS_REPORTS_CHART (self));
  g_return_if_fail (LLW_IS_CAMPAIGN (campaign));

  if (self->statuses != statuses)
    {
      if (self->statuses != NULL)
        g_signal_handlers_disconnect_by_func (self->statuses, statuses_changed_cb, self);
      g_set_object (&self->statuses, statuses);
      if (statuses != NULL)
        g_signal_connect_object (statuses, "items-changed", G_CALLBACK (statuses_changed_cb),
                                 self, G_CONNECT_SWAPPED);
    }
  llw_date_parse (llw_campaign_get_text (campaign, LLW_CAMPAIGN_START_DATE), &self->start);
  if (!llw_date_parse (llw_campaign_get_text (campaign, LLW_CAMPAIGN_UNIT_DEADLINE),
                       &self->deadline))
    self->deadline = self->start;
  self->today = *today;
  self->counted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
