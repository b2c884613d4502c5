/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "llw-database-totals.h"
#include "llw-date.h"
#include "llw-dialogs.h"
#include "llw-document-format.h"
#include "llw-indicator.h"
#include "llw-overview-page.h"
#include "llw-reminder-dialog.h"
#include "llw-reminder-letter-dialog.h"
#include "llw-report-status.h"
#include "llw-report-summary.h"
#include "llw-reports-chart.h"
#include "llw-theme-choices.h"

/* The Overview tab: the Week's dates, the days left to the deadlines, the counts of reports
 * per group of units, charts of the reports by day and by group, the headline indicators
 * beside last year's, and the units that have not reported, to call them. */

/* The columns of the counts grid, after the row titles. */
typedef enum
{
  COUNT_EXPECTED,
  COUNT_RECEIVED,
  COUNT_ON_TIME,
  COUNT_LATE,
  COUNT_MISSING,
  COUNT_PENDING,
  N_COUNTS
} CountColumn;

/* Its rows, after the column titles: all units, then each group. */
#define N_COUNT_ROWS (1 + LLW_UNIT_GROUP_OTHER + 1)

struct _LlwOverviewPage
{
  LlwPage parent_instance;

  GtkLabel *dates_label;
  GtkLabel *opening_label;
  GtkLabel *unit_deadline_label;
  GtkLabel *unit_deadline_status;
  GtkLabel *ministry_deadline_label;
  GtkLabel *ministry_deadline_status;
  GtkGrid *counts_grid;
  GtkFlowBox *dates_cards;
  GtkFlowBox *counts_cards;
  GtkFlowBox *chart_cards;
  GtkColumnViewColumn *unit_column;
  GtkColumnView *column_view;
  LlwThemeChoices *theme_choices;
  GtkWidget *remind_button;
  GtkWidget *letter_button;
  GtkBox *daily_box;
  GtkBox *groups_box;
  GtkBox *comparison_box;
  GtkLabel *comparison_title;
  LlwReportsChart *daily_chart;
  LlwReportsChart *groups_chart;
  GtkGrid *comparison_grid;
  GHashTable *previous_sums;     /* code → LlwIndicatorTotal of last year, or NULL */

  GtkLabel *numbers[N_COUNT_ROWS][N_COUNTS];
  GtkLabel *rates[N_COUNT_ROWS][N_COUNTS];
  GtkFilterListModel *not_reported;
  GListModel *statuses;  /* the list the counts are made from, followed as it changes */
  LlwCampaignData *data;
  guint comparison_id;   /* the comparison to start once the window is drawn */
  GCancellable *comparing;  /* of the sums being made on a worker thread */
  gboolean previous_read;   /* last year's sums are read for the campaign shown */
};

G_DEFINE_FINAL_TYPE (LlwOverviewPage, llw_overview_page, LLW_TYPE_PAGE)

static const char * const count_titles[N_COUNTS] = {
  N_("Expected"),
  N_("Received"),
  N_("On time"),
  N_("Late"),
  N_("Missing"),
  N_("Pending"),
};

/* The colour a count takes when it is not zero, as in the Reports tab; NULL for none. */
static const char * const count_css_classes[N_COUNTS] = {
  NULL,
  NULL,
  "state-on-time",
  "state-late",
  "state-missing",
  NULL,
};

static gboolean
is_not_reported (gpointer item,
                 gpointer user_data)
{
  LlwReportState state = llw_report_status_get_state (item);

  return state == LLW_REPORT_STATE_PENDING || state == LLW_REPORT_STATE_MISSING;
}

