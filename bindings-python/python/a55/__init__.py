"""The A55 payments SDK for Python.

Every rule (amount rounding, schedules, tax-id check digits, PIX BR Codes, webhook signatures,
request validation) lives once in the Rust core ``a55-core``; this package is a thin, typed layer
over it, so the same input gives the same answer in Python, Node, Kotlin, Swift and Rust.

Amounts are :class:`decimal.Decimal` (``int``, ``str`` and ``float`` are accepted as input; a float is
read through its ``repr``), dates are :class:`datetime.date` (``"YYYY-MM-DD"`` text is accepted), and
every failure is an :class:`A55Error` subclass.

>>> import a55
>>> a55.normalize_amount("10.005", "BRL")
Decimal('10.01')
>>> a55.split_installments("100.00", 3, "BRL")
[Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
"""

# Not `from typing import TYPE_CHECKING`: importing typing costs more than the rest of `import a55`.
# Type checkers treat any name TYPE_CHECKING as true.
TYPE_CHECKING = False

from ._a55 import (
    DEFAULT_TOLERANCE_S,
    RAW_BODY_REQUIRED,
    A55Error,
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BrCode,
    Client,
    ConfigurationError,
    ConflictError,
    DecodeError,
    Issue,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    Response,
    ServerError,
    SignatureVerificationError,
    UnknownOutcomeError,
    ValidationError,
    WebhookEvent,
    __version__,
    _masked_repr,
    card_brand,
    currency_exponent,
    from_minor_units,
    installment_due_dates,
    next_charge_date,
    normalize_amount,
    parse_pix_brcode,
    sign_webhook,
    split_installments,
    subscription_schedule,
    to_minor_units,
    validate,
    validate_tax_id,
    verify_webhook,
)



class Data(dict):  # type: ignore[type-arg]
    """A JSON object from an A55 answer: a plain ``dict`` (``data["status"]``, ``json.dumps``) whose
    ``repr`` masks secrets, card data and tax ids, so logging a result never leaks them."""

    __slots__ = ()

    def __repr__(self) -> str:
        return _masked_repr(self)

    __str__ = __repr__


if TYPE_CHECKING:  # names that exist only for type checkers (see _a55.pyi)
    from ._a55 import AmountLike as AmountLike
    from ._a55 import BytesLike as BytesLike
    from ._a55 import DateLike as DateLike
    from ._a55 import IssueDict as IssueDict
    from ._a55 import RequestKind as RequestKind

__all__ = [
    "DEFAULT_TOLERANCE_S",
    "RAW_BODY_REQUIRED",
    "A55Error",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BrCode",
    "Client",
    "ConfigurationError",
    "Data",
    "ConflictError",
    "DecodeError",
    "Issue",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "Response",
    "ServerError",
    "SignatureVerificationError",
    "UnknownOutcomeError",
    "ValidationError",
    "WebhookEvent",
    "__version__",
    "card_brand",
    "currency_exponent",
    "from_minor_units",
    "installment_due_dates",
    "next_charge_date",
    "normalize_amount",
    "parse_pix_brcode",
    "sign_webhook",
    "split_installments",
    "subscription_schedule",
    "to_minor_units",
    "validate",
    "validate_tax_id",
    "verify_webhook",
]
