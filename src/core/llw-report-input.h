/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One unit's report as a file brings it, in plain values: the forms library reads a returned
 * form into one, core checks it and writes it, and the form maker fills a form from one.
 * Text is as the unit wrote it (NFC); core parses and checks it.
 *
 * fields:     "document_number", "document_date", "theme", "results", "difficulties",
 *             "proposals" → text; a key left out is not on the form
 * figures:    indicator code → text, "" for not reported
 * activities: one GHashTable each: "title", "kind", "theme", "start_date", "end_date",
 *             "form", "platform", "place", "participants", "note" → text
 * places:     where a value came from, for messages: "document_date" → "Báo cáo › C12",
 *             "figure:A1", "activity:3" (the fourth activity row), "activity:3:title" …
 * problems:   what could not be read, for llw_report_input_format_problem ()
 */
typedef struct
{
  char *file_name;          /* the file as the user named it, for messages */
  GBytes *content;          /* the whole file, kept with the report */
  char *token;              /* the form's identity, NULL when it has none */
  int campaign_year;        /* as the form says, 0 when it does not */
  char *unit_name;          /* as the form says */
  GHashTable *fields;
  GHashTable *figures;
  GPtrArray *activities;
  GHashTable *places;
  GPtrArray *problems;      /* found while reading the file: messages, */
  GPtrArray *problem_keys;  /* and the key of the value each is about, "" for none */
  GPtrArray *notes;         /* worth knowing, not in the way: "not imported: …" */
} LlwReportInput;

/* The keys of fields. */
#define LLW_INPUT_DOCUMENT_NUMBER "document_number"
#define LLW_INPUT_DOCUMENT_DATE   "document_date"
#define LLW_INPUT_THEME           "theme"
#define LLW_INPUT_RESULTS         "results"
#define LLW_INPUT_DIFFICULTIES    "difficulties"
#define LLW_INPUT_PROPOSALS       "proposals"

LlwReportInput *llw_report_input_new        (const char      *file_name);
void            llw_report_input_free       (LlwReportInput  *self);
GHashTable     *llw_report_input_add_activity (LlwReportInput *self);
void            llw_report_input_set_place  (LlwReportInput  *self,
                                             const char      *key,
                                             const char      *place);
const char     *llw_report_input_get_place  (LlwReportInput  *self,
                                             const char      *key);
void            llw_report_input_add_problem (LlwReportInput *self,
                                              const char     *key,
                                              const char     *message);
char           *llw_report_input_format_problem (LlwReportInput *self,
                                                 const char     *key,
                                                 const char     *message);
gboolean        llw_report_input_is_blank   (LlwReportInput  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlwReportInput, llw_report_input_free)

G_END_DECLS
