#!/usr/bin/env bash
# Benchmarks (not tests): the helpers and validation (criterion), then the SDK against raw reqwest,
# the emulator's throughput and peak memory. Figures go in BENCHMARKS.md by hand, with this command.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release -p a55-cli
export A55_BIN="$CARGO_TARGET_DIR/release/a55"
cargo bench -p a55-core --bench helpers -- --warm-up-time 1 --measurement-time 3
cargo bench -p a55-core --bench client
