#!/usr/bin/env bash
# Flat cost: posts 200,000 charges to an in-process emulator and prints the rate per 20,000
# (emulator/benches/fill.rs). A benchmark, not a test: scripts/test-all.sh does not run it.
#
#   scripts/bench-emulator.sh                    # 200,000 charges
#   A55_FILL_TOTAL=40000 scripts/bench-emulator.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo bench --locked -p a55-emulator --bench fill
