#!/usr/bin/env bash
# Swift tests of bindings-mobile: generates the Swift source and C header from the host-built
# liba55_mobile.so with uniffi-bindgen, assembles the SwiftPM package (bindings-mobile/swift) with
# them and the library, and runs `swift test` for real.
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
"$BINDGEN" generate "$LIB" --language swift --no-format --out-dir "$STAGE/gen"

# Copies the package into $1, with the generated files, the library and the vectors. Unchanged files
# keep their timestamps, so SwiftPM's build in $1/.build stays incremental between runs.
assemble() {
  local dest=$1
  mkdir -p "$dest"
  rm -rf "$dest/Tests" "$dest/Sources/A55Tests"
  mkdir -p "$dest/Sources/A55" "$dest/Sources/A55FFI/include" "$dest/lib"
  cp -p "$PKG_SRC/Package.swift" "$dest/"
  cp -pR "$PKG_SRC/Tests" "$dest/"
  cp -p "$PKG_SRC"/Sources/A55/*.swift "$dest/Sources/A55/"
  cp -p "$PKG_SRC/Sources/A55FFI/shim.c" "$dest/Sources/A55FFI/"
  cp -p "$PKG_SRC/Sources/A55FFI/include/module.modulemap" "$dest/Sources/A55FFI/include/"
  cmp -s "$STAGE/gen/A55.swift" "$dest/Sources/A55/A55.swift" \
    || cp "$STAGE/gen/A55.swift" "$dest/Sources/A55/A55.swift"
  cmp -s "$STAGE/gen/A55FFI.h" "$dest/Sources/A55FFI/include/A55FFI.h" \
    || cp "$STAGE/gen/A55FFI.h" "$dest/Sources/A55FFI/include/A55FFI.h"
  cp -p -u "$LIB" "$dest/lib/"
  rm -rf "$dest/vectors"
  cp -pR "$ROOT/tests/vectors" "$dest/vectors"
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
    swiftlang libc6-dev libstdc++-14-dev ca-certificates > "$STAGE/apt-swift.log" 2>&1 || {
    tail -20 "$STAGE/apt-swift.log"
    echo "ERROR: installing swiftlang in the chroot failed (log: $STAGE/apt-swift.log)" >&2
    return 1
  }
  chroot "$partial" apt-get clean
  unmount_all
  touch "$partial/.a55-swift-ready"
  mv "$partial" "$SWIFT_ROOT"
}

run_swift_test() { # $1: package dir as the test process sees it; rest: command prefix
  local pkg=$1
  shift
  local status=0
  "$@" env "A55_VECTORS_DIR=$pkg/vectors" bash -c "cd '$pkg' && swift test" 2>&1 | tee "$log" || status=$?
  echo
  grep -E '^[0-9]+ vectors run through the Swift API' "$log" || true
  # XCTest's own summary (the suite of all tests) is the last thing printed.
  grep -E 'Executed [0-9]+ tests?, with [0-9]+ failures?' "$log" | tail -1 \
    || echo "no XCTest summary (the build failed before the tests ran)"
  return "$status"
}

if command -v swift >/dev/null; then
  echo "--- using the installed Swift: $(swift --version 2>&1 | head -1)"
  assemble "$STAGE/pkg"
  run_swift_test "$STAGE/pkg"
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

assemble "$SWIFT_ROOT/work/a55-swift"
mount_into "$SWIFT_ROOT" || skip "mounting /proc and /dev into the chroot is not allowed here"
in_root=(chroot "$SWIFT_ROOT" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8)
echo "--- $("${in_root[@]}" swift --version 2>&1 | head -1) (trixie chroot $SWIFT_ROOT)"
status=0
run_swift_test /work/a55-swift "${in_root[@]}" || status=$?
exit "$status"
