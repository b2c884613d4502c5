/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *llw_output_temporary_new (const char  *path,
                                    GError     **error);
gboolean  llw_output_move_over     (const char  *from_path,
                                    const char  *to_path,
                                    GError     **error);
char     *llw_output_scratch_folder (void);

G_END_DECLS
