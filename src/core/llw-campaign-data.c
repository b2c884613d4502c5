/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-campaign-data.h"
#include "llw-database-get.h"
#include "llw-date.h"

/* One campaign's lists as the tabs show them. The overview and the reports tab both show the
 * report statuses: each list is read from the database once, when the first tab asks. */

typedef enum
{
  LIST_THEMES,
  LIST_ACTIVITY_KINDS,
  LIST_UNITS,
  LIST_ACTIVITIES,
  LIST_REPORT_STATUSES,
  N_LISTS
} ListKind;

struct _LlwCampaignData
{
  GObject parent_instance;

  LlwDatabase *database;
  LlwCampaign *campaign;
  GDate today;
  GListModel *lists[N_LISTS];

  GArray *pending;      /* Change: what the database announced since the lists were updated */
  guint flush_id;
};

typedef struct
{
  const char *table;    /* interned */
  gint64 id;
} Change;

G_DEFINE_FINAL_TYPE (LlwCampaignData, llw_campaign_data, G_TYPE_OBJECT)

static GListModel *
load_list (LlwCampaignData  *self,
           ListKind          kind,
           GError          **error)
{
  switch (kind)
    {
    case LIST_THEMES:
      return llw_database_list_themes (self->database, self->campaign, error);
    case LIST_ACTIVITY_KINDS:
      return llw_database_list_activity_kinds (self->database, self->campaign, error);
    case LIST_UNITS:
      return llw_database_list_units (self->database, self->campaign, error);
    case LIST_ACTIVITIES:
      return llw_database_list_activities (self->database, self->campaign, error);
    case LIST_REPORT_STATUSES:
      return llw_database_list_report_statuses (self->database, self->campaign, &self->today,
                                                error);
    case N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

static GListModel *
get_list (LlwCampaignData  *self,
          ListKind          kind,
          GError          **error)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (self), NULL);

  if (self->lists[kind] == NULL)
    self->lists[kind] = load_list (self, kind, error);

  return self->lists[kind];
}

/* Updating the lists when the database changes. A change to one record replaces its row
 * (a list may hold 50,000 units); a change to many rows of a table (id 0) reads again the
 * lists that show that table. Deleting or restoring a unit also changes many rows of the
 * tables that depend on it: those are read again for that unit only. */

typedef struct
{
  GHashTable *units;         /* gint64 * → the units whose rows to read again */
  GHashTable *reports;       /* gint64 * → the units whose report changed */
  GHashTable *activities;    /* gint64 * → the activities */
  gboolean many_units;
  gboolean many_assignments;
  gboolean many_activities;
  gboolean one_report;
  gboolean many_reports;
  gboolean themes;
  gboolean kinds;
} Batch;

static int
compare_units (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int position_a = llw_unit_get_position ((gpointer) a);
  int position_b = llw_unit_get_position ((gpointer) b);
  gint64 id_a = llw_unit_get_id ((gpointer) a);
  gint64 id_b = llw_unit_get_id ((gpointer) b);

  if (position_a != position_b)
    return position_a < position_b ? -1 : 1;
  return id_a < id_b ? -1 : id_a > id_b;
}

static int
compare_statuses (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return llw_report_status_compare (a, b);
}

static int
compare_activities (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  int order = g_strcmp0 (llw_activity_get_start_date ((gpointer) a),
                         llw_activity_get_start_date ((gpointer) b));
  gint64 id_a = llw_activity_get_id ((gpointer) a);
  gint64 id_b = llw_activity_get_id ((gpointer) b);

  if (order != 0)
    return order;
  return id_a < id_b ? -1 : id_a > id_b;
}

/* No position: the record is not in the list. */
#define NOT_FOUND G_MAXUINT

static guint
find_item (GListModel *list,
           gint64      id,
           gint64    (*get_id) (gpointer item))
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (get_id (item) == id)
        return i;
    }
  return NOT_FOUND;
}

