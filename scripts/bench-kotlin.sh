#!/usr/bin/env bash
# The Kotlin client's benchmark (not a test): a release native library, the emulator in its own
# process (rate limit off), then bindings-mobile/bench-kotlin against the a55-sdk jar installed by
# scripts/test-kotlin.sh, the release library put first on JNA's path. Figures go in BENCHMARKS.md
# by hand.
#   scripts/bench-kotlin.sh [--seconds 5] [--rounds 7]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release --locked -p a55-cli -p a55-mobile
[ -f "$HOME/.m2/repository/tech/a55/a55-sdk/0.1.0/a55-sdk-0.1.0.jar" ] \
  || { echo "run scripts/test-kotlin.sh first (it installs tech.a55:a55-sdk)" >&2; exit 1; }
(cd bindings-mobile/bench-kotlin && mvn -B -q -ntp compile)
PORT=${A55_BENCH_PORT:-18056}
"$CARGO_TARGET_DIR/release/a55" emulator --port "$PORT" --rate-limit 0 >/dev/null 2>&1 &
EMU=$!
trap 'kill $EMU 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/_emulator/health" >/dev/null && break; sleep 0.1; done
cp=$(cat bindings-mobile/bench-kotlin/target/classpath.txt)
A55_EMULATOR_URL="http://127.0.0.1:$PORT" java -Djna.library.path="$CARGO_TARGET_DIR/release" \
  -cp "bindings-mobile/bench-kotlin/target/classes:$cp" BenchKt "$@"
