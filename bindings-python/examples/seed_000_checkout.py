"""Seed 000 with the SDK: a hosted checkout session (A55's docs posted the JSON with requests).

Credentials and URLs come from the environment (A55_CLIENT_ID/A55_CLIENT_SECRET or
A55_ACCESS_TOKEN, A55_API_URL, A55_AUTH_URL); a fixed idempotency key makes a re-run safe.
"""

from decimal import Decimal

import a55

with a55.Client.from_env() as client:
    try:
        res = client.create_checkout(
            {
                "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
                "merchant_id": "11111111-1111-1111-1111-111111111111",
                "amount": Decimal("250.00"),
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
            },
            idempotency_key="990e8400-e29b-41d4-a716-446655440004",
        )
    except a55.ValidationError as e:
        raise SystemExit(f"invalid request: {e.errors()}")
    except a55.A55Error as e:
        raise SystemExit(f"HTTP {e.status}: {e}")
    checkout = res.data
    print(f"结账 URL:{checkout.checkout_url}")
    print(f"会话:{checkout.checkout_uuid}——过期时间:{checkout.expires_at}")
