#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The fill-in forms through the command line, as the office uses them: forms are made, filled
in as units fill them (openpyxl, and the form's XML rewritten as other spreadsheet programs
write it), imported, and the consolidated workbook must show exactly what was filled in.
Every file refused, and every form whose identity is wrong, leaves the database as it was,
byte for byte in its dump."""

import datetime
import os
import re
import shutil
import struct
import sys
import tempfile
import unicodedata
import zipfile

import openpyxl

from formtools import (Llweek, check, codes, consolidated, date, destination,
                       encrypted_workbook, figure_names, fill, finish, form_of, fresh_copy,
                       rewrite, set_cell_xml, sheet_part, stored_figures)

PROGRAM = sys.argv[1]
HON_DAT, Y_TE, TINH_DOAN = "UBND huyện Hòn Đất", "Sở Y tế", "Tỉnh đoàn"
THEME_2 = "Chuyển đổi số để xây dựng thành công một xã hội học tập mới."


def make(tmp):
    """A new database and its forms."""
    llweek = Llweek(PROGRAM, os.path.join(tmp, "llweek.db"))
    forms = os.path.join(tmp, "forms")
    os.mkdir(forms)
    return llweek, forms, llweek.run("--make-forms", forms)


def check_forms_made(llweek, forms, result):
    names = sorted(os.listdir(forms))
    if not check("--make-forms makes one form per unit that must report, and says so",
                 result.returncode == 0 and len(names) == 42 and "42" in result.stdout,
                 result.stdout + result.stderr):
        finish()    # the other checks need the forms
    check("form files have ASCII names that survive e-mail",
          "Phieu-bao-cao-2021-UBND-huyen-Hon-Dat.xlsx" in names and
          all(n.isascii() and re.fullmatch(r"[A-Za-z0-9.-]+", n) for n in names), names[:5])
    tokens = llweek.sql("SELECT count(*), count(DISTINCT token) FROM issued_form")[0]
    check("a token is recorded for each form made, all different", tokens == (42, 42), tokens)


def check_form_shape(llweek, path):
    wb = openpyxl.load_workbook(path)
    check("a form has the sheets Báo cáo, Hoạt động, Hướng dẫn and a hidden identity sheet",
          wb.sheetnames == ["Báo cáo", "Hoạt động", "Hướng dẫn", "llweek"] and
          wb["llweek"].sheet_state == "hidden", wb.sheetnames)
    check("every sheet is protected, without a password",
          all(ws.protection.sheet and not ws.protection.password for ws in wb.worksheets))
    names = figure_names(wb)
    report = wb["Báo cáo"]
    inputs = [report[destination(wb, n)[1]] for n in names.values()]
    check("the form has an input cell for each of the 22 indicators, unlocked",
          sorted(names) == sorted(codes(llweek)) and
          all(not c.protection.locked for c in inputs))
    check("labels are locked", report["B20"].protection.locked and report["A1"].protection.locked)
    g3 = report[destination(wb, names["G3"])[1]]
    rules = {}
    for dv in report.data_validations.dataValidation:
        for ref in str(dv.sqref).split():
            rules[ref] = dv
    check("figure cells take whole numbers ≥ 0, money cells decimals ≥ 0",
          rules[g3.coordinate].type == "decimal" and
          rules[destination(wb, names["A1"])[1]].type == "whole" and
          rules[destination(wb, names["A1"])[1]].operator == "greaterThanOrEqual")
    theme = rules[destination(wb, "llw_theme")[1]]
    check("the theme is a drop-down of a named range that allows free text",
          theme.type == "list" and theme.formula1 == "llw_list_themes" and
          theme.errorStyle == "information")
    kinds = [dv for dv in wb["Hoạt động"].data_validations.dataValidation
             if dv.formula1 == "llw_list_kinds"]
    check("activity kinds are a drop-down of a named range", len(kinds) == 1)
    with zipfile.ZipFile(path) as z:
        custom = z.read("docProps/custom.xml").decode()
    unit_token = llweek.sql("SELECT f.token FROM issued_form f JOIN unit u ON u.id = f.unit_id "
                            "WHERE u.name = ?", HON_DAT)
    check("the token the database recorded is in the form's custom properties",
          unit_token and unit_token[0][0] in custom and "llweek-campaign" in custom)


def filled_forms(forms, tmp):
    """Three units fill in their forms, each differently, as people do."""
    out = os.path.join(tmp, "filled")
    os.mkdir(out)
    hon_dat = fill(form_of(forms, "UBND-huyen-Hon-Dat"),
                   fields={"llw_document_number": "45/BC-UBND",
                           "llw_document_date": date(15),
                           "llw_theme": THEME_2,
                           "llw_results": "Tổ chức 12 lớp học trực tuyến.\nPhát động tại 8 xã."},
                   figures={"A1": 3, "A2": 1, "A3": " 250 ", "B1": "1.234", "C1": "1\u00a0204",
                            "G3": "1.234,5"},
                   activities=[{"title": "Lễ phát động Tuần lễ", "kind": "Thông tin, tuyên truyền",
                                "start": date(1), "form": "Trực tiếp", "participants": 250,
                                "place": "Hội trường UBND huyện"},
                               {"title": "Lớp học kỹ năng số", "start": "03/10/2021",
                                "end": date(5), "form": "Trực tuyến", "platform": "Zoom"}],
                   out=os.path.join(out, "Hon Dat - da dien.xlsx"))
    y_te = fill(form_of(forms, "So-Y-te"),
                fields={"llw_document_number": 112, "llw_document_date": "20/10/2021",
                        "llw_theme": unicodedata.normalize("NFD", THEME_2)},
                figures={"A1": 2, "B2": 40, "G3": 15.25},
                out=os.path.join(out, "Phieu-bao-cao-2021-So-Y-te.xlsx"))
    tinh_doan = fill(form_of(forms, "Tinh-doan"),
                     fields={"llw_theme": "Thanh niên học tập suốt đời"},
                     figures={"A1": 0, "D2": 300},
                     out=os.path.join(out, "Tinh doan.xlsx"))
    return out, {HON_DAT: hon_dat, Y_TE: y_te, TINH_DOAN: tinh_doan}


def expected(llweek):
    all_codes = codes(llweek)
    want = {HON_DAT: {"A1": 3, "A2": 1, "A3": 250, "B1": 1234, "C1": 1204, "G3": 1234.5},
            Y_TE: {"A1": 2, "B2": 40, "G3": 15.25},
            TINH_DOAN: {"A1": 0, "D2": 300}}
    return {unit: [figures.get(c) for c in all_codes] for unit, figures in want.items()}


def check_import(llweek, tmp, folder, files):
    before = llweek.dump()
    dry = llweek.run("--import-forms", folder, "--dry-run")
    check("--dry-run lists each unit's changes, old → new, and writes nothing",
          dry.returncode == 0 and "UBND huyện Hòn Đất: a new report" in dry.stdout and
          "G3 Kinh phí huy động (ngân sách và xã hội hóa): — → 1.234,50" in dry.stdout and
          "+ Lễ phát động Tuần lễ" in dry.stdout and llweek.dump() == before,
          dry.stdout + dry.stderr)
    check("a theme of the unit's own is announced as added",
          "Thanh niên học tập suốt đời" in dry.stdout and "unit’s own" in dry.stdout, dry.stdout)

    result = llweek.run("--import-forms", folder)
    check("--import-forms imports the three forms", result.returncode == 0 and
          "Imported 3 forms" in result.stdout, result.stdout + result.stderr)
    got = consolidated(llweek, tmp, list(files))
    check("the consolidated workbook shows exactly the figures filled in", got == expected(llweek),
          f"{got}\n{expected(llweek)}")

    report = llweek.sql("SELECT r.document_number, r.document_date, r.received_date, "
                        "r.channel, t.title, r.results FROM report r JOIN unit u "
                        "ON u.id = r.unit_id LEFT JOIN theme t ON t.id = r.theme_id "
                        "WHERE u.name = ?", HON_DAT)
    check("the report's fields are stored: number, date, received today, by e-mail, theme",
          report == [("45/BC-UBND", "2021-10-15", "2021-10-25", "email", THEME_2,
                      "Tổ chức 12 lớp học trực tuyến.\nPhát động tại 8 xã.")], report)
    y_te = llweek.sql("SELECT r.document_number, r.document_date, t.title FROM report r "
                      "JOIN unit u ON u.id = r.unit_id JOIN theme t ON t.id = r.theme_id "
                      "WHERE u.name = ?", Y_TE)
    check("a number typed into a text cell and a date typed as text are read; decomposed "
          "Vietnamese finds the campaign's theme", y_te == [("112", "2021-10-20", THEME_2)], y_te)
    themes = llweek.sql("SELECT title, suggested FROM theme ORDER BY position")
    check("the unit's own theme is added to the campaign, as proposed by a unit",
          themes[-1] == ("Thanh niên học tập suốt đời", 0) and len(themes) == 4, themes)
    activities = llweek.sql("SELECT a.title, k.title, a.start_date, a.end_date, a.form, "
                            "a.platform, a.place, a.participants FROM activity a "
                            "LEFT JOIN activity_kind k ON k.id = a.kind_id ORDER BY a.id")
    check("the activities are added with their kind, dates, form, place and participants",
          activities == [("Lễ phát động Tuần lễ", "Thông tin, tuyên truyền", "2021-10-01", None,
                           "in_person", "", "Hội trường UBND huyện", 250),
                          ("Lớp học kỹ năng số", None, "2021-10-03", "2021-10-05", "online",
                           "Zoom", "", None)], activities)

    kept = llweek.sql("SELECT f.file_name, f.sha256, f.size, f.content FROM returned_form f "
                      "JOIN report r ON r.id = f.report_id JOIN unit u ON u.id = r.unit_id "
                      "WHERE u.name = ?", HON_DAT)
    with open(files[HON_DAT], "rb") as f:
        data = f.read()
    import hashlib
    check("the returned file is kept whole with its report: name, SHA-256, size, bytes",
          kept == [("Hon Dat - da dien.xlsx", hashlib.sha256(data).hexdigest(), len(data), data)])
    sources = llweek.sql("SELECT count(*), count(h.returned_form_id) FROM history h "
                         "WHERE h.table_name IN ('report', 'report_value', 'activity')")
    check("every history line of the import names the returned form it came from",
          sources[0][0] > 0 and sources[0][0] == sources[0][1], sources)


def check_again(llweek, folder):
    """The same forms a second time: reports are replaced, activities not doubled."""
    activities = llweek.sql("SELECT count(*) FROM activity")
    dry = llweek.run("--import-forms", folder, "--dry-run")
    check("a unit already received: the preview says its report will be replaced",
          dry.returncode == 0 and "UBND huyện Hòn Đất: replaces the report received before" in
          dry.stdout and "This very file was imported before." in dry.stdout, dry.stdout)
    result = llweek.run("--import-forms", folder)
    check("importing the same forms again adds no activity twice",
          result.returncode == 0 and llweek.sql("SELECT count(*) FROM activity") == activities,
          result.stdout + result.stderr)


def check_prefill(llweek, tmp):
    out = os.path.join(tmp, "again")
    os.mkdir(out)
    llweek.execute("UPDATE report SET review_state = 'needs_revision'")
    result = llweek.run("--make-forms", out, "--unit", HON_DAT)
    path = os.path.join(out, "Phieu-bao-cao-2021-UBND-huyen-Hon-Dat.xlsx")
    check("--make-forms --unit makes that unit's form only",
          result.returncode == 0 and os.listdir(out) == [os.path.basename(path)],
          result.stdout + result.stderr)
    wb = openpyxl.load_workbook(path)
    names = figure_names(wb)

    def value(name):
        sheet, ref = destination(wb, name)
        return wb[sheet][ref].value

    check("a form made again for a unit whose report is in comes filled with what llweek holds",
          value("llw_document_number") == "45/BC-UBND" and
          value("llw_document_date").date() == date(15) and value("llw_theme") == THEME_2 and
          value(names["B1"]) == 1234 and value(names["G3"]) == 1234.5 and
          value(names["B2"]) is None and
          wb["Hoạt động"]["B6"].value == "Lễ phát động Tuần lễ", names)
    result = llweek.run("--import-forms", path, "--dry-run")
    check("the filled form made again imports without a change", result.returncode == 0 and
          "figures changed: 0, activities added: 0" in result.stdout,
          result.stdout + result.stderr)


def fixture(tmp, name):
    """A database with its forms, for one case."""
    folder = os.path.join(tmp, name)
    os.mkdir(folder)
    llweek, forms, result = make(folder)
    if not check(f"the forms of the case “{name}” are made", result.returncode == 0,
                 result.stdout + result.stderr):
        finish()
    return llweek, forms


def imported(llweek, path, unit):
    """Imports one form; returns the unit's stored figures, or the error output."""
    result = llweek.run("--import-forms", path)
    if result.returncode != 0:
        return result.stderr
    return stored_figures(llweek, unit)


