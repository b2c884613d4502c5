#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The editable report (`llweek --export-document OUT.odt`), read back: a sound OpenDocument
package (mimetype first and stored), real tables for the annexes with their header rows and
figures as values, and, once LibreOffice has converted it to PDF, the same sentences as the
workbook's Báo cáo sheet, the annexes in parts numbered from their second page, no number on
page 1 and no annex text under 11 pt.
    test-document.py LLWEEK MAKE-EXPORT-DATA"""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from xml.etree import ElementTree

import openpyxl

LLWEEK, MAKE_DATA = sys.argv[1], sys.argv[2]
MM = 72 / 25.4
NS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), str(detail)))


def run(*args):
    env = dict(os.environ, LLWEEK_TODAY="2021-10-28")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([LLWEEK, *args], capture_output=True, text=True, env=env, timeout=300)


def words(pdf, page):
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"],
                          capture_output=True, text=True).stdout
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
        r'<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)<',
        html)]


def squeeze(text):
    return re.sub(r"\s+", "", text.replace("\u00a0", " "))


def without_number(text):
    """A page's text without the page number above it, which would cut a paragraph that runs
    on from the page before."""
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and lines[first].strip().isdigit():
        del lines[first]
    return "\n".join(lines)


def top_margin(pdf, page):
    """The top margin of Decree 30: 20 mm upright, 30 mm on a turned page's binding edge."""
    info = subprocess.run(["pdfinfo", "-f", str(page), "-l", str(page), pdf],
                          capture_output=True, text=True).stdout
    w, h = map(float, re.search(r"size:\s+([0-9.]+) x ([0-9.]+)", info).groups())
    return (30 if w > h else 20) * MM


def check_package(odt):
    with zipfile.ZipFile(odt) as z:
        first = z.infolist()[0]
        check("the package starts with its mimetype, stored",
              first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED and
              z.read("mimetype") == b"application/vnd.oasis.opendocument.text")
        check("the ZIP container is sound and has its manifest, content, styles and meta",
              z.testzip() is None and {"META-INF/manifest.xml", "content.xml", "styles.xml",
                                       "meta.xml"} <= set(z.namelist()))
        content = ElementTree.fromstring(z.read("content.xml"))
    tables = content.findall(".//table:table", NS)
    names = [t.get(f"{{{NS['table']}}}name") for t in tables]
    check("the annexes are real tables, Phụ lục II in parts",
          {"Phụ lục I", "Phụ lục II.1", "Phụ lục II.2", "Phụ lục III", "Phụ lục IV"} <=
          set(names), names)
    detail = tables[names.index("Phụ lục II.1")]
    check("each annex table repeats its header rows on every page",
          all(t.find("table:table-header-rows", NS) is not None for t in tables
              if (t.get(f"{{{NS['table']}}}name") or "").startswith("Phụ lục")))
    values = [c.get(f"{{{NS['office']}}}value") for c in detail.iter(f"{{{NS['table']}}}table-cell")
              if c.get(f"{{{NS['office']}}}value-type") == "float"]
    check("figures are values the word processor can compute with: 1.250.000 is 1250000",
          "1250000" in values, values[:10])


