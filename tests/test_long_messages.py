"""Lists longer than one Telegram message (4,096 characters) arrive whole, in several parts."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotApp
from bot.storage.models import Artisan, Event, Staff, State, Submission, format_reference, utcnow
from fake_telegram import FakeTelegram
from tests.support.journey import english
from tests.support.world import ADMIN_ID, REVIEWER_ID

Sessions = Callable[[], AsyncSession]
ITEMS = 200
LIMIT = 4096


async def artisan_with_products(db: Sessions, telegram_id: int) -> list[int]:
    async with db() as session, session.begin():
        artisan = Artisan(
            telegram_id=telegram_id, locale="hi", name="सुनीता देवी", phone="+919876500001",
            district="Gorakhpur", consent_at=utcnow(),
        )  # fmt: skip
        session.add(artisan)
        await session.flush()
        subs = [
            Submission(
                artisan_id=artisan.id,
                state=State.PENDING,
                district="Gorakhpur",
                craft="टेराकोटा",
                product_name=f"टेराकोटा घोड़ा नंबर {n}",
                price=1200,
                version=1,
                submitted_at=utcnow(),
            )
            for n in range(ITEMS)
        ]
        session.add_all(subs)
        await session.flush()
        return [sub.id for sub in subs]


def texts_since(user: object, mark: int) -> list[str]:
    return [call.params.get("text", "") for call in user.actions[mark:]]  # type: ignore[attr-defined]


async def test_artisan_with_200_products_sees_every_one_in_status(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan = fake.user()
    ids = await artisan_with_products(db, artisan.id)
    mark = artisan.mark()
    await artisan.send("/status", expect=2)
    texts = texts_since(artisan, mark)
    assert len(texts) >= 2 and all(len(text) <= LIMIT for text in texts)
    joined = "\n".join(texts)
    assert all(format_reference(i) in joined for i in ids)


async def test_reviewer_sees_a_history_of_200_events_whole(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    owner = fake.user()
    (first, *_) = await artisan_with_products(db, owner.id)
    async with db() as session, session.begin():
        session.add_all(
            Event(
                submission_id=first,
                actor_id=REVIEWER_ID,
                actor_role="reviewer",
                from_state=State.PENDING,
                to_state=State.PENDING,
                reason=f"एक लंबी टिप्पणी, बारी {n}: फ़ोटो फिर से देखें और दाम जाँचें।",
            )
            for n in range(ITEMS)
        )
    reviewer = await english(fake.user(REVIEWER_ID))
    mark = reviewer.mark()
    await reviewer.send(f"/history {format_reference(first)}", expect=2)
    texts = texts_since(reviewer, mark)
    assert len(texts) >= 2 and all(len(text) <= LIMIT for text in texts)
    joined = "\n".join(texts)
    assert all(f"बारी {n}:" in joined for n in range(ITEMS))


async def test_admin_lists_200_staff_members_whole(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    async with db() as session, session.begin():
        session.add_all(
            Staff(user_id=800_000 + n, role="reviewer", districts=["Gorakhpur", "Varanasi"])
            for n in range(ITEMS)
        )
    admin = await english(fake.user(ADMIN_ID))
    mark = admin.mark()
    await admin.send("/staff", expect=2)
    texts = texts_since(admin, mark)
    assert len(texts) >= 2 and all(len(text) <= LIMIT for text in texts)
    joined = "\n".join(texts)
    assert "800000" in joined and str(800_000 + ITEMS - 1) in joined
