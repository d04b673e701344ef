"""Hostile inputs to every function: each either works or raises a documented A55 error, with a short
message, and the interpreter survives."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Callable

import pytest

import a55

TS = 1_795_000_000
BODY = b'{"charge_uuid":"c1","status":"paid"}'
SIG = a55.sign_webhook(BODY, "whsec_a", TS)

MB = 1_000_000


class Weird:
    """An object whose every conversion fails."""

    def __str__(self) -> str:
        raise RuntimeError("no str")

    def __index__(self) -> int:
        raise RuntimeError("no index")

    def __float__(self) -> float:
        raise RuntimeError("no float")


HOSTILE: list[tuple[str, Any]] = [
    ("None", None),
    ("nan", float("nan")),
    ("inf", float("inf")),
    ("-inf", float("-inf")),
    ("Decimal NaN", Decimal("NaN")),
    ("Decimal sNaN", Decimal("sNaN")),
    ("huge int", 10**5000),
    ("huge negative int", -(10**5000)),
    ("int64 overflow", 2**63),
    ("True", True),
    ("object", object()),
    ("weird", Weird()),
    ("set", {1, 2}),
    ("dict with unknown keys", {"unknown": 1, "keys": [1, 2]}),
    ("list", [1, "a", None]),
    ("non-UTF-8 bytes", b"\xff\xfe\x00\x80"),
    ("lone surrogate", "\ud800"),
    ("1 MB digits", "9" * MB),
    ("1 MB text", "x" * MB),
    ("1 MB card-like", "4111 " * (MB // 5)),
    ("empty", ""),
    ("control chars", "\x00\x1b[31m\n"),
    ("datetime", datetime.datetime(2026, 1, 1, 12, 0)),
    ("date", datetime.date(2026, 1, 1)),
    ("complex", 1 + 2j),
    ("type", int),
]

# Each function with valid arguments; every argument in turn is replaced by every hostile value.
CALLS: dict[str, tuple[Callable[..., Any], dict[str, Any]]] = {
    "normalize_amount": (a55.normalize_amount, {"amount": "10.00", "currency": "BRL"}),
    "currency_exponent": (a55.currency_exponent, {"currency": "BRL"}),
    "to_minor_units": (a55.to_minor_units, {"amount": "10.00", "currency": "BRL"}),
    "from_minor_units": (a55.from_minor_units, {"minor": 1000, "currency": "BRL"}),
    "split_installments": (
        a55.split_installments,
        {"total": "100.00", "count": 3, "currency": "BRL"},
    ),
    "installment_due_dates": (
        a55.installment_due_dates,
        {"first_due_date": "2026-01-31", "count": 3},
    ),
    "next_charge_date": (
        a55.next_charge_date,
        {"due_date": "2026-01-31", "cycle": "monthly", "end_date": "2027-01-01"},
    ),
    "subscription_schedule": (
        a55.subscription_schedule,
        {"due_date": "2026-01-31", "cycle": "monthly", "count": 3, "end_date": "2027-01-01"},
    ),
    "validate_tax_id": (a55.validate_tax_id, {"value": "529.982.247-25", "country": "BR"}),
    "validate": (a55.validate, {"kind": "wallet", "payload": {}, "today": "2026-11-21"}),
    "card_brand": (a55.card_brand, {"card_number": "4024007153763191"}),
    "parse_pix_brcode": (a55.parse_pix_brcode, {"text": "000201"}),
    "verify_webhook": (
        a55.verify_webhook,
        {
            "raw_body": BODY,
            "signature": SIG,
            "timestamp": str(TS),
            "secrets": ["whsec_a"],
            "tolerance_s": 300,
            "now": TS,
        },
    ),
    "sign_webhook": (a55.sign_webhook, {"raw_body": BODY, "secret": "whsec_a", "timestamp": TS}),
}


# `now` values that saturate to i64::MIN, where core overflows (see test_now_far_in_the_past).
CORE_OVERFLOW = {"-inf", "huge negative int"}


def cases() -> list[Any]:
    out = []
    for name, (_, args) in CALLS.items():
        for arg in args:
            for label, _value in HOSTILE:
                if (name, arg) == ("verify_webhook", "now") and label in CORE_OVERFLOW:
                    continue  # test_now_far_in_the_past below
                out.append(pytest.param(name, arg, label, id=f"{name}({arg}={label})"))
    return out


HOSTILE_BY_LABEL = dict(HOSTILE)


@pytest.mark.parametrize(("name", "arg", "label"), cases())
def test_hostile_argument(name: str, arg: str, label: str) -> None:
    function, valid = CALLS[name]
    kwargs = dict(valid)
    kwargs[arg] = HOSTILE_BY_LABEL[label]
    try:
        function(**kwargs)
    except a55.A55Error as err:
        # A documented error: a known class with codes, a short message and issues naming a field.
        assert type(err) in (a55.ValidationError, a55.SignatureVerificationError), repr(err)
        assert err.codes, repr(err)
        assert len(str(err)) < 1000, f"message of {len(str(err))} characters"
        if isinstance(err, a55.ValidationError):
            assert err.issues and all(i.code for i in err.issues)
            if err.issues[0].code in ("INVALID_TYPE", "INVALID_VALUE"):
                assert err.issues[0].field.startswith(arg), (arg, err.issues)
        else:
            assert err.reason


def test_validate_unknown_and_odd_keys_never_raise() -> None:
    payload: dict[str, Any] = {
        "": None,
        "\x00": "x" * MB,
        "a" * 10_000: [{"b": [[[]]]}],
        "payer_address": {"unknown": 1},
        "wallet_uuid": "9" * MB,
        "currency": {"nested": True},
    }
    issues = a55.validate("wallet", payload)
    assert issues and all(isinstance(i, a55.Issue) for i in issues)
    # Descriptions are short; UNKNOWN_FIELD's repeats the key's path (core's choice), nothing else.
    assert all(len(i.description) < 1000 + len(i.field) for i in issues)


def test_validate_deep_and_cyclic_payloads_raise_instead_of_crashing() -> None:
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(a55.ValidationError) as err:
        a55.validate("charge", {"items": deep})
    assert err.value.issues[0].code == "INVALID_VALUE"
    cyclic: list[Any] = []
    cyclic.append(cyclic)
    with pytest.raises(a55.ValidationError):
        a55.validate("charge", {"items": cyclic})
    ok: Any = "leaf"
    for _ in range(100):
        ok = {"k": ok}
    assert a55.validate("charge", {"antifraud_info": ok}, today="2026-11-21")


def test_validate_surrogate_keys_and_values() -> None:
    with pytest.raises(a55.ValidationError) as err:
        a55.validate("wallet", {"name": "ok\udcff"})
    assert err.value.issues[0].code == "INVALID_VALUE"
    assert err.value.issues[0].field == "name"
    with pytest.raises(a55.ValidationError):
        a55.validate("wallet", {"\ud800": 1})


def test_big_numbers_in_payloads_are_read_exactly() -> None:
    payload = {
        "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
        "charge_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
        "amount": 10**5000,
    }
    issues = a55.validate("refund", payload)
    assert [(i.code, i.field) for i in issues] == [("AMOUNT_INVALID", "amount")]
    payload["amount"] = Decimal("1E-5000")
    issues = a55.validate("refund", payload)
    assert [(i.code, i.field) for i in issues] == [("AMOUNT_INVALID", "amount")]
    payload["amount"] = 1e300
    issues = a55.validate("refund", payload)
    assert [(i.code, i.field) for i in issues] == [("AMOUNT_INVALID", "amount")]


@pytest.mark.parametrize("now", [-1e300, -(10**5000), -(2**63)], ids=["-1e300", "-10**5000", "-2**63"])
def test_now_far_in_the_past(now: object) -> None:
    """Seen from a clock far in the past, every delivery is signed in the future."""
    with pytest.raises(a55.SignatureVerificationError) as err:
        a55.verify_webhook(BODY, SIG, str(TS), ["whsec_a"], now=now)  # type: ignore[arg-type]
    assert err.value.reason == "timestamp_in_future"
