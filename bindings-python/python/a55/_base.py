"""What ``a55.Client`` and ``a55.AsyncClient`` share: the constructor, ``close()``, the
properties, and the helpers that run a call and iterate pages."""

from __future__ import annotations

# Not typing.TYPE_CHECKING: importing typing costs more than the rest of `import a55`.
TYPE_CHECKING = False


from ._a55 import Response, _Call, _Core, _Pages

if TYPE_CHECKING:
    from typing import Any, Iterator, Optional

    from ._a55 import DateLike
    from ._models import Charge


async def _await(call: _Call) -> Response[Any]:
    import asyncio

    try:
        return await call.future()
    except asyncio.CancelledError as cancelled:
        # What the cancellation reports is core's rule: the unknown outcome of a write that had
        # begun, nothing when nothing can have changed.
        unknown = call.cancel()
        if unknown is not None:
            cancelled.__cause__ = unknown
        raise


def _charges(pages: _Pages) -> Iterator[Charge]:
    while True:
        charge = pages.next()
        if charge is None:
            return
        yield charge


class _AsyncCharges:
    """The async iterator of ``AsyncClient.list_all_charges``."""

    def __init__(self, pages: _Pages) -> None:
        self._pages = pages

    def __aiter__(self) -> _AsyncCharges:
        return self

    async def __anext__(self) -> Charge:
        charge: Optional[Charge] = await self._pages.next_async()
        if charge is None:
            raise StopAsyncIteration
        return charge


class _Base:
    """The constructor, ``from_env``, ``close`` and the properties both clients share."""

    _core: Optional[_Core]

    def __init__(
        self,
        *,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        access_token: Optional[str] = None,
        environment: str = "core-manager",
        base_url: Optional[str] = None,
        token_url: Optional[str] = None,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_retries: Optional[int] = None,
        validate: bool = True,
        today: Optional[DateLike] = None,
        allow_insecure_http: bool = False,
        pacing: bool = True,
        shared_store: Optional[str] = None,
    ) -> None:
        """A client. Credentials: ``client_id`` + ``client_secret`` (tokens fetched and refreshed
        for you) or ``access_token``; none for the public endpoints only. ``timeout`` (per
        attempt, 30 s) and ``deadline`` (per call, retries included, 60 s) are seconds.

        ``pacing`` (on): each call waits for a slot of A55's rate budget (100 requests a minute per
        ``client_id``, corrected by the server's headers) instead of drawing a 429, and fails at
        once, unsent, with :class:`RateLimitError` when the wait would not fit its deadline.
        ``shared_store="redis://host:port/db"`` (else ``A55_SHARED_STORE``) shares that budget and
        the access token with every process naming the same Redis; if Redis is down, calls go on
        with this process's budget and a warning on the ``a55`` logger.
        """
        self._core = _Core(
            client_id=client_id,
            client_secret=client_secret,
            access_token=access_token,
            environment=environment,
            base_url=base_url,
            token_url=token_url,
            timeout=timeout,
            deadline=deadline,
            max_retries=max_retries,
            validate=validate,
            today=today,
            allow_insecure_http=allow_insecure_http,
            pacing=pacing,
            shared_store=shared_store,
        )

    @classmethod
    def _from_core(cls, core: _Core) -> Any:
        client = cls.__new__(cls)
        client._core = core
        return client

    @property
    def _c(self) -> _Core:
        core = self._core
        if core is None:
            from ._a55 import ConfigurationError

            raise ConfigurationError("the client is closed", kind="configuration")
        return core

    @property
    def base_url(self) -> str:
        """The API base URL."""
        return self._c.base_url

    @property
    def token_requests(self) -> int:
        """How many token requests this client has made."""
        return self._c.token_requests

    @property
    def closed(self) -> bool:
        """Whether ``close()`` was called."""
        return self._core is None

    def close(self) -> None:
        """Releases the client's connections; calls made after raise ``ConfigurationError``."""
        self._core = None

    def __repr__(self) -> str:
        state = "closed" if self._core is None else repr(self._core.base_url)
        return f"{type(self).__name__}(base_url={state})"
