#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The fill-in forms through the window, as the office uses them: forms are made from the
menu into a folder (twice: the second time asks before replacing), units fill three of them,
and the returned files are dropped on the window with the pointer, as from a file manager:
first with a bad one among them (nothing can be imported; the preview names the cells),
then the three good ones, whose preview lists each unit's changes; one unit's received date
is changed there, and Import writes them. A returned form is then opened again from the
Reports tab, by the program the desktop opens workbooks with (here one that copies the file
it is given). Screenshots of both previews are kept in LLWEEK_SCREENSHOTS."""

import os
import sqlite3
import subprocess
import sys
import tempfile
import traceback

from llwtest import (TIMEOUT, accessibility_root, check, find, find_app, start, stop, text_of,
                     wait_for, wait_until)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "forms"))
from formtools import date, fill  # noqa: E402

LLWEEK = sys.argv[1]
DRAG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "drag-files.py")
SHOTS = os.environ.get("LLWEEK_SCREENSHOTS") or tempfile.mkdtemp(prefix="llweek-shots-")
TITLE = "Tuần lễ hưởng ứng học tập suốt đời năm 2021"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
root = accessibility_root()
os.makedirs(SHOTS, exist_ok=True)
work = tempfile.mkdtemp(prefix="llweek-ui-forms-")
forms = os.path.join(work, "Phiếu gửi đơn vị")
returned = os.path.join(work, "Phiếu nhận về")
os.makedirs(forms)
os.makedirs(returned)

# The desktop's program for workbooks, for llweek only: it copies the file it is given.
opened = os.path.join(work, "opened.xlsx")
os.makedirs(os.path.join(work, "data", "applications"))
os.makedirs(os.path.join(work, "config"))
with open(os.path.join(work, "data", "applications", "llweek-test-open.desktop"), "w") as f:
    f.write("[Desktop Entry]\nType=Application\nName=Open a workbook\n"
            f"Exec=/bin/cp %f {opened}\nMimeType={XLSX};\n")
with open(os.path.join(work, "config", "mimeapps.list"), "w") as f:
    f.write(f"[Default Applications]\n{XLSX}=llweek-test-open.desktop\n")
os.environ.update(XDG_DATA_HOME=os.path.join(work, "data"),
                  XDG_CONFIG_HOME=os.path.join(work, "config"),
                  XDG_CACHE_HOME=os.path.join(work, "cache"))

app_process, database = start(LLWEEK)


def sh(command):
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout.strip()


def window_id(title):
    return sh(f"xdotool search --onlyvisible --name '^{title}$' | head -1")


def geometry(wid):
    return {k: int(v) for k, v in (line.split("=") for line in
                                   sh(f"xdotool getwindowgeometry --shell {wid}").split())}


def screenshot(title, name):
    """Takes a picture of the window called @title; a picture of an earlier run never
    counts."""
    wid = window_id(title)
    path = os.path.join(SHOTS, name)
    if os.path.exists(path):
        os.remove(path)
    return bool(wid) and subprocess.run(["import", "-window", wid, path]).returncode == 0 \
        and os.path.getsize(path) > 0


def menu_item(frame, name):
    """Opens the primary menu with the pointer (its button, left of the window's own
    buttons) and returns the item called @name."""
    g = geometry(window_id(TITLE))
    sh(f"xdotool mousemove {g['X'] + g['WIDTH'] - 156} {g['Y'] + 27} click 1")
    return find(frame, lambda n: n.roleName == "menu item" and n.name == name)


def choose_folder(app, folder):
    """Opens the chooser's location field (Ctrl+L), puts the folder's path in it, as typing
    it would (xdotool cannot type Vietnamese letters), and accepts it."""
    title = "Tạo phiếu báo cáo vào thư mục"
    chooser = find(app, lambda n: n.name == title, recursive=False)
    if chooser is None or not wait_for(lambda: window_id(title)):
        return False
    # Ctrl+L is lost when it comes before the chooser takes keys (on a busy machine, under
    # the sanitizer): it is pressed again until the location field has the focus.
    location = None
    for attempt in range(5):
        sh(f"xdotool windowfocus --sync {window_id(title)} key ctrl+l")
        location = find(chooser, lambda n: n.roleName == "text" and n.focused, TIMEOUT / 5)
        if location is not None:
            break
    if location is None:
        return False
    location.text = folder + "/"
    if not wait_until(lambda: text_of(location) == folder + "/"):
        return False
    sh(f"xdotool windowfocus --sync {window_id(title)} key Return")
    return True


def make_forms(app, frame):
    item = menu_item(frame, "Tạo phiếu báo cáo…")
    if not check("the menu offers “Tạo phiếu báo cáo…”", item is not None):
        return False
    item.doActionNamed("click")
    return check("the chooser takes the folder's path", choose_folder(app, forms))


def button(node, label):
    """A push button by its label; GTK 4.8 names one with a mnemonic "_Thay Thay"."""
    return node and find(node, lambda n: n.roleName == "push button" and n.name is not None and
                         (n.name == label or n.name.endswith(" " + label)))


def click_in_window(title, node):
    """Clicks the middle of @node with the pointer. GTK 4.8 gives no screen positions and
    answers AT-SPI's grabFocus on an entry with an error: the node's place in its window is
    added to the window's place on the screen."""
    import pyatspi
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    g = geometry(window_id(title))
    sh(f"xdotool mousemove {g['X'] + extents.x + extents.width // 2} "
       f"{g['Y'] + extents.y + extents.height // 2} click 1")


