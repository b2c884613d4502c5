#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The report's part of the window, used as a clerk would, in Vietnamese: the overview's
charts and last year's comparison; the "Báo cáo" page of the campaign's settings, with an
outstanding example added through it; the print chooser offering the report beside the
checklists; the report written as an editable document through the file chooser."""

import os
import sqlite3
import sys
import tempfile
import traceback
import zipfile

from llwtest import (TIMEOUT, accessibility_root, check, find, find_app, gone, menu, start, stop,
                     toplevel, wait_until)

LLWEEK = sys.argv[1]
root = accessibility_root()
app_process, database = start(LLWEEK, today="2021-10-28")


def button(node, name):
    # GTK 4.8 names a button with a mnemonic "_Lưu Lưu": its label, then its text.
    return find(node, lambda n: n.roleName in ("push button", "toggle button") and
                (n.name == name or n.name.endswith(" " + name)))


def field(dialog, label):
    return find(dialog, lambda n: n.roleName == "text" and n.name == label)


try:
    app = find_app(root)
    if not check("the application appears on the accessibility bus", app is not None):
        raise SystemExit

    for name in ("Số báo cáo nhận được theo ngày so với hạn", "Báo cáo theo nhóm đơn vị"):
        check(f"the overview draws the chart “{name}”",
              find(app, lambda n, name=name: n.name == name) is not None)
    check("the overview compares with last year, and says there is none for a first campaign",
          find(app, lambda n: n.name == "So với năm trước: chưa có đợt nào trước") is not None)

    # The report's own text, on its page of the campaign's settings.
    menu(app, "Thiết lập đợt…")
    dialog = toplevel(app, "Thiết lập đợt")
    check("the campaign's settings open", dialog is not None)
    # GTK 4.8 names a notebook's tabs "Tab": the page's title is the tab's label.
    title = find(dialog, lambda n: n.roleName == "label" and n.name == "Báo cáo" and
                 n.parent.roleName == "page tab")
    check("the settings have a “Báo cáo” page", title is not None)
    title.parent.select()  # the tab list's selection: a notebook's tab has no action
    date = field(dialog, "Ngày của báo cáo (để trống: ngày lập báo cáo)")
    check("the page has the report's date, signer, Kính gửi, Nơi nhận and sections III and IV",
          date is not None and all(field(dialog, f) is not None for f in (
              "Họ tên người ký", "Kính gửi (mỗi dòng một nơi)",
              "III. Đánh giá chung: hạn chế, khó khăn", "IV. Đề xuất, kiến nghị")))
    date.text = "05/11/2021"
    field(dialog, "III. Đánh giá chung: hạn chế, khó khăn").text = "Một số xã còn chậm."

    button(dialog, "Thêm tấm gương điển hình…").doActionNamed("click")
    example = toplevel(app, "Tấm gương điển hình")
    check("“Thêm tấm gương điển hình…” opens the example's form", example is not None)
    field(example, "Tập thể, cá nhân").text = "Bà Trần Thị Mai"
    field(example, "Đơn vị, trường học hoặc địa phương").text = "Trường THCS Vĩnh Lạc"
    field(example, "Thành tích").text = "mở 12 lớp tin học miễn phí"
    save = button(example, "Lưu")
    wait_until(lambda: save.sensitive, TIMEOUT)
    save.doActionNamed("click")
    check("the example appears in the page's list",
          wait_until(lambda: find(dialog, lambda n: n.name.startswith("Bà Trần Thị Mai (Trường "
                                                                      "THCS Vĩnh Lạc)"),
                                  timeout=2) is not None, TIMEOUT))
    save = button(dialog, "Lưu")
    wait_until(lambda: save.sensitive, TIMEOUT)
    save.doActionNamed("click")
    closed = gone(app, "Thiết lập đợt")
    check("saving closes the settings", closed)
    con = sqlite3.connect(database)
    stored = con.execute("SELECT report_date, report_limitations FROM campaign").fetchone()
    examples = con.execute("SELECT person, unit_name, achievement FROM report_example").fetchall()
    con.close()
    check("the date, the limitations and the example are kept in the campaign",
          stored == ("2021-11-05", "Một số xã còn chậm.") and
          examples == [("Bà Trần Thị Mai", "Trường THCS Vĩnh Lạc", "mở 12 lớp tin học miễn phí")],
          (stored, examples))

    # Ctrl+P offers the report beside the checklists.
    menu(app, "In báo cáo hoặc danh sách…")
    chooser = toplevel(app, "In báo cáo hoặc danh sách")
    report = chooser and find(chooser, lambda n: n.name.endswith("Báo cáo tổng hợp, kèm các "
                                                                 "phụ lục"))
    check("the print chooser offers the consolidated report", report is not None)
    if chooser is not None:  # GTK 4.8 gives a check button no action: the choice is not made
        button(chooser, "Hủy").doActionNamed("click")

    # The editable document, through the file chooser.
    folder = tempfile.mkdtemp(prefix="llweek-odt-")
    target = os.path.join(folder, "Báo cáo 2021.odt")
    menu(app, "Xuất văn bản (.odt)…")
    files = toplevel(app, "Ghi báo cáo thành văn bản chỉnh sửa được")
    check("“Xuất văn bản (.odt)…” opens a file chooser", files is not None)
    if files is not None:
        # The file's name is the chooser's first text; GTK 4.8 does not read entries back.
        find(files, lambda n: n.roleName == "text").text = target
        button(files, "Lưu").doActionNamed("click")
        check("the document is written",
              wait_until(lambda: os.path.exists(target) and zipfile.is_zipfile(target), 60))
        content = zipfile.ZipFile(target).read("content.xml").decode() \
            if os.path.exists(target) else ""
        check("it carries the example and the limitations typed in the settings",
              "Bà Trần Thị Mai" in content and "Một số xã còn chậm." in content and
              "ngày 05 tháng 11 năm 2021" in content)
    check("the window is still there", app_process.poll() is None)
except Exception as error:  # a step that found nothing: say where, rather than stop silently
    check("every step found what it looked for", False,
          traceback.format_exc().strip().replace("\n", " | "))
finally:
    stop(app_process)
