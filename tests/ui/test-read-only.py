#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A database in a read-only folder (a USB stick locked against writing, a shared folder)
opens for reading: the window says so, and nothing in it offers to change the file. The
tab's buttons that would write (Add, Delete) are off, while Edit, which opens the record to
read, and History stay on. The same window on a writable copy has them all on, so that the
check can fail."""

import os
import shutil
import subprocess
import sys
import tempfile

import llwtest
from llwtest import accessibility_root, check, find, find_app, show_tab, start, stop, \
    toplevel, wait_until

LLWEEK = sys.argv[1]
root = accessibility_root()
READ_ONLY = ('mount --bind -o ro "$1" "$1" && shift && exec "$@"')


def read_only_wrapper(folder):
    """A script that runs llweek with @folder mounted read-only, in a mount namespace of
    its own; None where this machine cannot make one (not root, or no namespaces)."""
    if os.geteuid() != 0 or subprocess.run(
            ["unshare", "-m", "sh", "-c", READ_ONLY, "sh", folder, "true"],
            capture_output=True).returncode != 0:
        return None
    script = os.path.join(os.path.dirname(folder), "read-only")
    with open(script, "w") as f:
        f.write(f"#!/bin/sh\nexec unshare -m sh -c '{READ_ONLY}' sh '{folder}' \"$@\"\n")
    os.chmod(script, 0o755)
    return script


def states(app):
    """Whether each of the Themes tab's buttons is on, once a theme is selected."""
    page = show_tab(app, "Chủ đề")
    table = find(page, lambda n: n.roleName == "tree table")
    wait_until(lambda: table.children[-1].querySelection().selectChild(0))
    names = ["Thêm chủ đề", "Sửa", "Xóa", "Lịch sử"]
    buttons = {name: llwtest.button(page, name) for name in names}
    # Edit turns on with the selection: wait for it before reading the others.
    wait_until(lambda: buttons["Sửa"] is not None and buttons["Sửa"].sensitive)
    return {name: b is not None and b.sensitive for name, b in buttons.items()}


work = tempfile.mkdtemp(prefix="llweek-read-only-")
usb = os.path.join(work, "usb")
os.mkdir(usb)
database = os.path.join(usb, "llweek.db")
subprocess.run([LLWEEK, "--database", database, "--print-checklist",
                os.path.join(work, "made.pdf")], capture_output=True, check=True,
               env=dict(os.environ, LLWEEK_TODAY="2021-10-25"))
writable = os.path.join(work, "writable.db")
shutil.copy(database, writable)

process, _ = start(LLWEEK, database=writable)
app = find_app(root)
on = states(app)
check("on a writable file, Add, Edit, Delete and History are on with a theme selected",
      all(on.values()), str(on))
process.terminate()
process.wait(timeout=llwtest.TIMEOUT)
check("the writable file's window ended cleanly, without warnings",
      process.returncode == 0 and not llwtest.BAD_OUTPUT.search(llwtest.output_of(process)),
      llwtest.output_of(process))

wrapper = read_only_wrapper(usb)
if wrapper is None:
    check("# SKIP no read-only folder can be made here", True)
    llwtest.finish()
    sys.exit(0)

before = open(database, "rb").read()
os.environ["LLWTEST_WRAPPER"] = " ".join(filter(None, [wrapper,
                                                        os.environ.get("LLWTEST_WRAPPER")]))
process, _ = start(LLWEEK, database=database)
try:
    app = find_app(root)
    heading = find(app, lambda n: n.roleName == "label" and n.name == "Mở ở chế độ chỉ xem")
    check("the window says the file opened for reading only", heading is not None)
    notice = heading
    while notice is not None and notice.roleName not in ("dialog", "alert", "frame"):
        notice = notice.parent
    if notice is not None:
        llwtest.click(notice, "Đóng")
    # The window's title says it too; the tabs are found under that title.
    llwtest.MAIN_TITLE += " (chỉ xem)"
    check("the title ends in “(chỉ xem)”", toplevel(app, llwtest.MAIN_TITLE) is not None)
    on = states(app)
    check("on a read-only file, Add and Delete are off; Edit and History stay on",
          on == {"Thêm chủ đề": False, "Sửa": True, "Xóa": False, "Lịch sử": True}, str(on))
    check("the file is as it was", open(database, "rb").read() == before)
finally:
    stop(process)
