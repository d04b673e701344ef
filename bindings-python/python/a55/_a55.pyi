"""Type stubs of the native module ``a55._a55`` (everything is re-exported by ``a55``)."""

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
import asyncio
from typing import Any, Final, Generic, Literal, TypedDict, TypeVar, final

__version__: Final[str]
DEFAULT_TOLERANCE_S: Final[int]
"""The default webhook timestamp tolerance, in seconds (300)."""
RAW_BODY_REQUIRED: Final[str]
"""The message of the error raised when ``verify_webhook`` gets a parsed object instead of bytes."""

AmountLike = Decimal | int | str | float
"""An amount: a ``Decimal`` or ``str`` is read exactly, an ``int`` exactly at any size, a ``float``
through its ``repr`` (so ``2.675`` is 2.675). ``bool`` is refused."""
DateLike = date | str
"""A calendar date: a ``datetime.date`` (not a ``datetime``) or ``"YYYY-MM-DD"`` text."""
BytesLike = bytes | bytearray | memoryview
"""Raw bytes."""
RequestKind = Literal[
    "wallet", "charge", "pix_charge", "checkout", "refund", "capture", "public_payment", "payment_link"
]
"""The kinds of request ``validate`` knows."""

class IssueDict(TypedDict):
    """An issue as a dict (``Issue.to_dict()``, ``ValidationError.errors()``)."""

    code: str
    severity: Literal["error", "warning"]
    field: str
    description: str

@final
class Issue:
    """One problem found in a request or reported by the server. Immutable and hashable."""

    def __new__(cls, code: str, severity: str, field: str, description: str) -> Issue: ...
    @property
    def code(self) -> str:
        """The machine code, e.g. ``"INVALID_TAX_ID"`` (docs/issue-codes.md)."""
    @property
    def severity(self) -> Literal["error", "warning"]:
        """``"error"`` stops the request; ``"warning"`` travels with the result."""
    @property
    def field(self) -> str:
        """The field's path, e.g. ``"payer_address.postal_code"``; empty for the whole body."""
    @property
    def description(self) -> str:
        """A sentence for people; never contains a secret, a card number or a tax id."""
    @property
    def is_error(self) -> bool:
        """Whether the issue stops the request."""
    def to_dict(self) -> IssueDict:
        """The issue as a dict with the keys code, severity, field and description."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class BrCode:
    """The fields of a PIX BR Code, as written in the code. The repr masks the PIX key."""

    @property
    def payload_format_indicator(self) -> str:
        """Field 00, always ``"01"``."""
    @property
    def point_of_initiation_method(self) -> str | None:
        """Field 01: ``"11"`` (reusable) or ``"12"`` (single use), when present."""
    @property
    def gui(self) -> str:
        """The merchant account template's GUI (``br.gov.bcb.pix``)."""
    @property
    def key(self) -> str | None:
        """The PIX key of a static code."""
    @property
    def url(self) -> str | None:
        """The location URL of a dynamic code (without scheme)."""
    @property
    def description(self) -> str | None:
        """Free text for the payer."""
    @property
    def merchant_category_code(self) -> str:
        """Field 52."""
    @property
    def transaction_currency(self) -> str:
        """Field 53, ``"986"`` for BRL."""
    @property
    def amount(self) -> str | None:
        """Field 54, the amount text as written, when present."""
    @property
    def country_code(self) -> str:
        """Field 58, ``"BR"``."""
    @property
    def merchant_name(self) -> str:
        """Field 59."""
    @property
    def merchant_city(self) -> str:
        """Field 60."""
    @property
    def postal_code(self) -> str | None:
        """Field 61."""
    @property
    def txid(self) -> str | None:
        """Field 62, sub-field 05: the transaction id."""
    @property
    def crc(self) -> str:
        """Field 63, upper-case hex."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class WebhookEvent:
    """A verified charge event. Deduplicate deliveries on ``dedup_key``."""

    @property
    def charge_uuid(self) -> str:
        """The charge."""
    @property
    def status(self) -> str:
        """The new status (``cancelled`` reads as ``canceled``; unknown statuses are kept)."""
    @property
    def transaction_reference(self) -> str | None:
        """The merchant's reference, when sent."""
    @property
    def subscription_uuid(self) -> str | None:
        """The subscription the charge belongs to."""
    @property
    def payment_link_uuid(self) -> str | None:
        """The payment link the charge came from."""
    @property
    def amount(self) -> str | None:
        """The amount as decimal text, as sent (``Decimal(event.amount)`` for arithmetic)."""
    @property
    def currency(self) -> str | None:
        """The currency."""
    @property
    def error_code(self) -> str | None:
        """The acquirer's return code on errors (``"05"``)."""
    @property
    def error_message(self) -> str | None:
        """The acquirer's message on errors."""
    @property
    def refund_amount(self) -> str | None:
        """The refunded amount as decimal text."""
    @property
    def chargeback_reason(self) -> str | None:
        """The chargeback's reason."""
    @property
    def created_at(self) -> str | None:
        """When the charge was created, as sent."""
    @property
    def updated_at(self) -> str | None:
        """When the charge last changed, as sent."""
    @property
    def dedup_key(self) -> str:
        """``"{charge_uuid}:{status}"``."""
    @property
    def is_terminal(self) -> bool:
        """Whether no further change is expected."""
    @property
    def raw(self) -> dict[str, Any]:
        """The whole body, unknown fields included (a new dict each time; fractions as Decimal)."""
    @property
    def raw_json(self) -> str:
        """The whole body as JSON text."""
    def __eq__(self, other: object, /) -> bool: ...

