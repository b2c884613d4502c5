#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Exports the consolidated workbook three times in one session, as the office does at the
end of October: with Ctrl+E, from the main menu, and with Ctrl+E again over the first file.
Between the exports figures arrive (a CSV imported through the window), and each workbook,
read with openpyxl, must show the data of its moment. After each export llweek must still be
running, with nothing on its output but what it is allowed to say."""

import os
import re
import sys
import time

import openpyxl

from llwtest import (MAIN_TITLE, accessibility_root, check, click, find, find_app, key, menu,
                     notification, open_file, running, save_as, start, stop, toplevel,
                     wait_file)

LLWEEK = sys.argv[1]
root = accessibility_root()

CHOOSER = "Xuất báo cáo tổng hợp"
STATUSES = "Phụ lục III – Tình hình báo cáo"
# Phụ lục II comes in parts, II.1, II.2 …, each with some of the indicators' columns.
DETAIL = re.compile(r"^Phụ lục II\.\d+ – Chi tiết$")
SHEETS = ["Báo cáo", "Phụ lục I – Tổng hợp", DETAIL, STATUSES, "Phụ lục IV – Hoạt động",
          "Biểu đồ", "Thông tin"]
UNIT = "UBND huyện Kiên Lương"

app_process, database = start(LLWEEK)
folder = app_process.folder


def has_sheets(wb):
    """Whether @wb has the report's sheets, in their order."""
    names = [n for n in wb.sheetnames if not DETAIL.match(n)]
    parts = [n for n in wb.sheetnames if DETAIL.match(n)]
    return (len(parts) >= 2 and wb.sheetnames[2:2 + len(parts)] == parts and
            names == [n for n in SHEETS if n is not DETAIL])


def detail_row(wb, name):
    """The unit's figures, from every part of Phụ lục II."""
    rows = [unit_row(wb[n], name) for n in wb.sheetnames if DETAIL.match(n)]
    return None if None in rows else tuple(v for row in rows for v in row[2:])


def unit_row(ws, name):
    return next((row for row in ws.iter_rows(values_only=True) if row[1] == name), None)


def export(app, how, path):
    """Exports through the window; returns the name the chooser proposed."""
    since = time.time()
    if how == "menu":
        menu(app, "Xuất báo cáo…")
    else:
        key("<Control>e")
    if toplevel(app, CHOOSER) is None:
        return None, False
    proposed = save_as(app, CHOOSER, path, "Xuất")
    return proposed, wait_file(path, since)


def import_figures(app, path):
    """Imports @path through the window's import, as test-files.py does at length."""
    menu(app, "Nhập số liệu…")
    if not open_file(app, "Chọn tệp số liệu để nhập", path, "Mở"):
        return False
    dialog = toplevel(app, "Nhập số liệu")
    ok = click(dialog, "Nhập") and find(dialog, lambda n: n.name == "Đã nhập số liệu") is not None
    click(dialog, "Đóng")
    return ok


try:
    app = find_app(root)
    if not check("the application appears on the accessibility bus", app is not None):
        raise SystemExit
    toplevel(app, MAIN_TITLE)

    first = os.path.join(folder, "Báo cáo tổng hợp.xlsx")
    second = os.path.join(folder, "lần 2.xlsx")

    # 1. Ctrl+E on a new database: every unit is missing.
    proposed, written = export(app, "key", first)
    check("Ctrl+E proposes Bao-cao-Tuan-le-HTSD-2021.xlsx",
          proposed == "Bao-cao-Tuan-le-HTSD-2021.xlsx", proposed)
    check("1st export (Ctrl+E) writes the workbook", written)
    check("llweek is still running after the 1st export", running(app_process))
    check("the window says the report was exported",
          notification(app, "Đã xuất báo cáo.") is not None)
    wb = openpyxl.load_workbook(first) if written else None
    check("the workbook has its sheets, Phụ lục II in parts", wb is not None and has_sheets(wb),
          wb.sheetnames if wb else None)
    row = unit_row(wb[STATUSES], UNIT) if wb else None
    check(f"1st workbook: {UNIT} has not reported", row is not None and row[5] == "Chưa báo cáo",
          row)

    # Figures arrive between the exports.
    csv = os.path.join(folder, "số liệu.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write(f"unit,received_date,document_number,A1,C2\n{UNIT},23/10/2021,45/BC-UBND,3,1.250\n")
    check("figures are imported through the window", import_figures(app, csv))

    # 2. From the menu, to another file: the report received shows.
    proposed, written = export(app, "menu", second)
    check("2nd export (menu) writes the workbook", written)
    check("llweek is still running after the 2nd export", running(app_process))
    wb = openpyxl.load_workbook(second) if written else None
    row = unit_row(wb[STATUSES], UNIT) if wb else None
    check(f"2nd workbook: {UNIT} reported 2 days late, with its document number",
          row is not None and row[5] == "Trễ 2 ngày" and row[4] == "45/BC-UBND", row)
    detail = detail_row(wb, UNIT) if wb else None
    check("2nd workbook: its figures, 1.250 read as one thousand two hundred and fifty",
          detail is not None and 3 in detail and 1250 in detail, detail)

    # 3. Ctrl+E again over the first file: the chooser asks, the file is replaced whole.
    before = os.path.getmtime(first) if os.path.exists(first) else 0
    proposed, written = export(app, "key", first)
    check("3rd export (Ctrl+E, over the 1st file) replaces the workbook",
          written and os.path.getmtime(first) > before)
    check("llweek is still running after the 3rd export", running(app_process))
    wb = openpyxl.load_workbook(first) if written else None
    row = unit_row(wb[STATUSES], UNIT) if wb else None
    check("3rd workbook: the report received shows in the replaced file",
          row is not None and row[5] == "Trễ 2 ngày", row)
    leftovers = [n for n in os.listdir(folder) if ".xlsx" in n and
                 n not in (os.path.basename(first), os.path.basename(second))]
    check("no temporary file is left beside the workbooks", not leftovers, leftovers)
except Exception as error:  # a step found nothing to act on: say which, after the others
    import traceback
    check("every step found what it acts on", False,
          traceback.format_exc().strip().splitlines()[-2].strip() + f": {error!r}")
finally:
    stop(app_process)
