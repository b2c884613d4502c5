# SPDX-License-Identifier: GPL-3.0-or-later
"""What the tests of the fill-in forms share: running llweek, filling a form as a unit would
(openpyxl finds the cells by the form's defined names, as a person finds them by their
labels), rewriting a form's XML as other spreadsheet programs write it, and reading the
database and the consolidated workbook back."""

import datetime
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import zipfile

import openpyxl

TODAY = "2021-10-25"
ENV = dict(os.environ, LLWEEK_TODAY=TODAY, LANGUAGE="C", LC_ALL="C.UTF-8")

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))
    return bool(condition)


def finish():
    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            for line in str(detail).splitlines()[:12]:
                print(f"# {line}")
    sys.exit(0)


class Llweek:
    """llweek on one database."""

    def __init__(self, program, database, env=None):
        self.program = program
        self.database = database
        self.env = env or ENV

    def run(self, *args):
        return subprocess.run([self.program, "--database", self.database, *args],
                              env=self.env, capture_output=True, text=True, timeout=300)

    def dump(self):
        with sqlite3.connect(self.database) as db:
            return list(db.iterdump())

    def sql(self, query, *params):
        with sqlite3.connect(self.database) as db:
            return db.execute(query, params).fetchall()

    def execute(self, script):
        with sqlite3.connect(self.database) as db:
            db.executescript(script)

    def copy(self, path):
        """A copy of the database, to try something on without changing this one."""
        with sqlite3.connect(self.database) as source, sqlite3.connect(path) as target:
            source.backup(target)
        return Llweek(self.program, path, self.env)


def destination(wb, name):
    """The sheet and the cell (A1 style) a defined name of the form points to."""
    defined = wb.defined_names[name]
    (sheet, ref), = list(defined.destinations)
    return sheet, ref.replace("$", "")


def figure_names(wb):
    """Indicator code → defined name of its input cell, from the form's identity sheet."""
    ws = wb["llweek"]
    return {row[1].value: row[2].value for row in ws.iter_rows()
            if row[0].value == "llweek-figure"}


def activity_cells(wb, row, column):
    """The cell of activity row @row (0-based) in the column named llw_activity_@column."""
    sheet, ref = destination(wb, f"llw_activity_{column}")
    first = ref.split(":")[0]
    cell = wb[sheet][first]
    return wb[sheet].cell(cell.row + row, cell.column)


def fill(path, fields=None, figures=None, activities=None, out=None):
    """Fills a form with openpyxl: fields by defined name, figures by indicator code,
    activities as dicts by column. Values are written as given: numbers, text or dates."""
    wb = openpyxl.load_workbook(path)
    names = figure_names(wb)
    for name, value in (fields or {}).items():
        sheet, ref = destination(wb, name)
        wb[sheet][ref].value = value
    for code, value in (figures or {}).items():
        sheet, ref = destination(wb, names[code])
        wb[sheet][ref].value = value
    for i, activity in enumerate(activities or []):
        for column, value in activity.items():
            activity_cells(wb, i, column).value = value
    wb.save(out or path)
    return out or path


def rewrite(path, out, change):
    """Copies a workbook's container, with change(name, bytes) → bytes (or None to drop the
    entry) applied to each entry."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = change(info.filename, source.read(info.filename))
            if data is not None:
                target.writestr(info.filename, data)
    return out


def sheet_part(path, sheet):
    """The container entry of the worksheet called @sheet."""
    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(r'<sheet [^>]*name="%s"[^>]*r:id="([^"]+)"' % re.escape(sheet), workbook)
    target = re.search(r'Id="%s"[^>]*Target="([^"]+)"' % rid.group(1), rels) or \
        re.search(r'Target="([^"]+)"[^>]*Id="%s"' % rid.group(1), rels)
    part = target.group(1)
    return part.lstrip("/") if part.startswith("/") else "xl/" + part


def set_cell_xml(path, out, sheet, ref, xml):
    """Replaces cell @ref of @sheet with the <c> element @xml (its r attribute included)."""
    part = sheet_part(path, sheet)

    def change(name, data):
        if name != part:
            return data
        text = data.decode()
        pattern = r'<c r="%s"(?: [^>]*?)?(?:/>|>.*?</c>)' % ref
        if re.search(pattern, text):
            return re.sub(pattern, xml, text, count=1).encode()
        row = re.search(r'\d+', ref).group(0)
        return re.sub(r'(<row r="%s"[^>]*>)' % row, r'\1' + xml, text, count=1).encode()

    return rewrite(path, out, change)


def encrypted_workbook(path):
    """Writes an .xlsx as Office encrypts one with a password: an OLE2 compound file holding
    the streams EncryptionInfo and EncryptedPackage (their contents random here). Each
    stream takes 4,096 bytes, so that both live in ordinary 512-byte sectors."""
    end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    header = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16))
    header += struct.pack("<HHHHH6sIIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, bytes(6), 0, 1, 1, 0,
                          4096, end, 0, end, 0, 0)
    header += struct.pack("<108I", *([free] * 108))
    fat = [fat_sector, end] + list(range(3, 10)) + [end] + list(range(11, 18)) + [end]
    fat += [free] * (128 - len(fat))

    def record(name, kind, left, right, child, start, size):
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        data = encoded.ljust(64, b"\0")
        data += struct.pack("<HBBIII", len(encoded), kind, 1, left, right, child)
        data += bytes(16) + struct.pack("<I", 0) + bytes(16)
        data += struct.pack("<IQ", start, size)
        return data

    directory = (record("Root Entry", 5, free, free, 1, end, 0) +
                 record("EncryptionInfo", 2, free, 2, free, 2, 4096) +
                 record("EncryptedPackage", 2, free, free, free, 10, 4096) +
                 record("", 0, free, free, free, 0, 0))
    with open(path, "wb") as f:
        f.write(bytes(header) + struct.pack("<128I", *fat) + directory + os.urandom(8192))
    return path


def consolidated(llweek, tmp, units):
    """Exports the consolidated workbook and reads its Phụ lục II, which may come in parts
    (II.1, II.2 …), each with some of the indicators: unit → [every figure, in order]."""
    out = os.path.join(tmp, "report.xlsx")
    result = llweek.run("--export-report", out)
    if result.returncode != 0:
        return None
    wb = openpyxl.load_workbook(out, data_only=True)
    found = {unit: [] for unit in units}
    for name in wb.sheetnames:
        if not re.match(r"Phụ lục II(\.\d+)? – Chi tiết$", name):
            continue
        ws = wb[name]
        header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "TT")
        width = sum(1 for c in range(3, ws.max_column + 1)
                    if ws.cell(header + 1, c).value is not None)
        for row in range(header + 2, ws.max_row + 1):
            unit = ws.cell(row, 2).value
            if unit in found:
                found[unit] += [ws.cell(row, 3 + k).value for k in range(width)]
    return found


def stored_figures(llweek, unit):
    return dict(llweek.sql("SELECT i.code, v.value FROM report_value v "
                           "JOIN indicator i ON i.id = v.indicator_id "
                           "JOIN report r ON r.id = v.report_id "
                           "JOIN unit u ON u.id = r.unit_id WHERE u.name = ?", unit))


def codes(llweek):
    return [c for (c,) in llweek.sql("SELECT code FROM indicator ORDER BY position")]


def date(day):
    return datetime.date(2021, 10, day)


def form_of(folder, unit_words):
    return os.path.join(folder, f"Phieu-bao-cao-2021-{unit_words}.xlsx")


def fresh_copy(path, folder, name):
    target = os.path.join(folder, name)
    shutil.copyfile(path, target)
    return target
