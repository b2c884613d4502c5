#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line as a script or a user meets it, without a display: exit codes, one-line
messages on stderr that name the file, and files left as they were."""

import os
import sqlite3
import subprocess
import sys
import tempfile

LLWEEK = sys.argv[1]
results = []


def run(*args, env_extra=None):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.update(env_extra or {})
    return subprocess.run([LLWEEK, *args], capture_output=True, text=True, env=env, timeout=60)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def dump(path):
    with sqlite3.connect(path) as connection:
        return "\n".join(connection.iterdump())


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


# A day of the 2021 campaign, before its Ministry deadline, and one after.
OPEN = {"LLWEEK_TODAY": "2021-10-25"}
CLOSED = {"LLWEEK_TODAY": "2021-11-15"}


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "llweek.db")

    p = run("--version")
    check("version", p.returncode == 0 and p.stdout.startswith("llweek "), p.stdout + p.stderr)

    p = run("--help")
    check("help lists the options", p.returncode == 0 and all(
        o in p.stdout for o in ("--database", "--campaign", "--export-report",
                                "--print-checklist", "--import-reports", "--version")),
          p.stdout)

    p = run("--no-such-option")
    check("unknown option is bad usage", p.returncode == 2 and p.stderr.strip(), p.stderr)

    p = run("--campaign", "twenty")
    check("non-numeric campaign is bad usage", p.returncode == 2, p.stderr)

    p = run("--dry-run")
    check("--dry-run alone is bad usage", p.returncode == 2, p.stderr)

    # Two tasks at once, or an option given twice, is bad usage said in one line, and
    # nothing is done: no database is made.
    usage_db = os.path.join(tmp, "usage.db")
    for args, what in (
            (["--export-report", "a.xlsx", "--import-reports", "b.csv"], "two tasks"),
            (["--print-checklist", "a.pdf", "--export-report", "b.xlsx"], "two tasks"),
            (["--export-report", "a.xlsx", "--export-report", "b.xlsx"], "a task twice"),
            (["--database", "b.db", "--export-report", "a.xlsx"], "--database twice"),
            (["-d", "b.db", "--print-checklist", "a.pdf"], "-d after --database"),
            (["--campaign", "2021", "-c", "2022", "--export-report", "a.xlsx"],
             "--campaign twice"),
            (["--export-report", "a.xlsx", "--version"], "a task and --version"),
            (["--make-forms", tmp, "--import-forms", "a.xlsx"], "making and importing forms"),
            (["--import-forms", "a.xlsx", "b.xlsx", "--export-report", "c.xlsx"],
             "importing forms and exporting"),
            (["--import-forms", "a.xlsx", "--import-forms", "b.xlsx"], "--import-forms twice"),
            (["--make-forms", tmp, "--make-forms", tmp], "--make-forms twice"),
            (["--make-forms", tmp, "--unit", "Sở Y tế", "--unit", "Tỉnh đoàn"], "--unit twice"),
            (["--make-forms", tmp, "--dry-run"], "--dry-run with --make-forms"),
            (["--unit", "Sở Y tế", "--export-report", "a.xlsx"], "--unit without --make-forms"),
            (["--import-forms", "a.xlsx", "--unit", "Sở Y tế"], "--unit with --import-forms")):
        p = run("--database", usage_db, *args)
        check(f"{what}: bad usage, exit 2, one line",
              p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1
              and not os.path.exists(usage_db), p.stderr)

    p = run("--database", os.path.join(tmp, "không có", "llweek.db"), "--export-report",
            os.path.join(tmp, "a.xlsx"))
    check("a --database in a folder that does not exist: refused in one line naming it",
          p.returncode == 1 and "không có" in p.stderr
          and len(p.stderr.strip().splitlines()) == 1
          and not os.path.exists(os.path.join(tmp, "không có")), p.stderr)

    out = os.path.join(tmp, "report.xlsx")
    p = run("--database", db, "--export-report", out)
    check("--export-report without a display: exit 0, a workbook written, and one line saying "
          "the database was created",
          p.returncode == 0 and os.path.getsize(out) > 0 and len(p.stderr.splitlines()) == 1
          and db in p.stderr and "new database" in p.stderr, p.stderr)
    check("a command creates the default campaign in a new database", os.path.exists(db))

    p = run("--database", db, "--export-report", out)
    check("--export-report on an existing database: exit 0, silent",
          p.returncode == 0 and not p.stderr, p.stderr)

    p = run("--database", db, "--campaign", "2030", "--export-report", out)
    check("unknown campaign: exit 1 naming the year", p.returncode == 1 and "2030" in p.stderr,
          p.stderr)

    text = os.path.join(tmp, "notes.db")
    with open(text, "w", encoding="utf-8") as f:
        f.write("Đây không phải cơ sở dữ liệu\n")
    before = open(text, "rb").read()
    listing = sorted(os.listdir(tmp))
    p = run("--database", text, "--print-checklist", os.path.join(tmp, "x.pdf"))
    check("a text file is refused in one line naming it, and left unchanged",
          p.returncode == 1 and text in p.stderr and len(p.stderr.strip().splitlines()) == 1
          and open(text, "rb").read() == before and sorted(os.listdir(tmp)) == listing,
          p.stderr + str(os.listdir(tmp)))

    p = run("--database", db, "--import-reports", os.path.join(tmp, "in.csv"), "--dry-run",
            env_extra={"LANGUAGE": "vi", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    check("messages are Vietnamese in a Vietnamese locale",
          p.returncode == 1 and "không tồn tại" in p.stderr and "in.csv" in p.stderr, p.stderr)

    p = run("--database", db, "--export-report", "a.xlsx", "--export-report", "b.xlsx",
            env_extra={"LANGUAGE": "vi", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    check("bad usage is said in Vietnamese in a Vietnamese locale",
          p.returncode == 2 and "được đưa ra hai lần" in p.stderr and "--help" in p.stderr,
          p.stderr)

    # The dry run lists, unit by unit, each figure that changes with its old and new value,
    # and writes nothing; a closed campaign refuses the import.
    plan_db = os.path.join(tmp, "plan.db")
    first = write(os.path.join(tmp, "first.csv"),
                  "unit,received_date,A1\nRGI,20/10/2021,3\nKLU,21/10/2021,4\n")
    p = run("--database", plan_db, "--import-reports", first, env_extra=OPEN)
    check("an import into the open 2021 campaign is applied", p.returncode == 0, p.stderr)
    three = write(os.path.join(tmp, "three.csv"), "unit,received_date,A1\n"
                  "RGI,20/10/2021,999\nKLU,22/10/2021,7\nHTI,23/10/2021,5\n")
    before = dump(plan_db)
    p = run("--database", plan_db, "--import-reports", three, "--dry-run", env_extra=OPEN)
    lines = p.stdout.splitlines()
    check("--dry-run lists the three units with old and new values",
          p.returncode == 0 and
          "UBND thành phố Rạch Giá: changes to the report received on 20/10/2021" in lines and
          "  A1 Số văn bản chỉ đạo, kế hoạch đã ban hành: 3 → 999" in lines and
          "UBND huyện Kiên Lương: changes to the report received on 21/10/2021" in lines and
          "  Received on: 21/10/2021 → 22/10/2021" in lines and
          "  A1 Số văn bản chỉ đạo, kế hoạch đã ban hành: 4 → 7" in lines and
          "UBND thành phố Hà Tiên: new report" in lines and
          "  A1 Số văn bản chỉ đạo, kế hoạch đã ban hành: — → 5" in lines and
          lines[-1].endswith("Would create 1 reports, update 2 and change 3 figures. "
                             "Nothing was written."), p.stdout + p.stderr)
    check("--dry-run writes nothing", dump(plan_db) == before)
    p = run("--database", plan_db, "--import-reports", three, "--dry-run",
            env_extra=dict(OPEN, LANGUAGE="vi", LANG="C.UTF-8", LC_ALL="C.UTF-8"))
    check("the dry run speaks Vietnamese in a Vietnamese locale",
          p.returncode == 0 and "UBND thành phố Hà Tiên: báo cáo mới" in p.stdout.splitlines()
          and "  Ngày nhận: 21/10/2021 → 22/10/2021" in p.stdout.splitlines(), p.stdout)
    p = run("--database", plan_db, "--import-reports", three, env_extra=CLOSED)
    check("a closed campaign refuses the import in one line, and nothing changes",
          p.returncode == 1 and "closed" in p.stderr and len(p.stderr.splitlines()) == 1 and
          dump(plan_db) == before, p.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        for line in detail.splitlines():
            print(f"# {line}")
