"""The Python shape of the API: types in and out, defaults, models, exceptions, threads."""

from __future__ import annotations

import datetime
import pickle
import subprocess
import sys
import threading
import uuid
from decimal import Decimal

import pytest

import a55

UTC = datetime.timezone.utc


def ident(value: object) -> str:
    """A test id for any value (repr of a 5000-digit int raises)."""
    try:
        text = repr(value)
    except ValueError:
        text = f"<{type(value).__name__} too large to print>"
    return text if len(text) < 40 else text[:37] + "..."


def codes(err: pytest.ExceptionInfo[a55.A55Error]) -> list[str]:
    return [i.code for i in err.value.issues]


# --- amounts -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        ("10.005", "BRL", "10.01"),
        (Decimal("10.005"), "BRL", "10.01"),
        (Decimal("10"), "BRL", "10.00"),
        (10, "BRL", "10.00"),
        (2.675, "BRL", "2.68"),  # the float's repr, 2.675, not its binary value 2.67499999...
        (0.1 + 0.2, "BRL", "0.30"),  # repr 0.30000000000000004
        (1e2, "BRL", "100.00"),
        ("1E+2", "BRL", "100.00"),
        (Decimal("1.0000000000000000000000000000000000000000005"), "BRL", "1.00"),
        ("50000.50", "CLP", "50000"),
        (50000.99, "COP", "50000"),
        ("999999999.99", "BRL", "999999999.99"),
    ],
)
def test_normalize_amount_returns_a_decimal_at_the_currency_scale(
    amount: object, currency: str, text: str
) -> None:
    got = a55.normalize_amount(amount, currency)  # type: ignore[arg-type]
    assert isinstance(got, Decimal)
    assert str(got) == text


def test_amount_helpers() -> None:
    assert a55.currency_exponent("BRL") == 2
    assert a55.currency_exponent("CLP") == 0
    assert a55.to_minor_units("10.005", "BRL") == 1001
    assert a55.to_minor_units(Decimal("50000.9"), "CLP") == 50000
    minor = a55.from_minor_units(1001, "BRL")
    assert isinstance(minor, Decimal) and str(minor) == "10.01"
    parts = a55.split_installments(Decimal("100.00"), 3, "BRL")
    assert [str(p) for p in parts] == ["33.34", "33.33", "33.33"]
    assert all(isinstance(p, Decimal) for p in parts)
    assert [str(p) for p in a55.split_installments(50000, 3, "CLP")] == ["16668", "16666", "16666"]


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (Decimal("NaN"), "AMOUNT_INVALID"),
        (Decimal("sNaN"), "AMOUNT_INVALID"),
        (Decimal("-Infinity"), "AMOUNT_INVALID"),
        (float("nan"), "AMOUNT_INVALID"),
        (float("inf"), "AMOUNT_INVALID"),
        (10**5000, "AMOUNT_INVALID"),
        (-(10**5000), "AMOUNT_INVALID"),
        (2**200, "AMOUNT_INVALID"),
        (0, "AMOUNT_INVALID"),
        ("abc", "AMOUNT_INVALID"),
        (True, "INVALID_TYPE"),
        (False, "INVALID_TYPE"),
        (None, "INVALID_TYPE"),
        (b"10", "INVALID_TYPE"),
        ([10], "INVALID_TYPE"),
        (1 + 2j, "INVALID_TYPE"),
    ],
    ids=ident,
)
def test_bad_amounts_name_the_argument(amount: object, code: str) -> None:
    with pytest.raises(a55.ValidationError) as err:
        a55.normalize_amount(amount, "BRL")  # type: ignore[arg-type]
    assert codes(err) == [code]
    assert err.value.issues[0].field == "amount"
    with pytest.raises(a55.ValidationError) as err:
        a55.split_installments(amount, 2, "BRL")  # type: ignore[arg-type]
    assert err.value.issues[0].field == "total"


