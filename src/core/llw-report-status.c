/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-report-status.h"
#include "llw-records-private.h"
#include "llw-text.h"

struct _LlwReportStatus
{
  GObject parent_instance;

  gint64 unit_id;
  int unit_position;
  const char *unit_code;
  const char *unit_name;
  LlwUnitGroup group;
  const char *contact_person;
  const char *phone;
  const char *email;
  const char *deadline;
  gint64 report_id;
  const char *received_date;
  LlwChannel channel;
  const char *document_number;
  const char *theme_title;
  LlwReviewState review_state;
  const char *last_reminder;
  char *texts;          /* one block that holds every text above */
  LlwReportState state;
  int days_late;
  char *search_key;
  char *sort_key;
};

G_DEFINE_FINAL_TYPE (LlwReportStatus, llw_report_status, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UNIT_ID,
  PROP_UNIT_POSITION,
  PROP_UNIT_CODE,
  PROP_UNIT_NAME,
  PROP_GROUP,
  PROP_CONTACT_PERSON,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_DEADLINE,
  PROP_REPORT_ID,
  PROP_RECEIVED_DATE,
  PROP_CHANNEL,
  PROP_DOCUMENT_NUMBER,
  PROP_THEME_TITLE,
  PROP_REVIEW_STATE,
  PROP_LAST_REMINDER,
  PROP_STATE,
  PROP_DAYS_LATE,
  PROP_SEARCH_KEY,
  PROP_SORT_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns read as texts, and where each goes. */
static const struct
{
  int column;
  gsize offset;
} text_columns[] = {
  { 2, G_STRUCT_OFFSET (LlwReportStatus, unit_code) },
  { 3, G_STRUCT_OFFSET (LlwReportStatus, unit_name) },
  { 5, G_STRUCT_OFFSET (LlwReportStatus, contact_person) },
  { 6, G_STRUCT_OFFSET (LlwReportStatus, phone) },
  { 7, G_STRUCT_OFFSET (LlwReportStatus, email) },
  { 8, G_STRUCT_OFFSET (LlwReportStatus, deadline) },
  { 10, G_STRUCT_OFFSET (LlwReportStatus, received_date) },
  { 12, G_STRUCT_OFFSET (LlwReportStatus, document_number) },
  { 13, G_STRUCT_OFFSET (LlwReportStatus, theme_title) },
  { 15, G_STRUCT_OFFSET (LlwReportStatus, last_reminder) },
};

/* Copies the row's texts into one block, a NULL column staying NULL: the window reads a
 * status for every unit at start, and ten allocations a row were half a million at 50,000
 * units. */
static void
read_texts (LlwReportStatus *self,
            sqlite3_stmt    *stmt)
{
  const char *texts[G_N_ELEMENTS (text_columns)];
  gsize lengths[G_N_ELEMENTS (text_columns)];
  gsize size = 0;
  char *next;

  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    {
      texts[i] = (const char *) sqlite3_column_text (stmt, text_columns[i].column);
      lengths[i] = texts[i] != NULL ? strlen (texts[i]) : 0;
      size += texts[i] != NULL ? lengths[i] + 1 : 0;
    }

  next = self->texts = g_malloc (MAX (size, 1));
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    {
      const char **field = G_STRUCT_MEMBER_P (self, text_columns[i].offset);

      if (texts[i] == NULL)
        continue;
      *field = memcpy (next, texts[i], lengths[i] + 1);
      next += lengths[i] + 1;
    }
}

static void
llw_report_status_finalize (GObject *object)
{
  LlwReportStatus *self = (LlwReportStatus *) object;

  g_free (self->texts);
  g_free (self->search_key);
  g_free (self->sort_key);

  G_OBJECT_CLASS (llw_report_status_parent_class)->finalize (object);
}

static void
llw_report_status_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LlwReportStatus *self = LLW_REPORT_STATUS (object);

  switch (prop_id)
    {
    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;

    case PROP_UNIT_POSITION:
      g_value_set_int (value, self->unit_position);
      break;

    case PROP_UNIT_CODE:
      g_value_set_string (value, self->unit_code);
      break;

    case PROP_UNIT_NAME:
      g_value_set_string (value, self->unit_name);
      break;

    case PROP_GROUP:
      g_value_set_int (value, self->group);
      break;

    case PROP_CONTACT_PERSON:
      g_value_set_string (value, self->contact_person);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_DEADLINE:
      g_value_set_string (value, self->deadline);
      break;

    case PROP_REPORT_ID:
      g_value_set_int64 (value, self->report_id);
      break;

    case PROP_RECEIVED_DATE:
      g_value_set_string (value, self->received_date);
      break;

    case PROP_CHANNEL:
      g_value_set_int (value, self->channel);
      break;

    case PROP_DOCUMENT_NUMBER:
      g_value_set_string (value, self->document_number);
      break;

    case PROP_THEME_TITLE:
      g_value_set_string (value, self->theme_title);
      break;

    case PROP_REVIEW_STATE:
      g_value_set_int (value, self->review_state);
      break;

    case PROP_LAST_REMINDER:
      g_value_set_string (value, self->last_reminder);
      break;

    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_DAYS_LATE:
      g_value_set_int (value, self->days_late);
      break;

    case PROP_SEARCH_KEY:
      g_value_set_string (value, llw_report_status_get_search_key (self));
      break;

    case PROP_SORT_KEY:
      g_value_set_string (value, llw_report_status_get_sort_key (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_report_status_class_init (LlwReportStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_report_status_finalize;
  object_class->get_property = llw_report_status_get_property;

  properties[PROP_UNIT_ID] =
    g_param_spec_int64 ("unit-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_POSITION] =
    g_param_spec_int ("unit-position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_CODE] =
    g_param_spec_string ("unit-code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_NAME] =
    g_param_spec_string ("unit-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP] =
    g_param_spec_int ("group", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_PERSON] =
    g_param_spec_string ("contact-person", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEADLINE] =
    g_param_spec_string ("deadline", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT_ID] =
    g_param_spec_int64 ("report-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECEIVED_DATE] =
    g_param_spec_string ("received-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANNEL] =
    g_param_spec_int ("channel", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_NUMBER] =
    g_param_spec_string ("document-number", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_THEME_TITLE] =
    g_param_spec_string ("theme-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW_STATE] =
    g_param_spec_int ("review-state", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_REMINDER] =
    g_param_spec_string ("last-reminder", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAYS_LATE] =
    g_param_spec_int ("days-late", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_KEY] =
    g_param_spec_string ("search-key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_KEY] =
    g_param_spec_string ("sort-key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llw_report_status_init (LlwReportStatus *self)
{
}

/* Reads one row whose columns are, in order: unit_id, unit_position, unit_code, unit_name,
 * group, contact_person, phone, email, deadline, report_id, received_date, channel,
 * document_number, theme_title, review_state, last_reminder. The state is judged as of
 * @today. */
LlwReportStatus *
llw_report_status_new_from_stmt (sqlite3_stmt *stmt,
                                 const GDate  *today)
{
  LlwReportStatus *self = g_object_new (LLW_TYPE_REPORT_STATUS, NULL);

  self->unit_id = sqlite3_column_int64 (stmt, 0);
  self->unit_position = sqlite3_column_int (stmt, 1);
  self->group = llw_unit_group_from_string ((const char *) sqlite3_column_text (stmt, 4));
  self->report_id = sqlite3_column_int64 (stmt, 9);
  self->channel = llw_channel_from_string ((const char *) sqlite3_column_text (stmt, 11));
  self->review_state =
    llw_review_state_from_string ((const char *) sqlite3_column_text (stmt, 14));
  read_texts (self, stmt);
  self->state = llw_report_state_compute (self->received_date, self->deadline, today,
                                          &self->days_late);

  return self;
}

gint64
llw_report_status_get_unit_id (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), 0);

  return self->unit_id;
}

int
llw_report_status_get_unit_position (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), 0);

  return self->unit_position;
}

const char *
llw_report_status_get_unit_code (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), NULL);

  return self->unit_code;
}

const char *
llw_report_status_get_unit_name (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), NULL);

  return self->unit_name;
}

LlwUnitGroup
llw_report_status_get_group (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), 0);

  return self->group;
}

const char *
llw_report_status_get_contact_person (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), NULL);

  return self->contact_person;
}

const char *
llw_report_status_get_phone (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), NULL);

  return self->phone;
}

