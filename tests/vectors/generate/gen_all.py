"""Regenerate every JSON vector file in tests/vectors/ from the independent Python computations here.

    python3 tests/vectors/generate/gen_all.py      (needs python-stdnum: pip install python-stdnum)

Deterministic: no randomness, no clock; cases come out in the fixed order the generators define them,
so re-running on an unchanged tree gives byte-identical files.
"""

from __future__ import annotations

import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gen_card  # noqa: E402
import gen_dates  # noqa: E402
import gen_money  # noqa: E402
import gen_pix  # noqa: E402
import gen_tax_id  # noqa: E402
import gen_webhook  # noqa: E402


def main() -> int:
    total = 0
    for module in (gen_money, gen_dates, gen_tax_id, gen_card, gen_pix, gen_webhook):
        for cases in module.generate():
            n = cases.write()
            total += n
            print(f"{cases.function + '.json':32} {n:4d} cases")
    print(f"{'total':32} {total:4d} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
