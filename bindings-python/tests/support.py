"""Payloads the tests send to the emulator (its fixtures: docs/emulator.md)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from a55.testing import APPROVED_CARD, ENTITY, MERCHANT, WALLET

TAX_ID = "123.456.789-09"
TODAY = "2026-11-21"


def address() -> dict[str, Any]:
    return {"street": "Av. Paulista", "address_number": "1000", "complement": "Sala 101",
            "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP",
            "postal_code": "01310-100", "country": "BR"}


def charge(card: str | None = APPROVED_CARD, **changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "wallet_uuid": WALLET, "merchant_id": MERCHANT, "payer_name": "Zhang Wei",
        "payer_email": "zhangwei@example.com", "payer_tax_id": TAX_ID,
        "payer_cell_phone": "+5511999999999", "installment_value": Decimal("150.00"),
        "installment_count": 3, "currency": "BRL", "due_date": "2026-12-31",
        "description": "Order #42", "type_charge": "credit_card", "payer_address": address(),
    }
    if card is not None:
        payload.update({"card_number": card, "card_name": "ZHANG WEI", "card_expiry_month": "12",
                        "card_expiry_year": "2030", "card_cvv": "123"})
    payload.update(changes)
    return payload


def pix_charge() -> dict[str, Any]:
    return {"wallet_uuid": WALLET, "merchant_id": MERCHANT, "payer_name": "Wang Fang",
            "payer_email": "wangfang@example.com", "payer_tax_id": "529.982.247-25",
            "payer_cell_phone": "+5521977777777", "amount": Decimal("149.90"), "currency": "BRL",
            "due_date": "2026-12-31", "description": "Order #100", "payer_address": address()}


def checkout() -> dict[str, Any]:
    return {"wallet_uuid": WALLET, "merchant_id": MERCHANT, "amount": Decimal("250.00"),
            "currency": "BRL", "description": "Plan", "redirect_url": "https://shop.example/ok",
            "due_date": "2026-12-31", "max_installments": 6}


def wallet() -> dict[str, Any]:
    return {"entity_uuid": ENTITY, "customer_id": f"cust-{uuid.uuid4()}", "currency": "BRL",
            "name": "Loja", "email": "loja@example.com", "create_credentials": True}


def card() -> dict[str, Any]:
    return {"card_number": APPROVED_CARD, "card_name": "A", "card_expiry_month": "12",
            "card_expiry_year": "2030", "card_cvv": "123"}