def test_currency_is_checked_before_the_amount() -> None:
    with pytest.raises(a55.ValidationError) as err:
        a55.normalize_amount(Decimal("NaN"), "XXX")
    assert codes(err) == ["CURRENCY_NOT_SUPPORTED"]


def test_int_like_values_are_integers() -> None:
    class Index:
        def __index__(self) -> int:
            return 3

    assert len(a55.split_installments("90", Index(), "BRL")) == 3  # type: ignore[arg-type]
    with pytest.raises(a55.ValidationError) as err:
        a55.split_installments("90", 3.0, "BRL")  # type: ignore[arg-type]
    assert codes(err) == ["INVALID_TYPE"]
    assert err.value.issues[0].field == "count"


def test_out_of_range_counts_reach_core() -> None:
    for count in (-1, 0, 13, 2**40, 10**5000, -(10**5000)):
        with pytest.raises(a55.ValidationError) as err:
            a55.split_installments("100", count, "BRL")
        assert codes(err) == ["INVALID_INSTALLMENT_COUNT"], count
    with pytest.raises(a55.ValidationError) as err:
        a55.from_minor_units(10**30, "BRL")
    assert codes(err) == ["AMOUNT_INVALID"]
    assert err.value.issues[0].field == "minor"


# --- dates ---------------------------------------------------------------------------------------


def test_dates_in_and_out() -> None:
    due = a55.installment_due_dates(datetime.date(2026, 12, 31), 4)
    assert due == [
        datetime.date(2026, 12, 31),
        datetime.date(2027, 1, 31),
        datetime.date(2027, 2, 28),
        datetime.date(2027, 3, 31),
    ]
    assert all(type(d) is datetime.date for d in due)
    assert a55.installment_due_dates("2026-12-31", 2)[1] == datetime.date(2027, 1, 31)
    assert a55.next_charge_date(datetime.date(2028, 2, 29), "yearly") == datetime.date(2029, 2, 28)
    assert a55.next_charge_date("2026-01-01", "monthly", end_date="2026-01-31") is None
    assert a55.next_charge_date("2026-01-01", "monthly", datetime.date(2026, 2, 1)) == datetime.date(
        2026, 2, 1
    )
    assert a55.subscription_schedule("2026-01-31", "monthly", 3) == [
        datetime.date(2026, 2, 28),
        datetime.date(2026, 3, 31),
        datetime.date(2026, 4, 30),
    ]
    assert a55.subscription_schedule("2026-01-01", "weekly", 10, end_date="2026-01-15") == [
        datetime.date(2026, 1, 8),
        datetime.date(2026, 1, 15),
    ]


def test_a_datetime_is_not_a_calendar_date() -> None:
    with pytest.raises(a55.ValidationError) as err:
        a55.installment_due_dates(datetime.datetime(2026, 1, 1, tzinfo=UTC), 2)
    assert codes(err) == ["INVALID_DATE"]
    assert err.value.issues[0].field == "first_due_date"
    with pytest.raises(a55.ValidationError) as err:
        a55.next_charge_date("2026-01-01", "monthly", end_date=datetime.datetime(2026, 5, 1))
    assert err.value.issues[0].field == "end_date"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("2026-02-30", "INVALID_DATE"),
        ("2026-1-01", "INVALID_DATE"),
        ("20260101", "INVALID_DATE"),
        ("2026-01-01T00:00:00Z", "INVALID_DATE"),
        (20260101, "INVALID_TYPE"),
        (None, "INVALID_TYPE"),
    ],
)
def test_bad_dates(value: object, code: str) -> None:
    with pytest.raises(a55.ValidationError) as err:
        a55.next_charge_date(value, "monthly")  # type: ignore[arg-type]
    assert codes(err) == [code]
    assert err.value.issues[0].field == "due_date"


