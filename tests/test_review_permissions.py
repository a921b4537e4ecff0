"""Every reviewer/admin command and button is refused to the wrong person or with forged data.

The world: submission A (Gorakhpur) is held by the reviewer, B (Gorakhpur) waits in the queue.
Each table row is sent by one actor; each must be answered with a refusal in the actor's
language and must change nothing: states, claims, events, staff rows, messages to artisans.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from bot.config import Settings
from bot.context import BotApp
from bot.storage.models import Staff
from fake_telegram import FakeTelegram, FakeUser
from tests.support.factories import add_scoped_reviewer, event_count, reference, states, waiting
from tests.support.journey import choose_language
from tests.support.world import REVIEWER_ID, SCOPED_ID, Sessions

NOT_STAFF = "only for district officials"
ADMIN_ONLY = "for admins only"
OUT = "is not in your districts"
STALE = "no longer active"
NOT_HELD = "not in your hands"
ADMIN_COMMANDS = [
    ("/addreviewer 123456 Gorakhpur", ADMIN_ONLY),
    ("/removereviewer {reviewer}", ADMIN_ONLY),
    ("/addadmin 123456", ADMIN_ONLY),
    ("/removeadmin 900001", ADMIN_ONLY),
    ("/staff", ADMIN_ONLY),
]
BUTTONS = ["rv:ok:{a}", "rv:chg:{a}", "rv:rej:{a}", "rv:r:{a}:c:blurry", "rv:r:{a}:x:dup",
           "rv:txt:{a}:c", "rv:ok:{b}", "rv:rej:{b}"]  # fmt: skip

TABLE: dict[str, list[tuple[str, str]]] = {
    "artisan": [
        *[(c, NOT_STAFF) for c in ("/queue", "/review next", "/review {a}", "/history {a}")],
        ("/reopen {a}", NOT_STAFF),
        *ADMIN_COMMANDS,
        ("rv:next", NOT_STAFF),
        *[(b, NOT_STAFF) for b in BUTTONS],
        ("rv:rs:{a}", NOT_STAFF),
    ],
    "other_district": [
        ("/queue", "queue is empty"),
        ("/review next", "Nothing is waiting"),
        ("/review {a}", OUT),
        ("/review {b}", OUT),
        ("/history {a}", OUT),
        ("/reopen {a}", OUT),
        *ADMIN_COMMANDS,
        ("rv:next", "Nothing is waiting"),
        *[(b, OUT) for b in BUTTONS],
    ],
    "forged": [
        ("/review ODOP-999999", "was not found"),
        ("/review ../../etc", "is not a reference"),
        ("/history ODOP-999999", "was not found"),
        ("/history", "Write: /history"),
        ("/review {a}x", "is not a reference"),
        ("/reopen {a}", "is not rejected"),  # held, not decided: nothing to reopen
        *ADMIN_COMMANDS,
        ("rv:ok:999999", "was not found"),
        ("rv:ok:abc", STALE),
        ("rv:ok:²", STALE),
        ("rv:ok:٣", STALE),
        ("rv:zz:{a}", STALE),
        ("rv:ok:{a}:x", STALE),
        ("rv:ok:{a}:c:blurry", STALE),
        ("rv:r:{a}:q:blurry", STALE),
        ("rv:r:{a}:c:bogus", STALE),
        ("rv:r:{a}:c", STALE),
        ("rv:txt:{a}", STALE),
        ("rv:ok:{b}", NOT_HELD),
        ("rv:chg:{b}", NOT_HELD),
        ("rv:r:{b}:x:dup", NOT_HELD),
        ("rv:txt:{b}:c", NOT_HELD),
        ("rv:", STALE),
    ],
}


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings()


async def staff_rows(db: Sessions) -> int:
    async with db() as session:
        return int(await session.scalar(select(func.count()).select_from(Staff)) or 0)


async def answer_to(fake: FakeTelegram, user: FakeUser, entry: str) -> str:
    """Send a command or press forged callback data; return the bot's answer text."""
    if entry.startswith("/"):
        await user.send(entry)
        return user.last_text
    alerts, actions = len(user.alerts), len(user.actions)
    await user.press(data=entry, message=user.visible[0], expect=0)
    await fake.wait_for(lambda: len(user.alerts) > alerts or len(user.actions) > actions)
    return user.alerts[-1] if len(user.alerts) > alerts else user.last_text


@pytest.mark.parametrize("actor", sorted(TABLE))
async def test_wrong_person_or_forged_data_is_refused_and_changes_nothing(
    fake: FakeTelegram, bot: BotApp, db: Sessions, actor: str
) -> None:
    owner_a, a = await waiting(fake, db, locale="en")
    owner_b, b = await waiting(fake, db)
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await choose_language(reviewer)
    await reviewer.send(f"/review {reference(a)}", expect=2)
    await add_scoped_reviewer(db, SCOPED_ID, ["Varanasi"])
    scoped = fake.user(SCOPED_ID, language_code="en")
    if actor == "other_district":
        await choose_language(scoped)
    user = {
        "artisan": owner_a,
        "other_district": scoped,
        "forged": reviewer,
    }[actor]
    if actor != "forged":
        await user.send("/start")  # a message with an inline keyboard to press on
    before = (await states(db), await event_count(db), await staff_rows(db))
    heard = (len(owner_a.texts), len(owner_b.texts))
    failures = []
    for entry, expected in TABLE[actor]:
        command = entry.startswith("/")
        sent = entry.format(
            a=reference(a) if command else a,
            b=reference(b) if command else b,
            reviewer=REVIEWER_ID,
        )
        answer = await answer_to(fake, user, sent)
        if expected not in answer:
            failures.append(f"{actor} {sent!r}: expected {expected!r}, got {answer!r}")
    assert failures == []
    assert (await states(db), await event_count(db), await staff_rows(db)) == before
    assert len(owner_b.texts) == heard[1]
    if user is not owner_a:
        assert len(owner_a.texts) == heard[0]
