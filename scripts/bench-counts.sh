#!/usr/bin/env bash
# What one create_charge costs the client process, counted rather than timed (not a test): the
# client benchmark's two sides (`A55_BENCH_ONLY=raw|sdk`, one call in flight) run under valgrind's
# callgrind with its cache and branch simulation. Each side runs twice, with 200 and with 2,200
# calls; the difference divided by 2,000 is the cost of one call without the process's start-up
# (runtime, TLS roots, the token). Counts do not drift with the machine's speed, so they show where
# the timed ratio's gap comes from: instructions, or instruction-cache misses, data-cache misses and
# mispredicted branches. The emulator is its own process and is not counted.
#   scripts/bench-counts.sh          (needs valgrind: apt-get install valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 1; }
cargo build --release --locked -p a55-cli
bench=$(cargo bench --locked --no-run -p a55-core --bench client 2>&1 \
  | sed -n 's/.*Executable .*(\(.*\))$/\1/p' | tail -1)
[ -x "$bench" ] || { echo "the client benchmark did not build" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for side in raw sdk; do
  for n in 200 2200; do
    A55_BIN="$CARGO_TARGET_DIR/release/a55" A55_BENCH_ONLY=$side A55_BENCH_N=$n \
      valgrind --tool=callgrind --cache-sim=yes --branch-sim=yes \
      --callgrind-out-file="$out/$side.$n" "$bench" >/dev/null 2>"$out/$side.$n.log"
  done
done
python3 - "$out" <<'EOF'
import sys
out = sys.argv[1]
names = "Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw Bc Bcm Bi Bim".split()

def totals(path):
    for line in open(path):
        if line.startswith("summary:") or line.startswith("totals:"):
            return dict(zip(names, map(int, line.split()[1:])))
    raise SystemExit(f"no totals in {path}")

def per_call(side):
    a, b = totals(f"{out}/{side}.200"), totals(f"{out}/{side}.2200")
    d = {k: (b[k] - a[k]) / 2000 for k in names}
    # callgrind_annotate's cycle estimate: a first-level miss or a mispredicted branch ~10 cycles,
    # a last-level miss ~100.
    d["CEst"] = (d["Ir"] + 10 * (d["I1mr"] + d["D1mr"] + d["D1mw"] + d["Bcm"] + d["Bim"])
                 + 100 * (d["ILmr"] + d["DLmr"] + d["DLmw"]))
    return d

raw, sdk = per_call("raw"), per_call("sdk")
rows = [("instructions", "Ir"), ("instruction-cache misses", "I1mr"),
        ("data-cache read misses", "D1mr"), ("data-cache write misses", "D1mw"),
        ("mispredicted branches", None), ("estimated cycles", "CEst")]
print("| per call (client process) | raw reqwest | SDK create_charge | SDK / raw |")
print("|---|---|---|---|")
for label, key in rows:
    r = raw[key] if key else raw["Bcm"] + raw["Bim"]
    s = sdk[key] if key else sdk["Bcm"] + sdk["Bim"]
    print(f"| {label} | {r:,.0f} | {s:,.0f} | {s / r:.3f}× |")
EOF
