"""FakeTelegram: an aiohttp Bot API server that a real PTB Application talks to."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from aiohttp import web

from .api_common import Handler, RawJSON
from .api_media import MEDIA_METHODS
from .api_messages import MESSAGE_METHODS
from .api_misc import MISC_METHODS
from .core import FakeCore
from .errors import ApiError
from .faults import FaultRule
from .models import ACTION_METHODS, Call, ChatState, JSONDict
from .params import decode_params, read_request
from .session import FakeChat
from .user import FakeUser

log = logging.getLogger(__name__)

HANDLERS: dict[str, Handler] = {**MISC_METHODS, **MESSAGE_METHODS, **MEDIA_METHODS}
_CANONICAL = {name.lower(): name for name in HANDLERS}
_JSON = "application/json"


class FakeTelegram(FakeCore):
    """A fake Bot API on ``host:port`` with chats, users, fault injection and waiting.

    Point PTB at it with ``base_url(f"{fake.url}/bot")`` and
    ``base_file_url(f"{fake.url}/file/bot")``. All state lives in plain dataclasses
    (:mod:`fake_telegram.models`) so other tools can inspect it.
    """

    def __init__(
        self,
        token: str = "123456:TEST-token",
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        bot_username: str = "odop_test_bot",
        bot_first_name: str = "ODOP Test Bot",
        settle: float = 0.08,
        webhook_retries: int = 3,
        webhook_retry_delay: float = 0.2,
    ) -> None:
        super().__init__(
            token,
            bot_username=bot_username,
            bot_first_name=bot_first_name,
            settle=settle,
            webhook_retries=webhook_retries,
            webhook_retry_delay=webhook_retry_delay,
        )
        self.host = host
        self.port = port
        self.users: dict[int, FakeUser] = {}
        # Called with every answered Call (e.g. to push bot output to a playground page).
        self.listeners: list[Callable[[Call], None]] = []
        self._runner: web.AppRunner | None = None
        self._next_user_id = 10_001
        self._next_group = 1

    # -- lifecycle --------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        # Cancelling handlers on disconnect ends abandoned long polls immediately.
        self._runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=1.0
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = site.port
        self.hub.closing = False

    async def stop(self) -> None:
        await self.hub.stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        """API root, e.g. ``http://127.0.0.1:PORT``."""
        return f"http://{self.host}:{self.port}"

    # -- HTTP -------------------------------------------------------------------------------

    @staticmethod
    def _reply(status: int, payload: Any) -> web.Response:
        return web.Response(status=status, text=json.dumps(payload), content_type=_JSON)

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return self._reply(401, ApiError(401).payload())
        raw, files, names = await read_request(request)
        name = request.match_info["method"]
        method = _CANONICAL.get(name.lower(), name)
        call = Call(method, decode_params(raw), time.monotonic(), files, names)
        chat = self.chat_of_call(call)
        call.chat_id = chat.id if chat is not None else None
        self.calls.append(call)
        if chat is not None:
            chat.calls.append(call)
            chat.activity += 1
            chat.inflight += 1
            chat.notifier.notify()
        self.notifier.notify()
        try:
            return await self._answer(request, call)
        except asyncio.CancelledError:
            call.status, call.error = 0, "request aborted by the client"
            raise
        finally:
            if chat is not None:
                chat.inflight -= 1
                chat.activity += 1
                if call.ok and method in ACTION_METHODS:
                    chat.actions.append(call)
                chat.notifier.notify()
            self.notifier.notify()
            for listener in list(self.listeners):
                try:
                    listener(call)
                except Exception:
                    log.exception("fake Telegram listener failed")

    async def _answer(self, request: web.Request, call: Call) -> web.StreamResponse:
        decision = self.faults.decide(call.method, call.chat_id)
        if decision is not None and decision.hang:
            await asyncio.sleep(decision.hang)
        if decision is not None and decision.drop:
            call.status, call.error = 0, "connection dropped (injected)"
            if request.transport is not None:
                request.transport.abort()
            return web.Response()
        error = decision.error if decision is not None else None
        if error is None:
            handler = HANDLERS.get(call.method)
            if handler is None:
                error = ApiError(404, "Not Found: method not found")
            else:
                try:
                    result = await handler(self, call)
                except ApiError as exc:
                    error = exc
                except Exception as exc:  # a bug in the fake must not look like a hang
                    log.exception("fake Telegram failed on %s", call.method)
                    error = ApiError(500, f"Internal Server Error: fake failed: {exc!r}")
        if error is not None:
            call.status, call.error = error.code, error.description
            return self._reply(error.code, error.payload())
        call.status, call.result = 200, result
        if isinstance(result, RawJSON):
            body = '{"ok":true,"result":' + result + "}"
            return web.Response(text=body, content_type=_JSON)
        return self._reply(200, {"ok": True, "result": result})

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return self._reply(401, ApiError(401).payload())
        stored = self.files_by_path.get(request.match_info["path"])
        if stored is None:
            return self._reply(404, ApiError(404).payload())
        return web.Response(
            body=stored.content, content_type=stored.mime_type or "application/octet-stream"
        )

    # -- inspection -------------------------------------------------------------------------

    def calls_of(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    @property
    def webhook_url(self) -> str | None:
        return self.hub.webhook.url or None

    @property
    def webhook_secret(self) -> str | None:
        return self.hub.webhook.secret if self.hub.webhook.url else None

    @property
    def webhook_deliveries(self) -> list[tuple[int, int]]:
        """(update_id, HTTP status) per webhook POST attempt; status 0 = connection failed."""
        return self.hub.deliveries

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
        """Wait until ``predicate()`` holds (re-checked on every call); AssertionError if not."""
        if not await self.notifier.wait_until(predicate, timeout):
            raise AssertionError(f"condition not met within {timeout}s")

    # -- faults -----------------------------------------------------------------------------

    def fail(
        self,
        method: str,
        *,
        error_code: int = 429,
        description: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
        chat_id: int | None = None,
        hang: float | None = None,
        drop: bool = False,
    ) -> FaultRule:
        """Make the next ``times`` calls of ``method`` ("*" = any) fail, hang or drop."""
        return self.faults.add(
            FaultRule(method, error_code, description, retry_after, times, chat_id, hang, drop)
        )

    def fail_ratio(
        self,
        ratio: float,
        *,
        kinds: Iterable[str] = ("429", "500", "hang", "drop"),
        seed: int = 0,
        methods: set[str] | None = None,
        hang_seconds: float = 2.0,
    ) -> None:
        """Fail a random (seeded) share of calls; ``fail_ratio(0)`` turns it off.

        Without ``methods`` startup/polling calls (getUpdates, getMe, setWebhook...) are spared.
        """
        self.faults.set_ratio(ratio, kinds, seed, methods, hang_seconds)

    def block(self, user_id: int, *, notify: bool = False) -> None:
        """The user blocks the bot: sends to them answer 403 from now on.

        ``notify=True`` also delivers the ``my_chat_member`` update Telegram sends.
        """
        chat = self.chats.get(user_id)
        if chat is None:
            raise AssertionError(f"unknown user {user_id}")
        chat.blocked = True
        if notify:
            self._push_member_update(user_id, "member", "kicked")

    def unblock(self, user_id: int, *, notify: bool = False) -> None:
        chat = self.chats.get(user_id)
        if chat is not None:
            chat.blocked = False
            if notify:
                self._push_member_update(user_id, "kicked", "member")

    def _push_member_update(self, user_id: int, old: str, new: str) -> None:
        user = self.users.get(user_id)
        who = user.to_dict() if user else {"id": user_id, "is_bot": False, "first_name": "?"}
        date = int(time.time())
        self.push_update(
            {
                "my_chat_member": {
                    "chat": self.chats[user_id].to_dict(),
                    "from": who,
                    "date": date,
                    "old_chat_member": {"status": old, "user": self.bot_user()},
                    "new_chat_member": {"status": new, "user": self.bot_user(), "until_date": 0}
                    if new == "kicked"
                    else {"status": new, "user": self.bot_user()},
                }
            }
        )

    # -- people and chats -------------------------------------------------------------------

    def user(
        self,
        user_id: int | None = None,
        first_name: str = "Ramesh",
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "hi",
    ) -> FakeUser:
        """A user with a private chat (id == user id); the same id returns the same user."""
        if user_id is None:
            while self._next_user_id in self.users:
                self._next_user_id += 1
            user_id = self._next_user_id
            self._next_user_id += 1
        if user_id in self.users:
            return self.users[user_id]
        chat = self.add_chat(
            ChatState(
                user_id, "private", first_name=first_name, last_name=last_name, username=username
            )
        )
        user = FakeUser(
            self,
            chat,
            first_name=first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        self.users[user_id] = user
        return user

    def group(
        self, title: str = "Potters group", *, supergroup: bool = False, chat_id: int | None = None
    ) -> FakeChat:
        """A group (negative id) the bot is a member of."""
        serial = self._next_group
        self._next_group += 1
        if chat_id is None:
            chat_id = -(1_001_000_000_000 + serial) if supergroup else -(4_000_000 + serial)
        kind = "supergroup" if supergroup else "group"
        return FakeChat(self, self.add_chat(ChatState(chat_id, kind, title=title)))

    def channel(
        self, title: str = "ODOP news", *, username: str | None = None, chat_id: int | None = None
    ) -> FakeChat:
        """A channel where the bot is an admin; ``user.send_in`` posts as the channel."""
        serial = self._next_group
        self._next_group += 1
        chat_id = chat_id if chat_id is not None else -(1_002_000_000_000 + serial)
        state = ChatState(chat_id, "channel", title=title, username=username)
        return FakeChat(self, self.add_chat(state))

    # -- updates ----------------------------------------------------------------------------

    def push_raw_json(self, payload: str | bytes) -> int:
        """Queue an update body verbatim (for malformed/odd payloads)."""
        return self.hub.push_raw(payload)

    def duplicate_last_update(self) -> int:
        """Re-deliver the last update with the same update_id (at-least-once delivery)."""
        return self.hub.duplicate_last()

    async def post_to_webhook(
        self, update: JSONDict, secret: str | None = None, *, url: str | None = None
    ) -> int:
        """POST ``update`` to the webhook (or ``url``) with ``secret``; returns the status."""
        return await self.hub.post_to_webhook(update, secret, url)
