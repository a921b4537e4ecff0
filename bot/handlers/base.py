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
from functools import wraps
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message
from telegram import Update as TgUpdate

from bot.context import BotContext, Services
from bot.outbox import Call, Markup, Outbox, Outgoing, deliver
from bot.services.roles import StaffView, staff_view
from bot.storage.models import Artisan, Dialogue, Submission, utcnow
from bot.storage.queries import claim_update, lock_user, user_rows

log = logging.getLogger(__name__)
PROFILE_NAME = 80  # characters of a staff member's Telegram name kept (artisans.profile_name)


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
    outbox: Outbox = field(default_factory=Outbox)
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
        self.outbox.text(target, text, markup)

    def flush_notes(self) -> None:
        """Send acknowledgements that no message followed."""
        if self._notes:
            notes, self._notes = self._notes, []
            self.send_text("\n\n".join(notes))

    def later(self, call: Call, chat_id: int | None = None) -> None:
        """Queue any Bot API call to run after the commit."""
        self.outbox.later(call, chat_id)

    def answer(self, key: str | None = None, alert: bool = False, **args: Any) -> None:
        """Answer the pressed button (stops its spinner), optionally with a short notice."""
        query = self.update.callback_query
        if query is None:
            return
        notice = self.t(key, **args) if key else None
        self.button_answer = Outgoing(None, lambda _bot: query.answer(notice, show_alert=alert))

    def drop_buttons(self) -> None:
        """The pressed message keeps its text but loses its buttons (after the commit)."""
        query = self.update.callback_query
        if query is not None and query.message is not None:
            self.later(lambda _bot: query.edit_message_reply_markup(None), self.chat_id)

    async def staff(self) -> StaffView:
        """The caller's roles, read from the database at this moment. A staff member's
        Telegram name is kept for the staff list."""
        if self._staff is None:
            self._staff = await staff_view(self.session, self.services.settings, self.user_id)
            _keep_staff_name(self)
        return self._staff


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
            await turn.outbox.send(context.bot, services)
        else:
            # The answer only stops the button's spinner: it goes alongside the replies rather
            # than a round trip to Telegram ahead of them.
            answer = [turn.button_answer]
            await asyncio.gather(
                deliver(context.bot, answer, services), turn.outbox.send(context.bot, services)
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
    stored = artisan.locale if artisan else None
    locale = services.t.resolve_locale(stored)
    view = None
    app_locale = services.t.shipped(language_code)
    if stored is None and app_locale is not None:
        # Artisans start in Hindi whatever their phone says; staff who have not chosen read
        # their Telegram app's language, as officials set it themselves. It is remembered, so
        # what the bot sends them unasked (a help question, a lapsed claim) is in it too.
        view = await staff_view(session, services.settings, user_id)
        if view.is_staff:
            locale = app_locale
            if artisan is None:
                artisan = Artisan(telegram_id=user_id, locale=locale)
                session.add(artisan)
            else:
                artisan.locale = locale
    turn = Turn(update, context, session, user_id, chat_id, locale, artisan, draft, dialogue)
    turn._staff = view
    if view is not None:
        _keep_staff_name(turn)
    return turn


def _keep_staff_name(turn: Turn) -> None:
    """A staff member's Telegram name, kept on their row (made for their language, see
    `_open_turn`) for the staff list; nothing for artisans."""
    user, row = turn.update.effective_user, turn.artisan
    view = turn._staff
    if view is None or not (view.is_staff or view.is_helper) or user is None or row is None:
        return
    name = user.full_name[:PROFILE_NAME]
    if row.profile_name != name:
        row.profile_name = name


def _touch(artisan: Artisan) -> None:
    now = utcnow()
    if not artisan.reachable:
        artisan.reachable = True  # writing to us again makes them reachable for notices
    if now - artisan.last_seen_at > timedelta(hours=1):
        artisan.last_seen_at = now
