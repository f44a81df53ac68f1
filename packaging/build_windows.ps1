<#
.SYNOPSIS
Builds the Windows program and its per-user installer, smoke-testing each before going on.

.DESCRIPTION
1. PyInstaller (packaging\ptt.spec): dist\ptt\ptt-gui.exe (the window), dist\ptt\ptt.exe (the command line) and
   dist\ptt\_internal\ (everything they share).
2. Smoke test of the frozen build, like packaging/build.sh on Linux: the folder holds its data; "ptt status --demo"
   prints the table; "ptt report --demo" writes a PDF with pages and an embedded Chinese font; "ptt-gui --screenshot"
   renders the main window to a PNG and quits, once offscreen and once with the real Windows platform plugin.
3. Inno Setup (packaging\ptt.iss): dist\installer\ptt-setup-<version>.exe, with the version from app.__version__.
4. With -TestInstaller (CI, or a machine you can throw away): installs it silently for the current user, checks the
   folder, Start-menu shortcut, file association and uninstall entry, runs the installed ptt.exe, uninstalls, and
   checks that everything installed is gone while the user's data file and data folder are still there.

Any failure stops the script with a non-zero exit code. Outputs of the smoke test stay in build\smoke\.

.EXAMPLE
powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1
.EXAMPLE
.\packaging\build_windows.ps1 -TestInstaller
#>
param(
    # Python 3.11+ used to create .venv when it does not exist yet (default: the "py" launcher, else "python").
    [string]$Python = "",
    # Build and smoke-test dist\ptt only.
    [switch]$SkipInstaller,
    # Install, check and uninstall the installer for the current user.
    [switch]$TestInstaller
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
$Dist = Join-Path $Root "dist\ptt"
$Work = Join-Path $Root "build\pyinstaller"
$Smoke = Join-Path $Root "build\smoke"
$VenvPython = Join-Path $Root ".venv\Scripts\python.exe"
$AsOf = "2025-07-31"  # a fixed date, so the demo's figures are the same on every run
$ProgId = "PolicyTargetTracker.DataFile"
$AppId = "{08577EC4-ECA5-4563-9562-BC387E2DB135}"  # packaging\ptt.iss

function Say([string]$Message) { Write-Host "[build] $Message" }

function Format-Argument([string]$Value) {
    if ($Value -eq "" -or $Value -match '[\s"]') { return '"' + ($Value -replace '"', '\"') + '"' }
    return $Value
}

function Invoke-Checked {
    <# Runs a program with a time limit and its output in build\smoke\<Name>.out/.err. Fails on a non-zero exit
       code, and for the frozen programs (-Frozen) also on a Python traceback, which a Qt slot prints without
       stopping the program. Environment entries set to $null are removed for the run. #>
    param(
        [Parameter(Mandatory)] [string]$Name,
        [Parameter(Mandatory)] [string]$FilePath,
        [string[]]$Arguments = @(),
        [hashtable]$Environment = @{},
        [string]$WorkingDirectory = $Smoke,
        [int]$TimeoutSeconds = 600,
        [switch]$Frozen
    )
    $out = Join-Path $Smoke "$Name.out"
    $err = Join-Path $Smoke "$Name.err"
    $saved = @{}
    foreach ($key in $Environment.Keys) {
        $saved[$key] = [Environment]::GetEnvironmentVariable($key)
        [Environment]::SetEnvironmentVariable($key, $Environment[$key])
    }
    try {
        $start = @{
            FilePath               = $FilePath
            NoNewWindow            = $true
            PassThru               = $true
            RedirectStandardOutput = $out
            RedirectStandardError  = $err
            WorkingDirectory       = $WorkingDirectory
        }
        if ($Arguments.Count -gt 0) {
            $start.ArgumentList = ($Arguments | ForEach-Object { Format-Argument $_ }) -join " "
        }
        $process = Start-Process @start
        $null = $process.Handle  # keeps the exit code readable after the process ends
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
            $process.Kill()
            throw "$Name did not finish within $TimeoutSeconds s"
        }
        $process.WaitForExit()
        $code = $process.ExitCode
    }
    finally {
        foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) }
    }
    $stdout = [IO.File]::ReadAllText($out, [Text.Encoding]::UTF8)
    $stderr = [IO.File]::ReadAllText($err, [Text.Encoding]::UTF8)
    if ($code -ne 0 -or ($Frozen -and $stderr -match "Traceback \(most recent call last\)")) {
        Write-Host $stdout
        Write-Host $stderr
        throw "$Name failed (exit code $code)"
    }
    return $stdout
}

