#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Forms filled in LibreOffice itself, as a unit with LibreOffice fills them: a Basic macro
opens each form, types into the cells the form's names point to, and saves it as .xlsx
(LibreOffice renumbers the parts and styles, and keeps names, protection and properties).
One unit also removes the sheet's protection, inserts a row in the indicator block and types
a number there; another saves the form as .xls (also with a password) and as .ods. The filled
forms import and the consolidated workbook shows exactly what was typed; the others are
refused with what to do, and leave the database as it was."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile

from formtools import Llweek, check, codes, consolidated, finish, form_of

PROGRAM = sys.argv[1]

MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Fill"
 script:language="StarBasic">
Function NamedCell(doc, name)
  NamedCell = doc.NamedRanges.getByName(name).getReferredCells().getCellByPosition(0, 0)
End Function

Function OpenForm(path)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  OpenForm = StarDesktop.loadComponentFromURL(ConvertToURL(path), "_blank", 0, args())
End Function

Sub StoreForm(doc, path, filter, password)
  Dim n As Integer
  n = 0
  If password &lt;&gt; "" Then n = 1
  Dim args(n) As New com.sun.star.beans.PropertyValue
  args(0).Name = "FilterName"
  args(0).Value = filter
  If password &lt;&gt; "" Then
    args(1).Name = "Password"
    args(1).Value = password
  End If
  doc.storeToURL(ConvertToURL(path), args())
End Sub

Sub Main(folder As String)
  Dim doc As Object, sheet As Object, row As Long
  On Error GoTo Failed
  doc = OpenForm(folder &amp; "/in/a.xlsx")
  NamedCell(doc, "llw_document_number").setString("45/BC-UBND")
  NamedCell(doc, "llw_document_date").setValue(CDbl(DateSerial(2021, 10, 15)))
  NamedCell(doc, "llw_theme").setString("Chuyển đổi số để xây dựng thành công một xã hội học tập mới.")
  NamedCell(doc, "llw_figure_1").setValue(3)
  NamedCell(doc, "llw_figure_3").setValue(250)
  NamedCell(doc, "llw_figure_22").setValue(1234.5)
  NamedCell(doc, "llw_activity_title").setString("Lễ phát động Tuần lễ")
  NamedCell(doc, "llw_activity_kind").setString("Thông tin, tuyên truyền")
  NamedCell(doc, "llw_activity_start").setValue(CDbl(DateSerial(2021, 10, 1)))
  NamedCell(doc, "llw_activity_form").setString("Trực tiếp")
  StoreForm(doc, folder &amp; "/out/a.xlsx", "Calc MS Excel 2007 XML", "")
  doc.close(True)

  doc = OpenForm(folder &amp; "/in/b.xlsx")
  sheet = doc.Sheets.getByName("Báo cáo")
  sheet.unprotect("")
  row = NamedCell(doc, "llw_figure_2").getCellAddress().Row
  sheet.Rows.insertByIndex(row, 1)
  sheet.getCellByPosition(3, row).setValue(99)
  NamedCell(doc, "llw_figure_1").setValue(7)
  NamedCell(doc, "llw_figure_2").setValue(5)
  NamedCell(doc, "llw_figure_5").setValue(12)
  StoreForm(doc, folder &amp; "/out/b.xlsx", "Calc MS Excel 2007 XML", "")
  doc.close(True)

  doc = OpenForm(folder &amp; "/in/c.xlsx")
  NamedCell(doc, "llw_figure_1").setValue(1)
  StoreForm(doc, folder &amp; "/out/c.xls", "MS Excel 97", "")
  StoreForm(doc, folder &amp; "/out/c.ods", "calc8", "")
  StoreForm(doc, folder &amp; "/out/c-password.xls", "MS Excel 97", "bí mật")
  doc.close(True)
  StarDesktop.terminate()
  Exit Sub
Failed:
  Dim file As Integer
  file = FreeFile()
  Open folder &amp; "/out/error.txt" For Output As #file
  Print #file, "line " &amp; Erl() &amp; ": " &amp; Error$
  Close #file
  StarDesktop.terminate()
End Sub
</script:module>
"""

LIBRARY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard"
 library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Fill"/>
</library:library>
"""


