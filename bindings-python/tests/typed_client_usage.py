"""A user's code calling every method of ``a55.Client`` and ``a55.AsyncClient``, checked with
``mypy --strict`` (test_typing.py) and run against the emulator (test_async.py, test_client.py)."""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterator
from decimal import Decimal

import a55

WALLET = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
MERCHANT = "11111111-1111-1111-1111-111111111111"
ADDRESS: a55.Address = {
    "street": "Av. Paulista", "address_number": "1000", "complement": "", "neighborhood": "Centro",
    "city": "São Paulo", "state": "SP", "postal_code": "01310-100", "country": "BR",
}


def charge_payload(card: bool = True) -> a55.ChargePayload:
    payload: a55.ChargePayload = {
        "wallet_uuid": WALLET, "merchant_id": MERCHANT, "payer_name": "Zhang Wei",
        "payer_email": "zhangwei@example.com", "payer_tax_id": "123.456.789-09",
        "payer_cell_phone": "+5511999999999", "installment_value": Decimal("150.00"),
        "installment_count": 1, "currency": "BRL", "due_date": datetime.date(2026, 12, 31),
        "description": "Order #42", "type_charge": "credit_card", "payer_address": ADDRESS,
    }
    if card:
        payload.update({"card_number": "4024007153763191", "card_name": "ZHANG WEI",
                        "card_expiry_month": "12", "card_expiry_year": "2030", "card_cvv": "123"})
    return payload


PIX: a55.PixChargePayload = {
    "wallet_uuid": WALLET, "merchant_id": MERCHANT, "payer_name": "Wang Fang",
    "payer_email": "wangfang@example.com", "payer_tax_id": "529.982.247-25",
    "payer_cell_phone": "+5521977777777", "amount": Decimal("149.90"), "currency": "BRL",
    "due_date": "2026-12-31", "description": "Order #100", "payer_address": ADDRESS,
}
CHECKOUT: a55.CheckoutPayload = {
    "wallet_uuid": WALLET, "merchant_id": MERCHANT, "amount": Decimal("250.00"), "currency": "BRL",
    "description": "Plan", "redirect_url": "https://shop.example/ok", "due_date": "2026-12-31",
}
LINK: a55.PaymentLinkPayload = {"wallet_uuid": WALLET, "currency": "BRL", "amount": "99.90"}
CARD: a55.PublicPaymentPayload = {
    "card_number": "4024007153763191", "card_name": "A", "card_expiry_month": "12",
    "card_expiry_year": "2030", "card_cvv": "123",
}


def wallet_payload(customer: str) -> a55.WalletPayload:
    return {"entity_uuid": "550e8400-e29b-41d4-a716-446655440000", "customer_id": customer,
            "currency": "BRL", "name": "Loja", "email": "loja@example.com",
            "create_credentials": False}


def sync_flow(client: a55.Client, customer: str) -> list[str]:
    """Every method once; answers the names of the methods that returned."""
    done: list[str] = []
    wallet: a55.Response[a55.Wallet] = client.create_wallet(wallet_payload(customer))
    found = client.get_wallet(wallet_uuid=wallet.data.wallet_uuid)
    assert found.data.wallet_uuid == wallet.data.wallet_uuid
    done += ["create_wallet", "get_wallet"]
    res: a55.Response[a55.Charge] = client.create_charge(charge_payload(), idempotency_from=customer)
    charge: a55.Charge = res.data
    status: a55.ChargeStatus = charge.status
    total: Decimal | None = charge.local_currency
    key: str | None = res.meta.idempotency_key
    assert status == "confirmed" and total == Decimal("150.00") and key
    uuid = charge.charge_uuid or ""
    assert client.get_charge(charge_uuid=uuid, wallet_uuid=WALLET).data == charge
    page: a55.Response[a55.ChargePage] = client.list_charges(wallet_uuid=WALLET, limit=2)
    every: Iterator[a55.Charge] = client.list_all_charges(wallet_uuid=WALLET, limit=50)
    assert len(page.data.data) <= 2 and any(c.charge_uuid == uuid for c in every)
    refund = client.refund_charge({"amount": Decimal("50.00")}, charge_uuid=uuid, wallet_uuid=WALLET)
    assert refund.data.charge_uuid == uuid
    done += ["create_charge", "get_charge", "list_charges", "list_all_charges", "refund_charge"]
    held = client.create_charge({**charge_payload(), "capture": False}).data.charge_uuid or ""
    captured = client.capture_charge(charge_uuid=held, wallet_uuid=WALLET)
    assert captured.data.status in (a55.ChargeStatus.PAID, a55.ChargeStatus.CONFIRMED)
    waited = client.wait_for_charge(charge_uuid=held, wallet_uuid=WALLET, max_wait=5.0)
    assert waited.data.charge_uuid == held
    issued = client.create_charge(charge_payload(card=False)).data.charge_uuid or ""
    public: a55.Response[a55.PublicCharge] = client.get_public_charge(charge_uuid=issued)
    assert public.data.status == a55.ChargeStatus.ISSUED
    paid = client.pay_public_charge(CARD, charge_uuid=issued)
    assert paid.data.status == "confirmed"
    other = client.create_charge(charge_payload(card=False)).data.charge_uuid or ""
    cancelled = client.cancel_charge(charge_uuid=other, wallet_uuid=WALLET, reason="customer")
    assert cancelled.data.status == a55.ChargeStatus.CANCELED
    done += ["capture_charge", "wait_for_charge", "get_public_charge", "pay_public_charge",
             "cancel_charge"]
    pix = client.create_pix_charge(PIX).data.pix_payload
    assert pix is not None and (pix.copy_paste or "").startswith("000201")
    sub_payload: a55.ChargePayload = {**charge_payload(), "subscription": {"cycle": "monthly"}}
    first = client.create_subscription(sub_payload).data.subscription
    assert first is not None and first.subscription_uuid is not None
    cycle: a55.Cycle | None = first.cycle
    sub: a55.Response[a55.Subscription] = client.get_subscription(
        subscription_uuid=first.subscription_uuid, wallet_uuid=WALLET)
    next_date: datetime.date | None = sub.data.next_due_date
    assert cycle == "monthly" and next_date is not None
    ended = client.cancel_subscription(subscription_uuid=first.subscription_uuid,
                                       wallet_uuid=WALLET)
    assert ended.data.status is not None
    session: a55.Response[a55.CheckoutSession] = client.create_checkout(CHECKOUT)
    link: a55.Response[a55.PaymentLink] = client.create_payment_link(LINK)
    assert session.data.checkout_url and link.data.url
    done += ["create_pix_charge", "create_subscription", "get_subscription",
             "cancel_subscription", "create_checkout", "create_payment_link"]
    return done


