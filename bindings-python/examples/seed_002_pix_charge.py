"""Seed 002 with the SDK: a PIX charge, its BR Code decoded (A55's docs posted the JSON with
requests)."""

from decimal import Decimal

import a55

with a55.Client.from_env() as client:
    try:
        res = client.create_pix_charge(
            {
                "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
                "merchant_id": "11111111-1111-1111-1111-111111111111",
                "payer_name": "王芳",
                "payer_email": "wangfang@example.com",
                # The seed's 111.222.333-44 has wrong check digits; the SDK refuses it before
                # sending, so the example uses a valid CPF.
                "payer_tax_id": "529.982.247-25",
                "payer_cell_phone": "+5521977777777",
                "amount": Decimal("149.90"),
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
            },
            idempotency_key="660e8400-e29b-41d4-a716-446655440001",
        )
    except a55.A55Error as e:
        raise SystemExit(f"请求失败:{e}")
    pix = res.data.pix_payload
    assert pix is not None and pix.copy_paste is not None
    code = a55.parse_pix_brcode(pix.copy_paste)
    print(f"PIX 收费:{res.data.charge_uuid} {res.data.status}")
    print(f"复制粘贴:{pix.copy_paste[:32]}…")
    print(f"金额:{code.amount} 商户:{code.merchant_name} 过期:{pix.expiration}")
