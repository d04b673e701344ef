#!/usr/bin/env bash
# Swift tests of bindings-mobile: checks that the committed generated Swift source and C header
# (bindings-mobile/swift/Sources/A55/A55.swift, Sources/A55FFI/A55FFI.h) are what uniffi-bindgen
# generates from the host-built liba55_mobile.so, then runs `swift test` for real on the package
# (XCTest), and on the consumer package bindings-mobile/consumer-swift, which depends on the A55
# package by version from a git repository made here (as a user's package would from a release).
#
#   A55_UPDATE_SWIFT=1   write the generated files into the package instead of failing on a difference
#
# The native library is found without unsafeFlags: a pkg-config file (a55_mobile.pc) on
# PKG_CONFIG_PATH gives the linker its directory, LD_LIBRARY_PATH the loader.
#
# Where `swift` is installed it is used directly. Otherwise (Debian bookworm has no Swift) the tests
# run in a Debian trixie chroot with trixie's swiftlang 6.0.3, made once with debootstrap and reused:
#   A55_SWIFT_ROOT   where the chroot lives (default ${XDG_CACHE_HOME:-~/.cache}/a55-sdk/trixie-root;
#                    never inside the git tree; about 3.3 GB)
#   A55_DEBIAN_MIRROR  Debian mirror for debootstrap (default http://deb.debian.org/debian)
# When neither is possible (no swift, and not root / no apt-get / no debootstrap / mounts refused), the
# script says so loudly and exits 0 with a SKIPPED line: only Swift is skipped.
#
# Called by scripts/test-all.sh after `cargo build --workspace`. Run alone, it builds the library and
# uniffi-bindgen itself when they are missing.
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
LIB_DIR="$CARGO_TARGET_DIR/debug"
LIB="$LIB_DIR/liba55_mobile.so"
BINDGEN="$LIB_DIR/uniffi-bindgen"
PKG_SRC="$ROOT/bindings-mobile/swift"
CONSUMER_SRC="$ROOT/bindings-mobile/consumer-swift"
STAGE="$CARGO_TARGET_DIR/a55-mobile-swift"
SWIFT_ROOT="${A55_SWIFT_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/a55-sdk/trixie-root}"
MIRROR="${A55_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

skip() {
  echo
  echo "############################################################################"
  echo "# SKIPPED: Swift tests not run: $*"
  echo "############################################################################"
  exit 0
}

if [ ! -f "$LIB" ] || [ ! -x "$BINDGEN" ]; then
  echo "--- building a55-mobile and uniffi-bindgen (not found in $LIB_DIR)"
  (cd "$ROOT" && cargo build --locked -p a55-mobile -p uniffi-bindgen)
fi