def main():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "llweek.db")
        subprocess.run([MAKE_DATA, db], check=True)
        odt = os.path.join(tmp, "Báo cáo.odt")
        p = run("--database", db, "--export-document", odt)
        check("--export-document: exit 0, nothing on stderr", p.returncode == 0 and not p.stderr,
              p.stderr)
        if p.returncode != 0:
            return
        check_package(odt)
        target = os.path.join(tmp, "kept.odt")
        with open(target, "wb") as f:
            f.write(b"the previous document")
        p = run("--database", db, "--campaign", "2030", "--export-document", target)
        check("unknown campaign: exit 1, one line naming the year, old file untouched",
              p.returncode == 1 and "2030" in p.stderr and
              open(target, "rb").read() == b"the previous document", p.stderr)
        if soffice is None:
            return

        workbook = os.path.join(tmp, "report.xlsx")
        run("--database", db, "--export-report", workbook)
        plain = os.path.join(tmp, "report.odt")
        shutil.copy(odt, plain)
        profile = os.path.join(tmp, "profile")
        p = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                            "--norestore", "--convert-to", "pdf", "--outdir", tmp, plain],
                           capture_output=True, text=True, timeout=240)
        pdf = os.path.join(tmp, "report.pdf")
        check("LibreOffice converts the document to PDF", os.path.exists(pdf), p.stderr)
        if not os.path.exists(pdf):
            return
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        n = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        texts = [subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l", str(i), pdf, "-"],
                                capture_output=True, text=True).stdout for i in range(1, n + 1)]
        ws = openpyxl.load_workbook(workbook)["Báo cáo"]
        body = squeeze("".join(without_number(t) for t in texts))
        missing = [c.value for row in ws.iter_rows() for c in row
                   if isinstance(c.value, str) and not c.value.startswith("……")
                   and squeeze(c.value) not in body]
        check("every text of the workbook's Báo cáo sheet is in the document", not missing,
              "\n".join(missing[:10]))

        starts = {}
        for page in range(1, n + 1):
            found = words(pdf, page)
            if len(found) > 2 and found[0][4] == "Phụ" and found[1][4] == "lục":
                starts[page] = found[2][4]
        check("the annexes: I, II in parts, III and IV",
              list(starts.values())[:2] == ["I", "II.1"] and "II.2" in starts.values() and
              list(starts.values())[-2:] == ["III", "IV"], starts)
        wrong, small, factor = [], [], None
        for page in range(1, n + 1):
            found = words(pdf, page)
            start = max([1, *[s for s in starts if s <= page]])
            margin = top_margin(pdf, page)
            top = [w for x0, y0, x1, y1, w in found if y1 < margin and w.isdigit()]
            want = [] if page == start else [str(page - start + 1)]
            if top != want:
                wrong.append(f"page {page}: {top}, expected {want}")
            if page in starts:
                factor = (found[0][3] - found[0][1]) / 14
            for x0, y0, x1, y1, w in found if factor else []:
                if (y1 - y0) / factor < 10.95:
                    small.append(f"page {page}: {w!r} {(y1 - y0) / factor:.1f} pt")
        check("no number on page 1; each part numbered from its second page", not wrong,
              "\n".join(wrong))
        check("no annex text is smaller than 11 pt", starts and not small,
              "\n".join(small[:10]))
        check_signature(soffice, profile, tmp, db)


def check_signature(soffice, profile, tmp, db):
    """The signature block whole on one page, with the body's last lines above it, however
    long the office's proposals: each one more walks the end of the body down the page."""
    con = sqlite3.connect(db)
    signer = con.execute("SELECT report_signer_name FROM campaign WHERE year = 2021").fetchone()[0]
    con.close()
    folder = os.path.join(tmp, "signature")
    os.mkdir(folder)
    documents = []
    for k in range(0, 24, 3):
        copy = os.path.join(folder, f"{k}.db")
        shutil.copy(db, copy)
        with sqlite3.connect(copy) as c:
            c.execute("UPDATE campaign SET report_proposals = ? WHERE year = 2021",
                      ("\n".join(f"Đề nghị thứ {i + 1}: tăng cường phối hợp giữa các đơn vị "
                                 "trong tổ chức Tuần lễ." for i in range(k)),))
        c.close()
        documents.append(os.path.join(folder, f"{k}.odt"))
        run("--database", copy, "--export-document", documents[-1])
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", folder, *documents],
                   capture_output=True, text=True, timeout=600)
    wrong = []
    for odt in documents:
        pdf = odt[:-len(".odt")] + ".pdf"
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                              text=True).stdout if os.path.exists(pdf) else ""
        page = next((p for p in text.split("\f") if "Nơi nhận:" in p), "")
        above = [l for l in page.split("Nơi nhận:")[0].splitlines()
                 if l.strip() and not re.fullmatch(r"\s*\d+\s*", l)]
        if signer not in page or len(above) < 2:
            wrong.append(f"{os.path.basename(odt)}: {len(above)} lines above, "
                         f"signer {'on' if signer in page else 'not on'} the page")
    check("LibreOffice keeps the signature whole on one page, below the body's last lines",
          not wrong, "\n".join(wrong))


main()
print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        for line in detail.splitlines()[:30]:
            print(f"# {line}")
