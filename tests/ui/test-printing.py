#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Takes the three checklists out of the window, each way a clerk can, in one session: saved
as PDF ("Lưu PDF…"), printed to a file through the print dialog's "Print to File" printer
(Ctrl+P), and printed through the print dialog's preview, which hands GTK's PDF to the
previewer (tests/ui/previewer keeps it). Each list is chosen with its mnemonic, as on the
keyboard. Every file is read back with pdftotext, and llweek must still be running after each
one, with nothing on its output but what it is allowed to say. The crashes this guards
against came after one to four prints, or on the first "Lưu PDF…"."""

import os
import sys
import time

from llwtest import (MAIN_TITLE, accessibility_root, answer_replace, check, click, find,
                     find_app, gone, key, menu, pdf_text, running, save_as, start, stop,
                     toplevel, wait_file, wait_for, x_windows)

LLWEEK = sys.argv[1]
root = accessibility_root()

SAVE_DIALOG = "Lưu báo cáo hoặc danh sách thành PDF"
PDF_CHOOSER = "Chọn nơi lưu tệp PDF"
PRINT_DIALOG = "In báo cáo hoặc danh sách"
PRINT = "In"  # GTK's print dialog

# The checklists: the mnemonic that picks each in the dialog, the name proposed for its file,
# and what its first page says.
KINDS = [
    ("<Alt>g", "danh-sach-theo-doi-bao-cao-2021", "DANH SÁCH THEO DÕI BÁO CÁO CỦA CÁC ĐƠN VỊ",
     "UBND huyện Hòn Đất"),
    ("<Alt>c", "danh-sach-chua-bao-cao-2021", "DANH SÁCH ĐƠN VỊ CHƯA GỬI BÁO CÁO",
     "UBND huyện Kiên Lương"),
    ("<Alt>n", "danh-sach-noi-nhan-2021", "DANH SÁCH NƠI NHẬN CÔNG VĂN", "Hội Khuyến học tỉnh"),
]

app_process, database = start(LLWEEK)
folder = app_process.folder
previews = os.path.join(folder, "previews")


def choose_kind(dialog, mnemonic):
    """Picks the checklist with its mnemonic; returns whether its radio button is on."""
    key(mnemonic, dialog.name)
    radios = dialog.findChildren(lambda n: n.roleName in ("check box", "radio button"))
    wanted = {"<Alt>g": "_giao", "<Alt>c": "_chưa", "<Alt>n": "_Nơi"}[mnemonic]
    return wait_for(lambda: next(r for r in radios if wanted in r.name).checked, 10)


def open_checklist_dialog(app, how, title):
    if how == "menu-save":
        menu(app, "Lưu báo cáo hoặc danh sách thành PDF…")
    elif how == "menu-print":
        menu(app, "In báo cáo hoặc danh sách…")
    else:
        key("<Control>p")
    return toplevel(app, title)


def save_pdf(app, kind, path):
    mnemonic, name, heading, _ = kind
    dialog = open_checklist_dialog(app, "menu-save", SAVE_DIALOG)
    if dialog is None or not choose_kind(dialog, mnemonic):
        return None, False
    since = time.time()
    click(dialog, "Lưu…")
    if toplevel(app, PDF_CHOOSER) is None:
        return None, False
    proposed = save_as(app, PDF_CHOOSER, path, "Lưu")
    return proposed, wait_file(path, since)


def print_dialog(app, kind, how):
    """Opens GTK's print dialog for @kind; returns it."""
    mnemonic, name, heading, _ = kind
    dialog = open_checklist_dialog(app, how, PRINT_DIALOG)
    if dialog is None or not choose_kind(dialog, mnemonic):
        return None
    click(dialog, "In…")
    return toplevel(app, PRINT)


def select_printer(dialog, printer):
    table = find(dialog, lambda n: n.roleName == "list" and n.name == "GtkColumnListView")
    rows = table.children
    for i, row in enumerate(rows):
        if find(row, lambda n: n.roleName == "label" and n.name == printer, 0):
            table.querySelection().selectChild(i)
            return wait_for(lambda: rows[i].selected, 10)
    return False