def soffice(profile, *args):
    """Runs LibreOffice in a process group of its own, so that none of it outlives a run that
    hangs (a macro's error would wait for a click)."""
    process = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}",
                                "--headless", "--invisible", "--norestore", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        output, errors = process.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, errors = process.communicate()
        errors += "\nLibreOffice did not finish in 300 s"
    return subprocess.CompletedProcess(process.args, process.returncode, output, errors)


def fill_in_libreoffice(tmp, forms):
    """Makes a profile of LibreOffice's own with the macro, and runs it on three forms."""
    profile = os.path.join(tmp, "profile")
    soffice(profile, "--terminate_after_init")
    basic = os.path.join(profile, "user", "basic", "Standard")
    os.makedirs(basic, exist_ok=True)
    with open(os.path.join(basic, "Fill.xba"), "w") as f:
        f.write(MACRO)
    with open(os.path.join(basic, "script.xlb"), "w") as f:
        f.write(LIBRARY)
    for name, words in (("a", "UBND-huyen-Hon-Dat"), ("b", "UBND-huyen-Kien-Luong"),
                        ("c", "UBND-huyen-Tan-Hiep")):
        os.makedirs(os.path.join(tmp, "in"), exist_ok=True)
        shutil.copy(form_of(forms, words), os.path.join(tmp, "in", name + ".xlsx"))
    os.makedirs(os.path.join(tmp, "out"), exist_ok=True)
    result = soffice(profile, f'macro:///Standard.Fill.Main("{tmp}")')
    return os.path.join(tmp, "out"), result


def main():
    if shutil.which("soffice") is None:
        print("1..0 # SKIP LibreOffice is not installed")
        return
    tmp = tempfile.mkdtemp(prefix="llweek-forms-lo-")
    try:
        llweek = Llweek(PROGRAM, os.path.join(tmp, "llweek.db"))
        forms = os.path.join(tmp, "forms")
        os.mkdir(forms)
        llweek.run("--make-forms", forms)
        out, result = fill_in_libreoffice(tmp, forms)
        made = sorted(os.listdir(out))
        error = ""
        if "error.txt" in made:
            with open(os.path.join(out, "error.txt")) as f:
                error = f.read()
        check("LibreOffice filled the forms and saved them in each format",
              made == ["a.xlsx", "b.xlsx", "c-password.xls", "c.ods", "c.xls"],
              f"{made}\n{error}\n{result.stderr}")

        a, b = os.path.join(out, "a.xlsx"), os.path.join(out, "b.xlsx")
        dry = llweek.run("--import-forms", a, b, "--dry-run")
        check("a row inserted in the indicator block: the number typed there is named, "
              "not imported", dry.returncode == 0 and "D23: 99 is not in an input cell" in
              dry.stdout, dry.stdout + dry.stderr)
        result = llweek.run("--import-forms", a, b)
        check("forms filled and saved by LibreOffice import", result.returncode == 0,
              result.stdout + result.stderr)
        all_codes = codes(llweek)
        want = {"UBND huyện Hòn Đất": {"A1": 3, "A3": 250, "G3": 1234.5},
                "UBND huyện Kiên Lương": {"A1": 7, "A2": 5, "B1": 12}}
        want = {u: [f.get(c) for c in all_codes] for u, f in want.items()}
        got = consolidated(llweek, tmp, list(want))
        check("the consolidated workbook shows exactly what was typed in LibreOffice",
              got == want, f"{got}\n{want}")
        report = llweek.sql("SELECT document_number, document_date FROM report r JOIN unit u "
                            "ON u.id = r.unit_id WHERE u.name = 'UBND huyện Hòn Đất'")
        activity = llweek.sql("SELECT title, start_date, form FROM activity")
        check("the document's date and the activity typed in LibreOffice are read",
              report == [("45/BC-UBND", "2021-10-15")] and
              activity == [("Lễ phát động Tuần lễ", "2021-10-01", "in_person")],
              f"{report} {activity}")

        for name, words in (("c.xls", "Excel 97-2003 workbook"),
                            ("c.ods", "OpenDocument spreadsheet"),
                            ("c-password.xls", "Excel 97-2003 workbook")):
            before = llweek.dump()
            result = llweek.run("--import-forms", os.path.join(out, name))
            check(f"refused with what to do, nothing changed: {name}",
                  os.path.exists(os.path.join(out, name)) and result.returncode == 1 and
                  words in result.stderr and llweek.dump() == before, result.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    finish()


main()
