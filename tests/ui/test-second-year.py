#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The office's second year, through the window, in Vietnamese, on 25/10/2022: 2021 was
reported (its reports came in by the command line) and is closed. The clerk finds 2021 refusing
changes, makes 2022 from it, imports two files of figures (the preview of the second lists
the three units it changes, old and new values, before anything is written), takes Sở Y tế
out of 2022 (the question names its 2022 report and figures, and 2021 stays as it was), undoes
that, takes it out again and assigns it again, retires a unit, adds and deletes a theme, tries
to delete Sở Y tế from every campaign (refused: closed 2021 holds its report), reopens 2021
(asked, and written in the history) and closes it again, saves a copy and restores it, and
closes the window. After the import, the restore, a pause and the closing, the .db file copied
alone holds what the database held with its log.

Menu items are reached through the window's actions, which the menu items activate (GTK 4.8
gives the menu button no accessible action); file choosers and the campaign chooser are typed
into with xdotool, as a user types a path. Set LLWEEK_UI_SHOTS to a folder to keep
screenshots of the questions."""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

from llwtest import (TIMEOUT, accessibility_root, check, find, find_app, open_file, start,
                     stop, wait_until)

LLWEEK = sys.argv[1]
root = accessibility_root()
import pyatspi  # noqa: E402  (after accessibility_root (), which sets dogtail up)

TITLE = "Tuần lễ hưởng ứng học tập suốt đời năm %d"
UNIT = "Sở Y tế"
A1 = "A1 Số văn bản chỉ đạo, kế hoạch đã ban hành"
SHOTS = os.environ.get("LLWEEK_UI_SHOTS")

work = tempfile.mkdtemp(prefix="llweek-campaigns-")
database = os.path.join(work, "llweek.db")


def write(name, text):
    path = os.path.join(work, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


# 2021 as it was reported: Sở Y tế and Kiên Lương sent their figures before the deadline.
reported = subprocess.run(
    [LLWEEK, "--database", database, "--import-reports",
     write("2021.csv", "unit,received_date,A1,A2\nSYT,20/10/2021,3,5\nKLU,21/10/2021,4,\n")],
    env=dict(os.environ, LLWEEK_TODAY="2021-10-25"), capture_output=True, text=True)
check("2021's reports come in by the command line", reported.returncode == 0, reported.stderr)

app_process, database = start(LLWEEK, today="2022-10-25", database=database)


def named(*names):
    """GTK 4.8 names a button by its label and then its content: "_Lưu Lưu"."""
    return lambda n: n.name is not None and any(
        n.name == name or n.name.endswith(" " + name) for name in names)


def button(node, *names, timeout=TIMEOUT):
    return find(node, lambda n: n.roleName == "push button" and named(*names)(n), timeout)


def label(node, predicate, timeout=TIMEOUT):
    return find(node, lambda n: n.roleName == "label" and n.name is not None and
                predicate(n.name), timeout)


def windows(app):
    """The application's windows; GTK 4.8 fails to answer while one is being destroyed."""
    try:
        return list(app.children)
    except Exception:
        return []


def toplevel(app, name, timeout=TIMEOUT):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for window in windows(app):
            if window.name == name:
                return window
        time.sleep(0.2)
    return None


def question(app, text, timeout=TIMEOUT):
    """The message dialog that says @text."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for window in windows(app):
            if window.roleName in ("dialog", "alert") and \
               label(window, lambda name: text in name, 0.5) is not None:
                return window
        time.sleep(0.2)
    return None


def app_windows():
    """The application's windows that show, as X sees them."""
    return subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app_process.pid)],
                          capture_output=True, text=True, timeout=30).stdout.split()


def settled(timeout=30):
    """Waits until only the main window shows. GTK 4.8 answers the accessibility bus badly
    about a window being destroyed, so the test asks X, and asks the bus again after."""
    return wait_until(lambda: len(app_windows()) <= 1, timeout)


def gone(name, timeout=30):
    """Waits until no window titled @name shows."""
    return wait_until(lambda: not subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "^%s$" % name],
        capture_output=True, text=True, timeout=30).stdout.split(), timeout)


