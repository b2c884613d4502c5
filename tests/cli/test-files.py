#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Files from e-mail and clumsy paths, through the command line: outputs that never hurt an
input, inputs that are ordinary files, database files that are data and never code, recovery
that can be undone, text a sheet cannot hold, and one writer whatever the path. Every refusal
is checked against a picture taken before: the database's full dump, and every file's
permission bits and SHA-256 (SQLite's -shm index aside, which any reader rewrites)."""

import contextlib
import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
import zipfile

LLWEEK = sys.argv[1]
results = []
ENV = {"LLWEEK_TODAY": "2021-10-25", "LANGUAGE": "C", "LC_ALL": "C.UTF-8"}


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(*args, preexec=None, timeout=120):
    """Runs llweek without a display; a run that hangs is reported, not waited for."""
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.update(ENV)
    try:
        return subprocess.run([LLWEEK, *args], capture_output=True, text=True, env=env,
                              timeout=timeout, preexec_fn=preexec)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, -1, "", f"hung for {timeout} s")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def dump(db):
    """Every row of @db, read from a copy so that nothing is made beside it."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = os.path.join(scratch, "copy.db")
        shutil.copy(db, copy)
        if os.path.exists(db + "-wal"):
            shutil.copy(db + "-wal", copy + "-wal")
        con = sqlite3.connect(copy)
        lines = list(con.iterdump())
        con.close()
    return "\n".join(lines)


def snapshot(folder, db=None):
    lines = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(dirs + files):
            path = os.path.join(root, name)
            st = os.lstat(path)
            line = f"{os.path.relpath(path, folder)} {stat.S_IMODE(st.st_mode):o}"
            if stat.S_ISLNK(st.st_mode):
                line += " -> " + os.readlink(path)
            elif stat.S_ISDIR(st.st_mode):
                line += " folder"
            elif not stat.S_ISREG(st.st_mode):
                line += " special"
            elif not name.endswith("-shm"):
                line += " " + sha256(path)
            lines.append(line)
    if db is not None:
        lines.append(dump(db))
    return "\n".join(lines)


def one_line(p):
    return len(p.stderr.strip().splitlines()) == 1


def one_line_of_ours(p):
    """libxlsxwriter prints its own diagnostics on stderr before it fails, which llweek cannot
    silence without taking over the process's stderr: llweek's own message is one line."""
    ours = [line for line in p.stderr.strip().splitlines()
            if not line.startswith(("[ERROR]", "[WARNING]"))]
    return len(ours) == 1


def new_database(folder, name="llweek.db", units=0):
    """A new llweek database, with @units more district units that each reported."""
    db = os.path.join(folder, name)
    p = run("--database", db, "--export-report", os.path.join(folder, "first.xlsx"))
    assert p.returncode == 0, p.stderr
    os.remove(os.path.join(folder, "first.xlsx"))
    if units:
        con = sqlite3.connect(db)
        con.executescript(f"""
            WITH RECURSIVE n (value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n
                                         WHERE value < {units})
            INSERT INTO unit (name, name_key, unit_group, position)
              SELECT 'Xã số ' || value, 'xã số ' || value, 'district', 1000 + value FROM n;
            INSERT INTO assignment (campaign_id, unit_id, role)
              SELECT 1, id, 'implement' FROM unit WHERE position > 1000;
            INSERT INTO report (campaign_id, unit_id, received_date)
              SELECT 1, id, '2021-10-20' FROM unit WHERE position > 1000;
            INSERT INTO report_value (report_id, indicator_id, value)
              SELECT r.id, i.id, r.id % 97 FROM report r, indicator i;""")
        con.close()
    return db


def refused(name, folder, db, args, target_shown):
    """Runs llweek with @args, which must be refused in one line naming @target_shown, with
    nothing changed in @folder nor in @db."""
    before = snapshot(folder, db)
    p = run("--database", db, *args)
    after = snapshot(folder, db)
    check(name, p.returncode == 1 and one_line(p) and target_shown in p.stderr and before == after,
          f"exit {p.returncode}: {p.stderr}")


def valid_workbook(path):
    try:
        with zipfile.ZipFile(path) as z:
            return z.testzip() is None and "xl/workbook.xml" in z.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def valid_pdf(path):
    return subprocess.run(["pdfinfo", path], capture_output=True).returncode == 0


OUTPUTS = (("--export-report", "xlsx", valid_workbook), ("--print-checklist", "pdf", valid_pdf))


def test_outputs_never_hurt_inputs(tmp):
    db = new_database(tmp)
    links = {
        "a link to it": ("báo cáo.xlsx", db, "symlink"),
        "a hard link to it": ("danh sách.pdf", db, "link"),
        "a link to its -wal": ("nhật ký.pdf", db + "-wal", "symlink"),
    }
    for what, (name, to, kind) in links.items():
        path = os.path.join(tmp, name)
        os.symlink(to, path) if kind == "symlink" else os.link(to, path)
    targets = [(db, "the database"), (db + "-wal", "its -wal"), (db + "-shm", "its -shm"),
               (db + ".lock", "its lock"), (db + "-journal", "its journal")]
    targets += [(os.path.join(tmp, name), what) for what, (name, _, _) in links.items()]
    for option, kind, _ in OUTPUTS:
        for target, what in targets:
            refused(f"{option} onto {what} is refused, nothing changed", tmp, db,
                    [option, target], target)


def test_outputs_never_replace_special_files(tmp):
    db = new_database(tmp)
    fifo = os.path.join(tmp, "ống.pdf")
    folder = os.path.join(tmp, "thư mục.xlsx")
    device = os.path.join(tmp, "thiết bị.xlsx")
    os.mkfifo(fifo)
    os.mkdir(folder)
    os.symlink("/dev/null", device)
    for option, kind, _ in OUTPUTS:
        for target, what in ((fifo, "a pipe"), (folder, "a folder"), (device, "a device")):
            refused(f"{option} onto {what} is refused at once, nothing changed", tmp, db,
                    [option, target], target)
    check("/dev/null is still a device", stat.S_ISCHR(os.stat("/dev/null").st_mode))


def test_outputs_keep_permissions_and_names(tmp):
    db = new_database(tmp)
    for option, kind, valid in OUTPUTS:
        target = os.path.join(tmp, f"nhóm đọc.{kind}")
        with open(target, "w") as f:
            f.write("old")
        os.chmod(target, 0o640)
        p = run("--database", db, option, target)
        check(f"{option} keeps the permission bits of the file it replaces",
              p.returncode == 0 and stat.S_IMODE(os.stat(target).st_mode) == 0o640
              and valid(target), p.stderr)

        name = ""
        while len((name + "Báo cáo tổng hợp Tuần lễ ").encode()) + 5 <= 250:
            name += "Báo cáo tổng hợp Tuần lễ "
        name += "x" * (250 - len(name.encode()) - len(kind) - 1) + "." + kind
        assert len(name.encode()) == 250
        target = os.path.join(tmp, name)
        p = run("--database", db, option, target)
        check(f"{option} to a 250-byte name: exit 0, a whole file",
              p.returncode == 0 and valid(target), p.stderr)
    leftovers = [n for n in os.listdir(tmp) if n.startswith(".llweek-")]
    check("no temporary file is left behind", not leftovers, str(leftovers))


def limit_file_size(limit):
    def preexec():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return preexec


def test_outputs_on_a_full_disk(tmp):
    """A disk that fills while writing: the system refuses the bytes past a limit, as a
    full disk or a quota does. The old file stays, and nothing is left behind."""
    db = new_database(tmp, units=3000)
    for option, kind, valid in OUTPUTS:
        target = os.path.join(tmp, f"báo cáo.{kind}")
        with open(target, "w") as f:
            f.write("old")
        full = run("--database", db, option, target)
        size = os.path.getsize(target)
        with open(target, "w") as f:
            f.write("old")
        before = snapshot(tmp, db)
        p = run("--database", db, option, target, preexec=limit_file_size(size // 2))
        after = snapshot(tmp, db)
        check(f"{option} on a full disk: exit 1, one line naming the file, the old file and "
              f"the folder unchanged",
              full.returncode == 0 and p.returncode == 1 and one_line_of_ours(p)
              and target in p.stderr and before == after, p.stderr)


@contextlib.contextmanager
def small_disk(tmp, size):
    """A small file system mounted in @tmp, as root where the system lets it; None elsewhere,
    and the test says it skipped."""
    disk = os.path.join(tmp, "đĩa")
    os.mkdir(disk)
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}",
                                            "tmpfs", disk], capture_output=True).returncode:
        check("# SKIP a small file system cannot be mounted here", True)
        yield None
        return
    try:
        yield disk
    finally:
        subprocess.run(["umount", disk])


def fill(disk, free_kb):
    """Fills @disk but for @free_kb kilobytes."""
    st = os.statvfs(disk)
    with open(os.path.join(disk, "đầy"), "wb") as f:
        f.write(b"\0" * max(0, st.f_bavail * st.f_frsize - free_kb * 1024))


def test_outputs_on_a_nearly_full_disk(tmp):
    """A real nearly full disk, where one can be made: never a broken file with exit 0."""
    db = new_database(tmp)
    with small_disk(tmp, "512k") as disk:
        if disk is None:
            return
        failures = 0
        for option, kind, valid in OUTPUTS:
            for free in (96, 48, 24, 12, 4):
                for name in os.listdir(disk):
                    os.remove(os.path.join(disk, name))
                fill(disk, free)
                target = os.path.join(disk, f"báo cáo.{kind}")
                p = run("--database", db, option, target)
                failures += p.returncode == 1
                names = os.listdir(disk)
                check(f"{option} with {free} KB free: a whole file, or exit 1 with none",
                      (p.returncode == 0 and valid(target))
                      or (p.returncode == 1 and one_line_of_ours(p) and names == ["đầy"]),
                      f"exit {p.returncode}: {p.stderr} {names}")
        check("the disk was full enough to refuse some", failures > 0)


def test_kill_leaves_nothing(tmp):
    """A killed export leaves its temporary file, which a later run removes once it is
    older than any export runs; the file it would have replaced is untouched."""
    db = new_database(tmp, units=20000)
    folder = os.path.join(tmp, "xuất")
    os.mkdir(folder)
    target = os.path.join(folder, "báo cáo.xlsx")
    with open(target, "w") as f:
        f.write("old")
    env = dict(os.environ, **ENV)
    env.pop("DISPLAY", None)
    process = subprocess.Popen([LLWEEK, "--database", db, "--export-report", target], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    temporaries = []
    while not temporaries and process.poll() is None and time.monotonic() < deadline:
        temporaries = [n for n in os.listdir(folder) if n.startswith(".llweek-")]
        time.sleep(0.005)
    process.kill()
    process.wait()
    if not temporaries:
        check("# SKIP the export ended before it could be killed", True)
        return
    check("a killed export leaves the old file as it was",
          open(target).read() == "old", open(target, "rb").read()[:40])
    left = [n for n in os.listdir(folder) if n.startswith(".llweek-")]
    check("and its temporary file, under our name", left == temporaries, str(left))
    hour_ago = time.time() - 3600
    for name in left:
        os.utime(os.path.join(folder, name), (hour_ago, hour_ago))
    p = run("--database", db, "--export-report", target)
    left = [n for n in os.listdir(folder) if n.startswith(".llweek-")]
    check("the next export removes the stale temporary file and writes the workbook",
          p.returncode == 0 and not left and valid_workbook(target), p.stderr + str(left))


def test_inputs_are_files(tmp):
    db = new_database(tmp)
    fifo = os.path.join(tmp, "ống.csv")
    device = os.path.join(tmp, "vô tận.csv")
    folder = os.path.join(tmp, "thư mục.csv")
    sparse = os.path.join(tmp, "khổng lồ.csv")
    os.mkfifo(fifo)
    os.symlink("/dev/zero", device)
    os.mkdir(folder)
    with open(sparse, "wb") as f:
        f.truncate(300 * 1024 * 1024)
    for path, what in ((fifo, "a pipe"), (device, "an endless device"), (folder, "a folder"),
                       (sparse, "a 300 MB file")):
        refused(f"--import-reports of {what}: refused at once, nothing changed", tmp, db,
                ["--import-reports", path], path)
    for path, what in ((fifo, "a pipe"), (device, "an endless device"), (folder, "a folder")):
        before = snapshot(tmp, db)
        p = run("--database", path, "--export-report", os.path.join(tmp, "x.xlsx"))
        check(f"--database naming {what}: refused at once, nothing changed",
              p.returncode == 1 and one_line(p) and path in p.stderr
              and before == snapshot(tmp, db), p.stderr)
    os.mkdir(db + "-wal")
    before = snapshot(tmp)
    p = run("--database", db, "--export-report", os.path.join(tmp, "x.xlsx"))
    check("a folder in the place of the database's -wal: refused, naming it",
          p.returncode == 1 and one_line(p) and "-wal" in p.stderr and before == snapshot(tmp),
          p.stderr)


def whole_forms(folder):
    """Whether every file in @folder is a whole form, and none of ours is left half made."""
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if name.startswith(".llweek-"):
            return False
        if os.path.isfile(path) and not os.path.islink(path) and name.endswith(".xlsx"):
            try:
                with zipfile.ZipFile(path) as z:
                    if z.testzip() is not None or "docProps/custom.xml" not in z.namelist():
                        return False
            except zipfile.BadZipFile:
                return False
    return True


def test_forms_outputs(tmp):
    """The forms are outputs like any other: never the database, a pipe or a folder, the
    permission bits kept, nothing left behind, never a broken form on a full disk."""
    db = new_database(tmp)
    forms = os.path.join(tmp, "phiếu")
    os.mkdir(forms)
    form = os.path.join(forms, "Phieu-bao-cao-2021-So-Y-te.xlsx")
    for what, make in (("a link to the database", lambda: os.symlink(db, form)),
                       ("a hard link to the database", lambda: os.link(db, form)),
                       ("a link to its -wal", lambda: os.symlink(db + "-wal", form)),
                       ("a pipe", lambda: os.mkfifo(form)),
                       ("a folder", lambda: os.mkdir(form))):
        make()
        refused(f"--make-forms where a form would replace {what}: refused before any form or "
                f"token, nothing changed", tmp, db, ["--make-forms", forms], form)
        os.rmdir(form) if os.path.isdir(form) and not os.path.islink(form) else os.remove(form)

    with open(form, "w") as f:
        f.write("old")
    os.chmod(form, 0o640)
    stale = os.path.join(forms, ".llweek-AbC123.tmp")
    with open(stale, "w") as f:
        f.write("left by a killed run")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    p = run("--database", db, "--make-forms", forms)
    check("--make-forms keeps the permission bits of a form it replaces, leaves no temporary "
          "file and removes a killed run's",
          p.returncode == 0 and stat.S_IMODE(os.stat(form).st_mode) == 0o640
          and whole_forms(forms) and not os.path.exists(stale) and len(os.listdir(forms)) == 42,
          p.stderr)

    with small_disk(tmp, "512k") as disk:
        if disk is not None:
            p = run("--database", db, "--make-forms", disk)
            check("--make-forms on a disk too small for every form: exit 1 naming a form, "
                  "each form there whole, nothing left behind",
                  p.returncode == 1 and ".xlsx" in p.stderr and whole_forms(disk),
                  f"exit {p.returncode}: {p.stderr} {os.listdir(disk)}")


def test_forms_inputs_are_files(tmp):
    """A returned form is an ordinary file read within a form's size: a pipe, a device, a
    huge file are refused at once, named, and nothing changes."""
    db = new_database(tmp)
    fifo = os.path.join(tmp, "ống.xlsx")
    device = os.path.join(tmp, "vô tận.xlsx")
    sparse = os.path.join(tmp, "khổng lồ.xlsx")
    folder = os.path.join(tmp, "thư mục")
    os.mkfifo(fifo)
    os.symlink("/dev/zero", device)
    with open(sparse, "wb") as f:
        f.truncate(300 * 1024 * 1024)
    os.mkdir(folder)
    os.mkfifo(os.path.join(folder, "Phieu.xlsx"))
    for path, shown, what in ((fifo, fifo, "a pipe"), (device, device, "an endless device"),
                              (sparse, "khổng lồ.xlsx", "a 300 MB file"),
                              (folder, "Phieu.xlsx", "a folder holding a pipe")):
        before = snapshot(tmp, db)
        p = run("--database", db, "--import-forms", path)
        check(f"--import-forms of {what}: refused at once naming it, nothing changed",
              p.returncode == 1 and shown in p.stderr and snapshot(tmp, db) == before,
              f"exit {p.returncode}: {p.stderr}")


def test_foreign_schema(tmp):
    db = new_database(tmp)
    con = sqlite3.connect(db)
    con.execute("CREATE TRIGGER t_wipe AFTER INSERT ON report BEGIN DELETE FROM unit; END")
    con.close()
    csv = os.path.join(tmp, "báo cáo.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("unit,received_date,channel\nRGI,20/10/2021,bưu điện\n")
    forms = os.path.join(tmp, "phiếu")
    os.mkdir(forms)
    for args in (["--import-reports", csv], ["--export-report", os.path.join(tmp, "x.xlsx")],
                 ["--print-checklist", os.path.join(tmp, "x.pdf")], ["--make-forms", forms],
                 ["--import-forms", forms]):
        refused(f"{args[0]} on a database with a trigger it did not make: refused naming it, "
                f"nothing ran", tmp, db, args, "t_wipe")


def crash_copy(source, into, sql):
    """@source's file and log as a crash leaves them, with @sql only in the log, at @into."""
    con = sqlite3.connect(source)
    con.execute("PRAGMA wal_autocheckpoint = 0")
    con.executescript(sql)
    shutil.copy(source, into)
    shutil.copy(source + "-wal", into + "-wal")
    con.close()


