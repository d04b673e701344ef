"""`a55.AsyncClient`: every method awaited, concurrency, cancellation, and the same errors."""

from __future__ import annotations

import asyncio
import uuid

import pytest
import typed_client_usage
from support import charge

import a55
from a55.testing import WALLET, Emulator


def test_every_method(emu: Emulator) -> None:
    async def main() -> list[str]:
        async with emu.async_client() as client:
            return await typed_client_usage.async_flow(client, f"cust-{uuid.uuid4()}")

    done = asyncio.run(main())
    assert len(done) == 18 and len(set(done)) == 18


def test_two_hundred_concurrent_calls(emu: Emulator) -> None:
    async def main() -> list[a55.Response[a55.Charge]]:
        async with emu.async_client() as client:
            return await asyncio.gather(
                *(client.create_charge(charge(installment_count=1)) for _ in range(200))
            )

    results = asyncio.run(main())
    assert len({r.data.charge_uuid for r in results}) == 200
    assert all(r.data.status == "confirmed" for r in results)
    assert len({r.meta.idempotency_key for r in results}) == 200


def test_errors_are_the_same_classes(emu: Emulator) -> None:
    async def main() -> None:
        client = emu.async_client(max_retries=0)
        with pytest.raises(a55.NotFoundError) as missing:
            await client.get_charge(charge_uuid=str(uuid.uuid4()), wallet_uuid=WALLET)
        assert missing.value.status == 404
        with pytest.raises(a55.ValidationError):
            await client.create_charge(charge(currency="XYZ"))
        emu.queue_faults("reset_after")
        with pytest.raises(a55.UnknownOutcomeError) as unknown:
            await client.create_charge(charge())
        key = unknown.value.idempotency_key
        again = await client.create_charge(charge(), idempotency_key=key)
        assert again.meta.replayed and again.meta.idempotency_key == key
        emu.queue_faults("503", "503")
        retried = await client.create_charge(charge(), max_retries=2)
        assert retried.meta.attempts == 3

    asyncio.run(main())


def test_a_cancelled_task_ends_its_call_and_keeps_the_key(emu: Emulator) -> None:
    async def main() -> None:
        client = emu.async_client()
        before = _delays(emu)
        emu.queue_faults("delay:60000")  # the server holds the request for a minute
        task = asyncio.create_task(client.create_charge(charge()))
        # Wait until the emulator holds the request (it has counted the fault), then cancel.
        while _delays(emu) == before:
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError) as info:
            await task
        key = a55.idempotency_key_of(info.value)
        assert key is not None
        cause = info.value.__cause__
        assert isinstance(cause, a55.UnknownOutcomeError) and cause.idempotency_key == key
        # A read has no key to learn, and its cancellation is a plain CancelledError.
        emu.queue_faults("delay:60000")
        read = asyncio.create_task(client.get_charge(charge_uuid=str(uuid.uuid4()),
                                                     wallet_uuid=WALLET))
        await asyncio.sleep(0.2)
        read.cancel()
        with pytest.raises(asyncio.CancelledError) as plain:
            await read
        assert plain.value.__cause__ is None

    asyncio.run(asyncio.wait_for(main(), timeout=30))


def _delays(emu: Emulator) -> int:
    return int(emu.control("state").get("faults", {}).get("delay", 0))


def test_async_for_over_every_charge(emu: Emulator) -> None:
    async def main() -> tuple[int, int]:
        client = emu.async_client()
        total = (await client.list_charges(wallet_uuid=WALLET)).data.total or 0
        count = 0
        async for item in client.list_all_charges(wallet_uuid=WALLET, limit=7):
            assert isinstance(item, a55.Charge)
            count += 1
        return total, count

    total, count = asyncio.run(main())
    assert count == total and count > 0
