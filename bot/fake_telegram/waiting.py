"""Event-driven waiting on the fake's state (no polling loops)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from .models import Call, ChatState


class Notifier:
    """Wakes every waiter whenever the fake's state changes."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_until(self, predicate: Callable[[], bool], timeout: float) -> bool:
        """True as soon as ``predicate()`` holds, False if ``timeout`` passes first."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            try:
                await asyncio.wait_for(self._event.wait(), remaining)
            except TimeoutError:
                return predicate()
        return True


def _dump(chat: ChatState, limit: int = 8) -> str:
    if not chat.calls:
        return "  (the bot made no calls for this chat)"
    return "\n".join(f"  {call.describe()}" for call in chat.calls[-limit:])


async def wait_actions(
    notifier: Notifier,
    chat: ChatState,
    start: int,
    *,
    expect: int,
    timeout: float,
    settle: float,
) -> list[Call]:
    """Wait for ``expect`` successful actions after index ``start``, then for quiet."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    if expect > 0:
        reached = await notifier.wait_until(lambda: len(chat.actions) - start >= expect, timeout)
        if not reached:
            got = len(chat.actions) - start
            raise AssertionError(
                f"timed out after {timeout}s waiting for {expect} bot action(s) in chat "
                f"{chat.id}, got {got}. Last calls for this chat:\n{_dump(chat)}"
            )
    hard_deadline = max(deadline, loop.time() + settle) + settle
    while loop.time() < hard_deadline:
        mark = chat.activity

        def moved(mark: int = mark) -> bool:
            return chat.activity != mark

        if await notifier.wait_until(moved, settle):
            continue
        if chat.inflight == 0:
            break
        # A call still in flight (e.g. an injected hang) may yet produce an action.
        await notifier.wait_until(
            lambda: chat.inflight == 0, max(0.0, hard_deadline - loop.time())
        )
    return chat.actions[start:]
