#!/usr/bin/env bash
# The Node client's benchmark (not a test): a release native module, the emulator in its own process
# (rate limit off), then bindings-node/bench/client.mjs. Figures go in BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release -p a55-cli
(cd bindings-node && npm install --no-audit --no-fund --loglevel=error && node tools/build-native.mjs --release --strip)
PORT=${A55_BENCH_PORT:-18055}
"$CARGO_TARGET_DIR/release/a55" emulator --port "$PORT" --rate-limit 0 >/dev/null 2>&1 &
EMU=$!
trap 'kill $EMU 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/_emulator/health" >/dev/null && break; sleep 0.1; done
A55_EMULATOR_URL="http://127.0.0.1:$PORT" node bindings-node/bench/client.mjs "$@"