/* Puts @item (or nothing, if %NULL) in the place of the row of @id in @store. */
static void
replace_item (GListStore       *store,
              gint64            id,
              gpointer          item,
              gint64          (*get_id) (gpointer item),
              GCompareDataFunc  compare)
{
  guint position = find_item (G_LIST_MODEL (store), id, get_id);

  if (position != NOT_FOUND)
    g_list_store_splice (store, position, 1, &item, item != NULL);
  else if (item != NULL)
    g_list_store_insert_sorted (store, item, compare, NULL);
}

static gint64
unit_id (gpointer item)
{
  return llw_unit_get_id (item);
}

static gint64
status_unit_id (gpointer item)
{
  return llw_report_status_get_unit_id (item);
}

static gint64
activity_id (gpointer item)
{
  return llw_activity_get_id (item);
}

/* Reads a list again, into the same store, so that the views showing it keep it. */
static void
reload_list (LlwCampaignData *self,
             ListKind         kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *list = self->lists[kind];

  if (list == NULL)
    return;

  fresh = load_list (self, kind, &error);
  if (fresh == NULL)
    {
      g_warning ("Cannot read the list again: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (fresh); i++)
    g_ptr_array_add (items, g_list_model_get_item (fresh, i));
  g_list_store_splice (G_LIST_STORE (list), 0, g_list_model_get_n_items (list), items->pdata,
                       items->len);
}

/* The unit's row in the report list. */
static void
refresh_status (LlwCampaignData *self,
                gint64           id)
{
  GListModel *list = self->lists[LIST_REPORT_STATUSES];
  g_autoptr(LlwReportStatus) status = NULL;

  if (list == NULL)
    return;
  status = llw_database_get_report_status (self->database, self->campaign, &self->today, id,
                                           NULL);
  replace_item (G_LIST_STORE (list), id, status, status_unit_id, compare_statuses);
}

/* The unit's row in the units and report lists, and its activities. */
static void
refresh_unit (LlwCampaignData *self,
              gint64           id,
              gboolean         statuses,
              gboolean         activities)
{
  GListModel *list;

  if ((list = self->lists[LIST_UNITS]) != NULL)
    {
      g_autoptr(LlwUnit) unit = llw_database_get_unit (self->database, self->campaign, id, NULL);

      replace_item (G_LIST_STORE (list), id, unit, unit_id, compare_units);
    }
  if (statuses)
    refresh_status (self, id);
  if (activities && (list = self->lists[LIST_ACTIVITIES]) != NULL)
    {
      g_autoptr(GListModel) of_unit = NULL;

      for (guint i = g_list_model_get_n_items (list); i-- > 0;)
        {
          g_autoptr(LlwActivity) activity = g_list_model_get_item (list, i);

          if (llw_activity_get_unit_id (activity) == id)
            g_list_store_remove (G_LIST_STORE (list), i);
        }
      of_unit = llw_database_list_unit_activities (self->database, self->campaign, id, NULL);
      for (guint i = 0; of_unit != NULL && i < g_list_model_get_n_items (of_unit); i++)
        {
          g_autoptr(LlwActivity) activity = g_list_model_get_item (of_unit, i);

          g_list_store_insert_sorted (G_LIST_STORE (list), activity, compare_activities, NULL);
        }
    }
}

static void
refresh_activity (LlwCampaignData *self,
                  gint64           id)
{
  g_autoptr(LlwActivity) activity = NULL;

  if (self->lists[LIST_ACTIVITIES] == NULL)
    return;

  activity = llw_database_get_activity (self->database, self->campaign, id, NULL);
  replace_item (G_LIST_STORE (self->lists[LIST_ACTIVITIES]), id, activity, activity_id,
                compare_activities);
}

static void
add_id (GHashTable *ids,
        gint64      id)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  g_hash_table_add (ids, key);
}

/* The unit an assignment or a report belongs to, or 0 if it is gone. */
static gint64
record_unit (LlwCampaignData *self,
             const LlwEntity *entity,
             gint64           id)
{
  g_autoptr(GHashTable) values = NULL;

  values = llw_database_load_values (self->database, entity, id, NULL);
  return values ? g_ascii_strtoll (g_hash_table_lookup (values, "unit_id"), NULL, 10) : 0;
}

static void
note_change (LlwCampaignData *self,
             Batch           *batch,
             const Change    *change)
{
  const char *table = change->table;
  gint64 unit;

  if (table == g_intern_static_string ("unit") && change->id > 0)
    add_id (batch->units, change->id);
  else if (table == g_intern_static_string ("unit"))
    batch->many_units = TRUE;
  else if (table == g_intern_static_string ("assignment"))
    {
      /* A deleted assignment no longer says whose it was. */
      unit = change->id > 0 ? record_unit (self, &llw_entity_assignment, change->id) : 0;
      if (unit > 0)
        add_id (batch->units, unit);
      else
        batch->many_assignments = TRUE;
    }
  else if (table == g_intern_static_string ("activity") && change->id > 0)
    add_id (batch->activities, change->id);
  else if (table == g_intern_static_string ("activity"))
    batch->many_activities = TRUE;
  else if (table == g_intern_static_string ("report") && change->id > 0)
    {
      /* One report saved is one row of 50,000 to read again; a deleted one no longer says
       * whose it was. */
      unit = record_unit (self, &llw_entity_report, change->id);
      if (unit > 0)
        add_id (batch->reports, unit);
      else
        batch->many_reports = TRUE;
      batch->one_report = TRUE;
    }
  else if (table == g_intern_static_string ("report") ||
           table == g_intern_static_string ("report_value") ||
           table == g_intern_static_string ("reminder"))
    batch->many_reports = TRUE;
  else if (table == g_intern_static_string ("theme"))
    batch->themes = TRUE;
  else if (table == g_intern_static_string ("activity_kind"))
    batch->kinds = TRUE;
}

/* Updates the lists as @batch says; see the comment at the top of this part. */
static void
apply_batch (LlwCampaignData *self,
             Batch           *batch)
{
  gboolean for_units = g_hash_table_size (batch->units) > 0;
  gboolean all_units = batch->many_units || (batch->many_assignments && !for_units);
  gboolean all_statuses = all_units || batch->themes || (batch->many_reports && !for_units);
  gboolean all_activities = batch->many_units || batch->themes || batch->kinds ||
                            (batch->many_activities && !for_units);
  GHashTableIter iter;
  gint64 *id;

  g_hash_table_iter_init (&iter, batch->units);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    refresh_unit (self, *id, !all_statuses, !all_activities);
  g_hash_table_iter_init (&iter, batch->reports);
  while (!all_statuses && g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!g_hash_table_contains (batch->units, id))
      refresh_status (self, *id);
  g_hash_table_iter_init (&iter, batch->activities);
  while (!all_activities && g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    refresh_activity (self, *id);

  if (all_units)
    reload_list (self, LIST_UNITS);
  if (all_statuses)
    reload_list (self, LIST_REPORT_STATUSES);
  if (all_activities)
    reload_list (self, LIST_ACTIVITIES);
  if (batch->themes || batch->one_report || batch->many_reports)
    reload_list (self, LIST_THEMES);
  if (batch->kinds || g_hash_table_size (batch->activities) > 0 || batch->many_activities ||
      for_units)
    reload_list (self, LIST_ACTIVITY_KINDS);
}

static gboolean
flush_cb (gpointer user_data)
{
  LlwCampaignData *self = user_data;

  self->flush_id = 0;
  llw_campaign_data_flush_changes (self);
  return G_SOURCE_REMOVE;
}

/* Changes come one table at a time (a delete announces the record, then each table its
 * cascade touched): they are taken together once the database is done. */
static void
database_changed_cb (LlwCampaignData *self,
                     const char      *table,
                     gint64           id,
                     LlwDatabase     *database)
{
  Change change = { g_intern_string (table), id };

  g_array_append_val (self->pending, change);
  if (self->flush_id == 0)
    self->flush_id = g_idle_add_full (G_PRIORITY_DEFAULT, flush_cb, self, NULL);
}

static void
llw_campaign_data_finalize (GObject *object)
{
  LlwCampaignData *self = LLW_CAMPAIGN_DATA (object);

  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_array_unref (self->pending);

  for (guint i = 0; i < N_LISTS; i++)
    g_clear_object (&self->lists[i]);
  g_clear_object (&self->campaign);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (llw_campaign_data_parent_class)->finalize (object);
}

static void
llw_campaign_data_class_init (LlwCampaignDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llw_campaign_data_finalize;
}

static void
llw_campaign_data_init (LlwCampaignData *self)
{
  llw_date_today (&self->today);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Change));
}