def tokens():
    with sqlite3.connect(database) as db:
        return db.execute("SELECT count(*) FROM issued_form").fetchone()[0]


class Words:
    """What a helper process says, a word a line, read as it comes without blocking."""

    def __init__(self, process):
        self.fd = process.stdout.fileno()
        os.set_blocking(self.fd, False)
        self.said = []
        self.partial = b""

    def heard(self, word):
        try:
            chunk = os.read(self.fd, 4096)
        except BlockingIOError:
            chunk = b""
        lines = (self.partial + chunk).split(b"\n")
        self.partial = lines.pop()
        self.said += [line.decode().strip() for line in lines]
        return word in self.said

    def expect(self, word, nudge=None):
        """Waits until the process says @word, calling @nudge between polls if given."""
        return wait_for(lambda: self.heard(word) or (nudge and nudge() and False))


def drop(files):
    """Drags @files from a window of their own onto llweek, with the pointer: the drag
    source says when its window shows, when the drag begins and when llweek would take the
    files, and each step waits for it."""
    source = subprocess.Popen(["/usr/bin/python3", DRAG, *files], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
    words = Words(source)
    words.expect("ready")
    wid = wait_for(lambda: window_id("drag-files"))
    sh(f"xdotool windowmove --sync {wid} 1000 560")
    g = geometry(wid)
    x, y = g["X"] + 100, g["Y"] + 60
    sh(f"xdotool mousemove {x} {y} mousedown 1")
    step = iter(range(1, 1000))
    # Past GTK's drag threshold, one step at a time until the drag begins.
    words.expect("dragging", lambda: sh(f"xdotool mousemove {x - next(step) % 20} {y}"))
    sh(f"xdotool mousemove {x - 300} {y - 200}")
    # Over llweek's window, moving a little, until it says it would take the files.
    wiggle = iter(range(1000))
    words.expect("accepted", lambda: sh(f"xdotool mousemove {300 + next(wiggle) % 10} 300"))
    sh("xdotool mouseup 1")
    words.expect("ended")
    return source


def preview(app):
    return find(app, lambda n: n.name == "Nhập phiếu đã điền", recursive=False)


def labels(node):
    return [n.name for n in node.findChildren(lambda n: n.roleName == "label")]


def wait_read(dialog):
    """The files are read on a worker thread: waits for the heading that says how it went."""
    found = []

    def heading():
        found[:] = [t for t in labels(dialog) if t.startswith(("Có thể nhập", "Không nhập"))]
        return bool(found)

    wait_for(heading, 60)
    return found[0] if found else None


def open_returned_form(frame, unit):
    """Selects @unit in the Reports tab and clicks “Phiếu đã nhận”."""
    tab = find(frame, lambda n: n.roleName == "page tab" and n.name == "Báo cáo")
    if tab is None:
        return False
    tab.doActionNamed("click")
    page = find(frame, lambda n: n.roleName == "panel" and n.name == "Báo cáo")

    def pick():
        rows = find(page, lambda n: n.roleName == "tree table", 2).children[-1]
        for i, row in enumerate(rows.children):
            if any(cell.children and cell.children[0].name == unit for cell in row.children):
                return rows.querySelection().selectChild(i)
        return False

    form = button(page, "Phiếu đã nhận") if page and wait_until(pick) else None
    if form is None or not wait_until(lambda: form.sensitive):
        print(f"# no sensitive “Phiếu đã nhận” for {unit}", file=sys.stderr)
        return False
    form.doActionNamed("click")
    return True


def fill_forms():
    def form(words):
        return os.path.join(forms, f"Phieu-bao-cao-2021-{words}.xlsx")

    return [
        fill(form("UBND-huyen-Hon-Dat"),
             fields={"llw_document_number": "45/BC-UBND", "llw_document_date": date(15),
                     "llw_theme": "Chuyển đổi số để xây dựng thành công một xã hội học tập mới."},
             figures={"A1": 3, "A2": 1, "A3": 250, "B1": 12, "G3": "1.234,5"},
             activities=[{"title": "Lễ phát động Tuần lễ", "kind": "Thông tin, tuyên truyền",
                          "start": date(1), "form": "Trực tiếp", "participants": 250}],
             out=os.path.join(returned, "Hòn Đất - báo cáo.xlsx")),
        fill(form("So-Y-te"), fields={"llw_document_number": "112/BC-SYT"},
             figures={"A1": 2, "B2": 40}, out=os.path.join(returned, "So-Y-te.xlsx")),
        fill(form("Tinh-doan"), fields={"llw_theme": "Thanh niên học tập suốt đời"},
             figures={"A1": 0, "D2": 300}, out=os.path.join(returned, "Tinh-doan.xlsx")),
    ]


try:
    app = find_app(root)
    frame = app and find(app, lambda n: n.roleName == "frame" and n.name == TITLE)
    check("the application appears on the accessibility bus", frame is not None)
    if frame is None:
        raise SystemExit

    if make_forms(app, frame):
        made = wait_for(lambda: len(os.listdir(forms)) == 42, 120)
        check("the forms are made in the chosen folder, one per unit", made,
              str(len(os.listdir(forms))))
        note = find(frame, lambda n: n.roleName == "label" and n.name and
                    n.name.startswith("Đã tạo 42 phiếu"))
        check("the window says how many forms it made, and where", note is not None)

    if len(os.listdir(forms)) != 42:
        raise SystemExit
    before = os.path.getmtime(os.path.join(forms, "Phieu-bao-cao-2021-So-Y-te.xlsx"))
    if make_forms(app, frame):
        ask = find(app, lambda n: n.name and n.name.startswith("Thay 42 phiếu"))
        check("making the forms again asks before replacing the 42 files", ask is not None)
        replace = button(find(app, lambda n: n.roleName == "dialog", recursive=False), "Thay")
        if replace is not None:
            replace.doActionNamed("click")
        check("the forms are made again, each with a token of its own",
              wait_for(lambda: tokens() == 84) and wait_for(lambda: os.path.getmtime(
                  os.path.join(forms, "Phieu-bao-cao-2021-So-Y-te.xlsx")) > before), tokens())

    good = fill_forms()
    bad = fill(os.path.join(forms, "Phieu-bao-cao-2021-UBND-huyen-An-Bien.xlsx"),
               figures={"A1": -4, "A2": "nhiều"}, out=os.path.join(returned, "An-Bien.xlsx"))

    source = drop(good + [bad])
    dialog = preview(app)
    heading = dialog and wait_read(dialog)
    texts = labels(dialog) if dialog else []
    check("dropping files with a bad one: the preview says nothing can be imported",
          heading == "Không nhập được các phiếu", heading)
    check("… and names each problem by file, sheet and cell",
          any(t.startswith("An-Bien.xlsx › Báo cáo › D22: A1:") for t in texts) and
          any(t.startswith("An-Bien.xlsx › Báo cáo › D23: A2:") for t in texts),
          [t for t in texts if "An-Bien" in t])
    check("a screenshot of the preview with errors is kept",
          screenshot("Nhập phiếu đã điền", "forms-preview-errors.png"))
    close = button(dialog, "Đóng")
    if close is not None:
        close.doActionNamed("click")
    source.terminate()
    check("nothing was imported", wait_for(lambda: not find(app, lambda n: n.name ==
                                                             "Nhập phiếu đã điền",
                                                             recursive=False, timeout=1)) and
          sqlite3.connect(database).execute("SELECT count(*) FROM report").fetchone()[0] == 0)

    source = drop(good)
    dialog = preview(app)
    heading = dialog and wait_read(dialog)
    texts = labels(dialog) if dialog else []
    check("dropping the three good forms: the preview says they can be imported",
          heading == "Có thể nhập 3 phiếu đã điền", heading)
    check("… and lists each unit with its changes, old → new",
          all(u in texts for u in ("UBND huyện Hòn Đất", "Sở Y tế", "Tỉnh đoàn")) and
          "45/BC-UBND" in texts and "1.234,50" in texts and
          "Hoạt động mới: Lễ phát động Tuần lễ" in texts, texts[:30])
    received = dialog and find(dialog, lambda n: n.name == "Ngày nhận, Sở Y tế" and
                               n.roleName in ("text", "entry"))
    if received is not None:
        click_in_window("Nhập phiếu đã điền", received)
        sh("xdotool key ctrl+a")
        sh("xdotool type --delay 30 '20/10/2021'")
        sh("xdotool key Return")
        # The date is taken when Enter reaches the field: the preview is drawn again then.
        check("the received date typed is taken and the preview drawn again",
              wait_until(lambda: received.dead))
    check("a screenshot of the preview with changes is kept",
          screenshot("Nhập phiếu đã điền", "forms-preview.png"))
    apply = button(dialog, "Nhập")
    if apply is not None:
        apply.doActionNamed("click")
    done = dialog and find(dialog, lambda n: n.roleName == "label" and n.name == "Đã nhập phiếu")
    check("Import writes the forms and says so", done is not None)
    source.terminate()

    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT u.name, r.received_date, count(f.id) FROM report r "
                          "JOIN unit u ON u.id = r.unit_id "
                          "JOIN returned_form f ON f.report_id = r.id "
                          "GROUP BY r.id ORDER BY u.position").fetchall()
    check("the three reports are in, each with its returned file and received date",
          rows == [("UBND huyện Hòn Đất", "2021-10-25", 1), ("Sở Y tế", "2021-10-20", 1),
                   ("Tỉnh đoàn", "2021-10-25", 1)], rows)
    close = button(dialog, "Đóng")
    if close is not None:
        close.doActionNamed("click")

    check("the returned form opens again from the Reports tab, byte for byte",
          open_returned_form(frame, "UBND huyện Hòn Đất") and
          wait_for(lambda: os.path.exists(opened), 30) and
          open(opened, "rb").read() == open(good[0], "rb").read())
except Exception as e:  # a step that breaks is a failure, never the quiet end of the run
    step = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == __file__][-1]
    check("the test ran to its end", False, f"line {step.lineno}: {step.line}: {e!r}")
finally:
    stop(app_process)
