#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The printed report, read back from the PDF that `llweek --print-report` writes: the
Decree 30 frame, the same sentences as the workbook's Báo cáo sheet, the office's own text,
last year beside this year, the annexes turned and split into parts with TT and Đơn vị in
each, no annex text under 11 pt, page numbers top centre from each part's second page only,
and a failed write that leaves the old file alone.
    test-report.py LLWEEK MAKE-EXPORT-DATA"""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

LLWEEK, MAKE_DATA = sys.argv[1], sys.argv[2]
MM = 72 / 25.4
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), str(detail)))


def run(*args):
    env = dict(os.environ, LLWEEK_TODAY="2021-10-28")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([LLWEEK, *args], capture_output=True, text=True, env=env, timeout=300)


def n_pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def page_text(pdf, page, layout=True):
    return subprocess.run(["pdftotext", *(["-layout"] if layout else []), "-f", str(page),
                           "-l", str(page), pdf, "-"], capture_output=True, text=True).stdout


def page_size(pdf, page):
    info = subprocess.run(["pdfinfo", "-f", str(page), "-l", str(page), pdf],
                          capture_output=True, text=True).stdout
    w, h = re.search(r"Page\s+\d+ size:\s+([0-9.]+) x ([0-9.]+)", info).groups()
    return float(w), float(h)


def words(pdf, page):
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"],
                          capture_output=True, text=True).stdout
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
        r'<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)<',
        html)]


def squeeze(text):
    return re.sub(r"\s+", "", text.replace("\u00a0", " "))


def check_frame(pdf, texts):
    first = texts[0]
    lines = [l.strip() for l in first.splitlines() if l.strip()]
    check("page 1: the two header blocks side by side",
          lines and "UBND TỈNH KIÊN GIANG" in lines[0] and
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines[0] and
          "SỞ GIÁO DỤC VÀ ĐÀO TẠO" in lines[1] and "Độc lập - Tự do - Hạnh phúc" in lines[1],
          "\n".join(lines[:3]))
    check("page 1: number, place and date, title, subject, Kính gửi",
          re.search(r"Số:\s+/BC-SGDĐT\s+Kiên Giang, ngày 28 tháng 10 năm 2021", first) and
          "BÁO CÁO" in first and "Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2021"
          in first and re.search(r"Kính gửi:\s*- Bộ Giáo dục và Đào tạo;", first),
          first[:800])
    signature = next((t for t in texts if "Nơi nhận:" in t), "")
    check("the signature block is level with Nơi nhận, the name under it, the list ending with "
          "Lưu", re.search(r"Nơi nhận:\s+KT\. GIÁM ĐỐC", signature) and
          "Nguyễn Văn Minh" in signature and "- Lưu: VT, GDTrH-GDTX." in signature,
          signature[-700:])


def check_same_text(texts, workbook):
    """The three renderings of one document: every text of the workbook's Báo cáo sheet is in
    the printed report, word for word."""
    ws = openpyxl.load_workbook(workbook)["Báo cáo"]
    body = squeeze("".join(re.sub(r"^\s*\d+\s*\n", "", t, count=1) for t in texts))
    missing = [c.value for row in ws.iter_rows() for c in row
               if isinstance(c.value, str) and not c.value.startswith("……")
               and squeeze(c.value) not in body]
    check("every text of the workbook's Báo cáo sheet is in the printed report", not missing,
          "\n".join(missing[:10]))
    joined = " ".join(" ".join(t.split()) for t in texts)
    for name, want in (("the office's limitations", "Một số huyện chưa tổ chức lễ phát động."),
                       ("an outstanding example", "Bà Trần Thị Mai (Trường THCS Vĩnh Lạc): mở "
                                                  "12 lớp tin học miễn phí cho người dân;"),
                       ("last year beside this year", "tăng 25% so với năm 2020 (1.000.000 "
                                                      "người)")):
        check(f"the report has {name}", want in joined)


def annex_parts(pdf, n):
    """Each annex part's first page, by its label."""
    parts = {}
    for page in range(1, n + 1):
        found = words(pdf, page)
        if len(found) > 2 and found[0][4] == "Phụ" and found[1][4] == "lục":
            parts[found[2][4]] = page
    return parts