def test_recovery(tmp):
    db = new_database(tmp, units=2000)
    other = new_database(tmp, "khác.db")
    crash_copy(other, os.path.join(tmp, "khác sao.db"),
               "UPDATE campaign SET report_signer_name = 'Người khác';")
    shutil.copy(os.path.join(tmp, "khác sao.db-wal"), db + "-wal")
    sums = (sha256(db), sha256(db + "-wal"))
    before = snapshot(tmp)
    p = run("--database", db, "--export-report", os.path.join(tmp, "x.xlsx"))
    backups = os.path.join(tmp, "backups")
    kept = sorted(os.listdir(backups)) if os.path.isdir(backups) else []
    check("a -wal from another database: refused, saying where the copy is",
          p.returncode == 1 and one_line(p) and backups in p.stderr, p.stderr)
    check("the file and its -wal are byte for byte as they were",
          (sha256(db), sha256(db + "-wal")) == sums)
    check("the backups hold a copy of both",
          len(kept) == 2 and sorted(sha256(os.path.join(backups, k)) for k in kept)
          == sorted(sums), str(kept))
    shutil.rmtree(backups)
    check("and nothing else changed", snapshot(tmp) == before)

    crashed = os.path.join(tmp, "sau sự cố.db")
    crash_copy(other, crashed, "UPDATE campaign SET report_signer_name = 'Trần Thị B';")
    p = run("--database", crashed, "--export-report", os.path.join(tmp, "y.xlsx"))
    con = sqlite3.connect(crashed)
    signer = con.execute("SELECT report_signer_name FROM campaign").fetchone()[0]
    con.close()
    check("a crash's -wal is replayed: the change is there",
          p.returncode == 0 and signer == "Trần Thị B", p.stderr + signer)


