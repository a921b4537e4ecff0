"""Staff safety: nobody reviews their own product, the last admin stays, role changes are
audited and shown, narrower districts release claims at once, forged numbers are refused."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import timedelta

from sqlalchemy import select, update

from bot.config import Settings
from bot.context import BotApp, services_of
from bot.storage.models import Artisan, Staff, StaffChange, State, Submission, utcnow
from fake_telegram import FakeTelegram, FakeUser
from tests.support.factories import add_scoped_reviewer, events, reference, submission
from tests.support.factories import waiting as waiting_submission
from tests.support.journey import choose_language
from tests.support.world import ADMIN_ID, REVIEWER_ID, Sessions

NEW_ID = 900_010
OTHER_ID = 900_011


async def own_submission(fake: FakeTelegram, db: Sessions, staff_id: int) -> int:
    """A submission waiting for review whose artisan is the staff member `staff_id`."""
    user, sub_id = await waiting_submission(fake, db)
    async with db() as session, session.begin():
        await session.execute(
            update(Artisan).where(Artisan.telegram_id == user.id).values(telegram_id=staff_id)
        )
    return sub_id


async def hold(db: Sessions, sub_id: int, holder: int) -> None:
    """A live claim as if taken before this rule existed (or by a forged update)."""
    async with db() as session, session.begin():
        await session.execute(
            update(Submission)
            .where(Submission.id == sub_id)
            .values(
                state=State.IN_REVIEW, claimed_by=holder, lease_until=utcnow() + timedelta(hours=1)
            )
        )


async def alert_after(fake: FakeTelegram, user: FakeUser, data: str) -> str:
    """Press forged data on the newest keyboard; the popup the bot answers with."""
    seen = len(user.alerts)
    await user.press(data=data, expect=0)
    await fake.wait_for(lambda: len(user.alerts) > seen, 10)
    return user.alerts[-1]


def formatted(user: FakeUser) -> tuple[str, list[str]]:
    """The last message as the person reads it, and the kinds of its formatting."""
    message = user.last
    kinds = [e["type"] for e in message.result.get("entities", [])]
    return message.plain, kinds


async def test_reviewer_registered_as_artisan_cannot_claim_own_submission(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    own = await own_submission(fake, db, REVIEWER_ID)
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await reviewer.send("/review next")
    # The reviewer reads Hindi: the language they chose as an artisan.
    assert "कोई आवेदन बाकी नहीं" in reviewer.last_text
    await reviewer.send(f"/review {reference(own)}")
    assert "आपका अपना आवेदन" in reviewer.last_text
    assert (await submission(db, own)).state == State.PENDING
    admin = fake.user(ADMIN_ID, language_code="en")  # someone else may take it
    await admin.send("/review next", expect=2)
    assert reference(own) in admin.last_text


async def test_the_queue_does_not_count_the_reviewers_own_product(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "1 waiting" and a "Review next" that then said nothing was waiting."""
    await own_submission(fake, db, REVIEWER_ID)
    reviewer = fake.user(REVIEWER_ID)
    await reviewer.send("/queue")
    assert "कतार खाली है" in reviewer.last_text
    await waiting_submission(fake, db)
    await reviewer.send("/queue")
    assert "कुल 1" in reviewer.last_text and "गोरखपुर: 1" in reviewer.last_text