function Invoke-SmokeCheck([string]$Kind, [string]$Path) {
    $result = Invoke-Checked -Name "check-$Kind-$(Split-Path -Leaf $Path)" -FilePath $VenvPython `
        -Arguments @((Join-Path $Root "packaging\smoke_check.py"), $Kind, $Path) `
        -Environment @{ QT_QPA_PLATFORM = "offscreen" }
    Write-Host $result.TrimEnd()
}

function Get-FolderMegabytes([string]$Path) {
    $bytes = (Get-ChildItem -LiteralPath $Path -Recurse -File | Measure-Object -Property Length -Sum).Sum
    return [math]::Round($bytes / 1MB)
}

function Find-Iscc {
    $command = Get-Command "iscc.exe" -ErrorAction SilentlyContinue
    if ($command) { return $command.Source }
    foreach ($base in @(${env:ProgramFiles(x86)}, $env:ProgramFiles, (Join-Path $env:LOCALAPPDATA "Programs"))) {
        foreach ($folder in @("Inno Setup 6", "Inno Setup 7")) {
            $candidate = Join-Path $base "$folder\ISCC.exe"
            if (Test-Path -LiteralPath $candidate) { return $candidate }
        }
    }
    throw "Inno Setup 6.3+ not found (ISCC.exe). Install it from jrsoftware.org, or: choco install innosetup"
}

# ---- set-up -----------------------------------------------------------------------------------------------------
if (Test-Path -LiteralPath $Smoke) { Remove-Item -LiteralPath $Smoke -Recurse -Force }
New-Item -ItemType Directory -Force -Path $Smoke, $Work | Out-Null

if (-not (Test-Path -LiteralPath $VenvPython)) {
    Say "creating .venv"
    $venv = Join-Path $Root ".venv"
    if ($Python) { & $Python -m venv $venv }
    elseif (Get-Command "py" -ErrorAction SilentlyContinue) { & py -3 -m venv $venv }
    else { & python -m venv $venv }
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $VenvPython)) { throw "could not create .venv (Python 3.11+ needed)" }
}
Say "installing the project and PyInstaller into .venv"
Invoke-Checked -Name "pip-project" -FilePath $VenvPython -WorkingDirectory $Root `
    -Arguments @("-m", "pip", "install", "--quiet", "-e", ".[test]") | Out-Null
Invoke-Checked -Name "pip-build" -FilePath $VenvPython -WorkingDirectory $Root `
    -Arguments @("-m", "pip", "install", "--quiet", "-r", "packaging\requirements-build.txt") | Out-Null
Invoke-Checked -Name "translations" -FilePath $VenvPython -WorkingDirectory $Root `
    -Arguments @("scripts\build_translations.py") | Out-Null
$Version = (Invoke-Checked -Name "version" -FilePath $VenvPython -WorkingDirectory $Root `
        -Arguments @("-c", "import app; print(app.__version__)")).Trim()

# ---- PyInstaller ------------------------------------------------------------------------------------------------
Say "building dist\ptt (version $Version) with PyInstaller; log in build\smoke\pyinstaller.err"
$clock = [Diagnostics.Stopwatch]::StartNew()
Invoke-Checked -Name "pyinstaller" -FilePath $VenvPython -WorkingDirectory $Root -TimeoutSeconds 1800 `
    -Arguments @("-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", (Join-Path $Root "dist"),
    "--workpath", $Work, (Join-Path $Root "packaging\ptt.spec")) | Out-Null
$buildSeconds = [math]::Round($clock.Elapsed.TotalSeconds)

# ---- smoke test of the frozen build -----------------------------------------------------------------------------
Say "smoke test of the frozen build"
$cli = Join-Path $Dist "ptt.exe"
$gui = Join-Path $Dist "ptt-gui.exe"
# The programs decide offscreen themselves (--screenshot, or no window for a report); nothing leaks in from Python.
$fresh = @{ QT_QPA_PLATFORM = $null; PYTHONPATH = $null; PYTHONHOME = $null }

Invoke-SmokeCheck "bundle" $Dist

$versionLine = Invoke-Checked -Name "version-frozen" -FilePath $cli -Arguments @("--version") -Environment $fresh -Frozen
Write-Host "  ok  $($versionLine.Trim())"

$status = Invoke-Checked -Name "status" -FilePath $cli -Arguments @("status", "--demo", "--as-of", $AsOf) -Environment $fresh -Frozen
# "gong N ge zhibiao" (N targets) as \u escapes: this file stays ASCII for Windows PowerShell 5.1
if ($status -notmatch '\u5171 \d+ \u4e2a\u6307\u6807') { Write-Host $status; throw "ptt status --demo printed no status table" }
Write-Host "  ok  ptt status --demo: $(($status -split "`n")[0].Trim())"