def test_cycle_error_keeps_a55s_message() -> None:
    with pytest.raises(a55.ValidationError) as err:
        a55.next_charge_date("2026-01-01", "daily")
    assert codes(err) == ["INVALID_SUBSCRIPTION_CYCLE"]
    assert "Use: weekly, biweekly, monthly, quarterly, semiannually, yearly" in str(err.value)


# --- tax ids, cards, BR Codes --------------------------------------------------------------------


def test_tax_ids_and_cards() -> None:
    assert a55.validate_tax_id("529.982.247-25", "BR") == "CPF"
    with pytest.raises(a55.ValidationError) as err:
        a55.validate_tax_id("111.222.333-44", "BR")
    assert codes(err) == ["INVALID_TAX_ID"]
    assert a55.card_brand("4024 0071 5376 3191") == "Visa"
    assert a55.card_brand("not a card") == "unknown"


def brcode(body: str) -> str:
    """A BR Code with its CRC, computed here independently (CRC16-CCITT-FALSE)."""
    text = body + "6304"
    crc = 0xFFFF
    for byte in text.encode():
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{text}{crc:04X}"


def tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def test_parse_pix_brcode() -> None:
    account = tlv("00", "br.gov.bcb.pix") + tlv("25", "pix.example.com/qr/v2/abc")
    code = brcode(
        tlv("00", "01")
        + tlv("01", "12")
        + tlv("26", account)
        + tlv("52", "0000")
        + tlv("53", "986")
        + tlv("54", "10.50")
        + tlv("58", "BR")
        + tlv("59", "LOJA A55")
        + tlv("60", "SAO PAULO")
        + tlv("62", tlv("05", "TX123"))
    )
    parsed = a55.parse_pix_brcode(code)
    assert isinstance(parsed, a55.BrCode)
    assert (parsed.amount, parsed.merchant_name, parsed.txid) == ("10.50", "LOJA A55", "TX123")
    assert parsed.url == "pix.example.com/qr/v2/abc" and parsed.key is None
    assert parsed == a55.parse_pix_brcode(code)
    assert "LOJA A55" in repr(parsed)
    with pytest.raises(AttributeError):
        parsed.amount = "1"  # type: ignore[misc]
    with pytest.raises(a55.ValidationError) as err:
        a55.parse_pix_brcode(code[:-4] + "0000")
    assert codes(err) == ["INVALID_BR_CODE"]


# --- webhooks ------------------------------------------------------------------------------------

BODY = b'{"charge_uuid":"c1","status":"cancelled","amount":150.5,"extra":{"n":1}}'
TS = 1_795_000_000


def test_verify_webhook_inputs() -> None:
    sig = a55.sign_webhook(BODY, "whsec_a", TS)
    assert len(sig) == 64 and sig == sig.lower()
    for body in (BODY, bytearray(BODY), memoryview(BODY)):
        event = a55.verify_webhook(body, sig, str(TS), ["old", "whsec_a"], now=TS + 10)
        assert event.dedup_key == "c1:canceled"
    assert a55.sign_webhook(bytearray(BODY), "whsec_a", TS) == sig
    event = a55.verify_webhook(BODY, sig, TS, ("whsec_a",), tolerance_s=5.9, now=TS + 5.99)
    assert (event.status, event.amount, event.is_terminal) == ("canceled", "150.5", True)
    assert event.raw == {
        "charge_uuid": "c1",
        "status": "cancelled",
        "amount": Decimal("150.5"),
        "extra": {"n": 1},
    }
    assert event.raw is not event.raw  # a fresh dict: the event stays immutable
    aware = datetime.datetime.fromtimestamp(TS + 60, tz=UTC)
    assert a55.verify_webhook(BODY, sig, str(TS), "whsec_a", now=aware).charge_uuid == "c1"
    with pytest.raises(AttributeError):
        event.status = "paid"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"secrets": []}, "no_secrets"),
        ({"timestamp": None}, "malformed_timestamp"),
        ({"timestamp": -5}, "malformed_timestamp"),
        ({"timestamp": "12a"}, "malformed_timestamp"),
        ({"signature": None}, "malformed_signature"),
        ({"signature": "zz" * 32}, "malformed_signature"),
        ({"secrets": "other"}, "signature_mismatch"),
        ({"now": TS + 301}, "timestamp_too_old"),
        ({"now": TS - 301}, "timestamp_in_future"),
        ({"now": TS + 11, "tolerance_s": 10.9}, "timestamp_too_old"),
        ({"now": float(TS + 301)}, "timestamp_too_old"),
    ],
)
def test_verify_webhook_failures(kwargs: dict[str, object], reason: str) -> None:
    args: dict[str, object] = {
        "raw_body": BODY,
        "signature": a55.sign_webhook(BODY, "whsec_a", TS),
        "timestamp": str(TS),
        "secrets": ["whsec_a"],
        "now": TS,
    }
    args.update(kwargs)
    with pytest.raises(a55.SignatureVerificationError) as err:
        a55.verify_webhook(**args)  # type: ignore[arg-type]
    assert err.value.reason == reason
    assert err.value.codes == ["INVALID_WEBHOOK_SIGNATURE"]


