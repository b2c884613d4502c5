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
REPORT, SUMMARY, DETAIL, STATUSES, ACTIVITIES, INFO = (
    "Báo cáo", "Phụ lục I – Tổng hợp", "Phụ lục II – Chi tiết",
    "Phụ lục III – Tình hình báo cáo", "Phụ lục IV – Hoạt động", "Thông tin")
GROUPS = [("district", "I", "Cấp huyện"), ("provincial", "II", "Cấp tỉnh"),
          ("other", "III", "Đơn vị khác")]
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
    """The units that must report, their figures and the totals, straight from the database."""

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


def check_detail(wb, values, exp):
    """Phụ lục II: each unit's row, each group's SUM, the Tổng cộng."""
    ws, cached = wb[DETAIL], values[DETAIL]
    n = len(exp.indicators)
    note_col = 3 + n
    group_rows = {}
    row = 7
    unit_errors, sum_errors = [], []
    for group, roman, label in GROUPS:
        units = exp.group_units(group)
        if not units:
            continue
        if ws.cell(row, 1).value != roman or ws.cell(row, 2).value != label:
            unit_errors.append(f"row {row}: expected group {roman} {label}")
        group_rows[group] = row
        first, last = row + 1, row + len(units)
        for k, ind in enumerate(exp.indicators):
            col = get_column_letter(3 + k)
            total, _ = exp.total(ind, group)
            formula = ws.cell(row, 3 + k).value
            cells = f"{col}{first}:{col}{last}" if last > first else f"{col}{first}"
            if formula != f"=SUM({cells})" or \
                    not close(cached.cell(row, 3 + k).value, total):
                sum_errors.append(f"{col}{row}: {formula} = {cached.cell(row, 3 + k).value}, "
                                  f"expected {total}")
        for j, unit in enumerate(units):
            r = first + j
            if ws.cell(r, 1).value != j + 1 or ws.cell(r, 2).value != unit[0]:
                unit_errors.append(f"row {r}: {ws.cell(r, 2).value} instead of {unit[0]}")
            for k, ind in enumerate(exp.indicators):
                want, got = exp.value(unit, ind), ws.cell(r, 3 + k).value
                if (got is not None) if want is None else not close(got, want):
                    unit_errors.append(f"{get_column_letter(3 + k)}{r} ({unit[0]}, {ind[1]}): "
                                       f"{got!r}, expected {want!r}")
            note = ws.cell(r, note_col).value
            if (note == "Chưa báo cáo") != (unit[2] is None):
                unit_errors.append(f"row {r}: note {note!r} for {unit[0]}")
        row = last + 1
    check("Phụ lục II: one row per unit, in order, values as reported, empty when not",
          not unit_errors, "\n".join(unit_errors[:20]))
    check("Phụ lục II: each group's subtotal is SUM over its units, with its value",
          not sum_errors, "\n".join(sum_errors[:20]))

    total_errors = []
    check("Phụ lục II: Tổng cộng row after the groups",
          ws.cell(row, 2).value == "Tổng cộng" and ws.cell(row, 2).font.b, ws.cell(row, 2).value)
    for k, ind in enumerate(exp.indicators):
        col = get_column_letter(3 + k)
        refs = ",".join(f"{col}{group_rows[g]}" for g, _, _ in GROUPS if g in group_rows)
        total, _ = exp.total(ind)
        if ws.cell(row, 3 + k).value != f"=SUM({refs})" or \
                not close(cached.cell(row, 3 + k).value, total):
            total_errors.append(f"{col}{row}: {ws.cell(row, 3 + k).value} = "
                                f"{cached.cell(row, 3 + k).value}, expected {total}")
    check("Phụ lục II: Tổng cộng is SUM of the subtotals, with its value", not total_errors,
          "\n".join(total_errors))
    return group_rows, row


