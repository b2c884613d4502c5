#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Starts the real window on a new database, in Vietnamese, and looks around it as a user
would, through the accessibility tree: the five tabs by name, and the 2021 data on each; the
window brought down to 1024×600, the smallest screen of the office, on every tab; the
shortcuts window, titled and complete in Vietnamese."""

import re
import subprocess
import sys

from llwtest import (MAIN_TITLE, accessibility_root, check, find, find_app, gone, key,
                     on_screen, start, stop, wait_for, wait_until, x_windows)

LLWEEK = sys.argv[1]
root = accessibility_root()

def window_size(window):
    info = subprocess.run(["xwininfo", "-id", str(window)], capture_output=True,
                          text=True).stdout
    return tuple(int(re.search(rf"{d}: (\d+)", info).group(1)) for d in ("Width", "Height"))


TABS = ["Tổng quan", "Chủ đề", "Hoạt động", "Đơn vị", "Báo cáo"]
TAB_ROLES = {"page tab", "toggle button", "radio button", "push button"}

app_process, database = start(LLWEEK)




try:
    app = find_app(root)
    check("the application appears on the accessibility bus", app is not None)
    if app is None:
        raise SystemExit

    window = find(app, lambda n: n.roleName in ("frame", "window", "dialog") and n.showing)
    check("a window is shown", window is not None)
    check("the window title is the Week's Vietnamese name",
          window is not None and "Tuần lễ hưởng ứng học tập suốt đời năm 2021" in window.name,
          window.name if window else "")

    tabs = {}
    for name in TABS:
        tabs[name] = find(app, lambda n, name=name: n.name == name and n.roleName in TAB_ROLES)
        check(f"tab “{name}” is found by name", tabs[name] is not None)

    expected_on_tab = {
        "Chủ đề": "Chuyển đổi số để xây dựng thành công một xã hội học tập mới.",
        "Hoạt động": "Thông tin, tuyên truyền",
        "Đơn vị": "UBND thành phố Rạch Giá",
        "Báo cáo": "UBND huyện Giang Thành",
        "Tổng quan": "UBND huyện Kiên Lương",
    }
    # GTK 4.8 does not report which widgets are showing; a tab's page is the panel named
    # after it, and the tab itself says whether it is selected.
    for name, text in expected_on_tab.items():
        tab = tabs.get(name)
        if tab is None:
            check(f"tab “{name}” shows “{text}”", False, "tab not found")
            continue
        tab.doActionNamed("click")
        check(f"clicking “{name}” selects it", wait_until(lambda tab=tab: tab.selected))
        page = find(app, lambda n, name=name: n.roleName == "panel" and n.name == name)
        cell = page and find(page, lambda n, text=text: n.name == text)
        check(f"tab “{name}” shows “{text}”", cell is not None)

    overview = find(app, lambda n: n.roleName == "panel" and n.name == "Tổng quan")
    missing = overview and find(overview, lambda n: n.name == "Chưa báo cáo" and
                                n.roleName == "label" and n.parent.roleName == "table cell")
    check("after the deadline a unit without a report is shown as missing (Chưa báo cáo)",
          missing is not None)

    # Without a window manager the X server takes any size, and GTK grows the window back to
    # what its content needs: what it keeps is the smallest the tab can be.
    main_id = next(window for window, title in x_windows() if title == MAIN_TITLE)
    for n, name in enumerate(TABS, 1):
        key(f"<Alt>{n}")
        subprocess.run(["xdotool", "windowsize", str(main_id), "1024", "600"], check=True)
        # GTK answers the resize with its own when it needs more room: given 3 s to do so.
        grown = wait_for(lambda: (lambda w, h: (w, h) if w > 1024 or h > 600 else None)(
            *window_size(main_id)), 3)
        check(f"tab “{name}” fits a 1024×600 screen", grown is None, grown)

    key("<Control>question")
    shortcuts = "Phím tắt"
    check("Ctrl+? opens the shortcuts window, titled “Phím tắt”", on_screen(shortcuts))
    window = next((w for w in app.children if w.name == shortcuts), None)
    for what in ("Xuất báo cáo tổng hợp", "In báo cáo hoặc danh sách",
                 "Đóng biểu mẫu, hỏi trước khi bỏ thay đổi"):
        check(f"the shortcuts window lists “{what}”",
              window is not None and find(window, lambda n, what=what: n.name == what, 5))
    key("Escape", shortcuts)
    check("the shortcuts window closes with Escape", gone(app, shortcuts))
finally:
    stop(app_process)