def test_recovery_causes(tmp):
    """The real cause, when changes left by a crash cannot be replayed: another program busy
    with the file, or a disk too full to keep a copy first. The files stay as they were."""
    source = new_database(tmp, "nguồn.db")
    busy = os.path.join(tmp, "bận.db")
    crash_copy(source, busy, "UPDATE campaign SET report_signer_name = 'Trần Thị B';")
    # Another process, whose locks the reads of this one cannot drop: it keeps the file for
    # itself until it is told to end.
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys\n"
         "con = sqlite3.connect(sys.argv[1])\n"
         "con.execute('PRAGMA locking_mode = EXCLUSIVE')\n"
         "con.execute(\"UPDATE campaign SET report_signer_name = 'Người giữ'\")\n"
         "con.commit()\n"
         "print('held', flush=True)\n"
         "sys.stdin.read()\n", busy],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    check("another program holds the file", holder.stdout.readline().strip() == "held")
    before = snapshot(tmp)
    p = run("--database", busy, "--export-report", os.path.join(tmp, "x.xlsx"))
    after = snapshot(tmp)
    check("a file another program holds: 'busy', not 'damaged', and nothing changed",
          p.returncode == 1 and one_line(p) and "busy" in p.stderr
          and "damaged" not in p.stderr and after == before,
          f"exit {p.returncode}: {p.stderr}" + "\n".join(
              l for l in after.splitlines() if l not in before.splitlines()))
    holder.communicate("")

    with small_disk(tmp, "1m") as disk:
        if disk is None:
            return
        crashed = os.path.join(disk, "sau sự cố.db")
        crash_copy(source, crashed, "UPDATE campaign SET report_signer_name = 'Lê Văn C';")
        fill(disk, 16)
        before = snapshot(disk)
        p = run("--database", crashed, "--export-report", os.path.join(tmp, "y.xlsx"))
        check("a crash's changes on a full disk: no copy can be kept, so nothing is replayed; "
              "the message says the disk is full",
              p.returncode == 1 and one_line(p) and "No space left" in p.stderr
              and "damaged" not in p.stderr and snapshot(disk) == before, p.stderr)


