/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void llw_show_message (GtkWindow      *parent,
                       GtkMessageType  type,
                       const char     *title,
                       const char     *detail);
void llw_show_error   (GtkWindow      *parent,
                       const char     *title,
                       const GError   *error);

/**
 * LlwAnswerFunc:
 * @parent: the window the question was asked over
 * @data: what llw_ask () was given
 */
typedef void (*LlwAnswerFunc) (GtkWindow *parent,
                               gpointer   data);

void llw_ask          (GtkWindow      *parent,
                       const char     *question,
                       const char     *detail,
                       const char     *cancel,
                       const char     *accept,
                       gboolean        destructive,
                       LlwAnswerFunc   accepted,
                       gpointer        data,
                       GDestroyNotify  destroy);

GtkFileChooserNative *llw_file_chooser_new        (GtkWindow            *parent,
                                                   const char           *title,
                                                   GtkFileChooserAction  action,
                                                   const char           *accept,
                                                   const char           *name,
                                                   GtkFileFilter        *filter);
GtkFileChooserNative *llw_file_chooser_new_in     (GtkWindow            *parent,
                                                   const char           *title,
                                                   const char           *accept,
                                                   GtkFileFilter        *filter,
                                                   const char           *own_folder);
GFile                *llw_file_chooser_take       (GtkFileChooserNative *chooser,
                                                   int                   response);
char                 *llw_file_chooser_get_folder (void);

typedef gboolean (*LlwDialogChangedFunc) (GtkWindow *dialog);

void llw_dialog_add_shortcuts   (GtkWindow            *dialog,
                                 gboolean              enter);
void llw_dialog_confirm_discard (GtkWindow            *dialog,
                                 LlwDialogChangedFunc  changed);
void llw_dialog_set_save_hint   (GtkWidget            *button,
                                 const char           *why);
int  llw_dialog_fit             (GtkWindow            *dialog,
                                 int                   width,
                                 int                   height);

G_END_DECLS
