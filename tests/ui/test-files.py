#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The other ways data leaves or enters the window, each three times in one session: figures
imported from CSV files (one of them wrong, which must change nothing), a copy of the data
saved after each import ("Sao lưu…"), each copy restored in turn ("Khôi phục…"), and the
reminder letter copied to the clipboard as the figures change. Every copy is opened with
sqlite3, the clipboard is read as another program would paste it, and llweek must still be
running after each step, with nothing on its output but what it is allowed to say."""

import os
import sqlite3
import sys

import gi

gi.require_version("Gdk", "3.0")
gi.require_version("Gtk", "3.0")
from gi.repository import Gdk, Gtk  # noqa: E402  (the versions first)

from llwtest import (MAIN_TITLE, accessibility_root, check, click, dialog_saying,  # noqa
                     find, find_app, gone, menu, notification, open_file, running, save_as,
                     show_tab, start, stop, toplevel, wait_for, x_windows)

LLWEEK = sys.argv[1]
root = accessibility_root()

IMPORT_CHOOSER = "Chọn tệp số liệu để nhập"
IMPORT_DIALOG = "Nhập số liệu"
BACKUP_CHOOSER = "Lưu bản sao dữ liệu"
RESTORE_CHOOSER = "Khôi phục dữ liệu từ bản sao"
LETTER = "Thư đôn đốc"
REFUSED = "Hãy sửa tệp rồi nhập lại. Chưa có gì bị thay đổi."
KIEN_LUONG = "UBND huyện Kiên Lương"
HON_DAT = "UBND huyện Hòn Đất"

app_process, database = start(LLWEEK)
folder = app_process.folder


def reports(path):
    """The units whose report a database file holds, read without writing to it."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return None
        return sorted(name for (name,) in db.execute(
            "SELECT u.name FROM report r JOIN unit u ON u.id = r.unit_id"))


def write_csv(name, text):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def import_csv(app, path):
    """Imports through the window; returns "imported", "refused" (the dialog lists the
    problems and says nothing changed), or None when neither shows."""
    menu(app, "Nhập số liệu…")
    if not open_file(app, IMPORT_CHOOSER, path, "Mở"):
        return None
    dialog = toplevel(app, IMPORT_DIALOG)
    if click(dialog, "Nhập", 5):
        outcome = "imported" if find(dialog, lambda n: n.name == "Đã nhập số liệu") else None
    else:
        outcome = "refused" if find(dialog, lambda n: n.name == REFUSED) else None
    click(dialog, "Đóng")
    gone(app, IMPORT_DIALOG)
    return outcome


def missing_count(app):
    """What the Overview's list says of the units that have not reported."""
    page = show_tab(app, "Tổng quan")
    label = find(page, lambda n: n.roleName == "label" and
                 (n.name or "").endswith("đơn vị chưa báo cáo"))
    return label.name if label is not None else None


def back_up(app, path):
    menu(app, "Sao lưu…")
    if toplevel(app, BACKUP_CHOOSER) is None:
        return False
    save_as(app, BACKUP_CHOOSER, path, "Lưu")
    return wait_for(lambda: os.path.exists(path) and reports(path) is not None)


def restore(app, path):
    menu(app, "Khôi phục…")
    before = x_windows()
    if not open_file(app, RESTORE_CHOOSER, path, "Mở"):
        return False
    question = dialog_saying(app, "Thay toàn bộ dữ liệu bằng bản sao này?", before)
    if question is None or not click(question, "Khôi phục"):
        return False
    return notification(app, "Đã khôi phục dữ liệu từ bản sao.") is not None


def clipboard_text():
    clipboard = Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD)
    return clipboard.wait_for_text()


def copy_letter(app):
    """Opens the reminder letter from the Overview, copies it; returns the clipboard."""
    page = show_tab(app, "Tổng quan")
    click(page, "Thư đôn đốc…")
    dialog = toplevel(app, LETTER)
    if dialog is None or not click(dialog, "Sao chép"):
        return None
    find(dialog, lambda n: n.roleName == "push button" and (n.name or "").endswith("Đã sao chép"),
         10)
    text = wait_for(clipboard_text, 10)
    click(dialog, "Đóng")
    gone(app, LETTER)
    return text


def still_running(what):
    check(f"llweek is still running after {what}", running(app_process))


