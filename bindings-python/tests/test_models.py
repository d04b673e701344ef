"""The model classes and enums (generated from core's field lists) and the method signatures
(checked against core's table of honoured options)."""

from __future__ import annotations

import datetime
import inspect
import pickle
from decimal import Decimal
from pathlib import Path

import pytest

import a55
from a55 import _a55

TRANSPORT = {"timeout", "deadline", "max_retries"}
OPTIONS = TRANSPORT | {"idempotency_key", "idempotency_from", "skip_validation"}


def test_the_installed_generated_modules_are_what_the_extension_writes() -> None:
    package = Path(a55.__file__).parent
    assert (package / "_enums.py").read_text() == _a55._generated("enums")
    assert (package / "_models.py").read_text() == _a55._generated("models")


@pytest.mark.parametrize("cls", [a55.Client, a55.AsyncClient])
def test_each_method_takes_exactly_the_options_core_honours(cls: type) -> None:
    methods = dict(_a55._methods())
    assert len(methods) == 18
    for name, honoured in methods.items():
        signature = inspect.signature(getattr(cls, name))
        params = signature.parameters
        options = {p for p in params if p in OPTIONS}
        assert options == set(honoured), name
        for p in params.values():
            if p.name in ("self", "payload"):
                continue
            assert p.kind is inspect.Parameter.KEYWORD_ONLY, f"{name}({p.name}) is keyword-only"
        is_async = inspect.iscoroutinefunction(getattr(cls, name))
        assert is_async == (cls is a55.AsyncClient and name != "list_all_charges"), name


def test_open_enums_keep_unknown_values() -> None:
    known = a55.ChargeStatus("paid")
    assert known is a55.ChargeStatus.PAID and known.is_known and known.is_terminal is False
    assert a55.ChargeStatus("refunded").is_terminal
    new = a55.ChargeStatus("in_review")
    assert new == "in_review" and str(new) == "in_review" and f"{new}" == "in_review"
    assert not new.is_known and not new.is_terminal and isinstance(new, str)
    assert {"paid": 1}[known] == 1 and hash(new) == hash("in_review")
    assert pickle.loads(pickle.dumps(new)) == new
    assert a55.Currency("BRL") is a55.Currency.BRL and a55.Currency("XYZ") == "XYZ"
    assert a55.Cycle.MONTHLY == "monthly" and a55.TypeCharge("e_wallet") is a55.TypeCharge.E_WALLET


def test_models_compare_print_and_convert() -> None:
    first = a55.Installment(local_currency=Decimal("50.00"), due_date=datetime.date(2026, 12, 31),
                            status=a55.ChargeStatus.PAID, installment_number=1)
    charge = a55.Charge(charge_uuid="c1", status=a55.ChargeStatus("new_status"),
                        local_currency=Decimal("50.00"), installments=[first])
    same = a55.Charge(charge_uuid="c1", status=a55.ChargeStatus("new_status"),
                      local_currency=Decimal("50.00"), installments=(first,))
    assert charge == same and charge != a55.Charge(status=a55.ChargeStatus.PAID)
    assert charge.installments == [first] and charge.message == [] and charge.pix_payload is None
    assert charge.to_dict()["installments"][0] == {
        "local_currency": Decimal("50.00"), "currency": None, "usd_currency": None,
        "eur_currency": None, "due_date": datetime.date(2026, 12, 31), "status": "paid",
        "installment_number": 1,
    }
    assert pickle.loads(pickle.dumps(charge)) == charge
    with pytest.raises(AttributeError):
        charge.charge_uuid = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        hash(charge)
    creds = a55.WalletCredentials(client_id="id", client_secret="s3cr3t-value", scopes=["a"])
    wallet = a55.Wallet(wallet_uuid="w", name="Loja Centro", email="loja@example.com",
                        credentials=creds)
    text = repr(wallet)
    assert "s3cr3t-value" not in text and "loja@example.com" not in text and "Loja Centro" not in text
    assert "wallet_uuid='w'" in text and "[masked]" in text
    assert wallet.to_dict()["credentials"]["client_secret"] == "s3cr3t-value"


def test_a_response_is_generic_at_run_time() -> None:
    assert a55.Response[a55.Charge] is a55.Response