static GtkWidget *
new_label (const char *text,
           float       xalign,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* The grid is the same for every campaign: titles, and a number with its share in each cell. */
static void
build_counts_grid (LlwOverviewPage *self)
{
  for (guint column = 0; column < N_COUNTS; column++)
    gtk_grid_attach (self->counts_grid, new_label (_(count_titles[column]), 1, "dim-label"),
                     1 + column, 0, 1, 1);

  for (guint row = 0; row < N_COUNT_ROWS; row++)
    {
      const char *title = row == 0 ? _("All units") : llw_unit_group_to_label (row - 1);

      gtk_grid_attach (self->counts_grid, new_label (title, 0, row == 0 ? "heading" : NULL),
                       0, 1 + row, 1, 1);

      for (guint column = 0; column < N_COUNTS; column++)
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *number = new_label (NULL, 1, row == 0 ? "stat-number" : "stat-number-small");
          GtkWidget *rate = new_label (NULL, 1, "stat-rate");

          gtk_widget_set_halign (box, GTK_ALIGN_END);
          gtk_widget_set_valign (box, GTK_ALIGN_BASELINE);
          gtk_widget_set_valign (number, GTK_ALIGN_BASELINE);
          gtk_widget_set_valign (rate, GTK_ALIGN_BASELINE);
          gtk_widget_add_css_class (rate, "dim-label");
          gtk_box_append (GTK_BOX (box), number);
          gtk_box_append (GTK_BOX (box), rate);
          gtk_widget_set_visible (rate, column != COUNT_EXPECTED);
          gtk_grid_attach (self->counts_grid, box, 1 + column, 1 + row, 1, 1);

          self->numbers[row][column] = GTK_LABEL (number);
          self->rates[row][column] = GTK_LABEL (rate);
        }
    }
}

static void
show_counts (LlwOverviewPage       *self,
             guint                  row,
             const LlwReportCounts *counts)
{
  const guint values[N_COUNTS] = {
    counts->expected, counts->received, counts->on_time,
    counts->late, counts->missing, counts->pending,
  };

  for (guint column = 0; column < N_COUNTS; column++)
    {
      g_autofree char *number = g_strdup_printf ("%u", values[column]);
      /* Translators: a share of the expected reports, in per cent */
      g_autofree char *rate = g_strdup_printf (_("%.0f %%"),
                                               100 * llw_report_counts_rate (counts,
                                                                             values[column]));
      const char *css_class = count_css_classes[column];

      gtk_label_set_text (self->numbers[row][column], number);
      gtk_label_set_text (self->rates[row][column], rate);
      if (css_class != NULL && values[column] > 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->numbers[row][column]), css_class);
      else if (css_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->numbers[row][column]), css_class);
    }
}

static void
show_summary (LlwOverviewPage *self,
              GListModel      *statuses)
{
  LlwReportSummary summary;

  llw_report_summary_compute (&summary, statuses);
  show_counts (self, 0, &summary.all);
  for (guint group = 0; group <= LLW_UNIT_GROUP_OTHER; group++)
    {
      gboolean visible = group != LLW_UNIT_GROUP_OTHER || summary.groups[group].expected > 0;

      show_counts (self, 1 + group, &summary.groups[group]);
      /* Few campaigns have units outside the two groups: no row of zeros for them. */
      for (guint column = 0; column <= N_COUNTS; column++)
        gtk_widget_set_visible (gtk_grid_get_child_at (self->counts_grid, column, 2 + group),
                                visible);
    }
}

static void
show_deadline (GtkLabel    *date_label,
               GtkLabel    *status_label,
               const char  *iso,
               const GDate *today)
{
  g_autofree char *date = llw_date_format (iso);
  g_autofree char *status = NULL;
  const char *css_class;
  GDate deadline;
  int days;

  gtk_label_set_text (date_label, date);
  if (!llw_date_parse (iso, &deadline))
    {
      gtk_label_set_text (status_label, "");
      return;
    }

  days = llw_date_days_until (today, &deadline);
  if (days > 0)
    status = g_strdup_printf (ngettext ("%d day left", "%d days left", days), days);
  else if (days == 0)
    status = g_strdup (_("Due today"));
  else
    status = g_strdup_printf (ngettext ("Deadline passed %d day ago",
                                        "Deadline passed %d days ago", -days), -days);

  if (days < 0)
    css_class = "deadline-passed";
  else if (days <= 3)
    css_class = "deadline-near";
  else
    css_class = "dim-label";

  gtk_label_set_text (status_label, status);
  gtk_widget_set_css_classes (GTK_WIDGET (status_label), (const char *[]) { css_class, NULL });
}

