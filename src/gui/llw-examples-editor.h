/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-campaign-data.h"

G_BEGIN_DECLS

#define LLW_TYPE_EXAMPLES_EDITOR (llw_examples_editor_get_type ())
G_DECLARE_FINAL_TYPE (LlwExamplesEditor, llw_examples_editor, LLW, EXAMPLES_EDITOR, GtkBox)

LlwExamplesEditor *llw_examples_editor_new (LlwCampaignData *data);

G_END_DECLS
