/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#ifdef G_OS_UNIX
#include <signal.h>
#include <glib-unix.h>
#endif

#include "llw-application.h"
#include "llw-database.h"
#include "llw-dialogs.h"
#include "llw-file.h"
#include "llw-settings.h"
#include "llw-window.h"

struct _LlwApplication
{
  GtkApplication parent_instance;

  char *database_path;
  int campaign_year;
  LlwDatabase *database;
};

G_DEFINE_FINAL_TYPE (LlwApplication, llw_application, GTK_TYPE_APPLICATION)

/* Without a database there is nothing to show: the message is the only window, and closing it
 * ends the application. The file itself is left as it was (llw_database_open sees to that). */
static void
show_startup_error (LlwApplication *self,
                    const GError   *error)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (NULL, 0, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", _("The database cannot be opened"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Lifelong Learning Week"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/llweek/Llweek/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The windows go first, so that the database they hold is closed cleanly; the application
 * ends with the last of them. */
static void
close_windows (GtkApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (app)) != NULL)
    gtk_window_destroy (windows->data);
}

#ifdef G_OS_UNIX
static gboolean
quit_on_signal (gpointer user_data)
{
  close_windows (user_data);
  return G_SOURCE_CONTINUE;
}
#endif

static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  close_windows (user_data);
}

static void
about (GSimpleAction *action,
       GVariant      *parameter,
       gpointer       user_data)
{
  GtkApplication *app = user_data;

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", _("Lifelong Learning Week"),
                         "version", PACKAGE_VERSION,
                         "logo-icon-name", APP_ID,
                         "comments", _("Themes, activities, responsible units and their "
                                       "reports, for the office that coordinates the Week."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your name, to be credited in the About window */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
llw_application_startup (GApplication *application)
{
  static const GActionEntry actions[] = {
    { "quit", quit },
    { "about", about },
  };
  static const struct
  {
    const char *action;
    const char *accels[2];
  } shortcuts[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.show-page::overview", { "<Alt>1", NULL } },
    { "win.show-page::themes", { "<Alt>2", NULL } },
    { "win.show-page::activities", { "<Alt>3", NULL } },
    { "win.show-page::units", { "<Alt>4", NULL } },
    { "win.show-page::reports", { "<Alt>5", NULL } },
  };

  G_APPLICATION_CLASS (llw_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions),
                                   application);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), shortcuts[i].action,
                                           shortcuts[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
  load_style ();

#ifdef G_OS_UNIX
  /* Ending the session sends SIGTERM: quit as from the menu rather than leave the database's
   * write-ahead log behind. */
  g_unix_signal_add (SIGTERM, quit_on_signal, application);
  g_unix_signal_add (SIGINT, quit_on_signal, application);
#endif
}

/* The campaign asked for on the command line; else the one shown last, while it exists; else
 * the latest. */
static LlwCampaign *
first_campaign (LlwApplication  *self,
                GError         **error)
{
  g_autoptr(GSettings) settings = NULL;
  LlwCampaign *campaign = NULL;
  int last_year = 0;

  if (self->campaign_year == 0 && (settings = llw_settings_new ()) != NULL)
    last_year = g_settings_get_int (settings, "last-campaign-year");
  if (last_year > 0)
    campaign = llw_database_get_campaign (self->database, last_year, NULL);
  if (campaign == NULL)
    campaign = llw_database_get_campaign (self->database, self->campaign_year, error);
  return campaign;
}

static gboolean
backup_job (LlwDatabase   *worker,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return llw_database_backup_automatic (worker, error);
}

static void
backed_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  g_application_release (g_application_get_default ());
  if (!llw_database_run_finish (LLW_DATABASE (source), result, &error) &&
      gtk_window_get_application (window) != NULL)
    llw_show_message (window, GTK_MESSAGE_WARNING, _("The automatic backup could not be made"),
                      error->message);
}

/* Every start keeps a copy of the data beside it; a file open for reading only says so
 * instead, since its changes would not be saved. Done once the window is drawn, and on a
 * worker thread: a large database takes a while to read and copy. */
