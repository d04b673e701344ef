#!/usr/bin/env bash
# Runs every test suite of every language, installing what it needs.
#
#   scripts/test-all.sh            # everything
#   scripts/test-all.sh rust node  # some stages only (rust, python, node, kotlin, swift)
#
# One `cargo build --workspace` builds the core, the emulator, the `a55` binary and every native
# library once; each language's stage then reuses those artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export ROOT

# Share one target dir between clones when the caller gives one (CI reuses a cache this way).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

stages=("$@")
[ ${#stages[@]} -eq 0 ] && stages=(rust python node kotlin swift)
want() { local s; for s in "${stages[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

summary=()
run_stage() {
  local name=$1; shift
  local start=$SECONDS
  echo
  echo "=== $name ==="
  if "$@"; then
    summary+=("$name: ok ($((SECONDS - start)) s)")
  else
    summary+=("$name: FAILED ($((SECONDS - start)) s)")
    echo "=== $name FAILED ==="
    print_summary
    exit 1
  fi
}
print_summary() {
  echo
  echo "=== summary ==="
  printf '%s\n' "${summary[@]}"
}

build_workspace() {
  command -v cargo >/dev/null || { echo "cargo is required (https://rustup.rs)"; return 1; }
  cargo build --workspace --locked
  A55_BIN="$CARGO_TARGET_DIR/debug/a55"
  if [ -x "$A55_BIN" ]; then export A55_BIN; fi
}

rust_stage() {
  cargo fmt --all --check
  cargo clippy --workspace --all-targets --locked -- -D warnings
  cargo test --workspace --locked
}

run_stage "build" build_workspace
want rust && run_stage "rust" rust_stage
for lang in python node kotlin swift; do
  want "$lang" || continue
  script="$ROOT/scripts/test-$lang.sh"
  if [ -f "$script" ]; then
    run_stage "$lang" bash "$script"
  else
    summary+=("$lang: not built yet (no scripts/test-$lang.sh)")
  fi
done
print_summary