# Generate before anything strips the library: uniffi reads its metadata from the symbols.
echo "--- uniffi-bindgen generate (swift) from $LIB"
rm -rf "$STAGE/gen"
mkdir -p "$STAGE/gen"
(cd "$ROOT" && "$BINDGEN" generate "$LIB" --language swift --no-format --out-dir "$STAGE/gen")
stale=()
cmp -s "$STAGE/gen/A55.swift" "$PKG_SRC/Sources/A55/A55.swift" || stale+=(Sources/A55/A55.swift)
cmp -s "$STAGE/gen/A55FFI.h" "$PKG_SRC/Sources/A55FFI/A55FFI.h" || stale+=(Sources/A55FFI/A55FFI.h)
if [ ${#stale[@]} -gt 0 ]; then
  if [ "${A55_UPDATE_SWIFT:-0}" = 1 ]; then
    cp "$STAGE/gen/A55.swift" "$PKG_SRC/Sources/A55/A55.swift"
    cp "$STAGE/gen/A55FFI.h" "$PKG_SRC/Sources/A55FFI/A55FFI.h"
    echo "--- updated ${stale[*]}"
  else
    echo "ERROR: ${stale[*]} in bindings-mobile/swift differ from what uniffi-bindgen generates from" >&2
    echo "       liba55_mobile.so: run A55_UPDATE_SWIFT=1 scripts/test-swift.sh and commit them" >&2
    exit 1
  fi
fi

# The library without its debug info (the symbols stay), once per build of it.
mkdir -p "$STAGE/lib"
if [ ! -f "$STAGE/lib/liba55_mobile.so" ] || [ "$LIB" -nt "$STAGE/lib/liba55_mobile.so" ]; then
  objcopy --strip-debug "$LIB" "$STAGE/lib/liba55_mobile.so.tmp"
  mv "$STAGE/lib/liba55_mobile.so.tmp" "$STAGE/lib/liba55_mobile.so"
fi

# Copies the package into $1/a55-swift and the consumer into $1/consumer-swift, with the vectors,
# the library and its pkg-config file (prefix $2: where $1 is as the tests see it). Unchanged files
# keep their timestamps, so SwiftPM's builds in .build stay incremental between runs.
assemble() {
  local dest=$1 seen=$2
  mkdir -p "$dest/a55-lib/pkgconfig"
  copy_tree "$PKG_SRC" "$dest/a55-swift"
  copy_tree "$ROOT/tests/vectors" "$dest/a55-swift/vectors"
  copy_tree "$CONSUMER_SRC" "$dest/consumer-swift"
  cp -p -u "$STAGE/lib/liba55_mobile.so" "$dest/a55-lib/"
  cat > "$dest/a55-lib/pkgconfig/a55_mobile.pc" <<PC
libdir=$seen/a55-lib

Name: a55_mobile
Description: The A55 SDK's native library (Rust core, uniffi)
Version: 0.1.0
Libs: -L\${libdir} -la55_mobile
Cflags:
PC
}

# Replaces $2 with a copy of $1 (timestamps kept), leaving $2/.build (SwiftPM's output) in place.
copy_tree() {
  local src=$1 dest=$2
  mkdir -p "$dest"
  find "$dest" -mindepth 1 -maxdepth 1 ! -name .build -exec rm -rf {} +
  tar -C "$src" --exclude=./.build --exclude=./vectors --exclude=./lib --exclude=./Package.resolved \
    -cf - . | tar -C "$dest" -xf -
}

# A git repository holding the package at its root, tagged 0.1.0: what a release publishes, and
# what the consumer package depends on by version. Made afresh each run. $1: the directory.
make_release_repo() {
  local repo=$1/repos/a55-swift
  rm -rf "$repo"
  mkdir -p "$repo"
  copy_tree "$PKG_SRC" "$repo"
  git -C "$repo" init -q
  git -C "$repo" add -A
  git -C "$repo" -c user.name=a55 -c user.email=a55@localhost commit -q -m "A55 0.1.0"
  git -C "$repo" tag 0.1.0
}

log="$(mktemp)"
mounted=()
cleanup() {
  local m i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    m=${mounted[i]}
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || echo "WARNING: could not unmount $m" >&2
  done
  rm -f "$log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # so that the EXIT trap unmounts on Ctrl-C too

# Binds /proc and /dev into a root (recorded for the trap); fails when mounting is not allowed.
mount_into() {
  local root=$1
  mountpoint -q "$root/proc" || { mount -t proc proc "$root/proc" && mounted+=("$root/proc"); } || return 1
  mountpoint -q "$root/dev" || { mount --bind /dev "$root/dev" && mounted+=("$root/dev"); } || return 1
}

unmount_all() {
  local m i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    m=${mounted[i]}
    umount "$m" 2>/dev/null || umount -l "$m"
  done
  mounted=()
}

# Makes the trixie root once: debootstrap into "$SWIFT_ROOT.partial", install swiftlang, then rename.
make_swift_root() {
  local partial="$SWIFT_ROOT.partial"
  echo "--- creating the Debian trixie chroot with swiftlang in $SWIFT_ROOT (once; ~3 GB)"
  if ! command -v debootstrap >/dev/null; then
    echo "--- installing debootstrap (apt)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  fi
  # A previous attempt may have left mounts behind: never delete through them.
  for m in "$partial/dev" "$partial/proc"; do
    if mountpoint -q "$m"; then umount "$m" || umount -l "$m"; fi
  done
  rm -rf --one-file-system "$partial"
  mkdir -p "$(dirname "$SWIFT_ROOT")"
  debootstrap --variant=minbase trixie "$partial" "$MIRROR" > "$STAGE/debootstrap.log" 2>&1 || {
    tail -20 "$STAGE/debootstrap.log"
    echo "ERROR: debootstrap failed (log: $STAGE/debootstrap.log)" >&2
    return 1
  }
  mount_into "$partial" || return 2
  cp /etc/resolv.conf "$partial/etc/resolv.conf"
  chroot "$partial" apt-get update -qq || return 1
  chroot "$partial" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    swiftlang libc6-dev libstdc++-14-dev ca-certificates git > "$STAGE/apt-swift.log" 2>&1 || {
    tail -20 "$STAGE/apt-swift.log"
    echo "ERROR: installing swiftlang in the chroot failed (log: $STAGE/apt-swift.log)" >&2
    return 1
  }
  chroot "$partial" apt-get clean
  unmount_all
  touch "$partial/.a55-swift-ready"
  mv "$partial" "$SWIFT_ROOT"
}

# Runs `swift test` in the package and then in the consumer. $1: the directory assemble() filled,
# as the test processes see it; the rest: the command prefix (the chroot, or nothing).
run_swift_tests() {
  local dir=$1
  shift
  local status=0
  local env=(env "A55_VECTORS_DIR=$dir/a55-swift/vectors" "PKG_CONFIG_PATH=$dir/a55-lib/pkgconfig"
    "LD_LIBRARY_PATH=$dir/a55-lib" "A55_SWIFT_PACKAGE_URL=file://$dir/repos/a55-swift")
  echo "--- swift test (the A55 package)"
  "$@" "${env[@]}" bash -c "cd '$dir/a55-swift' && swift test --skip IdleTests" 2>&1 | tee "$log" || status=$?
  if [ "$status" -eq 0 ]; then
    # Alone in its process: the emulators of the other tests (their settle timers) share the
    # native runtime whose wake-ups it counts.
    echo "--- swift test --filter IdleTests"
    "$@" "${env[@]}" bash -c "cd '$dir/a55-swift' && swift test --filter IdleTests" 2>&1 | tee -a "$log" || status=$?
  fi
  if [ "$status" -eq 0 ]; then
    echo "--- swift test (consumer-swift: depends on A55 0.1.0 from a git repository)"
    # A fresh resolution and build each run: the release repository is made again and its tag
    # moves, which SwiftPM's kept state would not see. (Removed where the tests run: $dir is the
    # path as the chroot sees it.)
    "$@" "${env[@]}" bash -c "cd '$dir/consumer-swift' && rm -rf Package.resolved .build && swift test" \
      2>&1 | tee -a "$log" || status=$?
  fi
  echo
  grep -E '^[0-9]+ vectors run through the Swift API' "$log" || true
  # XCTest prints a summary per run ('All tests', or 'Selected tests' with a filter); their sum, in
  # the same form, is printed last for scripts/test-all.sh.
  local sums
  sums=$(grep -E "Test Suite '(All tests|Selected tests)' (passed|failed)" -A1 "$log" | grep -E 'Executed [0-9]+ tests?, with [0-9]+ failures?' || true)
  if [ -n "$sums" ]; then
    echo "$sums" | sed -E 's/.*Executed ([0-9]+) tests?, with ([0-9]+) failures?.*/\1 \2/' |
      awk '{ n += $1; f += $2 } END { printf "Executed %d tests, with %d failures (all runs)\n", n, f }'
  else
    echo "no XCTest summary (the build failed before the tests ran)"
  fi
  return "$status"
}

if command -v swift >/dev/null; then
  echo "--- using the installed Swift: $(swift --version 2>&1 | head -1)"
  assemble "$STAGE/work" "$STAGE/work"
  make_release_repo "$STAGE/work"
  run_swift_tests "$STAGE/work"
  exit $?
fi

[ "$(uname -s)" = Linux ] || skip "no swift on PATH, and the trixie chroot needs Linux"
[ "$(id -u)" -eq 0 ] || skip "no swift on PATH, and the trixie chroot needs root (debootstrap, mount, chroot)"
if [ ! -f "$SWIFT_ROOT/.a55-swift-ready" ]; then
  command -v debootstrap >/dev/null || command -v apt-get >/dev/null \
    || skip "no swift on PATH, and neither debootstrap nor apt-get (not Debian?) to make a trixie chroot"
fi

if [ -e "$SWIFT_ROOT" ] && [ ! -f "$SWIFT_ROOT/.a55-swift-ready" ]; then
  echo "ERROR: $SWIFT_ROOT exists but is not a root made by this script; remove it or set A55_SWIFT_ROOT" >&2
  exit 1
fi
mkdir -p "$STAGE" "$(dirname "$SWIFT_ROOT")"
exec 9>"$SWIFT_ROOT.lock"
flock 9   # one run at a time per chroot
if [ ! -f "$SWIFT_ROOT/.a55-swift-ready" ]; then
  start=$SECONDS
  rc=0
  make_swift_root || rc=$?
  [ "$rc" -eq 2 ] && skip "mounting /proc and /dev into the chroot is not allowed here"
  [ "$rc" -eq 0 ] || exit "$rc"
  echo "--- chroot ready in $((SECONDS - start)) s"
fi

assemble "$SWIFT_ROOT/work/a55-mobile" /work/a55-mobile
make_release_repo "$SWIFT_ROOT/work/a55-mobile"
mount_into "$SWIFT_ROOT" || skip "mounting /proc and /dev into the chroot is not allowed here"
in_root=(chroot "$SWIFT_ROOT" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8)
# SwiftPM fetches a dependency given by URL with git (a chroot made before this needed it lacks it).
if ! "${in_root[@]}" sh -c 'command -v git' >/dev/null; then
  echo "--- installing git in the chroot (apt)"
  cp /etc/resolv.conf "$SWIFT_ROOT/etc/resolv.conf"
  "${in_root[@]}" apt-get update -qq
  "${in_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends git >/dev/null
  "${in_root[@]}" apt-get clean
fi
echo "--- $("${in_root[@]}" swift --version 2>&1 | head -1) (trixie chroot $SWIFT_ROOT)"
status=0
run_swift_tests /work/a55-mobile "${in_root[@]}" || status=$?
exit "$status"
