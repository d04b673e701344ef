#!/usr/bin/env bash
# The Python client benchmark (bindings-python/bench/bench_client.py): the release wheel against
# requests, httpx, aiohttp and pyreqwest, all posting to the emulator on loopback. Not a test and
# not part of scripts/test-all.sh; the figures go in BENCHMARKS.md.
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
PYTHON="${PYTHON:-python3}"
WORK="$CARGO_TARGET_DIR/python"
VENV="$WORK/bench-venv"
[ -n "$(ls "$WORK"/dist/a55-*manylinux*.whl 2>/dev/null)" ] || bash "$ROOT/scripts/build-python-wheels.sh"
wheel=$(ls "$WORK"/dist/a55-*manylinux*.whl)
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install --quiet "$wheel" 'requests>=2.32,<3' 'httpx>=0.28,<1' 'aiohttp>=3.10,<4' \
  'pyreqwest>=0.15,<0.16'
cd /tmp && "$VENV/bin/python" "$ROOT/bindings-python/bench/bench_client.py" --wheel "$wheel" "$@"