/* Returns: (transfer full): the lists of @campaign, none of them read yet; "today" is fixed
 *   now, so that every tab computes the same timeliness. */
LlwCampaignData *
llw_campaign_data_new (LlwDatabase *database,
                       LlwCampaign *campaign)
{
  LlwCampaignData *self;

  g_return_val_if_fail (LLW_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LLW_IS_CAMPAIGN (campaign), NULL);

  self = g_object_new (LLW_TYPE_CAMPAIGN_DATA, NULL);
  self->database = g_object_ref (database);
  self->campaign = g_object_ref (campaign);
  g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

LlwDatabase *
llw_campaign_data_get_database (LlwCampaignData *self)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (self), NULL);

  return self->database;
}

LlwCampaign *
llw_campaign_data_get_campaign (LlwCampaignData *self)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (self), NULL);

  return self->campaign;
}

const GDate *
llw_campaign_data_get_today (LlwCampaignData *self)
{
  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (self), NULL);

  return &self->today;
}

/**
 * llw_campaign_data_dup_read_only_reason:
 *
 * Returns: (transfer full) (nullable): why the campaign's records cannot be changed, in the
 *   user's language: the file is open for reading only, or the campaign is closed (its
 *   Ministry deadline has passed and it was not reopened); %NULL when they can
 */
