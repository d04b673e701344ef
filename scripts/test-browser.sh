#!/usr/bin/env bash
# The browser tests (tests/browser/): Debian's Chromium, driven by Playwright for Python, against
# `$A55_BIN emulator`: A55's browser SDK requests from a page on another origin, and the hosted
# checkout page as a payer uses it.
#
#   scripts/test-browser.sh     # needs $A55_BIN (scripts/test-all.sh builds it), else target/debug/a55
#
# What it installs, and keeps between runs:
#   chromium                          Debian's package (apt-get), when `chromium` is not on PATH
#   $CARGO_TARGET_DIR/browser/venv/   playwright and pytest (pip, from PyPI)
# Playwright is told where Chromium is (`executable_path`); it never downloads a browser.
set -euo pipefail

ROOT="${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export A55_BIN="${A55_BIN:-$CARGO_TARGET_DIR/debug/a55}"
PYTHON="${PYTHON:-python3}"
VENV="$CARGO_TARGET_DIR/browser/venv"
TOOLS=('playwright>=1.49,<2' 'pytest>=8,<10')
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

log() { printf '==> %s\n' "$*"; }

[ -x "$A55_BIN" ] || { echo "no a55 binary at $A55_BIN: run cargo build -p a55-cli first"; exit 1; }

# 1. Debian's Chromium.
if ! command -v chromium >/dev/null; then
  log "installing chromium (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
CHROMIUM="$(command -v chromium)"
export CHROMIUM
log "$("$CHROMIUM" --version 2>/dev/null | head -1)"

# 2. Playwright and pytest in their own venv, made once (python3-venv as test-python.sh needs it).
if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
  log "installing python3-venv (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
fi
stamp="$VENV/.tools-$( { printf '%s ' "${TOOLS[@]}"; "$PYTHON" -VV; } | cksum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ ! -x "$VENV/bin/pytest" ]; then
  log "installing playwright and pytest into $VENV"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "${TOOLS[@]}"
  touch "$stamp"
fi
log "$("$VENV/bin/python" -c 'import importlib.metadata as m; print("playwright", m.version("playwright"))')"

# 3. The tests; pytest's summary is the last line.
cd "$ROOT/tests/browser"
exec "$VENV/bin/pytest" -p no:cacheprovider -q .