def read_only_folder(folder, command):
    """Runs @command with @folder read-only: a read-only bind mount in a mount namespace of
    its own for root, else the folder's permissions. Returns None where neither works."""
    if os.geteuid() == 0:
        script = 'mount --bind -o ro "$1" "$1" && shift && exec "$@"'
        env = dict(os.environ, **ENV)
        env.pop("DISPLAY", None)
        probe = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", folder, "true"],
                               capture_output=True)
        if probe.returncode != 0:
            return None
        return subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", folder, *command],
                              capture_output=True, text=True, env=env, timeout=120)
    os.chmod(folder, 0o555)
    try:
        return run(*command[1:])
    finally:
        os.chmod(folder, 0o755)


def test_read_only_folder(tmp):
    folder = os.path.join(tmp, "usb")
    os.mkdir(folder)
    db = new_database(folder)
    out = os.path.join(tmp, "x.xlsx")
    before = snapshot(folder, db)
    p = read_only_folder(folder, [LLWEEK, "--database", db, "--export-report", out])
    if p is None:
        check("# SKIP no read-only folder can be made here", True)
        return
    check("a good file in a read-only folder opens for reading: the export works",
          p.returncode == 0 and valid_workbook(out) and snapshot(folder, db) == before, p.stderr)

    other = new_database(tmp, "nguồn.db")
    crash_copy(other, os.path.join(folder, "sau sự cố.db"),
               "UPDATE campaign SET report_signer_name = 'Trần Thị B';")
    crashed = os.path.join(folder, "sau sự cố.db")
    before = snapshot(folder)
    p = read_only_folder(folder, [LLWEEK, "--database", crashed, "--export-report", out])
    check("pending changes in a read-only folder: the real cause, not 'damaged'",
          p.returncode == 1 and one_line(p) and "-wal" in p.stderr and "damaged" not in p.stderr
          and snapshot(folder) == before, p.stderr)


