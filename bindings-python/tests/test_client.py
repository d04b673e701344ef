"""`a55.Client` against the emulator linked into the package (`a55.testing`)."""

from __future__ import annotations

import threading
import uuid
from decimal import Decimal

import pytest
import typed_client_usage
from support import TAX_ID, charge

import a55
from a55.testing import APPROVED_CARD, DECLINED_CARD, WALLET, Emulator


def test_every_method(client: a55.Client) -> None:
    done = typed_client_usage.sync_flow(client, f"cust-{uuid.uuid4()}")
    assert len(done) == 18 and len(set(done)) == 18


def test_a_card_charge_is_a_typed_model(client: a55.Client) -> None:
    res = client.create_charge(charge())
    data = res.data
    assert isinstance(data, a55.Charge)
    assert data.status is a55.ChargeStatus.CONFIRMED and data.status == "confirmed"
    assert data.local_currency == Decimal("450.00") and str(data.local_currency) == "450.00"
    assert isinstance(data.currency, a55.Currency) and data.currency == "BRL"
    assert [i.local_currency for i in data.installments] == [Decimal("150.00")] * 3
    assert [str(i.due_date) for i in data.installments] == ["2026-12-31", "2027-01-31", "2027-02-28"]
    assert data.type_charge is a55.TypeCharge.CREDIT_CARD
    meta = res.meta
    assert meta.status_code == 200 and meta.attempts == 1 and not meta.replayed
    assert meta.request_id and uuid.UUID(str(meta.idempotency_key))
    assert '"charge_uuid"' in meta.raw and data.charge_uuid in meta.raw
    again = client.get_charge(charge_uuid=data.charge_uuid or "", wallet_uuid=WALLET)
    assert again.data == data and again.data is not data
    plain = data.to_dict()
    assert plain["status"] == "confirmed" and type(plain["status"]) is str
    assert plain["installments"][0]["local_currency"] == Decimal("150.00")
    with pytest.raises(AttributeError):
        data.status = "paid"  # type: ignore[misc]


def test_a_declined_card_is_a_result_not_an_exception(client: a55.Client) -> None:
    res = client.create_charge(charge(DECLINED_CARD, installment_count=1))
    assert res.data.status == a55.ChargeStatus.ERROR and res.data.status.is_terminal
    assert res.data.message and isinstance(res.data.message[0], a55.ServerMessage)


def test_invalid_input_raises_before_any_request() -> None:
    # Nothing listens on this port: a request would be a connection error, not a validation error.
    offline = a55.Client(access_token="t", base_url="http://127.0.0.1:9", max_retries=0)
    with pytest.raises(a55.ValidationError) as info:
        offline.create_charge(charge(payer_tax_id="111.111.111-11", currency="XYZ"))
    assert {"payer_tax_id", "currency"} <= {i.field for i in info.value.issues}
    assert "111.111.111-11" not in str(info.value)
    assert info.value.kind == "validation" and not info.value.retryable
    with pytest.raises(a55.ValidationError) as missing:
        offline.get_charge(charge_uuid="not-a-uuid", wallet_uuid=WALLET)
    assert missing.value.issues[0].field == "charge_uuid"
    with pytest.raises(a55.APIConnectionError) as refused:
        offline.get_charge(charge_uuid=str(uuid.uuid4()), wallet_uuid=WALLET)
    assert refused.value.kind in ("connection", "timeout") and refused.value.retryable


def test_options_a_method_does_not_honour_are_refused() -> None:
    offline = a55.Client(access_token="t", base_url="http://127.0.0.1:9")
    with pytest.raises(TypeError):
        offline.get_charge(charge_uuid="a", wallet_uuid="b", idempotency_key="k")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        offline.cancel_charge(charge_uuid="a", wallet_uuid="b", skip_validation=True)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        offline.get_charge("a", "b")  # type: ignore[misc]  # identifiers are keyword-only


def test_idempotency_and_replay(client: a55.Client) -> None:
    order = f"order-{uuid.uuid4()}"
    first = client.create_charge(charge(), idempotency_from=order)
    second = client.create_charge(charge(), idempotency_from=order)
    assert first.meta.idempotency_key == second.meta.idempotency_key
    assert second.meta.replayed and not first.meta.replayed
    assert second.data == first.data
    with pytest.raises(a55.ConflictError) as info:
        client.create_charge(charge(description="another body"), idempotency_from=order)
    assert info.value.status == 409 and info.value.kind == "conflict"


def test_retries_and_unknown_outcomes(emu: Emulator, client: a55.Client) -> None:
    emu.queue_faults("503", "500")
    res = client.create_charge(charge(), max_retries=2)
    assert res.meta.attempts == 3 and res.meta.status_code == 200
    emu.queue_faults("reset_after")
    with pytest.raises(a55.UnknownOutcomeError) as info:
        client.create_charge(charge(), max_retries=0)
    key = info.value.idempotency_key
    assert key and info.value.retryable and info.value.kind == "unknown_outcome"
    again = client.create_charge(charge(), idempotency_key=key)
    assert again.meta.replayed and again.meta.idempotency_key == key


