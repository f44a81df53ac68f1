; Inno Setup script: a per-user installer for the frozen program in dist\ptt (ptt-gui.exe, ptt.exe, _internal\).
;
;   packaging\build_windows.ps1        builds dist\ptt, smoke-tests it, then runs
;   ISCC.exe /DAppVersion=0.1.0 packaging\ptt.iss      ->  dist\installer\ptt-setup-0.1.0.exe
;
; No administrator rights: Setup always runs in non-administrative install mode (PrivilegesRequired=lowest), so
; {autopf} is the user's own programs folder (%LOCALAPPDATA%\Programs), {autoprograms} the user's Start menu and HKA
; is HKEY_CURRENT_USER. Nothing is written for other users or to HKLM.
;
; User data stays when the program is uninstalled: the uninstaller removes only what Setup installed into {app} and
; the registry entries flagged below. The data files live wherever the user saved them, the settings in
; HKCU\Software\PolicyTargetTracker, the automatic backups in %LOCALAPPDATA%\PolicyTargetTracker; none of them is
; touched, and this script has no [UninstallDelete] section on purpose.
;
; This file is UTF-8 without a byte-order mark, which Inno Setup reads from 6.3 on (the version the x64compatible
; architecture identifier needs too).

#if VER < EncodeVer(6,3,0)
  #error Inno Setup 6.3 or later is required to compile this script
#endif

#define AppName "政策目标进度跟踪"
#define AppNameEn "Policy Target Tracker"
#define AppExe "ptt-gui.exe"
#define DistDir AddBackslash(SourcePath) + "..\dist\ptt"
; The data files are named *.ptt.sqlite. Windows associates a file type by its last extension only, so the
; association is made for .sqlite: always as an "Open with" choice, and as the double-click default if the user keeps
; the task ticked.
#define DataExt ".sqlite"
#define ProgId "PolicyTargetTracker.DataFile"

#if !FileExists(DistDir + "\" + AppExe)
  #error dist\ptt\ptt-gui.exe is missing: build and smoke-test it first with packaging\build_windows.ps1
#endif
; The numeric version resource PyInstaller wrote into the exe from app.__version__ (packaging/ptt.spec).
#define ExeVersion GetVersionNumbersString(DistDir + "\" + AppExe)
#ifndef AppVersion
  #define AppVersion ExeVersion
#endif

; Simplified Chinese wizard when the (unofficial) ChineseSimplified.isl is in the compiler's Languages folder or
; beside this script; English otherwise. The program itself follows the system language either way.
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseMessages AddBackslash(SourcePath) + "ChineseSimplified.isl"
#endif

[Setup]
; AppId identifies this program for upgrades and uninstall; it must never change.
AppId={{08577EC4-ECA5-4563-9562-BC387E2DB135}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppNameEn}
VersionInfoVersion={#ExeVersion}
VersionInfoProductName={#AppNameEn}
VersionInfoDescription={#AppNameEn} Setup
DefaultDirName={autopf}\{#AppNameEn}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 or later
MinVersion=10.0
ChangesAssociations=yes
SetupIconFile=..\resources\icons\ptt.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} ({#AppNameEn})
OutputDir=..\dist\installer
OutputBaseFilename=ptt-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#ifdef ChineseMessages
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"
#endif

[CustomMessages]
english.DataFileType=Policy Target Tracker data file
english.AssocGroup=Data files:
english.AssocTask=Open .sqlite data files with {#AppNameEn} on double-click
#ifdef ChineseMessages
chinesesimplified.DataFileType=政策目标进度数据文件
chinesesimplified.AssocGroup=数据文件：
chinesesimplified.AssocTask=双击 .sqlite 数据文件时用“{#AppName}”打开
#endif

[Tasks]
Name: "associate"; Description: "{cm:AssocTask}"; GroupDescription: "{cm:AssocGroup}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundled libraries as a whole, so no file of an older version lingers among the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Comment: "{#AppNameEn}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; The program's file type (ProgID): its name, icon and "open" command. Removed at uninstall.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:DataFileType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; Always offered under "Open with" for .sqlite files, beside whatever else opens them.
Root: HKA; Subkey: "Software\Classes\{#DataExt}\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#DataExt}"; ValueData: ""
; The double-click default (task "associate"). Left in place at uninstall, as Windows' guidance for file types asks:
; a default naming a removed ProgID is ignored, and another program may have taken the extension over meanwhile.
Root: HKA; Subkey: "Software\Classes\{#DataExt}"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Tasks: associate

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
