/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "llw-database.h"
#include "llw-date.h"
#include "llw-document-format.h"
#include "llw-entity.h"
#include "llw-figures.h"
#include "llw-text.h"
#include "llw-types.h"

/* What can be edited, described once: the window builds its forms from these tables and
 * core checks and writes every entity through them. */

static void check_campaign (const LlwEntity *, GHashTable *, GHashTable *);
static void check_activity (const LlwEntity *, GHashTable *, GHashTable *);
static void check_indicator (const LlwEntity *, GHashTable *, GHashTable *);

#define REQ LLW_FIELD_REQUIRED

static const LlwField campaign_fields[] = {
  { "year", N_("Year"), LLW_FIELD_COUNT, REQ | LLW_FIELD_UNIQUE | LLW_FIELD_YEAR },
  { "title", N_("Title"), LLW_FIELD_TEXT, REQ },
  { "start_date", N_("First day of the Week"), LLW_FIELD_DATE, REQ },
  { "end_date", N_("Last day of the Week"), LLW_FIELD_DATE, REQ },
  { "opening_date", N_("Opening ceremony"), LLW_FIELD_DATE, LLW_FIELD_IN_WEEK },
  { "unit_deadline", N_("Units report by"), LLW_FIELD_DATE, REQ | LLW_FIELD_AFTER_WEEK },
  { "ministry_deadline", N_("Report to the Ministry by"), LLW_FIELD_DATE,
    REQ | LLW_FIELD_AFTER_WEEK },
  { "directive_number", N_("Directive number"), LLW_FIELD_TEXT },
  { "directive_date", N_("Directive date"), LLW_FIELD_DATE },
  { "directive_issuer", N_("Directive issued by"), LLW_FIELD_TEXT },
  { "directive_subject", N_("Directive subject"), LLW_FIELD_TEXT },
  { "directive_signer", N_("Directive signed by"), LLW_FIELD_TEXT },
  { "ministry_letter_number", N_("Ministry letter number"), LLW_FIELD_TEXT },
  { "ministry_letter_date", N_("Ministry letter date"), LLW_FIELD_DATE },
  { "ministry_letter_issuer", N_("Ministry letter issued by"), LLW_FIELD_TEXT },
  { "ministry_letter_subject", N_("Ministry letter subject"), LLW_FIELD_TEXT },
  { "basis", N_("Other documents it rests on"), LLW_FIELD_LONG_TEXT },
  { "purpose", N_("Purpose"), LLW_FIELD_LONG_TEXT },
  { "office_name", N_("Receiving office"), LLW_FIELD_TEXT },
  { "office_parent", N_("Receiving office belongs to"), LLW_FIELD_TEXT },
  { "office_address", N_("Office address"), LLW_FIELD_TEXT },
  { "office_phone", N_("Office phone"), LLW_FIELD_TEXT },
  { "office_email", N_("Office e-mail"), LLW_FIELD_EMAIL },
  { "report_parent_body", N_("Parent body (report header)"), LLW_FIELD_TEXT },
  { "report_issuing_body", N_("Issuing body (report header)"), LLW_FIELD_TEXT },
  { "report_place", N_("Place written in the date line"), LLW_FIELD_TEXT },
  { "report_number", N_("Report number"), LLW_FIELD_TEXT },
  { "report_date", N_("Report date (empty: the day it is made)"), LLW_FIELD_DATE },
  { "report_subject", N_("Report subject"), LLW_FIELD_TEXT },
  { "report_signer_authority", N_("Signing on behalf of"), LLW_FIELD_TEXT },
  { "report_signer_title", N_("Signer’s title"), LLW_FIELD_TEXT },
  { "report_signer_name", N_("Signer’s name"), LLW_FIELD_TEXT },
  { "report_to", N_("Addressed to (one a line)"), LLW_FIELD_LONG_TEXT },
  { "report_cc", N_("Copies to (one a line)"), LLW_FIELD_LONG_TEXT },
  { "report_assessment", N_("III. Assessment: strengths"), LLW_FIELD_LONG_TEXT },
  { "report_limitations", N_("III. Assessment: limitations"), LLW_FIELD_LONG_TEXT },
  { "report_proposals", N_("IV. Proposals"), LLW_FIELD_LONG_TEXT },
};

