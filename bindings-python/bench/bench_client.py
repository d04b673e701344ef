"""Create-charge throughput of the SDK against the emulator on loopback, side by side with the raw
HTTP clients a Python user would pick instead, posting the same JSON (a 1-installment card charge,
a fresh idempotency key each). Not a test: run by scripts/bench-python.sh, figures in BENCHMARKS.md.

    python bench_client.py [--seconds 5] [--wheel PATH]

The emulator runs in its own process (the one linked into `a55`, rate limit off), so that the
client under test has the interpreter to itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from decimal import Decimal
from typing import Any, Awaitable, Callable

WALLET = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
PAYLOAD: dict[str, Any] = {
    "wallet_uuid": WALLET, "merchant_id": "11111111-1111-1111-1111-111111111111",
    "payer_name": "Zhang Wei", "payer_email": "zhangwei@example.com",
    "payer_tax_id": "123.456.789-09", "payer_cell_phone": "+5511999999999",
    "installment_value": "150.00", "installment_count": 1, "currency": "BRL",
    "due_date": "2026-12-31", "description": "Order #42", "type_charge": "credit_card",
    "card_number": "4024007153763191", "card_name": "ZHANG WEI", "card_expiry_month": "12",
    "card_expiry_year": "2030", "card_cvv": "123",
    "payer_address": {"street": "Av. Paulista", "address_number": "1000", "complement": "",
                      "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP",
                      "postal_code": "01310-100", "country": "BR"},
}
SDK_PAYLOAD = {**PAYLOAD, "installment_value": Decimal("150.00")}
IN_FLIGHT = 64

EMULATOR = """
import sys, a55.testing
emu = a55.testing.Emulator(today="2026-11-21", rate_limit=0)
print(emu.url, flush=True)
sys.stdin.read()
"""


def start_emulator() -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, "-c", EMULATOR], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


def token(url: str) -> str:
    body = urllib.parse.urlencode({"grant_type": "client_credentials",
                                   "client_id": "emulator-client",
                                   "client_secret": "emulator-secret"}).encode()
    with urllib.request.urlopen(f"{url}/oauth2/token", data=body) as res:
        return str(json.loads(res.read())["access_token"])


def headers(tok: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tok}", "Content-Type": "application/json",
            "Idempotency-Key": str(uuid.uuid4())}


ROUNDS = 3


def run_sync(call: Callable[[], None], seconds: float) -> float:
    """Requests per second over `seconds`, after a warm-up."""
    for _ in range(50):
        call()
    n, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for _ in range(20):
            call()
        n += 20
    return n / elapsed


def best_of_rounds(measure: Callable[[str, float], float], names: list[str],
                   seconds: float) -> dict[str, float]:
    """Each client measured in ROUNDS rounds, interleaved, so that a burst of load elsewhere on the
    machine hits them all alike; the median round counts."""
    rounds: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(ROUNDS):
        for name in names:
            rounds[name].append(measure(name, seconds / ROUNDS))
    return {name: sorted(r)[len(r) // 2] for name, r in rounds.items()}


async def run_async(call: Callable[[], Awaitable[None]], seconds: float) -> float:
    await asyncio.gather(*(call() for _ in range(IN_FLIGHT)))
    done = 0
    start = time.perf_counter()
    stop = start + seconds

    async def worker() -> None:
        nonlocal done
        while time.perf_counter() < stop:
            await call()
            done += 1

    await asyncio.gather(*(worker() for _ in range(IN_FLIGHT)))
    return done / (time.perf_counter() - start)


def sync_clients(url: str, tok: str) -> dict[str, Callable[[], None]]:
    import a55
    import httpx
    import requests
    from pyreqwest.client import SyncClientBuilder

    endpoint = f"{url}/api/v1/bank/wallet/charge/"
    client = a55.Client(client_id="emulator-client", client_secret="emulator-secret",
                        base_url=url, token_url=f"{url}/oauth2/token", today="2026-11-21")
    session = requests.Session()
    hx = httpx.Client()
    rq = SyncClientBuilder().build()

    def sdk() -> None:
        assert client.create_charge(SDK_PAYLOAD).data.status == "confirmed"

    def req() -> None:
        assert session.post(endpoint, json=PAYLOAD, headers=headers(tok)).json()["status"] == "confirmed"

    def hxc() -> None:
        assert hx.post(endpoint, json=PAYLOAD, headers=headers(tok)).json()["status"] == "confirmed"

    def pyr() -> None:
        res = rq.post(endpoint).headers(headers(tok)).body_json(PAYLOAD).build().send()
        assert res.json()["status"] == "confirmed"

    return {"a55.Client": sdk, "requests.Session": req, "httpx.Client": hxc,
            "pyreqwest (sync)": pyr}


async def async_results(url: str, tok: str, seconds: float) -> dict[str, float]:
    import a55
    import aiohttp
    import httpx
    from pyreqwest.client import ClientBuilder

    endpoint = f"{url}/api/v1/bank/wallet/charge/"
    client = a55.AsyncClient(client_id="emulator-client", client_secret="emulator-secret",
                             base_url=url, token_url=f"{url}/oauth2/token", today="2026-11-21")
    session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=IN_FLIGHT))
    hx = httpx.AsyncClient(limits=httpx.Limits(max_connections=IN_FLIGHT))
    rq = ClientBuilder().build()

    async def sdk() -> None:
        assert (await client.create_charge(SDK_PAYLOAD)).data.status == "confirmed"

    async def aio() -> None:
        async with session.post(endpoint, json=PAYLOAD, headers=headers(tok)) as res:
            assert (await res.json())["status"] == "confirmed"

    async def hxc() -> None:
        res = await hx.post(endpoint, json=PAYLOAD, headers=headers(tok))
        assert res.json()["status"] == "confirmed"

    async def pyr() -> None:
        res = await rq.post(endpoint).headers(headers(tok)).body_json(PAYLOAD).build().send()
        assert (await res.json())["status"] == "confirmed"

    calls = {"a55.AsyncClient": sdk, "aiohttp": aio, "httpx.AsyncClient": hxc,
             "pyreqwest (async)": pyr}
    rounds: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(ROUNDS):
        for name, call in calls.items():
            rounds[name].append(await run_async(call, seconds / ROUNDS))
    out = {name: sorted(r)[len(r) // 2] for name, r in rounds.items()}
    await session.close()
    await hx.aclose()
    return out


PEAK = """
import asyncio, resource, sys
from decimal import Decimal
import a55
sys.path.insert(0, {here!r})
from bench_client import SDK_PAYLOAD
url = sys.argv[1]
async def main():
    client = a55.AsyncClient(client_id="emulator-client", client_secret="emulator-secret",
                             base_url=url, token_url=url + "/oauth2/token", today="2026-11-21",
                             deadline=600.0, timeout=600.0)
    await client.create_charge(SDK_PAYLOAD)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    results = await asyncio.gather(*(client.create_charge(SDK_PAYLOAD) for _ in range(10000)))
    assert all(r.data.status == "confirmed" for r in results)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(base, peak)
