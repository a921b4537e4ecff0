"""Concurrency: one user's updates in order (a run of them on one slot), SQLite's writer gate,
and a worker that must stop when told."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from telegram import Chat, Message, Update, User

from bot.processor import PerUserUpdateProcessor


def update(update_id: int, user_id: int) -> Update:
    user = User(user_id, "U", is_bot=False)
    chat = Chat(user_id, "private")
    message = Message(update_id, datetime.now(UTC), chat, from_user=user, text="x")
    return Update(update_id, message=message)


async def test_a_users_queued_updates_run_back_to_back_on_one_slot() -> None:
    """An album's parts do not queue for a slot once each behind everyone else's updates."""
    processor = PerUserUpdateProcessor(max_concurrent_updates=1)
    order: list[str] = []
    gate = asyncio.Event()

    async def work(label: str, wait: bool = False) -> None:
        if wait:
            await gate.wait()
        order.append(label)

    tasks = [asyncio.create_task(processor.do_process_update(update(1, 10), work("a1", True)))]
    await asyncio.sleep(0)
    tasks.append(asyncio.create_task(processor.do_process_update(update(2, 10), work("a2"))))
    tasks.append(asyncio.create_task(processor.do_process_update(update(3, 20), work("b1"))))
    tasks.append(asyncio.create_task(processor.do_process_update(update(4, 10), work("a3"))))
    await asyncio.sleep(0.01)
    assert processor.queued(10) == 3 and processor.queued(20) == 1
    gate.set()
    await asyncio.gather(*tasks)
    assert order == ["a1", "a2", "a3", "b1"]
    assert not processor.busy()


async def test_a_cancelled_waiting_update_gives_the_slot_back() -> None:
    processor = PerUserUpdateProcessor(max_concurrent_updates=1)
    gate = asyncio.Event()
    done: list[str] = []

    async def work(label: str, wait: bool = False) -> None:
        if wait:
            await gate.wait()
        done.append(label)

    first = asyncio.create_task(processor.do_process_update(update(1, 10), work("a1", True)))
    await asyncio.sleep(0)
    never = work("a2")
    second = asyncio.create_task(processor.do_process_update(update(2, 10), never))
    await asyncio.sleep(0.01)
    second.cancel()
    never.close()  # cancelled while waiting its turn: it never ran
    gate.set()
    await first
    other = asyncio.create_task(processor.do_process_update(update(3, 20), work("b1")))
    await asyncio.wait_for(other, 1)
    assert done == ["a1", "b1"]
    assert not processor.busy()


async def test_waited_counts_from_the_update_reaching_the_processor() -> None:
    processor = PerUserUpdateProcessor(max_concurrent_updates=1)
    seen: list[float] = []
    held = update(1, 10)

    async def slow() -> None:
        await asyncio.sleep(0.1)

    async def measure() -> None:
        seen.append(processor.waited(late))

    late = update(2, 20)
    first = asyncio.create_task(processor.do_process_update(held, slow()))
    await asyncio.sleep(0)
    await processor.do_process_update(late, measure())
    await first
    assert seen[0] >= 0.09  # it waited for the only slot
    assert processor.waited(late) == 0.0  # forgotten once handled


async def test_the_writer_gate_lets_a_continuing_run_go_first_then_a_workers_round() -> None:
    from bot.storage.db import Rank, SessionGate, gate_rank

    gate = SessionGate()
    order: list[str] = []

    async def transaction(label: str, rank: Rank = Rank.NEW) -> None:
        gate_rank.set(rank)
        holder = await gate.acquire()
        order.append(label)
        await asyncio.sleep(0)
        gate.release(holder)

    held = await gate.acquire()  # held while the others queue
    tasks = [asyncio.create_task(transaction(label)) for label in ("b", "c")]
    tasks.append(asyncio.create_task(transaction("photos", Rank.BACKGROUND)))
    tasks.append(asyncio.create_task(transaction("a2", Rank.CONTINUING)))
    cancelled = asyncio.create_task(transaction("x", Rank.CONTINUING))
    await asyncio.sleep(0.01)
    cancelled.cancel()
    gate.release(held)
    await asyncio.gather(*tasks)
    assert order == ["a2", "photos", "b", "c"]


async def test_a_waiter_cancelled_as_the_gate_reaches_it_passes_the_gate_on() -> None:
    from bot.storage.db import SessionGate

    gate = SessionGate()

    async def session() -> None:
        gate.release(await gate.acquire())

    held = await gate.acquire()
    first = asyncio.create_task(gate.acquire())
    second = asyncio.create_task(session())
    await asyncio.sleep(0.01)
    gate.release(held)  # handed to `first`, which is cancelled before it runs
    first.cancel()
    await asyncio.wait_for(second, 1)  # so `second` gets it, and gives it back
    await asyncio.wait_for(gate.acquire(), 1)


async def test_a_gate_for_a_pool_holds_that_many_sessions_and_the_urgent_go_first() -> None:
    from bot.storage.db import Rank, SessionGate, gate_rank

    gate, release = SessionGate(capacity=2), asyncio.Event()
    order: list[str] = []

    async def session(label: str, urgent: bool = False) -> None:
        gate_rank.set(Rank.CONTINUING if urgent else Rank.NEW)
        outer = await gate.acquire()
        inner = await gate.acquire()  # nested in the same task: no second place taken
        order.append(label)
        await release.wait()
        gate.release(inner)
        gate.release(outer)

    holders = [asyncio.create_task(session(label)) for label in ("a", "b")]
    await asyncio.sleep(0.01)
    assert order == ["a", "b"]  # both in at once
    waiting = [asyncio.create_task(session("c")), asyncio.create_task(session("d", urgent=True))]
    await asyncio.sleep(0.01)
    assert order == ["a", "b"]  # the gate is full
    release.set()
    await asyncio.wait_for(asyncio.gather(*holders, *waiting), 1)
    assert order == ["a", "b", "d", "c"]


async def test_a_worker_stopped_as_it_is_woken_stops() -> None:
    """The photo worker sleeps on `sleep_unless`; cancelled just as its event is set, it must
    end (Python 3.11's wait_for swallowed that cancellation: the test run hung at a stop)."""
    from bot.workers.pacing import sleep_unless

    event = asyncio.Event()
    sleeper = asyncio.create_task(sleep_unless(event, 5))
    await asyncio.sleep(0)
    event.set()
    sleeper.cancel()
    with pytest.raises(asyncio.CancelledError):
        await sleeper
