#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The consolidated workbook as the Ministry receives it, read back with openpyxl: every figure,
subtotal, total and count against the database (read here with SQL of its own), empty cells for
what was not reported, text that stays text, fonts, merged header blocks, print setup; and the
file left as it was when an export fails.
    test-workbook.py LLWEEK MAKE-EXPORT-DATA"""

import datetime
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter

LLWEEK, MAKE_DATA = sys.argv[1], sys.argv[2]
REPORT, SUMMARY, STATUSES, ACTIVITIES, CHARTS, INFO = (
    "Báo cáo", "Phụ lục I – Tổng hợp", "Phụ lục III – Tình hình báo cáo",
    "Phụ lục IV – Hoạt động", "Biểu đồ", "Thông tin")
DETAIL = re.compile(r"^Phụ lục II(\.\d+)? – Chi tiết$")
GROUPS = [("district", "I", "Cấp huyện"), ("provincial", "II", "Cấp tỉnh"),
          ("other", "III", "Đơn vị khác")]
HEADLINE = ["A3", "C2", "C4", "D2"]
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), str(detail)))


def run(*args, preexec_fn=None):
    env = dict(os.environ, LLWEEK_TODAY="2021-10-28")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([LLWEEK, *args], capture_output=True, text=True, env=env, timeout=120,
                          preexec_fn=preexec_fn)


def close(a, b):
    return a is not None and b is not None and abs(a - b) < 1e-6


class Expected:
    """The units that must report, their figures and the totals, straight from the database;
    and those of the 2020 campaign the report compares with."""

    def __init__(self, path):
        con = sqlite3.connect(path)
        self.indicators = con.execute(
            "SELECT id, code, label, measure, decimals, group_title FROM indicator "
            "WHERE campaign_id = 1 AND active = 1 ORDER BY position, id").fetchall()
        self.units = con.execute(
            "SELECT u.name, u.unit_group, r.id, r.received_date, "
            "       coalesce (r.document_number, ''), coalesce (t.title, '') "
            "FROM assignment a JOIN unit u ON u.id = a.unit_id "
            "LEFT JOIN report r ON r.unit_id = u.id AND r.campaign_id = a.campaign_id "
            "LEFT JOIN theme t ON t.id = r.theme_id "
            "WHERE a.campaign_id = 1 AND a.report_required = 1 "
            "ORDER BY CASE u.unit_group WHEN 'district' THEN 0 WHEN 'provincial' THEN 1 "
            "ELSE 2 END, u.position, u.id").fetchall()
        self.values = {(r, i): v for r, i, v in con.execute(
            "SELECT report_id, indicator_id, value FROM report_value WHERE value IS NOT NULL")}
        self.previous = {code: (total, n) for code, total, n in con.execute(
            "SELECT i.code, sum (v.value), count (v.value) FROM report_value v "
            "JOIN report r ON r.id = v.report_id JOIN indicator i ON i.id = v.indicator_id "
            "JOIN assignment a ON a.campaign_id = r.campaign_id AND a.unit_id = r.unit_id "
            "WHERE r.campaign_id = (SELECT id FROM campaign WHERE year = 2020) "
            "AND v.value IS NOT NULL GROUP BY i.code")}
        con.close()

    def value(self, unit, indicator):
        return self.values.get((unit[2], indicator[0]))

    def group_units(self, group):
        return [u for u in self.units if u[1] == group]

    def total(self, indicator, group=None):
        found = [self.value(u, indicator) for u in self.units if group in (None, u[1])]
        found = [v for v in found if v is not None]
        return sum(found), len(found)


def find_row(ws, column, value, start=1):
    for row in range(start, ws.max_row + 1):
        if ws.cell(row, column).value == value:
            return row
    return None


def header_row(ws):
    return find_row(ws, 1, "TT")


def detail_parts(wb):
    return [t for t in wb.sheetnames if DETAIL.match(t)]


def heading(ind):
    return f"{ind[2]} ({ind[3]})" if ind[3] else ind[2]


def figure_columns(wb, exp):
    """Each indicator's part of Phụ lục II and column there, found by its heading."""
    where = {}
    for title in detail_parts(wb):
        ws = wb[title]
        top = header_row(ws)
        for col in range(3, ws.max_column + 1):
            for ind in exp.indicators:
                if ws.cell(top + 1, col).value == heading(ind):
                    where.setdefault(ind[1], []).append((title, col))
    return where


def check_parts(wb, exp):
    parts = detail_parts(wb)
    check("Phụ lục II is split into parts, II.1, II.2 …, after Phụ lục I",
          len(parts) >= 2 and parts == [f"Phụ lục II.{i} – Chi tiết" for i in
                                        range(1, len(parts) + 1)] and
          wb.sheetnames[2:2 + len(parts)] == parts, wb.sheetnames)
    where = figure_columns(wb, exp)
    check("every indicator is in exactly one part", sorted(where) == sorted(i[1] for i in
                                                                              exp.indicators)
          and all(len(v) == 1 for v in where.values()), where)
    names = None
    same = True
    for title in parts:
        ws = wb[title]
        top = header_row(ws)
        column = [ws.cell(r, 2).value for r in range(top + 2, ws.max_row + 1)]
        same &= ws.cell(top, 1).value == "TT" and ws.cell(top, 2).value == "Đơn vị"
        names = names or column
        same &= column == names
    check("each part repeats TT and Đơn vị, the same units in the same rows", same)
    return {code: v[0] for code, v in where.items()}


