#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A window that holds files to drag, as a file manager or a mail program does: the window
tests drag its label onto llweek with the pointer (xdotool), so that llweek receives a real
drop. Usage: drag-files.py FILE…; it prints "ready" once it is shown, "dragging" when a drag
begins, "accepted" when the window under the pointer would take the files and "ended" when
the drag is over, so that the test moves and lets go of the pointer when the drag is ready,
not after a guessed pause."""

import sys

import gi

gi.require_version("Gdk", "4.0")
gi.require_version("Gtk", "4.0")
from gi.repository import Gdk, Gio, Gtk  # noqa: E402

files = [Gio.File.new_for_path(path) for path in sys.argv[1:]]


def prepare(source, x, y):
    return Gdk.ContentProvider.new_for_value(Gdk.FileList.new_from_list(files))


def say(word):
    print(word, flush=True)


def selected(drag, _pspec):
    if drag.get_selected_action() != 0:
        say("accepted")


def begin(_source, drag):
    drag.connect("notify::selected-action", selected)
    say("dragging")


def activate(app):
    window = Gtk.ApplicationWindow(application=app, title="drag-files")
    label = Gtk.Label(label=f"{len(files)} files")
    label.set_size_request(200, 120)
    source = Gtk.DragSource(actions=Gdk.DragAction.COPY)
    source.connect("prepare", prepare)
    source.connect("drag-begin", begin)
    source.connect("drag-end", lambda *_: say("ended"))
    label.add_controller(source)
    window.set_child(label)
    window.present()
    window.connect("map", lambda *_: say("ready"))


app = Gtk.Application(application_id="io.github.llweek.DragFiles",
                      flags=Gio.ApplicationFlags.NON_UNIQUE)
app.connect("activate", activate)
app.run([])
