/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "llw-key-sorter.h"

/* A column's sorter whose keys are made once per record and kept with it, so that a list
 * of 50,000 rows sorts by comparing keys already made (LlwSortModel) instead of evaluating
 * an expression twice for every comparison, as GtkStringSorter and GtkNumericSorter do on
 * GTK 4.8. Its order is theirs: a text is case folded and compared by g_utf8_collate_key (),
 * as GtkStringSorter does with ignore-case (its default); any number type compares as a
 * number, as GtkNumericSorter ascending. A key function gives the records' own sort keys
 * (llw_text_sort_key, Vietnamese dictionary order). */

struct _LlwKeySorter
{
  GtkSorter parent_instance;

  GtkExpression *expression;
  LlwSortKeyFunc func;
  gpointer func_data;
  GQuark quark;  /* the records' keys of this sorter */
};

G_DEFINE_FINAL_TYPE (LlwKeySorter, llw_key_sorter, GTK_TYPE_SORTER)

enum
{
  PROP_0,
  PROP_EXPRESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* While llw_key_sorter_read_chain () asks the column view's sorter which sorters it compares
 * by, the key sorters answer it instead of comparing. Sorting happens on the main thread
 * only. */
typedef struct
{
  LlwKeySorter **sorters;
  guint n_sorters;
  guint max;
  LlwKeySorter *answering;
} Probe;

static Probe *probe;

static void
free_key (gpointer data)
{
  LlwSortKey *key = data;

  g_free (key->text);
  g_free (key);
}

static void
number_from_value (const GValue *value,
                   double       *number)
{
  switch (G_TYPE_FUNDAMENTAL (G_VALUE_TYPE (value)))
    {
    case G_TYPE_BOOLEAN:
      *number = g_value_get_boolean (value);
      break;
    case G_TYPE_CHAR:
      *number = g_value_get_schar (value);
      break;
    case G_TYPE_UCHAR:
      *number = g_value_get_uchar (value);
      break;
    case G_TYPE_INT:
      *number = g_value_get_int (value);
      break;
    case G_TYPE_UINT:
      *number = g_value_get_uint (value);
      break;
    case G_TYPE_LONG:
      *number = g_value_get_long (value);
      break;
    case G_TYPE_ULONG:
      *number = g_value_get_ulong (value);
      break;
    case G_TYPE_INT64:
      *number = g_value_get_int64 (value);
      break;
    case G_TYPE_UINT64:
      *number = g_value_get_uint64 (value);
      break;
    case G_TYPE_FLOAT:
      *number = g_value_get_float (value);
      break;
    case G_TYPE_DOUBLE:
      *number = g_value_get_double (value);
      break;
    default:
      g_critical ("LlwKeySorter cannot sort by a %s", G_VALUE_TYPE_NAME (value));
      break;
    }
}

static LlwSortKey *
make_key (LlwKeySorter *self,
          gpointer      item)
{
  LlwSortKey *key = g_new0 (LlwSortKey, 1);
  GValue value = G_VALUE_INIT;

  if (self->func != NULL)
    key->text = g_strdup (self->func (item, self->func_data));
  else if (self->expression != NULL && gtk_expression_evaluate (self->expression, item, &value))
    {
      if (G_VALUE_HOLDS_STRING (&value))
        {
          g_autofree char *folded = g_utf8_casefold (g_value_get_string (&value), -1);

          key->text = g_utf8_collate_key (folded, -1);
        }
      else
        number_from_value (&value, &key->number);
      g_value_unset (&value);
    }

  return key;
}

static GtkOrdering
answer_probe (LlwKeySorter *self)
{
  if (probe->answering == NULL && probe->n_sorters < probe->max)
    probe->sorters[probe->n_sorters++] = self;

  return self == probe->answering ? GTK_ORDERING_SMALLER : GTK_ORDERING_EQUAL;
}

static GtkOrdering
llw_key_sorter_compare (GtkSorter *sorter,
                        gpointer   item1,
                        gpointer   item2)
{
  LlwKeySorter *self = LLW_KEY_SORTER (sorter);

  if (probe != NULL)
    return answer_probe (self);

  return gtk_ordering_from_cmpfunc (
    llw_key_sorter_compare_keys (self, llw_key_sorter_get_key (self, item1),
                                 llw_key_sorter_get_key (self, item2)));
}

static GtkSorterOrder
llw_key_sorter_get_order (GtkSorter *sorter)
{
  LlwKeySorter *self = LLW_KEY_SORTER (sorter);

  return self->expression != NULL || self->func != NULL ? GTK_SORTER_ORDER_PARTIAL
                                                        : GTK_SORTER_ORDER_NONE;
}

static void
llw_key_sorter_finalize (GObject *object)
{
  LlwKeySorter *self = LLW_KEY_SORTER (object);

  g_clear_pointer (&self->expression, gtk_expression_unref);

  G_OBJECT_CLASS (llw_key_sorter_parent_class)->finalize (object);
}

static void
llw_key_sorter_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LlwKeySorter *self = LLW_KEY_SORTER (object);