def x_window(name):
    out = subprocess.run(["xdotool", "search", "--sync", "--name", "^%s$" % name],
                         capture_output=True, text=True, timeout=30).stdout.split()
    return out[-1] if out else None


def type_into_window(name, *keys, text=None):
    """Types @text, then presses @keys, into the X window titled @name."""
    window = x_window(name)
    subprocess.run(["xdotool", "windowfocus", "--sync", window], timeout=30)
    if text is not None:
        subprocess.run(["xdotool", "type", "--delay", "15", text], timeout=60)
    if keys:
        subprocess.run(["xdotool", "key", *keys], timeout=30)


def choose_file(app, title, path, accept="Mở"):
    """Opens @path through the file chooser titled @title, as llwtest does it: the path is
    put in the chooser's location field and read back before @accept is clicked."""
    return open_file(app, title, path, accept)


def click_check(dialog, title, name):
    """Clicks the check box @name (GTK 4.8 gives check boxes no accessible action)."""
    box = find(dialog, lambda n: n.roleName == "check box" and n.name == name)
    x, y, width, height = box.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    subprocess.run(["xdotool", "mousemove", "--window", x_window(title), str(x + 8),
                    str(y + height // 2), "click", "1"], timeout=30)
    return box


def toggle_in_form(app, units, search, unit, box):
    """Opens @unit's form from the Units tab, clicks its check box @box and saves; returns
    the form, which stays open when saving asks a question first."""
    select_unit(units, search, unit)
    button(units, "Sửa").doActionNamed("click")
    form = toplevel(app, "Sửa đơn vị")
    click_check(form, "Sửa đơn vị", box)
    save = button(form, "Lưu")
    wait_until(lambda: save.sensitive)
    save.doActionNamed("click")
    return form


def shot(name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        subprocess.run(["import", "-window", "root", os.path.join(SHOTS, name + ".png")],
                       timeout=60)


pages = {}


def show_tab(app, name):
    find(app, lambda n: n.name == name and n.roleName == "page tab").doActionNamed("click")
    if name not in pages:
        pages[name] = find(app, lambda n: n.roleName == "panel" and n.name == name)
    return pages[name]


def select_unit(page, search, unit):
    """Filters the Units tab by @search and selects @unit."""
    entry = find(page, lambda n: n.roleName in ("entry", "text") and n.name == "Tìm đơn vị…")
    entry.text = search

    def pick():
        table = find(page, lambda n: n.roleName == "tree table", 2)
        rows = table.children[-1]
        for i, row in enumerate(rows.children):
            if row.children[2].children[0].name == unit:
                return rows.querySelection().selectChild(i)
        return False
    return wait_until(pick)


def notification(app, text):
    return label(main, lambda name: name == text) is not None


# The database, as the window's tests see it: through SQLite, log included; or the file
# copied alone, as a user copies it.

def rows(sql, *args):
    connection = sqlite3.connect("file:%s?mode=ro" % database, uri=True)
    try:
        return connection.execute(sql, args).fetchall()
    finally:
        connection.close()


def dump_campaign(year):
    """Every row of campaign @year, the units it names (but their "active" flag, which says
    whether a unit is offered for new campaigns) and its history."""
    (campaign,), = rows("SELECT id FROM campaign WHERE year = ?", year)
    parts = [
        ("campaign", "id = ?1"), ("recipient", "campaign_id = ?1"), ("theme", "campaign_id = ?1"),
        ("activity_kind", "campaign_id = ?1"), ("indicator", "campaign_id = ?1"),
        ("assignment", "campaign_id = ?1"), ("activity", "campaign_id = ?1"),
        ("report", "campaign_id = ?1"),
        ("report_value", "report_id IN (SELECT id FROM report WHERE campaign_id = ?1)"),
        ("reminder", "campaign_id = ?1"),
        ("unit", "id IN (SELECT unit_id FROM assignment WHERE campaign_id = ?1 UNION "
                 "SELECT unit_id FROM report WHERE campaign_id = ?1)"),
        ("history", "campaign_id = ?1"),
    ]
    text = []
    for table, where in parts:
        columns = "*" if table != "unit" else \
            "id, name, name_key, short_name, code, unit_group, contact_person, phone, email, " \
            "address, position"
        for row in rows("SELECT %s FROM %s WHERE %s ORDER BY 1, 2" % (columns, table, where),
                        campaign):
            text.append(table + repr(row))
    return "\n".join(text)


def dump(path):
    connection = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


def dump_alone():
    folder = tempfile.mkdtemp(prefix="llweek-alone-")
    copy = os.path.join(folder, "copy.db")
    shutil.copyfile(database, copy)
    try:
        return dump(copy)
    finally:
        shutil.rmtree(folder)


def file_whole():
    return dump_alone() == dump(database)


def a1_of(year, code):
    found = rows("SELECT v.value FROM report_value v JOIN report r ON r.id = v.report_id "
                 "JOIN campaign c ON c.id = r.campaign_id JOIN unit u ON u.id = r.unit_id "
                 "JOIN indicator i ON i.id = v.indicator_id "
                 "WHERE c.year = ? AND u.code = ? AND i.code = 'A1'", year, code)
    return found[0][0] if found else None


def import_file(app, path):
    main.doActionNamed("win.import")
    if not choose_file(app, "Chọn tệp số liệu để nhập", path):
        return None
    return find(app, lambda n: n.roleName == "frame" and n.name == "Nhập số liệu" and
                button(n, "Nhập", timeout=1) is not None)


closed = False  # by the test itself, at its end: then llweek is not expected to run on
try:
    app = find_app(root)
    if not check("the application appears on the accessibility bus", app is not None):
        raise SystemExit
    main = toplevel(app, TITLE % 2021)
    dump_2021 = dump_campaign(2021)

    # 2021 is closed: a bar says so, and nothing of it can be changed.
    check("a bar says 2021 is closed, since 30/10/2021",
          label(main, lambda n: n.startswith("Đợt năm 2021 đã đóng: hạn báo cáo Bộ là ngày "
                                             "30/10/2021.")) is not None)
    units = show_tab(app, "Đơn vị")
    check("Sở Y tế can be selected in 2021's Units tab", select_unit(units, "y tế", UNIT))
    button(units, "Xóa").doActionNamed("click")
    refusal = question(app, "Đợt năm 2021 đã đóng")
    check("deleting Sở Y tế from closed 2021 is refused, saying how to reopen it",
          refusal is not None and
          label(refusal, lambda n: "mở lại đợt từ trình đơn chính" in n) is not None)
    shot("delete-in-closed-2021")
    if refusal is not None:
        button(refusal, "Đóng").doActionNamed("click")
    settled()
    button(units, "Sửa").doActionNamed("click")
    form = toplevel(app, "Sửa đơn vị")
    check("Sở Y tế's form opens read-only in closed 2021: no Save, the reason shown",
          form is not None and button(form, "Lưu", timeout=2) is None and
          label(form, lambda n: n.startswith("Đợt năm 2021 đã đóng")) is not None)
    if form is not None:
        form.doActionNamed("window.close")
    settled()

    # 2022, made from 2021.
    main.doActionNamed("win.new-campaign")
    new = question(app, "Đợt mới được tạo từ đợt năm 2021")
    button(new, "Tạo").doActionNamed("click")
    settled()
    check("“Đợt mới…” makes 2022 and shows it, open, without the bar",
          wait_until(lambda: main.name == TITLE % 2022) and wait_until(lambda: label(
              main, lambda n: n.startswith("Đợt năm 2022 đã đóng"), 1) is None))

    # A year taken is refused in the dialog, which stays open for another.
    main.doActionNamed("win.new-campaign")
    again = question(app, "Đợt mới được tạo từ đợt năm 2022")
    year = find(again, lambda n: n.roleName == "spin button" and n.name == "Năm") \
        if again is not None else None
    proposed = year.value if year is not None else None
    if year is not None:
        year.value = 2022
        button(again, "Tạo").doActionNamed("click")
    check("“Đợt mới…” proposes the next year, refuses 2022, taken, and stays open",
          proposed == 2023 and
          label(again, lambda n: n == "Đã có đợt năm 2022.") is not None and
          main.name == TITLE % 2022, proposed)
    if again is not None:
        button(again, "Hủy").doActionNamed("click")
    check("Hủy closes it, and 2022 stays shown", wait_until(
        lambda: question(app, "Đợt mới được tạo từ đợt năm 2022", 1) is None) and
        main.name == TITLE % 2022)

    # Two imports into 2022: the second's preview lists the three units it changes.
    first = write("2022-first.csv", "unit,received_date,A1,A2\n"
                  "SYT,22/10/2022,4,6\nRGI,20/10/2022,3,\nKLU,21/10/2022,4,\n")
    preview = import_file(app, first)
    check("the first file's preview lists three new reports", preview is not None and
          label(preview, lambda n: n == "Sở Y tế: báo cáo mới") is not None)
    if preview is not None:
        button(preview, "Nhập").doActionNamed("click")
        check("the first file is imported",
              label(preview, lambda n: n == "Đã nhập số liệu") is not None)
        preview.doActionNamed("window.close")
    settled()
    check("after the import, the .db file alone holds it", file_whole())

    second = write("2022-second.csv", "unit,received_date,A1\n"
                   "SYT,22/10/2022,8\nRGI,20/10/2022,999\nKLU,23/10/2022,7\n")
    before = dump(database)
    preview = import_file(app, second)
    lines = {}
    if preview is not None:
        for heading in ("Sở Y tế: thay đổi báo cáo đã nhận ngày 22/10/2022",
                        "UBND thành phố Rạch Giá: thay đổi báo cáo đã nhận ngày 20/10/2022",
                        "UBND huyện Kiên Lương: thay đổi báo cáo đã nhận ngày 21/10/2022"):
            node = label(preview, lambda n, h=heading: n == h)
            body = node.parent.children[1].name if node is not None else None
            lines[heading.split(":")[0]] = body
    check("the preview lists Sở Y tế: A1 4 → 8",
          lines.get(UNIT) == A1 + ": 4 → 8", repr(lines.get(UNIT)))
    check("the preview lists Rạch Giá: A1 3 → 999",
          lines.get("UBND thành phố Rạch Giá") == A1 + ": 3 → 999",
          repr(lines.get("UBND thành phố Rạch Giá")))
    check("the preview lists Kiên Lương: the date and A1 4 → 7",
          lines.get("UBND huyện Kiên Lương") ==
          "Ngày nhận: 21/10/2022 → 23/10/2022\n" + A1 + ": 4 → 7",
          repr(lines.get("UBND huyện Kiên Lương")))
    shot("import-preview")
    check("nothing is written before Import", dump(database) == before)
    if preview is not None:
        button(preview, "Nhập").doActionNamed("click")
        label(preview, lambda n: n == "Đã nhập số liệu")
        preview.doActionNamed("window.close")
    settled()
    check("Import writes what the preview said",
          (a1_of(2022, "SYT"), a1_of(2022, "RGI"), a1_of(2022, "KLU")) == (8.0, 999.0, 7.0))
    check("after the second import, the .db file alone holds it", file_whole())

    # Sở Y tế taken out of 2022: its 2022 report and figures go, named; 2021 stays.
    units = show_tab(app, "Đơn vị")
    select_unit(units, "y tế", UNIT)
    button(units, "Xóa").doActionNamed("click")
    asked = question(app, "Bỏ “Sở Y tế” khỏi đợt năm 2022?")
    check("taking Sở Y tế out of 2022 asks first, naming the campaign",
          asked is not None)
    check("the question names its 2022 report and figures, and says 2021 stays",
          asked is not None and label(asked, lambda n: n.startswith(
              "Trong đợt năm 2022 sẽ xóa: 1 nhiệm vụ được giao, 1 báo cáo nhận ngày "
              "22/10/2022, 2 số liệu. Dữ liệu của đơn vị ở đợt 2021 được giữ nguyên.")) is not None)
    shot("delete-in-2022")
    if asked is not None:
        button(asked, "Bỏ khỏi đợt").doActionNamed("click")
    settled()
    check("a notification says Sở Y tế left 2022",
          wait_until(lambda: notification(app, "Đã bỏ “Sở Y tế” khỏi đợt năm 2022.")))
    check("its 2022 report is gone, its 2021 report is not",
          a1_of(2022, "SYT") is None and a1_of(2021, "SYT") == 3.0)
    check("2021 is as it was reported", dump_campaign(2021) == dump_2021)

    button(main, "Hoàn tác").doActionNamed("click")
    check("Undo brings back its 2022 report", wait_until(lambda: a1_of(2022, "SYT") == 8.0))
    check("a few seconds after the last change, the .db file alone holds it",
          wait_until(file_whole, 60))

    # Out again, then assigned again through its form; Kiên Lương retired.
    select_unit(units, "y tế", UNIT)
    button(units, "Xóa").doActionNamed("click")
    asked = question(app, "Bỏ “Sở Y tế” khỏi đợt năm 2022?")
    button(asked, "Bỏ khỏi đợt").doActionNamed("click")
    settled()
    wait_until(lambda: a1_of(2022, "SYT") is None)
    toggle_in_form(app, units, "y tế", UNIT, "Giao nhiệm vụ")
    settled()
    check("ticking “Giao nhiệm vụ” assigns Sở Y tế to 2022 again",
          wait_until(lambda: rows("SELECT 1 FROM assignment a JOIN campaign c ON "
                                  "c.id = a.campaign_id JOIN unit u ON u.id = a.unit_id "
                                  "WHERE c.year = 2022 AND u.code = 'SYT'") != []))

    # Unticking Rạch Giá's assignment in its form would take its 2022 report too: asked.
    form = toggle_in_form(app, units, "rạch giá", "UBND thành phố Rạch Giá", "Giao nhiệm vụ")
    asked = question(app, "Bỏ “UBND thành phố Rạch Giá” khỏi đợt năm 2022?")
    check("unticking an assignment with a report asks first, naming the report",
          asked is not None and label(asked, lambda n: "1 báo cáo nhận ngày 20/10/2022" in n)
          is not None)
    if asked is not None:
        button(asked, "Hủy").doActionNamed("click")
    check("cancelled, the form stays open and Rạch Giá keeps its 2022 report",
          wait_until(lambda: len(app_windows()) == 2) and a1_of(2022, "RGI") == 999.0)
    # Closed with the assignment still unticked: the form asks before throwing that away.
    form.doActionNamed("window.close")
    discard = question(app, "Bỏ các thay đổi?")
    check("closing the form with the change not saved asks first", discard is not None)
    if discard is not None:
        button(discard, "Bỏ thay đổi").doActionNamed("click")
    settled()

    toggle_in_form(app, units, "kiên lương", "UBND huyện Kiên Lương", "Đang hoạt động")
    settled()
    check("unticking “Đang hoạt động” retires Kiên Lương",
          wait_until(lambda: rows("SELECT active FROM unit WHERE code = 'KLU'") == [(0,)]))

    # A theme of 2022 added and deleted.
    themes = show_tab(app, "Chủ đề")
    button(themes, "Thêm chủ đề").doActionNamed("click")
    form = toplevel(app, "Thêm chủ đề")
    find(form, lambda n: n.roleName == "text" and n.name == "Chủ đề").text = "Học tập số 2022"
    save = button(form, "Lưu")
    wait_until(lambda: save.sensitive)
    save.doActionNamed("click")
    settled()
    check("a theme is added to 2022",
          wait_until(lambda: rows("SELECT 1 FROM theme WHERE title = 'Học tập số 2022'") != []))
    button(themes, "Xóa").doActionNamed("click")
    check("and deleted", wait_until(
        lambda: rows("SELECT 1 FROM theme WHERE title = 'Học tập số 2022'") == []))
    check("2021 is still as it was reported", dump_campaign(2021) == dump_2021)

    # Every campaign: refused while closed 2021 holds its report.
    units = show_tab(app, "Đơn vị")
    select_unit(units, "y tế", UNIT)
    button(units, "Xóa khỏi mọi đợt…").doActionNamed("click")
    refusal = question(app, "Không thể xóa “Sở Y tế” khỏi mọi đợt")
    check("deleting Sở Y tế from every campaign is refused, naming 2021's report",
          refusal is not None and label(refusal, lambda n: "đợt 2021: 1 nhiệm vụ được giao, "
                                        "1 báo cáo nhận ngày 20/10/2021, 2 số liệu" in n)
          is not None)
    shot("delete-everywhere-refused")
    if refusal is not None:
        button(refusal, "Đóng").doActionNamed("click")
    settled()

    # 2021, reopened (asked, and in the history), then closed again.
    find(main, lambda n: n.roleName == "combo box" and n.name == "Đợt").children[0] \
        .doActionNamed("click")
    # The list of years opens in a surface of its own: the keys wait for it.
    wait_until(lambda: len(app_windows()) > 1)
    type_into_window(TITLE % 2022, "Down", "Return")
    wait_until(lambda: main.name == TITLE % 2021)
    settled()
    reopen = button(main, "Mở lại để sửa…")
    check("2021 shows its bar and a button to reopen it", reopen is not None)
    reopen.doActionNamed("click")
    asked = question(app, "Mở lại đợt năm 2021 để sửa?")
    check("reopening asks first", asked is not None)
    button(asked, "Mở lại").doActionNamed("click")
    settled()
    check("the bar says 2021 was reopened", label(
        main, lambda n: n.startswith("Đợt năm 2021 đã được mở lại để sửa")) is not None)
    check("reopening is written in 2021's history", rows(
        "SELECT count(*) FROM history h JOIN campaign c ON c.id = h.campaign_id "
        "WHERE c.year = 2021 AND h.field = 'reopened' AND h.new_value = '1'") == [(1,)])
    units = show_tab(app, "Đơn vị")
    select_unit(units, "y tế", UNIT)
    button(units, "Xóa").doActionNamed("click")
    asked = question(app, "Bỏ “Sở Y tế” khỏi đợt năm 2021?")
    check("reopened, 2021 asks to take Sở Y tế out of 2021 only, 2022 staying", asked is not None
          and label(asked, lambda n: n.startswith(
              "Trong đợt năm 2021 sẽ xóa: 1 nhiệm vụ được giao, 1 báo cáo nhận ngày 20/10/2021, "
              "2 số liệu. Dữ liệu của đơn vị ở đợt 2022 được giữ nguyên.")) is not None)
    shot("delete-in-reopened-2021")
    if asked is not None:
        button(asked, "Hủy").doActionNamed("click")
    settled()
    button(main, "Đóng lại").doActionNamed("click")
    check("closed again: the bar says so", label(
        main, lambda n: n.startswith("Đợt năm 2021 đã đóng")) is not None)
    check("nothing of 2021 changed but its history", dump_campaign(2021).split("history")[0] ==
          dump_2021.split("history")[0])

    # A copy saved, then restored: the file alone holds the restored data.
    copy = os.path.join(work, "ban-sao.db")
    main.doActionNamed("win.backup")
    # The name field holds the suggested name, which the path typed replaces.
    type_into_window("Lưu bản sao dữ liệu", "ctrl+a")
    type_into_window("Lưu bản sao dữ liệu", "Return", text=copy)
    gone("Lưu bản sao dữ liệu")
    check("a copy is saved", wait_until(lambda: os.path.exists(copy)))
    main.doActionNamed("win.restore")
    choose_file(app, "Khôi phục dữ liệu từ bản sao", copy)
    asked = question(app, "Thay toàn bộ dữ liệu bằng bản sao này?")
    button(asked, "Khôi phục").doActionNamed("click")
    settled()
    check("the copy is restored", wait_until(lambda: notification(
        app, "Đã khôi phục dữ liệu từ bản sao.")))
    check("after the restore, the .db file alone holds it", file_whole())

    # Closing: the file alone holds what the database held with its log.
    last = dump(database)
    try:
        main.doActionNamed("window.close")
    except Exception:  # llweek may end before it answers
        pass
    app_process.wait(timeout=60)
    closed = True
    check("the window closes and llweek ends", app_process.returncode == 0,
          str(app_process.returncode))
    check("after closing, the .db file alone dumps as the database did with its log",
          dump_alone() == last)
    check("no log is left beside the file",
          not os.path.exists(database + "-wal") or os.path.getsize(database + "-wal") == 0)
except Exception as error:  # a step found nothing to act on: say which, after the others
    import traceback
    # The line of this test that failed, and the error.
    here = [line.strip() for line in traceback.format_exc().splitlines()
            if "test-second-year.py" in line]
    check("every step found what it acts on", False, (here[-1] if here else "") + f": {error!r}")
finally:
    stop(app_process, closed)