async def async_flow(client: a55.AsyncClient, customer: str) -> list[str]:
    """Every method once, awaited; answers the names of the methods that returned."""
    done: list[str] = []
    wallet: a55.Response[a55.Wallet] = await client.create_wallet(wallet_payload(customer))
    found = await client.get_wallet(wallet_uuid=wallet.data.wallet_uuid)
    assert found.data == wallet.data or found.data.wallet_uuid == wallet.data.wallet_uuid
    done += ["create_wallet", "get_wallet"]
    res = await client.create_charge(charge_payload(), idempotency_from=customer, timeout=10.0)
    uuid = res.data.charge_uuid or ""
    assert (await client.get_charge(charge_uuid=uuid, wallet_uuid=WALLET)).data == res.data
    page = await client.list_charges(wallet_uuid=WALLET, limit=2)
    every: AsyncIterator[a55.Charge] = client.list_all_charges(wallet_uuid=WALLET, limit=50)
    seen = [c.charge_uuid async for c in every]
    assert len(page.data.data) <= 2 and uuid in seen
    await client.refund_charge(charge_uuid=uuid, wallet_uuid=WALLET)
    done += ["create_charge", "get_charge", "list_charges", "list_all_charges", "refund_charge"]
    held = (await client.create_charge({**charge_payload(), "capture": False})).data
    await client.capture_charge({"amount": "150.00"}, charge_uuid=held.charge_uuid or "",
                                wallet_uuid=WALLET)
    await client.wait_for_charge(charge_uuid=held.charge_uuid or "", wallet_uuid=WALLET,
                                 max_wait=5.0)
    issued = (await client.create_charge(charge_payload(card=False))).data.charge_uuid or ""
    public = await client.get_public_charge(charge_uuid=issued)
    paid = await client.pay_public_charge(CARD, charge_uuid=issued, idempotency_key=f"pay-{customer}")
    assert public.data.status == "issued" and paid.data.status == "confirmed"
    other = (await client.create_charge(charge_payload(card=False))).data.charge_uuid or ""
    await client.cancel_charge(charge_uuid=other, wallet_uuid=WALLET)
    done += ["capture_charge", "wait_for_charge", "get_public_charge", "pay_public_charge",
             "cancel_charge"]
    await client.create_pix_charge(PIX)
    sub_payload: a55.ChargePayload = {**charge_payload(), "subscription": {"cycle": "monthly"}}
    info = (await client.create_subscription(sub_payload)).data.subscription
    assert info is not None and info.subscription_uuid is not None
    await client.get_subscription(subscription_uuid=info.subscription_uuid, wallet_uuid=WALLET)
    await client.cancel_subscription(subscription_uuid=info.subscription_uuid, wallet_uuid=WALLET)
    await client.create_checkout(CHECKOUT)
    await client.create_payment_link(LINK, skip_validation=False)
    done += ["create_pix_charge", "create_subscription", "get_subscription",
             "cancel_subscription", "create_checkout", "create_payment_link"]
    return done


def errors(client: a55.Client) -> str:
    try:
        client.get_charge(charge_uuid="5b3f1a8e-0000-4000-8000-000000000001", wallet_uuid=WALLET)
    except a55.NotFoundError as e:
        kind: str = e.kind
        retryable: bool = e.retryable
        return f"{kind} {retryable} {e.status}"
    except a55.APITimeoutError as e:
        connection: a55.APIConnectionError = e
        return str(connection)
    return "found"