def refused(llweek, paths, *words, campaign=None):
    """Whether importing @paths fails, names every word in its message, and leaves the
    database unchanged."""
    before = llweek.dump()
    args = (["--campaign", campaign] if campaign else []) + ["--import-forms", *paths]
    result = llweek.run(*args)
    ok = result.returncode == 1 and all(w in result.stderr for w in words) and \
        llweek.dump() == before
    return ok, result.stderr


def check_quirks(tmp):
    """What spreadsheet programs and people do to a form, each read as meant."""
    llweek, forms = fixture(tmp, "quirks")
    blank = form_of(forms, "UBND-huyen-Kien-Luong")
    unit = "UBND huyện Kiên Lương"
    wb = openpyxl.load_workbook(blank)
    names = figure_names(wb)
    sheet, a1 = destination(wb, names["A1"])
    _, a2 = destination(wb, names["A2"])
    _, date_cell = destination(wb, "llw_document_date")
    work = os.path.join(tmp, "quirks", "work")
    os.mkdir(work)

    def case(name, change, figures=None):
        base = fill(blank, figures=figures or {"A2": 5}, out=os.path.join(work, name + "-0.xlsx"))
        path = change(base, os.path.join(work, name + ".xlsx")) if change else base
        db = llweek.copy(os.path.join(work, name + ".db"))
        return db, path

    db, path = case("formula", lambda b, o: set_cell_xml(
        b, o, sheet, a1, f'<c r="{a1}"><f>SUM(3,4)</f><v>7</v></c>'))
    check("a formula is read by its cached value", imported(db, path, unit) == {"A1": 7, "A2": 5})

    db, path = case("no-cache", lambda b, o: set_cell_xml(
        b, o, sheet, a1, f'<c r="{a1}"><f>SUM(3,4)</f></c>'))
    ok, err = refused(db, [path], "Báo cáo › " + a1, "no computed value")
    check("a formula saved without its value is refused, naming its cell", ok, err)

    db, path = case("inline", lambda b, o: set_cell_xml(
        b, o, sheet, a1, f'<c r="{a1}" t="inlineStr"><is><t xml:space="preserve"> 1.500 </t>'
                         f'</is></c>'))
    check("an inline string holding a number is read",
          imported(db, path, unit) == {"A1": 1500, "A2": 5})

    db, path = case("serial", lambda b, o: set_cell_xml(
        b, o, sheet, date_cell, f'<c r="{date_cell}"><v>44484</v></c>'))
    imported(db, path, unit)
    check("a date as a serial number of the 1900 system is read",
          db.sql("SELECT document_date FROM report") == [("2021-10-15",)])

    def date1904(base, out):
        step = set_cell_xml(base, out + ".tmp", sheet, date_cell,
                            f'<c r="{date_cell}"><v>43022</v></c>')
        return rewrite(step, out, lambda n, d: d.replace(b"<workbookPr", b'<workbookPr date1904="1"')
                       if n == "xl/workbook.xml" else d)

    db, path = case("1904", date1904)
    imported(db, path, unit)
    check("a date as a serial number of the 1904 system is read",
          db.sql("SELECT document_date FROM report") == [("2021-10-15",)])

    db, path = case("text-numbers", None, figures={"A1": "12 34"})
    ok, err = refused(db, [path], "Báo cáo › " + a1)
    check("a number whose spaces are no thousands is refused with its cell", ok, err)

    db, path = case("negative", None, figures={"A1": -5, "A2": 2.5})
    ok, err = refused(db, [path], "Báo cáo › " + a1, "Báo cáo › " + a2, "negative")
    check("values pasted past the validation (negative, decimals) are refused by cell", ok, err)

    def merged(base, out):
        wb = openpyxl.load_workbook(base)
        wb[sheet].protection.sheet = False
        first = wb[sheet][a1]
        wb[sheet].merge_cells(start_row=first.row, start_column=first.column,
                              end_row=first.row + 1, end_column=first.column)
        wb.save(out)
        return out

    db, path = case("merged", merged, figures={"A1": 9})
    ok, err = refused(db, [path], "Báo cáo › " + a2, "merged")
    check("protection removed and two input cells merged: the hidden cell is named", ok, err)

    def renamed(base, out):
        wb = openpyxl.load_workbook(base)
        wb.create_sheet("Ghi chú của đơn vị", 0)["A1"] = 99
        wb["Báo cáo"].title = "BC 2021"
        for defined in wb.defined_names.definedName:
            defined.attr_text = defined.attr_text.replace("'Báo cáo'!", "'BC 2021'!")
        wb.save(out)
        return out

    db, path = case("renamed", renamed, figures={"A1": 4})
    result = db.run("--import-forms", path)
    check("an extra sheet and a renamed sheet: the form is read where its names point",
          stored_figures(db, unit) == {"A1": 4} and "BC 2021" not in result.stderr,
          result.stdout + result.stderr)

    def other_programs(base, out):
        """Renumbered relationship ids, absolute part paths, cells without addresses."""
        part = sheet_part(base, "Báo cáo")

        def change(name, data):
            text = data.decode()
            if name == "xl/_rels/workbook.xml.rels":
                text = re.sub(r'Id="rId(\d+)"', lambda m: f'Id="rId{int(m.group(1)) + 40}"', text)
                text = re.sub(r'Target="(?!/)', 'Target="/xl/', text)
            elif name == "xl/workbook.xml":
                text = re.sub(r'r:id="rId(\d+)"', lambda m: f'r:id="rId{int(m.group(1)) + 40}"',
                              text)
            elif name == part:
                text = strip_addresses(text)
            return text.encode()

        return rewrite(base, out, change)

    db, path = case("programs", other_programs, figures={"A1": 6, "A2": 8})
    check("relationship ids renumbered, absolute part paths, cells without addresses",
          imported(db, path, unit) == {"A1": 6, "A2": 8})


