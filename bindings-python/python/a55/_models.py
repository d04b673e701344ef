# Generated from a55-core's `models::schema` by bindings-python/src/codegen.rs: do not edit.
# Regenerate: A55_REGENERATE=1 cargo test -p a55-python codegen (a test fails while it is stale).
"""The A55 response models: attribute access, ``Decimal`` amounts, ``datetime.date`` dates,
open enums, ``to_dict()``, equality, and a repr that masks secrets and personal data."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from ._enums import ChargeStatus, SubscriptionStatus, CheckoutStatus, PaymentLinkStatus, Currency, Cycle, TypeCharge
from ._model import Model


class ServerMessage(Model):
    """One entry of a charge's `message` list: why A55 declined or refused it."""

    _fields = ("code", "source", "description", "field",)

    code: str | None
    source: str | None
    description: str | None
    field: str | None

    def __init__(
        self,
        *,
        code: str | None = None,
        source: str | None = None,
        description: str | None = None,
        field: str | None = None,
    ) -> None:
        self._set(locals())


class Installment(Model):
    """One installment of a charge."""

    _fields = ("local_currency", "currency", "usd_currency", "eur_currency", "due_date", "status", "installment_number",)

    local_currency: Decimal | None
    currency: Currency | None
    usd_currency: Decimal | None
    eur_currency: Decimal | None
    due_date: datetime.date | None
    status: ChargeStatus | None
    installment_number: int | None

    def __init__(
        self,
        *,
        local_currency: Decimal | None = None,
        currency: Currency | None = None,
        usd_currency: Decimal | None = None,
        eur_currency: Decimal | None = None,
        due_date: datetime.date | None = None,
        status: ChargeStatus | None = None,
        installment_number: int | None = None,
    ) -> None:
        self._set(locals())


class PixPayload(Model):
    """A PIX charge's payment data: the BR Code text and its QR code image."""

    _fields = ("qr_code_base64", "copy_paste", "expiration",)

    qr_code_base64: str | None
    copy_paste: str | None
    expiration: str | None

    def __init__(
        self,
        *,
        qr_code_base64: str | None = None,
        copy_paste: str | None = None,
        expiration: str | None = None,
    ) -> None:
        self._set(locals())


class SubscriptionInfo(Model):
    """The subscription created with a charge."""

    _fields = ("subscription_uuid", "cycle", "status", "next_charge_date", "end_date",)

    subscription_uuid: str | None
    cycle: Cycle | None
    status: SubscriptionStatus | None
    next_charge_date: datetime.date | None
    end_date: datetime.date | None

    def __init__(
        self,
        *,
        subscription_uuid: str | None = None,
        cycle: Cycle | None = None,
        status: SubscriptionStatus | None = None,
        next_charge_date: datetime.date | None = None,
        end_date: datetime.date | None = None,
    ) -> None:
        self._set(locals())


class Charge(Model):
    """A charge, as create, get, list, refund, cancel and capture describe it."""

    _fields = ("charge_uuid", "status", "local_currency", "currency", "usd_currency", "eur_currency", "type_charge", "date", "description", "due_date", "installment_count", "installments", "charge_payment_url", "url_3ds", "message", "subscription", "pix_payload", "boleto_url", "barcode", "wallet_uuid", "refunded_amount",)
    _lists = frozenset(("installments", "message",))

    charge_uuid: str | None
    status: ChargeStatus
    local_currency: Decimal | None
    currency: Currency | None
    usd_currency: Decimal | None
    eur_currency: Decimal | None
    type_charge: TypeCharge | None
    date: str | None
    description: str | None
    due_date: datetime.date | None
    installment_count: int | None
    installments: list[Installment]
    charge_payment_url: str | None
    url_3ds: str | None
    message: list[ServerMessage]
    subscription: SubscriptionInfo | None
    pix_payload: PixPayload | None
    boleto_url: str | None
    barcode: str | None
    wallet_uuid: str | None
    refunded_amount: Decimal | None

    def __init__(
        self,
        *,
        charge_uuid: str | None = None,
        status: ChargeStatus,
        local_currency: Decimal | None = None,
        currency: Currency | None = None,
        usd_currency: Decimal | None = None,
        eur_currency: Decimal | None = None,
        type_charge: TypeCharge | None = None,
        date: str | None = None,
        description: str | None = None,
        due_date: datetime.date | None = None,
        installment_count: int | None = None,
        installments: Iterable[Installment] = (),
        charge_payment_url: str | None = None,
        url_3ds: str | None = None,
        message: Iterable[ServerMessage] = (),
        subscription: SubscriptionInfo | None = None,
        pix_payload: PixPayload | None = None,
        boleto_url: str | None = None,
        barcode: str | None = None,
        wallet_uuid: str | None = None,
        refunded_amount: Decimal | None = None,
    ) -> None:
        self._set(locals())


class WalletCredentials(Model):
    """OAuth credentials issued with a wallet: shown once, store the secret."""

    _fields = ("client_id", "client_secret", "grant_type", "scopes",)
    _lists = frozenset(("scopes",))
    _masked = frozenset(("client_secret",))

    client_id: str | None
    client_secret: str | None
    grant_type: str | None
    scopes: list[str]

    def __init__(
        self,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        grant_type: str | None = None,
        scopes: Iterable[str] = (),
    ) -> None:
        self._set(locals())


