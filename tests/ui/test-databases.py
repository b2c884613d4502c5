#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Starting llweek again while a window is open: on that window's database, the window is
shown and the new start ends; on another database, that database gets a window of its own,
never the first one's."""

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from llwtest import accessibility_root, check, find_app, start, stop  # noqa: E402

LLWEEK = sys.argv[1]
root = accessibility_root()


def windows_of(pid, timeout=0):
    """The windows of the llweek whose process is @pid, waiting up to @timeout for one."""
    deadline = time.time() + timeout
    while True:
        frames = []
        try:
            for app in root.children:
                if app.name == "llweek" and app.get_process_id() == pid:
                    frames += [w for w in app.children if w.roleName == "frame"]
        except Exception:  # the tree changes while windows open and close
            pass
        if frames or time.time() >= deadline:
            return frames
        time.sleep(0.3)


def run_llweek(database):
    env = dict(os.environ, LANGUAGE="vi", LANG="C.UTF-8", LC_ALL="C.UTF-8",
               LLWEEK_TODAY="2021-10-25", GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="0")
    env.pop("GTK_A11Y", None)
    return subprocess.Popen([LLWEEK, "--database", database], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


first, database = start(LLWEEK)
check("the window on the first database is open", find_app(root) is not None
      and windows_of(first.pid, timeout=30))

other = os.path.join(tempfile.mkdtemp(prefix="llweek-ui-"), "năm khác.db")
second = run_llweek(other)
frames = windows_of(second.pid, timeout=60)
check("llweek --database B opens a window of B's own, in its own process",
      frames and second.poll() is None and os.path.exists(other))
check("the first database's window is still the only one of its process",
      len(windows_of(first.pid)) == 1)

again = run_llweek(database)
try:
    status = again.wait(timeout=60)
except subprocess.TimeoutExpired:
    again.kill()
    status = None
check("llweek --database A again shows A's window and ends", status == 0,
      again.stdout.read() if again.stdout else "")
check("still one window on A", len(windows_of(first.pid)) == 1)

second.terminate()
output, _ = second.communicate(timeout=30)
check("B's window ends cleanly, without warnings",
      not [line for line in output.splitlines() if "WARNING" in line or "CRITICAL" in line],
      output)
stop(first)
