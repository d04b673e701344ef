#!/usr/bin/env bash
# Runs every test suite of every language, installing what it needs.
#
#   scripts/test-all.sh            # everything
#   scripts/test-all.sh rust node  # some stages only (rust, openapi, browser, python, node, kotlin, swift)
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
[ ${#stages[@]} -eq 0 ] && stages=(rust openapi browser python node kotlin swift)
want() { local s; for s in "${stages[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

summary=()
LOGS="$CARGO_TARGET_DIR/test-logs"
mkdir -p "$LOGS"
run_stage() {
  local name=$1; shift
  local start=$SECONDS
  echo
  echo "=== $name ==="
  if "$@" 2>&1 | tee "$LOGS/$name.log"; [ "${PIPESTATUS[0]}" -eq 0 ]; then
    summary+=("$name: ok ($((SECONDS - start)) s)")
  else
    summary+=("$name: FAILED ($((SECONDS - start)) s)")
    echo "=== $name FAILED ==="
    print_summary
    exit 1
  fi
}
# Counts the tests each runner reported, from its own summary lines.
count_tests() {
  local log=$1 kind=$2
  [ -f "$log" ] || { echo "0 0"; return; }
  case $kind in
    cargo) awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed;?/) p += $i; if ($(i+1) ~ /^failed;?/) f += $i } }
                END { print p + 0, f + 0 }' "$log" ;;
    python) grep -Eo '[0-9]+ passed|[0-9]+ failed' "$log" | awk '/passed/ { p = $1 } /failed/ { f = $1 } END { print p + 0, f + 0 }' ;;
    node) awk '/^[^ ]+ pass [0-9]+$/ { p += $3 } /^[^ ]+ fail [0-9]+$/ { f += $3 } END { print p + 0, f + 0 }' "$log" ;;
    kotlin) grep -E '^\[[A-Z]+\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+' "$log" | tail -1 |
              sed -E 's/.*Tests run: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+).*/\1 \2 \3/' |
              awk '{ print $1 - $2 - $3, $2 + $3 }' ;;
    openapi) grep -E '^openapi: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -1 |
               sed -E 's/^openapi: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/' ;;
    swift) grep -E 'Executed [0-9]+ tests?, with [0-9]+ failures' "$log" | tail -1 |
             sed -E 's/.*Executed ([0-9]+) tests?, with ([0-9]+) failures.*/\1 \2/' | awk '{ print $1 - $2, $2 }' ;;
  esac
}

print_summary() {
  echo
  echo "=== summary ==="
  printf '%s\n' "${summary[@]}"
  local total_p=0 total_f=0 p f stage
  for stage in rust openapi browser python node kotlin swift; do
    local kind=$stage
    case $stage in rust) kind=cargo ;; browser) kind=python ;; esac
    read -r p f < <(count_tests "$LOGS/$stage.log" "$kind")
    total_p=$((total_p + ${p:-0})); total_f=$((total_f + ${f:-0}))
  done
  echo "tests: $total_p passed, $total_f failed"
}

build_workspace() {
  command -v cargo >/dev/null || { echo "cargo is required (https://rustup.rs)"; return 1; }
  cargo build --workspace --locked
}

# Declared but unused dependencies fail the rust stage. cargo-machete reads the sources of every
# Cargo.toml under the repository (the fuzz workspace too); a crate it cannot see used (one reached
# only through a macro) goes in that Cargo.toml's [package.metadata.cargo-machete] ignored list, with
# a comment saying why.
unused_dependencies() {
  { command -v cargo-machete >/dev/null || cargo install cargo-machete --locked; } &&
    cargo machete --skip-target-dir
}

# The emulator is the server side: it builds core without its HTTP client (feature `client`).
emulator_without_client() {
  if cargo tree --locked -p a55-emulator -e features -i a55-core | grep -q 'a55-core feature "client"'; then
    echo "a55-emulator pulls in a55-core's client feature"
    return 1
  fi
}

# Chained with &&: run_stage calls a stage inside a condition, where `set -e` does not stop at a
# failing step, so each step's failure must fail the stage by itself.
rust_stage() {
  unused_dependencies &&
    emulator_without_client &&
    cargo fmt --all --check &&
    cargo clippy --workspace --all-targets --locked -- -D warnings &&
    cargo test --workspace --locked
}

# Fleet mode's tests start Debian's redis-server themselves (on a free port, stopped at the end);
# here it is installed when missing, and the tests are told it must be there.
install_redis() {
  command -v redis-server >/dev/null && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "redis-server is needed by the fleet tests (Debian: apt-get install redis-server)" >&2
    return 1
  fi
  echo "installing redis-server (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null &&
    { systemctl disable --now redis-server >/dev/null 2>&1 || service redis-server stop >/dev/null 2>&1 || true; }
}

rm -f "$LOGS"/*.log
run_stage "build" build_workspace
if want rust || want python || want node; then
  install_redis || exit 1
  export A55_REQUIRE_REDIS=1
fi
# Every language's tests start the emulator as `$A55_BIN emulator --port 0`.
export A55_BIN="$CARGO_TARGET_DIR/debug/a55"
want rust && run_stage "rust" rust_stage
# openapi: the emulator's OpenAPI document, validated, and schemathesis against a running emulator.
# The browser stage drives Debian's Chromium against the emulator (tests/browser/).
for lang in openapi browser python node kotlin swift; do
  want "$lang" || continue
  script="$ROOT/scripts/test-$lang.sh"
  if [ -f "$script" ]; then
    run_stage "$lang" bash "$script"
  else
    summary+=("$lang: not built yet (no scripts/test-$lang.sh)")
  fi
done
print_summary
