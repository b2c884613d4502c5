/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a fill-in form holds and where, shared by the maker and the reader. A form is a
 * document in Vietnamese whatever the interface language: its words are written here as the
 * office writes them, never translated.
 *
 * Every input cell is found through a defined name, never by its address: Excel,
 * LibreOffice and WPS Office move a name with its cell when a row or a column is inserted
 * or a sheet renamed. */

/* Version 1: the layout below. A reader refuses a form of a later version. */
#define LLW_FORM_VERSION 1

#define LLW_FORM_SHEET_REPORT     "Báo cáo"
#define LLW_FORM_SHEET_ACTIVITIES "Hoạt động"
#define LLW_FORM_SHEET_GUIDE      "Hướng dẫn"
#define LLW_FORM_SHEET_IDENTITY   "llweek"

/* Custom document properties, and the same keys in column A of the hidden identity sheet
 * with the value in column B: two copies, for a program that drops one of them. */
#define LLW_FORM_KEY_VERSION  "llweek-form"
#define LLW_FORM_KEY_SCHEMA   "llweek-schema"
#define LLW_FORM_KEY_CAMPAIGN "llweek-campaign"
#define LLW_FORM_KEY_UNIT     "llweek-unit"
#define LLW_FORM_KEY_TOKEN    "llweek-token"
/* Identity sheet rows "llweek-figure" | indicator code | defined name of its input cell. */
#define LLW_FORM_KEY_FIGURE   "llweek-figure"

/* Defined names of the single input cells of the Báo cáo sheet; each figure's is
 * LLW_FORM_NAME_FIGURE followed by its number (1, 2, …), listed in the identity sheet. */
#define LLW_FORM_NAME_DOCUMENT_NUMBER "llw_document_number"
#define LLW_FORM_NAME_DOCUMENT_DATE   "llw_document_date"
#define LLW_FORM_NAME_THEME           "llw_theme"
#define LLW_FORM_NAME_RESULTS         "llw_results"
#define LLW_FORM_NAME_DIFFICULTIES    "llw_difficulties"
#define LLW_FORM_NAME_PROPOSALS       "llw_proposals"
#define LLW_FORM_NAME_FIGURE          "llw_figure_"

/* The lists the drop-downs offer, in the identity sheet. */
#define LLW_FORM_NAME_THEMES "llw_list_themes"
#define LLW_FORM_NAME_KINDS  "llw_list_kinds"
#define LLW_FORM_NAME_FORMS  "llw_list_forms"

/* The columns of the Hoạt động sheet: each a defined name over the column's input rows. */
typedef struct
{
  const char *key;        /* LlwReportInput activity column */
  const char *name;       /* defined name */
  const char *heading;    /* column heading on the sheet */
  double width;
} LlwFormColumn;

enum
{
  LLW_FORM_ACTIVITY_TITLE,
  LLW_FORM_ACTIVITY_KIND,
  LLW_FORM_ACTIVITY_THEME,
  LLW_FORM_ACTIVITY_START,
  LLW_FORM_ACTIVITY_END,
  LLW_FORM_ACTIVITY_FORM,
  LLW_FORM_ACTIVITY_PLATFORM,
  LLW_FORM_ACTIVITY_PLACE,
  LLW_FORM_ACTIVITY_PARTICIPANTS,
  LLW_FORM_ACTIVITY_NOTE,
  LLW_FORM_N_ACTIVITY_COLUMNS
};

extern const LlwFormColumn llw_form_activity_columns[LLW_FORM_N_ACTIVITY_COLUMNS];

/* Rows for activities on a new form; a form made again has room for the unit's own too. */
#define LLW_FORM_ACTIVITY_ROWS 100

/* How an activity's form (in person, online, mixed) is written on the sheet. */
const char *llw_form_activity_form_word  (const char *stored);
const char *llw_form_activity_form_value (const char *word);

G_END_DECLS