static void
show_dates (LlwOverviewPage *self,
            LlwCampaign     *campaign,
            const GDate     *today)
{
  g_autofree char *start = llw_date_format (llw_campaign_get_text (campaign,
                                                                   LLW_CAMPAIGN_START_DATE));
  g_autofree char *end = llw_date_format (llw_campaign_get_text (campaign,
                                                                 LLW_CAMPAIGN_END_DATE));
  g_autofree char *opening = llw_date_format (llw_campaign_get_text (campaign,
                                                                     LLW_CAMPAIGN_OPENING_DATE));
  g_autofree char *dates = g_strdup_printf ("%s – %s", start, end);
  g_autofree char *opening_text = NULL;

  gtk_label_set_text (self->dates_label, dates);
  if (opening[0] != '\0')
    opening_text = g_strdup_printf (_("Opening ceremony: %s"), opening);
  gtk_label_set_text (self->opening_label, opening_text);

  show_deadline (self->unit_deadline_label, self->unit_deadline_status,
                 llw_campaign_get_text (campaign, LLW_CAMPAIGN_UNIT_DEADLINE), today);
  show_deadline (self->ministry_deadline_label, self->ministry_deadline_status,
                 llw_campaign_get_text (campaign, LLW_CAMPAIGN_MINISTRY_DEADLINE), today);
}

static GtkWidget *
comparison_label (const char *text,
                  float       xalign,
                  const char *css_class)
{
  GtkWidget *label = new_label (text, xalign, css_class);

  /* An indicator's label on two lines at most, whole in its tooltip: the list below keeps
   * its room. */
  if (xalign == 0)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
      gtk_widget_set_tooltip_text (label, text);
    }
  gtk_widget_set_hexpand (label, xalign == 0);
  return label;
}

/* "▲ 25 %", "▼ 12,5 %", or the difference itself where last year's figure was 0. */
static char *
describe_change (double now,
                 double before,
                 int    decimals)
{
  double difference = now - before;
  g_autofree char *amount = NULL;

  if (fabs (difference) < 0.005)
    return g_strdup ("=");
  amount = before > 0 ? llw_format_percent (100 * fabs (difference) / before)
                      : llw_format_number (fabs (difference), decimals);
  return g_strdup_printf ("%s %s", difference > 0 ? "▲" : "▼", amount);
}

static void
add_comparison_row (LlwOverviewPage   *self,
                    guint              row,
                    LlwIndicator      *indicator,
                    LlwIndicatorTotal *now,
                    LlwIndicatorTotal *before)
{
  int decimals = llw_indicator_get_decimals (indicator);
  g_autofree char *this_year = now ? llw_format_number (now->sum, decimals) : g_strdup ("–");
  g_autofree char *last_year = before ? llw_format_number (before->sum, decimals)
                                      : g_strdup ("–");
  g_autofree char *change = now && before ? describe_change (now->sum, before->sum, decimals)
                                          : g_strdup ("");

  gtk_grid_attach (self->comparison_grid,
                   comparison_label (llw_indicator_get_label (indicator), 0, NULL), 0, row, 1, 1);
  gtk_grid_attach (self->comparison_grid, comparison_label (this_year, 1, "numeric"), 1, row,
                   1, 1);
  gtk_grid_attach (self->comparison_grid, comparison_label (last_year, 1, "dim-label"), 2, row,
                   1, 1);
  gtk_grid_attach (self->comparison_grid, comparison_label (change, 1, NULL), 3, row, 1, 1);
}

/* The headline indicators this year and last; figures nobody reported show as "–". */
static void
show_comparison (LlwOverviewPage *self,
                 GListModel      *indicators,
                 GHashTable      *sums)
{
  guint row = 1;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->comparison_grid))) != NULL)
    gtk_grid_remove (self->comparison_grid, child);

  gtk_grid_attach (self->comparison_grid, comparison_label (_("This year"), 1, "dim-label"), 1,
                   0, 1, 1);
  gtk_grid_attach (self->comparison_grid, comparison_label (_("Last year"), 1, "dim-label"), 2,
                   0, 1, 1);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(LlwIndicator) indicator = g_list_model_get_item (indicators, i);
      const char *code = llw_indicator_get_code (indicator);

      if (!llw_indicator_is_headline (indicator))
        continue;
      add_comparison_row (self, row++, indicator, g_hash_table_lookup (sums, code),
                          self->previous_sums ? g_hash_table_lookup (self->previous_sums, code)
                                              : NULL);
    }
}