$report = Join-Path $Smoke "demo-report.pdf"
Invoke-Checked -Name "report" -FilePath $cli -Arguments @("report", "--demo", "--as-of", $AsOf, "--out", $report) -Environment $fresh -Frozen | Out-Null
Invoke-SmokeCheck "pdf" $report

$window = Join-Path $Smoke "main-window.png"
Invoke-Checked -Name "window" -FilePath $gui -Arguments @("--screenshot", $window, "--as-of", $AsOf, "--lang", "zh_CN") -Environment $fresh -Frozen -TimeoutSeconds 180 | Out-Null
Invoke-SmokeCheck "png" $window

$native = $fresh.Clone()
$native.QT_QPA_PLATFORM = "windows"  # the platform plugin a user's desktop loads (qwindows.dll), not offscreen
$nativeWindow = Join-Path $Smoke "main-window-native.png"
Invoke-Checked -Name "window-native" -FilePath $gui -Arguments @("--screenshot", $nativeWindow, "--as-of", $AsOf) -Environment $native -Frozen -TimeoutSeconds 180 | Out-Null
Invoke-SmokeCheck "png-native" $nativeWindow  # Windows keeps the window within the runner's screen

$files = (Get-ChildItem -LiteralPath $Dist -Recurse -File | Measure-Object).Count
Say "build time $buildSeconds s; dist\ptt is $(Get-FolderMegabytes $Dist) MB in $files files"

if ($SkipInstaller) { Say "frozen build OK (installer skipped)"; exit 0 }

# ---- installer ----------------------------------------------------------------------------------------------------
$iscc = Find-Iscc
Say "building the installer with $iscc"
Invoke-Checked -Name "iscc" -FilePath $iscc -WorkingDirectory $Root `
    -Arguments @("/DAppVersion=$Version", (Join-Path $Root "packaging\ptt.iss")) | Out-Null
$setup = Join-Path $Root "dist\installer\ptt-setup-$Version.exe"
if (-not (Test-Path -LiteralPath $setup)) { throw "ISCC reported success but $setup is missing" }
Say "installer: dist\installer\ptt-setup-$Version.exe ($([math]::Round((Get-Item $setup).Length / 1MB)) MB)"

if (-not $TestInstaller) { Say "OK"; exit 0 }

# ---- installer test: install for this user, check, uninstall, check again ---------------------------------------
Say "installer test (per-user install, then uninstall)"
$app = Join-Path $env:LOCALAPPDATA "Programs\Policy Target Tracker"
$startMenu = Join-Path $env:APPDATA "Microsoft\Windows\Start Menu\Programs"
$classes = "HKCU:\Software\Classes"
$uninstallKey = "HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\${AppId}_is1"
$userData = Join-Path $Smoke "user-data\my-targets.ptt.sqlite"
$userFolder = Join-Path $env:LOCALAPPDATA "PolicyTargetTracker"  # settings and automatic backups
$marker = Join-Path $userFolder "installer-test-marker.txt"

function Get-ProgramShortcuts {
    $shell = New-Object -ComObject WScript.Shell
    return @(Get-ChildItem -LiteralPath $startMenu -Filter "*.lnk" -Recurse |
            Where-Object { $shell.CreateShortcut($_.FullName).TargetPath -eq (Join-Path $app "ptt-gui.exe") })
}

Invoke-Checked -Name "install" -FilePath $setup -TimeoutSeconds 600 `
    -Arguments @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/TASKS=associate", "/LOG=$(Join-Path $Smoke 'install.log')") | Out-Null

