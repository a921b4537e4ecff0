"""The HTTP client PTB talks to the Bot API with: aiohttp instead of PTB's default httpx.

Measured (docs/benchmarks.md): with 64 updates in flight, PTB's default `HTTPXRequest` costs
about 9 ms of CPU per answered update, most of it in httpcore scanning every pooled connection
on every request (encode/httpcore#928); aiohttp's connector keeps idle connections per host and
costs about a fifth of that. The contract is PTB's `BaseRequest` (as in ptbcontrib's
`AiohttpRequest`): bytes in, status and bytes out, timeouts mapped to `TimedOut` and transport
failures to `NetworkError`, so retries and error handling stay PTB's.
"""

from __future__ import annotations

import urllib.request

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

# PTB's HTTPXRequest defaults, kept so timeouts behave as before the switch.
READ_TIMEOUT = 5.0
CONNECT_TIMEOUT = 5.0
POOL_TIMEOUT = 1.0
_HEADERS = {"User-Agent": BaseRequest.USER_AGENT}
_JSON_HEADERS = {**_HEADERS, "Content-Type": "application/json"}


class AiohttpRequest(BaseRequest):
    """A `BaseRequest` on one `aiohttp.ClientSession`, created on `initialize()`.

    `pool_size` bounds connections (as `connection_pool_size` does for HTTPXRequest); a request
    that waits longer than the pool timeout for one fails with `TimedOut` and was not sent.
    A proxy comes from HTTPS_PROXY, read at start, as with PTB's default client.
    """

    __slots__ = ("_pool_size", "_proxy", "_read_timeout", "_session")

    def __init__(self, pool_size: int = 128, read_timeout: float | None = READ_TIMEOUT) -> None:
        self._pool_size = pool_size
        self._read_timeout = read_timeout
        self._session: aiohttp.ClientSession | None = None
        # Read once: trust_env=True would re-read the environment and ~/.netrc (in a thread)
        # on every request.
        self._proxy = urllib.request.getproxies().get("https")

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                timeout=aiohttp.ClientTimeout(total=None),
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized")
        read = _given(read_timeout, self._read_timeout)
        connect = _given(connect_timeout, CONNECT_TIMEOUT)
        pool = _given(pool_timeout, POOL_TIMEOUT)
        # aiohttp has no per-write timeout (httpx's write_timeout); a stalled upload is bounded
        # by TCP itself, and no total is set so that large exports and downloads can finish.
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=None if pool is None or connect is None else pool + connect,
            sock_connect=connect,
            sock_read=read,
        )
        body = _body(request_data)
        try:
            async with self._session.request(
                method,
                url,
                data=body,
                headers=_JSON_HEADERS if isinstance(body, bytes) else _HEADERS,
                timeout=timeout,
                proxy=self._proxy,
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            if isinstance(exc, aiohttp.ConnectionTimeoutError):
                raise TimedOut("Timed out waiting for a connection to the Bot API") from exc
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc


def _given(value: ODVInput[float], default: float | None) -> float | None:
    return default if isinstance(value, DefaultValue) else value


def _body(request_data: RequestData | None) -> aiohttp.FormData | bytes | None:
    """A JSON body (the Bot API takes one; no per-character form encoding of long Hindi texts),
    or multipart form fields when there are files to upload."""
    if request_data is None or not request_data.parameters:
        return None
    if not request_data.multipart_data:
        return request_data.json_payload
    form = aiohttp.FormData(request_data.json_parameters)
    for name, part in request_data.multipart_data.items():
        filename, content = part[0], part[1]
        content_type = part[2] if len(part) > 2 else None
        form.add_field(name, content, filename=filename, content_type=content_type)
    return form