static const LlwField theme_fields[] = {
  { "title", N_("Theme"), LLW_FIELD_LONG_TEXT, REQ },
  { "suggested", N_("Suggested by the Province"), LLW_FIELD_BOOLEAN, .default_value = "1" },
};

static const LlwField activity_kind_fields[] = {
  { "title", N_("Kind of activity"), LLW_FIELD_TEXT, REQ },
  { "description", N_("Description"), LLW_FIELD_LONG_TEXT },
};

static const LlwField unit_fields[] = {
  { "name", N_("Name"), LLW_FIELD_TEXT, REQ | LLW_FIELD_UNIQUE, .key_column = "name_key" },
  { "short_name", N_("Short name"), LLW_FIELD_TEXT },
  { "code", N_("Code"), LLW_FIELD_TEXT, LLW_FIELD_UNIQUE },
  { "unit_group", N_("Group"), LLW_FIELD_CHOICE, REQ, llw_unit_group_get_type,
    .default_value = "district" },
  { "contact_person", N_("Contact person"), LLW_FIELD_TEXT },
  { "phone", N_("Phone"), LLW_FIELD_TEXT },
  { "email", N_("E-mail"), LLW_FIELD_EMAIL },
  { "address", N_("Address"), LLW_FIELD_TEXT },
  { "active", N_("Active"), LLW_FIELD_BOOLEAN, .default_value = "1" },
};

static const LlwField assignment_fields[] = {
  { "unit_id", N_("Unit"), LLW_FIELD_REFERENCE, REQ | LLW_FIELD_UNIQUE_CAMPAIGN,
    .reference = "unit" },
  { "role", N_("Role"), LLW_FIELD_CHOICE, REQ, llw_role_get_type, .default_value = "implement" },
  { "task", N_("Task"), LLW_FIELD_LONG_TEXT },
  { "report_required", N_("Must send a report"), LLW_FIELD_BOOLEAN, .default_value = "1" },
  { "deadline", N_("Own deadline (empty: the campaign’s)"), LLW_FIELD_DATE,
    LLW_FIELD_AFTER_WEEK },
};

static const LlwField activity_fields[] = {
  { "title", N_("Activity"), LLW_FIELD_TEXT, REQ },
  { "unit_id", N_("Unit"), LLW_FIELD_REFERENCE, REQ, .reference = "unit" },
  { "kind_id", N_("Kind of activity"), LLW_FIELD_REFERENCE, 0, .reference = "activity_kind" },
  { "theme_id", N_("Theme"), LLW_FIELD_REFERENCE, 0, .reference = "theme" },
  { "start_date", N_("From"), LLW_FIELD_DATE, REQ | LLW_FIELD_IN_WEEK },
  { "end_date", N_("To"), LLW_FIELD_DATE, LLW_FIELD_IN_WEEK },
  { "form", N_("Form"), LLW_FIELD_CHOICE, REQ, llw_activity_form_get_type,
    .default_value = "in_person" },
  { "platform", N_("Platform"), LLW_FIELD_TEXT },
  { "place", N_("Place"), LLW_FIELD_TEXT },
  { "participants", N_("Participants"), LLW_FIELD_COUNT },
  { "note", N_("Note"), LLW_FIELD_LONG_TEXT },
};

static const LlwField indicator_fields[] = {
  { "code", N_("Code"), LLW_FIELD_TEXT, REQ | LLW_FIELD_UNIQUE_CAMPAIGN },
  { "group_title", N_("Group of indicators"), LLW_FIELD_TEXT, REQ },
  { "label", N_("Indicator"), LLW_FIELD_TEXT, REQ },
  { "measure", N_("Unit of measure"), LLW_FIELD_TEXT },
  { "decimals", N_("Decimal places"), LLW_FIELD_COUNT, REQ, .default_value = "0" },
  { "at_least", N_("Not expected below the indicator (code)"), LLW_FIELD_TEXT },
  { "headline", N_("Headline indicator: compared with last year and charted"),
    LLW_FIELD_BOOLEAN, .default_value = "0" },
  { "active", N_("In use"), LLW_FIELD_BOOLEAN, .default_value = "1" },
};

