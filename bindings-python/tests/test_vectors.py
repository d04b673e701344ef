"""Every shared vector in tests/vectors/*.json, through the Python API (mirrors core/tests/vectors.rs).

Conventions (tests/vectors/README.md): a JSON string amount is decimal text, passed as the ``str``
(and, when ``Decimal`` writes the same text back, a second time as a ``Decimal``); a JSON number
amount is a ``float`` the user passed (``int`` for integers). Dates are passed as the text (and, when
``datetime.date`` writes the same text back, a second time as a ``date``). Arguments are passed by
their contract names as keywords; an absent or ``null`` argument is not passed.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest

import a55
from conftest import VECTOR_STATS, VECTORS_DIR

AMOUNT_ARGS = {"amount", "total"}
DATE_ARGS = {"first_due_date", "due_date", "end_date", "today"}


def load_cases() -> list[Any]:
    files = sorted(VECTORS_DIR.glob("*.json"))
    assert files, f"no vector files in {VECTORS_DIR}"
    VECTOR_STATS["files"] = len(files)
    params = []
    for path in files:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            params.append(
                pytest.param(doc["function"], case, id=f"{path.stem}: {case['name']}")
            )
    return params


def as_decimal(text: str) -> Decimal | None:
    """The Decimal of `text` when Decimal writes exactly `text` back (so the case applies as is)."""
    try:
        d = Decimal(text)
    except InvalidOperation:
        return None
    return d if str(d) == text else None


def as_date(text: str) -> datetime.date | None:
    """The date of `text` when date writes exactly `text` back."""
    try:
        d = datetime.date.fromisoformat(text)
    except ValueError:
        return None
    return d if d.isoformat() == text else None


def variants(args: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The keyword arguments as in the vector, then with Decimal/date objects where they apply."""
    kwargs = {k: v for k, v in args.items() if v is not None}
    if "raw_body" in kwargs:
        kwargs["raw_body"] = kwargs["raw_body"].encode("utf-8")
    yield kwargs
    typed = dict(kwargs)
    for key, value in kwargs.items():
        if key in AMOUNT_ARGS and isinstance(value, str):
            d = as_decimal(value)
            if d is not None:
                typed[key] = d
        if key in DATE_ARGS and isinstance(value, str):
            day = as_date(value)
            if day is not None:
                typed[key] = day
    if typed != kwargs or any(type(typed[k]) is not type(kwargs[k]) for k in kwargs):
        yield typed


def amount_text(value: object) -> str:
    assert isinstance(value, Decimal), f"expected a Decimal, got {type(value).__name__}"
    return str(value)


def date_text(value: object) -> str:
    assert type(value) is datetime.date, f"expected a datetime.date, got {type(value).__name__}"
    return value.isoformat()


def fields(obj: object, keys: list[str]) -> dict[str, Any]:
    return {k: getattr(obj, k) for k in keys}


def issue_set(issues: list[Any]) -> set[tuple[str, str, str]]:
    return {(i["code"], i["severity"], i["field"]) for i in issues}


# Each runner calls the API with the case's keyword arguments and returns the result as vector JSON.
RUNNERS: dict[str, Callable[[dict[str, Any], dict[str, Any]], Any]] = {
    "normalize_amount": lambda kw, _: amount_text(a55.normalize_amount(**kw)),
    "currency_exponent": lambda kw, _: a55.currency_exponent(**kw),
    "to_minor_units": lambda kw, _: a55.to_minor_units(**kw),
    "from_minor_units": lambda kw, _: amount_text(a55.from_minor_units(**kw)),
    "split_installments": lambda kw, _: [amount_text(p) for p in a55.split_installments(**kw)],
    "installment_due_dates": lambda kw, _: [date_text(d) for d in a55.installment_due_dates(**kw)],
    "next_charge_date": lambda kw, _: (
        None if (d := a55.next_charge_date(**kw)) is None else date_text(d)
    ),
    "subscription_schedule": lambda kw, _: [date_text(d) for d in a55.subscription_schedule(**kw)],
    "validate_tax_id": lambda kw, _: a55.validate_tax_id(**kw),
    "card_brand": lambda kw, _: a55.card_brand(**kw),
    "parse_pix_brcode": lambda kw, want: fields(a55.parse_pix_brcode(**kw), list(want)),
    "sign_webhook": lambda kw, _: a55.sign_webhook(**kw),
    "verify_webhook": lambda kw, want: fields(a55.verify_webhook(**kw), list(want)),
    "validate": lambda kw, _: [i.to_dict() for i in a55.validate(**kw)],
}


@pytest.mark.parametrize(("function", "case"), load_cases())
def test_vector(function: str, case: dict[str, Any]) -> None:
    VECTOR_STATS["cases"] += 1
    run = RUNNERS[function]
    want = case.get("ok")
    for kwargs in variants(case["args"]):
        VECTOR_STATS["calls"] += 1
        if "error" in case:
            with pytest.raises(a55.A55Error) as info:
                run(kwargs, {})
            err = info.value
            assert err.codes and err.codes[0] == case["error"], (kwargs, repr(err))
            if "reason" in case:
                assert err.reason == case["reason"], (kwargs, repr(err))
            if case["error"] == "INVALID_WEBHOOK_SIGNATURE":
                assert isinstance(err, a55.SignatureVerificationError)
            else:
                assert isinstance(err, a55.ValidationError)
                assert [i.code for i in err.issues] == [case["error"]]
        else:
            got = run(kwargs, want if isinstance(want, dict) else {})
            if function == "validate":
                assert issue_set(got) == issue_set(want or []), kwargs
            else:
                assert got == want, kwargs


def test_every_function_has_a_runner() -> None:
    functions = {
        json.loads(p.read_text(encoding="utf-8"))["function"] for p in Path(VECTORS_DIR).glob("*.json")
    }
    assert functions <= set(RUNNERS), functions - set(RUNNERS)
