#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The printed checklists, read back from the PDF that `llweek --print-checklist` writes:
every expected unit and no other, Vietnamese names intact whether they were typed composed
or decomposed, the right number of pages, "Trang x/y" and the table header on every page,
no row cut by a page break, nothing in the margins, and a failed write that leaves the old
file alone. The databases are made by llweek and then filled with raw SQL."""

import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import unicodedata

LLWEEK = sys.argv[1]
MM = 72 / 25.4
TODAY = "2021-10-25"            # after the campaign's deadline, 21/10/2021
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(*args):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["LLWEEK_TODAY"] = TODAY
    return subprocess.run([LLWEEK, *args], capture_output=True, text=True, env=env, timeout=120)


def nfd(text):
    return unicodedata.normalize("NFD", text)


def unit_name(i, long=False):
    if long:
        return (f"Trung tâm học tập cộng đồng xã Vĩnh Hòa Hưng Nam, huyện Gò Quao, tỉnh "
                f"Kiên Giang: đơn vị {i:04d} Hòn Đất")
    return f"Đơn vị {i:04d} Hòn Đất"


class Fixture:
    """A fresh database made by llweek, its 2021 units replaced by N test units. Odd units
    are stored decomposed (NFD). Names fit on one line, unless `long_names`: then each
    wraps over several."""

    def __init__(self, folder, n, long_names=False, provincial_from=None):
        self.db = os.path.join(folder, f"units-{n}{'-long' if long_names else ''}.db")
        p = run("--database", self.db, "--print-checklist", self.db + ".pdf")
        if p.returncode != 0:
            raise RuntimeError(p.stderr)
        self.names = {}
        con = sqlite3.connect(self.db)
        con.executescript("DELETE FROM report; DELETE FROM reminder; DELETE FROM activity; "
                          "DELETE FROM assignment; DELETE FROM unit;")
        for i in range(1, n + 1):
            name = unit_name(i, long_names)
            stored = nfd(name) if i % 2 else name
            group = "provincial" if provincial_from and i >= provincial_from else "district"
            cur = con.execute(
                "INSERT INTO unit (name, name_key, unit_group, contact_person, phone, email, "
                "position) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (stored, f"key {i}", group, nfd("Nguyễn Thị Hồng") if i % 2 else "Lê Văn Tám",
                 f"0297.38{i:05d}", f"donvi{i}@kiengiang.edu.vn", i))
            self.names[i] = (name, cur.lastrowid)
            con.execute("INSERT INTO assignment (campaign_id, unit_id, role) "
                        "VALUES (1, ?, 'implement')", (cur.lastrowid,))
        con.commit()
        con.close()

    def sql(self, statement, *args):
        con = sqlite3.connect(self.db)
        con.execute(statement, args)
        con.commit()
        con.close()

    def print(self, out, *flags):
        return run("--database", self.db, "--print-checklist", out, *flags)


def pdf_pages(pdf):
    """Each page's text in drawing order, white space collapsed."""
    text = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True,
                          text=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [" ".join(page.split()) for page in pages]


