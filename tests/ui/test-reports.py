#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Receives a unit's report through the window, as the office does, on a new database on
25/10/2021 (four days after the units' deadline): a bad figure is refused beside its field, a
figure below the one it cannot fall below is warned about and saved anyway, and the overview's
counts change as soon as the report is saved. A document dated after it was received is
warned about on both dates. The reminder dialog opens for the unit selected in the overview
and closes, twice."""

import sqlite3
import sys

from llwtest import (TIMEOUT, accessibility_root, check, find, find_app, gone, show_tab, start,
                     stop, text_of, wait_for, wait_until)

LLWEEK = sys.argv[1]
root = accessibility_root()

UNIT = "UBND huyện Kiên Lương"
A1 = "Số văn bản chỉ đạo, kế hoạch đã ban hành"
A2 = "Số lễ khai mạc, phát động đã tổ chức"
C1 = "Số lớp học, khóa học trực tuyến miễn phí hoặc phí thấp"
C2 = "Số lượt người học các lớp, khóa học trực tuyến"
BAD_COUNT = "Nhập số nguyên từ 0 trở lên."
WINDOWS = ("frame", "window", "dialog")
DOCUMENT_AFTER = "Ngày này sau ngày nhận báo cáo: hãy kiểm tra lại cả hai ngày."
RECEIVED_BEFORE = "Ngày này trước ngày của văn bản: hãy kiểm tra lại cả hai ngày."
REMINDER = "Ghi nhận nhắc nhở"

app_process, database = start(LLWEEK)




def named(*names):
    """GTK 4.8 names a button by its label and then its content: "Lưu Lưu". The new strings
    are matched in English too, for a build whose Vietnamese catalogue lags behind."""
    return lambda n: n.name is not None and any(n.name == name or n.name.startswith(name + " ")
                                                for name in names)


def button(node, *names):
    return find(node, lambda n: n.roleName == "push button" and named(*names)(n))


def counts(overview):
    """The first row of the overview's counts (all units): expected, received, on time, late,
    missing, pending."""
    grid = find(overview, lambda n: n.name == "Báo cáo của các đơn vị" and n.roleName != "label")
    cells = list(grid.children) if grid else []
    titles = [c.name for c in cells[:7]]
    if "Tất cả đơn vị" not in titles:
        return None
    first = titles.index("Tất cả đơn vị") + 1
    # Each count is a box: the number, then its share in per cent.
    return [int(box.children[0].name) for box in cells[first:first + 6]]


def unit_rows(page):
    """The rows of the tab's list, and each row's unit (the second column)."""
    table = find(page, lambda n: n.roleName == "tree table")
    rows = table.children[-1] if table else None
    return rows, [(row, row.children[1].children[0].name) for row in (rows or [])]


def select_unit(page, unit):
    rows, units = unit_rows(page)
    for i, (row, name) in enumerate(units):
        if name == unit:
            return rows.querySelection().selectChild(i)
    return False


def fields_of(dialog):
    """The dialog's one-line fields by name, found once: the dialog has a hundred widgets."""
    return {n.name: n for n in dialog.findChildren(lambda n: n.roleName in ("text", "entry"))}


def type_into(fields, name, text):
    """Puts @text in the field, as typing it would, once the field holds it."""
    fields[name].text = text
    wait_until(lambda: text_of(fields[name]) == text, TIMEOUT)


def absent(node, predicate):
    """Whether nothing in @node answers @predicate, once what was there has gone."""
    return wait_until(lambda: node.findChild(predicate, retry=False, requireResult=False)
                      is None, TIMEOUT)


def stored_figures():
    with sqlite3.connect(database) as db:
        return dict(db.execute("SELECT i.code, v.value FROM report_value v "
                               "JOIN indicator i ON i.id = v.indicator_id "
                               "JOIN report r ON r.id = v.report_id "
                               "JOIN unit u ON u.id = r.unit_id WHERE u.name = ?", (UNIT,)))


try:
    app = find_app(root)
    check("the application appears on the accessibility bus", app is not None)
    if app is None:
        raise SystemExit

    overview = show_tab(app, "Tổng quan")
    wait_until(lambda: counts(overview) == [42, 0, 0, 0, 42, 0], TIMEOUT)
    before = counts(overview)
    check("before: 42 expected, none received, 42 missing",
          before == [42, 0, 0, 0, 42, 0], str(before))

    reports = show_tab(app, "Báo cáo")
    check(f"the Reports tab lists {UNIT} and it can be selected",
          reports is not None and select_unit(reports, UNIT))
    receive = button(reports, "Nhận báo cáo…", "Receive report…")
    check("selecting a unit enables “Nhận báo cáo…”", receive is not None and receive.sensitive)
    receive.doActionNamed("click")

    dialog = find(app, lambda n: n.roleName in WINDOWS and n.name == UNIT, recursive=False)
    check("the report dialog opens for the unit", dialog is not None)
    if dialog is None:
        raise SystemExit

    # A bad figure: the message is beside the figure's field, and Save waits.
    fields = fields_of(dialog)
    type_into(fields, A1, "ba")
    grid = find(dialog, lambda n: n.roleName == "panel" and n.name == "Số liệu")
    cells = list(grid.children) if grid else []
    index = next((i for i, c in enumerate(cells) if c.name == A1 and c.roleName != "label"), -1)
    beside = [c.name for c in cells[index + 1:index + 3]] if index >= 0 else []
    check("a bad figure gets its message beside its field", BAD_COUNT in beside,
          f"found after the field: {beside}")
    save = button(dialog, "Lưu", "Save")
    check("Save is disabled while a figure is wrong", save is not None and not save.sensitive)

    type_into(fields, A1, "3")
    check("the message goes once the figure is corrected",
          absent(dialog, lambda n: n.name == BAD_COUNT))
    type_into(fields, A2, "0")
    type_into(fields, C1, "12")
    type_into(fields, C2, "5")
    type_into(fields, "Số văn bản", "45/BC-UBND")

    # A letter dated after it was received: both dates say so, and it may still be saved.
    type_into(fields, "Ngày nhận", "23/10/2021")
    type_into(fields, "Ngày văn bản", "24/10/2021")
    check("a document date after the received date is warned about on both dates",
          find(dialog, lambda n: n.name == DOCUMENT_AFTER, timeout=5) is not None and
          find(dialog, lambda n: n.name == RECEIVED_BEFORE, timeout=5) is not None)
    type_into(fields, "Ngày văn bản", "20/10/2021")
    check("the warnings go once the dates agree",
          absent(dialog, lambda n: n.name == DOCUMENT_AFTER))
    check("Save is enabled when every value is right", wait_until(lambda: save.sensitive))

    # Fewer learners than classes: a warning to confirm, the figures kept as typed.
    save.doActionNamed("click")
    warning = find(dialog, lambda n: n.roleName == "label" and n.name is not None and
                   (("nhỏ hơn" in n.name) or ("smaller than" in n.name)) and C2 in n.name)
    check("a figure below the one it cannot fall below is warned about on save",
          warning is not None)
    check("nothing is saved before the warning is answered", stored_figures() == {})
    button(dialog, "Vẫn lưu", "Save anyway").doActionNamed("click")

    saved = {"A1": 3, "A2": 0, "C1": 12, "C2": 5}
    check("the figures are saved as typed; 0 is stored and an empty figure is not",
          wait_for(lambda: stored_figures() == saved, TIMEOUT), str(stored_figures()))
    check("the dialog closes after saving", gone(app, UNIT))

    overview = show_tab(app, "Tổng quan")
    wait_until(lambda: counts(overview) == [42, 1, 0, 1, 41, 0], TIMEOUT)
    after = counts(overview)
    check("after: one received, late (after 21/10), 41 missing",
          after == [42, 1, 0, 1, 41, 0], str(after))
    check("the overview says 41 units have not reported",
          find(overview, lambda n: n.name == "41 đơn vị chưa báo cáo") is not None)
    _, missing = unit_rows(overview)
    check(f"{UNIT} has left the overview's list of missing units",
          missing and UNIT not in [name for _, name in missing], str(missing[:4]))

    # The reminder dialog, for the unit selected, opened and closed twice.
    first = missing[0][1] if missing else ""
    for n in (1, 2):
        select_unit(overview, first)
        button(overview, "Ghi nhận nhắc nhở…", "Record reminder…").doActionNamed("click")
        reminder = find(app, lambda n: n.roleName in WINDOWS and n.name == REMINDER,
                        recursive=False)
        ticked = reminder and find(reminder, lambda n: n.roleName == "check box" and
                                   n.name == first)
        check(f"{n}. the reminder dialog opens with {first} to tick", ticked is not None)
        if reminder is not None:
            button(reminder, "Hủy", "Cancel").doActionNamed("click")
        check(f"{n}. the reminder dialog closes with “Hủy”", gone(app, REMINDER))

    reports = show_tab(app, "Báo cáo")
    _, units = unit_rows(reports)
    row = next((row for row, name in units if name == UNIT), None)
    cells = [cell.children[0].name for cell in row.children] if row else []
    check("the Reports tab shows the document number received", "45/BC-UBND" in cells,
          str(cells))
    select_unit(reports, UNIT)
    reopen = button(reports, "Mở báo cáo…", "Open report…")
    check("a unit that has reported offers to open its report", reopen is not None)
    hint = find(reports, lambda n: n.roleName == "label" and
                n.name.startswith(("Bấm Mở báo cáo", "Open the unit's report")))
    check("the hint beside the button speaks of opening the report too", hint is not None)
    if reopen is not None:
        reopen.doActionNamed("click")
        dialog = find(app, lambda n: n.roleName in WINDOWS and n.name == UNIT, recursive=False)
        check("opened again, the dialog edits the saved report",
              dialog is not None and
              find(dialog, lambda n: n.name in ("Sửa báo cáo", "Edit report")) is not None)
        if dialog is not None:
            button(dialog, "Hủy", "Cancel").doActionNamed("click")
finally:
    stop(app_process)