def test_verify_webhook_refuses_parsed_bodies() -> None:
    sig = a55.sign_webhook(BODY, "whsec_a", TS)
    for body in ({"charge_uuid": "c1"}, BODY.decode(), None, [1]):
        with pytest.raises(a55.ValidationError) as err:
            a55.verify_webhook(body, sig, str(TS), "whsec_a", now=TS)  # type: ignore[arg-type]
        assert codes(err) == ["INVALID_TYPE"]
        assert err.value.issues[0].field == "raw_body"
        assert str(err.value).endswith(a55.RAW_BODY_REQUIRED)


def test_verify_webhook_refuses_bad_clock_arguments() -> None:
    sig = a55.sign_webhook(BODY, "whsec_a", TS)
    bad: list[tuple[dict[str, object], str, str]] = [
        ({"now": datetime.datetime(2026, 1, 1)}, "INVALID_DATE", "now"),
        ({"now": float("nan")}, "INVALID_VALUE", "now"),
        ({"now": float("-inf")}, "INVALID_VALUE", "now"),
        ({"tolerance_s": float("inf")}, "INVALID_VALUE", "tolerance_s"),
        ({"now": "1795000000"}, "INVALID_TYPE", "now"),
        ({"now": True}, "INVALID_TYPE", "now"),
        ({"tolerance_s": -1}, "INVALID_VALUE", "tolerance_s"),
        ({"tolerance_s": "300"}, "INVALID_TYPE", "tolerance_s"),
        ({"secrets": ["ok", 5]}, "INVALID_TYPE", "secrets[1]"),
        ({"secrets": b"whsec_a"}, "INVALID_TYPE", "secrets"),
        ({"timestamp": 10**30}, "INVALID_VALUE", "timestamp"),
        ({"signature": 5}, "INVALID_TYPE", "signature"),
    ]
    for kwargs, code, field in bad:
        args: dict[str, object] = {
            "raw_body": BODY,
            "signature": sig,
            "timestamp": str(TS),
            "secrets": ["whsec_a"],
            "now": TS,
        }
        args.update(kwargs)
        with pytest.raises(a55.ValidationError) as err:
            a55.verify_webhook(**args)  # type: ignore[arg-type]
        assert (codes(err), err.value.issues[0].field) == ([code], field), kwargs


def test_verify_webhook_defaults_to_the_clock() -> None:
    import time

    now = int(time.time())
    sig = a55.sign_webhook(BODY, "s", now)
    assert a55.verify_webhook(BODY, sig, str(now), "s").charge_uuid == "c1"
    old = now - 3600
    sig = a55.sign_webhook(BODY, "s", old)
    with pytest.raises(a55.SignatureVerificationError) as err:
        a55.verify_webhook(BODY, sig, str(old), "s")
    assert err.value.reason == "timestamp_too_old"
    assert a55.DEFAULT_TOLERANCE_S == 300