def check_pages(pdf, n, texts):
    parts = annex_parts(pdf, n)
    check("the annexes: I, II in parts, III and IV, in order",
          list(parts)[:2] == ["I", "II.1"] and "II.2" in parts and list(parts)[-2:] ==
          ["III", "IV"], parts)
    first_annex = min(parts.values()) if parts else n + 1
    sizes = [page_size(pdf, p) for p in range(1, n + 1)]
    check("the body is upright A4, the annexes turned",
          all(abs(w - 595.3) < 1 and abs(h - 841.9) < 1 for w, h in sizes[:first_annex - 1])
          and all(abs(w - 841.9) < 1 and abs(h - 595.3) < 1 for w, h in
                  sizes[first_annex - 1:]), sizes[:first_annex + 1])

    starts = sorted([1, *parts.values()])
    wrong = []
    for page in range(1, n + 1):
        top = [w for x0, y0, x1, y1, w in words(pdf, page) if y1 < 20 * MM and w.isdigit()]
        start = max(s for s in starts if s <= page)
        want = [] if page == start else [str(page - start + 1)]
        x_ok = all(abs((x0 + x1) / 2 - sizes[page - 1][0] / 2) < 2
                   for x0, y0, x1, y1, w in words(pdf, page) if y1 < 20 * MM and w.isdigit())
        if top != want or not x_ok:
            wrong.append(f"page {page}: {top}, expected {want}")
    check("each part numbered from 1, top centre, from its second page only", not wrong,
          "\n".join(wrong))

    small, factor = [], None
    for page in range(first_annex, n + 1):
        found = words(pdf, page)
        if page in parts.values():
            factor = (found[0][3] - found[0][1]) / 14
        for x0, y0, x1, y1, w in found:
            if (y1 - y0) / factor < 10.95:
                small.append(f"page {page}: {w!r} {(y1 - y0) / factor:.1f} pt")
    check(f"no annex text is smaller than 11 pt ({n - first_annex + 1} pages)", not small,
          "\n".join(small[:10]))

    detail = [texts[p - 1] for p in range(parts.get("II.1", 1), parts.get("III", 1))]
    check("every part of Phụ lục II repeats TT and Đơn vị: each unit once a part",
          sum(t.count("UBND huyện Kiên Lương") for t in detail) ==
          len([k for k in parts if k.startswith("II.")]) and
          all(re.search(r"^\s*TT\s+Đơn vị", t, re.M) for t in detail))
    summary = " ".join(texts[parts["I"] - 1].split())
    check("Phụ lục I has last year beside this year: Năm trước and Tăng, giảm",
          "Năm trước" in summary and "Tăng," in summary and "giảm" in summary and
          re.search(r"1\.250\.000 2 1\.000\.000 250\.000", summary), summary[:600])


def check_failures(tmp, db):
    target = os.path.join(tmp, "Báo cáo cũ.pdf")
    with open(target, "wb") as f:
        f.write(b"the previous report")
    p = run("--database", db, "--campaign", "2030", "--print-report", target)
    check("unknown campaign: exit 1, one line naming the year, old file untouched",
          p.returncode == 1 and len(p.stderr.strip().splitlines()) == 1 and "2030" in p.stderr
          and open(target, "rb").read() == b"the previous report", p.stderr)
    folder = os.path.join(tmp, "a folder.pdf")
    os.mkdir(folder)
    p = run("--database", db, "--print-report", folder)
    check("a target that is a folder: exit 1 naming it, the folder kept",
          p.returncode == 1 and folder in p.stderr and os.path.isdir(folder), p.stderr)