def strip_addresses(text):
    """Writes a sheet as some programs do: every row and every cell from the first, none with
    an address (r), gaps filled with empty rows and cells."""
    last_row = 0

    def row(match):
        nonlocal last_row
        number = int(re.search(r' r="(\d+)"', match.group(1)).group(1))
        cells = re.findall(r'<c r="([A-Z]+)\d+"((?: [^>]*?)?)(/>|>.*?</c>)', match.group(2))
        out, col = [], 1
        for ref, attrs, rest in cells:
            index = 0
            for ch in ref:
                index = index * 26 + ord(ch) - 64
            out.extend(["<c/>"] * (index - col))
            out.append(f"<c{attrs}{rest}")
            col = index + 1
        gap = "<row/>" * (number - last_row - 1)
        last_row = number
        return f"{gap}<row>{''.join(out)}</row>"

    return re.sub(r'<row( [^>]*)>(.*?)</row>', row, text, flags=re.S)


def check_identity(tmp):
    llweek, forms = fixture(tmp, "identity")
    work = os.path.join(tmp, "identity", "work")
    os.mkdir(work)
    filled = fill(form_of(forms, "UBND-huyen-An-Bien"), figures={"A1": 1},
                  out=os.path.join(work, "an-bien.xlsx"))

    ok, err = refused(llweek, [filled, fresh_copy(filled, work, "copy.xlsx")], "the same file")
    check("the same file twice in a batch is refused", ok, err)

    other = fill(filled, figures={"A1": 2}, out=os.path.join(work, "an-bien-2.xlsx"))
    ok, err = refused(llweek, [filled, other], "same unit", "an-bien.xlsx")
    check("two forms of one unit in a batch are refused, naming the other", ok, err)

    ok, err = refused(llweek, [form_of(forms, "UBND-huyen-An-Minh")], "blank")
    check("a form sent back blank is refused", ok, err)

    token = llweek.sql("SELECT f.token FROM issued_form f JOIN unit u ON u.id = f.unit_id "
                       "WHERE u.name = 'UBND huyện An Biên'")[0][0]
    forged = rewrite(filled, os.path.join(work, "forged.xlsx"),
                     lambda n, d: d.replace(token.encode(), b"00000000-1111-4222-8333-444444444444"))
    ok, err = refused(llweek, [forged], "never made this form")
    check("a form with a token llweek never issued is refused", ok, err)

    wb = openpyxl.load_workbook(filled)
    for row in wb["llweek"].iter_rows():
        if row[0].value == "llweek-unit":
            row[1].value = "UBND huyện An Minh"
    edited = os.path.join(work, "edited.xlsx")
    wb.save(edited)
    ok, err = refused(llweek, [edited], "edited.xlsx", "hidden identity was edited",
                       "UBND huyện An Minh", "UBND huyện An Biên")
    check("a form whose hidden identity names another unit is refused, naming both", ok, err)

    plain = os.path.join(work, "plain.xlsx")
    openpyxl.Workbook().save(plain)
    ok, err = refused(llweek, [plain], "not an llweek form")
    check("a workbook that is no form is refused", ok, err)

    llweek.execute("INSERT INTO campaign (year, title, start_date, end_date, unit_deadline, "
                   "ministry_deadline) VALUES (2022, 'Tuần lễ 2022', '2022-10-01', "
                   "'2022-10-07', '2022-10-21', '2022-10-30')")
    ok, err = refused(llweek, [filled], "2021 campaign", campaign="2022")
    check("a form of another campaign is refused, naming its year", ok, err)

    llweek.execute("DELETE FROM assignment WHERE unit_id = (SELECT id FROM unit "
                   "WHERE name = 'UBND huyện An Biên')")
    ok, err = refused(llweek, [filled], "no longer has to report", campaign="2021")
    check("a form of a unit no longer assigned is refused", ok, err)