try:
    app = find_app(root)
    if not check("the application appears on the accessibility bus", app is not None):
        raise SystemExit
    toplevel(app, MAIN_TITLE)

    # The letter first: every unit is reminded.
    letter = copy_letter(app)
    check("1st letter: copied, naming the units that have not reported",
          letter is not None and KIEN_LUONG in letter and HON_DAT in letter, (letter or "")[:200])
    still_running("copying the 1st letter")

    # 1st import, then a copy of the data.
    first = write_csv("lần 1.csv", f"unit,received_date,A1\n{KIEN_LUONG},20/10/2021,4\n")
    check("1st import (a good file) imports", import_csv(app, first) == "imported")
    check("the Overview then lists 41 units that have not reported",
          wait_for(lambda: missing_count(app) == "41 đơn vị chưa báo cáo"), missing_count(app))
    still_running("the 1st import")
    copy1 = os.path.join(folder, "bản sao 1.db")
    check("1st copy of the data is saved, and reads back with its report",
          back_up(app, copy1) and reports(copy1) == [KIEN_LUONG], reports(copy1)
          if os.path.exists(copy1) else None)
    still_running("the 1st copy")

    # 2nd import: a file with mistakes changes nothing.
    wrong = write_csv("sai.csv", f"unit,received_date,A1\n{HON_DAT},31/02/2021,3\n"
                      "Không có đơn vị này,20/10/2021,1\n")
    outcome = import_csv(app, wrong)
    check("2nd import (a wrong file) is refused, the window says nothing changed",
          outcome == "refused", outcome)
    check("… and changes nothing", reports(database) == [KIEN_LUONG], reports(database))
    still_running("the refused import")
    copy2 = os.path.join(folder, "bản sao 2.db")
    check("2nd copy of the data is saved", back_up(app, copy2) and reports(copy2) == [KIEN_LUONG])
    still_running("the 2nd copy")

    # 3rd import: another unit.
    third = write_csv("lần 3.csv", f"unit,received_date,A1\n{HON_DAT},21/10/2021,2\n")
    check("3rd import (a good file) imports", import_csv(app, third) == "imported")
    still_running("the 3rd import")
    letter = copy_letter(app)
    check("2nd letter: the units that reported are no longer reminded",
          letter is not None and KIEN_LUONG not in letter and HON_DAT not in letter and
          "UBND huyện Tân Hiệp" in letter, (letter or "")[:200])
    still_running("copying the 2nd letter")
    copy3 = os.path.join(folder, "bản sao 3.db")
    check("3rd copy of the data is saved, with both reports",
          back_up(app, copy3) and reports(copy3) == sorted([KIEN_LUONG, HON_DAT]))
    still_running("the 3rd copy")

    # Restoring each copy in turn: the window shows what the copy holds.
    check("1st restore (the 1st copy) restores", restore(app, copy1))
    check("… the data is the 1st copy's",
          wait_for(lambda: reports(database) == [KIEN_LUONG]), reports(database))
    check("… and the Overview shows it",
          wait_for(lambda: missing_count(app) == "41 đơn vị chưa báo cáo"), missing_count(app))
    still_running("the 1st restore")
    check("2nd restore (the 3rd copy) restores", restore(app, copy3))
    check("… the data is the 3rd copy's",
          wait_for(lambda: reports(database) == sorted([KIEN_LUONG, HON_DAT])), reports(database))
    check("… and the Overview shows it",
          wait_for(lambda: missing_count(app) == "40 đơn vị chưa báo cáo"), missing_count(app))
    still_running("the 2nd restore")
    check("3rd restore (the 2nd copy) restores", restore(app, copy2))
    check("… the data is the 2nd copy's",
          wait_for(lambda: reports(database) == [KIEN_LUONG]), reports(database))
    still_running("the 3rd restore")

    letter = copy_letter(app)
    check("3rd letter: after the restore, Hòn Đất is reminded again",
          letter is not None and HON_DAT in letter and KIEN_LUONG not in letter,
          (letter or "")[:200])
    still_running("copying the 3rd letter")
except Exception as error:  # a step found nothing to act on: say which, after the others
    import traceback
    check("every step found what it acts on", False,
          traceback.format_exc().strip().splitlines()[-2].strip() + f": {error!r}")
finally:
    stop(app_process)
