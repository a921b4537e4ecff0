"""Periodic jobs. They read everything they need from the database, so they survive restarts."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete
from telegram.ext import Application

from bot.context import BotContext
from bot.storage.models import AlbumNote, ProcessedUpdate, utcnow

log = logging.getLogger(__name__)

PROCESSED_UPDATES_KEPT = timedelta(days=2)


@dataclass(frozen=True)
class RepeatingJob:
    callback: Callable[[BotContext], Coroutine[Any, Any, None]]
    every: timedelta
    first: timedelta = timedelta(seconds=5)


async def prune_processed_updates(context: BotContext) -> None:
    """Telegram redelivers within hours at most; two days of ids (and of what was said once
    for an album, whose parts arrive within seconds) is plenty."""
    before = utcnow() - PROCESSED_UPDATES_KEPT
    async with context.services.sessions() as session, session.begin():
        await session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.at < before))
        await session.execute(delete(AlbumNote).where(AlbumNote.at < before))


CORE_JOBS = [RepeatingJob(prune_processed_updates, timedelta(hours=1))]


def schedule_jobs(
    app: Application[Any, Any, Any, Any, Any, Any], feature_jobs: list[RepeatingJob]
) -> None:
    """Run the core jobs and the features' jobs at their intervals."""
    queue = app.job_queue
    if queue is None:
        raise RuntimeError("python-telegram-bot[job-queue] is required")
    for job in CORE_JOBS + feature_jobs:
        queue.run_repeating(
            _logged(job.callback), interval=job.every, first=job.first, name=job.callback.__name__
        )


def _logged(
    callback: Callable[[BotContext], Coroutine[Any, Any, None]],
) -> Callable[[BotContext], Coroutine[Any, Any, None]]:
    async def run(context: BotContext) -> None:
        try:
            await callback(context)
        except Exception:
            log.exception("job %s failed", callback.__name__)

    run.__name__ = callback.__name__
    return run
