"""`a55.Client` against the emulator (a real HTTP server, started from `$A55_BIN`)."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import urllib.request
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import a55

WALLET = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
MERCHANT = "11111111-1111-1111-1111-111111111111"
CARD = "4024007153763191"  # last digit 1: approved
DECLINED = "4024007153763122"  # last digit 2: declined with return code 05
TAX_ID = "123.456.789-09"


def emulator_binary() -> str:
    explicit = os.environ.get("A55_BIN")
    if explicit:
        return explicit
    target = Path(os.environ.get("CARGO_TARGET_DIR", Path(__file__).resolve().parents[2] / "target"))
    candidate = target / "debug" / "a55"
    if candidate.exists():
        return str(candidate)
    pytest.fail("set A55_BIN to the `a55` binary (scripts/test-all.sh builds it and sets it)")


@pytest.fixture(scope="module")
def emulator() -> Iterator[str]:
    proc = subprocess.Popen(
        [emulator_binary(), "emulator", "--port", "0", "--rate-limit", "0", "--settle-delay", "0",
         "--today", "2026-11-21"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline().strip()
    url = first.rsplit(" ", 1)[-1]
    assert url.startswith("http://127.0.0.1:"), first
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def new_client(url: str, **kwargs: Any) -> a55.Client:
    return a55.Client(
        client_id="emulator-client",
        client_secret="emulator-secret",
        base_url=url,
        token_url=f"{url}/oauth2/token",
        today="2026-11-21",
        **kwargs,
    )


@pytest.fixture()
def client(emulator: str) -> a55.Client:
    return new_client(emulator)


def queue_faults(url: str, *faults: str) -> None:
    req = urllib.request.Request(
        f"{url}/_emulator/faults",
        data=json.dumps({"faults": list(faults)}).encode(),
        headers={"content-type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req) as res:
        assert res.status == 200


def charge(card: str = CARD, **changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "wallet_uuid": WALLET, "merchant_id": MERCHANT, "payer_name": "Zhang Wei",
        "payer_email": "zhangwei@example.com", "payer_tax_id": TAX_ID,
        "payer_cell_phone": "+5511999999999", "installment_value": Decimal("150.00"),
        "installment_count": 3, "currency": "BRL", "due_date": "2026-12-31",
        "description": "Order #42", "type_charge": "credit_card", "card_number": card,
        "card_name": "ZHANG WEI", "card_expiry_month": "12", "card_expiry_year": "2030",
        "card_cvv": "123",
        "payer_address": {"street": "Av. Paulista", "address_number": "1000",
                          "complement": "Sala 101", "neighborhood": "Bela Vista",
                          "city": "São Paulo", "state": "SP", "postal_code": "01310-100",
                          "country": "BR"},
    }
    payload.update(changes)
    return payload


def test_a_card_charge_in_three_installments(client: a55.Client) -> None:
    res = client.create_charge(charge())
    assert res.status_code == 200
    assert res.attempts == 1 and not res.replayed
    assert res.request_id
    uuid.UUID(str(res.idempotency_key))
    data = res.data
    assert isinstance(data, a55.Data) and isinstance(data, dict)
    assert data["status"] == "confirmed"
    assert data["local_currency"] == Decimal("450.00")
    assert str(data["local_currency"]) == "450.00"  # exact digits, never a float
    assert [i["local_currency"] for i in data["installments"]] == [Decimal("150.00")] * 3
    assert [i["due_date"] for i in data["installments"]] == ["2026-12-31", "2027-01-31", "2027-02-28"]
    # The same charge, read back.
    again = client.get_charge(charge_uuid=data["charge_uuid"], wallet_uuid=WALLET)
    assert again.data["charge_uuid"] == data["charge_uuid"]
    assert client.token_requests == 1


def test_a_declined_card_is_a_result_not_an_exception(client: a55.Client) -> None:
    res = client.create_charge(charge(DECLINED, installment_count=1))
    assert res.data["status"] == "error"
    assert res.data["message"]


def test_invalid_input_raises_before_any_request() -> None:
    # Nothing listens on this port: a request would be a connection error, not a validation error.
    offline = new_client("http://127.0.0.1:9", max_retries=0)
    with pytest.raises(a55.ValidationError) as info:
        offline.create_charge(charge(payer_tax_id="111.111.111-11", currency="XYZ"))
    fields = {i.field for i in info.value.issues}
    assert {"payer_tax_id", "currency"} <= fields
    assert "111.111.111-11" not in str(info.value)
    with pytest.raises(a55.ValidationError):
        offline.create_charge("not a payload")  # type: ignore[arg-type]
    with pytest.raises(a55.ValidationError):
        offline.get_charge(charge_uuid="not-a-uuid", wallet_uuid=WALLET)
    with pytest.raises(a55.APIConnectionError):
        offline.get_charge(charge_uuid=str(uuid.uuid4()), wallet_uuid=WALLET)


def test_idempotency_from_replays_the_first_answer(client: a55.Client) -> None:
    order = f"order-{uuid.uuid4()}"
    first = client.create_charge(charge(), idempotency_from=order)
    second = client.create_charge(charge(), idempotency_from=order)
    assert first.idempotency_key == second.idempotency_key
    assert second.replayed and not first.replayed
    assert second.data["charge_uuid"] == first.data["charge_uuid"]
    with pytest.raises(a55.ConflictError) as info:
        client.create_charge(charge(description="another body"), idempotency_from=order)
    assert info.value.status == 409


def test_retries_and_unknown_outcomes(emulator: str, client: a55.Client) -> None:
    queue_faults(emulator, "503", "500")
    fast = new_client(emulator)
    res = fast.create_charge(charge(), max_retries=2)
    assert res.attempts == 3 and res.status_code == 200
    # Processed, then the connection reset before the answer: the outcome is unknown.
    queue_faults(emulator, "reset_after")
    with pytest.raises(a55.UnknownOutcomeError) as info:
        client.create_charge(charge(), max_retries=0)
    key = info.value.idempotency_key
    assert key
    again = client.create_charge(charge(), idempotency_key=key)
    assert again.replayed and again.idempotency_key == key


def test_refunds_and_typed_errors(client: a55.Client) -> None:
    created = client.create_charge(charge(installment_count=1))
    charge_uuid = created.data["charge_uuid"]
    partial = client.refund_charge(charge_uuid=charge_uuid, wallet_uuid=WALLET, amount=Decimal("100.00"))
    assert partial.status_code == 200
    with pytest.raises(a55.NotFoundError) as info:
        client.get_charge(charge_uuid=str(uuid.uuid4()), wallet_uuid=WALLET)
    assert info.value.status == 404 and info.value.request_id
    page = client.list_charges(wallet_uuid=WALLET, limit=5)
    assert len(page.data["data"]) <= 5


def test_public_endpoints_need_no_credentials(emulator: str, client: a55.Client) -> None:
    issued = charge(installment_count=1)
    for key in ("card_number", "card_name", "card_expiry_month", "card_expiry_year", "card_cvv"):
        del issued[key]
    charge_uuid = client.create_charge(issued).data["charge_uuid"]
    public = a55.Client(base_url=emulator, token_url=f"{emulator}/oauth2/token")
    assert public.get_public_charge(charge_uuid=charge_uuid).data["status"] == "issued"
    card = {"card_number": CARD, "card_name": "A", "card_expiry_month": "12",
            "card_expiry_year": "2030", "card_cvv": "123"}
    assert public.pay_public_charge(card, charge_uuid=charge_uuid).data["status"] == "confirmed"
    with pytest.raises(a55.ConflictError):
        public.pay_public_charge(card, charge_uuid=charge_uuid)
    with pytest.raises(a55.ConfigurationError):
        public.get_charge(charge_uuid=charge_uuid, wallet_uuid=WALLET)  # private endpoints need credentials
    assert public.token_requests == 0


def test_threads_call_concurrently(client: a55.Client) -> None:
    results: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(client.create_charge(charge(installment_count=1)).data["charge_uuid"])
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(set(results)) == 8


def test_nothing_secret_in_reprs(client: a55.Client) -> None:
    res = client.create_charge(charge())
    text = repr(res) + str(res.data) + repr(client)
    for secret in (CARD, "4024 0071", "emulator-secret", TAX_ID, "12345678909"):
        assert secret not in text
    wallet = client.create_wallet({
        "entity_uuid": "550e8400-e29b-41d4-a716-446655440000", "customer_id": f"cust-{uuid.uuid4()}",
        "currency": "BRL", "name": "Loja", "email": "loja@example.com", "create_credentials": True,
    })
    secret = json.dumps(wallet.data, default=str)
    assert "client_secret" in secret  # the caller gets the wallet's credentials...
    creds = wallet.data.get("credentials") or wallet.data
    value = str(creds.get("client_secret", ""))
    assert value and value not in repr(wallet)  # ...but a repr never shows them


def test_configuration_errors_name_the_argument() -> None:
    with pytest.raises(a55.ValidationError) as info:
        a55.Client(client_id="id", access_token="t")
    assert info.value.issues[0].field == "client_id"
    with pytest.raises(a55.ConfigurationError):
        a55.Client(environment="nowhere")
    with pytest.raises(a55.ValidationError) as timeout:
        a55.Client(timeout=float("nan"))
    assert timeout.value.issues[0].field == "timeout"
    with pytest.raises(a55.ConfigurationError):
        a55.Client(base_url="http://example.com")  # plain http to a public host
