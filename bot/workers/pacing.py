"""Pacing shared by the broadcast workers: the rate, one message a second per chat, 429s."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from datetime import timedelta
from typing import Protocol

from aiolimiter import AsyncLimiter
from telegram import Bot

from bot.context import Services

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=30)  # a broadcast's lease, renewed while it is being sent
PER_CHAT = 1.0  # seconds between two messages to one chat


class Lane(Protocol):
    """What one broadcast's run needs from the lane that sends it."""

    services: Services
    bot: Bot
    owner: str
    rate: float
    width: int
    pacer: Pacer
    stopping: asyncio.Event


def lane_width(rate: float, inflight: int | None = None) -> int:
    """Sends in flight: enough to keep `rate` up at ~250 ms Telegram latency, never thousands.

    `inflight` (BROADCAST_INFLIGHT) overrides it: 1 makes a crash resend at most one notice
    in total, at the price of a rate bounded by one Telegram round trip plus one commit.
    """
    if inflight:
        return inflight
    return max(2, min(16, math.ceil(rate / 4)))


def seconds_of(value: int | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


async def sleep_unless(event: asyncio.Event, seconds: float) -> bool:
    """Sleep up to `seconds`; True if `event` was set (meanwhile or before).

    Not `asyncio.wait_for`: on Python 3.11 it swallows a cancellation that arrives as the event
    is set, and the worker being stopped then sleeps on for ever (seen in the tests).
    """
    if seconds > 0 and not event.is_set():
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await event.wait()
    return event.is_set()


class Pacer:
    """BROADCAST_RATE overall, at most one message a second per chat, and Telegram's 429 pauses.

    The limiter is a leaky bucket that drains at `rate` per second and holds two sends
    (`AsyncLimiter(2, 2/rate)`). With room for one, every late wake-up of the event loop was
    lost for good (the bucket cannot drain below empty) and the lane ran at 0.93 of the rate;
    room for two lets it catch up, at the price of at most one send over `rate` in any
    1-second window (a bucket of `rate` with a 1-second period, aiolimiter's usual shape,
    would allow twice the rate).
    """

    def __init__(self, rate: float) -> None:
        self.limiter = AsyncLimiter(2, 2 / rate)
        self.resume_at = 0.0
        self._last: dict[int, float] = {}

    @property
    def paused(self) -> bool:
        return asyncio.get_running_loop().time() < self.resume_at

    def pause(self, seconds: float) -> None:
        """Telegram said 429: the whole lane waits (the bot's replies to artisans do not)."""
        now = asyncio.get_running_loop().time()
        self.resume_at = max(self.resume_at, now + seconds)
        log.warning("broadcast lane paused for %.1fs (429 from Telegram)", seconds)

    async def slot(self, chat_id: int, halt: asyncio.Event) -> bool:
        """Wait for this send's turn; False if `halt` was set meanwhile."""
        loop = asyncio.get_running_loop()
        while not halt.is_set():
            last = self._last.get(chat_id)
            start = max(self.resume_at, last + PER_CHAT if last is not None else 0.0)
            if start > loop.time():
                await sleep_unless(halt, start - loop.time())
                continue
            await self.limiter.acquire()
            now = loop.time()
            if now >= self.resume_at:  # else a 429 arrived while we queued: wait it out
                self._mark(chat_id, now)
                return True
        return False

    def _mark(self, chat_id: int, now: float) -> None:
        self._last[chat_id] = now
        if len(self._last) > 4096:
            self._last = {c: t for c, t in self._last.items() if now - t < PER_CHAT}
