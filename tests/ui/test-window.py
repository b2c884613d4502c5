#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Starts the real window on a new database, in Vietnamese, and looks around it as a user
would, through the accessibility tree: the five tabs by name, and the 2021 data on each."""

import os
import subprocess
import sys
import tempfile
import time

LLWEEK = sys.argv[1]
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def finish():
    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            print(f"# {detail}")
    sys.exit(0)


if not os.environ.get("DISPLAY"):
    print("1..0 # SKIP no display (build-aux/test runs this under Xvfb)")
    sys.exit(0)

from dogtail.config import config  # noqa: E402

config.checkForA11y = False
config.logDebugToStdOut = False  # its log lines would break the TAP output
config.logDebugToFile = False
config.searchCutoffCount = 20
config.defaultDelay = 0.2
from dogtail.tree import root  # noqa: E402

TABS = ["Tổng quan", "Chủ đề", "Hoạt động", "Đơn vị", "Báo cáo"]
TAB_ROLES = {"page tab", "toggle button", "radio button", "push button"}

tmp = tempfile.mkdtemp(prefix="llweek-ui-")
env = dict(os.environ, LANGUAGE="vi", LANG="C.UTF-8", LC_ALL="C.UTF-8",
           LLWEEK_TODAY="2021-10-25", GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="0")
env.pop("GTK_A11Y", None)
app_process = subprocess.Popen([LLWEEK, "--database", os.path.join(tmp, "llweek.db")], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def find(node, predicate, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            found = node.findChild(predicate, retry=False, requireResult=False)
            if found is not None:
                return found
        except Exception:  # the tree changes under us while the window builds
            pass
        time.sleep(0.3)
    return None


def find_app(timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for child in root.children:
            if child.name == "llweek":
                return child
        time.sleep(0.3)
    return None


try:
    app = find_app()
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
        time.sleep(0.5)
        check(f"clicking “{name}” selects it", tab.selected)
        page = find(app, lambda n, name=name: n.roleName == "panel" and n.name == name)
        cell = page and find(page, lambda n, text=text: n.name == text)
        check(f"tab “{name}” shows “{text}”", cell is not None)

    overview = find(app, lambda n: n.roleName == "panel" and n.name == "Tổng quan")
    missing = overview and find(overview, lambda n: n.name == "Chưa báo cáo" and
                                n.roleName == "label" and n.parent.roleName == "table cell")
    check("after the deadline a unit without a report is shown as missing (Chưa báo cáo)",
          missing is not None)
finally:
    app_process.terminate()
    try:
        output, _ = app_process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        app_process.kill()
        output, _ = app_process.communicate()
    warnings = [l for l in output.splitlines() if "WARNING" in l or "CRITICAL" in l]
    check("no GTK warnings or criticals", not warnings, " | ".join(warnings[:3]))
    finish()
