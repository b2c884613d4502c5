# SPDX-License-Identifier: GPL-3.0-or-later
"""What the window tests share: their TAP output, the real window started on a new database
in Vietnamese with a fixed "today", and patient searches of its accessibility tree, which
changes under the test while windows open and close."""

import os
import subprocess
import sys
import tempfile
import time

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))
    return bool(condition)


def finish():
    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            print(f"# {detail}")
    sys.exit(0)


def accessibility_root():
    """The desktop of the accessibility tree; the test is skipped without a display."""
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP no display (build-aux/test runs this under Xvfb)")
        sys.exit(0)

    from dogtail.config import config

    config.checkForA11y = False
    config.logDebugToStdOut = False  # its log lines would break the TAP output
    config.logDebugToFile = False
    config.searchCutoffCount = 20
    config.defaultDelay = 0.2
    config.actionDelay = 0.2
    from dogtail.tree import root
    return root


def start(llweek, today="2021-10-25", database=None):
    """Starts llweek on @database, or on a new one; returns the process and the database's
    path."""
    database = database or os.path.join(tempfile.mkdtemp(prefix="llweek-ui-"), "llweek.db")
    env = dict(os.environ, LANGUAGE="vi", LANG="C.UTF-8", LC_ALL="C.UTF-8",
               LLWEEK_TODAY=today, GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="0")
    env.pop("GTK_A11Y", None)
    process = subprocess.Popen([llweek, "--database", database], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return process, database


def stop(process):
    """Ends llweek, checks it wrote no GTK warning, and prints the results."""
    process.terminate()
    try:
        output, _ = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    warnings = [line for line in output.splitlines() if "WARNING" in line or "CRITICAL" in line]
    check("no GTK warnings or criticals", not warnings, " | ".join(warnings[:3]))
    finish()


def wait_until(condition, timeout=15):
    """Polls @condition until it holds, for at most @timeout seconds; an error while the
    window changes counts as not yet."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if condition():
                return True
        except Exception:
            pass
        time.sleep(0.3)
    return False


def find(node, predicate, timeout=10, recursive=True):
    deadline = time.time() + timeout
    while node is not None and time.time() < deadline:
        try:
            found = node.findChild(predicate, recursive=recursive, retry=False,
                                   requireResult=False)
            if found is not None:
                return found
        except Exception:  # the tree changes under us while windows open and close
            pass
        time.sleep(0.2)
    return None


def find_app(root, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for child in root.children:
            if child.name == "llweek":
                return child
        time.sleep(0.3)
    return None