class A55Error(Exception):
    """Base class of every error the A55 SDK raises."""

    status: int | None
    """The HTTP status, when the server answered."""
    codes: list[str]
    """The error codes (the server's, or local validation's)."""
    request_id: str | None
    """The server's ``X-Request-Id``."""
    idempotency_key: str | None
    """The call's idempotency key: repeat with it after an unknown outcome."""
    issues: list[Issue]
    """Validation issues, local or from the server."""
    reason: str | None
    """The webhook verification reason (``signature_mismatch``, ...)."""
    retry_after: float | None
    """How long the server asked to wait, in seconds (429)."""
    raw_body: str | None
    """The response body as received, when it matched no known shape."""
    kind: str
    """Core's error kind: ``validation``, ``rate_limit``, ``unknown_outcome``, ..."""
    retryable: bool
    """Whether repeating the call may succeed (with the same idempotency key for a write)."""
    def __init__(
        self,
        message: str = "",
        *,
        status: int | None = None,
        codes: Sequence[str] | None = None,
        request_id: str | None = None,
        idempotency_key: str | None = None,
        issues: Sequence[Issue] | None = None,
        reason: str | None = None,
        retry_after: float | None = None,
        raw_body: str | None = None,
        kind: str | None = None,
        retryable: bool | None = None,
    ) -> None: ...

class ValidationError(A55Error):
    """A value broke a rule (locally, or HTTP 400/422): see ``issues``."""

    def errors(self) -> list[IssueDict]:
        """Every issue as a dict (like pydantic's ``ValidationError.errors()``)."""

class SignatureVerificationError(A55Error):
    """A webhook did not verify: see ``reason``."""

class AuthenticationError(A55Error):
    """HTTP 401."""

class PermissionDeniedError(A55Error):
    """HTTP 403."""

class NotFoundError(A55Error):
    """HTTP 404."""

class ConflictError(A55Error):
    """HTTP 409."""

class RateLimitError(A55Error):
    """HTTP 429: see ``retry_after``."""

class ServerError(A55Error):
    """HTTP 5xx."""

class APIError(A55Error):
    """Any other HTTP error status."""

class APIConnectionError(A55Error):
    """The request was never written: nothing happened on the server."""

class APITimeoutError(APIConnectionError):
    """The deadline ran out before the request was written."""

class UnknownOutcomeError(A55Error):
    """The request was written but no answer came: repeat with ``idempotency_key``."""