def check_detail(wb, values, exp, where):
    """Phụ lục II: each unit's row, each group's SUM, the Tổng cộng, in every part."""
    unit_errors, sum_errors, total_errors = [], [], []
    group_rows, total_row = {}, None
    for title in detail_parts(wb):
        ws, cached = wb[title], values[title]
        row = header_row(ws) + 2
        rows = {}
        for group, roman, label in GROUPS:
            units = exp.group_units(group)
            if not units:
                continue
            if ws.cell(row, 1).value != roman or ws.cell(row, 2).value != label:
                unit_errors.append(f"{title} row {row}: expected group {roman} {label}")
            rows[group] = row
            first, last = row + 1, row + len(units)
            for ind in exp.indicators:
                part, col = where[ind[1]]
                if part != title:
                    continue
                letter = get_column_letter(col)
                total, _ = exp.total(ind, group)
                cells = f"{letter}{first}:{letter}{last}" if last > first else f"{letter}{first}"
                if ws.cell(row, col).value != f"=SUM({cells})" or \
                        not close(cached.cell(row, col).value, total):
                    sum_errors.append(f"{title}!{letter}{row}: {ws.cell(row, col).value} = "
                                      f"{cached.cell(row, col).value}, expected {total}")
                for j, unit in enumerate(units):
                    want, got = exp.value(unit, ind), ws.cell(first + j, col).value
                    if (got is not None) if want is None else not close(got, want):
                        unit_errors.append(f"{title}!{letter}{first + j} ({unit[0]}, {ind[1]}): "
                                           f"{got!r}, expected {want!r}")
            for j, unit in enumerate(units):
                if ws.cell(first + j, 1).value != j + 1 or ws.cell(first + j, 2).value != unit[0]:
                    unit_errors.append(f"{title} row {first + j}: {ws.cell(first + j, 2).value}")
            row = last + 1
        group_rows, total_row = rows, row
        if ws.cell(row, 2).value != "Tổng cộng" or not ws.cell(row, 2).font.b:
            total_errors.append(f"{title}: no bold Tổng cộng at row {row}")
        for ind in exp.indicators:
            part, col = where[ind[1]]
            if part != title:
                continue
            letter = get_column_letter(col)
            refs = ",".join(f"{letter}{rows[g]}" for g, _, _ in GROUPS if g in rows)
            total, _ = exp.total(ind)
            if ws.cell(row, col).value != f"=SUM({refs})" or \
                    not close(cached.cell(row, col).value, total):
                total_errors.append(f"{title}!{letter}{row}: {ws.cell(row, col).value} = "
                                    f"{cached.cell(row, col).value}, expected {total}")
        notes = [ws.cell(r, ws.max_column).value for r in range(header_row(ws) + 2, row)]
        if title == detail_parts(wb)[-1]:
            missing = [u[0] for u in exp.units if u[2] is None]
            named = [ws.cell(r, 2).value for r in range(header_row(ws) + 2, row)
                     if ws.cell(r, ws.max_column).value == "Chưa báo cáo"]
            if sorted(named) != sorted(missing) or "Ghi chú" not in \
                    [ws.cell(header_row(ws), c).value for c in range(1, ws.max_column + 1)]:
                unit_errors.append(f"Ghi chú: {named} vs {missing} ({notes[:3]})")
    check("Phụ lục II: one row per unit, in order, values as reported, empty when not",
          not unit_errors, "\n".join(unit_errors[:20]))
    check("Phụ lục II: each group's subtotal is SUM over its units, with its value",
          not sum_errors, "\n".join(sum_errors[:20]))
    check("Phụ lục II: Tổng cộng is SUM of the subtotals, with its value", not total_errors,
          "\n".join(total_errors[:20]))
    return group_rows, total_row


def check_known_figures(wb, where, total_row):
    """Worked out by hand from make-export-data.c, in case the database query above and the
    program agreed on a mistake."""
    def cell(code, row):
        part, col = where[code]
        return wb[part].cell(row, col).value

    check("A1 totals 6: 3 + 0 + 0 + 2 + 1, the 99 of a unit that need not report left out",
          cell("A1", total_row) == 6, cell("A1", total_row))
    check("G3 totals 1.295,5: 1.234,5 + 0,25 + 0 + 50,75 + 10",
          close(cell("G3", total_row), 1295.5), cell("G3", total_row))
    check("A3 totals 1.250.000: a NULL figure counts as nothing",
          cell("A3", total_row) == 1250000, cell("A3", total_row))
    check("a retired indicator has no column", "Z9" not in where and len(where) == 22,
          sorted(where))
    part = wb[where["A1"][0]]
    hon_dat = find_row(part, 2, "UBND huyện Hòn Đất")
    kien_luong = find_row(part, 2, "UBND huyện Kiên Lương")
    check("a unit that reported 0 shows 0 in every column",
          all(cell(code, hon_dat) == 0 for code in where))
    last = wb[detail_parts(wb)[-1]]
    check("a unit that did not report shows empty cells and Chưa báo cáo",
          all(cell(code, kien_luong) is None for code in where) and
          last.cell(kien_luong, last.max_column).value == "Chưa báo cáo")


