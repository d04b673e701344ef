"""No card number, CVV, tax id or secret in the repr/str of any model or exception."""

from __future__ import annotations

import traceback
from typing import Any

import pytest

import a55

CARD = "4024007153763191"
CARD_SPACED = "4024 0071 5376 3191"
CVV = "98765"
TAX_ID = "111.222.333-44"
TAX_ID_BARE = "11122233344"
SECRET = "whsec_live_very_secret_value"

SENSITIVE = [CARD, CARD_SPACED, CARD[:12], CVV, TAX_ID, TAX_ID_BARE, TAX_ID[:11], SECRET]


def shown(obj: object) -> str:
    """Everything a log line or a traceback could show of an object."""
    parts = [repr(obj), str(obj)]
    if isinstance(obj, BaseException):
        parts.append("".join(traceback.format_exception(type(obj), obj, obj.__traceback__)))
        parts.append(repr(obj.args))
        if isinstance(obj, a55.A55Error):
            parts.extend(repr(i) for i in obj.issues)
            parts.extend(str(i) for i in obj.issues)
            parts.append(repr(obj.errors() if isinstance(obj, a55.ValidationError) else []))
    return "\n".join(parts)


def assert_clean(obj: object) -> None:
    text = shown(obj)
    for secret in SENSITIVE:
        assert secret not in text, f"{secret!r} leaked in {text[:500]!r}"


def charge(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
        "merchant_id": "11111111-1111-1111-1111-111111111111",
        "payer_name": "Ana",
        "payer_email": "ana@example.com",
        "payer_tax_id": TAX_ID,
        "payer_cell_phone": "+5511999999999",
        "installment_value": "10.00",
        "installment_count": 1,
        "currency": "BRL",
        "due_date": "2026-12-01",
        "description": "x",
        "type_charge": "credit_card",
        "payer_address": {
            "street": "R",
            "address_number": "1",
            "complement": "",
            "neighborhood": "N",
            "city": "C",
            "state": "SP",
            "postal_code": "01310-100",
        },
        "card_number": CARD,
        "card_name": "ANA",
        "card_expiry_month": "13",
        "card_expiry_year": "20x6",
        "card_cvv": CVV,
    }
    payload.update(overrides)
    return payload


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"card_number": CARD_SPACED + "9999"},
        {"card_number": CARD + "x"},
        {"card_cvv": CVV + "1"},
        {"payer_tax_id": TAX_ID_BARE},
        {"card_number": 4024007153763191},
        {"card_cvv": 98765},
        {"payer_tax_id": [TAX_ID]},
        {"card_number": {"pan": CARD}},
    ],
)
def test_validation_issues_never_show_card_data_or_tax_ids(overrides: dict[str, Any]) -> None:
    issues = a55.validate("charge", charge(**overrides), today="2026-11-21")
    assert {i.field for i in issues} >= {"payer_tax_id"} or overrides.get("payer_tax_id")
    for issue in issues:
        assert_clean(issue)
        assert_clean(issue.to_dict())
    assert_clean(a55.ValidationError("invalid", issues=issues))


def test_a_validation_error_raised_for_a_payload_with_a_card_number_does_not_show_it() -> None:
    with pytest.raises(a55.ValidationError) as err:
        a55.validate("charge", charge(extra=float("nan")))
    assert_clean(err.value)
    with pytest.raises(a55.ValidationError) as err:
        a55.validate("charge", charge(card_number={CARD}))
    assert_clean(err.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda: a55.validate_tax_id(TAX_ID, "BR"),
        lambda: a55.validate_tax_id(TAX_ID_BARE, "BR"),
        lambda: a55.validate_tax_id(TAX_ID, "XX"),
        lambda: a55.card_brand(int(CARD)),  # type: ignore[arg-type]
        lambda: a55.validate_tax_id(int(TAX_ID_BARE), "BR"),  # type: ignore[arg-type]
        lambda: a55.sign_webhook(b"{}", SECRET.encode(), 1),  # type: ignore[arg-type]
        lambda: a55.sign_webhook(b"{}", SECRET, SECRET),  # type: ignore[arg-type]
    ],
)
def test_helper_errors_never_show_the_value(call: Any) -> None:
    with pytest.raises(a55.ValidationError) as err:
        call()
    assert_clean(err.value)


@pytest.mark.parametrize(
    ("secrets", "kwargs"),
    [
        ([SECRET], {}),
        ([SECRET, "other" + SECRET], {}),
        (SECRET, {"now": 1}),
        ([], {}),
        ([SECRET, 5], {}),
        ([SECRET], {"signature": SECRET}),
        ([SECRET], {"timestamp": SECRET}),
    ],
)
def test_webhook_errors_never_show_the_secrets(secrets: Any, kwargs: dict[str, Any]) -> None:
    body = b'{"charge_uuid":"c1","status":"paid"}'
    args: dict[str, Any] = {
        "raw_body": body,
        "signature": a55.sign_webhook(body, "not-the-secret", 100),
        "timestamp": "100",
        "secrets": secrets,
        "now": 100,
    }
    args.update(kwargs)
    with pytest.raises(a55.A55Error) as err:
        a55.verify_webhook(**args)
    assert_clean(err.value)


def test_models_never_show_secrets() -> None:
    body = b'{"charge_uuid":"c1","status":"paid","card_number":"%s","secret":"%s"}' % (
        CARD.encode(),
        SECRET.encode(),
    )
    sig = a55.sign_webhook(body, SECRET, 100)
    event = a55.verify_webhook(body, sig, "100", SECRET, now=100)
    assert_clean(event)
    assert event.raw["card_number"] == CARD  # the data is there, only the repr hides it


def test_brcode_repr_masks_the_pix_key() -> None:
    key = "52998224725"  # a CPF used as a PIX key
    account = f"0014br.gov.bcb.pix01{len(key):02d}{key}"
    text = (
        f"000201"
        f"26{len(account):02d}{account}"
        f"52040000530398654041.005802BR5903ANA6002SP"
        f"62070503***"
        f"6304"
    )
    crc = 0xFFFF
    for byte in text.encode():
        crc ^= byte << 8
        for _ in range(8):
            crc = (((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1) & 0xFFFF
    code = a55.parse_pix_brcode(f"{text}{crc:04X}")
    assert code.key == key
    assert key not in repr(code) and key not in str(code)
    assert "25" in repr(code)  # the last two characters
