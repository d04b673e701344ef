"""Case collection for the validate generator (gen_validate.py): expected issues and the output files.

`E(code, field)` / `W(code, field)` build one expected issue (error / warning). `File` collects one
tests/vectors/validate_*.json file: each `case(...)` checks that the name is unique and that the
hand-written issues are exactly what the model of validate_rules.py computes, then stores the case in
the format of tests/vectors/README.md (`function` = "validate"; each case `{name, args: {kind, payload,
today}, ok: [{code, severity, field}]}`, issues sorted by (field, code, severity) so re-runs are
byte-identical); `write()` writes the file into tests/vectors/ and checks it reads back equal. TODAY is
the default `today` of every case.
"""

from __future__ import annotations

import json
import os
from typing import Any

from validate_rules import model_validate

VECTORS_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
TODAY = "2026-11-21"


def E(code: str, field: str) -> tuple[str, str, str]:
    return (code, "error", field)


def W(code: str, field: str) -> tuple[str, str, str]:
    return (code, "warning", field)


class File:
    def __init__(self, stem: str, description: str):
        self.stem = stem
        self.description = description
        self.cases: list[dict[str, Any]] = []
        self.names: set[str] = set()

    def case(self, name: str, kind: str, payload: Any, expected: list[tuple[str, str, str]],
             today: str = TODAY) -> None:
        if name in self.names:
            raise AssertionError(f"{self.stem}: duplicate case name {name!r}")
        self.names.add(name)
        hand = set(expected)
        assert len(hand) == len(expected), f"{self.stem}/{name}: duplicate expected issue"
        computed = model_validate(kind, payload, today)
        if computed != hand:
            raise AssertionError(
                f"{self.stem}/{name}: hand-written {sorted(hand)} but the model gives {sorted(computed)}")
        issues = [{"code": c, "severity": s, "field": f} for c, s, f in sorted(hand, key=lambda x: (x[2], x[0], x[1]))]
        self.cases.append({"name": name, "args": {"kind": kind, "payload": payload, "today": today},
                           "ok": issues})

    def write(self) -> int:
        doc = {"function": "validate", "description": self.description, "cases": self.cases}
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
        assert json.loads(text) == doc  # floats stay floats, integers stay integers
        with open(os.path.join(VECTORS_DIR, f"{self.stem}.json"), "w", encoding="utf-8") as f:
            f.write(text)
        return len(self.cases)