def check_summary(wb, values, exp, group_rows, where):
    """Phụ lục I: per indicator, the subtotals of Phụ lục II, their SUM, the COUNT, and last
    year's figure with the change."""
    ws, cached = wb[SUMMARY], values[SUMMARY]
    header = [ws.cell(5, c).value for c in range(1, 11)]
    check("Phụ lục I header, with last year beside this year",
          header == ["TT", "Nội dung", "Đơn vị tính", "Cấp huyện", "Cấp tỉnh", "Đơn vị khác",
                     "Tổng cộng", "Số đơn vị báo cáo", "Năm trước", "Tăng, giảm"], header)
    errors, compare = [], []
    row, group_number, previous_group = 6, 0, None
    for ind in exp.indicators:
        if ind[5] != previous_group:
            group_number += 1
            previous_group = ind[5]
            roman = ["I", "II", "III", "IV", "V", "VI", "VII"][group_number - 1]
            if ws.cell(row, 1).value != roman or not ind[5].endswith(ws.cell(row, 2).value or "?"):
                errors.append(f"row {row}: group {ws.cell(row, 1).value} {ws.cell(row, 2).value}")
            row += 1
        part, col = where[ind[1]]
        letter = get_column_letter(col)
        if ws.cell(row, 2).value != ind[2] or ws.cell(row, 3).value != ind[3]:
            errors.append(f"row {row}: {ws.cell(row, 2).value} instead of {ind[2]}")
        for j, (group, _, _) in enumerate(GROUPS):
            want = f"='{part}'!{letter}{group_rows[group]}"
            if ws.cell(row, 4 + j).value != want or \
                    not close(cached.cell(row, 4 + j).value, exp.total(ind, group)[0]):
                errors.append(f"{get_column_letter(4 + j)}{row}: {ws.cell(row, 4 + j).value} = "
                              f"{cached.cell(row, 4 + j).value}, expected {want}")
        total, count = exp.total(ind)
        if ws.cell(row, 7).value != f"=SUM(D{row}:F{row})" or \
                not close(cached.cell(row, 7).value, total):
            errors.append(f"G{row}: {ws.cell(row, 7).value} = {cached.cell(row, 7).value}")
        count_formula = ws.cell(row, 8).value or ""
        if not count_formula.startswith(f"=COUNT('{part}'!") or \
                cached.cell(row, 8).value != count:
            errors.append(f"H{row}: {count_formula} = {cached.cell(row, 8).value}")
        before = exp.previous.get(ind[1])
        got_before, change = ws.cell(row, 9).value, ws.cell(row, 10).value
        if before is None:
            if got_before is not None or change is not None:
                compare.append(f"{ind[1]}: {got_before!r} {change!r}, expected empty")
        elif not close(got_before, before[0]) or change != f"=G{row}-I{row}" or \
                not close(cached.cell(row, 10).value, total - before[0]):
            compare.append(f"{ind[1]}: {got_before!r} {change!r} = "
                           f"{cached.cell(row, 10).value}, expected {before[0]}")
        row += 1
    check("Phụ lục I: every subtotal, total and count of units that reported", not errors,
          "\n".join(errors[:20]))
    check("Phụ lục I: Năm trước is 2020's figure, Tăng, giảm the difference; empty where "
          "2020 has none, never 0", not compare, "\n".join(compare))
    a1 = find_row(ws, 2, exp.indicators[0][2])
    check("Phụ lục I: A1 was reported by 5 units, 5 in 2020, one more now",
          cached.cell(a1, 8).value == 5 and ws.cell(a1, 9).value == 5 and
          cached.cell(a1, 10).value == 1, (cached.cell(a1, 8).value, ws.cell(a1, 9).value))
    check("Phụ lục I: the change of A3 is 250.000 and of C2 is 260, as the data set makes them",
          cached.cell(find_row(ws, 2, exp.indicators[2][2]), 10).value == 250000 and
          cached.cell(find_row(ws, 2, [i for i in exp.indicators if i[1] == "C2"][0][2]),
                      10).value == 260)