class Wallet(Model):
    """A wallet."""

    _fields = ("wallet_uuid", "entity_uuid", "merchant_uuid", "customer_id", "currency", "name", "email", "credentials",)
    _masked = frozenset(("name", "email",))

    wallet_uuid: str | None
    entity_uuid: str | None
    merchant_uuid: str | None
    customer_id: str | None
    currency: Currency | None
    name: str | None
    email: str | None
    credentials: WalletCredentials | None

    def __init__(
        self,
        *,
        wallet_uuid: str | None = None,
        entity_uuid: str | None = None,
        merchant_uuid: str | None = None,
        customer_id: str | None = None,
        currency: Currency | None = None,
        name: str | None = None,
        email: str | None = None,
        credentials: WalletCredentials | None = None,
    ) -> None:
        self._set(locals())


class CheckoutSession(Model):
    """A hosted checkout session: send the payer to `checkout_url`."""

    _fields = ("checkout_uuid", "checkout_url", "status", "amount", "currency", "expires_at", "charge_uuid",)

    checkout_uuid: str | None
    checkout_url: str | None
    status: CheckoutStatus | None
    amount: Decimal | None
    currency: Currency | None
    expires_at: str | None
    charge_uuid: str | None

    def __init__(
        self,
        *,
        checkout_uuid: str | None = None,
        checkout_url: str | None = None,
        status: CheckoutStatus | None = None,
        amount: Decimal | None = None,
        currency: Currency | None = None,
        expires_at: str | None = None,
        charge_uuid: str | None = None,
    ) -> None:
        self._set(locals())


class PaymentLink(Model):
    """A payment link (a reusable hosted page)."""

    _fields = ("payment_link_uuid", "status", "url", "local_currency", "currency", "usd_currency", "eur_currency",)

    payment_link_uuid: str | None
    status: PaymentLinkStatus | None
    url: str | None
    local_currency: Decimal | None
    currency: Currency | None
    usd_currency: Decimal | None
    eur_currency: Decimal | None

    def __init__(
        self,
        *,
        payment_link_uuid: str | None = None,
        status: PaymentLinkStatus | None = None,
        url: str | None = None,
        local_currency: Decimal | None = None,
        currency: Currency | None = None,
        usd_currency: Decimal | None = None,
        eur_currency: Decimal | None = None,
    ) -> None:
        self._set(locals())


class ChargePage(Model):
    """One page of a wallet's charges."""

    _fields = ("page", "limit", "total", "pages", "data",)
    _lists = frozenset(("data",))

    page: int | None
    limit: int | None
    total: int | None
    pages: int | None
    data: list[Charge]

    def __init__(
        self,
        *,
        page: int | None = None,
        limit: int | None = None,
        total: int | None = None,
        pages: int | None = None,
        data: Iterable[Charge] = (),
    ) -> None:
        self._set(locals())


class SubscriptionCharge(Model):
    """A charge made by a subscription."""

    _fields = ("charge_uuid", "amount", "status", "created_at",)

    charge_uuid: str | None
    amount: Decimal | None
    status: ChargeStatus | None
    created_at: str | None

    def __init__(
        self,
        *,
        charge_uuid: str | None = None,
        amount: Decimal | None = None,
        status: ChargeStatus | None = None,
        created_at: str | None = None,
    ) -> None:
        self._set(locals())


class Subscription(Model):
    """A subscription."""

    _fields = ("subscription_uuid", "cycle", "end_date", "status", "description", "next_due_date", "cancelled_at", "charges",)
    _lists = frozenset(("charges",))

    subscription_uuid: str | None
    cycle: Cycle | None
    end_date: datetime.date | None
    status: SubscriptionStatus | None
    description: str | None
    next_due_date: datetime.date | None
    cancelled_at: str | None
    charges: list[SubscriptionCharge]

    def __init__(
        self,
        *,
        subscription_uuid: str | None = None,
        cycle: Cycle | None = None,
        end_date: datetime.date | None = None,
        status: SubscriptionStatus | None = None,
        description: str | None = None,
        next_due_date: datetime.date | None = None,
        cancelled_at: str | None = None,
        charges: Iterable[SubscriptionCharge] = (),
    ) -> None:
        self._set(locals())


class PublicCharge(Model):
    """What the public (no token) charge endpoint says about a charge."""

    _fields = ("charge_uuid", "status", "redirect_url", "value", "currency", "type_charge", "installment_count", "message",)
    _lists = frozenset(("message",))

    charge_uuid: str | None
    status: ChargeStatus
    redirect_url: str | None
    value: Decimal | None
    currency: Currency | None
    type_charge: TypeCharge | None
    installment_count: int | None
    message: list[ServerMessage]

    def __init__(
        self,
        *,
        charge_uuid: str | None = None,
        status: ChargeStatus,
        redirect_url: str | None = None,
        value: Decimal | None = None,
        currency: Currency | None = None,
        type_charge: TypeCharge | None = None,
        installment_count: int | None = None,
        message: Iterable[ServerMessage] = (),
    ) -> None:
        self._set(locals())


__all__ = [
    "ServerMessage",
    "Installment",
    "PixPayload",
    "SubscriptionInfo",
    "Charge",
    "WalletCredentials",
    "Wallet",
    "CheckoutSession",
    "PaymentLink",
    "ChargePage",
    "SubscriptionCharge",
    "Subscription",
    "PublicCharge",
]
