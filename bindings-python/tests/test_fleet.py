"""Fleet mode: one rate budget and one token for every process of a merchant, through Debian's
redis-server (started here on a free port, stopped at the end), with the processes deployed as a
user would: separate Python processes running the installed package (tests/fleet/worker.py)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

import a55
from a55.testing import Emulator

WORKER = str(Path(__file__).parent / "fleet" / "worker.py")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Redis:
    """A redis-server on a loopback port; stop() and start() again on the same port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None
        self.start()

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.02)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None

    def keys(self) -> list[str]:
        out = subprocess.run(["redis-cli", "-p", str(self.port), "--raw", "KEYS", "*"],
                             capture_output=True, text=True, check=True)
        return [k for k in out.stdout.split() if k]


@pytest.fixture
def redis() -> Iterator[Redis]:
    if shutil.which("redis-server") is None:
        if os.environ.get("A55_REQUIRE_REDIS"):
            pytest.fail("redis-server is needed (Debian: apt-get install redis-server)")
        pytest.skip("redis-server is not installed")
    server = Redis()
    yield server
    server.stop()


def fleet(n: int, mode: str, emu: Emulator, store: str, amount: float) -> list[subprocess.Popen[str]]:
    return [subprocess.Popen([sys.executable, WORKER, mode, emu.url, store, str(amount)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(n)]


def results(procs: list[subprocess.Popen[str]]) -> list[tuple[dict[str, Any], str]]:
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        assert p.returncode == 0, stderr
        out.append((json.loads(stdout.strip().splitlines()[-1]), stderr))
    return out


def rate(emu: Emulator) -> dict[str, Any]:
    state = emu.control("state")
    return dict(state["rate"][emu.client_id], token_requests=state["token_requests"])


def test_six_processes_share_one_budget_and_draw_no_429(redis: Redis) -> None:
    with Emulator(today="2026-11-21", rate_limit=100, rate_window_secs=10,
                  settle_delay_ms=None) as emu:
        started = time.monotonic()
        done = results(fleet(6, "charges", emu, redis.url, 100))
        took = time.monotonic() - started
        assert [r["ok"] for r, _ in done] == [100] * 6, done
        seen = rate(emu)
    print(f"fleet: 600 charges in {took:.1f} s (physical minimum: 5 windows of 10 s after the "
          f"first), emulator {seen}")
    assert [r["ok"] for r, _ in done] == [100] * 6
    assert sum(r["rate_limited"] + r["failed"] for r, _ in done) == 0
    assert seen["rate_limited"] == 0 and seen["requests"] == 600
    assert seen["max_in_window"] <= 100
    # 600 at 100 per 10 s: the last hundred can start 50 s after the first.
    assert 50 <= took < 75
    # One token for the fleet.
    assert seen["token_requests"] == 1
    assert sum(r["token_requests"] for r, _ in done) == 1
    # Keys are derived from the client id, which they do not show.
    assert redis.keys() and not any(emu.client_id in k for k in redis.keys())


def test_one_token_fetch_per_expiry_for_the_whole_fleet(redis: Redis) -> None:
    with Emulator(today="2026-11-21", token_ttl_secs=20) as emu:
        done = results(fleet(6, "reads", emu, redis.url, 60))
        fetched = emu.control("state")["token_requests"]
    calls = sum(r["ok"] for r, _ in done)
    print(f"tokens: {fetched} fetches by 6 processes in 60 s, {calls} calls")
    assert sum(r["failed"] + r["rate_limited"] for r, _ in done) == 0
    # A 20-s token is replaced halfway through its life: 60 s hold 6 lifetimes (and the start
    # of a seventh), whoever runs; alone, each process would fetch that many itself.
    assert 6 <= fetched <= 7
    assert sum(r["token_requests"] for r, _ in done) == fetched


def test_the_store_going_down_fails_no_call_and_sharing_resumes(redis: Redis) -> None:
    with Emulator(today="2026-11-21", rate_limit=1000, rate_window_secs=10) as emu:
        procs = fleet(3, "reads", emu, redis.url, 8)
        time.sleep(2.5)
        redis.stop()
        time.sleep(2)
        redis.start()
        time.sleep(2)
        assert any(k.endswith(":log") for k in redis.keys()), "sharing resumed"
        done = results(procs)
    assert sum(r["failed"] + r["rate_limited"] for r, _ in done) == 0
    assert all(r["ok"] > 50 for r, _ in done)
    for _, stderr in done:
        assert "shared store failed" in stderr
        assert "answers again" in stderr


def test_one_process_paces_a_burst_and_fails_fast_past_its_deadline() -> None:
    with Emulator(today="2026-11-21", rate_limit=100, rate_window_secs=10) as emu:
        client = emu.client()
        results = burst(client, 150, deadline=60)
        assert results.count("ok") == 150
        assert rate(emu)["rate_limited"] == 0
    with Emulator(today="2026-11-21", rate_limit=100, rate_window_secs=10) as emu:
        client = emu.client()
        started = time.monotonic()
        results = burst(client, 150, deadline=5)
        took = time.monotonic() - started
        assert results.count("ok") == 100
        assert results.count("rate_limited") == 50
        assert took < 5, "the 50 fail at once, without waiting"
        assert rate(emu)["requests"] == 100, "nothing sent for the 50"


def burst(client: a55.Client, n: int, deadline: float) -> list[str]:
    from concurrent.futures import ThreadPoolExecutor

    from a55.testing import WALLET

    errors: list[a55.RateLimitError] = []

    def one(_: int) -> str:
        try:
            client.get_wallet(wallet_uuid=WALLET, deadline=deadline)
            return "ok"
        except a55.RateLimitError as e:
            errors.append(e)
            return "rate_limited"

    with ThreadPoolExecutor(32) as pool:
        out = list(pool.map(one, range(n)))
    for e in errors:
        assert e.retry_after is not None and e.retry_after > deadline - 1
        assert "would have waited" in str(e) and "nothing was sent" in str(e)
    return out
