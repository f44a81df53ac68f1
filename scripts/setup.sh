#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: system libraries and CJK fonts (Debian, as root), a virtual
# environment in .venv with the project installed, and compiled translations. Safe to run again: each step
# is skipped when already done.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# What Qt needs on a bare Debian (see shared QT-NOTES): offscreen + X11 (xcb) platform plugins, printing,
# CJK fonts (without them Chinese renders as empty boxes), poppler for looking at PDFs.
DEBIAN_PACKAGES=(
  python3 python3-venv python3-pip
  libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libcups2
  fonts-noto-cjk poppler-utils
)

say() { printf '[setup] %s\n' "$*" >&2; }

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0  # not Debian/Ubuntu: nothing to do here
  local missing=()
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "missing system packages: ${missing[*]}"
    say "run as root once:  sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
}

pick_python() {
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  say "Python 3.11 or newer is required"; exit 1
}

make_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    local py; py="$(pick_python)"
    say "creating virtual environment with $py"
    "$py" -m venv "$VENV"
  fi
  # Reinstall only when the dependencies changed (pyproject.toml's hash is the stamp).
  local stamp="$VENV/.ptt-installed" want
  want="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing Python packages into .venv"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e "$ROOT[dev]" ||
      { say "pip install failed (network, proxy or certificates?); fix that and run again"; exit 1; }
    echo "$want" > "$stamp"
  fi
}

install_system_packages
make_venv
"$VENV/bin/python" "$ROOT/scripts/build_translations.py"
