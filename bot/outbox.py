"""The one way out: calls queued during a unit of work, sent in order after its commit.

An update's `Turn`, the jobs (reminders, album answers), the flood guard, the error handler and
the terminal commands all queue into an `Outbox` and send it once their transaction has
committed, so what the user told us is saved even when Telegram is slow to take our answer.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, InlineKeyboardMarkup, Message, ReplyKeyboardMarkup, ReplyKeyboardRemove
from telegram.constants import MessageLimit, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.warnings import PTBUserWarning

from bot.storage.models import Artisan

if TYPE_CHECKING:
    from bot.context import Services

log = logging.getLogger(__name__)

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None
Call = Callable[[Bot], Awaitable[Any]]
MAX_ATTEMPTS = 4
MAX_RETRY_AFTER = 60.0
TEXT_LIMIT = MessageLimit.MAX_TEXT_LENGTH
# PTB suggests send_message when do_api_request is used for an endpoint it has a method for:
# that method's result parsing is what `send_text` avoids, with the same request, retries and
# errors. tests/test_faults.py fails if PTB words the warning differently.
RAW_SEND_WARNING = r"Please use 'Bot\.send_message'"
warnings.filterwarnings("ignore", RAW_SEND_WARNING, PTBUserWarning)


@dataclass(frozen=True)
class Outgoing:
    chat_id: int | None
    call: Call


UPLOAD_TIMEOUT = 120.0  # seconds for a document of up to 50 MB


async def send_text(chat_id: int, text: str, markup: Markup, bot: Bot) -> None:
    """sendMessage without parsing Telegram's reply into a `Message`, which nobody reads here:
    that parsing was about 6 % of an update's CPU (docs/benchmarks.md, sixth round)."""
    # Explicit parse mode: a plain Bot (the terminal commands, the lane) has no Defaults.
    params: dict[str, object] = {"chat_id": chat_id, "text": text, "parse_mode": ParseMode.HTML}
    if markup is not None:
        params["reply_markup"] = markup
    await bot.do_api_request("send_message", api_kwargs=params)


async def send_document(
    chat_id: int, data: bytes | Path, filename: str, caption: str | None, bot: Bot
) -> Message:
    if isinstance(data, Path):
        data = await asyncio.to_thread(data.read_bytes)
    return await bot.send_document(
        chat_id,
        data,
        filename=filename,
        caption=caption,
        write_timeout=UPLOAD_TIMEOUT,
        read_timeout=UPLOAD_TIMEOUT,
    )


async def send_photo(
    chat_id: int, file_id: str, caption: str | None, markup: Markup, bot: Bot
) -> Message:
    return await bot.send_photo(
        chat_id, file_id, caption=caption, reply_markup=markup, parse_mode=ParseMode.HTML
    )


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Telegram refuses a message over 4,096 characters: cut at line ends (a longer line hard)."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:limit])
            line = line[limit:]
        joined = f"{current}\n{line}" if current else line
        if len(joined) > limit:
            parts.append(current)
            joined = line
        current = joined
    if current:
        parts.append(current)
    return parts


@dataclass
class Outbox:
    """Bot API calls to make after the commit, in the order they were queued."""

    items: list[Outgoing] = field(default_factory=list)
    closing: list[Outgoing] = field(default_factory=list)  # after all the items

    def later(self, call: Call, chat_id: int | None = None) -> None:
        self.items.append(Outgoing(chat_id, call))

    def last(self, call: Call, chat_id: int | None = None) -> None:
        """A call made after every other, whenever it is queued (a follow-up that reads only
        after the answer it follows)."""
        self.closing.append(Outgoing(chat_id, call))

    def text(self, chat_id: int, text: str, markup: Markup = None) -> None:
        """A message; a long one in several parts, the keyboard on the last."""
        parts = split_text(text)
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            self.later(partial(send_text, chat_id, part, markup if last else None), chat_id)

    def document(
        self, chat_id: int, data: bytes | Path, filename: str, caption: str | None = None
    ) -> None:
        """A file (read when it is sent, if given as a path)."""
        self.later(partial(send_document, chat_id, data, filename, caption), chat_id)

    def photo(
        self, chat_id: int, file_id: str, caption: str | None = None, markup: Markup = None
    ) -> None:
        self.later(partial(send_photo, chat_id, file_id, caption, markup), chat_id)

    async def send(self, bot: Bot, services: Services) -> None:
        items, self.items, self.closing = [*self.items, *self.closing], [], []
        await deliver(bot, items, services)


async def tell(bot: Bot, services: Services, chat_id: int, text: str) -> None:
    """One message outside any unit of work (a background task's failure, say)."""
    outbox = Outbox()
    outbox.text(chat_id, text)
    await outbox.send(bot, services)


@dataclass
class Work:
    """One unit of work outside an update (a job, a guard, a terminal command)."""

    session: AsyncSession
    outbox: Outbox
    services: Services

    def t(self, locale: str | None, key: str, **args: Any) -> str:
        return self.services.t(self.services.t.resolve_locale(locale), key, **args)


@asynccontextmanager
async def unit_of_work(bot: Bot, services: Services) -> AsyncIterator[Work]:
    """One session and transaction; the outbox is sent only after it commits."""
    async with services.sessions() as session, session.begin():
        work = Work(session, Outbox(), services)
        yield work
    await work.outbox.send(bot, services)


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
