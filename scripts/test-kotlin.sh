#!/usr/bin/env bash
# Kotlin (JVM) tests of bindings-mobile: generates the Kotlin source from the host-built
# liba55_mobile.so with uniffi-bindgen, puts the library (debug info stripped) where the jar carries
# it (linux-x86-64/), builds and tests both Maven modules and installs them in the local repository
# (`mvn install`: the tests load the library from the jar, no library path set), then runs the
# consumer project bindings-mobile/consumer-kotlin, which depends on the installed artifacts by their
# coordinates only.
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
CONSUMER="$ROOT/bindings-mobile/consumer-kotlin"
GEN="$PROJECT/sdk/target/generated-sources/uniffi"
NATIVE="$PROJECT/sdk/target/native/linux-x86-64"

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
fresh="$PROJECT/sdk/target/uniffi-fresh"
rm -rf "$fresh"
mkdir -p "$fresh" "$GEN"
"$BINDGEN" generate "$LIB" --language kotlin --no-format --out-dir "$fresh"
if ! diff -rq "$fresh" "$GEN" >/dev/null 2>&1; then
  rm -rf "$GEN"
  mv "$fresh" "$GEN"
else
  rm -rf "$fresh"
fi

# The library as the jar carries it. Debug info is dropped (116 MB → a fraction); the symbols
# uniffi needs at run time stay. Copied again only when the library changed.
mkdir -p "$NATIVE"
if [ ! -f "$NATIVE/liba55_mobile.so" ] || [ "$LIB" -nt "$NATIVE/liba55_mobile.so" ]; then
  echo "--- liba55_mobile.so → the jar's linux-x86-64/ (debug info stripped)"
  objcopy --strip-debug "$LIB" "$NATIVE/liba55_mobile.so.tmp"
  mv "$NATIVE/liba55_mobile.so.tmp" "$NATIVE/liba55_mobile.so"
fi

offline=()
[ "${A55_MAVEN_OFFLINE:-0}" = 1 ] && offline=(-o)
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
echo "--- mvn install (a55-sdk, a55-sdk-testing)"
(cd "$PROJECT" && mvn "${offline[@]}" -B -ntp install \
  "-Da55.vectorsDir=$ROOT/tests/vectors") 2>&1 | tee "$log" || status=$?
if [ "$status" -eq 0 ]; then
  echo "--- consumer project: tech.a55:a55-sdk by its coordinates"
  (cd "$CONSUMER" && mvn "${offline[@]}" -B -ntp test) 2>&1 | tee -a "$log" || status=$?
fi

echo
grep -E '^[0-9]+ vectors run through the Kotlin API' "$log" || true
# Surefire prints one summary per project (a55-sdk, a55-sdk-testing, the consumer); their sum is
# printed last, in the same form, for scripts/test-all.sh.
summaries=$(grep -E '^\[(INFO|ERROR|WARNING)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$log" || true)
if [ -n "$summaries" ]; then
  echo "$summaries" | sed -E 's/.*Tests run: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+), Skipped: ([0-9]+)/\1 \2 \3 \4/' |
    awk '{ r += $1; f += $2; e += $3; s += $4 } END { printf "[INFO] Tests run: %d, Failures: %d, Errors: %d, Skipped: %d\n", r, f, e, s }'
else
  echo "no Surefire summary (the build failed before the tests ran)"
fi
exit "$status"
