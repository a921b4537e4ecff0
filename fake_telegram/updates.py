"""Update delivery: a getUpdates queue with long polling, or webhook POSTs."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections import Counter
from typing import Any

import aiohttp

from .errors import ApiError
from .models import JSONDict, QueuedUpdate, WebhookState
from .notifier import Notifier

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_CHAT_CARRIERS = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "business_message",
    "my_chat_member",
    "chat_member",
    "chat_join_request",
    "message_reaction",
)


def chat_key(update: Any) -> int | None:
    """The chat an update belongs to (webhook deliveries are ordered per chat)."""
    if not isinstance(update, dict):
        return None
    for key in _CHAT_CARRIERS:
        part = update.get(key)
        if isinstance(part, dict) and isinstance(part.get("chat"), dict):
            chat_id = part["chat"].get("id")
            return chat_id if isinstance(chat_id, int) else None
    query = update.get("callback_query")
    if isinstance(query, dict):
        message = query.get("message")
        if isinstance(message, dict) and isinstance(message.get("chat"), dict):
            chat_id = message["chat"].get("id")
            return chat_id if isinstance(chat_id, int) else None
        sender = query.get("from")
        if isinstance(sender, dict) and isinstance(sender.get("id"), int):
            return int(sender["id"])
    return None


class UpdateHub:
    """Owns pending updates and hands them to getUpdates or to the webhook."""

    def __init__(self, notifier: Notifier, *, retries: int = 3, retry_delay: float = 0.2) -> None:
        self.notifier = notifier
        self.retries = retries
        self.retry_delay = retry_delay
        self.pending: list[QueuedUpdate] = []
        self.history: list[QueuedUpdate] = []
        self.webhook = WebhookState()
        self.deliveries: list[tuple[int, int]] = []
        self.next_update_id = 100_000_001
        # Per update_id: times queued (duplicates count) and times the bot reported it handled.
        self.pushed: Counter[int] = Counter()
        self.handled: Counter[int] = Counter()
        self.chat_of: dict[int, int | None] = {}
        self.closing = False
        self._poll_generation = 0
        self._session: aiohttp.ClientSession | None = None
        self._tails: dict[int | None, asyncio.Task[None]] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    async def stop(self) -> None:
        self.closing = True
        self.notifier.notify()
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._session is not None:
            await self._session.close()
            self._session = None

    # -- queueing ---------------------------------------------------------------------------

    def push(self, update: JSONDict) -> int:
        if "update_id" not in update:
            update["update_id"] = self._new_id()
        else:
            self.next_update_id = max(self.next_update_id, int(update["update_id"]) + 1)
        body = json.dumps(update, ensure_ascii=False)
        return self._enqueue(QueuedUpdate(int(update["update_id"]), body, chat_key(update)))

    def push_raw(self, payload: str | bytes) -> int:
        body = payload.decode() if isinstance(payload, bytes) else payload
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
        update_id = parsed.get("update_id") if isinstance(parsed, dict) else None
        if not isinstance(update_id, int):
            update_id = self._new_id()
        return self._enqueue(QueuedUpdate(update_id, body, chat_key(parsed)))

    def duplicate_last(self) -> int:
        if not self.history:
            raise AssertionError("no update was pushed yet, nothing to duplicate")
        last = self.history[-1]
        return self._enqueue(QueuedUpdate(last.update_id, last.body, last.chat_key, forced=True))

    def _new_id(self) -> int:
        update_id = self.next_update_id
        self.next_update_id += 1
        return update_id

    def _enqueue(self, queued: QueuedUpdate) -> int:
        self.pending.append(queued)
        self.history.append(queued)
        self.pushed[queued.update_id] += 1
        self.chat_of[queued.update_id] = queued.chat_key
        if self.webhook.url:
            self._schedule(queued)
        self.notifier.notify()
        return queued.update_id

    # -- getUpdates -------------------------------------------------------------------------

    async def get_updates(self, offset: int | None, limit: int | None, timeout: float) -> str:
        """JSON array text of the next updates, long-polling up to ``timeout`` seconds."""
        if self.webhook.url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        self._poll_generation += 1
        generation = self._poll_generation
        self._confirm(offset)
        limit = max(1, min(limit or 100, 100))
        await self.notifier.wait_until(
            lambda: (
                bool(self._available(offset))
                or self.closing
                or bool(self.webhook.url)
                or generation != self._poll_generation
            ),
            max(0, timeout),
        )
        if generation != self._poll_generation:
            raise ApiError(409)
        self._confirm(offset)
        batch = self._available(offset)[:limit]
        for queued in batch:
            queued.delivered = True
        return "[" + ",".join(queued.body for queued in batch) + "]"

    def _available(self, offset: int | None) -> list[QueuedUpdate]:
        if not offset or offset < 0:
            items = list(self.pending)
        else:
            items = [
                q for q in self.pending if q.update_id >= offset or (q.forced and not q.delivered)
            ]
        # Sorted so the bot's next offset (last id + 1) never skips back over fresh updates.
        return sorted(items, key=lambda q: q.update_id)

    def _confirm(self, offset: int | None) -> None:
        if not offset:
            return
        if offset < 0:
            self.pending = self.pending[offset:]
            return
        self.pending = [
            q for q in self.pending if q.update_id >= offset or (q.forced and not q.delivered)
        ]

    # -- webhook ----------------------------------------------------------------------------

    def set_webhook(self, state: WebhookState, drop_pending: bool) -> None:
        if drop_pending:
            self.pending.clear()
        self.webhook = state
        if state.url:
            for queued in list(self.pending):
                self._schedule(queued)
        self.notifier.notify()

    def delete_webhook(self, drop_pending: bool) -> None:
        if drop_pending:
            self.pending.clear()
        self.webhook = WebhookState()
        self.notifier.notify()

    def webhook_info(self) -> JSONDict:
        hook = self.webhook
        info: JSONDict = {
            "url": hook.url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.pending),
        }
        if hook.url:
            info["max_connections"] = hook.max_connections
            info["ip_address"] = hook.ip_address or "127.0.0.1"
            if hook.allowed_updates is not None:
                info["allowed_updates"] = hook.allowed_updates
            if hook.last_error_date is not None:
                info["last_error_date"] = hook.last_error_date
                info["last_error_message"] = hook.last_error_message
        return info

    def _schedule(self, queued: QueuedUpdate) -> None:
        previous = self._tails.get(queued.chat_key)
        task = asyncio.create_task(self._deliver_after(previous, queued))
        self._tails[queued.chat_key] = task
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _deliver_after(
        self, previous: asyncio.Task[None] | None, queued: QueuedUpdate
    ) -> None:
        if previous is not None and not previous.done():
            await asyncio.wait([previous])
        for attempt in range(self.retries + 1):
            hook = self.webhook
            if not hook.url or self.closing or not any(q is queued for q in self.pending):
                return
            status, error = await self._post(hook.url, queued.body, hook.secret)
            self.deliveries.append((queued.update_id, status))
            self.notifier.notify()
            if 200 <= status < 300:
                self.pending = [q for q in self.pending if q is not queued]
                self.notifier.notify()
                return
            hook.last_error_date = int(time.time())
            hook.last_error_message = error
            log.debug("webhook delivery of %s failed: %s", queued.update_id, error)
            if attempt < self.retries:
                await asyncio.sleep(self.retry_delay * (attempt + 1))

    async def _post(self, url: str, body: str, secret: str | None) -> tuple[int, str]:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        headers = {"Content-Type": "application/json"}
        if secret:
            headers[SECRET_HEADER] = secret
        try:
            async with self._session.post(url, data=body.encode(), headers=headers) as resp:
                await resp.read()
                return resp.status, f"Wrong response from the webhook: {resp.status} {resp.reason}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            return 0, f"Connection failed: {exc!r}"

    async def post_to_webhook(
        self, update: JSONDict, secret: str | None, url: str | None = None
    ) -> int:
        """POST one update straight to the webhook, bypassing the queue; returns the status."""
        target = url or self.webhook.url
        if not target:
            raise AssertionError("no webhook is set and no url was given")
        if "update_id" not in update:
            update["update_id"] = self._new_id()
        status, _ = await self._post(target, json.dumps(update, ensure_ascii=False), secret)
        return status