class ConfigurationError(A55Error):
    """The client is configured wrongly."""

class DecodeError(A55Error):
    """A 2xx answer could not be read."""

def normalize_amount(amount: AmountLike, currency: str) -> Decimal:
    """Normalizes an amount for a currency (BRL 10.005 → ``Decimal("10.01")``, CLP 50000.50 →
    ``Decimal("50000")``). Raises ``ValidationError`` (``AMOUNT_INVALID``,
    ``CURRENCY_NOT_SUPPORTED``)."""

def currency_exponent(currency: str) -> int:
    """The number of decimals a currency keeps (2, or 0 for CLP and COP)."""

def to_minor_units(amount: AmountLike, currency: str) -> int:
    """The amount in minor units after normalization (BRL 10.005 → 1001)."""

def from_minor_units(minor: int, currency: str) -> Decimal:
    """The amount of a number of minor units (BRL 1001 → ``Decimal("10.01")``)."""

def split_installments(total: AmountLike, count: int, currency: str) -> list[Decimal]:
    """Splits a total in ``count`` parts; the remainder goes to the first (100.00 / 3 → 33.34,
    33.33, 33.33)."""

def installment_due_dates(first_due_date: DateLike, count: int) -> list[date]:
    """The due dates of ``count`` monthly installments, clamped to each month's end."""

def next_charge_date(due_date: DateLike, cycle: str, end_date: DateLike | None = None) -> date | None:
    """``due_date`` plus one cycle, or ``None`` when that falls after ``end_date``."""

def subscription_schedule(
    due_date: DateLike, cycle: str, count: int, end_date: DateLike | None = None
) -> list[date]:
    """The next ``count`` charge dates after ``due_date``, stopping at ``end_date``."""

def validate_tax_id(value: str, country: str) -> str:
    """The kind of a valid tax id (``CPF``, ``CNPJ``, ``RUT``, ``CUIT``, ``DNI``, ``RFC``,
    ``CURP``, ``CC``, ``NIT``, ``RUC`` or ``OTHER``); raises ``ValidationError``
    (``INVALID_TAX_ID``, ``INVALID_COUNTRY``)."""

def validate(kind: RequestKind, payload: Any, today: DateLike | None = None) -> list[Issue]:
    """Every issue of a request payload (errors and warnings); empty when clean. Never raises for a
    bad payload; raises ``ValidationError`` for a bad ``kind`` or ``today``, or a value with no JSON
    form (a set, a NaN float)."""

def card_brand(card_number: str) -> str:
    """``Visa``, ``Mastercard``, ``Amex``, ``Elo``, ``Hipercard``, ``Diners``, ``Discover``,
    ``JCB`` or ``unknown``."""

def parse_pix_brcode(text: str) -> BrCode:
    """Parses and checks a PIX BR Code; raises ``ValidationError`` (``INVALID_BR_CODE``)."""

def verify_webhook(
    raw_body: BytesLike,
    signature: str | None,
    timestamp: str | int | None,
    secrets: str | Sequence[str],
    tolerance_s: float = 300,
    now: float | datetime | None = None,
) -> WebhookEvent:
    """Verifies a delivery's ``X-Webhook-Signature`` over the raw bytes and returns the event;
    raises ``SignatureVerificationError`` with a ``reason``."""

def sign_webhook(raw_body: BytesLike, secret: str, timestamp: int) -> str:
    """The ``X-Webhook-Signature`` value for a body (for your own tests)."""

def _panic_for_tests() -> None:
    """Panics inside Rust (tests only): raises ``A55Error``."""

_T = TypeVar("_T")