def check_closed(tmp):
    """After the Ministry's deadline the campaign is history: no form is made for it, and a
    form returned late is refused, its dry run too, each saying how to reopen it."""
    llweek, forms = fixture(tmp, "closed")
    filled = fill(form_of(forms, "UBND-huyen-Hon-Dat"), figures={"A1": 3},
                  out=os.path.join(tmp, "closed", "late.xlsx"))
    late = Llweek(PROGRAM, llweek.database, dict(llweek.env, LLWEEK_TODAY="2021-11-05"))
    ok, err = refused(late, [filled], "2021 campaign is closed", "reopen")
    check("a form returned into a closed campaign is refused", ok, err)
    ok, err = refused(late, [filled, "--dry-run"], "2021 campaign is closed", "reopen")
    check("its dry run says so too, rather than what it would import", ok, err)
    again = os.path.join(tmp, "closed", "again")
    os.mkdir(again)
    before = late.dump()
    result = late.run("--make-forms", again)
    check("no form is made for a closed campaign, and no token recorded",
          result.returncode == 1 and "2021 campaign is closed" in result.stderr and
          os.listdir(again) == [] and late.dump() == before, result.stdout + result.stderr)


def check_text(tmp):
    """Text no document can hold, or longer than its field holds, is refused where it was
    typed: file › sheet › cell, and the line and character in the cell."""
    llweek, forms = fixture(tmp, "text")
    work = os.path.join(tmp, "text", "work")
    os.mkdir(work)
    form = form_of(forms, "So-Tu-phap")

    def case(name, **kwargs):
        return fill(form, figures={"A1": 3}, out=os.path.join(work, name), **kwargs)

    good = case("good.xlsx", fields={"llw_results": "ABC"})
    cases = [
        ("a noncharacter on the second line of the results",
         case("nonchar.xlsx", fields={"llw_results": "Kết quả tốt.\nDòng hai có \ufdd0 lạ."}),
         ["nonchar.xlsx › Báo cáo › ", "Line 2, character 13", "U+FDD0"]),
        ("a noncharacter in an activity's title",
         case("activity.xlsx", activities=[{"title": "Hội thảo \U0001fffe", "start":
                                            datetime.date(2021, 10, 2)}]),
         ["activity.xlsx › Hoạt động › ", "Character 10", "U+1FFFE"]),
        ("U+FFFE written as Office writes it, _xFFFE_",
         rewrite(good, os.path.join(work, "escaped.xlsx"),
                 lambda n, d: d.replace(b"ABC", b"A_xFFFE_C")),
         ["escaped.xlsx › Báo cáo › ", "Character 2", "U+FFFE"]),
        ("a control character written _x0001_",
         rewrite(good, os.path.join(work, "control.xlsx"),
                 lambda n, d: d.replace(b"ABC", b"AB_x0001_")),
         ["control.xlsx › Báo cáo › ", "Character 3", "U+0001"]),
        ("a document number of 600 characters",
         case("number.xlsx", fields={"llw_document_number": "1" * 600}),
         ["number.xlsx › Báo cáo › ", "At most 500 characters", "600"]),
        ("results of 30,001 characters",
         case("results.xlsx", fields={"llw_results": "x" * 30001}),
         ["results.xlsx › Báo cáo › ", "At most 30000 characters", "30001"]),
    ]
    for label, path, words in cases:
        ok, err = refused(llweek, [path], *words)
        check(f"refused where it was typed, nothing changed: {label}", ok, err)

    kept = rewrite(good, os.path.join(work, "underscore.xlsx"),
                   lambda n, d: d.replace(b"ABC", b"A_x005F_x0041_ B"))
    result = llweek.run("--import-forms", kept)
    stored = llweek.sql("SELECT results FROM report r JOIN unit u ON u.id = r.unit_id "
                        "WHERE u.name = 'Sở Tư pháp'")
    check("an escaped underscore is read as the underscore the unit typed",
          result.returncode == 0 and stored == [("A_x0041_ B",)], result.stderr + str(stored))


