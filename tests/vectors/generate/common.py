"""Shared helpers for the vector generators.

Nothing here knows any SDK rule: it only collects cases and writes the JSON files described in
tests/vectors/README.md (one object with `function`, `description`, `cases`; every case has a unique
`name`, `args`, and exactly one of `ok` / `error`, plus an optional `reason`).
"""

from __future__ import annotations

import json
import os
from typing import Any

VECTORS_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

_MISSING = object()


class VectorError(Exception):
    """An expected error: the code (and optional reason) a case must fail with."""

    def __init__(self, code: str, reason: str | None = None):
        super().__init__(code if reason is None else f"{code} ({reason})")
        self.code = code
        self.reason = reason


class Cases:
    """An ordered list of cases for one function, with a unique-name check."""

    def __init__(self, function: str, description: str):
        self.function = function
        self.description = description
        self.cases: list[dict[str, Any]] = []
        self._names: set[str] = set()

    def _add(self, case: dict[str, Any]) -> None:
        name = case["name"]
        if name in self._names:
            raise AssertionError(f"{self.function}: duplicate case name {name!r}")
        self._names.add(name)
        self.cases.append(case)

    def ok(self, name: str, args: dict[str, Any], value: Any) -> None:
        self._add({"name": name, "args": args, "ok": value})

    def error(self, name: str, args: dict[str, Any], code: str, reason: str | None = None) -> None:
        case: dict[str, Any] = {"name": name, "args": args, "error": code}
        if reason is not None:
            case["reason"] = reason
        self._add(case)

    def run(self, name: str, args: dict[str, Any], fn, *fn_args, expect: Any = _MISSING, **fn_kwargs) -> None:
        """Record what the independent computation `fn` gives for this input.

        `expect`, when given, is a hand-worked value (from docs/rules.md or the README) the
        computation must reproduce: either the ok value or a VectorError code. It is a cross-check of
        the generator, never the source of the vector.
        """
        try:
            value = fn(*fn_args, **fn_kwargs)
        except VectorError as e:
            if expect is not _MISSING:
                assert expect == e.code, f"{self.function}/{name}: computed error {e.code}, hand-worked {expect!r}"
            self.error(name, args, e.code, e.reason)
            return
        if expect is not _MISSING:
            assert expect == value, f"{self.function}/{name}: computed {value!r}, hand-worked {expect!r}"
        self.ok(name, args, value)

    def write(self) -> int:
        for c in self.cases:
            assert ("ok" in c) != ("error" in c), c
        doc = {"function": self.function, "description": self.description, "cases": self.cases}
        path = os.path.join(VECTORS_DIR, f"{self.function}.json")
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
        # The JSON must read back to exactly what was written (floats stay floats, etc.).
        assert json.loads(text) == doc
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return len(self.cases)
