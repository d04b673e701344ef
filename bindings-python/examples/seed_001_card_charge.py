"""Seed 001 with the SDK: a card charge in 3 installments (A55's docs posted the JSON with
requests). Amounts are Decimals; the idempotency key is derived from the order id."""

from decimal import Decimal

import a55

with a55.Client.from_env() as client:
    res = client.create_charge(
        {
            "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
            "merchant_id": "11111111-1111-1111-1111-111111111111",
            "payer_name": "张伟",
            "payer_email": "zhangwei@example.com",
            "payer_tax_id": "123.456.789-09",
            "payer_cell_phone": "+5511999999999",
            "installment_value": Decimal("150.00"),
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
        },
        idempotency_from="ORDER-42",
    )
    charge = res.data
    print(f"Charge: {charge.charge_uuid}")
    print(f"Status: {charge.status}")
    for installment in charge.installments:
        print(f"  {installment.installment_number}: {installment.local_currency} "
              f"{installment.currency} due {installment.due_date}")
