#!/usr/bin/env bash
# Fuzz targets (cargo-fuzz, nightly): brcode, webhook, decode, amount, router.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]     (default 600 s each, all five)
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs=${1:-600}; shift || true
targets=("$@"); [ ${#targets[@]} -eq 0 ] && targets=(brcode webhook decode amount router)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for t in "${targets[@]}"; do
  echo "=== fuzz $t for ${secs}s ==="
  # --debug-assertions: an arithmetic overflow panics (a finding) instead of wrapping silently.
  cargo +nightly fuzz run --debug-assertions "$t" -- -max_total_time="$secs" -print_final_stats=1 2>&1 | tail -25
done