def zip_of(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return path


def check_files_refused(tmp):
    llweek, forms = fixture(tmp, "files")
    work = os.path.join(tmp, "files", "work")
    os.mkdir(work)
    good = fill(form_of(forms, "So-Du-lich"), figures={"A1": 1}, out=os.path.join(work, "g.xlsx"))
    with open(good, "rb") as f:
        data = f.read()

    def write(name, content):
        path = os.path.join(work, name)
        with open(path, "wb") as f:
            f.write(content)
        return path

    content_types = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                     'package/2006/content-types"><Override PartName="/xl/workbook.bin" '
                     'ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
                     '</Types>')
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.bin"/></Relationships>')
    def impossible_dates(content, time, date):
        """The form with every entry dated at a moment that does not exist, which no program
        writes: the ZIP library turns each date into a time and complains of it."""
        out = bytearray(content)
        for signature, at in ((b"PK\x01\x02", 12), (b"PK\x03\x04", 10)):
            i = out.find(signature)
            while i >= 0:
                struct.pack_into("<HH", out, i + at, time, date)
                i = out.find(signature, i + 4)
        return bytes(out)

    xlsb = zip_of(os.path.join(work, "binary.xlsx"), {"[Content_Types].xml": content_types,
                                                       "_rels/.rels": rels,
                                                       "xl/workbook.bin": b"\0" * 64})
    cases = [
        ("an .xlsb renamed to .xlsx", xlsb, ".xlsb"),
        ("a text file renamed to .xlsx", write("notes.xlsx", "unit,A1\nSở Y tế,3\n".encode()),
         "not an Excel workbook"),
        ("a PDF renamed to .xlsx", write("scan.xlsx", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n"),
         "not an Excel workbook"),
        ("an empty file", write("empty.xlsx", b""), "not an Excel workbook"),
        ("a workbook encrypted with a password",
         encrypted_workbook(os.path.join(work, "secret.xlsx")), "protected with a password"),
        ("a zip cut short (a broken download)", write("cut.xlsx", data[:len(data) // 2]),
         "damaged"),
        ("a zip whose entries are dated 31/02/2021",
         write("dates.xlsx", impossible_dates(data, 0, (41 << 9) | (2 << 5) | 31)), "damaged"),
        ("a zip whose entries are timed 13:10:62",
         write("times.xlsx", impossible_dates(data, (13 << 11) | (10 << 5) | 31,
                                              (41 << 9) | (1 << 5) | 4)), "damaged"),
        ("a zip whose compressed data is damaged",
         write("bits.xlsx", data[:400] + bytes(b ^ 0x5A for b in data[400:2400]) + data[2400:]),
         "damaged"),
        ("a Word document", zip_of(os.path.join(work, "letter.xlsx"), {
            "[Content_Types].xml": content_types.replace("/xl/workbook.bin", "/word/document.xml")
            .replace("application/vnd.ms-excel.sheet.binary.macroEnabled.main",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml."
                     "document.main+xml"),
            "_rels/.rels": rels.replace("xl/workbook.bin", "word/document.xml"),
            "word/document.xml": "<w:document/>"}), "Word document"),
        ("an OpenDocument spreadsheet renamed", zip_of(os.path.join(work, "calc.xlsx"), {
            "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": "<office:document-content/>"}), ".ods"),
        ("a part declaring a DTD with entities (billion laughs)",
         rewrite(good, os.path.join(work, "dtd.xlsx"), lambda n, d: b'<!DOCTYPE workbook ['
                 b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
                 d.replace(b"<workbookPr", b'<workbookPr codeName="&b;"')
                 if n == "xl/workbook.xml" else d), "DTD"),
        ("a part that inflates past the limits (a zip bomb)",
         rewrite(good, os.path.join(work, "bomb.xlsx"), lambda n, d: d + b" " * (40 << 20)
                 if n == "xl/worksheets/sheet1.xml" else d), "too large"),
        ("a folder of many thousand parts",
         zip_of(os.path.join(work, "parts.xlsx"), {f"x/{i}.xml": "<a/>" for i in range(1200)}),
         "too many parts"),
    ]
    for label, path, word in cases:
        ok, err = refused(llweek, [path], os.path.basename(path), word)
        check(f"refused, and nothing changed: {label}", ok, err)

    ok, err = refused(llweek, [os.path.join(work, "missing.xlsx")], "does not exist")
    check("a path that does not exist is refused", ok, err)
    ok, err = refused(llweek, [good, write("cut2.xlsx", data[:300])], "cut2.xlsx")
    check("one bad file in a batch stops the whole batch", ok, err)

    batch = os.path.join(work, "batch")
    os.mkdir(batch)
    shutil.copy(good, batch)
    write(os.path.join("batch", "~$g.xlsx"), b"\x00lock")
    write(os.path.join("batch", "notes.txt"), b"not a form")
    result = llweek.run("--import-forms", batch)
    check("a folder: its forms are imported, Office's lock files and other files left aside",
          result.returncode == 0 and "Imported 1 form" in result.stdout,
          result.stdout + result.stderr)


def main():
    tmp = tempfile.mkdtemp(prefix="llweek-forms-")
    try:
        llweek, forms, result = make(tmp)
        check_forms_made(llweek, forms, result)
        check_form_shape(llweek, form_of(forms, "UBND-huyen-Hon-Dat"))
        folder, files = filled_forms(forms, tmp)
        check_import(llweek, tmp, folder, files)
        check_again(llweek, folder)
        check_prefill(llweek, tmp)
        check_quirks(tmp)
        check_identity(tmp)
        check_closed(tmp)
        check_text(tmp)
        check_files_refused(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    finish()


main()
