#!/usr/bin/env bash
# Benchmark (not a test): the cost of fleet mode's shared store per call, Redis on loopback against
# the process's own budget, 1 and 64 in flight. Figures go in BENCHMARKS.md by hand, with this command.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
command -v redis-server >/dev/null || { echo "redis-server is needed (Debian: apt-get install redis-server)"; exit 1; }
cargo build --release -p a55-cli
export A55_BIN="$CARGO_TARGET_DIR/release/a55"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no >/dev/null &
redis_pid=$!
trap 'kill $redis_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.05; done
export A55_BENCH_REDIS="redis://127.0.0.1:$port/0"
cargo bench -p a55-core --bench store
