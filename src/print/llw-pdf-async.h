/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     llw_pdf_write_async  (GObject              *document,
                               gboolean              landscape,
                               const char           *path,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);
gboolean llw_pdf_write_finish (GAsyncResult         *result,
                               GError              **error);

G_END_DECLS