def check_known_figures(wb, values, exp, total_row):
    """Worked out by hand from make-export-data.c, in case the database query above and the
    program agreed on a mistake."""
    ws = values[DETAIL]
    col = {ind[1]: 3 + k for k, ind in enumerate(exp.indicators)}
    check("A1 totals 6: 3 + 0 + 0 + 2 + 1, the 99 of a unit that need not report left out",
          ws.cell(total_row, col["A1"]).value == 6, ws.cell(total_row, col["A1"]).value)
    check("G3 totals 1.295,5: 1.234,5 + 0,25 + 0 + 50,75 + 10",
          close(ws.cell(total_row, col["G3"]).value, 1295.5), ws.cell(total_row, col["G3"]).value)
    check("A3 totals 1.250.000: a NULL figure counts as nothing",
          ws.cell(total_row, col["A3"]).value == 1250000, ws.cell(total_row, col["A3"]).value)
    check("a retired indicator has no column", "Z9" not in col and len(col) == 22, sorted(col))
    hoa_dat = find_row(wb[DETAIL], 2, "UBND huyện Hòn Đất")
    kien_luong = find_row(wb[DETAIL], 2, "UBND huyện Kiên Lương")
    check("a unit that reported 0 shows 0 in every column",
          all(wb[DETAIL].cell(hoa_dat, c).value == 0 for c in col.values()))
    check("a unit that did not report shows empty cells and Chưa báo cáo",
          all(wb[DETAIL].cell(kien_luong, c).value is None for c in col.values()) and
          wb[DETAIL].cell(kien_luong, 3 + len(col)).value == "Chưa báo cáo")


def check_summary(wb, values, exp, group_rows):
    """Phụ lục I: per indicator, the subtotals of Phụ lục II, their SUM and the COUNT."""
    ws, cached = wb[SUMMARY], values[SUMMARY]
    header = [ws.cell(5, c).value for c in range(1, 9)]
    check("Phụ lục I header", header == ["TT", "Nội dung", "Đơn vị tính", "Cấp huyện", "Cấp tỉnh",
                                         "Đơn vị khác", "Tổng cộng", "Số đơn vị báo cáo"], header)
    errors = []
    row, group_number, previous_group = 6, 0, None
    for k, ind in enumerate(exp.indicators):
        if ind[5] != previous_group:
            group_number += 1
            previous_group = ind[5]
            roman = ["I", "II", "III", "IV", "V", "VI", "VII"][group_number - 1]
            if ws.cell(row, 1).value != roman or not ind[5].endswith(ws.cell(row, 2).value or "?"):
                errors.append(f"row {row}: group {ws.cell(row, 1).value} {ws.cell(row, 2).value}")
            row += 1
        col = get_column_letter(3 + k)
        if ws.cell(row, 2).value != ind[2] or ws.cell(row, 3).value != ind[3]:
            errors.append(f"row {row}: {ws.cell(row, 2).value} instead of {ind[2]}")
        for j, (group, _, _) in enumerate(GROUPS):
            want = f"='{DETAIL}'!{col}{group_rows[group]}"
            if ws.cell(row, 4 + j).value != want or \
                    not close(cached.cell(row, 4 + j).value, exp.total(ind, group)[0]):
                errors.append(f"{get_column_letter(4 + j)}{row}: {ws.cell(row, 4 + j).value} = "
                              f"{cached.cell(row, 4 + j).value}")
        total, count = exp.total(ind)
        if ws.cell(row, 7).value != f"=SUM(D{row}:F{row})" or \
                not close(cached.cell(row, 7).value, total):
            errors.append(f"G{row}: {ws.cell(row, 7).value} = {cached.cell(row, 7).value}, "
                          f"expected {total}")
        count_formula = ws.cell(row, 8).value or ""
        if not count_formula.startswith("=COUNT(") or cached.cell(row, 8).value != count:
            errors.append(f"H{row}: {count_formula} = {cached.cell(row, 8).value}, "
                          f"expected {count}")
        row += 1
    check("Phụ lục I: every subtotal, total and count of units that reported", not errors,
          "\n".join(errors[:20]))
    a1 = find_row(ws, 2, exp.indicators[0][2])
    check("Phụ lục I: A1 was reported by 5 units", cached.cell(a1, 8).value == 5,
          cached.cell(a1, 8).value)


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
    """Every <f> in the file is a SUM, a COUNT or a reference to a Phụ lục II cell."""
    allowed = re.compile(r"^(SUM\([A-Z]+[0-9]+(:[A-Z]+[0-9]+)?(,[A-Z]+[0-9]+)*\)"
                         r"|COUNT\(.*\)|'Phụ lục II – Chi tiết'![A-Z]+[0-9]+)$")
    strange, report_formulas = [], 0
    with zipfile.ZipFile(path) as z:
        check("the ZIP container is sound (CRCs of every entry)", z.testzip() is None)
        for name in z.namelist():
            if not name.startswith("xl/worksheets/"):
                continue
            xml = z.read(name).decode("utf-8")
            for formula in re.findall(r"<f>(.*?)</f>", xml):
                formula = formula.replace("&apos;", "'").replace("&amp;", "&")
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
        "sections": all(h in texts for h in ("I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", "II. KẾT QUẢ",
                                               "III. ĐÁNH GIÁ CHUNG",
                                               "IV. ĐỀ XUẤT, KIẾN NGHỊ")),
        "results in prose": "1.250.000 người (2 đơn vị báo cáo)" in joined and
                            "1.295,5 triệu đồng (5 đơn vị báo cáo)" in joined,
        "assessment, a paragraph a line": any(t.endswith("Các đơn vị đã chủ động triển khai "
                                                         "Tuần lễ.") for t in texts) and
                                          any(t.endswith("Một số đơn vị gửi báo cáo chậm.")
                                              for t in texts),
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
          nnhan and ws.cell(nnhan, 4).value == "KT. GIÁM ĐỐC", nnhan)


