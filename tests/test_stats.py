"""/stats on a known dataset: the numbers, the chart as a valid PNG, the terminal view."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from bot.cli_catalogue import stats_command
from bot.config import Settings
from bot.context import BotApp
from bot.services import stats as st
from bot.services.workflow import ADMIN, ARTISAN, REVIEWER
from bot.storage.models import Artisan, Event, Photo, State, Submission
from fake_telegram import FakeTelegram
from tests.support.journey import choose_language
from tests.support.world import ADMIN_ID, REVIEWER_ID, Sessions

OTHER_REVIEWER = 900_003
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n"


def hours(n: float) -> datetime:
    return T0 + timedelta(hours=n)


# (artisan, district, state, step, [(from, to, actor, role, at)])
DATASET = [
    ("a", "Gorakhpur", State.APPROVED, None, [
        (State.DRAFT, State.PENDING, None, ARTISAN, hours(0)),
        (State.PENDING, State.IN_REVIEW, REVIEWER_ID, REVIEWER, hours(1)),
        (State.IN_REVIEW, State.APPROVED, REVIEWER_ID, REVIEWER, hours(2)),
    ]),
    ("a", "Gorakhpur", State.LISTED, None, [
        (State.DRAFT, State.PENDING, None, ARTISAN, hours(0)),
        (State.PENDING, State.IN_REVIEW, REVIEWER_ID, REVIEWER, hours(1)),
        (State.IN_REVIEW, State.PENDING, None, "system", hours(1.5)),  # lease expired
        (State.PENDING, State.IN_REVIEW, REVIEWER_ID, REVIEWER, hours(3)),
        (State.IN_REVIEW, State.APPROVED, REVIEWER_ID, REVIEWER, hours(4)),
        (State.APPROVED, State.LISTED, ADMIN_ID, ADMIN, hours(5)),
    ]),
    ("b", "Varanasi", State.REJECTED, None, [
        (State.DRAFT, State.PENDING, None, ARTISAN, hours(0)),
        (State.PENDING, State.IN_REVIEW, OTHER_REVIEWER, REVIEWER, hours(0.5)),
        (State.IN_REVIEW, State.REJECTED, OTHER_REVIEWER, REVIEWER, hours(1)),
    ]),
    ("b", "Varanasi", State.PENDING, None, [
        (State.DRAFT, State.PENDING, None, ARTISAN, hours(0)),
    ]),
    ("c", None, State.DRAFT, "photos", []),
    ("c", None, State.DRAFT, "price", []),
    ("a", "Gorakhpur", State.DRAFT, "photos", []),
]  # fmt: skip


async def seed(db: Sessions) -> None:
    """Three registered artisans (and one who never consented) with the submissions above."""
    async with db() as session:
        people = {
            key: Artisan(telegram_id=7000 + n, name=f"Artisan {key}", consent_at=T0)
            for n, key in enumerate("abc")
        }
        session.add_all([*people.values(), Artisan(telegram_id=7999)])
        await session.flush()
        for key, district, state, step, events in DATASET:
            sub = Submission(artisan_id=people[key].id, district=district, state=state, step=step)
            session.add(sub)
            await session.flush()
            session.add_all(
                Event(submission_id=sub.id, from_state=src, to_state=dst, actor_id=actor,
                      actor_role=role, at=at)
                for src, dst, actor, role, at in events
            )  # fmt: skip
            if state == State.APPROVED:
                kept = Photo(submission_id=sub.id, position=1, file_id="F", file_unique_id="U")
                kept.local_path = "U.jpg"
                session.add(kept)
        await session.commit()


async def test_numbers_on_a_known_dataset(bot: BotApp, db: Sessions) -> None:
    await seed(db)
    async with db() as session:
        numbers = await st.collect(session)
    assert numbers.artisans == 3
    assert numbers.by_state == {
        "draft": 3,
        "pending": 1,
        "approved": 1,
        "rejected": 1,
        "listed": 1,
    }
    assert numbers.by_district == {"Gorakhpur": (2, 2), "Varanasi": (2, 0)}
    reviewers = [(r.actor_id, r.approvals, r.decisions, r.median_hours) for r in numbers.reviewers]
    assert reviewers == [(REVIEWER_ID, 2, 2, 3.0), (OTHER_REVIEWER, 0, 1, 1.0)]
    assert numbers.dropoff == {"price": 1, "photos": 2}
    assert numbers.photos == (1, 0, 0)


async def test_admin_gets_stats_in_their_language_and_a_png_chart(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    await seed(db)
    admin = fake.user(ADMIN_ID, language_code="en")
    await choose_language(admin)
    await admin.send("/stats", expect=2, timeout=30)
    text = admin.texts[-2]
    for line in (
        "Artisans registered: 3",
        "waiting for review: 1",
        "listed on a marketplace: 1",
        "Gorakhpur: 2 / 2",
        "Varanasi: 2 / 0",
        f"{REVIEWER_ID}: 2 / 2, 3.0 h",
        f"{OTHER_REVIEWER}: 0 / 1, 1.0 h",
        "photos: 2",
        "price: 1",
    ):
        assert line in text
    [chart] = [call for call in admin.actions if call.method == "sendPhoto"]
    png = chart.files["photo"]
    assert png.startswith(PNG)
    image = Image.open(io.BytesIO(png))
    image.verify()
    assert image.format == "PNG" and image.size[0] >= 400


async def test_hindi_admin_reads_district_names_in_hindi(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    await seed(db)
    admin = fake.user(ADMIN_ID, language_code="hi")
    await admin.send("/stats", expect=2, timeout=30)
    assert "गोरखपुर: 2 / 2" in admin.texts[-2] and "पंजीकृत कारीगर: 3" in admin.texts[-2]


async def test_reviewer_asking_for_stats_is_refused(fake: FakeTelegram, bot: BotApp) -> None:
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await choose_language(reviewer)
    await reviewer.send("/stats")
    assert reviewer.last_text == "This command is for admins only."


async def test_operator_prints_the_same_stats_in_the_terminal(
    bot: BotApp,
    db: Sessions,
    settings: Settings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    await seed(db)
    chart = tmp_path / "stats.png"
    assert await stats_command(settings, "en", chart) == 0
    out = capsys.readouterr().out
    assert "ODOP bot statistics" in out and "<b>" not in out
    assert "Gorakhpur: 2 / 2" in out and f"{REVIEWER_ID}: 2 / 2, 3.0 h" in out
    assert chart.read_bytes().startswith(PNG)


def test_long_stats_are_split_into_messages_telegram_accepts() -> None:
    text = "\n".join(f"line {n} " + "x" * 90 for n in range(200))
    parts = st.chunks(text)
    assert len(parts) > 1 and all(len(p) <= 4000 for p in parts)
    assert "\n".join(parts) == text
