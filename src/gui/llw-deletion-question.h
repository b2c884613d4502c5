/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "llw-campaign.h"
#include "llw-deletion.h"

G_BEGIN_DECLS

GtkWidget *llw_deletion_question_new (GtkWindow   *parent,
                                      LlwDeletion *deletion,
                                      LlwCampaign *campaign);

G_END_DECLS