def test_each_exception_class(emu: Emulator) -> None:
    client = emu.client(max_retries=0)
    emu.queue_faults("503")
    with pytest.raises(a55.ServerError) as server:
        client.get_charge(charge_uuid=str(uuid.uuid4()), wallet_uuid=WALLET)
    assert server.value.status == 503 and server.value.retryable
    emu.queue_faults("429")
    with pytest.raises(a55.RateLimitError) as limited:
        client.create_charge(charge())
    assert limited.value.retry_after is not None and limited.value.kind == "rate_limit"
    with pytest.raises(a55.NotFoundError) as missing:
        client.get_charge(charge_uuid=str(uuid.uuid4()), wallet_uuid=WALLET)
    assert missing.value.status == 404 and missing.value.request_id and not missing.value.retryable
    bad = a55.Client(client_id="nobody", client_secret="wrong", base_url=emu.url,
                     token_url=emu.token_url, max_retries=0)
    with pytest.raises(a55.AuthenticationError):
        bad.get_charge(charge_uuid=str(uuid.uuid4()), wallet_uuid=WALLET)
    with pytest.raises(a55.ConfigurationError):
        a55.Client(base_url="http://example.com")  # plain http to a public host
    public = a55.Client(base_url=emu.url, token_url=emu.token_url)
    with pytest.raises(a55.ConfigurationError):
        public.get_charge(charge_uuid=str(uuid.uuid4()), wallet_uuid=WALLET)
    other_wallet = client.create_wallet({
        "entity_uuid": "550e8400-e29b-41d4-a716-446655440000", "customer_id": f"c-{uuid.uuid4()}",
        "currency": "BRL", "name": "Other", "email": "o@example.com", "create_credentials": True,
    }).data
    assert other_wallet.credentials is not None
    own = a55.Client(client_id=other_wallet.credentials.client_id,
                     client_secret=other_wallet.credentials.client_secret,
                     base_url=emu.url, token_url=emu.token_url, max_retries=0)
    with pytest.raises(a55.PermissionDeniedError):
        own.list_charges(wallet_uuid=WALLET)
    assert issubclass(a55.APITimeoutError, a55.APIConnectionError)
    timeout = a55.APITimeoutError("late")
    assert timeout.kind == "timeout" and timeout.retryable
    assert a55.ValidationError("x").kind == "validation" and not a55.ValidationError("x").retryable


def test_an_answer_slower_than_the_deadline_is_an_unknown_outcome(emu: Emulator) -> None:
    client = emu.client(max_retries=0)
    emu.queue_faults("delay:3000")
    with pytest.raises(a55.UnknownOutcomeError) as info:
        client.create_charge(charge(), timeout=0.5, deadline=1.0)
    assert info.value.idempotency_key


def test_eight_threads_share_one_client(client: a55.Client) -> None:
    results: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                results.append(client.create_charge(charge(installment_count=1)).data.charge_uuid or "")
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(set(results)) == 40
    assert client.token_requests == 1


def test_nothing_secret_in_reprs(client: a55.Client) -> None:
    res = client.create_charge(charge())
    text = repr(res) + str(res.data) + repr(client) + repr(res.meta)
    for secret in (APPROVED_CARD, "emulator-secret", TAX_ID, "12345678909", "zhangwei@example.com"):
        assert secret not in text
    wallet = client.create_wallet({
        "entity_uuid": "550e8400-e29b-41d4-a716-446655440000", "customer_id": f"c-{uuid.uuid4()}",
        "currency": "BRL", "name": "Loja", "email": "loja@example.com", "create_credentials": True,
    })
    creds = wallet.data.credentials
    assert creds is not None and creds.client_secret  # the caller gets the wallet's secret...
    assert creds.client_secret not in repr(wallet) and "loja@example.com" not in repr(wallet)
    assert wallet.data.to_dict()["credentials"]["client_secret"] == creds.client_secret


def test_close_and_context_manager(emu: Emulator) -> None:
    with emu.client() as client:
        assert not client.closed
        client.get_public_charge(charge_uuid=client.create_charge(charge()).data.charge_uuid or "")
    assert client.closed and "closed" in repr(client)
    with pytest.raises(a55.ConfigurationError):
        client.create_charge(charge())


def test_from_env(emu: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("A55_CLIENT_ID", emu.client_id)
    monkeypatch.setenv("A55_CLIENT_SECRET", emu.client_secret)
    monkeypatch.setenv("A55_API_URL", emu.url)
    monkeypatch.setenv("A55_AUTH_URL", emu.token_url)
    with a55.Client.from_env(today="2026-11-21") as client:
        assert client.create_charge(charge()).data.status == "confirmed"
    assert a55.AsyncClient.from_env().base_url == emu.url


def test_configuration_errors_name_the_argument() -> None:
    with pytest.raises(a55.ValidationError) as info:
        a55.Client(client_id="id", access_token="t")
    assert info.value.issues[0].field == "client_id"
    with pytest.raises(a55.ConfigurationError):
        a55.Client(environment="nowhere")
    with pytest.raises(a55.ValidationError) as timeout:
        a55.Client(timeout=float("nan"))
    assert timeout.value.issues[0].field == "timeout"
    with pytest.raises(a55.ConfigurationError, match="nonsense"):
        Emulator(faults="nonsense=1")
    with pytest.raises(a55.ConfigurationError, match="colour"):
        a55._a55._EmulatorServer({"colour": "blue"})
    insecure = a55.Client(access_token="t", base_url="http://emulator.internal:8080",
                          allow_insecure_http=True)
    assert insecure.base_url == "http://emulator.internal:8080"
