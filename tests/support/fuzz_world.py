"""The fuzz test's world: the fake Bot API and the real bot on an event loop of their own.

Hypothesis runs synchronous tests, so the fake and the Application live in a background thread
started once per test; the test hands coroutines to it with `run()`. A round ends when the bot is
provably idle — every pushed update confirmed, processed (PTB's update queue joined) and every
album timer fired — not after a guessed pause.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Coroutine
from contextlib import AbstractAsyncContextManager
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import build_application
from bot.config import Settings
from bot.context import BotApp, Services, services_of
from bot.processor import PerUserUpdateProcessor
from bot.runner import running
from bot.services.registration import ORDER
from bot.storage.models import Artisan, Event, Photo, Staff, State, Submission, utcnow
from fake_telegram import Call, FakeTelegram

T = TypeVar("T")


class ErrorLog(logging.Handler):
    """Collects every ERROR the bot logs (a handler failure, a call Telegram refused)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def describe(self, start: int) -> list[str]:
        return [
            f"{r.name}: {r.getMessage()} {r.exc_info[1]!r}" if r.exc_info else r.getMessage()
            for r in self.records[start:]
        ]


class BotThread:
    """Fake Telegram and the real bot, run by their own loop in a daemon thread."""

    def __init__(self, settings_for: Callable[[str], Settings], settle: float = 0.05) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="bot", daemon=True)
        self.settings_for = settings_for
        self.fake = FakeTelegram(token="123456:TEST-fuzz-token-for-the-fake", settle=settle)
        self.errors = ErrorLog()
        self._running: AbstractAsyncContextManager[BotApp] | None = None
        self.app: BotApp | None = None

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 120.0) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def start(self) -> None:
        logging.getLogger().addHandler(self.errors)
        self.thread.start()
        self.run(self._start())

    async def _start(self) -> None:
        await self.fake.start()
        settings = self.settings_for(self.fake.url)
        self._running = running(build_application(settings), settings)
        self.app = await self._running.__aenter__()

    def stop(self) -> None:
        try:
            self.run(self._stop())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(10)
            self.loop.close()
            logging.getLogger().removeHandler(self.errors)

    async def _stop(self) -> None:
        if self._running is not None:
            await self._running.__aexit__(None, None, None)
        await self.fake.stop()

    @property
    def services(self) -> Services:
        assert self.app is not None
        return services_of(self.app)

    def sessions(self) -> AsyncSession:
        return self.services.sessions()

    async def idle(self, timeout: float = 30.0) -> None:
        """Wait until every pushed update was handled and every album was answered."""
        assert self.app is not None and self.app.job_queue is not None
        app, hub = self.app, self.fake.hub
        queue = app.job_queue

        def busy() -> bool:  # an update still being handled, its sends included
            processor = app.update_processor
            return isinstance(processor, PerUserUpdateProcessor) and processor.busy()

        def albums() -> bool:
            return any(job.name and job.name.startswith("album:") for job in queue.jobs())

        # Polled: the fake drops a confirmed update (the bot's next getUpdates) without notice,
        # and album answers are timers of the bot's job queue.
        async with asyncio.timeout(timeout):
            while hub.pending:  # noqa: ASYNC110
                await asyncio.sleep(0.003)
            await app.update_queue.join()
            while albums() or busy():  # noqa: ASYNC110
                await asyncio.sleep(0.02)
            await app.update_queue.join()

    def failed_calls(self, start: int) -> list[Call]:
        """Bot API calls the fake refused (bad HTML, too long, unknown chat...) since `start`."""
        return [
            c
            for c in self.fake.calls[start:]
            if c.status not in (200, None) and c.method != "getUpdates"
        ]


# --- people who start part-way --------------------------------------------------------------


async def seed_waiting(
    session: AsyncSession, telegram_id: int, district: str, photo: tuple[str, str]
) -> int:
    """An artisan whose submission waits for review, as if they had sent it (with its event)."""
    artisan = Artisan(
        telegram_id=telegram_id, locale="hi", name="सुनीता देवी", phone="+919876543210",
        district=district, craft="टेराकोटा", consent_at=utcnow(),
    )  # fmt: skip
    session.add(artisan)
    await session.flush()
    sub = Submission(
        artisan_id=artisan.id, state=State.PENDING, district=district, craft="टेराकोटा",
        product_name="टेराकोटा हाथी", description="हाथ से बना मिट्टी का हाथी।", price=1200,
        version=1, submitted_at=utcnow(), last_snapshot={"fields": {}},
    )  # fmt: skip
    session.add(sub)
    await session.flush()
    session.add(Event(submission_id=sub.id, actor_role="artisan", from_state="draft",
                      to_state="pending", actor_id=telegram_id))  # fmt: skip
    session.add(Photo(submission_id=sub.id, position=1, file_id=photo[0],
                      file_unique_id=photo[1]))  # fmt: skip
    return sub.id


# A person may start part-way, so that odd input lands on every step, not only the first ones.
STARTS = ("new", "new", *ORDER, "pending", "changes")
SEEDED_ANSWERS = {
    "name": "सुनीता देवी", "phone": "+919876543210", "district": "Gorakhpur", "craft": "टेराकोटा",
    "product_name": "टेराकोटा हाथी", "description": "हाथ से बना मिट्टी का हाथी।", "price": 1200,
    "capacity": 40,
}  # fmt: skip


async def seed_artisan(
    session: AsyncSession, telegram_id: int, locale: str | None, start: str, photo: tuple[str, str]
) -> None:
    """A registered artisan whose draft waits at `start`, or whose product was sent in."""
    if start == "new":
        return
    step = start if start in ORDER else None
    done = ORDER[: ORDER.index(step)] if step else ORDER
    answers = {k: v for k, v in SEEDED_ANSWERS.items() if k in done}
    artisan = Artisan(telegram_id=telegram_id, locale=locale, consent_at=utcnow())
    for field in ("name", "phone", "district", "craft"):
        setattr(
            artisan, field, answers.pop(field, None) if field != "craft" else answers.get(field)
        )
    session.add(artisan)
    await session.flush()
    sub = Submission(artisan_id=artisan.id, step=step, district=artisan.district, **answers)
    session.add(sub)
    await session.flush()
    if "photos" in done:
        session.add(Photo(submission_id=sub.id, position=1, file_id=photo[0],
                          file_unique_id=photo[1]))  # fmt: skip
    if step is not None:
        artisan.active_submission_id = sub.id
        return
    sub.version, sub.last_snapshot = 1, {"fields": {}}
    chain = [("draft", "pending", "artisan")]
    if start == "changes":
        chain += [("pending", "in_review", "reviewer"), ("in_review", "changes_requested",
                                                       "reviewer")]  # fmt: skip
        sub.decided_at, sub.decision_reason = utcnow(), "reason-blurry-photos"
    for before, after, role in chain:
        session.add(Event(submission_id=sub.id, actor_role=role, from_state=before,
                          to_state=after))  # fmt: skip
    sub.state, sub.submitted_at = chain[-1][1], utcnow()


async def add_reviewer(session: AsyncSession, telegram_id: int, districts: list[str]) -> None:
    session.add(Staff(user_id=telegram_id, role="reviewer", districts=districts))
