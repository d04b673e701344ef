"""Typed usage of the a55 package, checked with ``mypy --strict`` and executed by test_typing.py.

Every public name is used the way an application would, with the types the stubs promise.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import a55


def amounts() -> list[Decimal]:
    normalized: Decimal = a55.normalize_amount("10.005", "BRL")
    from_float: Decimal = a55.normalize_amount(2.675, "BRL")
    from_int: Decimal = a55.normalize_amount(10, "CLP")
    minor: int = a55.to_minor_units(Decimal("10.005"), "BRL")
    back: Decimal = a55.from_minor_units(minor, "BRL")
    exponent: int = a55.currency_exponent("BRL")
    parts: list[Decimal] = a55.split_installments(normalized * 3, 3, "BRL")
    assert exponent == 2 and back == normalized
    return [normalized, from_float, from_int, *parts]


def schedules() -> list[datetime.date]:
    due: list[datetime.date] = a55.installment_due_dates(datetime.date(2026, 12, 31), 3)
    nxt: datetime.date | None = a55.next_charge_date("2028-02-29", "yearly", end_date=None)
    plan: list[datetime.date] = a55.subscription_schedule(
        datetime.date(2026, 1, 31), "monthly", 3, end_date=datetime.date(2026, 12, 31)
    )
    if nxt is not None:
        due.append(nxt)
    return due + plan


def checks() -> list[a55.Issue]:
    kind: str = a55.validate_tax_id("529.982.247-25", "BR")
    brand: str = a55.card_brand("4024 0071 5376 3191")
    issues: list[a55.Issue] = a55.validate(
        "checkout", {"amount": Decimal("10.00")}, today=datetime.date(2026, 11, 21)
    )
    for issue in issues:
        code: str = issue.code
        field: str = issue.field
        blocking: bool = issue.is_error
        as_dict: a55.IssueDict = issue.to_dict()
        assert code and as_dict["field"] == field and isinstance(blocking, bool)
    assert kind == "CPF" and brand == "Visa"
    return issues


def handle_webhook(body: bytes, headers: dict[str, str], secrets: list[str]) -> str:
    try:
        event: a55.WebhookEvent = a55.verify_webhook(
            body,
            headers.get("X-Webhook-Signature"),
            headers.get("X-Webhook-Timestamp"),
            secrets,
            tolerance_s=300,
            now=datetime.datetime.now(datetime.timezone.utc),
        )
    except a55.SignatureVerificationError as err:
        reason: str | None = err.reason
        return f"rejected: {reason}"
    amount: str | None = event.amount
    raw: dict[str, object] = event.raw
    assert raw["charge_uuid"] == event.charge_uuid and amount is None
    return event.dedup_key


def errors() -> list[a55.IssueDict] | None:
    try:
        a55.normalize_amount("0", "BRL")
    except a55.ValidationError as err:
        status: int | None = err.status
        codes: list[str] = err.codes
        retry: float | None = err.retry_after
        assert status is None and codes == ["AMOUNT_INVALID"] and retry is None
        return err.errors()
    except a55.A55Error:
        raise
    return None


def pix(text: str) -> str | None:
    try:
        code: a55.BrCode = a55.parse_pix_brcode(text)
    except a55.ValidationError:
        return None
    return code.amount


def pay(client: a55.Client, order_id: str, payload: a55.ChargePayload) -> str:
    """A service's payment step: typed results, typed errors, a key to repeat an unknown outcome."""
    try:
        res: a55.Response[a55.Charge] = client.create_charge(
            payload, idempotency_from=order_id, timeout=10.0
        )
    except a55.ValidationError as e:
        return ", ".join(f"{i.field}: {i.code}" for i in e.issues)
    except a55.UnknownOutcomeError as e:
        key: str | None = e.idempotency_key
        return f"retry with {key}"
    meta: a55.Meta = res.meta
    warnings: list[a55.Issue] = meta.warnings
    status: a55.ChargeStatus = res.data.status
    total: Decimal | None = res.data.local_currency
    return f"{status} {total} {len(warnings)} {meta.attempts} {meta.replayed} {meta.request_id}"


def offline_client() -> str:
    client = a55.Client(client_id="id", client_secret="secret", environment="sandbox", max_retries=0)
    return pay(client, "order-1", {"currency": "BRL"})


def main() -> None:
    assert [str(a) for a in amounts()][:3] == ["10.01", "2.68", "10"]
    assert schedules()[1] == datetime.date(2027, 1, 31)
    assert checks()
    body = b'{"charge_uuid":"c1","status":"paid"}'
    now = int(datetime.datetime.now(datetime.timezone.utc).timestamp())
    headers = {
        "X-Webhook-Signature": a55.sign_webhook(body, "whsec_a", now),
        "X-Webhook-Timestamp": str(now),
    }
    assert handle_webhook(body, headers, ["whsec_a"]) == "c1:paid"
    assert handle_webhook(body, {}, ["whsec_a"]) == "rejected: malformed_timestamp"
    found = errors()
    assert found is not None and found[0]["code"] == "AMOUNT_INVALID"
    assert pix("000201") is None
    limit = a55.RateLimitError("slow down", retry_after=1.5, status=429)
    assert limit.retry_after == 1.5
    # Validation fails before any request: no network is needed.
    assert "wallet_uuid: REQUIRED_FIELD" in offline_client()


if __name__ == "__main__":
    main()
