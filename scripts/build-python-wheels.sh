#!/usr/bin/env bash
# The Python release artifacts: a manylinux2014 (glibc 2.17) abi3 wheel built with zig, checked by
# `auditwheel show`, and an sdist that is then built into a wheel itself. Not part of
# scripts/test-all.sh (a release build takes minutes); scripts/bench-python.sh uses the wheel.
#
#   scripts/build-python-wheels.sh          # → $CARGO_TARGET_DIR/python/dist/
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
PYTHON="${PYTHON:-python3}"
WORK="$CARGO_TARGET_DIR/python"
VENV="$WORK/release-venv"
DIST="$WORK/dist"
log() { printf '==> %s\n' "$*"; }

if [ ! -x "$VENV/bin/maturin" ] || [ ! -x "$VENV/bin/auditwheel" ]; then
  log "installing maturin, ziglang and auditwheel into $VENV"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet 'maturin>=1.9.4,<2' 'ziglang>=0.13' 'auditwheel>=6,<7'
fi
# maturin runs `python -m ziglang` with the first python on PATH: the venv's.
export PATH="$VENV/bin:$PATH"
rm -rf "$DIST"
cd "$ROOT/bindings-python"
log "manylinux2014 wheel (maturin --zig)"
maturin build --locked --release --zig --compatibility manylinux2014 --out "$DIST"
wheel=$(ls "$DIST"/a55-*manylinux*.whl)
log "auditwheel show $(basename "$wheel")"
auditwheel show "$wheel" | tee "$DIST/auditwheel.txt"
grep -q 'manylinux_2_17' "$DIST/auditwheel.txt" || { echo "not manylinux_2_17 compatible"; exit 1; }
size_kib=$(( $(stat -c %s "$wheel") / 1024 ))
log "wheel size: $size_kib KiB"
[ "$size_kib" -le 6144 ] || { echo "the wheel is over 6 MB"; exit 1; }
log "sdist, then a wheel built from it"
maturin sdist --out "$DIST"
sdist=$(ls "$DIST"/a55-*.tar.gz)
"$VENV/bin/pip" wheel --quiet --no-deps --wheel-dir "$DIST/from-sdist" "$sdist"
ls -la "$DIST" "$DIST/from-sdist"
