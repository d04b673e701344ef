"""Seed 004 with the SDK: a wallet with its own credentials, then one wallet per currency for one
customer (A55's docs posted the JSON with requests)."""

import a55

with a55.Client.from_env() as client:
    wallet = client.create_wallet(
        {
            "entity_uuid": "550e8400-e29b-41d4-a716-446655440000",
            "customer_id": "cust_12345",
            "currency": "BRL",
            "name": "圣保罗门店——BRL",
            "email": "financeiro@loja-sp.com.br",
            "create_credentials": True,
            "merchant_uuid": "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        }
    ).data
    print(f"钱包:{wallet.wallet_uuid}")
    if wallet.credentials:
        print(f"客户端 ID: {wallet.credentials.client_id}")
        # Store the secret in your vault; print(wallet) masks it.
        print(f"授权类型: {wallet.credentials.grant_type}")
        print(f"权限范围: {', '.join(wallet.credentials.scopes)}")
    for currency in ["BRL", "MXN"]:
        each = client.create_wallet(
            {
                "entity_uuid": "550e8400-e29b-41d4-a716-446655440000",
                "customer_id": "cust_67890",
                "currency": currency,
                "name": f"拉美商店——{currency}",
                "email": "finance@latamstore.com",
                "create_credentials": currency == "BRL",
            }
        ).data
        print(f"{currency} 钱包:{each.wallet_uuid}")
