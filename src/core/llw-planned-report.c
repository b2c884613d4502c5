/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "llw-date.h"
#include "llw-planned-report.h"

/* What an import will do to one unit's report, before it is written: whether the report is
 * created or replaces one received before, each value that changes from what to what, the
 * activities added, and what else is worth knowing. The preview lists these. */

struct _LlwPlannedReport
{
  GObject parent_instance;

  gint64 unit_id;
  char *unit_name;
  LlwPlannedAction action;
  char *source;
  char *received_date;
  GPtrArray *changes;       /* LlwPlannedChange */
  GPtrArray *activities;    /* titles */
  GPtrArray *notes;
};

G_DEFINE_FINAL_TYPE (LlwPlannedReport, llw_planned_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RECEIVED_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_free (gpointer data)
{
  LlwPlannedChange *change = data;

  g_free (change->label);
  g_free (change->code);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static void
llw_planned_report_finalize (GObject *object)
{
  LlwPlannedReport *self = LLW_PLANNED_REPORT (object);

  g_free (self->unit_name);
  g_free (self->source);
  g_free (self->received_date);
  g_ptr_array_unref (self->changes);
  g_ptr_array_unref (self->activities);
  g_ptr_array_unref (self->notes);

  G_OBJECT_CLASS (llw_planned_report_parent_class)->finalize (object);
}

static void
llw_planned_report_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LlwPlannedReport *self = LLW_PLANNED_REPORT (object);

  switch (prop_id)
    {
    case PROP_RECEIVED_DATE:
      g_value_set_string (value, self->received_date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_planned_report_class_init (LlwPlannedReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_planned_report_finalize;
  object_class->get_property = llw_planned_report_get_property;

  properties[PROP_RECEIVED_DATE] =
    g_param_spec_string ("received-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llw_planned_report_init (LlwPlannedReport *self)
{
  self->changes = g_ptr_array_new_with_free_func (change_free);
  self->activities = g_ptr_array_new_with_free_func (g_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
}

/**
 * llw_planned_report_new:
 * @source: where the report comes from, for the user: a file's name
 *
 * Returns: (transfer full): a plan with no changes yet
 */
LlwPlannedReport *
llw_planned_report_new (gint64            unit_id,
                        const char       *unit_name,
                        LlwPlannedAction  action,
                        const char       *source)
{
  LlwPlannedReport *self = g_object_new (LLW_TYPE_PLANNED_REPORT, NULL);

  self->unit_id = unit_id;
  self->unit_name = g_strdup (unit_name);
  self->action = action;
  self->source = g_strdup (source);
  return self;
}

gint64
llw_planned_report_get_unit_id (LlwPlannedReport *self)
{
  g_return_val_if_fail (LLW_IS_PLANNED_REPORT (self), 0);

  return self->unit_id;
}

const char *
llw_planned_report_get_unit_name (LlwPlannedReport *self)
{
  g_return_val_if_fail (LLW_IS_PLANNED_REPORT (self), NULL);

  return self->unit_name;
}

LlwPlannedAction
llw_planned_report_get_action (LlwPlannedReport *self)
{
  g_return_val_if_fail (LLW_IS_PLANNED_REPORT (self), LLW_PLANNED_CREATE);

  return self->action;
}

const char *
llw_planned_report_get_source (LlwPlannedReport *self)
{
  g_return_val_if_fail (LLW_IS_PLANNED_REPORT (self), NULL);

  return self->source;
}

/* Returns: (nullable): the date the report will be recorded as received, ISO 8601 */
const char *
llw_planned_report_get_received_date (LlwPlannedReport *self)
{
  g_return_val_if_fail (LLW_IS_PLANNED_REPORT (self), NULL);

  return self->received_date;
}

void
llw_planned_report_set_received_date (LlwPlannedReport *self,
                                      const char       *iso)
{
  g_return_if_fail (LLW_IS_PLANNED_REPORT (self));

  if (g_strcmp0 (self->received_date, iso) == 0)
    return;
  g_free (self->received_date);
  self->received_date = g_strdup (iso);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED_DATE]);
}

/* Returns: (transfer none) (element-type LlwPlannedChange): the values that change */
GPtrArray *
llw_planned_report_get_changes (LlwPlannedReport *self)
{
  g_return_val_if_fail (LLW_IS_PLANNED_REPORT (self), NULL);

  return self->changes;
}

/* Returns: (transfer none) (element-type utf8): the titles of the activities added */
GPtrArray *
llw_planned_report_get_activities (LlwPlannedReport *self)
{
  g_return_val_if_fail (LLW_IS_PLANNED_REPORT (self), NULL);

  return self->activities;
}

/* Returns: (transfer none) (element-type utf8): what the user should know, in their
 *   language; nothing that stops the import */
GPtrArray *
llw_planned_report_get_notes (LlwPlannedReport *self)
{
  g_return_val_if_fail (LLW_IS_PLANNED_REPORT (self), NULL);

  return self->notes;
}

void
llw_planned_report_add_change (LlwPlannedReport *self,
                               const char       *label,
                               const char       *code,
                               const char       *old_value,
                               const char       *new_value)
{
  LlwPlannedChange *change = g_new0 (LlwPlannedChange, 1);

  g_return_if_fail (LLW_IS_PLANNED_REPORT (self));

  change->label = g_strdup (label);
  change->code = g_strdup (code);
  change->old_value = g_strdup (old_value ? old_value : "");
  change->new_value = g_strdup (new_value ? new_value : "");
  g_ptr_array_add (self->changes, change);
}

void
llw_planned_report_add_activity (LlwPlannedReport *self,
                                 const char       *title)
{
  g_return_if_fail (LLW_IS_PLANNED_REPORT (self));

  g_ptr_array_add (self->activities, g_strdup (title));
}

void
llw_planned_report_add_note (LlwPlannedReport *self,
                             const char       *note)
{
  g_return_if_fail (LLW_IS_PLANNED_REPORT (self));

  g_ptr_array_add (self->notes, g_strdup (note));
}

/**
 * llw_planned_report_describe:
 *
 * Returns: (transfer full): the plan in lines of plain text, for the command line: what
 *   happens to the report, then each change "label: old → new", the activities and notes
 */
char *
llw_planned_report_describe (LlwPlannedReport *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *received = llw_date_format (self->received_date);

  g_return_val_if_fail (LLW_IS_PLANNED_REPORT (self), NULL);

  g_string_append_printf (text, self->action == LLW_PLANNED_CREATE
                                ? _("%s: a new report, received on %s (%s)")
                                : _("%s: replaces the report received before, now received "
                                    "on %s (%s)"),
                          self->unit_name, received, self->source);
  for (guint i = 0; i < self->changes->len; i++)
    {
      LlwPlannedChange *change = self->changes->pdata[i];

      g_string_append_printf (text, "\n  %s%s%s: %s → %s", change->code ? change->code : "",
                              change->code ? " " : "", change->label,
                              *change->old_value ? change->old_value : "—",
                              *change->new_value ? change->new_value : "—");
    }
  for (guint i = 0; i < self->activities->len; i++)
    g_string_append_printf (text, "\n  + %s", (char *) self->activities->pdata[i]);
  for (guint i = 0; i < self->notes->len; i++)
    g_string_append_printf (text, "\n  ! %s", (char *) self->notes->pdata[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