static void
show_previous_title (LlwOverviewPage *self,
                     LlwCampaign     *previous)
{
  g_autofree char *title = NULL;

  if (previous != NULL)
    /* Translators: %d is the year of the earlier campaign */
    title = g_strdup_printf (_("Compared with %d"), llw_campaign_get_year (previous));
  else
    title = g_strdup (_("Compared with last year: no earlier campaign"));
  gtk_label_set_text (self->comparison_title, title);
}

/* The comparison sums every figure of the year, and of last year the first time: with
 * 50,000 units that takes a while, so it is done on a worker thread, again whenever the
 * reports change; a newer sum makes an older one moot. */
typedef struct
{
  GCancellable *cancellable;  /* identifies the job */
  LlwCampaign *campaign;
  gboolean with_previous;
  GListModel *indicators;
  GHashTable *sums;
  LlwCampaign *previous;
  GHashTable *previous_sums;
} Sums;

static void
sums_free (gpointer data)
{
  Sums *sums = data;

  g_object_unref (sums->cancellable);
  g_object_unref (sums->campaign);
  g_clear_object (&sums->indicators);
  g_clear_pointer (&sums->sums, g_hash_table_unref);
  g_clear_object (&sums->previous);
  g_clear_pointer (&sums->previous_sums, g_hash_table_unref);
  g_free (sums);
}

static gboolean
sums_job (LlwDatabase   *worker,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Sums *sums = data;
  GError *previous_error = NULL;

  sums->indicators = llw_database_list_indicators (worker, sums->campaign, error);
  if (sums->indicators == NULL)
    return FALSE;
  sums->sums = llw_database_sum_indicators (worker, sums->campaign, TRUE, error);
  if (sums->sums == NULL || !sums->with_previous)
    return sums->sums != NULL;

  /* Every indicator of last year: this year's headline ones are matched by code. */
  sums->previous = llw_database_get_previous_campaign (worker, sums->campaign, &previous_error);
  if (sums->previous != NULL)
    sums->previous_sums = llw_database_sum_indicators (worker, sums->previous, FALSE,
                                                       &previous_error);
  if (previous_error != NULL)
    {
      g_propagate_error (error, previous_error);
      return FALSE;
    }
  return TRUE;
}

static void
summed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LlwOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  Sums *sums = llw_database_run_get_data (result);
  gboolean ok = llw_database_run_finish (LLW_DATABASE (source), result, &error);

  /* A later sum is on its way, or the page is gone. */
  if (sums->cancellable != self->comparing)
    return;
  g_clear_object (&self->comparing);
  if (!ok)
    {
      g_warning ("Cannot sum the headline indicators: %s", error->message);
      return;
    }

  if (sums->with_previous)
    {
      g_clear_pointer (&self->previous_sums, g_hash_table_unref);
      self->previous_sums = g_steal_pointer (&sums->previous_sums);
      self->previous_read = TRUE;
      show_previous_title (self, sums->previous);
    }
  show_comparison (self, sums->indicators, sums->sums);
  llw_page_fit_header (LLW_PAGE (self));
}

static void
start_comparison (LlwOverviewPage *self)
{
  Sums *sums;

  if (self->comparing != NULL)
    g_cancellable_cancel (self->comparing);
  g_clear_object (&self->comparing);
  self->comparing = g_cancellable_new ();

  sums = g_new0 (Sums, 1);
  sums->cancellable = g_object_ref (self->comparing);
  sums->campaign = g_object_ref (llw_campaign_data_get_campaign (self->data));
  sums->with_previous = !self->previous_read;
  llw_database_run_async (llw_campaign_data_get_database (self->data), sums_job, sums,
                          sums_free, self->comparing, summed_cb, g_object_ref (self));
}

