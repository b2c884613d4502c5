/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "llw-report-input.h"

G_BEGIN_DECLS

/* The largest returned form read: a form is some tens of kilobytes. */
#define LLW_FORM_MAX_FILE_SIZE (16 * 1024 * 1024)

LlwReportInput *llw_form_read      (GBytes      *bytes,
                                    const char  *file_name,
                                    GError     **error);
LlwReportInput *llw_form_read_file (const char  *path,
                                    const char  *file_name,
                                    GError     **error);

G_END_DECLS
