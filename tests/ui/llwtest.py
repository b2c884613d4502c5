# SPDX-License-Identifier: GPL-3.0-or-later
"""What the window tests share: their TAP output, the real window started on a new database
in Vietnamese with a fixed "today", patient searches of its accessibility tree, which changes
under the test while windows open and close, and the ways a person reaches the window: its
buttons, its menu, its keys and the file chooser.

Nothing here waits a fixed time: every wait polls for what the step expects, with an overall
timeout generous enough for a loaded machine, a sanitizer build or Valgrind."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

results = []

# Polls give up after this long; LLWTEST_TIMEOUT_SCALE stretches it for slow runs (Valgrind).
TIMEOUT = 30 * float(os.environ.get("LLWTEST_TIMEOUT_SCALE", "1"))

MAIN_TITLE = "Tuần lễ hưởng ứng học tập suốt đời năm 2021"
WINDOWS = ("frame", "window", "dialog", "filler", "alert")

# What the window must never print: GLib's warnings and criticals (criticals are fatal
# under G_DEBUG=fatal-criticals), and the memory errors of the slice allocator's checks,
# AddressSanitizer, UndefinedBehaviorSanitizer and Valgrind.
BAD_OUTPUT = re.compile(r"WARNING|CRITICAL|GSlice|AddressSanitizer|LeakSanitizer|"
                        r"runtime error:|==\d+== (Invalid|Conditional|Use of uninit|"
                        r"Mismatched|Source and destination|Syscall param|.*definitely lost)|"
                        r"double free|corrupted|Segmentation fault|Aborted")


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))
    return bool(condition)


def finish():
    """Prints the results, as TAP, and exits: 1 if any failed.

    Called from a test's `finally`, it also fails the test when an exception is on its way
    out: the steps after it did not run, and their checks would otherwise not be counted."""
    error = sys.exc_info()[1]
    if error is not None:
        import traceback
        where = traceback.extract_tb(error.__traceback__)[-1]
        check("the test ran to its end", False,
              f"stopped at line {where.lineno} ({where.line}): {error!r}")
    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            for line in str(detail).splitlines():
                print(f"# {line}")
    sys.stdout.flush()
    sys.exit(0 if results and all(ok for _, ok, _ in results) else 1)


def accessibility_root():
    """The desktop of the accessibility tree; the test is skipped without a display."""
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP no display (build-aux/test runs this under Xvfb)")
        sys.exit(0)

    import pyatspi
    from dogtail.config import config

    # libatspi gives up on a call after 0.8 s once the application has run 15 s: a loaded
    # machine, or a sanitizer build, answers slower than that.
    pyatspi.setTimeout(int(TIMEOUT * 2000), int(TIMEOUT * 2000))

    config.checkForA11y = False
    config.logDebugToStdOut = False  # its log lines would break the TAP output
    config.logDebugToFile = False
    config.searchCutoffCount = 20
    config.defaultDelay = 0.2
    config.actionDelay = 0.2
    from dogtail.tree import root
    return root


def _preview_settings(folder):
    """GTK's settings for the window: its print preview runs tests/ui/previewer, which keeps
    the PDF GTK made for the previewer where the test finds it. A test that set a config
    folder of its own keeps its choice of programs (say, the one for workbooks)."""
    config = os.path.join(folder, "config")
    os.makedirs(os.path.join(config, "gtk-4.0"))
    mimeapps = os.path.join(os.environ.get("XDG_CONFIG_HOME", "/nonexistent"), "mimeapps.list")
    if os.path.isfile(mimeapps):
        shutil.copy(mimeapps, config)
    previewer = os.path.join(os.path.dirname(os.path.abspath(__file__)), "previewer")
    with open(os.path.join(config, "gtk-4.0", "settings.ini"), "w") as f:
        f.write(f"[Settings]\ngtk-print-preview-command={previewer} %f %s\n")
    return config


def start(llweek, today="2021-10-25", database=None):
    """Starts llweek on @database, or on a new one; returns the process and the database's
    path.

    Its output goes to a file, read by stop (): a pipe nobody reads would fill up and block
    the window. The test has a folder of its own, the new database's: its exports go there
    too."""
    folder = tempfile.mkdtemp(prefix="llweek-ui-")
    database = database or os.path.join(folder, "llweek.db")
    env = dict(os.environ, LANGUAGE="vi", LANG="C.UTF-8", LC_ALL="C.UTF-8",
               LLWEEK_TODAY=today, GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="0",
               XDG_CONFIG_HOME=_preview_settings(folder),
               LLWTEST_PREVIEW_DIR=os.path.join(folder, "previews"),
               G_DEBUG=",".join(filter(None, [os.environ.get("G_DEBUG"), "fatal-criticals"])))
    env.pop("GTK_A11Y", None)
    # Under Valgrind every block must be malloc's, for it to see: build-aux/valgrind says so.
    if os.environ.get("LLWTEST_G_SLICE"):
        env["G_SLICE"] = os.environ["LLWTEST_G_SLICE"]
    os.makedirs(env["LLWTEST_PREVIEW_DIR"])
    command = [llweek, "--database", database]
    # build-aux/valgrind runs llweek under Valgrind this way: the test itself is Python.
    if os.environ.get("LLWTEST_WRAPPER"):
        command = os.environ["LLWTEST_WRAPPER"].split() + command
    log = open(os.path.join(folder, "llweek.log"), "w+")
    # In the test's folder, so that a file written where no folder was chosen lands there.
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                               text=True, cwd=folder)
    process.log = log
    process.folder = folder
    return process, database


def output_of(process):
    process.log.flush()
    process.log.seek(0)
    return process.log.read()


def running(process):
    """Whether llweek is still running, and has printed nothing it must not."""
    return process.poll() is None and not BAD_OUTPUT.search(output_of(process))


def stop(process, closed=False):
    """Ends llweek as the session would (SIGTERM closes its windows), checks it was still
    running (unless the test @closed its window itself), ended cleanly and wrote no warning,
    critical or memory error, and prints the results."""
    was_running = process.poll() is None
    process.terminate()
    try:
        process.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    output = output_of(process)
    bad = [line for line in output.splitlines() if BAD_OUTPUT.search(line)]
    if not closed:
        check("llweek was still running at the end of the test", was_running,
              f"exit status {process.returncode}")
    check("llweek ended cleanly when asked to", process.returncode == 0,
          f"exit status {process.returncode}")
    check("no warning, critical or memory error on llweek's output", not bad,
          " | ".join(bad[:5]))
    finish()


def wait_until(condition, timeout=TIMEOUT):
    """Polls @condition until it holds, for at most @timeout seconds; an error while the
    window changes counts as not yet."""
    return wait_for(condition, timeout) is not None


def wait_for(condition, timeout=TIMEOUT):
    """Polls @condition until it gives something true, which it returns; None after
    @timeout seconds."""
    deadline = time.time() + timeout
    while True:
        try:
            value = condition()
            if value:
                return value
        except Exception:  # the tree changes under us while windows open and close
            pass
        if time.time() >= deadline:
            return None
        time.sleep(0.2)


def find(node, predicate, timeout=TIMEOUT, recursive=True):
    if node is None:
        return None
    return wait_for(lambda: node.findChild(predicate, recursive=recursive, retry=False,
                                           requireResult=False), timeout)


def find_app(root, timeout=TIMEOUT):
    return wait_for(lambda: next((c for c in root.children if c.name == "llweek"), None),
                    timeout)


def x_windows():
    """The windows on screen: (X id, title) of each one mapped, from the X server."""
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True,
                          text=True).stdout
    found = []
    # A window without a title, such as GTK's questions, "has no name".
    for match in re.finditer(r'^\s*(0x[0-9a-f]+) (?:"(.*)"|\(has no name\)): \(.*\)\s+'
                             r'(\d+)x(\d+)', tree, re.M):
        if int(match.group(3)) <= 1:
            continue  # GDK's own hidden windows
        info = subprocess.run(["xwininfo", "-id", match.group(1)], capture_output=True,
                              text=True).stdout
        if "IsViewable" in info:
            found.append((int(match.group(1), 16), match.group(2) or ""))
    return found


def on_screen(title, timeout=TIMEOUT):
    """Waits until a window titled @title is on screen; returns whether it came.

    The X server is asked, not the accessibility tree: GTK 4.8 answers a question about the
    application's windows with a critical when one of them is being put on screen."""
    return wait_for(lambda: any(t == title for _, t in x_windows()), timeout) is not None


