"""One process of a merchant's fleet, as a user deploys it: a client naming the fleet's shared store,
sending charges from a pool of threads as fast as it can. Prints a JSON summary on its last line.

    python worker.py charges BASE_URL STORE COUNT
    python worker.py reads BASE_URL STORE SECONDS
"""

from __future__ import annotations

import json
import logging
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import a55

WALLET = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
MERCHANT = "11111111-1111-1111-1111-111111111111"


def charge(n: int) -> dict:
    return {
        "wallet_uuid": WALLET, "merchant_id": MERCHANT, "payer_name": "Zhang Wei",
        "payer_email": "zhangwei@example.com", "payer_tax_id": "123.456.789-09",
        "payer_cell_phone": "+5511999999999", "installment_value": Decimal("150.00"),
        "installment_count": 1, "currency": "BRL", "due_date": "2026-12-31",
        "description": f"Order #{n}", "type_charge": "credit_card",
        "card_number": "4024007153763191", "card_name": "ZHANG WEI", "card_expiry_month": "12",
        "card_expiry_year": "2030", "card_cvv": "123",
        "payer_address": {"street": "Av. Paulista", "address_number": "1000", "complement": "Sala 1",
                          "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP",
                          "postal_code": "01310-100", "country": "BR"},
    }


def main() -> None:
    mode, base_url, store, amount = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s %(message)s")
    client = a55.Client(
        client_id="emulator-client", client_secret="emulator-secret", base_url=base_url,
        token_url=f"{base_url}/oauth2/token", today="2026-11-21", deadline=120,
        shared_store=store or None,
    )
    outcome: dict[str, int] = {"ok": 0, "rate_limited": 0, "failed": 0}

    def one(n: int) -> str:
        try:
            if mode == "charges":
                client.create_charge(charge(n), idempotency_from=f"{mode}-{time.time_ns()}-{n}")
            else:
                client.get_wallet(wallet_uuid=WALLET)
            return "ok"
        except a55.RateLimitError:
            return "rate_limited"
        except a55.A55Error as e:
            print(f"failed: {e!r}", file=sys.stderr)
            return "failed"

    started = time.monotonic()
    if mode == "charges":
        with ThreadPoolExecutor(16) as pool:
            for result in pool.map(one, range(int(amount))):
                outcome[result] += 1
    else:
        n = 0
        while time.monotonic() - started < amount:
            outcome[one(n)] += 1
            n += 1
            time.sleep(0.05)
    print(json.dumps({**outcome, "token_requests": client.token_requests,
                      "seconds": time.monotonic() - started}))


if __name__ == "__main__":
    main()
