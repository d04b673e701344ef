"""How an application tests its own payment code with ``a55.testing`` (no network, nothing else
to install): the ``a55_emulator`` pytest fixture, and the ``Emulator`` context manager."""

from decimal import Decimal

import pytest

import a55
from a55.testing import APPROVED_CARD, DECLINED_CARD, MERCHANT, WALLET, Emulator


def pay_order(client: a55.Client, order_id: str, card_number: str) -> str:
    """The application's code under test."""
    res = client.create_charge(
        {
            "wallet_uuid": WALLET, "merchant_id": MERCHANT, "payer_name": "Ana Souza",
            "payer_email": "ana@example.com", "payer_tax_id": "529.982.247-25",
            "payer_cell_phone": "+5511988887777", "installment_value": Decimal("99.90"),
            "installment_count": 1, "currency": "BRL", "due_date": "2026-12-31",
            "description": f"Order {order_id}", "type_charge": "credit_card",
            "card_number": card_number, "card_name": "ANA SOUZA", "card_expiry_month": "12",
            "card_expiry_year": "2030", "card_cvv": "123",
            "payer_address": {"street": "Rua A", "address_number": "1", "complement": "",
                              "neighborhood": "Centro", "city": "São Paulo", "state": "SP",
                              "postal_code": "01001-000"},
        },
        idempotency_from=order_id,
    )
    return "paid" if res.data.status == a55.ChargeStatus.CONFIRMED else "declined"


def test_an_approved_card(a55_emulator: Emulator) -> None:
    assert pay_order(a55_emulator.client(), "order-1", APPROVED_CARD) == "paid"


def test_a_declined_card(a55_emulator: Emulator) -> None:
    assert pay_order(a55_emulator.client(), "order-2", DECLINED_CARD) == "declined"


@pytest.mark.a55_emulator(today="2026-11-21", seed=7)
def test_the_api_is_down(a55_emulator: Emulator) -> None:
    a55_emulator.queue_faults("503", "503")  # the next two API requests fail
    with pytest.raises(a55.ServerError):
        pay_order(a55_emulator.client(max_retries=1), "order-3", APPROVED_CARD)


def test_a_lost_answer_is_repeated_with_its_key() -> None:
    with Emulator() as emu:
        client = emu.client(max_retries=0)
        emu.queue_faults("reset_after")
        with pytest.raises(a55.UnknownOutcomeError):
            pay_order(client, "order-4", APPROVED_CARD)
        assert pay_order(client, "order-4", APPROVED_CARD) == "paid"  # the same derived key
