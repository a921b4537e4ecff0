"""Event-driven waiting on the fake's state (no polling loops): the one primitive."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class Notifier:
    """Wakes its waiters whenever the state it watches changes.

    The fake has one for everything and one per chat: a user waiting for answers in their
    chat is woken only by calls for that chat, so hundreds of simulated users at once
    (benchmarks) do not each re-check on every call the bot makes.
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_until(self, predicate: Callable[[], bool], timeout: float) -> bool:
        """True as soon as ``predicate()`` holds, False if ``timeout`` passes first."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            async with asyncio.timeout_at(deadline):
                while not predicate():
                    await self._event.wait()
        except TimeoutError:
            return predicate()
        return True
