"""The stubs: `mypy --strict` accepts typed usage, rejects misuse, and matches the runtime module."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def mypy(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MYPYPATH="")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


def test_typed_usage_passes_mypy_strict(tmp_path: Path) -> None:
    run = mypy(str(HERE / "typed_usage.py"), str(HERE / "typed_client_usage.py"), cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Success" in run.stdout


def test_typed_usage_passes_pyright_strict(tmp_path: Path) -> None:
    (tmp_path / "pyrightconfig.json").write_text('{"typeCheckingMode": "strict"}')
    run = subprocess.run(
        [sys.executable, "-m", "pyright", "--pythonpath", sys.executable,
         str(HERE / "typed_usage.py"), str(HERE / "typed_client_usage.py")],
        capture_output=True, text=True, cwd=tmp_path, timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 errors" in run.stdout


def test_the_installed_package_passes_mypy_strict(tmp_path: Path) -> None:
    run = mypy("-p", "a55", cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Success: no issues found in" in run.stdout


def test_typed_usage_runs() -> None:
    sys.path.insert(0, str(HERE))
    try:
        import typed_usage

        typed_usage.main()
    finally:
        sys.path.remove(str(HERE))


def test_mypy_rejects_misuse(tmp_path: Path) -> None:
    bad = tmp_path / "bad_usage.py"
    bad.write_text(
        textwrap.dedent(
            """
            import a55
            a: str = a55.normalize_amount("1", "BRL")
            a55.normalize_amount(b"1", "BRL")
            a55.validate("charges", {})
            a55.verify_webhook({"a": 1}, "sig", "1", ["s"])
            d: int = a55.installment_due_dates("2026-01-01", 2)[0]
            a55.RateLimitError("x").retry_after.hex
            c = a55.Client()
            c.get_charge(charge_uuid="a")
            c.create_charge({"currency": "BRL", "installment_count": "3"})
            s: str = c.create_charge({}).data.local_currency
            c.refund_charge(charge_uuid="a", wallet_uuid="b", idempotency_key=1)
            """
        )
    )
    run = mypy(str(bad), cwd=tmp_path)
    assert run.returncode == 1, run.stdout
    lines = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert len(lines) == 10, run.stdout


@pytest.mark.skipif(sys.version_info < (3, 10), reason="stubtest needs the stub's syntax at runtime")
def test_stubs_match_the_runtime_module(tmp_path: Path) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy.stubtest",
            "a55",
            "--allowlist",
            str(HERE / "stubtest-allowlist.txt"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
