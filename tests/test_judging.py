"""Kept photos judged in a process of their own (bot/workers/judging.py)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from bot.services import photo_quality as pq
from bot.workers import judging
from tests.support.photo_samples import blurred, jpeg, product_photo


@pytest.fixture
def blurry(tmp_path: Path) -> Path:
    path = tmp_path / "blurry.jpg"
    path.write_bytes(jpeg(blurred(product_photo(), 8)))
    return path


async def test_a_photo_is_judged_in_another_process_as_it_would_be_here(blurry: Path) -> None:
    here = pq.judge_file(str(blurry))
    assert here.problem is pq.Problem.BLURRY and here.phash is not None
    assert await judging.judge(blurry, processes=1) == here
    assert await judging.judge(blurry, processes=0) == here  # PHOTO_PROCESSES=0: a thread
    elsewhere = await asyncio.wrap_future(judging._pool(1).submit(os.getpid))
    assert elsewhere != os.getpid()


async def test_a_judging_process_that_died_is_replaced(blurry: Path) -> None:
    dying = judging._pool(1)
    dying.submit(os._exit, 1)  # as a decoder crash would take it down
    verdict = await judging.judge(blurry, processes=1)
    assert verdict.problem is pq.Problem.BLURRY
    assert judging._pool(1) is not dying


@pytest.mark.parametrize("content", [b"not a picture at all", None])
async def test_an_unreadable_or_missing_file_gets_no_verdict(
    tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "kept.jpg"
    if content is not None:
        path.write_bytes(content)
    assert await judging.judge(path, processes=1) == judging.NO_VERDICT
    assert await judging.judge(path, processes=0) == judging.NO_VERDICT
