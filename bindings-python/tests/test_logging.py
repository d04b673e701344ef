"""Core's log records reach `logging` under the logger `a55`, with nothing secret in them."""

from __future__ import annotations

import logging

import pytest
from support import TAX_ID, charge

import a55
from a55.testing import APPROVED_CARD, Emulator


def test_records_reach_the_a55_logger_without_secrets(
    emu: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="a55")
    a55.refresh_logging()
    try:
        client = emu.client()
        emu.queue_faults("503")
        client.create_charge(charge())
        client.get_wallet(email="zhangwei@example.com")
    except a55.NotFoundError:
        pass
    finally:
        caplog.set_level(logging.WARNING, logger="a55")
        a55.refresh_logging()
    records = [r for r in caplog.records if r.name == "a55" or r.name.startswith("a55.")]
    assert records, "no record reached the a55 logger"
    text = "\n".join(r.getMessage() for r in records)
    assert "/api/v1/bank/wallet/charge/" in text and "503" in text
    for secret in (APPROVED_CARD, TAX_ID, "12345678909", "emulator-secret",
                   "zhangwei@example.com", "Bearer"):
        assert secret not in text


def test_disabled_levels_emit_nothing(emu: Emulator, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="a55")
    a55.refresh_logging()
    emu.client().create_charge(charge())
    assert not [r for r in caplog.records if r.name == "a55" and r.levelno < logging.WARNING]
