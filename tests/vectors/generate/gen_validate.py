"""validate(kind, payload, today) vectors: tests/vectors/validate_*.json.

    python3 tests/vectors/generate/gen_validate.py      (needs python-stdnum: pip install python-stdnum)

The spec is docs/validation.md (with docs/issue-codes.md, docs/rules.md). Payloads
start from the exact example requests of the five seed pages (docs/validation.md, "The seeds") and are mutated.

Every case's expected issues are written by hand, from the rules. As a cross-check of the hand work
(never as the source of a vector), the generator also carries its own small re-implementation of
docs/validation.md (`model_validate`), written from the doc alone, and every case must give exactly the
hand-written set. Tax-ID values are computed with its own check-digit code and compared with
python-stdnum. Nothing here imports, calls or reads the SDK.

This file is the entry point; the generator is split by subject into modules beside it:
  validate_reference.py           reference data and the per-kind field specs (data only)
  validate_tax_ids.py             tax-ID check digits, the tax-ID values used, the python-stdnum check
  validate_rules.py               the model: amounts, Luhn, formats, rules 1-9 (`model_validate`)
  validate_collect.py             E / W issues, `File` (checks each case against the model, writes JSON)
  validate_payloads.py            `mut` / DEL, the seeds' example requests, derived bases, required lists
  validate_cases_charge.py        validate_charge.json: bases and rules 1-4 (`charge()`)
  validate_cases_charge_rules.py  validate_charge.json: rules 5-8 and combinations
  validate_cases_other.py         validate_seeds, validate_wallet, validate_pix_charge, validate_checkout,
                                  validate_refund_capture

Deterministic: no randomness, no clock. Output format: tests/vectors/README.md (`function` =
"validate"; each case `{name, args: {kind, payload, today}, ok: [{code, severity, field}]}`, the list
compared as a set). Issues are written sorted by (field, code, severity) so re-runs are byte-identical.

Readings taken where docs/validation.md leaves room (the vectors pin them down):
- Non-numeric text in an amount ("abc", "NaN", "1,50", "true") is AMOUNT_INVALID, not INVALID_TYPE;
  a boolean, array or object amount is INVALID_TYPE.
- AMOUNT_ROUNDED means the value changed: 250.00 as a float, 150, "1.5E2" give no warning.
- A subscription with installment_count != 1 is INVALID_INSTALLMENT_COUNT at installment_count only
  (rule 8), not INVALID_SUBSCRIPTION.
- null on the R* field payer_address.complement is REQUIRED_FIELD; "" is accepted.
- A card field that is present with the wrong type counts as sent (INVALID_TYPE only).
- Keys a kind does not list (type_charge on pix_charge, installment_count on checkout, amount on
  charge, reason on capture) are UNKNOWN_FIELD warnings and are not format-checked; keys inside
  applepay/googlepay are not checked; items[i] objects are.
- redirect_url follows the same URL rule as webhook_url/cancel_url, loopback http included
  (docs/validation.md).
- Only payer_address.postal_code/state are country-checked; shipping_address only gets its country
  code checked.
- A payload that is not a JSON object (array, string, number, boolean) is one INVALID_TYPE at "".
Deliberately left without vectors (the doc does not decide them): "" or "   " on optional fields,
whitespace-only complement, whether AMOUNT_ROUNDED accompanies an AMOUNT_INVALID caused by rounding
(999999999.995, CLP 0.9), subscription with a missing/invalid type_charge, wrong-typed or empty
allowed_methods entries, 3DS with a wrong-typed device_info/ip_address, Amex CVV when the number is
malformed, https to an IP literal outside loopback, upper-case URL schemes, enum case other than
cycle/state/country, text length limits (INVALID_VALUE for long text), null as the whole payload.
"""

from __future__ import annotations

import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from validate_cases_charge import charge  # noqa: E402
from validate_cases_other import checkout, pix_charge, refund_capture, seeds, wallet  # noqa: E402
from validate_collect import File  # noqa: E402
from validate_tax_ids import check_tax_table  # noqa: E402


def generate() -> list[File]:
    check_tax_table()
    return [seeds(), wallet(), charge(), pix_charge(), checkout(), refund_capture()]


def main() -> int:
    total = 0
    for f in generate():
        n = f.write()
        total += n
        print(f"{f.stem + '.json':32} {n:4d} cases")
    print(f"{'total':32} {total:4d} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
