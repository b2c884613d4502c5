#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the window on a large database through its long work — export, import, backup,
restore, a new campaign — as a clerk would, and prints the longest time its main loop could
not run during each (llweek says so with LLWEEK_TIMING set). Run by build-aux/bench-responsive:
    bench-responsive.py LLWEEK DATABASE CSV
A benchmark, not a test: it measures, and fails only when the window does not do the work."""

import os
import re
import sys
import time

from llwtest import (MAIN_TITLE, accessibility_root, button, click, dialog_saying, find,
                     find_app, gone, menu, notification, open_file, output_of, save_as, start,
                     stop, toplevel, wait_for, x_windows)

LLWEEK, DATABASE, CSV = sys.argv[1:4]
STALL = re.compile(r"main loop stalled for (\d+) ms")
os.environ["LLWEEK_TIMING"] = "1"


def longest_stall(process, since):
    stalls = [int(m.group(1)) for m in STALL.finditer(output_of(process)[since:])]
    return max(stalls, default=0), len(stalls)


def main_thread_time(process):
    """The processor time llweek's main thread has used, in seconds (Linux): a stall while
    it did not run is the machine's, not llweek's."""
    fields = open(f"/proc/{process.pid}/task/{process.pid}/stat").read().rsplit(")", 1)[1]
    fields = fields.split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(process, what, job):
    since = len(output_of(process))
    started, cpu = time.monotonic(), main_thread_time(process)
    done = job()
    seconds, cpu = time.monotonic() - started, main_thread_time(process) - cpu
    longest, count = longest_stall(process, since)
    print(f"{what}: {'done' if done else 'NOT DONE'} in {seconds:.1f} s, the window's thread "
          f"busy {cpu:.2f} s; longest stall {longest} ms ({count} over 100 ms)", flush=True)
    return done


def export(app, path):
    menu(app, "Xuất báo cáo…")
    save_as(app, "Xuất báo cáo tổng hợp", path, "Xuất")
    return notification(app, "Đã xuất báo cáo.", 300) is not None


def import_checked(app):
    menu(app, "Nhập số liệu…")
    if not open_file(app, "Chọn tệp số liệu để nhập", CSV, "Mở"):
        return False
    dialog = toplevel(app, "Nhập số liệu")
    return wait_for(lambda: (lambda b: b is not None and b.sensitive)(button(dialog, "Nhập", 1)),
                    300)


def import_applied(app):
    dialog = toplevel(app, "Nhập số liệu")
    ok = click(dialog, "Nhập", 300) and \
        find(dialog, lambda n: n.name == "Đã nhập số liệu", 300) is not None
    click(dialog, "Đóng")
    gone(app, "Nhập số liệu")
    return ok


def settled(process):
    """Waits until the window has filled its tabs: three seconds without a stall."""
    quiet_since = time.monotonic()
    seen = len(output_of(process))
    while time.monotonic() - quiet_since < 3:
        time.sleep(0.5)
        output = output_of(process)
        if STALL.search(output[seen:]):
            quiet_since = time.monotonic()
        seen = len(output)
    return True


def back_up(app, path):
    menu(app, "Sao lưu…")
    save_as(app, "Lưu bản sao dữ liệu", path, "Lưu")
    return notification(app, "Đã lưu bản sao dữ liệu.", 300) is not None


def restore(app, path):
    menu(app, "Khôi phục…")
    before = x_windows()
    if not open_file(app, "Khôi phục dữ liệu từ bản sao", path, "Mở"):
        return False
    question = dialog_saying(app, "Thay toàn bộ dữ liệu bằng bản sao này?", before)
    return question is not None and click(question, "Khôi phục") and \
        notification(app, "Đã khôi phục dữ liệu từ bản sao.", 300) is not None


def new_campaign(app):
    before = x_windows()
    menu(app, "Đợt mới…")
    dialog = dialog_saying(app, "Đợt mới được tạo từ đợt năm 2021", before)
    return dialog is not None and click(dialog, "Tạo") and \
        wait_for(lambda: toplevel(app, MAIN_TITLE.replace("2021", "2022"), 1), 300) is not None


process, database = start(LLWEEK, database=DATABASE)
app = find_app(accessibility_root())
toplevel(app, MAIN_TITLE, 120)
folder = process.folder
since_start = len(output_of(process))
results = [
    measure(process, "the tabs filled after the first frame", lambda: settled(process)),
    measure(process, "export", lambda: export(app, os.path.join(folder, "bao-cao.xlsx"))),
    measure(process, "backup", lambda: back_up(app, os.path.join(folder, "copy.db"))),
    measure(process, "import: reading and checking", lambda: import_checked(app)),
    measure(process, "import: writing", lambda: import_applied(app)),
    measure(process, "restore", lambda: restore(app, os.path.join(folder, "copy.db"))),
    measure(process, "new campaign", lambda: new_campaign(app)),
]
stop(process)
sys.exit(0 if all(results) else 1)