def check_statuses(wb, values, exp):
    ws = wb[STATUSES]
    errors = []
    states = {"UBND thành phố Rạch Giá": "Đúng hạn", "UBND thành phố Hà Tiên": "Trễ 2 ngày",
              "UBND huyện Kiên Lương": "Chưa báo cáo", "UBND huyện Hòn Đất": "Đúng hạn",
              "Sở Lao động - Thương binh và Xã hội": "Đúng hạn",
              "Hội Khuyến học tỉnh": "Trễ 4 ngày", "Trường Chính trị tỉnh": "Đúng hạn"}
    for unit in exp.units:
        row = find_row(ws, 2, unit[0], 6)
        if row is None:
            errors.append(f"{unit[0]} missing")
            continue
        received = ws.cell(row, 4).value
        want = datetime.datetime.fromisoformat(unit[3]) if unit[3] else None
        if ws.cell(row, 3).value != datetime.datetime(2021, 10, 21) or received != want:
            errors.append(f"{unit[0]}: dates {ws.cell(row, 3).value} {received}")
        if (ws.cell(row, 5).value or "") != unit[4] or (ws.cell(row, 7).value or "") != unit[5]:
            errors.append(f"{unit[0]}: {ws.cell(row, 5).value!r} {ws.cell(row, 7).value!r}")
        if unit[0] in states and ws.cell(row, 6).value != states[unit[0]]:
            errors.append(f"{unit[0]}: {ws.cell(row, 6).value}, expected {states[unit[0]]}")
    check("Phụ lục III: deadline, received date, number, state and theme of every unit",
          not errors, "\n".join(errors[:20]))

    row = find_row(ws, 5, "=1+2")
    cell = ws.cell(row, 5) if row else None
    check("the document number \"=1+2\" is a text cell, not a formula",
          cell is not None and cell.data_type == "s", cell and cell.data_type)
    check("\"+84 297\", \"@home\" and \"-5/KH\" stay text",
          all(find_row(ws, 5, text) for text in ("+84 297", "@home", "-5/KH")))
    total = find_row(ws, 2, f"Tổng cộng: {len(exp.units)} đơn vị")
    check("Phụ lục III: Tổng cộng counts the 6 received reports",
          total and values[STATUSES].cell(total, 4).value == 6 and
          (ws.cell(total, 4).value or "").startswith("=COUNT("),
          total and ws.cell(total, 4).value)


def check_formulas_are_ours(path):
    """Every <f> in the file is one the program wrote: a SUM, a COUNT, a reference to a cell
    of Phụ lục II, a difference of two cells, a COUNTIF of Phụ lục III's states."""
    allowed = re.compile(r"^(SUM\([A-Z]+[0-9]+(:[A-Z]+[0-9]+)?(,[A-Z]+[0-9]+)*\)"
                         r"|COUNT\(.*\)|'Phụ lục II(\.[0-9]+)? – Chi tiết'![A-Z]+[0-9]+"
                         r"|[A-Z]+[0-9]+-[A-Z]+[0-9]+"
                         r"|COUNTIF\('Phụ lục III – Tình hình báo cáo'!\$F\$[0-9]+(:\$F\$[0-9]+)?,"
                         r"\"(Đúng hạn|Trễ\*|Chưa báo cáo)\"\))$")
    strange, report_formulas = [], 0
    with zipfile.ZipFile(path) as z:
        check("the ZIP container is sound (CRCs of every entry)", z.testzip() is None)
        for name in z.namelist():
            if not name.startswith("xl/worksheets/"):
                continue
            xml = z.read(name).decode("utf-8")
            for formula in re.findall(r"<f>(.*?)</f>", xml):
                formula = formula.replace("&apos;", "'").replace("&amp;", "&") \
                                 .replace("&quot;", '"')
                if not allowed.match(formula):
                    strange.append(f"{name}: {formula}")
                if name.endswith("sheet1.xml"):
                    report_formulas += 1
    check("no text became a formula: every formula is one the program wrote", not strange,
          "\n".join(strange[:10]))
    check("the report sheet holds text only", report_formulas == 0, report_formulas)


