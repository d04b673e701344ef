"""Seed payloads and mutators for the validate generator (gen_validate.py).

`mut(base, changes)` deep-copies a payload and applies dotted-path changes ("payer_address.state",
"items[0].quantity"; the value DEL deletes the key). Then the seed pages' example requests, exactly as
published (docs/validation.md, "The seeds"); the derived bases the cases start from, each clean for
TODAY of validate_collect.py (asserted by their own "base" cases); one local charge per country; the
required-field lists of each kind; and `email_of_length(n)`.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from validate_reference import CARD_FIELDS
from validate_tax_ids import CO_CC_OK, CPF_OK, CUIT_OK, RFC_PERSON_OK, RUC_OK, RUT_OK

DEL = object()  # marks a key to delete in `mut`


def _set_path(obj: Any, path: str, value: Any) -> None:
    parts = re.findall(r"[^.\[\]]+|\[[0-9]+\]", path)
    cur = obj
    for p in parts[:-1]:
        cur = cur[int(p[1:-1])] if p.startswith("[") else cur[p]
    last = parts[-1]
    if last.startswith("["):
        cur[int(last[1:-1])] = value
    elif value is DEL:
        del cur[last]
    else:
        cur[last] = value


def mut(base: Any, changes: dict[str, Any] | None = None) -> Any:
    """A deep copy of `base` with dotted-path changes applied (DEL deletes a key)."""
    out = copy.deepcopy(base)
    for path, value in (changes or {}).items():
        _set_path(out, path, value if value is DEL else copy.deepcopy(value))
    return out


# ---------------------------------------------------------------------------------------------------
# The seeds' example requests, exactly as on the seed pages (docs/validation.md, "The seeds")
# ---------------------------------------------------------------------------------------------------

SEED_CHECKOUT = {  # 000
    "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    "merchant_id": "11111111-1111-1111-1111-111111111111",
    "amount": 250.00,
    "currency": "BRL",
    "description": "高级计划——月度",
    "redirect_url": "https://your-app.com/payment/success",
    "cancel_url": "https://your-app.com/payment/cancel",
    "due_date": "2026-12-31",
    "payer_email": "zhangwei@example.com",
    "allowed_methods": ["credit_card", "pix"],
    "max_installments": 6,
    "webhook_url": "https://your-app.com/webhooks/a55",
    "reference_external_id": "ORDER-2048",
}

SEED_CARD_CHARGE = {  # 001
    "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    "merchant_id": "11111111-1111-1111-1111-111111111111",
    "payer_name": "张伟",
    "payer_email": "zhangwei@example.com",
    "payer_tax_id": "123.456.789-09",
    "payer_cell_phone": "+5511999999999",
    "installment_value": 150.00,
    "installment_count": 3,
    "currency": "BRL",
    "due_date": "2026-12-31",
    "description": "订单 #42——3 期分期",
    "type_charge": "credit_card",
    "card_number": "4024007153763191",
    "card_name": "张伟",
    "card_expiry_month": "12",
    "card_expiry_year": "2030",
    "card_cvv": "123",
    "capture": True,
    "webhook_url": "https://your-app.com/webhooks/a55",
    "payer_address": {
        "street": "Av. Paulista",
        "address_number": "1000",
        "complement": "Sala 101",
        "neighborhood": "Bela Vista",
        "city": "São Paulo",
        "state": "SP",
        "postal_code": "01310-100",
        "country": "BR",
    },
}

SEED_PIX = {  # 002
    "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    "merchant_id": "11111111-1111-1111-1111-111111111111",
    "payer_name": "王芳",
    "payer_email": "wangfang@example.com",
    "payer_tax_id": "111.222.333-44",
    "payer_cell_phone": "+5521977777777",
    "amount": 149.90,
    "currency": "BRL",
    "due_date": "2026-12-31",
    "description": "订单 #100——PIX",
    "webhook_url": "https://your-app.com/webhooks/a55",
    "payer_address": {
        "street": "Av. Rio Branco",
        "address_number": "200",
        "complement": "Sala 301",
        "neighborhood": "Centro",
        "city": "Rio de Janeiro",
        "state": "RJ",
        "postal_code": "20040-002",
        "country": "BR",
    },
}

SEED_SUBSCRIPTION = {  # 003
    "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    "merchant_id": "11111111-1111-1111-1111-111111111111",
    "payer_name": "张伟",
    "payer_email": "zhangwei@example.com",
    "payer_tax_id": "123.456.789-09",
    "payer_cell_phone": "+5511999999999",
    "installment_value": 49.90,
    "installment_count": 1,
    "currency": "BRL",
    "due_date": "2026-12-31",
    "description": "高级计划——月度订阅",
    "type_charge": "credit_card",
    "card_number": "4024007153763191",
    "card_name": "张伟",
    "card_expiry_month": "12",
    "card_expiry_year": "2030",
    "card_cvv": "123",
    "subscription": {
        "cycle": "monthly",
        "end_date": "2027-12-31",
    },
    "webhook_url": "https://your-app.com/webhooks/a55",
    "payer_address": {
        "street": "Av. Paulista",
        "address_number": "1000",
        "complement": "Sala 101",
        "neighborhood": "Bela Vista",
        "city": "São Paulo",
        "state": "SP",
        "postal_code": "01310-100",
        "country": "BR",
    },
}

SEED_WALLET = {  # 004
    "entity_uuid": "550e8400-e29b-41d4-a716-446655440000",
    "customer_id": "cust_12345",
    "currency": "BRL",
    "name": "圣保罗门店——BRL",
    "email": "financeiro@loja-sp.com.br",
    "create_credentials": True,
    "merchant_uuid": "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
}

SEED_WALLET_MULTI_BRL = {  # 004, "完整示例——多币种设置"
    "entity_uuid": "550e8400-e29b-41d4-a716-446655440000",
    "customer_id": "cust_12345",
    "currency": "BRL",
    "name": "拉美商店——BRL",
    "email": "finance@latamstore.com",
    "create_credentials": True,
}
SEED_WALLET_MULTI_MXN = {
    "entity_uuid": "550e8400-e29b-41d4-a716-446655440000",
    "customer_id": "cust_12345",
    "currency": "MXN",
    "name": "拉美商店——MXN",
    "email": "finance@latamstore.com",
    "create_credentials": False,
}

LUHN_OK_CARD = "4024007153763130"
AMEX = "378282246310005"

# Derived bases, each clean for TODAY (asserted by their own "base" cases).
CARD = mut(SEED_CARD_CHARGE, {"card_number": LUHN_OK_CARD})          # card charge, no warnings
PLAIN = mut(SEED_CARD_CHARGE, {f: DEL for f in CARD_FIELDS})          # credit_card x3, no card fields
ONE = mut(PLAIN, {"installment_count": 1, "capture": DEL})            # a one-installment charge
SUB = mut(SEED_SUBSCRIPTION, {"card_number": LUHN_OK_CARD})           # subscription, no warnings
SUBPLAIN = mut(SEED_SUBSCRIPTION, {f: DEL for f in CARD_FIELDS})      # subscription without card
PIX = mut(SEED_PIX, {"payer_tax_id": CPF_OK})                         # seed 002 with a valid CPF
DEVICE = {"ip_address": "203.0.113.7", "user_agent": "Mozilla/5.0 (X11; Linux x86_64)",
          "device_id": "dev-42", "session_id": "ddc-session-1", "http_accept_content": "text/html",
          "http_browser_language": "pt-BR", "http_browser_java_enabled": False,
          "http_browser_javascript_enabled": True, "http_browser_color_depth": "24",
          "http_browser_screen_height": "1080", "http_browser_screen_width": "1920",
          "http_browser_time_difference": "-3"}
THREEDS = mut(CARD, {"threeds_authentication": True, "device_info": DEVICE})


def local(currency: str, tax_id: str, phone: str, address: dict[str, str], value: Any) -> dict:
    return mut(ONE, {"currency": currency, "payer_tax_id": tax_id, "payer_cell_phone": phone,
                     "payer_address": address, "installment_value": value})


CL_ADDRESS = {"street": "Av. Apoquindo", "address_number": "3000", "complement": "", "neighborhood": "Las Condes",
              "city": "Santiago", "state": "Región Metropolitana", "postal_code": "7550000", "country": "CL"}
MX_ADDRESS = {"street": "Av. Paseo de la Reforma", "address_number": "222", "complement": "Piso 3",
              "neighborhood": "Juárez", "city": "Ciudad de México", "state": "CDMX", "postal_code": "06600",
              "country": "MX"}
CO_ADDRESS = {"street": "Carrera 7", "address_number": "71-21", "complement": "Torre B",
              "neighborhood": "Chapinero", "city": "Bogotá", "state": "Cundinamarca", "postal_code": "110231",
              "country": "CO"}
PE_ADDRESS = {"street": "Av. Larco", "address_number": "345", "complement": "Of. 12",
              "neighborhood": "Miraflores", "city": "Lima", "state": "Lima", "postal_code": "15074",
              "country": "PE"}
AR_ADDRESS = {"street": "Av. Santa Fe", "address_number": "1860", "complement": "Piso 2",
              "neighborhood": "Recoleta", "city": "Buenos Aires", "state": "CABA", "postal_code": "C1123AAN",
              "country": "AR"}
US_ADDRESS = {"street": "Market St", "address_number": "500", "complement": "Suite 4",
              "neighborhood": "SoMa", "city": "San Francisco", "state": "CA", "postal_code": "94105",
              "country": "US"}

CL_CHARGE = local("CLP", RUT_OK, "+56912345678", CL_ADDRESS, 50000)
MX_CHARGE = local("MXN", RFC_PERSON_OK, "+525512345678", MX_ADDRESS, 2500.00)
CO_CHARGE = local("COP", CO_CC_OK, "+573001234567", CO_ADDRESS, 200000)
PE_CHARGE = local("PEN", RUC_OK, "+51912345678", PE_ADDRESS, 350.00)
AR_CHARGE = local("ARS", CUIT_OK, "+5491123456789", AR_ADDRESS, 85000.00)
US_CHARGE = local("USD", "123-45-6789", "+14155550123", US_ADDRESS, 100.00)

CHARGE_REQUIRED = ["wallet_uuid", "merchant_id", "payer_name", "payer_email", "payer_tax_id", "payer_cell_phone",
                   "installment_value", "installment_count", "currency", "due_date", "description",
                   "type_charge", "payer_address"]
CHARGE_ADDRESS_REQUIRED = ["street", "address_number", "complement", "neighborhood", "city", "state",
                           "postal_code"]
PIX_REQUIRED = ["wallet_uuid", "merchant_id", "payer_name", "payer_email", "payer_tax_id", "payer_cell_phone",
                "amount", "currency", "due_date", "description", "payer_address"]
PIX_ADDRESS_REQUIRED = ["street", "city", "state", "postal_code"]
CHECKOUT_REQUIRED = ["wallet_uuid", "merchant_id", "amount", "currency", "description", "redirect_url",
                     "due_date"]
WALLET_REQUIRED = ["entity_uuid", "customer_id", "currency", "name", "email", "create_credentials"]


def email_of_length(n: int) -> str:
    """An address of exactly n characters, local part ≤ 64 and every label ≤ 63 (RFC-safe)."""
    local_part = "a" * 64
    rest = n - len(local_part) - 1 - len(".com")
    labels = []
    while rest > 0:
        size = min(63, rest)
        if rest - size == 1:  # a label needs at least one character after its dot
            size -= 1
        labels.append("b" * size)
        rest -= size + 1
    assert rest == -1 or not labels
    out = local_part + "@" + ".".join(labels) + ".com"
    assert len(out) == n, (len(out), n)
    return out