def toplevel(app, name, timeout=TIMEOUT):
    """The window titled @name, once on screen. GTK 4.8 has no "showing" state."""
    if name != MAIN_TITLE and not on_screen(name, timeout):
        return None
    return wait_for(lambda: next((w for w in app.children if w.name == name), None), timeout)


def gone(app, name, timeout=TIMEOUT):
    """Whether the window titled @name has left the screen."""
    return wait_for(lambda: all(t != name for _, t in x_windows()), timeout) is not None


def text_of(node):
    """The text of a field. dogtail's Node.text asks for the text up to offset -1, which
    GTK 4.8 answers with nothing."""
    text = node.queryText()
    return text.getText(0, text.characterCount)


def named(name):
    """GTK 4.8 names a button by its label and then its text: "_Lưu Lưu", or "Lưu Lưu"."""
    return lambda n: n.name is not None and (n.name == name or n.name.endswith(" " + name))


def button(node, name, timeout=TIMEOUT):
    return find(node, lambda n: n.roleName == "push button" and named(name)(n), timeout)


def click(node, name, timeout=TIMEOUT):
    """Clicks the button @name in @node, once it can be clicked; returns whether it did."""
    found = wait_for(lambda: (lambda b: b if b is not None and b.sensitive else None)(
        button(node, name, 1)), timeout)
    if found is None:
        return False
    found.doActionNamed("click")
    return True


