# Windows counterpart of scripts/bundle_smoke.sh: the bundled program against the installed one.
#   pwsh scripts/bundle_smoke.ps1 [-App dist\srmtool] [-Installed .venv-bundle\Scripts\srmtool.exe]
# The bundle is copied to a temporary folder first. Every command of both programs runs with an empty
# environment: only the variables Windows itself needs (SystemRoot, windir, TEMP, ...), PATH an empty
# folder (no Python), a fresh USERPROFILE/APPDATA/LOCALAPPDATA. Their standard output, standard error
# and exit status must be the same, and so must the files written: --version, --help, check (plain,
# --json, a broken file), info, new, export to PDF (with reportlab's invariant mode the same bytes;
# Sarabun embedded), Excel (every part but the timestamps), PNG (the same bytes) and SVG, also drawn
# with the offscreen platform plugin; import of the exported workbook and of a file that is not one.
# Then the windowed program, srmtoolw.exe, opens the example map: its window must appear, stay up,
# and close normally; a screenshot of it is kept. Exits 0 when all is the same.
param(
    [string]$App = "dist\srmtool",
    [string]$Installed = ".venv-bundle\Scripts\srmtool.exe"
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
Set-Location (Split-Path -Parent $PSScriptRoot)
$Repo = (Get-Location).Path
$App = (Resolve-Path $App).Path
$Installed = (Resolve-Path $Installed).Path

function New-Folder([string]$Path) { New-Item -ItemType Directory -Force $Path | Out-Null; $Path }
function New-Id { [Guid]::NewGuid().ToString("N").Substring(0, 8) }

$Work = New-Folder (Join-Path ([IO.Path]::GetTempPath()) "srmtool-smoke-$(New-Id)")
Write-Host "srmtool: copying the bundle to $Work\app"
Copy-Item -Recurse $App (Join-Path $Work "app")
$Programs = @{ installed = $Installed; bundled = (Join-Path $Work "app\srmtool.exe") }
$Windowed = Join-Path $Work "app\srmtoolw.exe"
$EmptyPath = New-Folder (Join-Path $Work "empty-path")
foreach ($who in "installed", "bundled") {
    $dir = New-Folder (Join-Path $Work $who)
    Copy-Item "resources\examples\dengue_tambon.srm", "resources\examples\district_ncd.srm" $dir
    Set-Content -NoNewline -Path (Join-Path $dir "broken.srm") -Value '{"format": "srmtool-map", "version": 1, "objectives": ['
    Set-Content -NoNewline -Path (Join-Path $dir "notes.xlsx") -Value "not a workbook"
}

$script:Checks = 0
$script:Failures = 0
function Ok([string]$What) { Write-Host "srmtool: same: $What" }
function Fail([string]$What) { $script:Failures++; Write-Host "srmtool: DIFFERENT: $What" }

function Start-Empty([string]$Program, [string[]]$Arguments, [string]$Folder, [hashtable]$Extra) {
    $profileDir = New-Folder (Join-Path $Work "home-$(New-Id)")
    $info = [Diagnostics.ProcessStartInfo]::new($Program)
    foreach ($argument in $Arguments) { $info.ArgumentList.Add($argument) }
    $info.WorkingDirectory = $Folder
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.Environment.Clear()
    foreach ($name in "SystemRoot", "windir", "SystemDrive", "TEMP", "TMP", "COMPUTERNAME", "OS",
        "PROCESSOR_ARCHITECTURE", "NUMBER_OF_PROCESSORS") {
        $value = [Environment]::GetEnvironmentVariable($name)
        if ($value) { $info.Environment[$name] = $value }
    }
    $info.Environment["PATH"] = $EmptyPath
    $info.Environment["USERPROFILE"] = $profileDir
    $info.Environment["HOME"] = $profileDir
    $info.Environment["APPDATA"] = (New-Folder "$profileDir\AppData\Roaming")
    $info.Environment["LOCALAPPDATA"] = (New-Folder "$profileDir\AppData\Local")
    foreach ($name in $Extra.Keys) { $info.Environment[$name] = $Extra[$name] }
    [Diagnostics.Process]::Start($info)
}

# Run WHO's srmtool in its folder; keeps NAME.out, NAME.err and NAME.rc there.
function Invoke-Run([string]$Who, [string]$Name, [string[]]$Arguments, [hashtable]$Extra = @{}) {
    $dir = Join-Path $Work $Who
    $process = Start-Empty $Programs[$Who] $Arguments $dir $Extra
    $out = $process.StandardOutput.ReadToEndAsync()
    $err = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit(300000)) { $process.Kill(); throw "$Who $Name did not finish" }
    $process.WaitForExit()
    Set-Content -NoNewline (Join-Path $dir "$Name.out") $out.Result
    Set-Content -NoNewline (Join-Path $dir "$Name.err") $err.Result
    Set-Content -NoNewline (Join-Path $dir "$Name.rc") $process.ExitCode
}

