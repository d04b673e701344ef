"""Processes and signals: a client used before `os.fork()` works in the child with its own
connections; Ctrl-C ends a blocking call at once and keeps its idempotency key."""

from __future__ import annotations

import os
import signal
import sys
import threading

import pytest
from support import charge

import a55
from a55.testing import WALLET, Emulator


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_call_in_a_forked_child(emu: Emulator) -> None:
    client = emu.client()
    parent = client.create_charge(charge()).data.charge_uuid or ""  # pool and token in the parent
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report through the pipe, never return into pytest
        code = 1
        try:
            got = client.get_charge(charge_uuid=parent, wallet_uuid=WALLET).data
            made = client.create_charge(charge()).data
            ok = got.charge_uuid == parent and made.status == "confirmed"
            os.write(write, b"ok" if ok else b"wrong answer")
            code = 0
        except BaseException as e:  # noqa: BLE001 - reported to the parent
            os.write(write, repr(e).encode()[:500])
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert message == b"ok" and os.waitstatus_to_exitcode(status) == 0
    # The parent's client still works after the child is gone.
    assert client.get_charge(charge_uuid=parent, wallet_uuid=WALLET).data.charge_uuid == parent


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to itself")
def test_ctrl_c_ends_a_blocking_call_and_keeps_the_key(emu: Emulator) -> None:
    assert threading.current_thread() is threading.main_thread()
    client = emu.client()
    before = int(emu.control("state").get("faults", {}).get("delay", 0))
    emu.queue_faults("delay:60000")  # the server holds the request for a minute

    def interrupt_once_held() -> None:
        while int(emu.control("state").get("faults", {}).get("delay", 0)) == before:
            threading.Event().wait(0.01)
        os.kill(os.getpid(), signal.SIGINT)

    # Python's own handler, even where the test runner was started with SIGINT ignored.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        threading.Thread(target=interrupt_once_held, daemon=True).start()
        with pytest.raises(KeyboardInterrupt) as info:
            client.create_charge(charge())
    finally:
        signal.signal(signal.SIGINT, previous)
    cause = info.value.__cause__
    assert isinstance(cause, a55.UnknownOutcomeError)
    assert cause.idempotency_key and a55.idempotency_key_of(info.value) == cause.idempotency_key
