#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keeps a unit as a new user would, in Vietnamese, through the accessibility tree: adds it
through its form (its required field marked, a taken name and an impossible date first, whose
messages must show beside their fields while Save stays disabled and says why; Escape asks
before throwing the typing away; Ctrl+Enter saves), edits it (an edit thrown away with Escape
changes nothing), reads its history, deletes it (the window asks, since its assignment goes
too), undoes the delete and finds it again by searching."""

import re
import subprocess
import sys
import unicodedata

from llwtest import (accessibility_root, check, click, dialog_saying, find, find_app, gone, key,
                     running, start, stop, text_of, toplevel, type_text, wait_for, wait_until,
                     x_windows)

LLWEEK = sys.argv[1]
root = accessibility_root()

NEW_NAME = "Trường Thử Nghiệm Kiên Giang"
TAKEN_NAME = "UBND huyện Kiên Lương"
TAKEN = "Giá trị này đã được dùng cho một bản ghi khác."
BAD_DATE = "Nhập ngày có thật theo dạng dd/mm/yyyy, ví dụ 21/10/2021."

app_process, database = start(LLWEEK)



def button(node, name):
    # GTK 4.8 names a button with a mnemonic "_Lưu Lưu": its label, then its text.
    return find(node, lambda n: n.roleName == "push button" and
                (n.name == name or n.name.endswith(" " + name)))


def field(dialog, label):
    return find(dialog, lambda n: n.roleName == "text" and n.name == label)


def message_beside(entry, message):
    """Whether @message shows under @entry, in the same row of the form."""
    box = entry.parent
    if box.roleName == "scroll pane":
        box = box.parent
    return find(box, lambda n: n.roleName == "label" and n.name == message, timeout=3) is not None


def cell(page, text, timeout=5):
    return find(page, lambda n: n.roleName == "label" and n.name == text and
                n.parent.roleName == "table cell", timeout)


def answer_discard(app, answer):
    """Answers the question Escape asks on a form with typed changes; returns whether it
    came."""
    question = dialog_saying(app, "Bỏ các thay đổi?", [])
    return question is not None and click(question, answer)


def window_width(title):
    """The width of the window titled @title on screen, from the X server."""
    ids = [window for window, name in x_windows() if name == title]
    info = subprocess.run(["xwininfo", "-id", str(ids[0])], capture_output=True,
                          text=True).stdout if ids else ""
    width = re.search(r"Width: (\d+)", info)
    return int(width.group(1)) if width else 0


def choose(dialog, field_name, typed=None):
    """Opens the picker of @field_name, types @typed into its search if given, and takes the
    first name listed with Enter (or the first after "(không chọn)" with Down and Enter), as
    a person would with the keyboard."""
    picker = find(dialog, lambda n: n.roleName == "push button" and n.name == field_name)
    before = x_windows()
    picker.doActionNamed("click")
    # The list opens in a surface of its own: the keys wait for it.
    wait_for(lambda: len(x_windows()) > len(before))
    if typed is not None:
        type_text(typed, "Thêm hoạt động")
    else:
        key("Down", "Thêm hoạt động")  # from "(không chọn)" to the first name
    key("Return", "Thêm hoạt động")
    return picker


def units_count(page):
    label = find(page, lambda n: n.roleName == "label" and
                 re.fullmatch(r"\d+ đơn vị( \(trên tổng số \d+\))?", n.name) is not None)
    return label.name if label is not None else ""


try:
    app = find_app(root)
    if not check("the application appears on the accessibility bus", app is not None):
        raise SystemExit
    main = toplevel(app, "Tuần lễ hưởng ứng học tập suốt đời năm 2021")
    find(app, lambda n: n.name == "Đơn vị" and n.roleName == "page tab").doActionNamed("click")
    page = find(app, lambda n: n.roleName == "panel" and n.name == "Đơn vị")
    check("the Units tab counts the 43 units of 2021", units_count(page) == "43 đơn vị",
          units_count(page))

    # Adding: the form checks as the user types.
    button(page, "Thêm đơn vị").doActionNamed("click")
    dialog = toplevel(app, "Thêm đơn vị")
    check("the + button opens the form “Thêm đơn vị”", dialog is not None)
    save = button(dialog, "Lưu")
    check("Save is disabled while the form is empty", not save.sensitive)
    check("… and says which field keeps it so",
          "Tên" in (save.description or ""), save.description)
    check("the required field is marked before anything is typed",
          find(dialog, lambda n: n.roleName == "label" and n.name == "Tên *") is not None and
          find(dialog, lambda n: n.name == "Các ô có dấu * là bắt buộc.") is not None)

    name = field(dialog, "Tên")
    name.text = unicodedata.normalize("NFD", TAKEN_NAME.upper().replace("UBND", "ubnd"))
    check("a name taken by another unit (other case, decomposed) is refused beside the field",
          message_beside(name, TAKEN))
    check("Save stays disabled while the name is taken", not save.sensitive)

    name.text = NEW_NAME
    check("the message goes once the name is free",
          wait_until(lambda: not message_beside(name, TAKEN)))
    deadline = field(dialog, "Hạn riêng (để trống: theo hạn chung)")
    deadline.text = "31/02/2021"
    check("an impossible date is refused beside the field", message_beside(deadline, BAD_DATE))
    check("Save stays disabled while the date is wrong", not save.sensitive)

    deadline.text = "25/10/2021"
    field(dialog, "Điện thoại").text = "0297 123"
    check("Save is enabled once every field is right", wait_until(lambda: save.sensitive))

    # Escape on a form with typed changes asks; keeping on editing keeps what was typed.
    key("Escape", "Thêm đơn vị")
    check("Escape on a form with typed changes asks first", answer_discard(app, "Tiếp tục sửa"))
    check("… and “Tiếp tục sửa” keeps the form as typed",
          wait_until(lambda: "Thêm đơn vị" in [t for _, t in x_windows()] and
                     text_of(field(dialog, "Điện thoại")) == "0297 123"))

    # Ctrl+Enter saves, as the shortcuts window says.
    key("<Control>Return", "Thêm đơn vị")
    check("Ctrl+Enter saves and closes the form",
          gone(app, "Thêm đơn vị"))
    check("the Units tab counts the new unit", wait_until(lambda: units_count(page) == "44 đơn vị"),
          units_count(page))
    check("the new unit is listed, with its deadline", cell(page, NEW_NAME) is not None and
          cell(page, "25/10/2021") is not None)

    # An edit thrown away: Escape asks, “Bỏ thay đổi” closes the form, nothing is saved.
    button(page, "Sửa").doActionNamed("click")
    dialog = toplevel(app, "Sửa đơn vị")
    field(dialog, "Điện thoại").text = "0000"
    key("Escape", "Sửa đơn vị")
    check("Escape after an edit asks, and “Bỏ thay đổi” closes the form",
          answer_discard(app, "Bỏ thay đổi") and
          gone(app, "Sửa đơn vị"))
    check("… the edit thrown away is not saved, and llweek is still running",
          cell(page, "0297 123") is not None and cell(page, "0000", 1) is None and
          running(app_process))

    # Editing: the new unit is selected, the edit button opens it.
    button(page, "Sửa").doActionNamed("click")
    dialog = toplevel(app, "Sửa đơn vị")
    check("the edit button opens the form “Sửa đơn vị”", dialog is not None)
    field(dialog, "Điện thoại").text = "0297 999"
    save = button(dialog, "Lưu")
    wait_until(lambda: save.sensitive)
    save.doActionNamed("click")
    check("the edit is shown in the list", cell(page, "0297 999") is not None)

    button(page, "Lịch sử").doActionNamed("click")
    history = toplevel(app, "Lịch sử")
    check("the history says what changed, in plain words",
          find(history, lambda n: n.name == "Đổi Điện thoại từ “0297 123” thành “0297 999”")
          is not None)
    check("the history says when the unit was added",
          find(history, lambda n: n.name == "Thêm mới") is not None)
    if history is not None:
        button(history, "Đóng").doActionNamed("click")
    check("the history closes", gone(app, "Lịch sử"))

    # Deleting: its assignment goes too, so the window asks first.
    button(page, "Xóa").doActionNamed("click")
    question = find(app, lambda n: n.roleName in ("dialog", "alert", "frame") and
                    find(n, lambda m: m.name == f"Xóa “{NEW_NAME}”?", 0.5) is not None)
    check("deleting asks first, naming the unit", question is not None)
    check("the question says what else goes", question is not None and
          find(question, lambda n: "1 nhiệm vụ được giao" in n.name) is not None)
    button(question, "Xóa").doActionNamed("click")
    check("the unit is deleted", wait_until(lambda: units_count(page) == "43 đơn vị"),
          units_count(page))
    check("a notification says what was deleted",
          find(main, lambda n: n.name == f"Đã xóa “{NEW_NAME}”.") is not None)

    button(main, "Hoàn tác").doActionNamed("click")
    check("Undo brings the unit back", wait_until(lambda: units_count(page) == "44 đơn vị"),
          units_count(page))

    search = find(page, lambda n: n.roleName in ("entry", "text") and n.name == "Tìm đơn vị…")
    search.text = "thử nghiệm"
    check("searching finds the restored unit", cell(page, NEW_NAME) is not None)
    check("the count says how many rows are found, of all",
          wait_until(lambda: units_count(page) == "1 đơn vị (trên tổng số 44)"),
          units_count(page))
    check("the row found is numbered 1, as shown", cell(page, "1") is not None)
    check("with its assignment and phone back", cell(page, "25/10/2021") is not None and
          cell(page, "0297 999") is not None)

    # The unit picker of an activity finds a unit by any part of its name, without
    # diacritics; a long theme chosen is cut with "…" and does not widen the form.
    key("<Alt>3")  # the Activities tab
    key("<Control>n")
    dialog = toplevel(app, "Thêm hoạt động")
    width = window_width("Thêm hoạt động")
    picker = choose(dialog, "Đơn vị", "kien luong")
    check("the unit picker finds “kien luong” without its diacritics",
          wait_until(lambda: picker.description == "UBND huyện Kiên Lương" or
                     find(picker, lambda n: n.name == "UBND huyện Kiên Lương", 1) is not None),
          picker.description)
    theme = choose(dialog, "Chủ đề")
    check("a long theme chosen is whole in the picker's tooltip",
          wait_until(lambda: (theme.description or "").startswith("Chuyển đổi số")),
          theme.description)
    check("… and does not widen the form",
          0 < window_width("Thêm hoạt động") <= width, (width, window_width("Thêm hoạt động")))
    key("Escape", "Thêm hoạt động")
    check("the form with choices made asks before closing", answer_discard(app, "Bỏ thay đổi"))
except Exception as error:  # a step found nothing to act on: say which, after the others
    import traceback
    check("every step found what it acts on", False,
          traceback.format_exc().strip().splitlines()[-2].strip() + f": {error!r}")
finally:
    stop(app_process)
