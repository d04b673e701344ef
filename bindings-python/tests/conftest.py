"""Shared set-up: the tests run against the *installed* wheel, never the source tree."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import a55
from a55.testing import Emulator

HERE = Path(__file__).resolve().parent
SOURCE_PACKAGE = HERE.parent / "python"
VECTORS_DIR = Path(os.environ.get("A55_VECTORS_DIR", HERE.parent.parent / "tests" / "vectors"))

# Counted by test_vectors.py, printed at the end of the run.
VECTOR_STATS = {"cases": 0, "calls": 0, "files": 0}


def pytest_configure(config: pytest.Config) -> None:
    installed = Path(a55.__file__).resolve()
    if SOURCE_PACKAGE in installed.parents:
        raise pytest.UsageError(
            f"a55 was imported from the source tree ({installed}); install the wheel into a fresh "
            "virtualenv and run the tests from there (scripts/test-python.sh does)"
        )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    terminalreporter.write_line(
        f"a55 {a55.__version__} from {Path(a55.__file__).parent}; vectors: "
        f"{VECTOR_STATS['cases']} cases from {VECTOR_STATS['files']} files, "
        f"{VECTOR_STATS['calls']} calls through the Python API"
    )


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    """One emulator for a test module (rate limit off, today fixed, charges settle on request)."""
    with Emulator(today="2026-11-21", settle_delay_ms=None) as emulator:
        yield emulator


@pytest.fixture()
def client(emu: Emulator) -> Iterator[a55.Client]:
    with emu.client() as c:
        yield c
