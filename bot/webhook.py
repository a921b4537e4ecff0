"""The webhook's HTTP server: only Telegram, with the shared secret, and only small bodies.

PTB's own server (`Updater.start_webhook`) compares the secret header with `!=`, which returns
sooner the earlier the first wrong character is, and reads bodies up to tornado's default of
100 MB before looking at them. This one takes the same route (tornado, `Update.de_json`, the
application's update queue) through public APIs only, and refuses before reading the body:
a missing or wrong secret (compared in constant time) gets 403, a body over `MAX_BODY` 413.
"""

from __future__ import annotations

import hmac
import json
import logging
import time
from http import HTTPStatus
from typing import Any

import tornado.web
from telegram import Update
from telegram.ext import ExtBot
from tornado.httpserver import HTTPServer

from bot.context import BotApp

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram's updates are a few KB (a 4,096-character message with entities is under 40 KB).
MAX_BODY = 256 * 1024
# Refusals are counted and reported at most this often, so forged requests cannot flood the log.
REPORT_EVERY = 60.0


class Refusals:
    """How many requests were refused since the last report, and one log line per interval."""

    def __init__(self) -> None:
        self.counts: dict[int, int] = {}
        self.reported = 0.0

    def add(self, status: int, remote_ip: str | None) -> None:
        self.counts[status] = self.counts.get(status, 0) + 1
        now = time.monotonic()
        if now - self.reported >= REPORT_EVERY:
            summary = ", ".join(f"{n} × {code}" for code, n in sorted(self.counts.items()))
            log.warning("webhook refused requests (%s); the last from %s", summary, remote_ip)
            self.counts.clear()
            self.reported = now


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    """One POST from Telegram: checked before the body is read, then queued for the bot."""

    SUPPORTED_METHODS = ("POST",)

    def initialize(self, app: BotApp, secret: bytes, refusals: Refusals) -> None:
        self.app = app
        self.secret = secret
        self.refusals = refusals
        self.chunks: list[bytes] = []
        self.size = 0

    def prepare(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, self.secret):
            self.refuse(HTTPStatus.FORBIDDEN)
            return
        length = self.request.headers.get("Content-Length", "")
        if length.isascii() and length.isdigit() and int(length) > MAX_BODY:
            self.refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    def data_received(self, chunk: bytes) -> None:
        if self._finished:
            return  # refused already; tornado drops the rest of the connection
        self.size += len(chunk)
        if self.size > MAX_BODY:  # sent chunked, so no Content-Length said so up front
            self.chunks.clear()
            self.refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            return
        self.chunks.append(chunk)

    def refuse(self, status: HTTPStatus) -> None:
        """Answer `status` now; tornado closes the connection without reading the rest."""
        self.refusals.add(status.value, self.request.remote_ip)
        self.send_error(status.value)

    async def post(self) -> None:
        if self._finished:
            return
        try:
            data = json.loads(b"".join(self.chunks))
            update = Update.de_json(data, self.app.bot) if isinstance(data, dict) else None
        except Exception:  # anything unparsable is the sender's fault, not ours
            update = None
        if update is None:
            self.refuse(HTTPStatus.BAD_REQUEST)
            return
        if isinstance(self.app.bot, ExtBot):
            self.app.bot.insert_callback_data(update)
        await self.app.update_queue.put(update)
        self.finish()

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        # A refused body is left unread, so tornado drops the connection after this answer;
        # saying so keeps the client from sending its next request into a closed socket.
        self.set_header("Connection", "close")
        self.finish()  # an empty body: nothing to tell a stranger


class _App(tornado.web.Application):
    def log_request(self, handler: tornado.web.RequestHandler) -> None:
        pass  # one line per update would log every artisan's activity


class WebhookServer:
    """Listen on `listen:port` at `path`; `stop()` closes the socket and open connections."""

    def __init__(self, app: BotApp, secret: str, path: str) -> None:
        self.refusals = Refusals()
        route = "/" + path.strip("/")
        handler_args = {"app": app, "secret": secret.encode(), "refusals": self.refusals}
        web = _App([(rf"{route}/?", UpdateHandler, handler_args)])
        # The size check is the handler's (413); tornado's own limit only backs it up.
        # Short timeouts: a client trickling a body or idling cannot hold connections for long.
        self._http = HTTPServer(
            web,
            max_body_size=4 * MAX_BODY,
            xheaders=True,
            idle_connection_timeout=75,
            body_timeout=30,
        )

    def start(self, listen: str, port: int) -> None:
        self._http.listen(port, address=listen)

    async def stop(self) -> None:
        self._http.stop()
        await self._http.close_all_connections()
