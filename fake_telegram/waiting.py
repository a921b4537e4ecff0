"""Waiting for the bot's answers in a chat, on the chat's Notifier (no polling loops)."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Mapping

from .models import Call, ChatState


def _dump(chat: ChatState, limit: int = 8) -> str:
    if not chat.calls:
        return "  (the bot made no calls for this chat)"
    return "\n".join(f"  {call.describe()}" for call in chat.calls[-limit:])


async def wait_actions(
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
        reached = await chat.notifier.wait_until(
            lambda: len(chat.actions) - start >= expect, timeout
        )
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

        if await chat.notifier.wait_until(moved, settle):
            continue
        if chat.inflight == 0:
            break
        # A call still in flight (e.g. an injected hang) may yet produce an action.
        await chat.notifier.wait_until(
            lambda: chat.inflight == 0, max(0.0, hard_deadline - loop.time())
        )
    return chat.actions[start:]


async def wait_handled(
    chat: ChatState,
    start: int,
    handled: Counter[int],
    targets: Mapping[int, int],
    *,
    expect: int,
    timeout: float,
) -> list[Call]:
    """Actions in ``chat`` after ``start`` once the bot reported every update in ``targets``
    handled (``targets[id]`` times, duplicates count) and ``expect`` actions came.

    No quiet period: the bot's own signal says when it is done. Sends it makes later on its
    own (jobs, album answers, broadcasts) need an explicit wait."""

    def pending() -> list[int]:
        return [update_id for update_id, n in targets.items() if handled[update_id] < n]

    def done() -> bool:
        return not pending() and len(chat.actions) - start >= expect

    if not await chat.notifier.wait_until(done, timeout):
        got = len(chat.actions) - start
        waiting = pending()
        reason = (
            f"update(s) {waiting} not reported handled by the bot"
            if waiting
            else f"{expect} bot action(s) expected, got {got}"
        )
        raise AssertionError(
            f"timed out after {timeout}s in chat {chat.id}: {reason}. "
            f"Last calls for this chat:\n{_dump(chat)}"
        )
    return chat.actions[start:]