/* A unit sends one report per campaign; receiving it again updates it. */
static const LlwField report_fields[] = {
  { "unit_id", N_("Unit"), LLW_FIELD_REFERENCE, REQ | LLW_FIELD_UNIQUE_CAMPAIGN,
    .reference = "unit" },
  { "received_date", N_("Received on"), LLW_FIELD_DATE,
    REQ | LLW_FIELD_SINCE_WEEK | LLW_FIELD_NOT_FUTURE },
  { "channel", N_("Received by"), LLW_FIELD_CHOICE, REQ, llw_channel_get_type,
    .default_value = "email" },
  { "document_number", N_("Document number"), LLW_FIELD_TEXT },
  { "document_date", N_("Document date"), LLW_FIELD_DATE, LLW_FIELD_NOT_FUTURE },
  { "theme_id", N_("Chosen theme"), LLW_FIELD_REFERENCE, 0, .reference = "theme" },
  { "review_state", N_("Review"), LLW_FIELD_CHOICE, REQ, llw_review_state_get_type,
    .default_value = "received" },
  { "results", N_("Results"), LLW_FIELD_LONG_TEXT },
  { "difficulties", N_("Difficulties"), LLW_FIELD_LONG_TEXT },
  { "proposals", N_("Proposals"), LLW_FIELD_LONG_TEXT },
  { "note", N_("Note"), LLW_FIELD_LONG_TEXT },
};

/* Someone the report names as an outstanding example, in the campaign's report. */
static const LlwField report_example_fields[] = {
  { "person", N_("Who (a person or a group)"), LLW_FIELD_TEXT, REQ },
  { "unit_name", N_("Unit, school or place"), LLW_FIELD_TEXT },
  { "achievement", N_("For what"), LLW_FIELD_LONG_TEXT, REQ },
};

static const LlwField reminder_fields[] = {
  { "unit_id", N_("Unit"), LLW_FIELD_REFERENCE, REQ, .reference = "unit" },
  { "reminded_on", N_("Reminded on"), LLW_FIELD_DATE, REQ | LLW_FIELD_NOT_FUTURE },
  { "channel", N_("Reminded by"), LLW_FIELD_CHOICE, REQ, llw_reminder_channel_get_type,
    .default_value = "phone" },
  { "note", N_("Note"), LLW_FIELD_LONG_TEXT },
};

#undef REQ

#define ENTITY(name, table_, label_, per_campaign_, ordered_, check_) \
  const LlwEntity llw_entity_##name = { table_, label_, per_campaign_, ordered_, \
                                        name##_fields, G_N_ELEMENTS (name##_fields), check_ }

ENTITY (campaign, "campaign", N_("Campaign"), FALSE, FALSE, check_campaign);
ENTITY (theme, "theme", N_("Theme"), TRUE, TRUE, NULL);
ENTITY (activity_kind, "activity_kind", N_("Kind of activity"), TRUE, TRUE, NULL);
ENTITY (unit, "unit", N_("Unit"), FALSE, TRUE, NULL);
ENTITY (assignment, "assignment", N_("Assignment"), TRUE, FALSE, NULL);
ENTITY (activity, "activity", N_("Activity"), TRUE, FALSE, check_activity);
ENTITY (indicator, "indicator", N_("Indicator"), TRUE, TRUE, check_indicator);
ENTITY (report, "report", N_("Report"), TRUE, FALSE, NULL);
ENTITY (reminder, "reminder", N_("Reminder"), TRUE, FALSE, NULL);
ENTITY (report_example, "report_example", N_("Outstanding example"), TRUE, TRUE, NULL);