def font_of(ws, ref):
    f = ws[ref].font
    return (f.name, f.sz, bool(f.b), bool(f.i))


def check_fonts(wb):
    wrong = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None and c.font.name != "Times New Roman":
                    wrong.append(f"{ws.title}!{c.coordinate}: {c.font.name}")
    check("every written cell is in Times New Roman", not wrong, "\n".join(wrong[:10]))
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
        f"D{nnhan}": ("Times New Roman", 14, True, False),
    }
    got = {ref: font_of(ws, ref) for ref in sizes}
    check("Decree 30 sizes and styles on the report sheet", got == sizes,
          {k: v for k, v in got.items() if v != sizes[k]})
    for title in (SUMMARY, DETAIL, STATUSES, ACTIVITIES):
        a = wb[title]
        check(f"{title}: Phụ lục label 14 bold, the Kèm theo line italic",
              font_of(a, "A1")[1:3] == (14, True) and font_of(a, "A3")[3] and
              a["A3"].value.startswith("(Kèm theo Báo cáo số") and "28/10/2021" in a["A3"].value,
              (font_of(a, "A1"), a["A3"].value))
    total = find_row(wb[DETAIL], 2, "Tổng cộng")
    check("Tổng cộng is bold", wb[DETAIL].cell(total, 3).font.b)


def check_merges(wb):
    merged = {title: {str(r) for r in wb[title].merged_cells.ranges} for title in wb.sheetnames}
    report = {"A1:C1", "D1:G1", "A2:C2", "D2:G2", "A4:C4", "D4:G4", "A6:G6", "A7:G7"}
    check("Báo cáo: the header blocks side by side, title and subject merged",
          report <= merged[REPORT], sorted(report - merged[REPORT]))
    ws = wb[REPORT]
    rules = [ref for ref in ("B3", "E3", "F3", "D8", "E8") if ws[ref].border.top.style != "thin"]
    check("Báo cáo: short rules under the issuing body, the motto and the subject", not rules,
          rules)
    detail = {"A1:Y1", "A2:Y2", "A3:Y3", "A5:A6", "B5:B6", "Y5:Y6", "C5:F5", "G5:J5", "K5:P5",
              "Q5:S5", "V5:X5"}
    check("Phụ lục II: two header rows, groups merged over their indicators",
          detail <= merged[DETAIL], sorted(detail - merged[DETAIL]))
    ws = wb[DETAIL]
    check("Phụ lục II: the second header row names each indicator with its measure",
          ws["C6"].value == "Số văn bản chỉ đạo, kế hoạch đã ban hành (văn bản)" and
          ws["X6"].value == "Kinh phí huy động (ngân sách và xã hội hóa) (triệu đồng)",
          (ws["C6"].value, ws["X6"].value))