def header_bar(app):
    """The main window's header bar. Searches start there when they can: the window's
    lists have thousands of nodes, and every question to the bus takes its time."""
    main = toplevel(app, MAIN_TITLE)
    return wait_for(lambda: next(c for c in main.children if c.name != "GtkOverlay"))


def notification(app, text, timeout=TIMEOUT):
    """The notification at the top of the main window saying @text, or None."""
    main = toplevel(app, MAIN_TITLE)
    overlay = wait_for(lambda: next(c for c in main.children if c.name == "GtkOverlay"))
    bar = find(overlay, lambda n: n.name == "LlwNotificationBar", recursive=False)
    return find(bar, lambda n: n.roleName == "label" and n.name == text, timeout)


def menu(app, item, timeout=TIMEOUT):
    """Chooses @item in the window's main menu, as a person would."""
    header = header_bar(app)
    opener = find(header, lambda n: n.roleName == "push button" and n.name == "Trình đơn chính"
                  and n.parent.name == "Trình đơn chính")
    opener.doActionNamed("click")
    entry = find(opener.parent, lambda n: n.roleName == "menu item" and n.name == item, timeout)
    entry.doActionNamed("click")


def _xdotool_keys(combination):
    """dogtail's notation, "<Control>e", in xdotool's: "ctrl+e"."""
    modifiers = re.findall(r"<(\w+)>", combination)
    names = {"Control": "ctrl", "Alt": "alt", "Shift": "shift", "Super": "super"}
    return "+".join([names[m] for m in modifiers] + [re.sub(r"<\w+>", "", combination)])


def key(combination, window=MAIN_TITLE):
    """Presses keys, as on the keyboard, in the window titled @window: "<Control>e".

    The keys go through the X server's test extension (xdotool), as a keyboard's would;
    dogtail's own key events, sent through the accessibility registry, are lost on GTK 4.8."""
    focus(window)
    subprocess.run(["xdotool", "key", "--clearmodifiers", _xdotool_keys(combination)],
                   check=True)


