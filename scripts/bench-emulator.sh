#!/usr/bin/env bash
# Flat cost: posts 200,000 charges to `a55 emulator` in its own process and prints the rate and
# the emulator's CPU per charge for each 20,000 (emulator/benches/fill.rs). A benchmark, not a test: scripts/test-all.sh does not run it.
#
#   scripts/bench-emulator.sh                    # 200,000 charges
#   A55_FILL_TOTAL=40000 scripts/bench-emulator.sh
#   A55_BIN_B=/path/to/other/a55 scripts/bench-emulator.sh   # this build (A) against another (B)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --locked --release -p a55-cli
export A55_BIN="$CARGO_TARGET_DIR/release/a55"
exec cargo bench --locked -p a55-emulator --bench fill
