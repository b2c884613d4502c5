/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a field holds, which decides how its text is checked, stored and shown. */
typedef enum
{
  LLW_FIELD_TEXT,       /* one line */
  LLW_FIELD_LONG_TEXT,  /* several lines; tabs and newlines are kept */
  LLW_FIELD_DATE,       /* typed dd/mm/yyyy, stored YYYY-MM-DD */
  LLW_FIELD_COUNT,      /* a whole number ≥ 0 */
  LLW_FIELD_BOOLEAN,    /* "1" or "0" */
  LLW_FIELD_CHOICE,     /* one of the field's choices */
  LLW_FIELD_REFERENCE,  /* the id of a record of another table */
  LLW_FIELD_EMAIL,      /* one line that must look like an e-mail address */
} LlwFieldKind;

typedef enum
{
  LLW_FIELD_REQUIRED        = 1 << 0,
  LLW_FIELD_UNIQUE          = 1 << 1,  /* among all rows of the table */
  LLW_FIELD_UNIQUE_CAMPAIGN = 1 << 2,  /* among the rows of the same campaign */
  LLW_FIELD_IN_WEEK         = 1 << 3,  /* a date inside the campaign's Week */
  LLW_FIELD_AFTER_WEEK      = 1 << 4,  /* a date after the campaign's Week has ended */
  LLW_FIELD_SINCE_WEEK      = 1 << 5,  /* a date on or after the first day of the Week */
  LLW_FIELD_NOT_FUTURE      = 1 << 6,  /* a date that has come: today at the latest */
  LLW_FIELD_YEAR            = 1 << 7,  /* a count that is a year: 2021, never "2.021" */
} LlwFieldFlags;

typedef struct
{
  const char *column;
  const char *label;            /* English, translated with _() where shown */
  LlwFieldKind kind;
  LlwFieldFlags flags;
  GType (*choice_type) (void);  /* LLW_FIELD_CHOICE: the enum type of the stored values */
  const char *reference;        /* LLW_FIELD_REFERENCE: the table referred to */
  const char *key_column;       /* a column kept as llw_text_name_key () of this one */
  const char *default_value;    /* stored value of a new record that does not give one */
} LlwField;

typedef struct _LlwEntity LlwEntity;

struct _LlwEntity
{
  const char *table;
  const char *label;            /* "Unit": English, translated where shown */
  gboolean per_campaign;        /* rows belong to a campaign (campaign_id column) */
  gboolean ordered;             /* a position column, set on insert to come last */
  const LlwField *fields;
  guint n_fields;
  /* Rules across fields; adds messages to @errors keyed by column. */
  void (*check) (const LlwEntity *entity,
                 GHashTable      *values,
                 GHashTable      *errors);
};

extern const LlwEntity llw_entity_campaign;
extern const LlwEntity llw_entity_theme;
extern const LlwEntity llw_entity_activity_kind;
extern const LlwEntity llw_entity_unit;
extern const LlwEntity llw_entity_assignment;
extern const LlwEntity llw_entity_activity;
extern const LlwEntity llw_entity_indicator;
extern const LlwEntity llw_entity_report;
extern const LlwEntity llw_entity_reminder;
extern const LlwEntity llw_entity_report_example;

const LlwEntity *llw_entity_lookup          (const char      *table);
const LlwField  *llw_entity_get_field       (const LlwEntity *entity,
                                             const char      *column);
const char      *llw_field_get_label        (const LlwField  *field);
const char      *llw_field_choice_label     (const LlwField  *field,
                                             const char      *value);
char           **llw_field_dup_choices      (const LlwField  *field);
char            *llw_field_parse            (const LlwField  *field,
                                             const char      *text,
                                             GError         **error);
char            *llw_field_to_edit_text     (const LlwField  *field,
                                             const char      *stored);

G_END_DECLS