/* Started once the window is drawn, not before. */
static gboolean
start_comparison_cb (gpointer user_data)
{
  LlwOverviewPage *self = user_data;

  self->comparison_id = 0;
  start_comparison (self);
  return G_SOURCE_REMOVE;
}

static void
statuses_changed_cb (LlwOverviewPage *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *statuses)
{
  show_summary (self, statuses);
  if (self->data != NULL && self->comparison_id == 0)
    start_comparison (self);
  llw_page_fit_header (LLW_PAGE (self));
}

static void
follow_statuses (LlwOverviewPage *self,
                 GListModel      *statuses)
{
  if (self->statuses == statuses)
    return;

  if (self->statuses != NULL)
    g_signal_handlers_disconnect_by_func (self->statuses, statuses_changed_cb, self);
  g_set_object (&self->statuses, statuses);
  if (statuses != NULL)
    g_signal_connect_object (statuses, "items-changed", G_CALLBACK (statuses_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

/* Chasing the units that have not reported: reminders recorded, and the letter. */

static void
update_reminder_buttons (LlwOverviewPage *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->not_reported)) > 0;

  gtk_widget_set_sensitive (self->remind_button, any);
  gtk_widget_set_sensitive (self->letter_button, any);
}

static void
not_reported_changed_cb (LlwOverviewPage *self,
                         guint            position,
                         guint            removed,
                         guint            added,
                         GListModel      *not_reported)
{
  update_reminder_buttons (self);
}

static void
remind_clicked_cb (LlwOverviewPage *self)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);
  LlwReportStatus *selected = NULL;
  LlwReminderDialog *dialog;

  if (self->data == NULL)
    return;
  if (GTK_IS_SINGLE_SELECTION (selection))
    selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));

  dialog = llw_reminder_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->data, G_LIST_MODEL (self->not_reported),
                                    selected ? llw_report_status_get_unit_id (selected) : 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
letter_clicked_cb (LlwOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  LlwReminderLetterDialog *dialog;

  if (self->data == NULL)
    return;

  dialog = llw_reminder_letter_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                           self->data, &error);
  if (dialog == NULL)
    llw_show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                    _("The reminder letter cannot be written"), error);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
llw_overview_page_load (LlwPage          *page,
                        LlwCampaignData  *data,
                        GError          **error)
{
  LlwOverviewPage *self = LLW_OVERVIEW_PAGE (page);
  GListModel *statuses;

  show_dates (self, llw_campaign_data_get_campaign (data), llw_campaign_data_get_today (data));

  statuses = llw_campaign_data_get_report_statuses (data, error);
  if (statuses == NULL)
    return FALSE;

  show_summary (self, statuses);
  follow_statuses (self, statuses);
  g_set_object (&self->data, data);
  llw_reports_chart_set_data (self->daily_chart, llw_campaign_data_get_campaign (data),
                              statuses, llw_campaign_data_get_today (data));
  llw_reports_chart_set_data (self->groups_chart, llw_campaign_data_get_campaign (data),
                              statuses, llw_campaign_data_get_today (data));
  /* Sums under way are another campaign's. */
  if (self->comparing != NULL)
    g_cancellable_cancel (self->comparing);
  g_clear_object (&self->comparing);
  self->previous_read = FALSE;
  if (self->comparison_id == 0)
    self->comparison_id = g_idle_add_full (G_PRIORITY_LOW, start_comparison_cb, self, NULL);
  llw_theme_choices_set_lists (self->theme_choices, llw_campaign_data_get_themes (data, NULL),
                               statuses);
  gtk_filter_list_model_set_model (self->not_reported, statuses);
  llw_page_set_items (page, G_LIST_MODEL (self->not_reported));
  update_reminder_buttons (self);

  return TRUE;
}

static const char *
llw_overview_page_get_search_key (LlwPage  *page,
                                  gpointer  item)
{
  return llw_report_status_get_search_key (item);
}

