"""The base classes of the generated models (``_models.py``) and enums (``_enums.py``).

A model is read-only, compares equal to a model of the same class with equal fields, has a repr that
masks secrets and personal data (core's list, written into each class as ``_masked``), and turns into
plain Python values with ``to_dict()``. The extension builds models without calling ``__init__``;
``__init__`` is for your own tests and mocks.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, ClassVar


class OpenEnum(str, Enum):
    """A str-enum that keeps values this version does not know: ``ChargeStatus("new_one")`` is a
    member-like value with ``is_known`` false, compares equal to its text, and hashes like it."""

    _terminal: ClassVar[frozenset[str]]

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        unknown = str.__new__(cls, value)
        unknown.__dict__.update(_name_="UNKNOWN", _value_=value)
        return unknown

    @property
    def is_known(self) -> bool:
        """Whether this version of the SDK knows the value."""
        return self._value_ in type(self)._value2member_map_

    @property
    def is_terminal(self) -> bool:
        """For a status: whether no further change is expected (unknown values are not terminal)."""
        return self._value_ in getattr(type(self), "_terminal", ())

    def __hash__(self) -> int:
        return str.__hash__(self)

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, spec: str) -> str:
        return str.__format__(str(self), spec)


def _plain(value: Any) -> Any:
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, OpenEnum):
        return value._value_
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class Model:
    """Base class of the A55 models."""

    _fields: ClassVar[tuple[str, ...]] = ()
    _lists: ClassVar[frozenset[str]] = frozenset()
    _masked: ClassVar[frozenset[str]] = frozenset()

    def _set(self, values: dict[str, Any]) -> None:
        state = {}
        for name in self._fields:
            value = values[name]
            state[name] = list(value) if name in self._lists else value
        object.__setattr__(self, "__dict__", state)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # equal models may hold lists

    def __repr__(self) -> str:
        parts = []
        for name in self._fields:
            value = self.__dict__.get(name)
            shown = "'[masked]'" if name in self._masked and value is not None else repr(value)
            parts.append(f"{name}={shown}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        """The fields as plain values: ``Decimal``, ``datetime.date``, ``str`` (an enum's text),
        ``int``, ``None``, and lists and dicts of them. Secrets are included: it is your data."""
        return {name: _plain(self.__dict__.get(name)) for name in self._fields}
