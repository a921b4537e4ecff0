"""A large export does not hold up the bot: an artisan registering meanwhile gets every answer
at once, whether the export runs in chat (/export) or in another process (`bot export`)."""

from __future__ import annotations

import asyncio
import glob
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.context import BotApp, services_of
from bot.storage.models import Artisan, Photo, State, Submission, utcnow
from fake_telegram import FakeTelegram, FakeUser
from tests.support.journey import BUTTONS, english, phone_of
from tests.support.world import ADMIN_ID, REVIEWER_ID, Sessions

PRODUCTS = 1000
PHOTO_BYTES = 48 * 1024
ROOT = Path(__file__).resolve().parent.parent
PROMPT = 3.0  # seconds: a generous bound on a shared machine; usually well under 0.5


def _write_photos(media: Path, count: int) -> None:
    media.mkdir(parents=True, exist_ok=True, mode=0o700)
    for n in range(count):
        (media / f"seed{n:05d}.jpg").write_bytes(b"\xff\xd8\xff" + os.urandom(PHOTO_BYTES))


def _product(artisan: Artisan, n: int) -> Submission:
    answers: dict[str, Any] = {
        "district": "Gorakhpur",
        "craft": "टेराकोटा",
        "product_name": f"हाथी {n}",
        "description": "हाथ से बना मिट्टी का हाथी",
        "price": 100 + n,
    }
    snapshot = {"fields": {**answers, "name": artisan.name, "phone": artisan.phone}}
    now = utcnow()
    return Submission(
        artisan_id=artisan.id, state=State.APPROVED, version=1, last_snapshot=snapshot,
        submitted_at=now, decided_at=now, decided_by=REVIEWER_ID, **answers,
    )  # fmt: skip


async def seed_approved(db: Sessions, media: Path, count: int = PRODUCTS) -> None:
    """`count` approved products with one kept photo each, written straight to the database."""
    await asyncio.to_thread(_write_photos, media, count)
    async with db() as session, session.begin():
        artisans = [
            Artisan(telegram_id=7_000_000 + n, name=f"कारीगर {n}", phone=f"+9198{n:08d}",
                    district="Gorakhpur", craft="टेराकोटा", consent_at=utcnow())
            for n in range(count // 10)
        ]  # fmt: skip
        session.add_all(artisans)
        await session.flush()
        subs = [_product(artisans[n % len(artisans)], n) for n in range(count)]
        session.add_all(subs)
        await session.flush()
        session.add_all(
            Photo(submission_id=sub.id, position=1, file_id=f"seed-file-{n}",
                  file_unique_id=f"seed{n:05d}", local_path=f"seed{n:05d}.jpg")
            for n, sub in enumerate(subs)
        )  # fmt: skip


async def until(predicate: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


def copied(folders: str) -> int:
    """Photos an export running now has copied so far (its folder: a glob pattern)."""
    return sum(len(files) for files in map(_files, glob.glob(folders)))


def _files(folder: str) -> list[str]:
    return [name for _root, _dirs, names in os.walk(folder) for name in names]


async def timed_registration(
    bot: BotApp, artisan: FakeUser, progress: Callable[[], int]
) -> list[float]:
    """A whole registration; the seconds each answer took.

    The first answer must come while the export is still copying photos (`progress()`, the
    photos copied so far, below all of them), not once it has finished."""
    b = BUTTONS["hi"]
    steps: list[Callable[[], Awaitable[Any]]] = [
        lambda: artisan.send("/start"),
        lambda: artisan.press(b["agree"]),
        lambda: artisan.send("सुनीता देवी"),
        lambda: artisan.share_contact(phone_of(artisan)),
        lambda: artisan.send("Gorakhpur"),
        lambda: artisan.press("टेराकोटा"),
        lambda: artisan.send("टेराकोटा हाथी"),
        lambda: artisan.send("हाथ से बना मिट्टी का हाथी, भट्टी में पका हुआ।"),
        lambda: artisan.send("1200"),
        lambda: artisan.press(b["skip"]),
        lambda: artisan.send_photo(),
        lambda: artisan.press(b["done"]),
        lambda: artisan.press(b["submit"]),
    ]
    took = []
    for n, step in enumerate(steps):
        started = time.monotonic()
        await step()
        took.append(time.monotonic() - started)
        if n == 0:
            done = progress()
            assert done < PRODUCTS, f"first answer after the export copied {done} photos"
    assert "ODOP-" in artisan.last_text, artisan.last_text
    assert services_of(bot).t("hi", "error-generic") not in artisan.texts
    return took


async def test_artisan_registers_without_waiting_while_admin_exports_1000_products_in_chat(
    fake: FakeTelegram,
    bot: BotApp,
    db: Sessions,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # this test's export folder only
    await seed_approved(db, settings.media_dir)
    admin = await english(fake.user(ADMIN_ID))
    exporting = asyncio.create_task(admin.send("/export", expect=4, timeout=180, settle=1.0))
    folders = os.path.join(tempfile.gettempdir(), "odop-export-*", "catalogue", "photos")
    await until(lambda: copied(folders) > 0)
    took = await timed_registration(bot, fake.user(), lambda: copied(folders))
    await exporting
    assert max(took) < PROMPT, [round(t, 2) for t in took]
    assert f"{PRODUCTS:,} products" in admin.last_text, admin.last_text


async def test_artisan_registers_without_waiting_while_the_terminal_exports_1000_products(
    fake: FakeTelegram, bot: BotApp, db: Sessions, settings: Settings, tmp_path: Path
) -> None:
    await seed_approved(db, settings.media_dir)
    out = tmp_path / "export"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=settings.telegram_bot_token,
        TELEGRAM_API_URL=settings.telegram_api_url,
        DATABASE_URL=settings.database_url,
        MEDIA_DIR=str(settings.media_dir),
        PYTHONPATH=str(ROOT),
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "export", "--format", "xlsx", "--out", str(out),
        env=env, cwd=tmp_path, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    photos = str(out / "photos")
    await until(lambda: copied(photos) > 0 or process.returncode is not None)
    took = await timed_registration(bot, fake.user(), lambda: copied(photos))
    stdout, stderr = await asyncio.wait_for(process.communicate(), 180)
    assert process.returncode == 0, stderr.decode()
    assert f"{PRODUCTS} submissions, {PRODUCTS} photos" in stdout.decode()
    assert max(took) < PROMPT, [round(t, 2) for t in took]
