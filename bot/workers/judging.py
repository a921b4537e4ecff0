"""Kept photos judged in a process of their own (PHOTO_PROCESSES, 0: in a thread of the bot).

Decoding a stranger's file is the riskiest and the heaviest thing the bot does. In another
process a decoder that crashes takes that process down, not the bot, and the decoding does not
compete with the bot's updates for its interpreter (docs/benchmarks.md, eleventh round). Only the
file's name goes over and the verdict comes back.

The processes hold no state, so every photo worker of this interpreter shares them, and they
start with the first photo, not with the bot.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from bot.services import photo_quality as pq

log = logging.getLogger(__name__)
NO_VERDICT = pq.Verdict(None, None, None)
ORPHAN_CHECK = 1.0  # seconds between a judging process's looks for its bot
_pools: dict[int, ProcessPoolExecutor] = {}  # by number of processes


async def judge(path: Path, processes: int) -> pq.Verdict:
    """The kept file's verdict; never raises, so one odd file cannot stall the worker.

    A pool whose process died is replaced and the photo tried once more: the death may have been
    another photo's doing. A file that kills it twice is kept without a verdict.
    """
    if processes == 0:
        return await asyncio.to_thread(_judged, path)
    for _attempt in range(2):
        pool = _pool(processes)
        try:
            return await asyncio.wrap_future(pool.submit(pq.judge_file, str(path)))
        except BrokenProcessPool:
            log.warning("the photo judging process died (judging %s); starting another", path.name)
            if _pools.get(processes) is pool:
                del _pools[processes]
            pool.shutdown(wait=False)
        except Exception:
            log.exception("judging a photo failed")
            return NO_VERDICT
    return NO_VERDICT


def _judged(path: Path) -> pq.Verdict:
    try:
        return pq.judge_file(str(path))
    except Exception:
        log.exception("judging a photo failed")
        return NO_VERDICT


def _pool(processes: int) -> ProcessPoolExecutor:
    if processes not in _pools:
        # spawn, not fork: the bot has threads and an event loop a forked child must not inherit.
        context = multiprocessing.get_context("spawn")
        _pools[processes] = ProcessPoolExecutor(
            processes, context, initializer=_end_with, initargs=(os.getpid(),)
        )
    return _pools[processes]


def _end_with(bot: int) -> None:
    """In a judging process: exit when the bot is gone. A bot killed with SIGKILL cannot say
    so, and the process, which holds its own end of the pipe, would wait for work forever."""

    def watch() -> None:
        while os.getppid() == bot:
            time.sleep(ORPHAN_CHECK)
        os._exit(0)

    threading.Thread(target=watch, name="end-with-the-bot", daemon=True).start()