static gboolean
keep_backup_cb (gpointer user_data)
{
  LlwApplication *self = LLW_APPLICATION (g_application_get_default ());
  GtkWindow *window = user_data;

  if (gtk_window_get_application (window) == NULL)
    return G_SOURCE_REMOVE;  /* closed meanwhile */

  if (llw_database_is_read_only (self->database))
    {
      g_autofree char *title = g_strdup_printf (_("%s (read only)"),
                                                gtk_window_get_title (window));

      gtk_window_set_title (window, title);
      llw_show_message (window, GTK_MESSAGE_WARNING, _("Open for reading only"),
                        llw_database_get_read_only_reason (self->database));
    }
  else
    {
      /* Closed meanwhile, llweek ends once the copy is whole, not halfway through it. */
      g_application_hold (G_APPLICATION (self));
      llw_database_run_async (self->database, backup_job, NULL, NULL, NULL, backed_up_cb,
                              g_object_ref (window));
    }
  return G_SOURCE_REMOVE;
}

static void
llw_application_activate (GApplication *application)
{
  LlwApplication *self = LLW_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlwCampaign) campaign = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->database == NULL)
    self->database = llw_database_open (self->database_path, &error);
  if (self->database != NULL && llw_database_was_created (self->database))
    g_printerr (_("“%s” did not exist: a new database was made there, with the default "
                  "campaign.\n"), self->database_path);
  if (self->database != NULL)
    campaign = first_campaign (self, &error);

  if (campaign == NULL)
    {
      show_startup_error (self, error);
      return;
    }

  window = GTK_WINDOW (llw_window_new (GTK_APPLICATION (self), self->database, campaign));
  gtk_window_present (window);
  g_idle_add_full (G_PRIORITY_LOW, keep_backup_cb, g_object_ref (window), g_object_unref);
}

static void
llw_application_finalize (GObject *object)
{
  LlwApplication *self = LLW_APPLICATION (object);

  g_clear_object (&self->database);
  g_free (self->database_path);

  G_OBJECT_CLASS (llw_application_parent_class)->finalize (object);
}

static void
llw_application_class_init (LlwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = llw_application_finalize;

  application_class->startup = llw_application_startup;
  application_class->activate = llw_application_activate;
}

static void
llw_application_init (LlwApplication *self)
{
}

/* Each database has an application of its own: starting llweek again on the same file shows
 * its window, and on another file opens a window of that file, never the first one's. The
 * default database keeps the plain id, which the desktop file names. */
static char *
application_id_for (const char *database_path)
{
  g_autofree char *default_path = llw_database_default_path ();
  g_autofree char *real = llw_file_resolve_links (database_path);
  g_autofree char *real_default = llw_file_resolve_links (default_path);
  g_autofree char *hash = NULL;

#ifdef G_OS_WIN32
  /* Windows does not tell the case of a file name apart. */
  {
    char *folded = g_utf8_casefold (real, -1);

    g_free (real);
    real = folded;
    folded = g_utf8_casefold (real_default, -1);
    g_free (real_default);
    real_default = folded;
  }
#endif
  if (g_str_equal (real, real_default))
    return g_strdup (APP_ID);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, real, -1);
  return g_strdup_printf ("%s.Db%.16s", APP_ID, hash);
}

/**
 * llw_application_new:
 * @database_path: the database file to open when the window is first shown
 * @campaign_year: the campaign to show first, 0 for the latest
 *
 * Returns: (transfer full): the application
 */
LlwApplication *
llw_application_new (const char *database_path,
                     int         campaign_year)
{
  g_autofree char *application_id = NULL;
  LlwApplication *self;

  g_return_val_if_fail (database_path != NULL, NULL);

  application_id = application_id_for (database_path);
  self = g_object_new (LLW_TYPE_APPLICATION,
                       "application-id", application_id,
                       "resource-base-path", "/io/github/llweek/Llweek",
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
  self->database_path = g_strdup (database_path);
  self->campaign_year = campaign_year;

  return self;
}