def focus(title):
    """Gives the keyboard to the window titled @title, as a window manager does to a dialog
    that opens. Xvfb has no window manager, and GTK's own request is lost when it comes
    before the window is on screen; the keys typed would then go to the main window."""
    ids = [window for window, name in x_windows() if name == title]
    if not ids:
        return False
    subprocess.run(["xdotool", "windowfocus", "--sync", str(ids[0])], check=True)
    return True


def type_text(text, window=None):
    """Types @text on the keyboard, in the window titled @window if given (ASCII only: keys
    for Vietnamese letters cannot be sent reliably)."""
    if window is not None:
        focus(window)
    subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)


def show_tab(app, name):
    """Clicks the tab and returns its page, the panel named after it."""
    main = toplevel(app, MAIN_TITLE)
    find(header_bar(app), lambda n: n.name == name and n.roleName == "page tab").doActionNamed(
        "click")
    overlay = wait_for(lambda: next(c for c in main.children if c.name == "GtkOverlay"))

    def page():
        # The stack of the tabs, under the overlay, maybe below a bar (a closed campaign's).
        for holder in [overlay] + list(overlay.children):
            for child in holder.children:
                found = next((p for p in child.children
                              if p.roleName == "panel" and p.name == name), None)
                if found is not None:
                    return found
        return None

    return wait_for(page)


def dialog_saying(app, text, before, timeout=TIMEOUT):
    """The window that came on screen since @before (x_windows ()) and says @text."""
    def asking():
        if all(window in before for window in x_windows()):
            return None
        for window in app.children:
            if window.name == MAIN_TITLE:
                continue  # the main window alone has thousands of nodes to search
            if find(window, lambda n: n.name is not None and text in n.name, 0):
                return window
        return None

    return wait_for(asking, timeout)


def answer_replace(app, before):
    """Says yes to the question that came since @before (x_windows ()), whether to replace a
    file that exists, as the file chooser and the print dialog ask; returns whether it came."""
    question = dialog_saying(app, "đã có", before)
    return question is not None and click(question, "Thay thế")


def save_as(app, title, path, accept):
    """Saves through a file chooser titled @title: types @path as the name, as a person
    may, and clicks @accept. Returns the chooser's proposed name."""
    chooser = toplevel(app, title)
    name = find(chooser, lambda n: n.roleName == "text" and n.name == "Tên:")
    proposed = text_of(name)
    name.text = path
    before = x_windows()
    click(chooser, accept)
    if os.path.exists(path):
        answer_replace(app, before)
    gone(app, title)
    return proposed


def open_file(app, title, path, accept):
    """Opens @path through a file chooser titled @title, then @accept: "/" typed on the
    keyboard brings up the chooser's location field, where the rest of the path is put, as
    a paste would (keys for Vietnamese letters cannot be sent reliably). Returns whether
    the chooser took the path and closed."""
    chooser = toplevel(app, title)
    type_text("/", title)
    location = find(chooser, lambda n: n.roleName == "text" and text_of(n) == "/")
    if location is None:
        return False
    location.text = path
    if wait_for(lambda: text_of(location) == path) is None:
        return False
    click(chooser, accept)
    return gone(app, title)


def wait_file(path, since=0, timeout=TIMEOUT):
    """Waits for @path to be written after @since (a time.time ()), and complete: its size
    unchanged over two polls."""
    sizes = []

    def ready():
        if not os.path.exists(path) or os.path.getmtime(path) < since:
            return False
        sizes.append(os.path.getsize(path))
        return len(sizes) >= 2 and sizes[-1] == sizes[-2] and sizes[-1] > 0

    return wait_for(ready, timeout) is not None


def pdf_text(path):
    result = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                            text=True)
    return result.stdout if result.returncode == 0 else ""
