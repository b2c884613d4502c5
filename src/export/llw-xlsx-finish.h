/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LlwXlsxParts LlwXlsxParts;

LlwXlsxParts *llw_xlsx_parts_read  (const char    *path,
                                    GHashTable    *renames,
                                    GError       **error);
gboolean      llw_xlsx_parts_write (LlwXlsxParts  *parts,
                                    LlwXlsxParts  *replacing,
                                    const char    *target,
                                    GDateTime     *modified,
                                    GError       **error);
void          llw_xlsx_parts_free  (LlwXlsxParts  *parts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlwXlsxParts, llw_xlsx_parts_free)

gboolean llw_xlsx_finish (const char  *path,
                          const char  *target,
                          GDateTime   *modified,
                          GError     **error);

gboolean llw_package_check (const char  *path,
                            GError     **error);

G_END_DECLS
