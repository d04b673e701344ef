"""A test kit: the A55 emulator for your own tests, with nothing else to install.

The emulator (a stateful, fault-injecting A55 API: wallets, charges, PIX, subscriptions, checkout,
refunds, webhooks) is linked into this package's extension and serves on 127.0.0.1 from its own
threads, so your tests talk to it over real HTTP::

    import a55.testing

    def test_checkout():
        with a55.testing.Emulator() as emu:
            client = emu.client()
            res = client.create_charge({...})
            assert res.data.status == "confirmed"

With pytest, the fixture ``a55_emulator`` (this package's pytest plugin, loaded automatically) is an
:class:`Emulator` started for the test. Known data: the wallet :data:`WALLET` of the merchant
:data:`MERCHANT` of the entity :data:`ENTITY`; cards ending in 0, 1 or 4 are approved, 2, 3, 5, 6,
7 and 8 declined (docs/emulator.md in the SDK's repository lists every rule).
"""

from __future__ import annotations

import json
import urllib.request
from types import TracebackType
from typing import TYPE_CHECKING, Any, Optional

from ._a55 import _EmulatorServer
from ._aclient import AsyncClient
from ._client import Client

if TYPE_CHECKING:
    from ._a55 import DateLike

ENTITY = "550e8400-e29b-41d4-a716-446655440000"
"""The entity the emulator's platform credentials act for."""
WALLET = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
"""A BRL wallet that exists from the start."""
MERCHANT = "11111111-1111-1111-1111-111111111111"
"""The merchant of :data:`WALLET`."""
APPROVED_CARD = "4024007153763191"
"""A card number the emulator approves."""
DECLINED_CARD = "4024007153763122"
"""A card number the emulator declines (return code 05)."""


_KIT_DEFAULT: Any = object()


class Emulator:
    """An emulator on 127.0.0.1, with its URL, credentials and configured clients.

    The options are the kit's, the same in every language (docs/emulator.md, "The test kit"):
    ``rate_limit`` (0, off, by default), ``rate_window_secs`` (60: A55's rolling window, shorter to
    compress a minute), ``today`` (a ``datetime.date`` or ``YYYY-MM-DD``), ``faults``
    (a seeded plan for every request, ``"500=0.1,reset_after=0.05"``), ``seed``, ``fast_webhooks``
    (True), ``settle_delay_ms`` (5000; ``None``: a captured charge turns ``paid`` only by
    :meth:`settle`), ``client_id``, ``client_secret``, ``webhook_secret``, ``token_ttl_secs``,
    ``port`` (0: any free port). An unknown option is a ``ConfigurationError`` naming it.
    """

    def __init__(
        self,
        *,
        today: Optional[DateLike] = None,
        rate_limit: Optional[int] = None,
        rate_window_secs: Optional[int] = None,
        faults: Optional[str] = None,
        seed: Optional[int] = None,
        fast_webhooks: Optional[bool] = None,
        settle_delay_ms: Optional[int] = _KIT_DEFAULT,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        webhook_secret: Optional[str] = None,
        token_ttl_secs: Optional[int] = None,
        port: Optional[int] = None,
    ) -> None:
        options: dict[str, Any] = {
            name: value
            for name, value in (
                ("today", today),
                ("rate_limit", rate_limit),
                ("rate_window_secs", rate_window_secs),
                ("faults", faults),
                ("seed", seed),
                ("fast_webhooks", fast_webhooks),
                ("client_id", client_id),
                ("client_secret", client_secret),
                ("webhook_secret", webhook_secret),
                ("token_ttl_secs", token_ttl_secs),
                ("port", port),
            )
            if value is not None
        }
        if settle_delay_ms is not _KIT_DEFAULT:
            options["settle_delay_ms"] = settle_delay_ms
        self._server = _EmulatorServer(options)
        self._today = today

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``: the API's base URL."""
        return self._server.base_url

    @property
    def token_url(self) -> str:
        """The OAuth2 token URL."""
        return f"{self.url}/oauth2/token"

    @property
    def client_id(self) -> str:
        """The platform client id."""
        return self._server.client_id

    @property
    def client_secret(self) -> str:
        """The platform client secret."""
        return self._server.client_secret

    @property
    def webhook_secret(self) -> str:
        """The secret the emulator signs webhooks with."""
        return self._server.webhook_secret

    def _settings(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        settings: dict[str, Any] = {
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "base_url": self.url,
            "token_url": self.token_url,
        }
        if self._today is not None:
            settings["today"] = self._today
        settings.update(kwargs)
        return settings

    def client(self, **kwargs: Any) -> Client:
        """A :class:`a55.Client` for this emulator (keyword arguments override its settings)."""
        return Client(**self._settings(kwargs))

    def async_client(self, **kwargs: Any) -> AsyncClient:
        """An :class:`a55.AsyncClient` for this emulator."""
        return AsyncClient(**self._settings(kwargs))

    def control(self, path: str, body: Optional[dict[str, Any]] = None) -> Any:
        """Calls a control endpoint (``/_emulator/...``): a POST with ``body``, else a GET."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.url}/_emulator/{path.lstrip('/')}",
            data=data,
            headers={"content-type": "application/json"},
            method="GET" if body is None else "POST",
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            text = answer.read()
        return json.loads(text) if text else None

    def queue_faults(self, *faults: str) -> None:
        """Fails the next API requests, one fault each: ``"500"``, ``"503"``, ``"429"``,
        ``"delay:MS"``, ``"reset_before"`` (nothing happened) or ``"reset_after"`` (processed, then
        the connection reset: the outcome is unknown to the client)."""
        self.control("faults", {"faults": list(faults)})

    def settle(self, charge_uuid: str) -> Any:
        """Settles a captured charge (``confirmed`` → ``paid``)."""
        return self.control(f"charges/{charge_uuid}/settle", {})

    def pay_pix(self, charge_uuid: str) -> Any:
        """Pays a PIX charge, as the payer's bank would."""
        return self.control(f"pix/{charge_uuid}/pay", {})

    def webhooks(self) -> Any:
        """The webhook deliveries so far."""
        return self.control("webhooks")

    @property
    def running(self) -> bool:
        """Whether it still serves."""
        return self._server.running

    def stop(self) -> None:
        """Stops it (idempotent)."""
        self._server.stop()

    def __enter__(self) -> Emulator:
        return self

    def __exit__(
        self,
        t: Optional[type[BaseException]],
        e: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"Emulator(url={self.url!r}, running={self.running})"


__all__ = [
    "APPROVED_CARD",
    "DECLINED_CARD",
    "ENTITY",
    "MERCHANT",
    "WALLET",
    "Emulator",
]