function Same-Text([string]$A, [string]$B) { (Get-Content -Raw $A) -ceq (Get-Content -Raw $B) }
function Same-Bytes([string]$A, [string]$B) { (Get-FileHash $A).Hash -eq (Get-FileHash $B).Hash }

function Same-Run([string]$Name, [string[]]$Arguments, [hashtable]$Extra = @{}, [int]$Status = -1) {
    $script:Checks++
    Invoke-Run installed $Name $Arguments $Extra
    Invoke-Run bundled $Name $Arguments $Extra
    foreach ($what in "out", "err", "rc") {
        $a = Join-Path $Work "installed\$Name.$what"
        $b = Join-Path $Work "bundled\$Name.$what"
        if (-not (Same-Text $a $b)) {
            Fail "$Name ($what)"
            Write-Host "installed: $(Get-Content -Raw $a)"
            Write-Host "bundled:   $(Get-Content -Raw $b)"
            return
        }
    }
    $rc = Get-Content -Raw (Join-Path $Work "bundled\$Name.rc")
    if ($Status -ge 0 -and $rc -ne "$Status") { Fail "$Name exited with $rc, not $Status"; return }
    Ok "$Name (exit status $rc)"
}

function Same-File([string]$What, [string]$File) {
    $script:Checks++
    if (Same-Bytes (Join-Path $Work "installed\$File") (Join-Path $Work "bundled\$File")) { Ok $What }
    else { Fail "$What" }
}

# A map without the times it was created and modified.
function Map-Text([string]$File) {
    (Get-Content -Encoding utf8 $File | Where-Object { $_ -notmatch '^\s*"(created|modified)":' }) -join "`n"
}

Same-Run version @("--version") -Status 0
Same-Run help @("--help") -Status 0
Same-Run check @("check", "dengue_tambon.srm", "district_ncd.srm") -Status 0
Same-Run check-json @("check", "--json", "dengue_tambon.srm", "district_ncd.srm") -Status 0
Same-Run check-broken @("check", "broken.srm") -Status 2
Same-Run info @("info", "district_ncd.srm") -Status 0
Same-Run new @("new", "fresh.srm", "--template", "action_plan", "--title", "Action plan") -Status 0
$script:Checks++
if ((Map-Text "$Work\installed\fresh.srm") -ceq (Map-Text "$Work\bundled\fresh.srm")) { Ok "new: the same map" }
else { Fail "new: fresh.srm differs" }

$invariant = @{ RL_invariant = "1" }
Same-Run export @("export", "district_ncd.srm", "--pdf", "district.pdf", "--xlsx", "district.xlsx",
    "--png", "district.png", "--svg", "district.svg") -Extra $invariant -Status 0
