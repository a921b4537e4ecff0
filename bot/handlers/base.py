"""One unit of work per update: a session, a transaction, then the replies.

Every handler is written as `async def on_x(turn: Turn) -> None` and wrapped with `@handler`.
The wrapper opens one session and one transaction, skips an update already processed,
loads the artisan, runs the handler, commits, and only then sends the queued replies — so an
answer the artisan gave is saved even when Telegram is slow or failing to take our reply.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial, wraps
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, InlineKeyboardMarkup, Message, ReplyKeyboardMarkup, ReplyKeyboardRemove
from telegram import Update as TgUpdate
from telegram.error import (
    BadRequest,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot.context import BotContext, Services
from bot.services.roles import StaffView, staff_view
from bot.storage.models import Artisan, Dialogue, Submission, utcnow
from bot.storage.queries import claim_update, lock_user, user_rows

log = logging.getLogger(__name__)

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None
Call = Callable[[Bot], Awaitable[Any]]
MAX_ATTEMPTS = 4
MAX_RETRY_AFTER = 60.0


@dataclass(frozen=True)
class Outgoing:
    chat_id: int | None
    call: Call


@dataclass
class Turn:
    """What a handler needs for one update: who, in which language, the session, the outbox."""

    update: TgUpdate
    context: BotContext
    session: AsyncSession
    user_id: int
    chat_id: int
    locale: str
    artisan: Artisan | None
    # The artisan's active submission as the update found it. Holding it keeps it in the
    # session (whose identity map holds unchanged rows weakly): `session.get` finds it there.
    draft: Submission | None
    dialogue: Dialogue | None  # the staff dialogue open when the update arrived
    outbox: list[Outgoing] = field(default_factory=list)
    button_answer: Outgoing | None = None
    _staff: StaffView | None = None
    _notes: list[str] = field(default_factory=list)

    @property
    def services(self) -> Services:
        return self.context.services

    @property
    def message(self) -> Message | None:
        return self.update.effective_message if self.update.message else None

    def t(self, key: str, **args: Any) -> str:
        return self.services.t(self.locale, key, **args)

    def say(self, key: str, markup: Markup = None, **args: Any) -> None:
        """Queue a message to this chat from a locale key."""
        self.send_text(self.t(key, **args), markup)

    def note(self, key: str, **args: Any) -> None:
        """A short acknowledgement ("District: Gorakhpur ✅") that opens the next message to
        this chat instead of arriving as a message of its own; sent alone if nothing follows."""
        self._notes.append(self.t(key, **args))

    def send_text(self, text: str, markup: Markup = None, chat_id: int | None = None) -> None:
        target = chat_id or self.chat_id
        if self._notes and target == self.chat_id:
            text = "\n\n".join([*self._notes, text])
            self._notes.clear()
        self.later(partial(send_text, target, text, markup), target)

    def flush_notes(self) -> None:
        """Send acknowledgements that no message followed."""
        if self._notes:
            notes, self._notes = self._notes, []
            self.send_text("\n\n".join(notes))

    def later(self, call: Call, chat_id: int | None = None) -> None:
        """Queue any Bot API call to run after the commit."""
        self.outbox.append(Outgoing(chat_id, call))

    def answer(self, key: str | None = None, alert: bool = False, **args: Any) -> None:
        """Answer the pressed button (stops its spinner), optionally with a short notice."""
        query = self.update.callback_query
        if query is None:
            return
        notice = self.t(key, **args) if key else None
        self.button_answer = Outgoing(None, lambda _bot: query.answer(notice, show_alert=alert))

    async def staff(self) -> StaffView:
        """The caller's roles, read from the database at this moment."""
        if self._staff is None:
            self._staff = await staff_view(self.session, self.services.settings, self.user_id)
        return self._staff


async def send_text(chat_id: int, text: str, markup: Markup, bot: Bot) -> Message:
    return await bot.send_message(chat_id, text, reply_markup=markup)


Handler = Callable[[Turn], Awaitable[None]]


def handler(fn: Handler) -> Callable[[TgUpdate, BotContext], Coroutine[Any, Any, None]]:
    """Wrap `fn` in one unit of work; see the module docstring."""

    @wraps(fn)
    async def wrapper(update: TgUpdate, context: BotContext) -> None:
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None:
            return
        services = context.services
        async with services.sessions() as session:
            turn = await _open_turn(session, update, context, user.id, chat.id, user.language_code)
            if turn is None:
                return
            await fn(turn)
            turn.flush_notes()
            await session.commit()
        if turn.button_answer is None:
            await deliver(context.bot, turn.outbox, services)
        else:
            # The answer only stops the button's spinner: it goes alongside the replies rather
            # than a round trip to Telegram ahead of them.
            answer = [turn.button_answer]
            await asyncio.gather(
                deliver(context.bot, answer, services), deliver(context.bot, turn.outbox, services)
            )

    return wrapper


async def _open_turn(
    session: AsyncSession,
    update: TgUpdate,
    context: BotContext,
    user_id: int,
    chat_id: int,
    language_code: str | None,
) -> Turn | None:
    services = context.services
    await lock_user(session, user_id)
    # A redelivered update (or one another instance handled while this one waited) claims
    # nothing and is skipped.
    if not await claim_update(session, update.update_id):
        log.info("update %s already processed, skipped", update.update_id)
        return None
    artisan, draft, dialogue = await user_rows(session, user_id)
    if artisan is not None:
        _touch(artisan)
    locale = services.t.resolve_locale(artisan.locale if artisan else None, language_code)
    return Turn(update, context, session, user_id, chat_id, locale, artisan, draft, dialogue)


def _touch(artisan: Artisan) -> None:
    now = utcnow()
    if not artisan.reachable:
        artisan.reachable = True  # writing to us again makes them reachable for notices
    if now - artisan.last_seen_at > timedelta(hours=1):
        artisan.last_seen_at = now


async def deliver(bot: Bot, outbox: list[Outgoing], services: Services) -> None:
    """Send queued calls in order; retry what Telegram asks us to retry, never hot-loop."""
    blocked: set[int] = set()
    for item in outbox:
        if item.chat_id in blocked:
            continue
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                await item.call(bot)
                break
            except RetryAfter as exc:
                delay = min(_seconds(exc.retry_after), MAX_RETRY_AFTER)
                log.warning("Telegram asked to retry after %.0fs", delay)
            except BadRequest as exc:
                log.error("Telegram refused a call: %s", exc.message)
                break
            except (TimedOut, NetworkError) as exc:
                delay = 0.5 * 2 ** (attempt - 1)
                log.warning("sending failed (%s), attempt %s", type(exc).__name__, attempt)
            except Forbidden:
                if item.chat_id is not None:
                    blocked.add(item.chat_id)
                break
            except TelegramError as exc:
                log.error("Telegram error: %s", exc.message)
                break
            if attempt < MAX_ATTEMPTS:
                await asyncio.sleep(delay)
    if blocked:
        await mark_unreachable(services, blocked)


def _seconds(value: int | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


async def mark_unreachable(services: Services, chat_ids: set[int]) -> None:
    async with services.sessions() as session, session.begin():
        await session.execute(
            update(Artisan).where(Artisan.telegram_id.in_(chat_ids)).values(reachable=False)
        )
