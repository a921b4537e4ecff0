"""Sending one broadcast: pages of pending deliveries, a few senders, one recorder, a monitor.

**Duplicate window.** A delivery becomes `sent` in its own commit right after Telegram accepts it
(the recorder groups the results that arrive together into one transaction, and each sender
waits for its commit before taking the next recipient). A crash can therefore only resend the
deliveries that were in flight — accepted by Telegram, not yet committed. There are at most
`lane_width` of them and each is one recipient once: at most one duplicate per artisan per crash;
with sends 1/rate apart and a fast answer usually only one is in flight. A retried *read
timeout* is the same window without a crash (Telegram has no idempotency key).

**A field helper's delivery** is two messages to their chat: the notice exactly as artisans see
it, then, replying to it, whom to pass it on to. The delivery is `sent` when both went out; a
crash between them resends the pair (the same window, one notice more).
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError
from telegram import Bot, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.services.broadcast import (
    CANCELLED,
    DONE,
    FAILED,
    PENDING,
    SENDING,
    SENT,
    delivery_counts,
    send_notice,
)
from bot.storage.models import Artisan, Broadcast, Delivery, utcnow
from bot.workers.broadcast_jobs import Job, pass_on_texts, pending_page
from bot.workers.broadcast_progress import Progress
from bot.workers.pacing import LEASE, Lane, seconds_of, sleep_unless

log = logging.getLogger(__name__)

TICK = 3.0  # seconds between progress edits and lease renewals
MAX_TRIES = 4  # per delivery, for 5xx, timeouts and dropped connections
MAX_RATE_LIMITED = 10  # 429s for one delivery before it is recorded as failed
BACKOFF = 0.5  # first retry delay; doubles each time
WRITE_TRIES = 3


@dataclass(frozen=True)
class Outcome:
    job: Job
    state: str
    attempts: int
    error: str | None = None
    message_id: int | None = None
    unreachable: bool = False


class BroadcastRun:
    """One lease-holding pass over a broadcast, until nothing is pending or it is halted."""

    def __init__(self, lane: Lane, broadcast_id: int) -> None:
        self.lane = lane
        self.id = broadcast_id
        self.sessions = lane.services.sessions
        self.halt = asyncio.Event()
        self.ended: str | None = None  # "cancelled", "lost" (lease) or "error"
        self.results: asyncio.Queue[tuple[Outcome, asyncio.Future[None]]] = asyncio.Queue()
        self.text: str | None = None
        self.photo: str | None = None

    async def run(self) -> None:
        async with self.sessions() as session:
            broadcast = await session.get(Broadcast, self.id)
        if broadcast is None:
            return
        self.text, self.photo = broadcast.text, broadcast.photo_file_id
        self.progress = Progress(self.lane, broadcast)
        await self.progress.open()
        helpers = [
            asyncio.create_task(self._halt_on_stop()),
            asyncio.create_task(self._monitor()),
            asyncio.create_task(self._recorder()),
        ]
        try:
            while not self.halt.is_set() and await self._one_pass():
                pass
        finally:
            for task in helpers:
                task.cancel()
            await asyncio.gather(*helpers, return_exceptions=True)
        await self._finish()

    def cancel(self) -> None:
        """Cancelled in the database (by /cancelbroadcast in this process): stop at once."""
        self.ended = self.ended or "cancelled"
        self.halt.set()

    async def _halt_on_stop(self) -> None:
        await self.lane.stopping.wait()
        self.halt.set()

    # -- sending ------------------------------------------------------------------------------

    async def _one_pass(self) -> int:
        """Send every pending delivery once (retries included); returns how many were read."""
        queue: asyncio.Queue[Job] = asyncio.Queue(maxsize=self.lane.width)
        senders = [asyncio.create_task(self._sender(queue)) for _ in range(self.lane.width)]
        seen, last_id = 0, 0
        try:
            while not self.halt.is_set():
                async with self.sessions() as session, session.begin():
                    page = await pending_page(session, self.id, last_id, self.lane.width)
                jobs, count, last = page
                if count == 0:
                    break
                for job in jobs:
                    await queue.put(job)
                seen, last_id = seen + count, last
            await queue.join()
        finally:
            for task in senders:
                task.cancel()
            await asyncio.gather(*senders, return_exceptions=True)
        return seen

    async def _sender(self, queue: asyncio.Queue[Job]) -> None:
        while True:
            job = await queue.get()
            try:
                if not self.halt.is_set():
                    outcome = await self._deliver(job)
                    if outcome is not None:
                        await self._record(outcome)
            except Exception:
                log.exception("broadcast %s: could not deliver or record %s", self.id, job.id)
                self.ended = self.ended or "error"
                self.halt.set()
            finally:
                queue.task_done()

    async def _deliver(self, job: Job) -> Outcome | None:
        """The notice; to a field helper, then whom to pass it on to, replying to it."""
        notice = await self._attempt(
            job, lambda bot: send_notice(job.chat_id, self.text, self.photo, bot), self.halt
        )
        if notice is None or notice.state != SENT or not job.pass_on:
            return notice
        under = ReplyParameters(notice.message_id or 0, allow_sending_without_reply=True)
        attempts = notice.attempts
        for text in pass_on_texts(self.lane.services, job):

            def note(bot: Bot, text: str = text) -> Awaitable[Message]:
                return bot.send_message(
                    job.chat_id, text, parse_mode=ParseMode.HTML, reply_parameters=under
                )

            # Not abandoned when the lane halts meanwhile: the notice is already out.
            sent = await self._attempt(job, note, asyncio.Event(), attempts)
            if sent is not None and sent.state != SENT:
                error = f"pass-on list: {sent.error or '?'}"[:200]
                return Outcome(
                    job, FAILED, sent.attempts, error, notice.message_id, sent.unreachable
                )
            attempts = sent.attempts if sent is not None else attempts
        return notice

    async def _attempt(
        self,
        job: Job,
        send: Callable[[Bot], Awaitable[Message]],
        halt: asyncio.Event,
        tries: int | None = None,
    ) -> Outcome | None:
        """Send with retries; None when halted first (the delivery stays pending)."""
        tries, errors, limited = job.attempts if tries is None else tries, 0, 0
        pacer = self.lane.pacer
        while await pacer.slot(job.chat_id, halt):
            tries += 1
            try:
                message = await send(self.lane.bot)
                return Outcome(job, SENT, tries, message_id=message.message_id)
            except RetryAfter as exc:
                pacer.pause(seconds_of(exc.retry_after))
                limited += 1
                if limited >= MAX_RATE_LIMITED:
                    return Outcome(job, FAILED, tries, exc.message[:200])
            except Forbidden as exc:
                return Outcome(job, FAILED, tries, exc.message[:200], unreachable=True)
            except BadRequest as exc:
                gone = "chat not found" in exc.message.lower()
                return Outcome(job, FAILED, tries, exc.message[:200], unreachable=gone)
            except NetworkError as exc:  # 5xx, timeouts, dropped connections
                errors += 1
                if errors >= MAX_TRIES:
                    return Outcome(job, FAILED, tries, exc.message[:200])
                if await sleep_unless(halt, BACKOFF * 2 ** (errors - 1)):
                    return None
            except TelegramError as exc:
                return Outcome(job, FAILED, tries, exc.message[:200])
        return None

    # -- recording ----------------------------------------------------------------------------

    async def _record(self, outcome: Outcome) -> None:
        """Hand the outcome to the recorder and wait until it is committed."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.results.put_nowait((outcome, done))
        await done

    async def _recorder(self) -> None:
        """Group commit: everything that finished meanwhile goes into one transaction."""
        while True:
            batch = [await self.results.get()]
            while not self.results.empty():
                batch.append(self.results.get_nowait())
            try:
                await self._write([outcome for outcome, _ in batch])
            except Exception as exc:
                for _, done in batch:
                    if not done.done():
                        done.set_exception(exc)
            else:
                for _, done in batch:
                    if not done.done():
                        done.set_result(None)
                self.progress.delivered(len(batch))

    async def _write(self, batch: list[Outcome]) -> None:
        """Commit the outcomes; a lock conflict (e.g. with /cancelbroadcast) is retried."""
        for attempt in range(WRITE_TRIES):
            try:
                return await self._write_once(batch)
            except DBAPIError:
                if attempt == WRITE_TRIES - 1:
                    raise
                log.warning("broadcast %s: recording failed, retrying", self.id)
                await asyncio.sleep(0.2 * 2**attempt)

    async def _write_once(self, batch: list[Outcome]) -> None:
        now = utcnow()
        rows = [
            {
                "id": o.job.id,
                "state": o.state,
                "attempts": o.attempts,
                "error": o.error,
                "message_id": o.message_id,
                "sent_at": now if o.state == SENT else None,
                # Whom a helper was told to pass it on to, as sent (the admin's count).
                "for_artisans": [n.id for n in o.job.pass_on] or None,
            }
            for o in batch
        ]
        lost = sorted({o.job.artisan_id for o in batch if o.unreachable and o.job.artisan_id})
        # A helper who blocked the bot: their own row (their language) remembers it, as the
        # outbox does for any chat; writing to the bot again clears it.
        helpers = sorted({o.job.chat_id for o in batch if o.unreachable and not o.job.artisan_id})
        async with self.sessions() as session, session.begin():
            await session.execute(update(Delivery), rows)
            for column, ids in ((Artisan.id, lost), (Artisan.telegram_id, helpers)):
                if ids:
                    await session.execute(
                        update(Artisan)
                        .where(column.in_(ids))
                        .values(reachable=False)
                        .execution_options(synchronize_session=False)
                    )

    # -- lease, progress, end -----------------------------------------------------------------

    async def _monitor(self) -> None:
        while not await sleep_unless(self.halt, TICK):
            try:
                counts = await self._renew()
                if counts is None:
                    return
                if not self.lane.pacer.paused:
                    await self.progress.show(counts)
            except Exception:
                log.exception("broadcast %s: progress update failed", self.id)

    async def _renew(self) -> Counter[str] | None:
        """Extend the lease and store the counters; None (and halt) if cancelled or lost."""
        async with self.sessions() as session, session.begin():
            counts = (await delivery_counts(session, [self.id]))[self.id]
            result = await session.execute(
                update(Broadcast)
                .where(
                    Broadcast.id == self.id,
                    Broadcast.lease_owner == self.lane.owner,
                    Broadcast.state == SENDING,
                )
                .values(lease_until=utcnow() + LEASE, sent=counts[SENT], failed=counts[FAILED])
                .execution_options(synchronize_session=False)
            )
            if getattr(result, "rowcount", 0) == 1:
                return counts
            state = await session.scalar(select(Broadcast.state).where(Broadcast.id == self.id))
        self.ended = "cancelled" if state == CANCELLED else "lost"
        self.halt.set()
        return None

    async def _finish(self) -> None:
        if self.ended == "lost":
            return
        ours = Broadcast.id == self.id, Broadcast.lease_owner == self.lane.owner
        released = {"lease_owner": None, "lease_until": None}
        async with self.sessions() as session, session.begin():
            counts = (await delivery_counts(session, [self.id]))[self.id]
            totals = {"sent": counts[SENT], "failed": counts[FAILED]}
            complete = self.ended is None and not self.halt.is_set() and not counts[PENDING]
            if complete:
                result = await session.execute(
                    update(Broadcast)
                    .where(*ours, Broadcast.state == SENDING)
                    .values(state=DONE, finished_at=utcnow(), **totals, **released)
                    .execution_options(synchronize_session=False)
                )
                if getattr(result, "rowcount", 0) != 1:
                    state = await session.scalar(select(Broadcast.state).where(ours[0]))
                    self.ended = "cancelled" if state == CANCELLED else "lost"
            if not complete or self.ended is not None:
                await session.execute(
                    update(Broadcast)
                    .where(*ours)
                    .values(**totals, **released)
                    .execution_options(synchronize_session=False)
                )
        if complete and self.ended is None:
            await self.progress.finish(counts, DONE)
        elif self.ended == "cancelled":
            await self.progress.finish(counts, CANCELLED)
