"""The admin's view of a running broadcast: one message edited every few seconds, then a report.

Texts are rendered in the admin's language (stored in `Broadcast.audience`) from Fluent keys.
These calls go through the lane's pacer, so they count towards BROADCAST_RATE like the notices.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import func, select, update
from telegram import Bot, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, RetryAfter, TelegramError

from bot.services.broadcast import (
    CANCELLED,
    FAILED,
    PENDING,
    SENT,
    SKIPPED,
    UI_LOCALE,
    helper_counts,
)
from bot.storage.models import Broadcast, Delivery, utcnow
from bot.workers.pacing import Lane, seconds_of

log = logging.getLogger(__name__)

BAR_WIDTH = 12
HTML = ParseMode.HTML
TOP_REASONS = 3


def progress_bar(done: int, total: int) -> str:
    filled = BAR_WIDTH if total <= 0 else min(BAR_WIDTH, round(BAR_WIDTH * done / total))
    return "█" * filled + "░" * (BAR_WIDTH - filled)


class Progress:
    """Owns the progress message of one broadcast (its id is kept in the broadcast row)."""

    def __init__(self, lane: Lane, broadcast: Broadcast) -> None:
        self.lane = lane
        self.id = broadcast.id
        self.chat_id = broadcast.progress_chat_id or broadcast.created_by
        self.message_id = broadcast.progress_message_id
        t = lane.services.t
        self.locale = t.resolve_locale(str(broadcast.audience.get(UI_LOCALE) or ""))
        self.started_at = broadcast.started_at or utcnow()
        self._loop = asyncio.get_running_loop()
        self._since = self._loop.time()
        self._done_here = 0
        self._last_text = ""

    def t(self, key: str, **args: Any) -> str:
        return self.lane.services.t(self.locale, key, **args)

    def delivered(self, count: int) -> None:
        """Called by the recorder; the observed rate gives the ETA."""
        self._done_here += count

    async def open(self) -> None:
        """Send the progress message once per broadcast (a restart keeps editing the same one)."""
        if self.message_id is not None:
            return
        text = self.t("bc-progress-starting", id=str(self.id))
        message = await self._send(text)
        if message is not None:
            await self._store(message.message_id)

    async def show(self, counts: Counter[str]) -> None:
        total = sum(counts.values())
        done = total - counts[PENDING]
        text = self.t(
            "bc-progress",
            id=str(self.id),
            bar=progress_bar(done, total),
            percent=100 * done // total if total else 100,
            sent=counts[SENT],
            failed=counts[FAILED],
            remaining=counts[PENDING],
            eta=self._eta(counts[PENDING]),
        )
        await self._edit(text)

    async def finish(self, counts: Counter[str], state: str) -> None:
        """The last edit of the progress message, then a new message with the report."""
        total = sum(counts.values())
        cancelled = state == CANCELLED
        done = "bc-progress-done" if not counts[FAILED] else "bc-progress-done-failed"
        header = self.t(
            "bc-progress-cancelled" if cancelled else done,
            id=str(self.id),
            failed=counts[FAILED],
            bar=progress_bar(counts[SENT] + counts[FAILED] if cancelled else total, total),
        )
        await self._edit(header)
        minutes, seconds = divmod(int((utcnow() - self.started_at).total_seconds()), 60)
        report = self.t(
            "bc-report-cancelled" if cancelled else "bc-report",
            id=str(self.id),
            total=total,
            sent=counts[SENT],
            failed=counts[FAILED],
            skipped=counts[SKIPPED],
            minutes=minutes,
            seconds=seconds,
        )
        async with self.lane.services.sessions() as session:
            helped = (await helper_counts(session, [self.id]))[self.id]
        if helped.helpers:
            report += "\n" + self.t(
                "bc-report-helpers", helpers=helped.helpers, artisans=helped.via_helpers
            )
        reasons = await self._reasons()
        if reasons:
            report += "\n\n" + self.t("bc-report-reasons", reasons=reasons)
        await self._send(report)

    def _eta(self, remaining: int) -> str:
        elapsed = self._loop.time() - self._since
        rate = self.lane.rate
        if self._done_here >= 5 and elapsed > 0:
            rate = min(rate, self._done_here / elapsed)
        minutes, seconds = divmod(math.ceil(remaining / rate), 60)
        return self.t("bc-eta", minutes=minutes, seconds=seconds)

    async def _reasons(self) -> str:
        async with self.lane.services.sessions() as session:
            rows = await session.execute(
                select(Delivery.error, func.count(Delivery.id))
                .where(Delivery.broadcast_id == self.id, Delivery.state == FAILED)
                .group_by(Delivery.error)
                .order_by(func.count(Delivery.id).desc())
                .limit(TOP_REASONS)
            )
            return "\n".join(f"• {error or '?'} — {count}" for error, count in rows)

    async def _edit(self, text: str) -> None:
        if self.message_id is None or text == self._last_text:
            return
        message_id = self.message_id
        try:
            await self._call(
                lambda bot: bot.edit_message_text(text, self.chat_id, message_id, parse_mode=HTML),
                strict=True,
            )
            self._last_text = text
        except BadRequest as exc:
            if "not modified" in exc.message.lower():
                self._last_text = text
                return
            # The admin deleted it (or it is too old to edit): carry on in a new message.
            log.info("progress message of broadcast %s not editable: %s", self.id, exc.message)
            message = await self._send(text)
            if message is not None:
                self._last_text = text
                await self._store(message.message_id)

    async def _send(self, text: str) -> Message | None:
        sent = await self._call(lambda bot: bot.send_message(self.chat_id, text, parse_mode=HTML))
        return sent if isinstance(sent, Message) else None

    async def _store(self, message_id: int) -> None:
        self.message_id = message_id
        async with self.lane.services.sessions() as session, session.begin():
            await session.execute(
                update(Broadcast)
                .where(Broadcast.id == self.id)
                .values(progress_chat_id=self.chat_id, progress_message_id=message_id)
                .execution_options(synchronize_session=False)
            )

    async def _call(
        self, call: Callable[[Bot], Awaitable[Message | bool]], strict: bool = False
    ) -> Message | bool | None:
        """Paced like the notices; a 429 pauses the lane. `strict` re-raises a BadRequest."""
        for _ in range(3):
            if not await self.lane.pacer.slot(self.chat_id, self.lane.stopping):
                return None  # shutting down: the next start edits the same message
            try:
                return await call(self.lane.bot)
            except RetryAfter as exc:
                self.lane.pacer.pause(seconds_of(exc.retry_after))
            except BadRequest:
                if strict:
                    raise
                log.warning("broadcast %s: Telegram refused an admin message", self.id)
                return None
            except TelegramError as exc:
                log.warning("broadcast %s: admin message failed: %s", self.id, exc.message)
                return None
        return None