async def test_reviewer_holding_own_submission_cannot_decide_it_at_any_button(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, other = await waiting_submission(fake, db)
    own = await own_submission(fake, db, REVIEWER_ID)
    await hold(db, own, REVIEWER_ID)
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await reviewer.send("/review next", expect=2)  # a card of someone else's, with buttons
    assert reference(other) in reviewer.last_text
    for data in (f"rv:ok:{own}", f"rv:rej:{own}", f"rv:r:{own}:x:dup", f"rv:txt:{own}:c"):
        assert "आपका अपना आवेदन" in await alert_after(fake, reviewer, data), data
    sub = await submission(db, own)
    assert sub.state == State.IN_REVIEW and sub.decided_at is None
    assert await events(db, own) == []  # no decision, no claim: nothing happened


async def test_admin_registered_as_artisan_cannot_open_own_submission(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    own = await own_submission(fake, db, ADMIN_ID)
    admin = fake.user(ADMIN_ID, language_code="hi")
    await admin.send(f"/review {reference(own)}")
    assert "आपका अपना आवेदन" in admin.last_text
    assert (await submission(db, own)).claimed_by is None


async def test_admin_sees_role_change_confirmations_formatted_not_as_tags(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    admin = fake.user(ADMIN_ID, language_code="en")
    await choose_language(admin)
    fake.user(NEW_ID, language_code="en")
    for command in (f"/addreviewer {NEW_ID} Gorakhpur", f"/addadmin {NEW_ID}"):
        await admin.send(command)
        text, kinds = formatted(admin)
        assert "<code>" not in text and "&lt;" not in text, text
        assert str(NEW_ID) in text and "code" in kinds
    await admin.send(f"/removeadmin {NEW_ID}")
    text, kinds = formatted(admin)
    assert "no longer an admin" in text and "<code>" not in text and "code" in kinds


async def test_admin_cannot_remove_an_admin_from_settings_in_chat(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    admin = fake.user(ADMIN_ID, language_code="en")
    newcomer = fake.user(NEW_ID, language_code="en")
    await admin.send(f"/addadmin {NEW_ID}")
    await newcomer.send(f"/removeadmin {ADMIN_ID}")
    assert "ADMIN_IDS" in newcomer.last_text
    await newcomer.send(f"/removeadmin {OTHER_ID}")
    assert "is not an admin" in newcomer.last_text
    await newcomer.send("/removeadmin ²")
    assert "Write: /removeadmin" in newcomer.last_text
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await reviewer.send(f"/removeadmin {NEW_ID}")
    assert "for admins only" in reviewer.last_text
    async with db() as session:
        assert await session.get(Staff, (NEW_ID, "admin")) is not None


async def test_last_admin_cannot_be_removed_and_every_change_is_audited(
    fake: FakeTelegram,
    make_settings: Callable[..., Settings],
    start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]],
) -> None:
    settings = make_settings(admin_ids=[])  # admins only in the table
    async with start_bot(settings) as app:
        db = services_of(app).sessions
        async with db() as session, session.begin():
            session.add(Staff(user_id=NEW_ID, role="admin", districts=[]))
        first = fake.user(NEW_ID, language_code="en")
        second = fake.user(OTHER_ID, language_code="en")
        await first.send(f"/removeadmin {NEW_ID}")
        assert "the last admin" in first.last_text
        await first.send(f"/addadmin {OTHER_ID}")
        await second.send(f"/removeadmin {NEW_ID}")
        assert "no longer an admin" in second.last_text
        assert "no longer an admin" in first.last_text  # told in their own chat, own language
        await second.send(f"/removeadmin {OTHER_ID}")
        assert "the last admin" in second.last_text
        await second.send("/staff")
        text, kinds = formatted(second)
        assert "<code>" not in text and "code" in kinds
        changes = text.split("Recent role changes", 1)[1].splitlines()[1:]
        assert "removed" in changes[0] and str(NEW_ID) in changes[0]
        assert str(OTHER_ID) in changes[0]  # by whom
        assert "added" in changes[1] and str(OTHER_ID) in changes[1]
        async with db() as session:
            rows = (await session.scalars(select(StaffChange).order_by(StaffChange.id))).all()
            admins = (await session.scalars(select(Staff.user_id))).all()
        assert [(r.action, r.user_id, r.actor_id) for r in rows] == [
            ("granted", OTHER_ID, NEW_ID),
            ("removed", NEW_ID, OTHER_ID),
        ]
        assert admins == [OTHER_ID]


async def test_regranting_fewer_districts_releases_claims_outside_them_at_once(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, gorakhpur = await waiting_submission(fake, db)
    _, varanasi = await waiting_submission(fake, db, district="Varanasi", craft="लकड़ी के खिलौने")
    await add_scoped_reviewer(db, NEW_ID, ["Gorakhpur", "Varanasi"])
    reviewer = fake.user(NEW_ID, language_code="en")
    for sub_id in (gorakhpur, varanasi):
        await reviewer.send(f"/review {reference(sub_id)}", expect=2)
    admin = fake.user(ADMIN_ID, language_code="en")
    await admin.send(f"/addreviewer {NEW_ID} Varanasi")
    assert "1 submission they held outside" in admin.last_text
    await fake.wait_for(lambda: "went back to the queue" in reviewer.last_text)
    assert reference(gorakhpur) in reviewer.last_text  # told which card they lost
    released, kept = await submission(db, gorakhpur), await submission(db, varanasi)
    assert (released.state, released.claimed_by) == (State.PENDING, None)
    assert (kept.state, kept.claimed_by) == (State.IN_REVIEW, NEW_ID)
    last = (await events(db, gorakhpur))[-1]
    assert (last.actor_id, last.reason) == (ADMIN_ID, "reason-reviewer-rescoped")
    await admin.send("/staff")
    assert "changed" in admin.last_text and "1 back to the queue" in admin.last_text


async def test_removed_admin_with_claims_loses_them_at_once(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, sub_id = await waiting_submission(fake, db)
    async with db() as session, session.begin():
        session.add(Staff(user_id=NEW_ID, role="admin", districts=[]))
    newcomer = fake.user(NEW_ID, language_code="en")
    await newcomer.send("/review next", expect=2)
    admin = fake.user(ADMIN_ID, language_code="en")
    await admin.send(f"/removeadmin {NEW_ID}")
    assert "1 submission they held" in admin.last_text
    sub = await submission(db, sub_id)
    assert (sub.state, sub.claimed_by) == (State.PENDING, None)


async def test_forged_numbers_in_buttons_and_commands_are_refused_without_error(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, sub_id = await waiting_submission(fake, db)
    reviewer = fake.user(REVIEWER_ID, language_code="en")
    await reviewer.send("/review next", expect=2)
    for data in ("rv:ok:²", "rv:ok:٣", f"rv:ok:{sub_id}\n", "rv:r:²:x:blurry", "rv:next:²"):
        assert "no longer active" in await alert_after(fake, reviewer, data), data
    await reviewer.send("/review ODOP-٣")
    assert "ODOP-٣" in reviewer.last_text
    admin = fake.user(ADMIN_ID, language_code="en")
    for typed in ("²", "#²", "٣", "1234567890"):
        await admin.send(f"/cancelbroadcast {typed}")
        assert "Write it like this: /cancelbroadcast" in admin.last_text, typed
    sub = await submission(db, sub_id)
    assert sub.state == State.IN_REVIEW and sub.decided_at is None
    assert not [c for c in fake.calls if (c.status or 200) >= 400]


async def test_admin_cannot_reopen_own_rejected_submission(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    own = await own_submission(fake, db, ADMIN_ID)
    async with db() as session, session.begin():
        await session.execute(
            update(Submission).where(Submission.id == own).values(state=State.REJECTED)
        )
    admin = fake.user(ADMIN_ID, language_code="hi")
    await admin.send(f"/reopen {reference(own)}")
    assert "आपका अपना आवेदन" in admin.last_text
    assert (await submission(db, own)).state == State.REJECTED


async def test_adding_a_settings_admin_in_chat_writes_no_row(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    admin = fake.user(ADMIN_ID, language_code="en")
    await admin.send(f"/addadmin {ADMIN_ID}")
    assert "already an admin through the ADMIN_IDS setting" in admin.last_text
    async with db() as session:
        assert await session.get(Staff, (ADMIN_ID, "admin")) is None