def check_report(wb):
    ws = wb[REPORT]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    joined = "\n".join(texts)
    expect = {
        "parent body": ws["A1"].value == "UBND TỈNH KIÊN GIANG",
        "issuing body": ws["A2"].value == "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "national title": ws["D1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": ws["D2"].value == "Độc lập - Tự do - Hạnh phúc",
        "number": "/BC-SGDĐT" in (ws["A4"].value or "") and ws["A4"].value.startswith("Số:"),
        "place and date": ws["D4"].value == "Kiên Giang, ngày 28 tháng 10 năm 2021",
        "title": ws["A6"].value == "BÁO CÁO",
        "subject": ws["A7"].value == "Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021",
        "Kính gửi": "Kính gửi:" in texts and "- Bộ Giáo dục và Đào tạo;" in texts and
                    "- Ủy ban nhân dân tỉnh Kiên Giang." in texts,
        "letters cited": "Công văn số 3764/BGDĐT-GDTX ngày 31/08/2021" in joined and
                         "Công văn số 154/T/UBND-KGVX ngày 28/09/2021" in joined,
        "units assigned": "43 đơn vị (15 đơn vị cấp huyện, 27 đơn vị cấp tỉnh, 1 đơn vị khác)"
                          in joined,
        "counts": "có 6/43 đơn vị đã gửi báo cáo" in joined and
                  "4 đơn vị gửi đúng hạn, 2 đơn vị gửi trễ hạn; còn 37 đơn vị" in joined,
        "reporting compared with 2020": "So với năm 2020 (2/4 đơn vị gửi báo cáo), số đơn vị "
                                        "gửi báo cáo tăng 4 đơn vị." in joined,
        "units that did not report, named": "Các đơn vị chưa gửi báo cáo: UBND huyện Kiên "
                                            "Lương" in joined and "và 17 đơn vị khác" in joined,
        "sections": all(h in texts for h in ("I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", "II. KẾT QUẢ",
                                               "III. ĐÁNH GIÁ CHUNG",
                                               "IV. ĐỀ XUẤT, KIẾN NGHỊ")),
        "results in prose": "1.250.000 người (2 đơn vị báo cáo)" in joined and
                            "1.295,5 triệu đồng (5 đơn vị báo cáo)" in joined,
        "results compared with 2020": "tăng 25% so với năm 2020 (1.000.000 người)" in joined,
        "units that stood out": "cao nhất cấp huyện: UBND thành phố Rạch Giá (1.250.000 người)"
                                in joined,
        "assessment, a paragraph a line": any(t.endswith("Các đơn vị đã chủ động triển khai "
                                                         "Tuần lễ.") for t in texts) and
                                          any(t.endswith("Một số đơn vị gửi báo cáo chậm.")
                                              for t in texts),
        "limitations under their heading": texts.index("2. Hạn chế, khó khăn") <
                                           next(i for i, t in enumerate(texts) if t.endswith(
                                               "Một số huyện chưa tổ chức lễ phát động.")),
        "outstanding examples": any(t.endswith("- Bà Trần Thị Mai (Trường THCS Vĩnh Lạc): mở "
                                               "12 lớp tin học miễn phí cho người dân;")
                                    for t in texts) and
                                any(t.endswith("- Câu lạc bộ Đọc sách xã Mong Thọ: duy trì tủ "
                                               "sách cộng đồng.") for t in texts),
        "proposals kept as text": any(t.endswith('=HYPERLINK("http://example.org")')
                                      for t in texts),
        "signature": all(t in texts for t in ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Minh")),
        "Nơi nhận": "Nơi nhận:" in texts and "- Như trên;" in texts and
                    "- Lưu: VT, GDTrH-GDTX." in texts,
    }
    for name, ok in expect.items():
        check(f"Báo cáo: {name}", ok)
    nnhan = find_row(ws, 1, "Nơi nhận:")
    check("Báo cáo: Nơi nhận level with the signer's authority",
          nnhan and ws.cell(nnhan, 5).value == "KT. GIÁM ĐỐC", nnhan)


def font_of(ws, ref):
    f = ws[ref].font
    return (f.name, f.sz, bool(f.b), bool(f.i))


def check_fonts(wb):
    wrong, small = [], []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None and c.font.name != "Times New Roman":
                    wrong.append(f"{ws.title}!{c.coordinate}: {c.font.name}")
                if c.value is not None and c.font.sz < 11:
                    small.append(f"{ws.title}!{c.coordinate}: {c.font.sz}")
    check("every written cell is in Times New Roman", not wrong, "\n".join(wrong[:10]))
    check("no written cell is smaller than 11 pt", not small, "\n".join(small[:10]))
    check("the Normal style is Times New Roman too", wb._fonts[0].name == "Times New Roman",
          wb._fonts[0].name)
    ws = wb[REPORT]
    nnhan = find_row(ws, 1, "Nơi nhận:")
    sizes = {
        "A1": ("Times New Roman", 13, False, False), "A2": ("Times New Roman", 13, True, False),
        "D1": ("Times New Roman", 13, True, False), "D2": ("Times New Roman", 14, True, False),
        "A4": ("Times New Roman", 13, False, False), "D4": ("Times New Roman", 14, False, True),
        "A6": ("Times New Roman", 14, True, False), "A7": ("Times New Roman", 14, True, False),
        f"A{nnhan}": ("Times New Roman", 12, True, True),
        f"A{nnhan + 1}": ("Times New Roman", 11, False, False),
        f"E{nnhan}": ("Times New Roman", 14, True, False),
    }
    got = {ref: font_of(ws, ref) for ref in sizes}
    check("Decree 30 sizes and styles on the report sheet", got == sizes,
          {k: v for k, v in got.items() if v != sizes[k]})
    for title in [SUMMARY, *detail_parts(wb), STATUSES, ACTIVITIES]:
        a = wb[title]
        note = find_row(a, 1, next((a.cell(r, 1).value for r in range(1, 5)
                                    if (a.cell(r, 1).value or "").startswith("(Kèm theo")), None))
        check(f"{title}: Phụ lục label 14 bold, the Kèm theo line italic, cells of 11 pt",
              font_of(a, "A1")[1:3] == (14, True) and a["A1"].value.startswith("Phụ lục ") and
              note and a.cell(note, 1).font.i and "28/10/2021" in a.cell(note, 1).value and
              a.cell(header_row(a) + 2, 2).font.sz == 11,
              (font_of(a, "A1"), note))
    part = wb[detail_parts(wb)[0]]
    total = find_row(part, 2, "Tổng cộng")
    check("Tổng cộng is bold", part.cell(total, 3).font.b)


def check_merges(wb, exp):
    merged = {title: {str(r) for r in wb[title].merged_cells.ranges} for title in wb.sheetnames}
    report = {"A1:C1", "D1:G1", "A2:C2", "D2:G2", "A4:C4", "D4:G4", "A6:G6", "A7:G7"}
    check("Báo cáo: the header blocks side by side, title and subject merged",
          report <= merged[REPORT], sorted(report - merged[REPORT]))
    ws = wb[REPORT]
    rules = [ref for ref in ("B3", "E3", "F3", "D8", "E8") if ws[ref].border.top.style != "thin"]
    check("Báo cáo: short rules under the issuing body, the motto and the subject", not rules,
          rules)
    problems = []
    for title in detail_parts(wb):
        ws = wb[title]
        last = get_column_letter(ws.max_column)
        top = header_row(ws)
        want = {f"A1:{last}1", f"A2:{last}2", f"A{top}:A{top + 1}", f"B{top}:B{top + 1}"}
        if not want <= merged[title]:
            problems.append(f"{title}: {sorted(want - merged[title])}")
        spans = [r for r in merged[title] if re.match(rf"^[C-Z]+{top}:[C-Z]+{top}$", r)]
        if not spans:
            problems.append(f"{title}: no indicator group over its columns")
        if not (ws.cell(3, 1).value or "").startswith("(") or \
                not (ws.cell(3, 1).value or "").rstrip(")").split("; ")[0][1:] in \
                [i[5] for i in exp.indicators]:
            problems.append(f"{title}: groups line {ws.cell(3, 1).value!r}")
    check("Phụ lục II parts: titles across the part, the groups it holds, two header rows",
          not problems, "\n".join(problems))
    ws = wb[detail_parts(wb)[0]]
    top = header_row(ws)
    check("Phụ lục II: the second header row names each indicator with its measure",
          ws.cell(top + 1, 3).value == "Số văn bản chỉ đạo, kế hoạch đã ban hành (văn bản)",
          ws.cell(top + 1, 3).value)


def check_print_setup(wb):
    inch = 25.4
    for ws in wb.worksheets:
        ps, m = ws.page_setup, ws.page_margins
        landscape = ws.title not in (REPORT, INFO)
        want = (20, 20, 30, 15) if landscape else (30, 15, 20, 20)
        problems = []
        if str(ps.paperSize) != "9":
            problems.append(f"paper {ps.paperSize}")
        if ps.orientation != ("landscape" if landscape else "portrait"):
            problems.append(ps.orientation)
        if (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage) or \
                ps.scale not in (None, 100):
            problems.append(f"shrunk: fit {ps.fitToWidth} scale {ps.scale}")
        if not all(close(round(a * inch, 6), b) for a, b in
                   zip((m.left, m.right, m.top, m.bottom), want)):
            problems.append(f"margins {m.left} {m.right} {m.top} {m.bottom}")
        header = ws.oddHeader.center
        if header.text != "&P" or header.font != "Times New Roman,Regular":
            problems.append(f"header {ws.oddHeader.center.text}")
        if not ps.useFirstPageNumber or ps.firstPageNumber not in (None, 1):
            problems.append("not numbered from 1")
        if not ws.HeaderFooter.differentFirst:
            problems.append("a page number on page 1")
        check(f"{ws.title}: A4, Decree margins, {'landscape' if landscape else 'portrait'}, "
              "full size, page number at the top from page 2", not problems, problems)
    titles = {SUMMARY: "$5:$5", STATUSES: "$5:$5", ACTIVITIES: "$5:$5"}
    titles.update({t: "$6:$7" for t in detail_parts(wb)})
    got = {t: wb[t].print_title_rows for t in titles}
    check("the annexes repeat their table header on every page", got == titles, got)


def check_number_formats(wb, where):
    part = wb[where["G3"][0]]
    row = find_row(part, 2, "UBND thành phố Rạch Giá")
    total = find_row(part, 2, "Tổng cộng")
    a3 = wb[where["A3"][0]]
    check("money (G3) keeps two decimals, counts have a thousands separator",
          part.cell(row, where["G3"][1]).number_format == "#,##0.00" and
          part.cell(total, where["G3"][1]).number_format == "#,##0.00" and
          a3.cell(row, where["A3"][1]).number_format == "#,##0" and
          wb[SUMMARY].cell(7, 7).number_format == "#,##0",
          (part.cell(row, where["G3"][1]).number_format,))


def ref(data):
    """A chart's categories: libxlsxwriter writes them as numbers or text references."""
    return (data.strRef or data.numRef).f


def check_charts(wb, values, exp, where):
    ws = wb[CHARTS]
    charts = ws._charts
    check("Biểu đồ: a chart of reporting by group and one per headline indicator",
          len(charts) == 1 + len(HEADLINE), len(charts))
    if not charts:
        return
    status = charts[0]
    refs = [(s.tx.strRef.f, ref(s.cat), s.val.numRef.f) for s in status.series]
    check("the status chart: stacked bars of Đúng hạn, Trễ hạn, Chưa báo cáo per group, from "
          "its table",
          status.grouping == "stacked" and refs == [
              (f"'{CHARTS}'!${c}$3", f"'{CHARTS}'!$A$4:$A$6", f"'{CHARTS}'!${c}$4:${c}$6")
              for c in "BCD"], refs)
    table = [[values[CHARTS].cell(r, c).value for c in range(1, 5)] for r in range(3, 7)]
    want = [["Nhóm đơn vị", "Đúng hạn", "Trễ hạn", "Chưa báo cáo"], ["Cấp huyện", 2, 1, 12],
            ["Cấp tỉnh", 1, 1, 25], ["Đơn vị khác", 1, 0, 0]]
    check("its table counts the units from Phụ lục III, with COUNTIF",
          table == want and ws["B4"].value.startswith("=COUNTIF('Phụ lục III"), table)
    for code, chart in zip(HEADLINE, charts[1:]):
        part, col = where[code]
        letter = get_column_letter(col)
        district = len(exp.group_units("district"))
        first = header_row(wb[part]) + 3
        series = chart.series[0]
        want = (f"'{part}'!$B${first}:$B${first + district - 1}",
                f"'{part}'!${letter}${first}:${letter}${first + district - 1}")
        check(f"the chart of {code} draws the district units' figures of Phụ lục II",
              (ref(series.cat), series.val.numRef.f) == want,
              ((ref(series.cat), series.val.numRef.f), want))


def check_activities_and_info(wb, values, db):
    ws = wb[ACTIVITIES]
    total = find_row(ws, 2, "Tổng cộng")
    check("Phụ lục IV: three activities, participants summed (an unknown count left empty)",
          total == 9 and ws.cell(total, 10).value == "=SUM(J6:J8)" and
          values[ACTIVITIES].cell(total, 10).value == 370 and ws["J7"].value is None and
          ws["H8"].value == "Trực tiếp và trực tuyến", (total, ws.cell(total, 10).value))
    info = {ws.cell(r, 1).value: ws.cell(r, 2).value for ws in [wb[INFO]]
            for r in range(1, wb[INFO].max_row + 1)}
    check("Thông tin: program version, campaign, the day, the year compared with, the file",
          (info.get("Chương trình") or "").startswith("llweek ") and
          info.get("Năm") == "2021" and info.get("Tình hình báo cáo tính đến ngày") == "28/10/2021"
          and info.get("So sánh với năm") == "2020" and info.get("Cơ sở dữ liệu") == db, info)


def no_temporaries(folder):
    return [n for n in os.listdir(folder) if n.startswith("llweek-export-") or ".tmp" in n]


def check_failures(tmp, db):
    folder = os.path.join(tmp, "kept")
    os.mkdir(folder)
    target = os.path.join(folder, "Báo cáo cũ.xlsx")
    with open(target, "wb") as f:
        f.write(b"the previous report")

    p = run("--database", db, "--campaign", "2030", "--export-report", target)
    check("unknown campaign: exit 1, one line naming the year, old file untouched",
          p.returncode == 1 and len(p.stderr.strip().splitlines()) == 1 and "2030" in p.stderr
          and open(target, "rb").read() == b"the previous report" and not no_temporaries(folder),
          p.stderr)

    missing = os.path.join(tmp, "không có", "x.xlsx")
    p = run("--database", db, "--export-report", missing)
    check("a folder that does not exist: exit 1, one line naming the file",
          p.returncode == 1 and len(p.stderr.strip().splitlines()) == 1 and missing in p.stderr,
          p.stderr)

    directory = os.path.join(folder, "a folder.xlsx")
    os.mkdir(directory)
    p = run("--database", db, "--export-report", directory)
    check("a target that is a folder: exit 1 naming it, the folder kept, nothing left behind",
          p.returncode == 1 and len(p.stderr.strip().splitlines()) == 1 and directory in p.stderr
          and os.path.isdir(directory) and not no_temporaries(folder),
          p.stderr + str(os.listdir(folder)))

    def full_disk():
        # Files may not grow past 256 KB: enough for SQLite to open the database, not for a
        # workbook of 2,000 more units, whose writing fails as on a full disk.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (262144, 262144))

    big = os.path.join(tmp, "big.db")
    subprocess.run([MAKE_DATA, big, "2000"], check=True)
    p = run("--database", big, "--export-report", target, preexec_fn=full_disk)
    check("a disk that fills up: exit 1 naming the file, old file untouched, no temporary left",
          p.returncode == 1 and len(p.stderr.strip().splitlines()) == 1 and target in p.stderr
          and open(target, "rb").read() == b"the previous report" and not no_temporaries(folder),
          p.stderr + str(os.listdir(folder)))

    # Sheets of 2,000 units span many deflate blocks: the page header of each is patched
    # after the blocks before it were copied as they were.
    p = run("--database", big, "--export-report", target)
    with zipfile.ZipFile(target) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        headers = [re.findall(r"<headerFooter[^>]*>", z.read(n).decode()) for n in sheets]
        sound = z.testzip() is None
    check("a large workbook: every entry reads back with its CRC, every sheet prints its "
          "page number from page 2", p.returncode == 0 and sound and sheets and
          all(h == ['<headerFooter differentFirst="1">'] for h in headers), p.stderr + str(headers))

    # On one processor the workbook is written by one thread: the same parts, byte for byte,
    # as the two threads write on a computer with more, but for the time of the export (in
    # the document's properties, and to the minute on the Thông tin sheet: the two exports
    # may fall in different minutes).
    def parts(path):
        stamp = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")
        minute = re.compile(rb"\d\d/\d\d/\d{4} \d\d:\d\d")
        with zipfile.ZipFile(path) as z:
            return {n: minute.sub(b"", stamp.sub(b"", z.read(n))) for n in z.namelist()}

    one = os.path.join(tmp, "one processor.xlsx")
    p1 = run("--database", big, "--export-report", one,
             preexec_fn=lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}))
    many_parts, one_parts = parts(target), parts(one) if p1.returncode == 0 else {}
    differ = sorted(n for n in many_parts.keys() | one_parts.keys()
                    if many_parts.get(n) != one_parts.get(n))
    check("a large workbook written on one processor has the same parts as on "
          f"{len(os.sched_getaffinity(0))}", p.returncode == 0 and p1.returncode == 0
          and not p1.stderr and not differ, p1.stderr + str(differ))
    os.remove(one)

    p = run("--database", db, "--export-report", target)
    mask = os.umask(0)
    os.umask(mask)
    check("a good export replaces the old file, with the usual permissions, and leaves nothing "
          "else", p.returncode == 0 and zipfile.is_zipfile(target) and
          os.stat(target).st_mode & 0o777 == 0o666 & ~mask and not no_temporaries(folder)
          and sorted(os.listdir(folder)) == sorted(["Báo cáo cũ.xlsx", "a folder.xlsx"]),
          p.stderr + str(os.listdir(folder)))


