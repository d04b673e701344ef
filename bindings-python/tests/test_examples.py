"""The examples run as a user runs them: the seeds' Python examples rewritten with the SDK, against
an emulator, and a user's own test file using `a55.testing`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from a55.testing import Emulator

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SEEDS = {
    "seed_000_checkout.py": ["结账 URL:http://127.0.0.1:", "会话:"],
    "seed_001_card_charge.py": ["Status: confirmed", "  3: 150.00 BRL due 2027-02-28"],
    "seed_002_pix_charge.py": ["PIX 收费:", "金额:149.90"],
    "seed_004_wallets.py": ["客户端 ID:", "权限范围:", "MXN 钱包:"],
}


@pytest.mark.parametrize("script", sorted(SEEDS))
def test_a_seed_example(script: str, tmp_path: Path) -> None:
    with Emulator(today="2026-11-21") as emu:
        env = dict(os.environ, A55_CLIENT_ID=emu.client_id, A55_CLIENT_SECRET=emu.client_secret,
                   A55_API_URL=emu.url, A55_AUTH_URL=emu.token_url, PYTHONIOENCODING="utf-8")
        run = subprocess.run([sys.executable, str(EXAMPLES / script)], capture_output=True,
                             text=True, env=env, cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    for line in SEEDS[script]:
        assert line in run.stdout, run.stdout
    assert "emulator-secret" not in run.stdout


def test_a_users_own_tests_with_a55_testing(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         str(EXAMPLES / "test_my_checkout.py")],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "4 passed" in run.stdout