def test_webhook_body_that_is_not_an_event() -> None:
    body = b"\xff\xfe not json"
    sig = a55.sign_webhook(body, "s", TS)
    with pytest.raises(a55.ValidationError) as err:
        a55.verify_webhook(body, sig, str(TS), "s", now=TS)
    assert codes(err) == ["INVALID_WEBHOOK_PAYLOAD"]


# --- validate ------------------------------------------------------------------------------------

CHECKOUT = {
    "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    "merchant_id": "11111111-1111-1111-1111-111111111111",
    "amount": 250.0,
    "currency": "BRL",
    "description": "Order 1",
    "redirect_url": "https://example.com/ok",
    "due_date": "2026-12-01",
}


def test_validate_accepts_python_values() -> None:
    today = datetime.date(2026, 11, 21)
    assert a55.validate("checkout", CHECKOUT, today=today) == []
    typed = dict(
        CHECKOUT,
        wallet_uuid=uuid.UUID(CHECKOUT["wallet_uuid"]),  # type: ignore[arg-type]
        amount=Decimal("250.00"),
        due_date=datetime.date(2026, 12, 1),
        allowed_methods=("pix", "credit_card"),
        max_installments=3,
    )
    assert a55.validate("checkout", typed, today="2026-11-21") == []
    rounded = a55.validate("checkout", dict(CHECKOUT, amount=Decimal("10.005")), today=today)
    assert [(i.code, i.severity, i.field) for i in rounded] == [
        ("AMOUNT_ROUNDED", "warning", "amount")
    ]
    assert not rounded[0].is_error


def test_validate_reports_every_issue() -> None:
    payload = dict(CHECKOUT, amount=True, due_date=datetime.datetime(2026, 12, 1, 10, 0), foo=1)
    issues = a55.validate("checkout", payload, today="2026-11-21")
    got = {(i.code, i.field) for i in issues}
    assert got == {("INVALID_TYPE", "amount"), ("INVALID_DATE", "due_date"), ("UNKNOWN_FIELD", "foo")}
    assert all(isinstance(i, a55.Issue) for i in issues)


@pytest.mark.parametrize("payload", [[], "text", None, 5, 1.5, True, ["a", {"b": 1}]])
def test_validate_never_raises_for_a_payload_that_is_not_an_object(payload: object) -> None:
    issues = a55.validate("wallet", payload)
    assert [(i.code, i.field) for i in issues] == [("INVALID_TYPE", "")]


def test_validate_bad_kind_raises() -> None:
    with pytest.raises(a55.ValidationError) as err:
        a55.validate("charges", {})  # type: ignore[arg-type]
    assert err.value.issues[0].field == "kind"


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ({"description": {1, 2}}, "description"),
        ({"payer_address": {"city": float("nan")}}, "payer_address.city"),
        ({"items": [{"unit_amount": float("-inf")}]}, "items[0].unit_amount"),
        ({"amount": Decimal("NaN")}, "amount"),
        ({"payer_address": {1: "x"}}, "payer_address"),
        ({"x": object()}, "x"),
        ({"x": b"bytes"}, "x"),
    ],
)
def test_validate_values_without_a_json_form(value: dict[str, object], field: str) -> None:
    with pytest.raises(a55.ValidationError) as err:
        a55.validate("charge", value)
    assert codes(err) == ["INVALID_TYPE"]
    assert err.value.issues[0].field == field


