"""Per-user flood control: a user far beyond human pace is slowed, and told so once."""

from __future__ import annotations

import time
from collections import deque

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.context import BotContext
from bot.outbox import unit_of_work
from bot.storage.queries import stored_locale


class FloodGuard:
    """Drops a user's updates beyond `limit` per `window` seconds (an album of 10 fits easily).

    Counting lives in process memory on purpose: it is protection, not conversation state, and
    each instance protecting itself is enough.
    """

    def __init__(self, limit: int = 30, window: float = 10.0) -> None:
        self.limit = limit
        self.window = window
        self._seen: dict[int, deque[float]] = {}
        self._warned: set[int] = set()

    def allow(self, user_id: int, now: float) -> bool:
        seen = self._seen.setdefault(user_id, deque())
        while seen and seen[0] <= now - self.window:
            seen.popleft()
        if len(self._seen) > 10_000:
            self._forget_idle(now)
        if len(seen) < self.limit:
            seen.append(now)
            self._warned.discard(user_id)
            return True
        return False

    def _forget_idle(self, now: float) -> None:
        for user_id in [u for u, s in self._seen.items() if not s or s[-1] <= now - self.window]:
            del self._seen[user_id]

    async def __call__(self, update: Update, context: BotContext) -> None:
        user = update.effective_user
        if user is None or self.allow(user.id, time.monotonic()):
            return
        if user.id not in self._warned:
            self._warned.add(user.id)
            await self._warn(user.id, context)
        raise ApplicationHandlerStop

    @staticmethod
    async def _warn(user_id: int, context: BotContext) -> None:
        # The warning is a courtesy; the throttling itself has already happened.
        async with unit_of_work(context.bot, context.services) as work:
            locale = await stored_locale(work.session, user_id)
            work.outbox.text(user_id, work.t(locale, "flood-slow-down"))
