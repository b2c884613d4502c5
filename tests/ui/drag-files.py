#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A window that holds files to drag, as a file manager or a mail program does: the window
tests drag its label onto llweek with the pointer (xdotool), so that llweek receives a real
drop. Usage: drag-files.py FILE…; it prints "ready" once it is shown."""

import sys

import gi

gi.require_version("Gdk", "4.0")
gi.require_version("Gtk", "4.0")
from gi.repository import Gdk, Gio, GLib, Gtk  # noqa: E402

files = [Gio.File.new_for_path(path) for path in sys.argv[1:]]


def prepare(source, x, y):
    return Gdk.ContentProvider.new_for_value(Gdk.FileList.new_from_list(files))


def activate(app):
    window = Gtk.ApplicationWindow(application=app, title="drag-files")
    label = Gtk.Label(label=f"{len(files)} files")
    label.set_size_request(200, 120)
    source = Gtk.DragSource(actions=Gdk.DragAction.COPY)
    source.connect("prepare", prepare)
    label.add_controller(source)
    window.set_child(label)
    window.present()
    GLib.timeout_add(500, lambda: print("ready", flush=True) and False)


app = Gtk.Application(application_id="io.github.llweek.DragFiles",
                      flags=Gio.ApplicationFlags.NON_UNIQUE)
app.connect("activate", activate)
app.run([])
