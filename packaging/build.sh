#!/usr/bin/env bash
# Build the frozen program with PyInstaller, then prove it works before anyone ships it:
#   dist/ptt/ptt-gui   the window        dist/ptt/ptt   the command line        dist/ptt/_internal   shared files
# Smoke test: the bundle holds its data; `ptt status --demo` prints the table; `ptt report --demo` writes a PDF
# with pages and an embedded Chinese font; `ptt-gui --screenshot` starts the window offscreen, renders it to a PNG
# and quits. Any failure (an exit code, a Python traceback on stderr, a bad file) fails the build.
# Linux; CI runs it after the tests (.ci/run). As root on a bare Debian it installs what it needs, like setup.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DIST="$ROOT/dist/ptt"
WORK="$ROOT/build/pyinstaller"
AS_OF=2025-07-31  # a fixed date, so the demo's figures are the same on every run

say() { printf '[build] %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

bash "$ROOT/scripts/setup.sh"
PY="$ROOT/.venv/bin/python"

# PyInstaller on Linux needs objdump (binutils) and the interpreter's shared library (libpython3.X; Debian's own
# python3 is linked statically, so the package must be there for PyInstaller to collect it).
install_build_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=() soname libdir pyver
  command -v objdump >/dev/null 2>&1 || missing+=(binutils)
  read -r soname libdir pyver < <("$PY" -c 'import sys, sysconfig as s
print(s.get_config_var("INSTSONAME"), s.get_config_var("LIBDIR"), "%d.%d" % sys.version_info[:2])')
  # grep reads all of ldconfig's output (no -q): an early exit would fail the pipe under pipefail
  if [ ! -e "$libdir/$soname" ] && ! ldconfig -p 2>/dev/null | grep -F "$soname" >/dev/null; then
    missing+=("libpython$pyver")
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    say "installing build packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    fail "missing system packages; run as root once:  sudo apt-get install -y ${missing[*]}"
  fi
}
install_build_packages

"$PY" -m pip install --quiet -r "$ROOT/packaging/requirements-build.txt" ||
  fail "pip could not install PyInstaller (network, proxy or certificates?)"

say "building dist/ptt with PyInstaller $("$PY" -m PyInstaller --version) (log: build/pyinstaller/build.log)"
mkdir -p "$WORK"
started=$(date +%s)
if ! "$PY" -m PyInstaller --noconfirm --clean --distpath "$ROOT/dist" --workpath "$WORK" \
    "$ROOT/packaging/ptt.spec" >"$WORK/build.log" 2>&1; then
  tail -n 40 "$WORK/build.log" >&2
  fail "PyInstaller"
fi
build_seconds=$(($(date +%s) - started))

# ---- smoke test ----------------------------------------------------------------------------------------------
SMOKE="$ROOT/build/smoke"  # kept after the run: the report and the screenshot are worth a look
rm -rf "$SMOKE"
mkdir -p "$SMOKE/home"

# Run a frozen program like a user on a machine without a screen would: no display, a fresh profile, the
# temporary folder as the current directory (so nothing is found in the checkout by accident), and a time limit.
frozen() {
  local name=$1
  shift
  local code=0
  (cd "$SMOKE" && env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM -u PYTHONPATH \
    HOME="$SMOKE/home" XDG_CONFIG_HOME="$SMOKE/home/.config" XDG_DATA_HOME="$SMOKE/home/.local/share" \
    timeout 180 "$@") >"$SMOKE/$name.out" 2>"$SMOKE/$name.err" || code=$?
  if [ "$code" -ne 0 ] || grep -q "Traceback (most recent call last)" "$SMOKE/$name.err"; then
    cat "$SMOKE/$name.out" "$SMOKE/$name.err" >&2
    fail "$name (exit code $code)"
  fi
}
check() { "$PY" "$ROOT/packaging/smoke_check.py" "$@" || fail "smoke check: $*"; }
passed=0
ok() { passed=$((passed + 1)); }

say "smoke test of the frozen build"
check bundle "$DIST" && ok

frozen version "$DIST/ptt" --version
printf '  ok  %s\n' "$(cat "$SMOKE/version.out")" && ok

frozen status "$DIST/ptt" status --demo --as-of "$AS_OF"
grep -q "共 [0-9][0-9]* 个指标" "$SMOKE/status.out" || { cat "$SMOKE/status.out" >&2; fail "status table"; }
printf '  ok  ptt status --demo: %s\n' "$(head -n 1 "$SMOKE/status.out")" && ok

frozen report "$DIST/ptt" report --demo --as-of "$AS_OF" --out "$SMOKE/demo-report.pdf"
check pdf "$SMOKE/demo-report.pdf" && ok

frozen window "$DIST/ptt-gui" --screenshot "$SMOKE/main-window.png" --as-of "$AS_OF" --lang zh_CN
check png "$SMOKE/main-window.png" && ok

size_mb=$(du -sm "$DIST" | cut -f1)
files=$(find "$DIST" -type f | wc -l)
say "build time ${build_seconds} s; dist/ptt is ${size_mb} MB in ${files} files. Largest parts:"
du -sm "$DIST/_internal"/* | sort -rn | head -n 6 | awk '{printf "  %5d MB  %s\n", $1, $2}' | sed "s|$ROOT/||" >&2 || true
say "frozen build OK; the smoke test's report and screenshot are in build/smoke/"
echo "smoke: $passed passed, 0 failed"
