"""The broadcast lane: a background worker per process that sends queued broadcasts.

* **Durable.** Work is read from `broadcasts`/`deliveries`, so a restart continues where the last
  commit left off. The lane sends one broadcast at a time (oldest first).
* **One sender.** A broadcast is sent only by the holder of its lease (`lease_owner`,
  `lease_until`), taken with one conditional UPDATE and renewed every few seconds. A new lease is
  refused while another instance holds a live lease on any broadcast, so BROADCAST_RATE holds
  across instances too. An owner is `host/pid/random`: a restarted bot on the same host takes
  over at once from a dead pid instead of waiting for the lease to run out.
* **Paced.** See `Pacer`. Handlers never wait for it: they use the application's own bot, and the
  lane has its own HTTP connection pool.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket

from sqlalchemy import exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from telegram import Bot
from telegram.error import TelegramError

from bot.context import Services
from bot.services.broadcast import ACTIVE, SENDING
from bot.storage.models import Broadcast, utcnow
from bot.transport import AiohttpRequest
from bot.workers.broadcast_run import BroadcastRun
from bot.workers.pacing import LEASE, Pacer, lane_width, sleep_unless

log = logging.getLogger(__name__)

IDLE_POLL = 2.0  # how often an idle lane looks for work queued by another instance
DRAIN = 10.0  # at shutdown: how long in-flight sends may take to finish and be recorded
HOST = socket.gethostname()[:40]


def new_owner() -> str:
    return f"{HOST}/{os.getpid()}/{secrets.token_hex(4)}"


def owner_is_dead(owner: str) -> bool:
    """True only when the owner was another process on this host that no longer exists."""
    host, _, rest = owner.partition("/")
    pid_text = rest.partition("/")[0]
    if host != HOST or not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False
    if os.name != "posix":
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


async def claim_next(services: Services, owner: str) -> int | None:
    """Take the lease on the oldest queued or sending broadcast, if nobody else holds one."""
    now = utcnow()
    async with services.sessions() as session, session.begin():
        rows = (
            await session.execute(
                select(Broadcast.id, Broadcast.lease_owner, Broadcast.lease_until)
                .where(Broadcast.state.in_(ACTIVE))
                .order_by(Broadcast.id)
                .limit(20)
            )
        ).all()
        for broadcast_id, holder, until in rows:
            held = holder is not None and holder != owner and until is not None and until >= now
            dead = holder if held and holder and owner_is_dead(holder) else None
            if held and dead is None:
                return None  # the lane is busy on another instance
            if await _take(session, broadcast_id, owner, dead):
                return int(broadcast_id)
    return None


async def _take(
    session: AsyncSession, broadcast_id: int, owner: str, dead_holder: str | None
) -> bool:
    """One conditional UPDATE: it succeeds for exactly one of several racing instances."""
    now = utcnow()
    other = aliased(Broadcast)
    busy_elsewhere = exists().where(
        other.id != broadcast_id,
        other.state == SENDING,
        other.lease_owner.is_not(None),
        other.lease_owner != owner,
        other.lease_until >= now,
    )
    free = [
        Broadcast.lease_owner.is_(None),
        Broadcast.lease_until.is_(None),
        Broadcast.lease_until < now,
        Broadcast.lease_owner == owner,
    ]
    if dead_holder is not None:
        free.append(Broadcast.lease_owner == dead_holder)
    result = await session.execute(
        update(Broadcast)
        .where(
            Broadcast.id == broadcast_id,
            Broadcast.state.in_(ACTIVE),
            or_(*free),
            ~busy_elsewhere,
        )
        .values(state=SENDING, lease_owner=owner, lease_until=now + LEASE)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:
        return False
    await session.execute(
        update(Broadcast)
        .where(Broadcast.id == broadcast_id, Broadcast.started_at.is_(None))
        .values(started_at=now)
        .execution_options(synchronize_session=False)
    )
    return True


class BroadcastLane:
    """Started in `on_startup`, stopped in `on_shutdown`; `wake()` after queueing."""

    def __init__(self, services: Services, bot: Bot, owner: str | None = None) -> None:
        self.services = services
        self.bot = bot
        self.owner = owner or new_owner()
        self.rate = services.settings.broadcast_rate
        self.width = lane_width(self.rate, services.settings.broadcast_inflight)
        self.pacer = Pacer(self.rate)
        self.stopping = asyncio.Event()
        self._wakeup = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._running: BroadcastRun | None = None

    @classmethod
    def with_own_bot(cls, services: Services) -> BroadcastLane:
        """A lane with its own Bot and connection pool, closed after the lane has drained."""
        settings = services.settings
        root = settings.telegram_api_url
        width = lane_width(settings.broadcast_rate, settings.broadcast_inflight)
        bot = Bot(
            settings.telegram_bot_token,
            base_url=f"{root}/bot",
            base_file_url=f"{root}/file/bot",
            request=AiohttpRequest(pool_size=width + 4),
        )
        return cls(services, bot)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="broadcast_lane")

    def wake(self) -> None:
        self._wakeup.set()

    def cancelled(self, broadcast_id: int) -> None:
        """/cancelbroadcast committed: if this lane sends it, no send starts from now on (a
        lane of another instance sees it at its next lease renewal)."""
        if self._running is not None and self._running.id == broadcast_id:
            self._running.cancel()

    async def stop(self) -> None:
        """Stop taking new sends, let in-flight ones be recorded, release the lease."""
        self.stopping.set()
        self._wakeup.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(self._task, DRAIN)
            except TimeoutError:
                log.warning("broadcast lane did not drain in %ss", DRAIN)
            except Exception:
                log.exception("broadcast lane failed while stopping")
        await self.bot.shutdown()

    async def _run(self) -> None:
        try:
            await self.bot.initialize()  # also lets `stop` close its connection pool
        except TelegramError as exc:
            log.warning("broadcast lane: getMe failed (%s); sending anyway", exc.message)
        while not self.stopping.is_set():
            self._wakeup.clear()
            try:
                broadcast_id = await claim_next(self.services, self.owner)
                if broadcast_id is not None:
                    run = self._running = BroadcastRun(self, broadcast_id)
                    try:
                        await run.run()
                    finally:
                        self._running = None
                    if run.ended != "error":
                        continue
            except Exception:
                log.exception("broadcast lane failed; it will look again shortly")
            await sleep_unless(self._wakeup, IDLE_POLL)
