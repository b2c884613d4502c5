/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean llw_file_replace (const char  *from,
                           const char  *to,
                           GError     **error);

G_END_DECLS