def test_text_a_sheet_cannot_hold(tmp):
    db = new_database(tmp)
    con = sqlite3.connect(db)
    con.execute("UPDATE unit SET name = 'UBND huyện Hòn Đất' || char (65535) WHERE code = 'HDA'")
    con.commit()
    con.close()
    target = os.path.join(tmp, "báo cáo.xlsx")
    before = snapshot(tmp, db)
    p = run("--database", db, "--export-report", target)
    check("a character no workbook holds: export refused naming the cell, no file",
          p.returncode == 1 and one_line(p) and "U+FFFF" in p.stderr and "Cell" in p.stderr
          and snapshot(tmp, db) == before, p.stderr)

    csv = os.path.join(tmp, "báo cáo.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("unit,received_date,document_number,channel\n"
                "RGI,20/10/2021,15/BC\ufffe,bưu điện\n")
    before = snapshot(tmp, db)
    p = run("--database", db, "--import-reports", csv)
    check("a CSV with U+FFFE: refused by line and column, nothing changed",
          p.returncode == 1 and "Line 2, column “document_number”" in p.stderr
          and "U+FFFE" in p.stderr and snapshot(tmp, db) == before, p.stderr)


def test_garbage_lock(tmp):
    db = new_database(tmp)
    with open(db + ".lock", "wb") as f:
        f.write(b"SQLite format 3\0" + os.urandom(200))
    csv = os.path.join(tmp, "báo cáo.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("unit,received_date,channel,A1\nRGI,20/10/2021,bưu điện,7\n")
    p = run("--database", db, "--import-reports", csv)
    check("a lock file full of garbage does not make the database read-only",
          p.returncode == 0, p.stderr)


TESTS = [
    test_outputs_never_hurt_inputs,
    test_outputs_never_replace_special_files,
    test_outputs_keep_permissions_and_names,
    test_outputs_on_a_full_disk,
    test_outputs_on_a_nearly_full_disk,
    test_kill_leaves_nothing,
    test_inputs_are_files,
    test_forms_outputs,
    test_forms_inputs_are_files,
    test_foreign_schema,
    test_recovery,
    test_recovery_causes,
    test_read_only_folder,
    test_text_a_sheet_cannot_hold,
    test_garbage_lock,
]

for test in TESTS:
    with tempfile.TemporaryDirectory() as folder:
        try:
            test(folder)
        except Exception as e:  # a test that breaks is a failure, not the end of the run
            check(f"{test.__name__} ran to its end", False, repr(e))

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    if name.startswith("# SKIP"):
        print(f"ok {i} {name}")
        continue
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        for line in detail.splitlines():
            print(f"# {line}")
