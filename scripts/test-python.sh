#!/usr/bin/env bash
# Python binding: builds the `a55` wheel with maturin, installs it into a FRESH virtualenv and runs
# pytest there, against the installed package (never the source tree).
#
#   scripts/test-python.sh                       # debug wheel (overflow checks on), the usual run
#   A55_PYTHON_RELEASE=1 scripts/test-python.sh  # release wheel; also prints its size
#
# Everything it needs is installed under $CARGO_TARGET_DIR/python/ and kept between runs:
#   build-venv/  maturin, pytest, mypy, pyright (pip, from PyPI; pyright fetches its npm package
#                into ~/.cache/pyright-python on first use and runs it with the machine's node)
#   wheelhouse/  pytest, mypy, pyright and their dependencies as wheels, so each fresh test venv
#                installs offline
#   wheels/      the wheel just built
#   test-venv/   made anew on every run: the wheel + pytest + mypy
set -euo pipefail

ROOT="${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
PYTHON="${PYTHON:-python3}"
WORK="$CARGO_TARGET_DIR/python"
BUILD_VENV="$WORK/build-venv"
WHEELHOUSE="$WORK/wheelhouse"
WHEELS="$WORK/wheels"
TEST_VENV="$WORK/test-venv"
TOOLS=('maturin>=1.9.4,<2' 'pytest>=8,<10' 'mypy>=1.10,<3' 'pyright>=1.1.400,<2')
TEST_TOOLS=('pytest>=8,<10' 'mypy>=1.10,<3' 'pyright>=1.1.400,<2')
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1

log() { printf '==> %s\n' "$*"; }

# 1. A Python >= 3.9 with venv (Debian's python3 needs python3-venv for that).
command -v "$PYTHON" >/dev/null || { echo "python3 is required"; exit 1; }
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 9))' || {
  echo "Python >= 3.9 is required, found $("$PYTHON" --version)"
  exit 1
}
if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
  log "installing python3-venv (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
fi

# 2. The build venv and the wheelhouse, made once.
mkdir -p "$WORK"
# The wheelhouse holds wheels for this interpreter: its version is part of the stamp.
stamp="$WORK/.tools-$( { printf '%s ' "${TOOLS[@]}"; "$PYTHON" -VV; } | cksum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ ! -x "$BUILD_VENV/bin/maturin" ]; then
  log "installing maturin, pytest and mypy into $BUILD_VENV"
  rm -rf "$BUILD_VENV" "$WHEELHOUSE"
  "$PYTHON" -m venv "$BUILD_VENV"
  "$BUILD_VENV/bin/pip" install --quiet "${TOOLS[@]}"
  "$BUILD_VENV/bin/pip" download --quiet --dest "$WHEELHOUSE" "${TEST_TOOLS[@]}"
  touch "$stamp"
fi

# 3. The wheel.
profile=(); kind=debug
if [ "${A55_PYTHON_RELEASE:-0}" = 1 ]; then profile=(--release); kind=release; fi
log "building the $kind wheel with $("$BUILD_VENV/bin/maturin" --version)"
rm -rf "$WHEELS"
(cd "$ROOT/bindings-python" && "$BUILD_VENV/bin/maturin" build --locked "${profile[@]}" --out "$WHEELS")
wheel=$(ls "$WHEELS"/a55-*.whl)
log "wheel: $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB)"

# 4. A fresh virtualenv with the wheel installed, nothing from the source tree.
log "installing the wheel into a fresh virtualenv $TEST_VENV"
rm -rf "$TEST_VENV"
"$PYTHON" -m venv "$TEST_VENV"
"$TEST_VENV/bin/pip" install --quiet --no-index --find-links "$WHEELHOUSE" "$wheel" "${TEST_TOOLS[@]}"

# 5. Import time, reported (never asserted): best of 5 fresh interpreters, from outside the repo.
import_ms=$(cd /tmp && "$TEST_VENV/bin/python" - <<'EOF'
import subprocess, sys
code = "import time; t = time.perf_counter(); import a55; print((time.perf_counter() - t) * 1000)"
runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout) for _ in range(5)]
print(f"{min(runs):.1f} ms (best of 5; median {sorted(runs)[2]:.1f} ms)")
EOF
)
log "import a55: $import_ms"

# 6. The tests, run from the tests' own directory against the installed package; pytest's summary
# is the last line.
cd "$ROOT/bindings-python"
export A55_VECTORS_DIR="$ROOT/tests/vectors"
exec "$TEST_VENV/bin/pytest" -p no:cacheprovider tests "$@"
