/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean llw_xlsx_finish (const char  *path,
                          const char  *target,
                          GDateTime   *modified,
                          GError     **error);

gboolean llw_package_check (const char  *path,
                            GError     **error);

G_END_DECLS
