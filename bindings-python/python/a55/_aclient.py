"""``a55.AsyncClient``: :class:`a55.Client`'s surface as coroutines (see ``_client.py``)."""

from __future__ import annotations

# Not typing.TYPE_CHECKING: importing typing costs more than the rest of `import a55`.
TYPE_CHECKING = False

from types import TracebackType

from ._a55 import Response, _Core
from ._base import _AsyncCharges, _await, _Base

if TYPE_CHECKING:
    from typing import AsyncIterator, Optional

    from ._a55 import DateLike
    from ._models import (
        Charge,
        ChargePage,
        CheckoutSession,
        PaymentLink,
        PublicCharge,
        Subscription,
        Wallet,
    )
    from ._payloads import (
        CapturePayload,
        ChargePayload,
        CheckoutPayload,
        PaymentLinkPayload,
        PixChargePayload,
        PublicPaymentPayload,
        RefundPayload,
        WalletPayload,
    )


class AsyncClient(_Base):
    """The A55 client for asyncio: the same methods as :class:`Client`, each a coroutine (one task
    on the SDK's runtime, no thread per call). ``async with a55.AsyncClient(...) as client:`` closes
    it at the end."""

    @classmethod
    def from_env(
        cls,
        environment: str = "core-manager",
        *,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
        validate: bool = True,
        today: Optional[DateLike] = None,
        allow_insecure_http: bool = False,
        pacing: bool = True,
        shared_store: Optional[str] = None,
    ) -> AsyncClient:
        """An async client configured from the environment (see :meth:`Client.from_env`)."""
        core = _Core.from_env(
            environment,
            timeout=timeout,
            deadline=deadline,
            max_retries=max_retries,
            validate=validate,
            today=today,
            allow_insecure_http=allow_insecure_http,
            pacing=pacing,
            shared_store=shared_store,
        )
        client: AsyncClient = cls._from_core(core)
        return client

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        t: Optional[type[BaseException]],
        e: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    async def aclose(self) -> None:
        """``close()``, awaitable."""
        self.close()

    async def create_wallet(
        self,
        payload: WalletPayload,
        *,
        idempotency_key: Optional[str] = None,
        idempotency_from: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
        skip_validation: bool = False,
    ) -> Response[Wallet]:
        """Creates a wallet (``create_credentials=True`` answers its own client id and secret)."""
        return await _await(
            self._c.start(
                "create_wallet",
                None,
                payload,
                idempotency_key,
                idempotency_from,
                timeout,
                deadline,
                max_retries,
                skip_validation,
                None,
            )
        )

    async def get_wallet(
        self,
        *,
        wallet_uuid: Optional[str] = None,
        email: Optional[str] = None,
        customer_id: Optional[str] = None,
        currency: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
    ) -> Response[Wallet]:
        """Finds a wallet by id, email or customer id."""
        args = {
            "wallet_uuid": wallet_uuid,
            "email": email,
            "customer_id": customer_id,
            "currency": currency,
        }
        return await _await(
            self._c.start(
                "get_wallet", args, None, None, None, timeout, deadline, max_retries, False, None
            )
        )

    async def create_charge(
        self,
        payload: ChargePayload,
        *,
        idempotency_key: Optional[str] = None,
        idempotency_from: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
        skip_validation: bool = False,
    ) -> Response[Charge]:
        """Creates a card, boleto or other charge. Validated first: an invalid payload raises
        ``ValidationError`` and sends nothing. A declined card is a result (status ``error``)."""
        return await _await(
            self._c.start(
                "create_charge",
                None,
                payload,
                idempotency_key,
                idempotency_from,
                timeout,
                deadline,
                max_retries,
                skip_validation,
                None,
            )
        )

    async def create_pix_charge(
        self,
        payload: PixChargePayload,
        *,
        idempotency_key: Optional[str] = None,
        idempotency_from: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
        skip_validation: bool = False,
    ) -> Response[Charge]:
        """Creates a PIX charge; ``data.pix_payload`` holds the BR Code and its QR image."""
        return await _await(
            self._c.start(
                "create_pix_charge",
                None,
                payload,
                idempotency_key,
                idempotency_from,
                timeout,
                deadline,
                max_retries,
                skip_validation,
                None,
            )
        )

    async def create_subscription(
        self,
        payload: ChargePayload,
        *,
        idempotency_key: Optional[str] = None,
        idempotency_from: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
        skip_validation: bool = False,
    ) -> Response[Charge]:
        """Creates a subscription: a card charge with a ``subscription`` object; the answer is its
        first charge."""
        return await _await(
            self._c.start(
                "create_subscription",
                None,
                payload,
                idempotency_key,
                idempotency_from,
                timeout,
                deadline,
                max_retries,
                skip_validation,
                None,
            )
        )

    async def get_charge(
        self,
        *,
        charge_uuid: str,
        wallet_uuid: str,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
    ) -> Response[Charge]:
        """Reads a charge."""
        args = {"charge_uuid": charge_uuid, "wallet_uuid": wallet_uuid}
        return await _await(
            self._c.start(
                "get_charge", args, None, None, None, timeout, deadline, max_retries, False, None
            )
        )

    async def list_charges(
        self,
        *,
        wallet_uuid: str,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        status: Optional[str] = None,
        date_start: Optional[str] = None,
        date_end: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
    ) -> Response[ChargePage]:
        """One page of a wallet's charges."""
        args = {
            "wallet_uuid": wallet_uuid,
            "page": page,
            "limit": limit,
            "status": status,
            "date_start": date_start,
            "date_end": date_end,
        }
        return await _await(
            self._c.start(
                "list_charges", args, None, None, None, timeout, deadline, max_retries, False, None
            )
        )

    def list_all_charges(
        self,
        *,
        wallet_uuid: str,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        status: Optional[str] = None,
        date_start: Optional[str] = None,
        date_end: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
    ) -> AsyncIterator[Charge]:
        """Every charge of a wallet, fetched a page at a time as you iterate (``async for``) (from ``page``)."""
        args = {
            "wallet_uuid": wallet_uuid,
            "page": page,
            "limit": limit,
            "status": status,
            "date_start": date_start,
            "date_end": date_end,
        }
        return _AsyncCharges(self._c.pages(args, timeout, deadline, max_retries))

    async def refund_charge(
        self,
        payload: Optional[RefundPayload] = None,
        *,
        charge_uuid: str,
        wallet_uuid: str,
        idempotency_key: Optional[str] = None,
        idempotency_from: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
        skip_validation: bool = False,
    ) -> Response[Charge]:
        """Refunds a charge: the whole of it, or ``{"amount": ...}``."""
        args = {"charge_uuid": charge_uuid, "wallet_uuid": wallet_uuid}
        return await _await(
            self._c.start(
                "refund_charge",
                args,
                payload,
                idempotency_key,
                idempotency_from,
                timeout,
                deadline,
                max_retries,
                skip_validation,
                None,
            )
        )

    async def cancel_charge(
        self,
        *,
        charge_uuid: str,
        wallet_uuid: str,
        reason: Optional[str] = None,
        idempotency_key: Optional[str] = None,
        idempotency_from: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
    ) -> Response[Charge]:
        """Cancels a charge that is not paid yet."""
        args = {"charge_uuid": charge_uuid, "wallet_uuid": wallet_uuid, "reason": reason}
        return await _await(
            self._c.start(
                "cancel_charge",
                args,
                None,
                idempotency_key,
                idempotency_from,
                timeout,
                deadline,
                max_retries,
                False,
                None,
            )
        )

    async def capture_charge(
        self,
        payload: Optional[CapturePayload] = None,
        *,
        charge_uuid: str,
        wallet_uuid: str,
        idempotency_key: Optional[str] = None,
        idempotency_from: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
        skip_validation: bool = False,
    ) -> Response[Charge]:
        """Captures a charge created with ``capture=False``: the whole of it, or ``{"amount": ...}``."""
        args = {"charge_uuid": charge_uuid, "wallet_uuid": wallet_uuid}
        return await _await(
            self._c.start(
                "capture_charge",
                args,
                payload,
                idempotency_key,
                idempotency_from,
                timeout,
                deadline,
                max_retries,
                skip_validation,
                None,
            )
        )

    async def wait_for_charge(
        self,
        *,
        charge_uuid: str,
        wallet_uuid: str,
        max_wait: Optional[float] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
    ) -> Response[Charge]:
        """Polls a charge until it settles or ``max_wait`` seconds pass (default 60)."""
        args = {"charge_uuid": charge_uuid, "wallet_uuid": wallet_uuid}
        return await _await(
            self._c.start(
                "wait_for_charge",
                args,
                None,
                None,
                None,
                timeout,
                deadline,
                max_retries,
                False,
                max_wait,
            )
        )

    async def get_subscription(
        self,
        *,
        subscription_uuid: str,
        wallet_uuid: str,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
    ) -> Response[Subscription]:
        """Reads a subscription."""
        args = {"subscription_uuid": subscription_uuid, "wallet_uuid": wallet_uuid}
        return await _await(
            self._c.start(
                "get_subscription",
                args,
                None,
                None,
                None,
                timeout,
                deadline,
                max_retries,
                False,
                None,
            )
        )

    async def cancel_subscription(
        self,
        *,
        subscription_uuid: str,
        wallet_uuid: str,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
    ) -> Response[Subscription]:
        """Cancels a subscription (a ``DELETE``: no idempotency key)."""
        args = {"subscription_uuid": subscription_uuid, "wallet_uuid": wallet_uuid}
        return await _await(
            self._c.start(
                "cancel_subscription",
                args,
                None,
                None,
                None,
                timeout,
                deadline,
                max_retries,
                False,
                None,
            )
        )

    async def create_checkout(
        self,
        payload: CheckoutPayload,
        *,
        idempotency_key: Optional[str] = None,
        idempotency_from: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
        skip_validation: bool = False,
    ) -> Response[CheckoutSession]:
        """Creates a hosted checkout session; send the payer to ``data.checkout_url``."""
        return await _await(
            self._c.start(
                "create_checkout",
                None,
                payload,
                idempotency_key,
                idempotency_from,
                timeout,
                deadline,
                max_retries,
                skip_validation,
                None,
            )
        )

    async def create_payment_link(
        self,
        payload: PaymentLinkPayload,
        *,
        idempotency_key: Optional[str] = None,
        idempotency_from: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
        skip_validation: bool = False,
    ) -> Response[PaymentLink]:
        """Creates a payment link (a reusable hosted page)."""
        return await _await(
            self._c.start(
                "create_payment_link",
                None,
                payload,
                idempotency_key,
                idempotency_from,
                timeout,
                deadline,
                max_retries,
                skip_validation,
                None,
            )
        )

    async def get_public_charge(
        self,
        *,
        charge_uuid: str,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
    ) -> Response[PublicCharge]:
        """Reads a charge through the public endpoint (no credentials needed)."""
        return await _await(
            self._c.start(
                "get_public_charge",
                {"charge_uuid": charge_uuid},
                None,
                None,
                None,
                timeout,
                deadline,
                max_retries,
                False,
                None,
            )
        )

    async def pay_public_charge(
        self,
        payload: PublicPaymentPayload,
        *,
        charge_uuid: str,
        idempotency_key: Optional[str] = None,
        idempotency_from: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
        skip_validation: bool = False,
    ) -> Response[Charge]:
        """Pays a charge with a card, as a payer's browser would (no credentials needed)."""
        return await _await(
            self._c.start(
                "pay_public_charge",
                {"charge_uuid": charge_uuid},
                payload,
                idempotency_key,
                idempotency_from,
                timeout,
                deadline,
                max_retries,
                skip_validation,
                None,
            )
        )