def pdf_info(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    w, h = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", out, re.M).groups())
    return pages, w, h


def pdf_words(pdf):
    """Per page: (height, [(text, x_min, y_min, x_max, y_max)])."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True,
                         text=True).stdout
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(w[4], float(w[0]), float(w[1]), float(w[2]), float(w[3]))
                 for w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                                     r'xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                                     m.group(3))]
        pages.append((float(m.group(2)), words))
    return pages


def row_numbers(words):
    """The TT column: whole numbers centred under the header word "TT"."""
    header = [w for w in words if w[0] == "TT"]
    if not header:
        return []
    centre = (header[0][1] + header[0][3]) / 2
    return [w for w in words if w[0].isdigit() and abs((w[1] + w[3]) / 2 - centre) < 6]


def ids_in(text):
    return [int(i) for i in re.findall(r"[Đđ]ơn vị (\d{4}) Hòn Đất", text)]


def check_pages(label, pdf, headers):
    """Trang x/y and the header on every page; nothing in the top or bottom margin but the
    page number; the text is NFC."""
    pages = pdf_pages(pdf)
    n = len(pages)
    check(f"{label}: pdfinfo and pdftotext agree on the page count", n == pdf_info(pdf)[0],
          f"{n} pages of text")
    bad = [i + 1 for i, page in enumerate(pages)
           if page.count(f"Trang {i + 1}/{n}") != 1 or page.count("Trang ") != 1]
    check(f"{label}: every page carries its own Trang x/{n}", not bad, f"pages {bad}")
    header = " ".join(headers)
    bad = [i + 1 for i, page in enumerate(pages) if page.count(header) != 1]
    check(f"{label}: the table header is on every page", not bad, f"pages {bad}: {header}")
    check(f"{label}: the text is composed (NFC)",
          all(unicodedata.is_normalized("NFC", page) for page in pages))

    outside = []
    for number, (height, words) in enumerate(pdf_words(pdf), 1):
        for w in words:
            in_top = w[2] < 20 * MM - 1 and not (w[0] == "Trang" or "/" in w[0])
            if in_top or w[4] > height - 15 * MM + 0.5:
                outside.append((number, w[0]))
    check(f"{label}: no text in the bottom margin, only the page number in the top one",
          not outside, str(outside[:5]))
    return pages


def check_units(label, pages, expected, fixture):
    """Each expected unit once, its name whole on one page; no other unit."""
    found = [i for page in pages for i in ids_in(page)]
    check(f"{label}: every expected unit and no other", sorted(found) == sorted(expected),
          f"missing {sorted(set(expected) - set(found))[:10]}, "
          f"extra {sorted(set(found) - set(expected))[:10]}, {len(found)} found")
    cut = [i for i in expected
           if sum(page.count(fixture.names[i][0]) for page in pages) != 1]
    check(f"{label}: each name is whole, on one page, composed or decomposed in the database",
          not cut, f"{len(cut)} names not found whole once, e.g. {cut[:5]}")


def check_full_pages(label, pdf):
    """Uniform rows: a page ends only when the next row would not fit above the bottom
    margin, so the page count is the smallest possible."""
    pages = pdf_words(pdf)
    early = []
    for number, (height, words) in enumerate(pages[:-1], 1):
        rows = sorted((w[2] + w[4]) / 2 for w in row_numbers(words))
        if len(rows) < 2:
            early.append((number, "fewer than two numbered rows"))
            continue
        pitch = statistics.median(b - a for a, b in zip(rows, rows[1:]))
        room = height - 20 * MM - (rows[-1] + pitch / 2)
        if not -0.5 <= room < pitch:
            early.append((number, round(room, 1), round(pitch, 1)))
    check(f"{label}: each page but the last is full, the last row inside the margin",
          not early, str(early[:5]))


HEADERS_ASSIGNED = ["TT", "Đơn vị", "Hạn báo cáo", "Đã nhận", "Ngày nhận", "Ghi chú"]
HEADERS_MISSING = ["TT", "Đơn vị", "Người liên hệ", "Điện thoại", "Thư điện tử",
                   "Nhắc lần cuối", "Đã nhắc", "Ghi chú"]

with tempfile.TemporaryDirectory() as tmp:
    # 15 units: one page, portrait A4, with the heading of page 1.
    f15 = Fixture(tmp, 15)
    out = os.path.join(tmp, "15.pdf")
    p = f15.print(out)
    check("15 units: exit 0, nothing on stderr", p.returncode == 0 and not p.stderr, p.stderr)
    n, w, h = pdf_info(out)
    check("15 units: one page of portrait A4", n == 1 and round(w) == 595 and round(h) == 842,
          f"{n} pages {w}x{h}")
    pages = check_pages("15 units", out, HEADERS_ASSIGNED)
    check_units("15 units", pages, range(1, 16), f15)
    check("15 units: the heading names the province, the office, the campaign and the day",
          all(s in pages[0] for s in ("UBND TỈNH KIÊN GIANG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
                                      "Tuần lễ hưởng ứng học tập suốt đời năm 2021",
                                      "In ngày 25/10/2021")), pages[0][:300])
    fonts = subprocess.run(["pdffonts", out], capture_output=True, text=True).stdout
    names = [line.split()[0] for line in fonts.splitlines()[2:]]
    check("15 units: only Times New Roman or Liberation Serif, embedded",
          names and all(re.search(r"\+(LiberationSerif|TimesNewRoman)", f) for f in names)
          and all(" yes " in line for line in fonts.splitlines()[2:]), fonts)

    # 40 units in two groups, some reports in: 45 rows, two pages.
    f40 = Fixture(tmp, 40, provincial_from=25)
    for i in (2, 3, 30):
        f40.sql("INSERT INTO report (campaign_id, unit_id, received_date) VALUES (1, ?, ?)",
                f40.names[i][1], "2021-10-20" if i != 30 else "2021-10-23")
    f40.sql("UPDATE assignment SET report_required = 0 WHERE unit_id = ?", f40.names[4][1])
    f40.sql("UPDATE assignment SET deadline = '2021-11-30' WHERE unit_id = ?", f40.names[5][1])
    f40.sql("INSERT INTO reminder (campaign_id, unit_id, reminded_on) VALUES (1, ?, ?)",
            f40.names[7][1], "2021-10-22")
    out = os.path.join(tmp, "40.pdf")
    p = f40.print(out)
    check("40 units: exit 0", p.returncode == 0, p.stderr)
    check("40 units: two pages", pdf_info(out)[0] == 2, str(pdf_info(out)))
    pages = check_pages("40 units", out, HEADERS_ASSIGNED)
    check_units("40 units", pages, range(1, 41), f40)
    text = " ".join(pages)
    check("40 units: grouped by level, with subtotals and the total",
          "I Cấp huyện" in text and "II Cấp tỉnh" in text
          and "Cộng cấp huyện: 24 đơn vị; đã nhận báo cáo: 2 (trễ hạn: 0); chưa nhận: 21; "
              "không phải báo cáo: 1." in text
          and "Cộng cấp tỉnh: 16 đơn vị; đã nhận báo cáo: 1 (trễ hạn: 1); chưa nhận: 15." in text
          and "Tổng cộng: 40 đơn vị; đã nhận báo cáo: 3 (trễ hạn: 1); chưa nhận: 36; "
              "không phải báo cáo: 1." in text
          and text.index("I Cấp huyện") < text.index("Cộng cấp huyện")
          < text.index("II Cấp tỉnh") < text.index("Tổng cộng"), text[-600:])
    check("40 units: received dates, lateness and missing reports in their rows",
          "20/10/2021" in text and "23/10/2021 Trễ 2 ngày" in text
          and text.count("Chưa báo cáo") == 36 - 1, text[:800])

    out = os.path.join(tmp, "40-missing.pdf")
    p = f40.print(out, "--missing-only")
    n, w, h = pdf_info(out)
    check("missing units: exit 0, landscape A4", p.returncode == 0 and w > h, p.stderr)
    pages = check_pages("missing units", out, HEADERS_MISSING)
    expected = [i for i in range(1, 41) if i not in (2, 3, 30, 4, 5)]
    check_units("missing units", pages, expected, f40)
    text = " ".join(pages)
    check("missing units: contacts, phone, e-mail and the last reminder",
          "Nguyễn Thị Hồng" in text and "0297.3800007" in text
          and "donvi7@kiengiang.edu.vn" in text.replace(" ", "") and "22/10/2021" in text
          and "Tổng cộng: 35 đơn vị chưa gửi báo cáo." in text, text[:600])

    # 2,000 units of one line each: pages full to the bottom margin.
    f2000 = Fixture(tmp, 2000)
    out = os.path.join(tmp, "2000.pdf")
    p = f2000.print(out)
    check("2,000 units: exit 0", p.returncode == 0, p.stderr)
    pages = check_pages("2,000 units", out, HEADERS_ASSIGNED)
    check_units("2,000 units", pages, range(1, 2001), f2000)
    check_full_pages("2,000 units", out)
    rows = [len(row_numbers(words)) for _, words in pdf_words(out)] + [0, 0]
    full = rows[1]
    rows = rows[:-2]
    expected_pages = 1 + -(-(2000 - rows[0]) // max(full, 1))
    check("2,000 units: as many pages as full pages need", len(rows) == expected_pages
          and all(r == full for r in rows[1:-1]) and 30 <= full <= 45,
          f"{len(rows)} pages, rows per page {rows[:3]}…{rows[-2:]}")

    # Names too long for their cell wrap inside it; no row is cut by a page break.
    flong = Fixture(tmp, 30, long_names=True)
    out = os.path.join(tmp, "long.pdf")
    p = flong.print(out)
    pages = check_pages("long names", out, HEADERS_ASSIGNED)
    check("long names: exit 0, several pages", p.returncode == 0 and len(pages) >= 2, p.stderr)
    check_units("long names", pages, range(1, 31), flong)
    lines = subprocess.run(["pdftotext", "-raw", out, "-"], capture_output=True,
                           text=True).stdout.splitlines()
    check("long names: each name wraps inside its cell, over several lines",
          all(not any(unit_name(i, True) in line for line in lines) for i in range(1, 31))
          and sum(line.startswith("Trung tâm học tập cộng") for line in lines) == 30,
          "\n".join(lines[10:30]))

    # The assigned list leaves the tasks out (the directive's paragraphs, once cut with "…")
    # for a wider unit column; a row taller than a page goes on over the next pages under
    # "(tiếp theo)", every word of it printed once.
    giant = " ".join(f"phần{k}" for k in range(1, 1501))
    flong.sql("UPDATE unit SET name = ? WHERE id = ?", giant, flong.names[3][1])
    out = os.path.join(tmp, "giant.pdf")
    p = flong.print(out)
    pages = pdf_pages(out)
    words = " ".join(" ".join(pages).split())
    check("assigned list: no task column, nothing cut with “…”",
          p.returncode == 0 and "Nhiệm vụ" not in words and "…" not in words, p.stderr)
    continued = [i for i, page in enumerate(pages) if "(tiếp theo)" in page]
    found = [w for w in words.split() if w.startswith("phần")]
    check("a row taller than a page goes on under “(tiếp theo)”, each word once",
          len(continued) >= 1 and "phần1" in pages[continued[0] - 1] and
          "phần1500" in pages[continued[-1]] and
          found == [f"phần{k}" for k in range(1, 1501)], (continued, len(found)))

    # Recipients: the letter's addressees, composed and decomposed, ticked when sent.
    f40.sql("DELETE FROM recipient")
    recipients = ["Bộ Giáo dục và Đào tạo (để báo cáo)", "Ủy ban nhân dân tỉnh Kiên Giang",
                  "Sở Lao động - Thương binh và Xã hội", "Hội Khuyến học tỉnh Kiên Giang"]
    for i, name in enumerate(recipients):
        f40.sql("INSERT INTO recipient (campaign_id, position, kind, name, sent_date) "
                "VALUES (1, ?, ?, ?, ?)", i, "to" if i < 2 else "cc",
                nfd(name) if i % 2 else name, "2021-09-29" if i == 0 else None)
    out = os.path.join(tmp, "recipients.pdf")
    p = f40.print(out, "--recipients")
    pages = check_pages("recipients", out, ["TT", "Nơi nhận", "Đã gửi", "Ngày gửi", "Ghi chú"])
    text = " ".join(pages)
    text = text[text.index("Ngày gửi"):]
    check("recipients: every addressee once, in order, under Kính gửi and Nơi nhận",
          p.returncode == 0 and all(text.count(r) == 1 for r in recipients)
          and text.index("Kính gửi") < text.index(recipients[0]) < text.index(recipients[1])
          < text.index("II Nơi nhận") < text.index(recipients[2])
          and "29/09/2021" in text and "Tổng cộng: 4 nơi nhận; đã gửi: 1." in text
          and not ids_in(text), text[-500:])

    # Failures: one line naming the file, and nothing replaced or left behind.
    folder = os.path.join(tmp, "out")
    os.mkdir(folder)
    target = os.path.join(folder, "danh sách.pdf")
    with open(target, "wb") as f:
        f.write(b"old")
    p = f15.print(target, "--campaign", "2030")
    check("unknown campaign: exit 1, one line, the old file untouched",
          p.returncode == 1 and len(p.stderr.strip().splitlines()) == 1 and "2030" in p.stderr
          and open(target, "rb").read() == b"old", p.stderr)
    p = f15.print(target)
    check("an existing PDF is replaced", p.returncode == 0
          and open(target, "rb").read(5) == b"%PDF-" and os.listdir(folder) == ["danh sách.pdf"],
          p.stderr + str(os.listdir(folder)))
    directory = os.path.join(folder, "a folder.pdf")
    os.mkdir(directory)
    p = f15.print(directory)
    check("a folder as target: exit 1, one line naming it, nothing left behind",
          p.returncode == 1 and len(p.stderr.strip().splitlines()) == 1
          and directory in p.stderr and os.path.isdir(directory)
          and sorted(os.listdir(folder)) == ["a folder.pdf", "danh sách.pdf"],
          p.stderr + str(os.listdir(folder)))
    missing = os.path.join(tmp, "no such folder", "x.pdf")
    p = f15.print(missing)
    check("a missing folder: exit 1, one line naming the file",
          p.returncode == 1 and len(p.stderr.strip().splitlines()) == 1 and missing in p.stderr,
          p.stderr)
    p = f15.print(os.path.join(tmp, "both.pdf"), "--missing-only", "--recipients")
    check("--missing-only with --recipients is bad usage", p.returncode == 2, p.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        for line in detail.splitlines():
            print(f"# {line}")
