"""Updates of one user in order, different users concurrently."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

UNBOUNDED = 1_000_000


class PerUserUpdateProcessor(BaseUpdateProcessor):
    """Serialises updates per user (per chat for anonymous updates) inside this process.

    Across processes the same order is kept by a per-user lock in the database (see
    `bot.handlers.base`), so two instances behind one webhook cannot interleave a user's steps.
    """

    def __init__(self, max_concurrent_updates: int = 64) -> None:
        # PTB's own semaphore is taken before our per-user lock, so one user flooding us could
        # fill it with waiting updates; keep it loose and bound real work with our own below.
        super().__init__(UNBOUNDED)
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}
        # Called with each update once handling it (and the sends it awaited) has ended;
        # end-to-end tests wait on this instead of on quiet.
        self.finished: list[Callable[[object], None]] = []

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        await self._process(update, coroutine)
        for listener in self.finished:
            listener(update)

    async def _process(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _key(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock, self._slots:
                await coroutine
        finally:
            self._waiting[key] -= 1
            if self._waiting[key] == 0:
                del self._waiting[key]
                del self._locks[key]

    def busy(self, user_id: int | None = None) -> bool:
        """Is an update of this user (of anyone, without one) being handled or waiting here?"""
        return bool(self._waiting) if user_id is None else user_id in self._waiting

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def _key(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return update.effective_user.id
    return update.effective_chat.id if update.effective_chat else None
