; Windows installer of the one-folder app (dist\srmtool, built with packaging\srmtool.spec), for Inno
; Setup 6. Installs for the current user only: no administrator rights, into
; %LOCALAPPDATA%\Programs\srmtool, with a Start-menu entry and .srm files opening in srmtool.
;   iscc /DAppVersion=0.1.0 packaging\srmtool.iss      ->  dist\srmtool-0.1.0-setup.exe
; Paths are relative to this file's folder.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{8B4C3A51-6F0E-4C1B-9D7E-5A2F0C3E9B17}
AppName=srmtool
AppVersion={#AppVersion}
AppVerName=srmtool {#AppVersion}
AppPublisher=srmtool
AppComments=Strategic Route Map and Mini SLM table editor
PrivilegesRequired=lowest
DefaultDirName={autopf}\srmtool
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
UninstallDisplayIcon={app}\srmtoolw.exe
OutputDir=..\dist
OutputBaseFilename=srmtool-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\srmtool\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new version replaces the old folder's contents: no stale library of an older build stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\srmtool"; Filename: "{app}\srmtoolw.exe"; Comment: "Strategic Route Map and Mini SLM table editor"

[Registry]
; HKA is HKEY_CURRENT_USER for a per-user install: Software\Classes there needs no administrator.
Root: HKA; Subkey: "Software\Classes\.srm"; ValueType: string; ValueName: ""; ValueData: "srmtool.map"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.srm\OpenWithProgids"; ValueType: string; ValueName: "srmtool.map"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\srmtool.map"; ValueType: string; ValueName: ""; ValueData: "Strategic Route Map (srmtool)"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\srmtool.map\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\srmtoolw.exe,0"
Root: HKA; Subkey: "Software\Classes\srmtool.map\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\srmtoolw.exe"" ""%1"""

[Run]
Filename: "{app}\srmtoolw.exe"; Description: "Open srmtool"; Flags: nowait postinstall skipifsilent
