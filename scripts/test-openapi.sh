#!/usr/bin/env bash
# The emulator's OpenAPI document, checked by real tools: openapi-spec-validator validates it, and
# schemathesis runs its property-based and stateful tests against a running emulator (rate limit off,
# faults off): no 5xx, every answer's status documented, every body and header as documented.
#
#   scripts/test-openapi.sh                         # against $A55_BIN (built by scripts/test-all.sh)
#   A55_SCHEMATHESIS_EXAMPLES=100 scripts/test-openapi.sh   # a longer run (25 examples by default)
#   A55_SCHEMATHESIS_SEED=random scripts/test-openapi.sh    # a new seed (fixed by default)
#
# The tools are installed from PyPI into $CARGO_TARGET_DIR/openapi/venv, kept between runs.
set -euo pipefail

ROOT="${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
PYTHON="${PYTHON:-python3}"
WORK="$CARGO_TARGET_DIR/openapi"
VENV="$WORK/venv"
TOOLS=('schemathesis==4.32.5' 'openapi-spec-validator==0.9.0')
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1

log() { printf '==> %s\n' "$*"; }

A55_BIN="${A55_BIN:-$CARGO_TARGET_DIR/debug/a55}"
[ -x "$A55_BIN" ] || (cd "$ROOT" && cargo build --locked -p a55-cli)

command -v "$PYTHON" >/dev/null || { echo "python3 is required"; exit 1; }
if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
  log "installing python3-venv (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
fi
stamp="$VENV/.tools-$( { printf '%s ' "${TOOLS[@]}"; "$PYTHON" -VV; } | cksum | cut -d' ' -f1)"
if [ ! -f "$stamp" ]; then
  log "installing ${TOOLS[*]} into $VENV"
  rm -rf "$VENV"
  mkdir -p "$WORK"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "${TOOLS[@]}"
  touch "$stamp"
fi

A55_BIN="$A55_BIN" exec "$VENV/bin/python" "$ROOT/scripts/openapi_check.py" \
  --document "$ROOT/emulator/openapi.json" --work "$WORK"