  switch (prop_id)
    {
    case PROP_EXPRESSION:
      gtk_value_set_expression (value, self->expression);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The expression is set once, when the sorter is built: keys already kept with records
 * would not follow a new one. */
static void
llw_key_sorter_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LlwKeySorter *self = LLW_KEY_SORTER (object);

  switch (prop_id)
    {
    case PROP_EXPRESSION:
      g_clear_pointer (&self->expression, gtk_expression_unref);
      self->expression = gtk_value_dup_expression (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llw_key_sorter_class_init (LlwKeySorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->finalize = llw_key_sorter_finalize;
  object_class->get_property = llw_key_sorter_get_property;
  object_class->set_property = llw_key_sorter_set_property;
  sorter_class->compare = llw_key_sorter_compare;
  sorter_class->get_order = llw_key_sorter_get_order;

  properties[PROP_EXPRESSION] =
    gtk_param_spec_expression ("expression", NULL, NULL,
                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                               G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llw_key_sorter_init (LlwKeySorter *self)
{
  static int count;
  g_autofree char *name = g_strdup_printf ("llw-key-sorter-%d", g_atomic_int_add (&count, 1));

  self->quark = g_quark_from_string (name);
}

/**
 * llw_key_sorter_new:
 * @expression: (transfer full): what to sort by, evaluated on each record
 *
 * Returns: (transfer full): a sorter by @expression's value, a text or a number
 */
LlwKeySorter *
llw_key_sorter_new (GtkExpression *expression)
{
  LlwKeySorter *self = g_object_new (LLW_TYPE_KEY_SORTER, "expression", expression, NULL);

  g_clear_pointer (&expression, gtk_expression_unref);
  return self;
}

/**
 * llw_key_sorter_new_for_func:
 * @func: gives a record's sort key, whose byte order is the order wanted
 *
 * Returns: (transfer full): a sorter by the keys @func gives
 */
LlwKeySorter *
llw_key_sorter_new_for_func (LlwSortKeyFunc func,
                             gpointer       user_data)
{
  LlwKeySorter *self = g_object_new (LLW_TYPE_KEY_SORTER, NULL);

  self->func = func;
  self->func_data = user_data;
  return self;
}

/**
 * llw_key_sorter_get_key:
 * @item: a record
 *
 * Returns: (transfer none): @item's key, made the first time and kept with @item
 */
const LlwSortKey *
llw_key_sorter_get_key (LlwKeySorter *self,
                        gpointer      item)
{
  LlwSortKey *key;

  g_return_val_if_fail (LLW_IS_KEY_SORTER (self), NULL);

  key = g_object_get_qdata (item, self->quark);
  if (key == NULL)
    {
      key = make_key (self, item);
      g_object_set_qdata_full (item, self->quark, key, free_key);
    }
  return key;
}

/* Returns: negative, 0 or positive as @key1 sorts before, with or after @key2. */
int
llw_key_sorter_compare_keys (LlwKeySorter     *self,
                             const LlwSortKey *key1,
                             const LlwSortKey *key2)
{
  if (key1->text != NULL || key2->text != NULL)
    return g_strcmp0 (key1->text, key2->text);

  return key1->number < key2->number ? -1 : key1->number > key2->number;
}

/**
 * llw_key_sorter_read_chain:
 * @sorter: a column view's sorter, whose columns all sort with key sorters
 * @item1: a record of the list
 * @item2: another record
 * @sorters: (out caller-allocates) (array length=max): the key sorters @sorter compares by,
 *   the first first
 * @reversed: (out caller-allocates) (array length=max): whether each sorts descending
 *
 * GTK 4.8 does not say which columns a column view sorts by, nor which way: this asks its
 * sorter to compare two records while the key sorters answer, first all "equal" (so
 * that each is asked, in order), then each in turn "smaller" (whose sign tells its way).
 * Only key sorters answer: any other sorter would compare the two records for real.
 *
 * Returns: how many sorters @sorter compares by, at most @max
 */
guint
llw_key_sorter_read_chain (GtkSorter     *sorter,
                           gpointer       item1,
                           gpointer       item2,
                           LlwKeySorter **sorters,
                           gboolean      *reversed,
                           guint          max)
{
  Probe state = { sorters, 0, max, NULL };

  g_return_val_if_fail (GTK_IS_SORTER (sorter), 0);
  g_return_val_if_fail (item1 != item2, 0);
  g_return_val_if_fail (probe == NULL, 0);

  probe = &state;
  gtk_sorter_compare (sorter, item1, item2);
  for (guint i = 0; i < state.n_sorters; i++)
    {
      state.answering = sorters[i];
      reversed[i] = gtk_sorter_compare (sorter, item1, item2) == GTK_ORDERING_LARGER;
    }
  probe = NULL;

  return state.n_sorters;
}
