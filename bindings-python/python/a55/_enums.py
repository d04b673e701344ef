# Generated from a55-core's `models::schema` by bindings-python/src/codegen.rs: do not edit.
# Regenerate: A55_REGENERATE=1 cargo test -p a55-python codegen (a test fails while it is stale).
"""The open enums of the A55 models: a value this version does not know is kept."""

from ._model import OpenEnum


class ChargeStatus(OpenEnum):
    """A charge's status (wire text); one this version does not know is kept, with ``is_known`` false."""

    ISSUED = "issued"
    PENDING = "pending"
    CONFIRMED = "confirmed"
    PRE_CAPTURED = "pre_captured"
    PAID = "paid"
    REFUNDED = "refunded"
    REFUND_ERROR = "refund_error"
    PRE_CHARGEBACK_RESOLUTION = "pre_chargeback_resolution"
    CHARGEBACK_REQUESTED = "chargeback_requested"
    CHARGEBACK = "chargeback"
    CHARGEBACK_REVERSED = "chargeback_reversed"
    CHARGEBACK_REFUNDED = "chargeback_refunded"
    CANCELED = "canceled"
    ERROR = "error"
    EXPIRED = "expired"


class SubscriptionStatus(OpenEnum):
    """A subscription's status (wire text); one this version does not know is kept, with ``is_known`` false."""

    PENDING = "pending"
    ACTIVE = "active"
    ERROR = "error"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


class CheckoutStatus(OpenEnum):
    """A checkout session's status (wire text); one this version does not know is kept, with ``is_known`` false."""

    ACTIVE = "active"
    COMPLETED = "completed"
    PAID = "paid"
    EXPIRED = "expired"
    CANCELED = "canceled"


class PaymentLinkStatus(OpenEnum):
    """A payment link's status (wire text); one this version does not know is kept, with ``is_known`` false."""

    ACTIVE = "active"
    INACTIVE = "inactive"
    PAID = "paid"
    EXPIRED = "expired"
    CANCELED = "canceled"


class Currency(OpenEnum):
    """A currency code (wire text); one this version does not know is kept, with ``is_known`` false."""

    BRL = "BRL"
    MXN = "MXN"
    CLP = "CLP"
    COP = "COP"
    PEN = "PEN"
    ARS = "ARS"
    USD = "USD"
    EUR = "EUR"


class Cycle(OpenEnum):
    """A subscription's billing cycle (wire text); one this version does not know is kept, with ``is_known`` false."""

    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUALLY = "semiannually"
    YEARLY = "yearly"


class TypeCharge(OpenEnum):
    """A payment method (``type_charge``) (wire text); one this version does not know is kept, with ``is_known`` false."""

    CREDIT_CARD = "credit_card"
    DEBIT_CARD = "debit_card"
    BOLETO = "boleto"
    PIX = "pix"
    SPEI = "spei"
    OXXO = "oxxo"
    E_WALLET = "e_wallet"
    QRA = "qra"
    PFC = "pfc"
    APPLEPAY = "applepay"
    GOOGLEPAY = "googlepay"

ChargeStatus._terminal = frozenset(("refunded", "refund_error", "chargeback", "chargeback_reversed", "chargeback_refunded", "canceled", "error", "expired",))
SubscriptionStatus._terminal = frozenset(("cancelled", "expired",))
CheckoutStatus._terminal = frozenset(("completed", "paid", "expired", "canceled",))
PaymentLinkStatus._terminal = frozenset(("inactive", "paid", "expired", "canceled",))

__all__ = [
    "ChargeStatus",
    "SubscriptionStatus",
    "CheckoutStatus",
    "PaymentLinkStatus",
    "Currency",
    "Cycle",
    "TypeCharge",
]
