#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The workbook opened in a real spreadsheet program: LibreOffice recalculates every formula
(forced, since it trusts cached values by default) and must find the values the program cached;
then it prints the workbook to PDF, which is what the Ministry sees.
    test-libreoffice.py LLWEEK MAKE-EXPORT-DATA"""

import csv
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

LLWEEK, MAKE_DATA = sys.argv[1], sys.argv[2]
DETAIL = "Phụ lục II.1 – Chi tiết"
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), str(detail)))


def finish():
    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok:
            for line in detail.splitlines()[:30]:
                print(f"# {line}")


def soffice(profile, outdir, target, source):
    return subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                           "--norestore", "--convert-to", target, "--outdir", outdir, source],
                          capture_output=True, text=True, timeout=240)


def read_sheets(folder, stem):
    """LibreOffice's CSV of every sheet: sheet name -> rows."""
    sheets = {}
    for path in glob.glob(os.path.join(folder, f"{stem}-*.csv")):
        name = os.path.basename(path)[len(stem) + 1:-4]
        with open(path, encoding="utf-8", newline="") as f:
            sheets[name] = list(csv.reader(f))
    return sheets


def lo_value(sheets, title, row, col):
    try:
        text = sheets[title][row - 1][col - 1]
        return float(text)
    except (KeyError, IndexError, ValueError):
        return None


def total_row(path):
    """The row of Phụ lục II.1's Tổng cộng, whose C holds the total of A1."""
    ws = openpyxl.load_workbook(path)[DETAIL]
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "Tổng cộng")


def tamper(source, target, row):
    """A copy whose cached Tổng cộng of A1 says 999: only a real recalculation shows 6."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet3.xml":
                text, n = re.subn(rf'(<c r="C{row}"[^>]*><f>[^<]*</f><v>)6(</v>)', r"\g<1>999\2",
                                  data.decode("utf-8"))
                check("the control copy has a wrong cached total", n == 1)
                data = text.encode("utf-8")
            zout.writestr(item, data)


def compare_formulas(path, sheets):
    formulas = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    compared, wrong = 0, []
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if not (isinstance(c.value, str) and c.value.startswith("=") and
                        c.data_type == "f"):
                    continue
                want = cached[ws.title].cell(c.row, c.column).value
                got = lo_value(sheets, ws.title, c.row, c.column)
                compared += 1
                if got is None or want is None or abs(got - want) > 1e-6:
                    wrong.append(f"{ws.title}!{c.coordinate} {c.value}: LibreOffice {got}, "
                                 f"cached {want}")
    # Phụ lục II: 3 subtotals and the Tổng cộng; Phụ lục I: 3 groups, the total and the count,
    # for each of the 22 indicators, and the change from 2020 for A1, A3 and C2; one total in
    # each of Phụ lục III and IV; 3 counts for each of the 3 groups of the charts.
    check(f"LibreOffice's recalculated totals equal the cached ones ({compared} formulas)",
          compared == 22 * 4 + 22 * 5 + 3 + 2 + 9 and not wrong, "\n".join(wrong[:30]))


def check_pdf(pdf):
    pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    n = int(re.search(r"Pages:\s+(\d+)", pages).group(1)) if "Pages:" in pages else 0
    text = [subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l", str(i), pdf, "-"],
                           capture_output=True, text=True).stdout for i in range(1, n + 1)]
    annexes = set(re.findall(r"^\s*Phụ lục ([IV.0-9]+)\s*$", "\n".join(text), re.M))
    check("the PDF has the report and the four annexes, each titled, Phụ lục II in parts",
          n >= 6 and {"I", "III", "IV", "II.1", "II.2"} <= annexes and "II" not in annexes,
          (n, annexes))
    first = text[0].strip().splitlines() if text else []
    check("page 1: the header blocks, and no page number above them",
          first and "UBND TỈNH KIÊN GIANG" in first[0] and
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first[0] and
          "SỞ GIÁO DỤC VÀ ĐÀO TẠO" in first[1], "\n".join(first[:3]))
    second = text[1].strip().splitlines() if n > 1 else []
    check("page 2 of the report is numbered 2 at the top", second and second[0].strip() == "2",
          second[:2])
    start = next((i for i, t in enumerate(text) if "KẾT QUẢ CHI TIẾT CỦA CÁC ĐƠN VỊ" in t), n)
    end = next((i for i, t in enumerate(text) if "TÌNH HÌNH GỬI BÁO CÁO" in t), n)
    annex = "\n".join(text[start:end])
    check("Phụ lục II prints its title, its Kèm theo line, the groups and the Tổng cộng",
          "(Kèm theo Báo cáo số" in annex and "Cấp huyện" in annex and "Cấp tỉnh" in annex and
          "Tổng cộng" in annex, annex[:300])
    signature = next((t for t in text if "Nơi nhận:" in t), "")
    check("the signature block is level with Nơi nhận",
          re.search(r"Nơi nhận:\s+KT\. GIÁM ĐỐC", signature) is not None, signature[-600:])
    check_sizes(pdf, n)
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
    names = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if line.strip()}
    check("every font printed is Times New Roman or its metric twin Liberation Serif",
          names and all(re.match(r"(TimesNewRoman|LiberationSerif)", n) for n in names), names)


def words(pdf, page):
    """The words of a page with their boxes, as pdftotext -bbox finds them."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"],
                          capture_output=True, text=True).stdout
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
        r'<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)<',
        html)]