def test_validate_in_threads() -> None:
    """validate releases the GIL; concurrent calls give the same answers."""
    payload = dict(CHECKOUT, amount="10.005", notes="x" * 200_000)
    expected = a55.validate("checkout", payload, today="2026-11-21")
    results: list[object] = []

    def work() -> None:
        for _ in range(20):
            results.append(a55.validate("checkout", payload, today="2026-11-21"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 80 and all(r == expected for r in results)


# --- models --------------------------------------------------------------------------------------


def test_issue_model() -> None:
    issue = a55.Issue("INVALID_TAX_ID", "error", "payer_tax_id", "bad check digits")
    assert issue == a55.Issue("INVALID_TAX_ID", "error", "payer_tax_id", "bad check digits")
    assert len({issue, a55.Issue("INVALID_TAX_ID", "error", "payer_tax_id", "bad check digits")}) == 1
    assert issue.to_dict() == {
        "code": "INVALID_TAX_ID",
        "severity": "error",
        "field": "payer_tax_id",
        "description": "bad check digits",
    }
    assert repr(issue) == (
        "Issue(code='INVALID_TAX_ID', severity='error', field='payer_tax_id', "
        "description='bad check digits')"
    )
    assert str(issue) == "INVALID_TAX_ID (error) at payer_tax_id: bad check digits"
    assert pickle.loads(pickle.dumps(issue)) == issue
    assert issue.is_error
    with pytest.raises(AttributeError):
        issue.code = "X"  # type: ignore[misc]


# --- exceptions ----------------------------------------------------------------------------------

ERROR_CLASSES = [
    a55.ValidationError,
    a55.SignatureVerificationError,
    a55.AuthenticationError,
    a55.PermissionDeniedError,
    a55.NotFoundError,
    a55.ConflictError,
    a55.RateLimitError,
    a55.ServerError,
    a55.APIError,
    a55.APIConnectionError,
    a55.APITimeoutError,
    a55.UnknownOutcomeError,
    a55.ConfigurationError,
    a55.DecodeError,
]
ATTRIBUTES = [
    "status",
    "codes",
    "request_id",
    "idempotency_key",
    "issues",
    "reason",
    "retry_after",
    "raw_body",
]


@pytest.mark.parametrize("cls", [a55.A55Error, *ERROR_CLASSES])
def test_every_error_class_has_every_attribute(cls: type[a55.A55Error]) -> None:
    assert issubclass(cls, a55.A55Error) and issubclass(cls, Exception)
    assert cls.__module__ == "a55"
    plain = cls("message")
    assert str(plain) == "message"
    assert [getattr(plain, a) for a in ATTRIBUTES] == [None, [], None, None, [], None, None, None]
    issue = a55.Issue("X", "error", "f", "d")
    full = cls(
        "m",
        status=429,
        codes=["RATE_LIMIT_EXCEEDED"],
        request_id="req_1",
        idempotency_key="key_1",
        issues=[issue],
        reason="r",
        retry_after=1.5,
        raw_body="{}",
    )
    values = [429, ["RATE_LIMIT_EXCEEDED"], "req_1", "key_1", [issue], "r", 1.5, "{}"]
    assert [getattr(full, a) for a in ATTRIBUTES] == values
    copy = pickle.loads(pickle.dumps(full))
    assert type(copy) is cls and [getattr(copy, a) for a in ATTRIBUTES] == values


def test_validation_error_errors_like_pydantic() -> None:
    with pytest.raises(a55.ValidationError) as err:
        a55.normalize_amount("0", "BRL")
    e = err.value
    assert e.errors() == [i.to_dict() for i in e.issues]
    assert e.errors()[0]["code"] == "AMOUNT_INVALID" and e.errors()[0]["field"] == "amount"
    assert e.codes == ["AMOUNT_INVALID"]
    assert (e.status, e.request_id, e.retry_after) == (None, None, None)


def test_a_panic_in_rust_is_an_exception() -> None:
    with pytest.raises(a55.A55Error, match="panicked"):
        a55._a55._panic_for_tests()
    assert str(a55.normalize_amount("1", "BRL")) == "1.00"  # the interpreter is fine
    code = (
        "import a55\n"
        "try:\n    a55._a55._panic_for_tests()\n"
        "except a55.A55Error as e:\n    print('caught', type(e).__name__)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "caught A55Error"