Same-File "district.pdf: the same bytes" district.pdf
Same-File "district.png: the same bytes" district.png
Same-File "district.svg: the same bytes" district.svg
$script:Checks++
$pdf = [IO.File]::ReadAllText("$Work\bundled\district.pdf", [Text.Encoding]::Latin1)
if ($pdf.Contains("/FontFile2") -and $pdf.Contains("+Sarabun-Regular")) { Ok "district.pdf: Sarabun embedded" }
else { Fail "district.pdf: Sarabun is not embedded" }
$script:Checks++
foreach ($who in "installed", "bundled") {
    Expand-Archive -Force "$Work\$who\district.xlsx" "$Work\$who\district-xlsx"
}
$parts = Get-ChildItem -Recurse -File "$Work\installed\district-xlsx" | Where-Object { $_.Name -ne "core.xml" }
$xlsxSame = $true
foreach ($part in $parts) {
    $other = $part.FullName.Replace("$Work\installed\", "$Work\bundled\")
    if (-not ((Test-Path $other) -and (Same-Bytes $part.FullName $other))) { $xlsxSame = $false; Write-Host "differs: $other" }
}
if ($xlsxSame) { Ok "district.xlsx: the same $($parts.Count) parts" } else { Fail "district.xlsx" }

Same-Run export-offscreen @("export", "dengue_tambon.srm", "--png", "offscreen.png") `
    -Extra @{ QT_QPA_PLATFORM = "offscreen" } -Status 0
Same-File "offscreen.png: the same bytes" offscreen.png
Same-Run export-nowhere @("export", "dengue_tambon.srm", "--pdf", "missing\folder\x.pdf") -Status 2
Same-Run import @("import", "district.xlsx", "-o", "imported.srm") -Status 0
$script:Checks++
if ((Map-Text "$Work\installed\imported.srm") -ceq (Map-Text "$Work\bundled\imported.srm")) { Ok "import: the same map" }
else { Fail "import: imported.srm differs" }
Same-Run import-refused @("import", "notes.xlsx", "-o", "refused.srm") -Status 2

# The window: srmtoolw.exe, as the Start-menu entry and Explorer start it.
$script:Checks++
Add-Type -AssemblyName System.Windows.Forms, System.Drawing
$window = Start-Empty $Windowed @("district_ncd.srm") (Join-Path $Work "bundled") @{}
$deadline = (Get-Date).AddSeconds(60)
while ($window.MainWindowHandle -eq 0 -and -not $window.HasExited -and (Get-Date) -lt $deadline) {
    Start-Sleep -Milliseconds 250
    $window.Refresh()
}
if ($window.HasExited -or $window.MainWindowHandle -eq 0) {
    Fail "the window did not appear (exit status $(if ($window.HasExited) { $window.ExitCode } else { 'none' }))"
    if (-not $window.HasExited) { $window.Kill() }
} else {
    Start-Sleep -Seconds 5
    $title = $window.MainWindowTitle
    $bounds = [Windows.Forms.Screen]::PrimaryScreen.Bounds
    $bitmap = [Drawing.Bitmap]::new($bounds.Width, $bounds.Height)
    $graphics = [Drawing.Graphics]::FromImage($bitmap)
    $graphics.CopyFromScreen($bounds.Location, [Drawing.Point]::Empty, $bounds.Size)
    $bitmap.Save("$Work\window.png", [Drawing.Imaging.ImageFormat]::Png)
    $alive = -not $window.HasExited
    [void]$window.CloseMainWindow()
    $closed = $window.WaitForExit(30000)
    if (-not $closed) { $window.Kill() }
    if ($alive -and $closed -and $window.ExitCode -eq 0 -and $title -like "district_ncd.srm*") {
        Ok "the window '$title' opened and closed normally (screenshot: $Work\window.png)"
    } else {
        Fail "the window '$title': alive $alive, closed $closed, exit status $($window.ExitCode)"
    }
}

Write-Host "srmtool: $script:Checks checks, $script:Failures different; outputs in $Work"
if ($env:GITHUB_OUTPUT) { "work=$Work" | Out-File -Append -Encoding utf8 $env:GITHUB_OUTPUT }
exit ([int]($script:Failures -ne 0))
