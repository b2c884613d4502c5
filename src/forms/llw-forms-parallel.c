/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "llw-forms-parallel.h"

/* Forms are written and read one file each, independently of the others: on every core.
 * Writing a form is mostly zlib and libxlsxwriter's temporary files, reading one libgsf and
 * libxml2, none of which shares state between files. */

typedef struct
{
  LlwForEachFunc func;
  gpointer data;
} Job;

static void
run_one (gpointer index,
         gpointer user_data)
{
  Job *job = user_data;

  job->func (GPOINTER_TO_UINT (index) - 1, job->data);
}

/**
 * llw_forms_for_each:
 * @n: how many items
 * @func: called once for each index from 0 to @n - 1, on any thread, in any order
 *
 * Calls @func for every item, on as many threads as the computer has cores, and returns
 * once every call has returned.
 */
void
llw_forms_for_each (guint          n,
                    LlwForEachFunc func,
                    gpointer       data)
{
  Job job = { func, data };
  guint threads = MIN (n, (guint) g_get_num_processors ());
  GThreadPool *pool;

  if (threads <= 1)
    {
      for (guint i = 0; i < n; i++)
        func (i, data);
      return;
    }

  pool = g_thread_pool_new (run_one, &job, (int) threads, TRUE, NULL);
  for (guint i = 0; i < n; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}
