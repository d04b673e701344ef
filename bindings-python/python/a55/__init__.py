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
    ConfigurationError,
    ConflictError,
    DecodeError,
    Issue,
    Meta,
    NotFoundError,
    PermissionDeniedError,
    RateLimit,
    RateLimitError,
    Response,
    ServerError,
    SignatureVerificationError,
    UnknownOutcomeError,
    ValidationError,
    WebhookEvent,
    __version__,
    card_brand,
    currency_exponent,
    from_minor_units,
    installment_due_dates,
    next_charge_date,
    normalize_amount,
    parse_pix_brcode,
    refresh_logging,
    sign_webhook,
    split_installments,
    subscription_schedule,
    to_minor_units,
    validate,
    validate_tax_id,
    verify_webhook,
)
from ._aclient import AsyncClient
from ._client import Client


def idempotency_key_of(error: BaseException) -> "str | None":
    """The idempotency key an error carries, looking through its causes: a ``KeyboardInterrupt``
    or ``CancelledError`` that ended a call whose request may have been written has the call's
    :class:`UnknownOutcomeError` as its ``__cause__``. ``None`` when no error in the chain has one."""
    seen = set()
    current: "BaseException | None" = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        key = getattr(current, "idempotency_key", None)
        if isinstance(key, str):
            return key
        current = current.__cause__ or current.__context__
    return None


# The models, enums and payload types load on first use (they import decimal, datetime and enum).
_LAZY = {
    "_models": ("Charge", "ChargePage", "CheckoutSession", "Installment", "PaymentLink",
                "PixPayload", "PublicCharge", "ServerMessage", "Subscription",
                "SubscriptionCharge", "SubscriptionInfo", "Wallet", "WalletCredentials"),
    "_enums": ("ChargeStatus", "CheckoutStatus", "Currency", "Cycle", "PaymentLinkStatus",
               "SubscriptionStatus", "TypeCharge"),
    "_model": ("Model", "OpenEnum"),
    "_payloads": ("Address", "AntifraudInfo", "CapturePayload", "ChargePayload",
                  "CheckoutPayload", "DeviceInfo", "Item", "PaymentLinkPayload",
                  "PixChargePayload", "PublicPaymentPayload", "RefundPayload",
                  "SubscriptionRequest", "WalletPayload"),
}
_WHERE = {name: module for module, names in _LAZY.items() for name in names}


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        if name == "testing":
            from . import testing

            return testing
        raise AttributeError(f"module 'a55' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"a55.{module}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:  # names that exist only for type checkers (see _a55.pyi)
    from ._enums import ChargeStatus as ChargeStatus
    from ._enums import CheckoutStatus as CheckoutStatus
    from ._enums import Currency as Currency
    from ._enums import Cycle as Cycle
    from ._enums import PaymentLinkStatus as PaymentLinkStatus
    from ._enums import SubscriptionStatus as SubscriptionStatus
    from ._enums import TypeCharge as TypeCharge
    from ._model import Model as Model
    from ._model import OpenEnum as OpenEnum
    from ._models import Charge as Charge
    from ._models import ChargePage as ChargePage
    from ._models import CheckoutSession as CheckoutSession
    from ._models import Installment as Installment
    from ._models import PaymentLink as PaymentLink
    from ._models import PixPayload as PixPayload
    from ._models import PublicCharge as PublicCharge
    from ._models import ServerMessage as ServerMessage
    from ._models import Subscription as Subscription
    from ._models import SubscriptionCharge as SubscriptionCharge
    from ._models import SubscriptionInfo as SubscriptionInfo
    from ._models import Wallet as Wallet
    from ._models import WalletCredentials as WalletCredentials
    from ._payloads import Address as Address
    from ._payloads import AntifraudInfo as AntifraudInfo
    from ._payloads import CapturePayload as CapturePayload
    from ._payloads import ChargePayload as ChargePayload
    from ._payloads import CheckoutPayload as CheckoutPayload
    from ._payloads import DeviceInfo as DeviceInfo
    from ._payloads import Item as Item
    from ._payloads import PaymentLinkPayload as PaymentLinkPayload
    from ._payloads import PixChargePayload as PixChargePayload
    from ._payloads import PublicPaymentPayload as PublicPaymentPayload
    from ._payloads import RefundPayload as RefundPayload
    from ._payloads import SubscriptionRequest as SubscriptionRequest
    from ._payloads import WalletPayload as WalletPayload
    from . import testing as testing
    from ._a55 import AmountLike as AmountLike
    from ._a55 import BytesLike as BytesLike
    from ._a55 import DateLike as DateLike
    from ._a55 import IssueDict as IssueDict
    from ._a55 import RequestKind as RequestKind

__all__ = [  # the lazily loaded names (models, enums, payload types) are listed after

    "DEFAULT_TOLERANCE_S",
    "RAW_BODY_REQUIRED",
    "A55Error",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncClient",
    "AuthenticationError",
    "BrCode",
    "Client",
    "ConfigurationError",
    "ConflictError",
    "DecodeError",
    "Issue",
    "Meta",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimit",
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
    "idempotency_key_of",
    "parse_pix_brcode",
    "refresh_logging",
    "sign_webhook",
    "split_installments",
    "subscription_schedule",
    "to_minor_units",
    "validate",
    "validate_tax_id",
    "verify_webhook",
]
__all__ += [  # loaded on first use
    "Address",
    "AntifraudInfo",
    "CapturePayload",
    "Charge",
    "ChargePage",
    "ChargePayload",
    "ChargeStatus",
    "CheckoutPayload",
    "CheckoutSession",
    "CheckoutStatus",
    "Currency",
    "Cycle",
    "DeviceInfo",
    "Installment",
    "Item",
    "Model",
    "OpenEnum",
    "PaymentLink",
    "PaymentLinkPayload",
    "PaymentLinkStatus",
    "PixChargePayload",
    "PixPayload",
    "PublicCharge",
    "PublicPaymentPayload",
    "RefundPayload",
    "ServerMessage",
    "Subscription",
    "SubscriptionCharge",
    "SubscriptionInfo",
    "SubscriptionRequest",
    "SubscriptionStatus",
    "TypeCharge",
    "Wallet",
    "WalletCredentials",
    "WalletPayload",
]