asyncio.run(main())
"""


def import_ms() -> float:
    code = "import time; t = time.perf_counter(); import a55; print((time.perf_counter() - t) * 1000)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(7)]
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--wheel", default=None)
    args = parser.parse_args()
    proc, url = start_emulator()
    try:
        tok = token(url)
        rows = []
        clients = sync_clients(url, tok)
        sync = best_of_rounds(lambda name, s: run_sync(clients[name], s), list(clients),
                              args.seconds)
        rows += [("sync", name, rate) for name, rate in sync.items()]
        asyn = asyncio.run(async_results(url, tok, args.seconds))
        rows += [(f"async, {IN_FLIGHT} in flight", name, rate) for name, rate in asyn.items()]
        peak = subprocess.run([sys.executable, "-c", PEAK.format(here=os.path.dirname(__file__)),
                               url], capture_output=True, text=True, check=True).stdout.split()
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=30)
    print("| mode | client | requests/s | a55 / this |")
    print("|---|---|---|---|")
    for mode, name, rate in rows:
        ours = sync["a55.Client"] if mode == "sync" else asyn["a55.AsyncClient"]
        print(f"| {mode} | {name} | {rate:,.0f} | {ours / rate:.2f}× |")
    print()
    print(f"import a55: {import_ms():.1f} ms (best of 7)")
    base, top = (int(v) for v in peak)
    print(f"peak RSS with 10,000 async calls in flight: {top / 1024:.0f} MiB "
          f"({(top - base) / 1024:.0f} MiB above the client at rest)")
    if args.wheel:
        print(f"wheel: {os.path.basename(args.wheel)}, {os.path.getsize(args.wheel) / 1024:,.0f} KiB")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.seconds:.0f} s per "
          f"client in {ROUNDS} interleaved rounds (the median round), load average "
          f"{os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