def check_print_setup(wb):
    inch = 25.4
    for ws in wb.worksheets:
        ps, m = ws.page_setup, ws.page_margins
        landscape = ws.title not in (REPORT, INFO)
        problems = []
        if str(ps.paperSize) != "9":
            problems.append(f"paper {ps.paperSize}")
        if ps.orientation != ("landscape" if landscape else "portrait"):
            problems.append(ps.orientation)
        if not ws.sheet_properties.pageSetUpPr.fitToPage or ps.fitToWidth not in (None, 1) or \
                ps.fitToHeight != 0:
            problems.append(f"fit {ps.fitToWidth}x{ps.fitToHeight}")
        if not (close(m.left * inch, 30) and close(m.right * inch, 15) and
                close(m.top * inch, 20) and close(m.bottom * inch, 20)):
            problems.append(f"margins {m.left} {m.right} {m.top} {m.bottom}")
        header = ws.oddHeader.center
        if header.text != "&P" or header.font != "Times New Roman,Regular":
            problems.append(f"header {ws.oddHeader.center.text}")
        if not ps.useFirstPageNumber or ps.firstPageNumber not in (None, 1):
            problems.append("not numbered from 1")
        if bool(ws.HeaderFooter.differentFirst) != (ws.title == REPORT):
            problems.append(f"differentFirst {ws.HeaderFooter.differentFirst}")
        check(f"{ws.title}: A4, Decree margins, {'landscape' if landscape else 'portrait'}, "
              "one page wide, page number at the top" +
              (", none on page 1" if ws.title == REPORT else ""), not problems, problems)
    titles = {SUMMARY: "$5:$5", DETAIL: "$5:$6", STATUSES: "$5:$5", ACTIVITIES: "$5:$5"}
    got = {t: wb[t].print_title_rows for t in titles}
    check("the annexes repeat their table header on every page", got == titles, got)


def check_number_formats(wb, exp):
    ws = wb[DETAIL]
    col = {ind[1]: 3 + k for k, ind in enumerate(exp.indicators)}
    row = find_row(ws, 2, "UBND thành phố Rạch Giá")
    total = find_row(ws, 2, "Tổng cộng")
    check("money (G3) keeps two decimals, counts have a thousands separator",
          ws.cell(row, col["G3"]).number_format == "#,##0.00" and
          ws.cell(total, col["G3"]).number_format == "#,##0.00" and
          ws.cell(row, col["A3"]).number_format == "#,##0" and
          wb[SUMMARY].cell(7, 7).number_format == "#,##0",
          (ws.cell(row, col["G3"]).number_format, ws.cell(row, col["A3"]).number_format))


def check_activities_and_info(wb, values, db):
    ws = wb[ACTIVITIES]
    total = find_row(ws, 2, "Tổng cộng")
    check("Phụ lục IV: three activities, participants summed (an unknown count left empty)",
          total == 9 and ws.cell(total, 10).value == "=SUM(J6:J8)" and
          values[ACTIVITIES].cell(total, 10).value == 370 and ws["J7"].value is None and
          ws["H8"].value == "Trực tiếp và trực tuyến", (total, ws.cell(total, 10).value))
    info = {ws.cell(r, 1).value: ws.cell(r, 2).value for ws in [wb[INFO]]
            for r in range(1, wb[INFO].max_row + 1)}
    check("Thông tin: program version, campaign, the day, the database file",
          (info.get("Chương trình") or "").startswith("llweek ") and
          info.get("Năm") == "2021" and info.get("Tình hình báo cáo tính đến ngày") == "28/10/2021"
          and info.get("Cơ sở dữ liệu") == db, info)


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
                "report_to = 'Bộ Giáo dục và Đào tạo'")
    con.commit()
    con.close()
    out = os.path.join(tmp, "settings.xlsx")
    p = run("--database", db, "--export-report", out, "--campaign", "2021")
    ws = openpyxl.load_workbook(out)[REPORT]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    check("the header, number, addressee and signer come from the campaign's settings",
          p.returncode == 0 and ws["A1"].value == "UBND TỈNH THỬ NGHIỆM" and
          ws["A4"].value == "Số: 42/BC-TN" and ws["D4"].value.startswith("Phú Quốc, ngày ") and
          "Bộ Giáo dục và Đào tạo." in texts and "GIÁM ĐỐC" in texts and
          "KT. GIÁM ĐỐC" not in texts, p.stderr + str(texts[:12]))


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
        ok = find_row(wb[DETAIL], 2, "Tổng cộng") == 7 and \
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
            check("six sheets, in order", wb.sheetnames == [REPORT, SUMMARY, DETAIL, STATUSES,
                                                            ACTIVITIES, INFO], wb.sheetnames)
            group_rows, total_row = check_detail(wb, values, exp)
            check_known_figures(wb, values, exp, total_row)
            check_summary(wb, values, exp, group_rows)
            check_statuses(wb, values, exp)
            check_formulas_are_ours(out)
            check_report(wb)
            check_fonts(wb)
            check_merges(wb)
            check_print_setup(wb)
            check_number_formats(wb, exp)
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
