/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "llw-report-document.h"

G_BEGIN_DECLS

gboolean llw_odt_write (LlwReportDocument  *document,
                        GDateTime          *written_at,
                        const char         *path,
                        GError            **error);

G_END_DECLS