def check_settings_come_from_database(tmp, db):
    con = sqlite3.connect(db)
    con.execute("UPDATE campaign SET report_place = 'Phú Quốc', "
                "report_parent_body = 'Ubnd tỉnh Thử nghiệm', report_number = '42/BC-TN', "
                "report_signer_authority = '', report_signer_title = 'Giám đốc', "
                "report_to = 'Bộ Giáo dục và Đào tạo', report_date = '2022-02-05', "
                "report_limitations = '' WHERE year = 2021")
    con.execute("DELETE FROM report_example")
    con.commit()
    con.close()
    out = os.path.join(tmp, "settings.xlsx")
    p = run("--database", db, "--export-report", out, "--campaign", "2021")
    ws = openpyxl.load_workbook(out)[REPORT]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    check("the header, number, date, addressee and signer come from the campaign's settings",
          p.returncode == 0 and ws["A1"].value == "UBND TỈNH THỬ NGHIỆM" and
          ws["A4"].value == "Số: 42/BC-TN" and
          ws["D4"].value == "Phú Quốc, ngày 05 tháng 02 năm 2022" and
          "Bộ Giáo dục và Đào tạo." in texts and "GIÁM ĐỐC" in texts and
          "KT. GIÁM ĐỐC" not in texts, p.stderr + str(texts[:12]))
    dots = [t for t in texts if t.startswith("……")]
    check("empty office text prints as dotted lines: examples, limitations and proposals "
          "without text keep two lines each", len(dots) >= 2, len(dots))


