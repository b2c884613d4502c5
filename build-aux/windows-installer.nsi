; SPDX-License-Identifier: GPL-3.0-or-later
; The llweek installer: per user, without administrator rights. build-aux/windows runs
;   makensis -DVERSION=… -DDIST=<portable folder> -DICON=<llweek.ico> -DLICENSE=<COPYING>
;            -DOUTFILE=<installer>
; Installs to %LOCALAPPDATA%\Programs\llweek, adds a Start-menu entry and registers the
; uninstaller; the data in %LOCALAPPDATA%\llweek is the user's and stays on uninstall.
; "/S" installs and uninstalls silently.

; A 64-bit installer for a 64-bit program: it runs wherever llweek can.
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "MUI2.nsh"

!define APP_NAME "llweek"
!define APP_TITLE "Tuần lễ hưởng ứng học tập suốt đời"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\llweek"

Name "${APP_TITLE} (llweek ${VERSION})"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\llweek"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "llweek ${VERSION}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\bin\llweek.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${LICENSE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductName" "llweek"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileDescription" "${APP_TITLE}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "LegalCopyright" "GPL-3.0-or-later"

Section "llweek"
  SetShellVarContext current
  ; A new version replaces the old program files whole; the data folder is elsewhere.
  RMDir /r "$INSTDIR\bin"
  RMDir /r "$INSTDIR\lib"
  RMDir /r "$INSTDIR\share"
  SetOutPath "$INSTDIR"
  File /r "${DIST}\*.*"

  CreateShortCut "$SMPROGRAMS\${APP_TITLE}.lnk" "$INSTDIR\bin\llweek.exe" "" \
    "$INSTDIR\bin\llweek.exe" 0 SW_SHOWNORMAL "" "${APP_TITLE}"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_TITLE} (llweek)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\bin\llweek.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "llweek"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_TITLE}.lnk"
  RMDir /r "$INSTDIR\bin"
  RMDir /r "$INSTDIR\lib"
  RMDir /r "$INSTDIR\share"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
