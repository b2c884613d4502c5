/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-settings.h"

/**
 * llw_settings_new:
 *
 * The window's settings (io.github.llweek.Llweek): its size, the last campaign and the last
 * export folder. An uninstalled build finds the schema through GSETTINGS_SCHEMA_DIR; without
 * it, g_settings_new () would abort, so the caller carries on with defaults instead.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL when the schema is not installed
 */
GSettings *
llw_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed: settings will not be kept", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}