def printed_pages(tmp, db, name, change, n):
    """For k = 0 … @n − 1: k and the text of each page of the report printed from a copy of
    @db that @change (connection, k) changed."""
    copy, pdf = os.path.join(tmp, f"{name}.db"), os.path.join(tmp, f"{name}.pdf")
    for k in range(n):
        shutil.copy(db, copy)
        with sqlite3.connect(copy) as c:
            change(c, k)
        c.close()
        run("--database", copy, "--print-report", pdf)
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        yield k, text.split("\f")


def body_lines(text):
    """The lines of @text that hold something other than a page number."""
    return [l.strip() for l in text.splitlines()
            if l.strip() and not re.fullmatch(r"\s*\d+\s*", l)]


def check_signature_page(tmp, db):
    """However long the office's proposals, the page of the signature also holds the body's
    last lines: one proposal more each time walks the end of the body over a whole page."""
    def propose(c, k):
        c.execute("UPDATE campaign SET report_proposals = ? WHERE year = 2021",
                  ("\n".join(f"Đề nghị thứ {i + 1}: tăng cường phối hợp giữa các đơn vị "
                             "trong tổ chức Tuần lễ." for i in range(k)),))

    alone = []
    for k, pages in printed_pages(tmp, db, "đề xuất", propose, 45):
        page = next((p for p in pages if "Nơi nhận:" in p), "")
        if len(body_lines(page.split("Nơi nhận:")[0])) < 2:
            alone.append(k)
    check("the signature never stands alone on its page, whatever the length of the text",
          not alone, f"alone with {alone} proposals")


def is_heading(line):
    """"II. KẾT QUẢ", "1. Chỉ đạo, tổ chức": a numbered line in capitals, or short and without
    the punctuation that ends the body's items."""
    return bool(re.match(r"[IVX]+\. \S", line) and line == line.upper() or
                re.fullmatch(r"\d+\. [^;.:]{1,70}", line))


def check_headings_keep_with_text(tmp, db):
    """No heading stands at the foot of a page: one example more each time walks the headings
    after them (III, its 1. and 2., IV) over a page's end."""
    def add_examples(c, k):
        c.executemany("INSERT INTO report_example (campaign_id, position, person, unit_name, "
                      "achievement) SELECT id, ?, ?, 'Trường THCS Vĩnh Lạc', "
                      "'duy trì tủ sách cộng đồng' FROM campaign WHERE year = 2021",
                      [(100 + i, f"Ông Nguyễn Văn {i + 1}") for i in range(k)])

    stranded = []
    for k, pages in printed_pages(tmp, db, "tấm gương", add_examples, 40):
        for number, page in enumerate(pages, 1):
            lines = body_lines(page)
            if lines and is_heading(lines[-1]):
                stranded.append(f"{k} examples: page {number} ends with “{lines[-1]}”")
            if "Nơi nhận:" in page:
                break
    check("no heading stands alone at the foot of a page, with the text under it on the next",
          not stranded, "\n".join(stranded[:10]))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "llweek.db")
        subprocess.run([MAKE_DATA, db], check=True)
        pdf = os.path.join(tmp, "Báo cáo.pdf")
        p = run("--database", db, "--print-report", pdf)
        check("--print-report: exit 0, nothing on stderr", p.returncode == 0 and not p.stderr,
              p.stderr)
        workbook = os.path.join(tmp, "report.xlsx")
        run("--database", db, "--export-report", workbook)
        if p.returncode == 0:
            n = n_pages(pdf)
            texts = [page_text(pdf, i) for i in range(1, n + 1)]
            check_frame(pdf, texts)
            check_same_text(texts, workbook)
            check_pages(pdf, n, texts)
            fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
            names = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if line}
            check("every font printed is Times New Roman or Liberation Serif",
                  names and all(re.match(r"(TimesNewRoman|LiberationSerif)", n) for n in names),
                  names)
        check_signature_page(tmp, db)
        check_headings_keep_with_text(tmp, db)
        check_failures(tmp, db)

    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok:
            for line in detail.splitlines()[:30]:
                print(f"# {line}")


main()
