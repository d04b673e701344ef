#!/usr/bin/env bash
# Kotlin (JVM) tests of bindings-mobile: generates the Kotlin source from the host-built
# liba55_mobile.so with uniffi-bindgen, then compiles it with its JUnit tests and runs them with Maven.
#
# Called by scripts/test-all.sh after `cargo build --workspace` (which builds liba55_mobile.so and
# uniffi-bindgen). Run alone, it builds those two itself when they are missing.
#   A55_MAVEN_OFFLINE=1   run Maven offline (the ~/.m2 cache must already hold everything)
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
LIB_DIR="$CARGO_TARGET_DIR/debug"
LIB="$LIB_DIR/liba55_mobile.so"
BINDGEN="$LIB_DIR/uniffi-bindgen"
PROJECT="$ROOT/bindings-mobile/kotlin"
GEN="$PROJECT/target/generated-sources/uniffi"

if [ ! -f "$LIB" ] || [ ! -x "$BINDGEN" ]; then
  echo "--- building a55-mobile and uniffi-bindgen (not found in $LIB_DIR)"
  (cd "$ROOT" && cargo build --locked -p a55-mobile -p uniffi-bindgen)
fi

# A JDK (17+) and Maven: present on the project's machines; installed from Debian otherwise.
if ! command -v mvn >/dev/null || ! command -v javac >/dev/null; then
  echo "--- installing a JDK and Maven (apt)"
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "ERROR: Maven and a JDK 17+ are needed (root + apt-get not available to install them)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    maven openjdk-17-jdk-headless >/dev/null
fi

# Generate before anything strips the library: uniffi reads its metadata from the symbols.
echo "--- uniffi-bindgen generate (kotlin) from $LIB"
# Into a fresh directory, then copied over only when it changed: an unchanged file keeps its
# timestamp and Kotlin's incremental compiler skips it on the next run.
fresh="$PROJECT/target/uniffi-fresh"
rm -rf "$fresh"
mkdir -p "$fresh" "$GEN"
"$BINDGEN" generate "$LIB" --language kotlin --no-format --out-dir "$fresh"
if ! diff -rq "$fresh" "$GEN" >/dev/null 2>&1; then
  rm -rf "$GEN"
  mv "$fresh" "$GEN"
else
  rm -rf "$fresh"
fi

echo "--- mvn test"
mvn_args=(-B -ntp test
  "-Da55.generated.dir=$GEN"
  "-Da55.lib.dir=$LIB_DIR"
  "-Da55.vectorsDir=$ROOT/tests/vectors")
[ "${A55_MAVEN_OFFLINE:-0}" = 1 ] && mvn_args=(-o "${mvn_args[@]}")
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
(cd "$PROJECT" && mvn "${mvn_args[@]}") 2>&1 | tee "$log" || status=$?

echo
grep -E '^[0-9]+ vectors run through the Kotlin API' "$log" || true
# Surefire's own summary is the last thing printed.
grep -E '^\[(INFO|ERROR|WARNING)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$log" \
  | tail -1 || echo "no Surefire summary (the build failed before the tests ran)"
exit "$status"