static const LlwEntity *const entities[] = {
  &llw_entity_campaign, &llw_entity_theme, &llw_entity_activity_kind, &llw_entity_unit,
  &llw_entity_assignment, &llw_entity_activity, &llw_entity_indicator, &llw_entity_report,
  &llw_entity_reminder, &llw_entity_report_example,
};

/* Adds @message for @column unless the column already has one: the first problem found
 * with a field is the one the user needs to read. */
static void
add_error (GHashTable *errors,
           const char *column,
           const char *message)
{
  if (!g_hash_table_contains (errors, column))
    g_hash_table_insert (errors, g_strdup (column), g_strdup (message));
}

static const char *
value_of (GHashTable *values,
          const char *column)
{
  const char *value = g_hash_table_lookup (values, column);

  return value != NULL && *value != '\0' ? value : NULL;
}

/* Dates are ISO text, so text order is date order. */
static gboolean
is_before (const char *a,
           const char *b)
{
  return a != NULL && b != NULL && g_strcmp0 (a, b) < 0;
}

static void
check_campaign (const LlwEntity *entity,
                GHashTable      *values,
                GHashTable      *errors)
{
  const char *start = value_of (values, "start_date");
  const char *end = value_of (values, "end_date");
  const char *unit_deadline = value_of (values, "unit_deadline");

  const char *year = value_of (values, "year");

  if (year != NULL && (atoi (year) < 2000 || atoi (year) > 2999))
    add_error (errors, "year", _("Enter a year such as 2022."));
  if (is_before (end, start))
    add_error (errors, "end_date", _("The Week cannot end before it starts."));
  if (is_before (value_of (values, "ministry_deadline"), unit_deadline))
    add_error (errors, "ministry_deadline",
               _("The report to the Ministry cannot be due before the units’ reports."));
}

static void
check_activity (const LlwEntity *entity,
                GHashTable      *values,
                GHashTable      *errors)
{
  if (is_before (value_of (values, "end_date"), value_of (values, "start_date")))
    add_error (errors, "end_date", _("The activity cannot end before it starts."));
}

static void
check_indicator (const LlwEntity *entity,
                 GHashTable      *values,
                 GHashTable      *errors)
{
  const char *decimals = value_of (values, "decimals");

  if (decimals != NULL && atoi (decimals) > 2)
    add_error (errors, "decimals", _("At most 2 decimal places."));
}

/* Returns: the entity whose table is @table, or %NULL. */
const LlwEntity *
llw_entity_lookup (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entities[i]->table, table) == 0)
      return entities[i];

  return NULL;
}

/* Returns: the field of @entity stored in @column, or %NULL. */
const LlwField *
llw_entity_get_field (const LlwEntity *entity,
                      const char      *column)
{
  g_return_val_if_fail (entity != NULL, NULL);

  for (guint i = 0; i < entity->n_fields; i++)
    if (g_strcmp0 (entity->fields[i].column, column) == 0)
      return &entity->fields[i];

  return NULL;
}

/* Returns: the field's name as the user reads it. */
const char *
llw_field_get_label (const LlwField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return _(field->label);
}

/* Returns: how a stored choice of @field reads, in the user's language. */
const char *
llw_field_choice_label (const LlwField *field,
                        const char     *value)
{
  g_return_val_if_fail (field != NULL && field->kind == LLW_FIELD_CHOICE, "");

  return llw_enum_to_label (field->choice_type (),
                            llw_enum_from_string (field->choice_type (), value));
}

/* Returns: (transfer full): the stored values a user may choose for @field, in order. */
char **
llw_field_dup_choices (const LlwField *field)
{
  g_return_val_if_fail (field != NULL && field->kind == LLW_FIELD_CHOICE, NULL);

  return llw_enum_dup_choices (field->choice_type ());
}

static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at > text && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL && at[1] != '.' && !g_str_has_suffix (text, ".") &&
         strpbrk (text, " \t\n,;<>") == NULL;
}

static char *
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, LLW_DATABASE_ERROR, LLW_DATABASE_ERROR_INVALID, message);
  return NULL;
}