def check_empty_campaign(tmp, db):
    con = sqlite3.connect(db)
    con.execute("INSERT INTO campaign (year, title, start_date, end_date, unit_deadline, "
                "ministry_deadline) VALUES (2022, 'Tuần lễ thử nghiệm', '2022-10-01', "
                "'2022-10-07', '2022-10-21', '2022-10-30')")
    con.commit()
    con.close()
    out = os.path.join(tmp, "empty.xlsx")
    p = run("--database", db, "--campaign", "2022", "--export-report", out)
    ok = p.returncode == 0 and not p.stderr
    if ok:
        wb = openpyxl.load_workbook(out)
        ok = wb.sheetnames[2] == "Phụ lục II – Chi tiết" and \
            find_row(wb["Phụ lục II – Chi tiết"], 2, "Tổng cộng") == 6 and \
            wb[SUMMARY]["A3"].value.startswith("(Kèm theo") and \
            find_row(wb[STATUSES], 2, "Tổng cộng: 0 đơn vị") == 6
    check("a campaign with no units nor indicators yet still gives a sound workbook", ok,
          p.stderr)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "llweek.db")
        made = subprocess.run([MAKE_DATA, db], capture_output=True, text=True)
        check("the data set is built", made.returncode == 0, made.stderr)
        out = os.path.join(tmp, "Báo cáo Tuần lễ.xlsx")
        p = run("--database", db, "--export-report", out)
        check("--export-report: exit 0, nothing on stderr", p.returncode == 0 and not p.stderr,
              p.stderr)
        if p.returncode == 0:
            wb = openpyxl.load_workbook(out)
            values = openpyxl.load_workbook(out, data_only=True)
            exp = Expected(db)
            parts = detail_parts(wb)
            check("the sheets, in order", wb.sheetnames == [REPORT, SUMMARY, *parts, STATUSES,
                                                            ACTIVITIES, CHARTS, INFO],
                  wb.sheetnames)
            where = check_parts(wb, exp)
            group_rows, total_row = check_detail(wb, values, exp, where)
            check_known_figures(values, where, total_row)
            check_summary(wb, values, exp, group_rows, where)
            check_statuses(wb, values, exp)
            check_formulas_are_ours(out)
            check_report(wb)
            check_fonts(wb)
            check_merges(wb, exp)
            check_print_setup(wb)
            check_number_formats(wb, where)
            check_charts(wb, values, exp, where)
            check_activities_and_info(wb, values, db)
        check_failures(tmp, db)
        check_settings_come_from_database(tmp, db)
        check_empty_campaign(tmp, db)

    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok:
            for line in detail.splitlines():
                print(f"# {line}")


main()
