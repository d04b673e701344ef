"""Payload shapes, for editors and type checkers: ``TypedDict``s with A55's field names.

Payloads are plain dicts; core checks them (docs/validation.md lists every rule) and reports every
issue at once. These types only help an editor: keys are optional here (``total=False``) because
core, not the type checker, knows which fields each case needs. Amounts take ``Decimal``, ``int``,
``str`` or ``float`` (read through its repr); dates a ``datetime.date`` or ``YYYY-MM-DD`` text.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, List, TypedDict, Union

Amount = Union[Decimal, int, str, float]
DateText = Union[datetime.date, str]


class Address(TypedDict, total=False):
    """A payer's or a shipping address."""

    street: str
    address_number: str
    complement: str
    neighborhood: str
    city: str
    state: str
    postal_code: str
    country: str


class DeviceInfo(TypedDict, total=False):
    """The payer's device, for 3DS."""

    ip_address: str
    user_agent: str
    device_id: str
    session_id: str
    http_accept_content: str
    http_accept_browser_value: str
    http_browser_language: str
    http_browser_java_enabled: bool
    http_browser_javascript_enabled: bool
    http_browser_color_depth: Union[int, str]
    http_browser_screen_height: Union[int, str]
    http_browser_screen_width: Union[int, str]
    http_browser_time_difference: Union[int, str]


class AntifraudInfo(TypedDict, total=False):
    """Antifraud hints."""

    sales_channel: str
    cardholder_logged_in: bool
    cardholder_since_days: int
    purchase_history: int
    days_since_last_purchase_merchant: int
    days_since_first_purchase_cardholder: int


class SubscriptionRequest(TypedDict, total=False):
    """A charge's ``subscription`` object."""

    cycle: str
    end_date: DateText


class Item(TypedDict, total=False):
    """One item of a charge."""

    name: str
    description: str
    quantity: int
    total_amount: Amount
    unit_amount: Amount
    sku: str
    code: str
    img: str


class WalletPayload(TypedDict, total=False):
    """``create_wallet``."""

    entity_uuid: str
    customer_id: str
    currency: str
    name: str
    email: str
    create_credentials: bool
    merchant_uuid: str


class ChargePayload(TypedDict, total=False):
    """``create_charge`` and ``create_subscription`` (with ``subscription``)."""

    wallet_uuid: str
    merchant_id: str
    payer_name: str
    payer_email: str
    payer_tax_id: str
    payer_cell_phone: str
    installment_value: Amount
    installment_count: int
    currency: str
    due_date: DateText
    description: str
    type_charge: str
    payer_address: Address
    webhook_url: str
    redirect_url: str
    reference_external_id: str
    is_async: bool
    shipping_address: Address
    card_number: str
    card_name: str
    card_expiry_month: str
    card_expiry_year: str
    card_cvv: str
    capture: bool
    threeds_authentication: bool
    device_info: DeviceInfo
    antifraud_info: AntifraudInfo
    subscription: SubscriptionRequest
    items: List[Item]
    applepay: dict[str, Any]
    googlepay: dict[str, Any]


class PixChargePayload(TypedDict, total=False):
    """``create_pix_charge``."""

    wallet_uuid: str
    merchant_id: str
    payer_name: str
    payer_email: str
    payer_tax_id: str
    payer_cell_phone: str
    amount: Amount
    currency: str
    due_date: DateText
    description: str
    payer_address: Address
    webhook_url: str
    reference_external_id: str


class CheckoutPayload(TypedDict, total=False):
    """``create_checkout``."""

    wallet_uuid: str
    merchant_id: str
    amount: Amount
    currency: str
    description: str
    redirect_url: str
    cancel_url: str
    due_date: DateText
    payer_email: str
    allowed_methods: List[str]
    max_installments: int
    webhook_url: str
    reference_external_id: str
    is_checkout: bool
    threeds_authentication: bool


class PaymentLinkPayload(TypedDict, total=False):
    """``create_payment_link``."""

    wallet_uuid: str
    merchant_id: str
    currency: str
    value: Amount
    amount: Amount
    description: str
    name: str
    redirect_url: str
    webhook_url: str
    max_installment_count: int
    reference_external_id: str


class RefundPayload(TypedDict, total=False):
    """``refund_charge``: the whole charge when empty."""

    amount: Amount
    reason: str


class CapturePayload(TypedDict, total=False):
    """``capture_charge``: the whole amount when empty."""

    amount: Amount


class PublicPaymentPayload(TypedDict, total=False):
    """``pay_public_charge``: a card, as a payer's browser sends it."""

    card_number: str
    card_name: str
    card_expiry_month: str
    card_expiry_year: str
    card_cvv: str
    payer_tax_id: str
    device_info: DeviceInfo
