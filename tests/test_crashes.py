"""SIGKILL of `python -m bot` at random moments during registrations and reviews, then restart.

Artisans and a reviewer act like people: each reads where they are (the database, as they would
read the bot's last prompt), answers, and waits for the reply; when the bot dies they answer
again after the restart. A seeded killer ends the process after a random number of the bot's
calls or a random pause. After every restart and at the end: each answer the bot acknowledged is
stored, nothing is half-written, nothing is duplicated and no decision was applied twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import random
import signal
import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.flood import FloodGuard
from bot.i18n import Translator
from bot.services.registration import ORDER, first_missing
from bot.storage.db import make_engine, make_sessionmaker
from bot.storage.models import Artisan, Event, Photo, State, Submission
from fake_telegram import (
    BotMessage,
    FakeTelegram,
    FakeUser,
    StoredFile,
    make_png,
    plain_text,
)
from fake_telegram.models import keyboard_rows
from tests.support.fuzz_inputs import Updates
from tests.support.invariants import Rows, invariant_problems, read_rows
from tests.support.journey import phone_of
from tests.support.locales import keys_of
from tests.support.process import bot_env
from tests.support.world import TOKEN

Sessions = async_sessionmaker[AsyncSession]
Update = dict[str, Any]
Build = Callable[[], Update]
KILLS = 20
ROOT = Path(__file__).resolve().parent.parent
LATE_ANSWER = 2.0  # seconds a person waits for a late answer before sending again
# People act at human pace: well under the flood guard's limit (updates per window), which
# drops a faster sender's updates after one warning -- and a dropped update gets no answer.
GUARD = FloodGuard()
PACE = (GUARD.limit * 2 // 3, GUARD.window)
ARTISANS = 6
REVIEWER = 900_002
ANSWERS = {
    "name": "सुनीता देवी",
    "district": "Gorakhpur",
    "product_name": "टेराकोटा हाथी",
    "description": "हाथ से बना मिट्टी का हाथी, भट्टी में पका हुआ।",
    "price": "1200",
}
BUTTONS = {"consent": "reg:yes", "craft": "reg:c:0", "capacity": "reg:skip:capacity"}
BUTTONS |= {"done": "reg:done", "summary": "reg:submit"}


@dataclass
class Bot:
    """The bot process as the people see it: up, or down between a kill and a restart."""

    fake: FakeTelegram
    env: dict[str, str]
    cwd: Path
    process: asyncio.subprocess.Process | None = None
    generation: int = 0
    up: asyncio.Event = field(default_factory=asyncio.Event)
    kills: int = 0

    async def start(self) -> None:
        log = (self.cwd / f"bot-{self.generation}.log").open("wb")
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", env=self.env, cwd=self.cwd, stdout=log, stderr=log
        )
        log.close()
        self.generation += 1
        polls = len(self.fake.calls_of("getUpdates"))
        await self.fake.wait_for(lambda: len(self.fake.calls_of("getUpdates")) > polls, 30)
        self.up.set()

    async def kill(self) -> None:
        assert self.process is not None
        self.up.clear()
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()
        self.kills += 1

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            await self.process.wait()


class Person:
    """Answers what the bot is asking now and waits for the reply (or for the bot to return)."""

    def __init__(self, bot: Bot, user: FakeUser) -> None:
        self.bot, self.user, self.make = bot, user, Updates(bot.fake, user)
        # Telegram's language_code is not read: everyone hears Hindi until they choose.
        self.locale = "hi"
        self.acknowledged: set[str] = set()  # steps the bot said it saved
        self.photos: list[StoredFile] = []
        # Sent when the bot died, with its step and the chat's length then: sent again later.
        self.unanswered: tuple[Build, str | None, int] | None = None
        self.sent: deque[float] = deque()  # when this person sent, within the pace window

    async def pace(self) -> None:
        """Wait while this person has already sent PACE[0] updates in the last PACE[1] s."""
        count, window = PACE
        while len(self.sent) >= count:
            wait = self.sent[0] + window - time.monotonic()
            if wait <= 0:
                self.sent.popleft()
            else:
                await asyncio.sleep(wait)
        self.sent.append(time.monotonic())

    async def act(
        self, build: Build, step: str | None = None, until: Callable[[], bool] | None = None
    ) -> None:
        """Send, then wait for a reply; the step is acknowledged when the bot said it is saved.

        The confirmation is matched by its text: after a restart the first reply may belong to
        an update sent before the crash and redelivered. `until` is the whole reply awaited
        when it is more than the first call (the reviewer's card follows its photos).
        """
        await self.pace()
        await self.bot.up.wait()
        chat = self.user.chat
        generation, mark, calls = self.bot.generation, len(chat.actions), len(chat.calls)
        self.bot.fake.push_update(build())
        # A reviewer's tap on a card already decided is answered with a toast only.
        answered = (
            (lambda: len(chat.actions) > mark) if step else (lambda: len(chat.calls) > calls)
        )
        await self.bot.fake.wait_for(lambda: answered() or self.bot.generation != generation, 60)
        if until is not None and generation == self.bot.generation:
            with contextlib.suppress(AssertionError):  # died meanwhile, or the card was lost
                await self.bot.fake.wait_for(
                    lambda: until() or self.bot.generation != generation, LATE_ANSWER
                )
        throttled = flood_warning(self.locale)
        new = [m.plain for call in chat.actions[mark:] for m in call.messages]
        assert not any(throttled in text for text in new), f"{self.user.id} outpaced the guard"
        said = signature(self.locale, step) if step else None
        if said is not None and generation == self.bot.generation:
            with contextlib.suppress(AssertionError):
                await self.bot.fake.wait_for(
                    lambda: self.generation_or_said(generation, mark, said), 1.0
                )
            if self.generation_or_said(generation, mark, said) and (
                generation == self.bot.generation
            ):
                self.acknowledged.add(str(step))
        if generation != self.bot.generation:
            self.unanswered = (build, step, mark)

    def generation_or_said(self, generation: int, mark: int, said: str) -> bool:
        new = self.user.chat.actions[mark:]
        return generation != self.bot.generation or any(
            said in m.plain for call in new for m in call.messages
        )

    async def resend(self) -> bool:
        """What got no answer before the crash, sent again (a new update, as people do).

        Unless the answer comes late: an update the bot had not read before it died waits for
        the next instance, and who sees that answer does not repeat it. (Repeated, both would
        be answered, and the answer to the first could pass for the acknowledgement of the
        person's next step.)
        """
        if self.unanswered is None:
            return False
        build, step, mark = self.unanswered
        await self.bot.up.wait()
        generation = self.bot.generation
        if step is not None:
            with contextlib.suppress(AssertionError):
                await self.bot.fake.wait_for(
                    lambda: (
                        len(self.user.chat.actions) > mark or self.bot.generation != generation
                    ),
                    LATE_ANSWER,
                )
        if self.bot.generation != generation:
            return True  # died again: still unanswered
        self.unanswered = None
        if step is None or len(self.user.chat.actions) <= mark:
            await self.act(build, step)
        return True

    def photo(self, index: int) -> Update:
        """The same two photos every time, so a photo resent after a crash is the same file."""
        while len(self.photos) <= index:
            png = make_png(8, 6, self.user.id * 10 + len(self.photos))
            self.photos.append(self.bot.fake.add_file(png, kind="photo"))
        stored = self.photos[index]
        size = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                "width": 1280, "height": 960, "file_size": stored.size}  # fmt: skip
        return {"message": self.make.message(photo=[size])}


# What the bot says once it has saved the answer to each step.
SAVED = {
    "consent": "consent-thanks", "name": "ask-phone", "phone": "phone-saved",
    "district": "district-saved", "craft": "ask-product-name", "product_name": "ask-description",
    "description": "ask-price", "price": "ask-capacity", "capacity": "ask-photos",
    "photos": "photos-received", "done": "summary-body", "summary": "submitted",
}  # fmt: skip


@functools.cache
def signature(locale: str, step: str) -> str:
    """The longest fixed part of the bot's confirmation for `step`, as the person reads it."""
    key = SAVED[step]
    variables = keys_of(locale)[key]
    rendered = Translator()(locale, key, **dict.fromkeys(variables, "\x00"))
    return max(plain_text(rendered, "HTML").split("\x00"), key=len).strip()


@functools.cache
def flood_warning(locale: str) -> str:
    return plain_text(Translator()(locale, "flood-slow-down"), "HTML")


def buttons(message: BotMessage) -> list[str]:
    return [
        str(b.get("callback_data")) for row in keyboard_rows(message.reply_markup) for b in row
    ]


async def artisan_step(person: Person, sessions: Sessions) -> bool:
    """One step of the journey from where the database says the artisan is; False when done."""
    if await person.resend():
        return True
    async with sessions() as session:
        artisan = await session.scalar(
            select(Artisan).where(Artisan.telegram_id == person.user.id)
        )
        sub = await session.get(Submission, artisan.active_submission_id or 0) if artisan else None
        photos = await session.scalar(
            select(func.count()).where(Photo.submission_id == (sub.id if sub else 0))
        )
    if artisan is not None and artisan.registered and sub is None:
        return False
    make, step = person.make, "consent" if artisan is None or not artisan.registered else ""
    step = step or (sub.step if sub and sub.step else "")
    if step in ANSWERS:
        await person.act(lambda: make.text(ANSWERS[step]), step)
    elif step == "phone":
        contact = {"phone_number": phone_of(person.user), "user_id": person.user.id}
        contact["first_name"] = "S"
        await person.act(lambda: {"message": make.message(contact=contact)}, step)
    elif step == "photos" and (photos or 0) < 2:
        index = photos or 0
        await person.act(lambda: person.photo(index), step)
    elif step in BUTTONS or step == "photos":
        data = BUTTONS["done" if step == "photos" else step]
        await person.act(lambda: make.callback(None, data, old=True), step)
    else:
        raise AssertionError(f"artisan {person.user.id} is at an unexpected step {step!r}")
    return True


async def reviewer_step(person: Person, sessions: Sessions) -> bool:
    """Decide the submission held, or claim the next one; False when the queue is empty."""
    async with sessions() as session:
        held = await session.scalar(
            select(Submission.id).where(
                Submission.state == State.IN_REVIEW, Submission.claimed_by == person.user.id
            )
        )
        waiting = await session.scalar(
            select(func.count()).where(Submission.state == State.PENDING)
        )
    if await person.resend():
        return True
    if held is None and not waiting:
        return False
    # Odd references are approved; even ones rejected with a reason from the list.
    wanted = (
        [f"rv:ok:{held}"] if held and held % 2 else [f"rv:r:{held}:x:district", f"rv:rej:{held}"]
    )
    for data in wanted if held is not None else []:
        card = next((m for m in reversed(person.user.visible) if data in buttons(m)), None)
        if card is not None:
            await person.act(lambda card=card, data=data: person.make.callback(card, data))
            return True
    # Wait for the card itself, not just the album before it: else the reviewer asks again.
    chat = person.user.chat
    shown = len(chat.messages)
    await person.act(
        lambda: person.make.text("/review next"),
        until=lambda: any(buttons(m) for m in chat.messages[shown:]),
    )
    return True


def answer_kept(
    step: str, person: Person, artisan: Artisan | None, sub: Submission | None, rows: Rows
) -> bool:
    """Is the answer the bot acknowledged for `step` in the database?"""
    if artisan is None or not artisan.registered:
        return False
    if step in ("consent", "name", "phone", "district"):
        expected = {
            "name": ANSWERS["name"],
            "phone": phone_of(person.user),
            "district": "Gorakhpur",
        }
        return step == "consent" or getattr(artisan, step) == expected[step]
    if sub is None:
        return False
    after = lambda name: sub.step is None or ORDER.index(sub.step) > ORDER.index(name)  # noqa: E731
    checks = {
        "craft": sub.craft is not None,
        "product_name": sub.product_name == ANSWERS["product_name"],
        "description": sub.description == ANSWERS["description"],
        "price": sub.price == 1200,
        "capacity": after("capacity"),
        "photos": bool(rows.photos[sub.id]),
        "done": after("photos"),
        "summary": sub.state != State.DRAFT,
    }
    return checks[step]


async def problems_now(sessions: Sessions, artisans: list[Person]) -> list[str]:
    """Every acknowledged answer stored, nothing half-written, duplicated or decided twice."""
    async with sessions() as session:
        rows = await read_rows(session, [p.user.id for p in artisans])
        counts = (
            await session.execute(
                select(Event.submission_id, Event.to_state, func.count())
                .group_by(Event.submission_id, Event.to_state)
                .having(func.count() > 1)
            )
        ).all()
    problems = invariant_problems(rows)
    problems += [f"ODOP-{sid:06d}: {n} events to {to}" for sid, to, n in counts]
    for person in artisans:
        artisan = rows.artisans.get(person.user.id)
        subs = [s for s in rows.subs.values() if artisan and s.artisan_id == artisan.id]
        if len(subs) > 1:
            problems.append(f"artisan {person.user.id}: {len(subs)} submissions")
        sub = subs[0] if subs else None
        for step in sorted(person.acknowledged):
            if not answer_kept(step, person, artisan, sub, rows):
                problems.append(f"artisan {person.user.id}: acknowledged {step} is lost")
        if sub is not None and len(rows.photos[sub.id]) > 2:
            problems.append(f"{sub.reference}: {len(rows.photos[sub.id])} photos, sent 2")
        sent_in = sub is not None and artisan is not None and sub.state != State.DRAFT
        if sent_in and first_missing(artisan, sub, len(rows.photos[sub.id])) is not None:
            problems.append(f"{sub.reference}: sent in half-written")
    return problems


async def test_bot_killed_at_random_moments_loses_and_duplicates_nothing(
    fake: FakeTelegram, tmp_path: Path, database_url: str
) -> None:
    # The database of the leg: SQLite, or PostgreSQL when TEST_DATABASE_URL is set.
    env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=fake.url)
    env["DATABASE_URL"] = database_url
    # The code under test, also from a git worktree (a relative PYTHONPATH would be read from
    # the bot's own working directory, and the editable install points at the main checkout).
    env["PYTHONPATH"] = str(ROOT)
    env["REVIEWER_IDS"] = str(REVIEWER)
    bot, rng = Bot(fake, env, tmp_path), random.Random(2026)
    engine = make_engine(env["DATABASE_URL"])
    sessions = make_sessionmaker(engine)
    reviewer = Person(bot, fake.user(REVIEWER, language_code="en"))
    artisans: list[Person] = []
    journeys: list[asyncio.Task[None]] = []
    finished = asyncio.Event()

    async def journey(person: Person) -> None:
        while await artisan_step(person, sessions):
            pass

    async def reviewing() -> None:
        while await reviewer_step(reviewer, sessions) or not finished.is_set():
            with contextlib.suppress(TimeoutError):  # nothing to review yet: look again soon
                await asyncio.wait_for(finished.wait(), 0.05)

    def wave() -> None:
        for _ in range(ARTISANS):
            person = Person(bot, fake.user(language_code=rng.choice(["hi", "en"])))
            artisans.append(person)
            journeys.append(asyncio.create_task(journey(person)))

    await bot.start()
    reviews = asyncio.create_task(reviewing())
    try:
        while bot.kills < KILLS:
            if all(task.done() for task in journeys):
                wave()
            if rng.random() < 0.5:  # after a few of the bot's calls, or after a pause
                target = len(fake.calls) + rng.randint(1, 15)
                with contextlib.suppress(AssertionError):
                    await fake.wait_for(lambda target=target: len(fake.calls) >= target, 3)
            else:
                await asyncio.sleep(rng.uniform(0.0, 0.6))
            await bot.kill()
            problems = await problems_now(sessions, artisans)
            assert not problems, f"after kill {bot.kills}:\n" + "\n".join(problems)
            await bot.start()
        await asyncio.wait_for(asyncio.gather(*journeys), 60)
        finished.set()
        await asyncio.wait_for(reviews, 60)
        await bot.stop()
        assert not await problems_now(sessions, artisans)
        async with sessions() as session:
            states = (await session.scalars(select(Submission.state))).all()
        assert len(states) == len(artisans) and set(states) <= {State.APPROVED, State.REJECTED}
    finally:
        for task in [*journeys, reviews]:
            task.cancel()
        await bot.stop()
        await engine.dispose()
    assert "Traceback" not in logs_of(tmp_path)


def logs_of(folder: Path) -> str:
    return "".join(p.read_text(errors="replace") for p in sorted(folder.glob("bot-*.log")))
