/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gsf/gsf.h>

G_BEGIN_DECLS

/* libgsf has no g_autoptr () support of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

G_END_DECLS