char *
llw_campaign_data_dup_read_only_reason (LlwCampaignData *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LLW_IS_CAMPAIGN_DATA (self), NULL);

  if (llw_database_is_read_only (self->database))
    return g_strdup (llw_database_get_read_only_reason (self->database));
  if (!llw_database_check_open (self->database, llw_campaign_get_id (self->campaign), &error))
    return g_strdup (error->message);
  return NULL;
}

/* The getters below return (transfer none) the list, or %NULL with @error set. */

GListModel *
llw_campaign_data_get_themes (LlwCampaignData  *self,
                              GError          **error)
{
  return get_list (self, LIST_THEMES, error);
}

GListModel *
llw_campaign_data_get_activity_kinds (LlwCampaignData  *self,
                                      GError          **error)
{
  return get_list (self, LIST_ACTIVITY_KINDS, error);
}

GListModel *
llw_campaign_data_get_units (LlwCampaignData  *self,
                             GError          **error)
{
  return get_list (self, LIST_UNITS, error);
}

GListModel *
llw_campaign_data_get_activities (LlwCampaignData  *self,
                                  GError          **error)
{
  return get_list (self, LIST_ACTIVITIES, error);
}

GListModel *
llw_campaign_data_get_report_statuses (LlwCampaignData  *self,
                                       GError          **error)
{
  return get_list (self, LIST_REPORT_STATUSES, error);
}

/**
 * llw_campaign_data_flush_changes:
 *
 * Brings the lists up to date with the changes the database announced, now rather than when
 * the main loop is next idle: after a save, to select the record saved.
 */
void
llw_campaign_data_flush_changes (LlwCampaignData *self)
{
  Batch batch = { 0 };
  gint64 start = g_get_monotonic_time ();
  guint n_changes;

  g_return_if_fail (LLW_IS_CAMPAIGN_DATA (self));

  g_clear_handle_id (&self->flush_id, g_source_remove);
  if ((n_changes = self->pending->len) == 0)
    return;

  batch.units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  batch.reports = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  batch.activities = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < self->pending->len; i++)
    note_change (self, &batch, &g_array_index (self->pending, Change, i));
  g_array_set_size (self->pending, 0);

  apply_batch (self, &batch);
  g_hash_table_unref (batch.units);
  g_hash_table_unref (batch.reports);
  g_hash_table_unref (batch.activities);
  g_debug ("The lists took in %u changes in %.1f ms", n_changes,
           (g_get_monotonic_time () - start) / 1000.0);
}
