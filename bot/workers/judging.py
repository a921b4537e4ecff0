"""Kept photos judged in a process of their own (PHOTO_PROCESSES; 0: in a thread of the bot).

Decoding a stranger's file is the riskiest and the heaviest thing the bot does. In another
process a decoder that crashes takes that process down, not the bot, and the decoding does not
compete with the bot's updates for its interpreter (docs/benchmarks.md, eleventh round).

The process (bot/workers/judging_process.py) reads a file name per line and answers each with
a line of JSON, in order. It ends when its input closes, so it ends with the bot however the
bot ends, SIGKILL included. It starts with the first photo, not with the bot.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from collections import deque
from pathlib import Path

from bot.services import photo_quality as pq
from bot.workers import judging_process
from bot.workers.judging_process import NO_VERDICT, decode, judged

log = logging.getLogger(__name__)
STOP_SECONDS = 5.0


class Judges:
    """The photo worker's judging processes; each photo goes to the least busy one."""

    def __init__(self, processes: int) -> None:
        self._processes = [_Process() for _ in range(processes)]

    async def judge(self, path: Path) -> pq.Verdict:
        """The kept file's verdict; never raises, so one odd file cannot stall the worker.

        A process that died is replaced and its photos tried once more: the death may have
        been another photo's doing. A file that kills it twice is kept without a verdict.
        """
        if not self._processes:
            return await asyncio.to_thread(judged, path)
        for _attempt in range(2):
            process = min(self._processes, key=lambda p: len(p.waiting))
            try:
                return await process.judge(path)
            except _Died:
                log.warning("the photo judging process died (judging %s)", path.name)
        return NO_VERDICT

    async def stop(self) -> None:
        await asyncio.gather(*(p.stop() for p in self._processes))


class _Died(Exception):
    pass


class _Process:
    """One judging process, started with its first photo and again after it died."""

    def __init__(self) -> None:
        self.waiting: deque[asyncio.Future[pq.Verdict]] = deque()  # in the order asked
        self._child: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None
        self._starting = asyncio.Lock()

    async def judge(self, path: Path) -> pq.Verdict:
        child = await self._running()
        answer = asyncio.get_running_loop().create_future()
        self.waiting.append(answer)
        assert child.stdin is not None
        # No drain: a line is a few dozen bytes and the worker asks a few at a time. Written to
        # a process that just died, it is dropped, and the reader fails the answer.
        child.stdin.write(json.dumps(str(path)).encode() + b"\n")
        return await answer

    async def _running(self) -> asyncio.subprocess.Process:
        async with self._starting:
            if self._child is None:
                self._child = await asyncio.create_subprocess_exec(
                    sys.executable, "-m", judging_process.__name__, stdin=asyncio.subprocess.PIPE,
                    stdout=asyncio.subprocess.PIPE,
                )  # fmt: skip
                self._reader = asyncio.create_task(self._read(self._child), name="judging")
            return self._child

    async def _read(self, child: asyncio.subprocess.Process) -> None:
        """Hand each answer to its photo. When the process ends, the photos still waiting
        fail (to be tried again), and the next photo starts another process."""
        assert child.stdout is not None
        try:
            while line := await child.stdout.readline():
                answer = self.waiting.popleft()
                if not answer.done():
                    answer.set_result(decode(line))
        finally:
            failed, self.waiting = self.waiting, deque()
            if self._child is child:
                self._child = None
            for answer in failed:
                if not answer.done():
                    answer.set_exception(_Died())
            await child.wait()

    async def stop(self) -> None:
        child, reader = self._child, self._reader
        if child is None or reader is None:
            return
        assert child.stdin is not None
        child.stdin.close()  # its signal to end
        try:
            await asyncio.wait_for(child.wait(), STOP_SECONDS)
        except TimeoutError:
            child.kill()
        await reader