@final
class RateLimit:
    """The rate-limit headers of an answer (``None`` when the server sent none)."""

    @property
    def limit(self) -> int | None: ...
    @property
    def remaining(self) -> int | None: ...
    @property
    def reset(self) -> int | None:
        """Unix seconds."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Meta:
    """What came with a result."""

    @property
    def status_code(self) -> int:
        """The HTTP status."""
    @property
    def request_id(self) -> str | None:
        """The server's request id."""
    @property
    def idempotency_key(self) -> str | None:
        """The idempotency key sent (POST)."""
    @property
    def replayed(self) -> bool:
        """Whether the server replayed an earlier answer for this key."""
    @property
    def attempts(self) -> int:
        """Attempts made (1 + retries)."""
    @property
    def rate_limit(self) -> RateLimit:
        """The rate-limit headers."""
    @property
    def warnings(self) -> list[Issue]:
        """Local validation warnings (``AMOUNT_ROUNDED``, ``UNKNOWN_FIELD``, ...)."""
    @property
    def raw(self) -> str:
        """The answer's JSON text as received (secrets included: the repr leaves it out)."""

@final
class Response(Generic[_T]):
    """A result of the API: ``data``, its typed model, and ``meta``."""

    @property
    def data(self) -> _T:
        """The typed model (``a55.Charge``, ``a55.Wallet``, ...)."""
    @property
    def meta(self) -> Meta:
        """Request id, idempotency key, replay, attempts, rate limit, warnings, raw JSON."""
    def __class_getitem__(cls, item: Any) -> type[Response[Any]]: ...

@final
class _Core:
    def __new__(
        cls,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        access_token: str | None = None,
        environment: str = "core-manager",
        base_url: str | None = None,
        token_url: str | None = None,
        timeout: float | None = None,
        deadline: float | None = None,
        max_retries: int | None = None,
        validate: bool = True,
        today: DateLike | None = None,
        allow_insecure_http: bool = False,
        pacing: bool = True,
        shared_store: str | None = None,
    ) -> _Core: ...
    @staticmethod
    def from_env(
        environment: str = "core-manager",
        *,
        timeout: float | None = None,
        deadline: float | None = None,
        max_retries: int | None = None,
        validate: bool = True,
        today: DateLike | None = None,
        allow_insecure_http: bool = False,
        pacing: bool = True,
        shared_store: str | None = None,
    ) -> _Core: ...
    @property
    def base_url(self) -> str: ...
    @property
    def token_requests(self) -> int: ...
    def call(
        self,
        method: str,
        args: Mapping[str, Any] | None,
        payload: Any,
        idempotency_key: str | None,
        idempotency_from: str | None,
        timeout: float | None,
        deadline: float | None,
        max_retries: int | None,
        skip_validation: bool,
        max_wait: float | None,
    ) -> Response[Any]: ...
    def start(
        self,
        method: str,
        args: Mapping[str, Any] | None,
        payload: Any,
        idempotency_key: str | None,
        idempotency_from: str | None,
        timeout: float | None,
        deadline: float | None,
        max_retries: int | None,
        skip_validation: bool,
        max_wait: float | None,
    ) -> _Call: ...
    def pages(
        self,
        args: Mapping[str, Any],
        timeout: float | None,
        deadline: float | None,
        max_retries: int | None,
    ) -> _Pages: ...

@final
class _Call:
    @property
    def idempotency_key(self) -> str | None: ...
    def cancel(self) -> UnknownOutcomeError | None: ...
    def future(self) -> asyncio.Future[Response[Any]]: ...

@final
class _Pages:
    def next(self) -> Any: ...
    def next_async(self) -> asyncio.Future[Any]: ...

@final
class _EmulatorServer:
    def __new__(cls, options: Mapping[str, Any] | None = None) -> _EmulatorServer: ...
    @property
    def base_url(self) -> str: ...
    @property
    def client_id(self) -> str: ...
    @property
    def client_secret(self) -> str: ...
    @property
    def webhook_secret(self) -> str: ...
    @property
    def running(self) -> bool: ...
    def stop(self) -> None: ...

def refresh_logging() -> None:
    """Makes a level set on the ``a55`` logger (or its parents) since the last call take effect:
    the bridge caches each logger's level so that a disabled record costs nothing."""

def _generated(name: str) -> str: ...
def _methods() -> list[tuple[str, list[str]]]: ...