static const char *
llw_overview_page_get_sort_key (LlwPage  *page,
                                gpointer  item)
{
  return llw_report_status_get_sort_key (item);
}

static char *
llw_overview_page_format_count (LlwPage *page,
                                guint    n_items)
{
  return g_strdup_printf (ngettext ("%u unit has not reported yet",
                                    "%u units have not reported yet", n_items), n_items);
}

static void
llw_overview_page_dispose (GObject *object)
{
  LlwOverviewPage *self = LLW_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->comparison_id, g_source_remove);
  if (self->comparing != NULL)
    g_cancellable_cancel (self->comparing);
  g_clear_object (&self->comparing);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLW_TYPE_OVERVIEW_PAGE);
  follow_statuses (self, NULL);
  g_clear_object (&self->data);
  g_clear_pointer (&self->previous_sums, g_hash_table_unref);

  G_OBJECT_CLASS (llw_overview_page_parent_class)->dispose (object);

  /* After the base class let go of the list that shows it. */
  g_clear_object (&self->not_reported);
}

static void
llw_overview_page_class_init (LlwOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LlwPageClass *page_class = LLW_PAGE_CLASS (klass);

  object_class->dispose = llw_overview_page_dispose;

  page_class->empty_icon_name = "emblem-ok-symbolic";
  page_class->empty_title = N_("Every unit has reported");
  /* Translators: %s is the text typed in the search entry */
  page_class->no_match_title = N_("No unit matches “%s”");
  page_class->load = llw_overview_page_load;
  page_class->get_search_key = llw_overview_page_get_search_key;
  page_class->get_sort_key = llw_overview_page_get_sort_key;
  page_class->format_count = llw_overview_page_format_count;

  g_type_ensure (LLW_TYPE_REPORT_STATUS);
  g_type_ensure (LLW_TYPE_THEME_CHOICES);
  llw_page_class_set_template (page_class, "/io/github/llweek/Llweek/ui/llw-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, dates_label);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, opening_label);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, unit_deadline_label);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, unit_deadline_status);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, ministry_deadline_label);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, ministry_deadline_status);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, counts_grid);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, dates_cards);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, counts_cards);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, chart_cards);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, unit_column);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, theme_choices);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, remind_button);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, letter_button);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, daily_box);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, comparison_box);
  gtk_widget_class_bind_template_child (widget_class, LlwOverviewPage, comparison_title);
  gtk_widget_class_bind_template_callback (widget_class, remind_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, letter_clicked_cb);
}

/* The cards only flow with the width: they are not items to select, nor stops for Tab. */
static void
make_cards_unfocusable (GtkFlowBox *cards)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cards));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

static void
llw_overview_page_init (LlwOverviewPage *self)
{
  GtkCustomFilter *filter;

  gtk_widget_init_template (GTK_WIDGET (self));
  make_cards_unfocusable (self->dates_cards);
  make_cards_unfocusable (self->counts_cards);
  make_cards_unfocusable (self->chart_cards);

  gtk_column_view_column_set_sorter (self->unit_column,
                                     llw_page_get_sort_key_sorter (LLW_PAGE (self)));
  filter = gtk_custom_filter_new (is_not_reported, NULL, NULL);
  self->not_reported = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  g_signal_connect_object (self->not_reported, "items-changed",
                           G_CALLBACK (not_reported_changed_cb), self, G_CONNECT_SWAPPED);
  build_counts_grid (self);

  self->daily_chart = llw_reports_chart_new (LLW_REPORTS_CHART_BY_DAY);
  self->groups_chart = llw_reports_chart_new (LLW_REPORTS_CHART_BY_GROUP);
  gtk_box_append (self->daily_box, GTK_WIDGET (self->daily_chart));
  gtk_box_append (self->groups_box, GTK_WIDGET (self->groups_chart));
  self->comparison_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->comparison_grid, 12);
  gtk_grid_set_row_spacing (self->comparison_grid, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->comparison_grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Headline indicators compared with last year"), -1);
  gtk_box_append (self->comparison_box, GTK_WIDGET (self->comparison_grid));
}