def print_to_file(app, kind, how):
    """Prints @kind to the file the dialog proposes; returns the name it proposes (its
    button shows the end of the path) and whether the file was written where expected."""
    dialog = print_dialog(app, kind, how)
    if dialog is None or not select_printer(dialog, "In ra tập tin"):
        return None, False
    file_button = find(dialog, lambda n: n.roleName == "push button" and
                       n.name.endswith(".pdf"))
    proposed = file_button.name if file_button is not None else None
    path = os.path.join(folder, f"{kind[1]}.pdf")
    since = time.time()
    before = x_windows()
    replacing = os.path.exists(path)
    click(dialog, "In")
    if replacing:
        answer_replace(app, before)
    gone(app, PRINT)
    return proposed, wait_file(path, since)


def preview(app, kind):
    """Prints @kind through the preview; returns the PDF the previewer was given."""
    dialog = print_dialog(app, kind, "key")
    if dialog is None:
        return None
    done = len([n for n in os.listdir(previews) if n.endswith(".pdf")])
    path = os.path.join(previews, f"preview-{done + 1}.pdf")
    click(dialog, "Xem trước")
    gone(app, PRINT)
    return path if wait_file(path) else None


def first_page(path, kind):
    _, _, heading, unit = kind
    text = pdf_text(path)
    return heading in text and unit in text and "Trang 1/" in text, text[:300]


try:
    app = find_app(root)
    if not check("the application appears on the accessibility bus", app is not None):
        raise SystemExit
    toplevel(app, MAIN_TITLE)

    for n, kind in enumerate(KINDS, 1):
        _, name, heading, _ = kind
        what = heading.capitalize()

        # Saved as PDF, where the chooser points; the name it proposes says what the list is.
        path = os.path.join(folder, f"{n}. {name}.pdf")
        proposed, written = save_pdf(app, kind, path)
        check(f"{n}. “Lưu PDF…” proposes {name}.pdf", proposed == f"{name}.pdf", proposed)
        check(f"{n}. “Lưu PDF…” writes {what}", written)
        ok, text = first_page(path, kind) if written else (False, "")
        check(f"{n}. the saved PDF is {what}, with its units and page numbers", ok, text)
        check(f"{n}. llweek is still running after saving the PDF", running(app_process))

        # Printed to a file: the print dialog proposes the list's own name, in that folder.
        how = "menu-print" if n == 2 else "key"
        proposed, written = print_to_file(app, kind, how)
        # The button shows the end of a long path after "...".
        check(f"{n}. printing to a file proposes {name}.pdf",
              proposed and f"/{name}.pdf".endswith(proposed.replace("...", "", 1)), proposed)
        check(f"{n}. printing to a file writes {what}, in the folder last used", written)
        printed = os.path.join(folder, f"{name}.pdf")
        ok, text = first_page(printed, kind) if written else (False, "")
        check(f"{n}. the printed file is {what}", ok, text)
        check(f"{n}. llweek is still running after printing", running(app_process))

        # Printed through the preview.
        shown = preview(app, kind)
        check(f"{n}. the preview is made for {what}", shown is not None)
        ok, text = first_page(shown, kind) if shown else (False, "")
        check(f"{n}. the preview shows {what}", ok, text)
        check(f"{n}. llweek is still running after the preview", running(app_process))

    # The first list again, over its file: the print dialog asks, and the file is replaced.
    path = os.path.join(folder, f"{KINDS[0][1]}.pdf")
    before = os.path.getmtime(path) if os.path.exists(path) else time.time()
    proposed, written = print_to_file(app, KINDS[0], "key")
    check("printing over a file asks, then replaces it",
          written and os.path.getmtime(path) > before, proposed)
    check("llweek is still running after the last print", running(app_process))
except Exception as error:  # a step found nothing to act on: say which, after the others
    import traceback
    check("every step found what it acts on", False,
          traceback.format_exc().strip().splitlines()[-2].strip() + f": {error!r}")
finally:
    stop(app_process)