const char *
llw_report_status_get_email (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), NULL);

  return self->email;
}

const char *
llw_report_status_get_deadline (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), NULL);

  return self->deadline;
}

gint64
llw_report_status_get_report_id (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), 0);

  return self->report_id;
}

const char *
llw_report_status_get_received_date (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), NULL);

  return self->received_date;
}

LlwChannel
llw_report_status_get_channel (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), 0);

  return self->channel;
}

const char *
llw_report_status_get_document_number (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), NULL);

  return self->document_number;
}

const char *
llw_report_status_get_theme_title (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), NULL);

  return self->theme_title;
}

LlwReviewState
llw_report_status_get_review_state (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), 0);

  return self->review_state;
}

/* Returns: (nullable): the ISO date of the latest reminder sent to the unit. */
const char *
llw_report_status_get_last_reminder (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), NULL);

  return self->last_reminder;
}

LlwReportState
llw_report_status_get_state (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), 0);

  return self->state;
}

int
llw_report_status_get_days_late (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), 0);

  return self->days_late;
}

const char *
llw_report_status_get_search_key (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), NULL);

  /* Keys are made on first use: loading a list of 50,000 rows should not pay for a search
   * or a sort the user may never ask for. */
  if (self->search_key == NULL)
    self->search_key = llw_text_search_key (self->unit_name);

  return self->search_key;
}

const char *
llw_report_status_get_sort_key (LlwReportStatus *self)
{
  g_return_val_if_fail (LLW_IS_REPORT_STATUS (self), NULL);

  if (self->sort_key == NULL)
    self->sort_key = llw_text_sort_key (self->unit_name);
  return self->sort_key;
}

/**
 * llw_report_status_compare:
 * @a: (type LlwReportStatus): a status
 * @b: (type LlwReportStatus): another
 *
 * The order of every list of statuses: by group, district level first (LlwUnitGroup's
 * order, which /reports/group-rank holds equal to the view assigned_unit's group_rank), then
 * as the units are ordered.
 *
 * Returns: negative, zero or positive, as @a comes before, with or after @b
 */
int
llw_report_status_compare (gconstpointer a,
                           gconstpointer b)
{
  const LlwReportStatus *x = a;
  const LlwReportStatus *y = b;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if (x->unit_position != y->unit_position)
    return x->unit_position < y->unit_position ? -1 : 1;
  return (x->unit_id > y->unit_id) - (x->unit_id < y->unit_id);
}