foreach ($file in @("ptt-gui.exe", "ptt.exe", "unins000.exe", "_internal\db\demo\demo.json")) {
    if (-not (Test-Path -LiteralPath (Join-Path $app $file))) { throw "not installed in the per-user folder: $app\$file" }
}
if ((Get-ProgramShortcuts).Count -ne 1) { throw "no Start-menu shortcut to $app\ptt-gui.exe" }
$command = (Get-ItemProperty -LiteralPath "$classes\$ProgId\shell\open\command").'(default)'
if ($command -notlike "*ptt-gui.exe*%1*") { throw "file type $ProgId opens with '$command'" }
if ($null -eq (Get-ItemProperty -LiteralPath "$classes\.sqlite\OpenWithProgids" -Name $ProgId -ErrorAction SilentlyContinue)) {
    throw ".sqlite does not offer $ProgId under Open with"
}
if ((Get-ItemProperty -LiteralPath "$classes\.sqlite").'(default)' -ne $ProgId) { throw ".sqlite does not open with $ProgId" }
if (-not (Test-Path -LiteralPath $uninstallKey)) { throw "no per-user uninstall entry ($uninstallKey)" }
Write-Host "  ok  installed in $app; Start-menu shortcut; .sqlite association; uninstall entry under HKCU"

New-Item -ItemType Directory -Force -Path (Split-Path -Parent $userData), $userFolder | Out-Null
Set-Content -LiteralPath $marker -Value "made by build_windows.ps1 -TestInstaller; must survive the uninstall"
$installedCli = Join-Path $app "ptt.exe"
Invoke-Checked -Name "installed-init" -FilePath $installedCli -Arguments @("init", $userData, "--demo") -Frozen | Out-Null
$installedStatus = Invoke-Checked -Name "installed-status" -FilePath $installedCli -Arguments @("status", $userData, "--as-of", $AsOf) -Frozen
if ($installedStatus -notmatch '\u5171 \d+ \u4e2a\u6307\u6807') { throw "the installed ptt.exe printed no status table" }
Write-Host "  ok  the installed ptt.exe made and read a data file"

$uninstaller = Join-Path $app "unins000.exe"
Invoke-Checked -Name "uninstall" -FilePath $uninstaller -Arguments @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART") | Out-Null
# The uninstaller hands over to a copy of itself in %TEMP%; that copy uninstalls, ends the original (its exit code is
# what we got) and only then deletes unins000.exe and the folder: wait until it has.
$deadline = (Get-Date).AddMinutes(3)
while ((Test-Path -LiteralPath $uninstaller) -and (Get-Date) -lt $deadline) { Start-Sleep -Seconds 2 }
if (Test-Path -LiteralPath $uninstaller) { throw "the uninstaller's copy did not finish within 3 minutes ($uninstaller is still there)" }
if (Test-Path -LiteralPath (Join-Path $app "ptt-gui.exe")) { throw "uninstall left $app\ptt-gui.exe" }
if (Test-Path -LiteralPath "$classes\$ProgId") { throw "uninstall left the file type $ProgId" }
if ($null -ne (Get-ItemProperty -LiteralPath "$classes\.sqlite\OpenWithProgids" -Name $ProgId -ErrorAction SilentlyContinue)) {
    throw "uninstall left $ProgId under .sqlite\OpenWithProgids"
}
if ((Get-ProgramShortcuts).Count -ne 0) { throw "uninstall left the Start-menu shortcut" }
if (Test-Path -LiteralPath $uninstallKey) { throw "uninstall left its uninstall entry" }
if (-not (Test-Path -LiteralPath $userData)) { throw "uninstall removed the user's data file $userData" }
if (-not (Test-Path -LiteralPath $marker)) { throw "uninstall removed the user's data folder $userFolder" }
Remove-Item -LiteralPath $marker -Force
Write-Host "  ok  uninstalled: program, shortcut, file type and entry gone; the user's data file and folder kept"
Say "OK: dist\installer\ptt-setup-$Version.exe"
