"""The pytest plugin of ``a55`` (registered as the ``pytest11`` entry point ``a55``): the fixture
``a55_emulator``, an :class:`a55.testing.Emulator` started for one test and stopped after it.

Mark a test ``@pytest.mark.a55_emulator(today="2026-11-21", faults="500=0.1")`` to pass settings.
"""

from __future__ import annotations

from typing import Iterator

import pytest

from .testing import Emulator


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "a55_emulator(**settings): settings of the a55_emulator fixture's emulator"
    )


@pytest.fixture()
def a55_emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """An A55 emulator for this test: ``a55_emulator.client()``, ``.async_client()``, ``.url``."""
    marker = request.node.get_closest_marker("a55_emulator")
    settings = dict(marker.kwargs) if marker is not None else {}
    with Emulator(**settings) as emulator:
        yield emulator
