"""Kept photos judged in a process of their own (bot/workers/judging.py)."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.services import photo_quality as pq
from bot.workers import judging, judging_process
from tests.support.photo_samples import blurred, jpeg, product_photo


@pytest.fixture
def blurry(tmp_path: Path) -> Path:
    path = tmp_path / "blurry.jpg"
    path.write_bytes(jpeg(blurred(product_photo(), 8)))
    return path


async def test_a_photo_is_judged_in_another_process_as_it_would_be_here(blurry: Path) -> None:
    here = pq.judge_file(str(blurry))
    assert here.problem is pq.Problem.BLURRY and here.phash is not None
    judges, before = judging.Judges(1), _judging()
    try:
        assert await judges.judge(blurry) == here
        (child,) = _judging() - before
        assert await judges.judge(blurry) == here  # the same process again
        assert _judging() - before == {child}
    finally:
        await judges.stop()
    assert _judging() - before == set()  # its input closed, it ended
    assert await judging.Judges(0).judge(blurry) == here  # PHOTO_PROCESSES=0: a thread


async def test_a_judging_process_that_died_is_replaced(blurry: Path) -> None:
    judges, before = judging.Judges(1), _judging()
    try:
        await judges.judge(blurry)
        (child,) = _judging() - before
        os.kill(child, signal.SIGKILL)  # as a decoder crash would take it down
        verdict = await judges.judge(blurry)
        assert verdict.problem is pq.Problem.BLURRY
        (other,) = _judging() - before
        assert other != child
    finally:
        await judges.stop()


@pytest.mark.parametrize("content", [b"not a picture at all", None])
async def test_an_unreadable_or_missing_file_gets_no_verdict(
    tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "kept.jpg"
    if content is not None:
        path.write_bytes(content)
    judges = judging.Judges(1)
    try:
        assert await judges.judge(path) == judging_process.NO_VERDICT
    finally:
        await judges.stop()
    assert await judging.Judges(0).judge(path) == judging_process.NO_VERDICT


def test_the_process_answers_each_name_in_order(blurry: Path, tmp_path: Path) -> None:
    sharp = tmp_path / "sharp.jpg"
    sharp.write_bytes(jpeg(product_photo()))
    names = [f'"{path}"\n'.encode() for path in (blurry, sharp, tmp_path / "gone.jpg")]
    out = io.BytesIO()
    judging_process.serve(names, out)
    answers = [judging_process.decode(line) for line in out.getvalue().splitlines()]
    assert answers == [
        pq.judge_file(str(blurry)),
        pq.judge_file(str(sharp)),
        judging_process.NO_VERDICT,
    ]


def _judging() -> set[int]:
    """This test process's living judging processes."""
    me = Path(f"/proc/{os.getpid()}/task")
    children = [
        int(pid) for task in me.iterdir() for pid in (task / "children").read_text().split()
    ]
    return {
        pid
        for pid in children
        if b"bot.workers.judging_process" in Path(f"/proc/{pid}/cmdline").read_bytes()
        and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"  # not yet reaped
    }


def test_the_process_ends_quietly_when_the_bot_is_gone_and_ignores_ctrl_c(blurry: Path) -> None:
    """A bot killed mid-answer leaves nobody to read it: no traceback in the bot's log. Ctrl-C
    reaches the whole process group: the bot ends the process itself, by closing its input."""
    child = subprocess.Popen(
        [sys.executable, "-m", judging_process.__name__],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert child.stdin is not None and child.stdout is not None and child.stderr is not None
    child.stdin.write(f'"{blurry}"\n'.encode())
    child.stdin.flush()
    assert judging_process.decode(child.stdout.readline()).problem is pq.Problem.BLURRY
    child.send_signal(signal.SIGINT)
    child.stdout.close()  # the bot is gone
    child.stdin.write(f'"{blurry}"\n'.encode() * 3)
    child.stdin.close()
    assert child.wait(timeout=30) == 0
    assert child.stderr.read() == b""