def check_sizes(pdf, n):
    """No annex text under 11 pt: the height of a word's box is the font's size times a
    factor of the embedded font, taken from the annex label, which is 14 pt."""
    small, pages, factor = [], 0, None
    for page in range(1, n + 1):
        found = words(pdf, page)
        label = [y1 - y0 for x0, y0, x1, y1, w in found[:3] if w == "Phụ"]
        if label and any(w == "lục" for *_, w in found[:3]):
            factor = label[0] / 14
        elif found and found[0][4] in ("BIỂU", "Thời"):
            factor = None           # the charts and Thông tin are no annex
        if factor is None:
            continue
        pages += 1
        for x0, y0, x1, y1, w in found:
            if (y1 - y0) / factor < 10.95:
                small.append(f"page {page}: {w!r} at {(y1 - y0) / factor:.1f} pt")
    check(f"no annex text is smaller than 11 pt ({pages} pages of annexes measured)",
          pages >= 5 and not small, "\n".join(small[:20]))
    first = [w for x0, y0, x1, y1, w in words(pdf, 1) if y1 < 20 / 25.4 * 72 and w.isdigit()]
    second = [w for x0, y0, x1, y1, w in words(pdf, 2) if y1 < 20 / 25.4 * 72 and w.isdigit()]
    check("page 1 carries no number in its top margin, page 2 carries 2",
          first == [] and second == ["2"], (first, second))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "llweek.db")
        out = os.path.join(tmp, "report.xlsx")
        subprocess.run([MAKE_DATA, db], check=True)
        env = dict(os.environ, LLWEEK_TODAY="2021-10-28")
        p = subprocess.run([LLWEEK, "--database", db, "--export-report", out],
                           capture_output=True, text=True, env=env)
        check("the workbook is written", p.returncode == 0, p.stderr)
        if p.returncode != 0:
            return

        profile = os.path.join(tmp, "profile")
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
            f.write(RECALC_ALWAYS)

        control = os.path.join(tmp, "control.xlsx")
        row = total_row(out)
        tamper(out, control, row)
        for source in (control, out):
            p = soffice(profile, tmp, CSV_FILTER, source)
            check(f"LibreOffice converts {os.path.basename(source)} to CSV", p.returncode == 0,
                  p.stdout + p.stderr)
        control_sheets = read_sheets(tmp, "control")
        check("LibreOffice really recalculates: the control copy shows 6, not its cached 999",
              lo_value(control_sheets, DETAIL, row, 3) == 6,
              lo_value(control_sheets, DETAIL, row, 3))
        compare_formulas(out, read_sheets(tmp, "report"))

        p = soffice(profile, tmp, "pdf", out)
        pdf = os.path.join(tmp, "report.pdf")
        check("LibreOffice prints the workbook to PDF", p.returncode == 0 and os.path.exists(pdf),
              p.stdout + p.stderr)
        if os.path.exists(pdf):
            check_pdf(pdf)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if SOFFICE is None:
    print("1..0 # SKIP LibreOffice is not installed")
    sys.exit(0)
main()
finish()
