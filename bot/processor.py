"""Updates of one user in order, different users concurrently."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.storage.db import Rank, gate_rank

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
        self._holding: set[int] = set()  # users whose run of updates holds a slot
        self._arrived: dict[int, float] = {}  # update_id -> loop time it reached us
        # Called with each update once handling it (and the sends it awaited) has ended;
        # end-to-end tests wait on this instead of on quiet.
        self.finished: list[Callable[[object], None]] = []

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        arrival = update.update_id if isinstance(update, Update) else None
        if arrival is not None:
            self._arrived[arrival] = asyncio.get_running_loop().time()
        try:
            await self._process(update, coroutine)
        finally:
            if arrival is not None:
                self._arrived.pop(arrival, None)
        for listener in self.finished:
            listener(update)

    async def _process(self, update: object, coroutine: Awaitable[Any]) -> None:
        """One user's updates one after another; a run of them takes one of the slots once.

        Had each update queued for a slot afresh, the three parts of an album would each wait
        behind every other artisan's update in turn: three waits in line instead of one. For
        the same reason the run's later updates go first to SQLite's writer (`Rank.CONTINUING`).
        """
        key = _key(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                continuing = key in self._holding
                if not continuing:
                    await self._slots.acquire()
                    self._holding.add(key)
                token = gate_rank.set(Rank.CONTINUING if continuing else Rank.NEW)
                try:
                    await coroutine
                finally:
                    gate_rank.reset(token)
        finally:
            self._waiting[key] -= 1
            if self._waiting[key] == 0:  # the run is over: the slot goes to the next user
                del self._waiting[key]
                del self._locks[key]
                if key in self._holding:
                    self._holding.discard(key)
                    self._slots.release()

    def waited(self, update: object) -> float:
        """Seconds since this update, being handled now, reached the processor."""
        if not isinstance(update, Update) or update.update_id not in self._arrived:
            return 0.0
        return asyncio.get_running_loop().time() - self._arrived[update.update_id]

    def queued(self, user_id: int) -> int:
        """This user's updates being handled or waiting here."""
        return self._waiting.get(user_id, 0)

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