/* Parses a whole number ≥ 0, by the rule of every number the office types: "." groups
 * thousands (1.234 is 1234) and "," is the decimal mark, which a count has none of. */
static char *
parse_count (const char  *text,
             GError     **error)
{
  double value;
  gboolean given;

  if (!llw_figure_parse (text, 0, &value, &given, error))
    return NULL;
  if (!given)
    return invalid (error, _("Enter a whole number, 0 or more."));
  return g_strdup_printf ("%.0f", value);
}

/* Text fields hold what a document can hold, at lengths a cell holds. */
static gboolean
check_text (const LlwField  *field,
            const char      *text,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  guint max_length = field->kind == LLW_FIELD_LONG_TEXT ? LLW_TEXT_MAX_LONG : LLW_TEXT_MAX_LINE;

  if (field->kind != LLW_FIELD_TEXT && field->kind != LLW_FIELD_LONG_TEXT &&
      field->kind != LLW_FIELD_EMAIL)
    return TRUE;
  if (llw_text_check (text, max_length, &local_error))
    return TRUE;
  invalid (error, local_error->message);
  return FALSE;
}

/**
 * llw_field_parse:
 * @field: the field
 * @text: (nullable): what the user typed or chose
 * @error: return location for the message to show beside the field
 *
 * Checks @text against the field's kind and makes the value to store: text in NFC (line
 * breaks and tabs kept in long text, folded to spaces in one-line text), without a character
 * a document cannot hold and not longer than a cell holds; dates in ISO.
 * Required fields and rules between records are checked by the database.
 *
 * Returns: (transfer full): the value to store, "" for an empty field, or %NULL with @error
 */
char *
llw_field_parse (const LlwField  *field,
                 const char      *text,
                 GError         **error)
{
  g_autofree char *normal = llw_text_normalize (text);
  GDate date;

  g_return_val_if_fail (field != NULL, NULL);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return invalid (error, _("This text is not valid Unicode."));
  if (*normal == '\0')
    return g_strdup ("");
  if (!check_text (field, normal, error))
    return NULL;

  switch (field->kind)
    {
    case LLW_FIELD_LONG_TEXT:
      return g_steal_pointer (&normal);
    case LLW_FIELD_TEXT:
      return g_strdelimit (g_steal_pointer (&normal), "\t\r\n", ' ');
    case LLW_FIELD_EMAIL:
      if (!looks_like_email (normal))
        return invalid (error, _("This does not look like an e-mail address."));
      return g_steal_pointer (&normal);
    case LLW_FIELD_DATE:
      if (!llw_date_parse (normal, &date))
        return invalid (error, _("Enter a real date as dd/mm/yyyy, such as 21/10/2021."));
      return llw_date_to_iso (&date);
    case LLW_FIELD_COUNT:
      return parse_count (normal, error);
    case LLW_FIELD_BOOLEAN:
      return g_strdup (g_str_equal (normal, "0") ? "0" : "1");
    case LLW_FIELD_CHOICE:
      if (!llw_enum_is_choice (field->choice_type (), normal))
        return invalid (error, _("Choose one of the listed values."));
      return g_steal_pointer (&normal);
    case LLW_FIELD_REFERENCE:
      if (g_ascii_strtoll (normal, NULL, 10) <= 0)
        return invalid (error, _("Choose one of the listed values."));
      return g_steal_pointer (&normal);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: (transfer full): a stored value as the user edits it: dates dd/mm/yyyy, counts
 *   with "." between the thousands as the user is asked to type them (1.250). */
char *
llw_field_to_edit_text (const LlwField *field,
                        const char     *stored)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (stored == NULL)
    return g_strdup ("");
  if (field->kind == LLW_FIELD_DATE)
    return llw_date_format (stored);
  if (field->kind == LLW_FIELD_COUNT && !(field->flags & LLW_FIELD_YEAR) && *stored != '\0')
    return llw_format_number (g_ascii_strtod (stored, NULL), 0);
  return g_strdup (stored);
}
