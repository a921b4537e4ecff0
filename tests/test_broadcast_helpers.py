"""A notice reaches artisans without Telegram through the field helper who registered them:
one notice per helper, then whom to pass it on to (fake Bot API)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete

from bot.context import BotApp, services_of
from bot.services.broadcast import Audience, CraftCatalogue, queue_broadcast
from bot.storage.models import Artisan, Role, Staff, utcnow
from fake_telegram import FakeTelegram, FakeUser
from fake_telegram.models import BotMessage
from tests.support.broadcast import artisan, deliveries, queue, received, seed, wait_finished
from tests.support.world import ADMIN_ID, Sessions

HELPER_ID = 900_020
OTHER_HELPER_ID = 900_021
NOTICE = "शिविर"  # in tests.support.broadcast.NOTICE
PASS_ON = "ऊपर की सूचना इन कारीगरों तक पहुँचा दें"


async def make_helper(fake: FakeTelegram, user_id: int = HELPER_ID, **user: Any) -> FakeUser:
    admin = fake.user(ADMIN_ID)
    helper = fake.user(user_id, first_name="Kamla", **user)
    await admin.send(f"/addhelper {user_id}")
    assert "अब सहायक हैं" in admin.last_text
    return helper


async def registered_by(
    db: Sessions, helper_id: int, *people: tuple[str, str], **fields: Any
) -> list[int]:
    """Artisans a helper registered in person, (name, district) each: no Telegram of their own."""
    values: dict[str, Any] = {
        "telegram_id": None,
        "locale": "hi",
        "craft": "टेराकोटा",
        "consent_at": utcnow(),
        "consent_method": "in_person",
        "consent_by": helper_id,
        "assisted_by": helper_id,
        "reachable": False,
    }
    values.update(fields)
    async with db() as session, session.begin():
        rows = [Artisan(name=name, district=district, **values) for name, district in people]
        session.add_all(rows)
        await session.flush()
        return [row.id for row in rows]


def pass_on_messages(helper: FakeUser) -> list[BotMessage]:
    """The list of whom to tell, and its further parts if it needed more than one message."""
    return [m for m in helper.messages if PASS_ON in m.plain or "सूची आगे" in m.plain]


async def test_helper_gets_the_notice_once_and_the_names_of_their_artisans(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    direct = await seed(db, fake, 2)
    ramu, sita = await registered_by(
        db, HELPER_ID, ("रामू प्रजापति", "Gorakhpur"), ("सीता <देवी>", "Agra")
    )
    broadcast = await wait_finished(db, await queue(bot))

    everyone = [HELPER_ID, *direct]
    assert received(fake, everyone, NOTICE) == dict.fromkeys(everyone, 1)
    [note] = pass_on_messages(helper)
    assert "• रामू प्रजापति — गोरखपुर" in note.plain and "• सीता <देवी> — आगरा" in note.plain
    notice = helper.messages[-2]
    assert NOTICE in notice.plain and note.result["reply_to_message"]["message_id"] == (
        notice.message_id
    )
    rows = {d.chat_id: d for d in await deliveries(db, broadcast.id)}
    assert len(rows) == 3 and rows[HELPER_ID].artisan_id is None
    assert (rows[HELPER_ID].state, rows[HELPER_ID].for_artisans) == ("sent", [ramu, sita])
    assert (broadcast.total, broadcast.sent) == (3, 3)
    admin = fake.users[ADMIN_ID]
    await fake.wait_for(lambda: "पूरी हुई" in admin.last_text)
    assert "सहायकों के ज़रिए: 2 बिना Telegram वाले कारीगर (सहायक: 1" in admin.last_text


async def test_artisan_who_joined_telegram_gets_it_directly_and_is_not_listed(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    joined = fake.user(700_001)
    await registered_by(db, HELPER_ID, ("रामू प्रजापति", "Gorakhpur"))
    await registered_by(
        db, HELPER_ID, ("गीता वर्मा", "Gorakhpur"), telegram_id=joined.id, reachable=True
    )
    await wait_finished(db, await queue(bot))

    assert received(fake, [joined.id, HELPER_ID], NOTICE) == {joined.id: 1, HELPER_ID: 1}
    [note] = pass_on_messages(helper)
    assert "रामू प्रजापति" in note.plain and "गीता" not in note.plain


async def test_helper_whose_role_was_removed_gets_nothing(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    removed = await make_helper(fake)
    kept = await make_helper(fake, OTHER_HELPER_ID)
    await registered_by(db, HELPER_ID, ("रामू प्रजापति", "Gorakhpur"))
    await registered_by(db, OTHER_HELPER_ID, ("सीता देवी", "Gorakhpur"))
    admin = fake.users[ADMIN_ID]
    await admin.send(f"/removehelper {HELPER_ID}")
    assert "अब सहायक नहीं हैं" in admin.last_text
    seen = len(removed.messages)
    broadcast = await wait_finished(db, await queue(bot))

    assert len(removed.messages) == seen  # no notice, no list
    assert received(fake, [OTHER_HELPER_ID], NOTICE) == {OTHER_HELPER_ID: 1}
    assert "सीता देवी" in pass_on_messages(kept)[0].plain
    assert [d.chat_id for d in await deliveries(db, broadcast.id)] == [OTHER_HELPER_ID]


async def test_helper_removed_after_the_notice_was_queued_gets_nothing(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    await registered_by(db, HELPER_ID, ("रामू प्रजापति", "Gorakhpur"))
    [direct] = await seed(db, fake, 1)
    services = services_of(bot)
    seen = len(helper.messages)
    async with db() as session, session.begin():
        broadcast = await queue_broadcast(
            session,
            created_by=ADMIN_ID,
            text="सूचना",
            photo_file_id=None,
            audience=Audience(),
            catalogue=CraftCatalogue(services.districts),
            default_locale="hi",
            ui_locale="hi",
        )
        await session.execute(
            delete(Staff).where(Staff.user_id == HELPER_ID, Staff.role == Role.HELPER)
        )
    await wait_finished(db, broadcast.id)

    assert len(helper.messages) == seen
    rows = {d.chat_id: d for d in await deliveries(db, broadcast.id)}
    assert (rows[HELPER_ID].state, rows[HELPER_ID].error) == ("skipped", "not a helper")
    assert rows[direct].state == "sent"


async def test_blocked_helper_is_marked_unreachable_and_not_queued_next_time(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    await make_helper(fake)
    async with db() as session, session.begin():  # a helper's own row holds their language
        session.add(Artisan(telegram_id=HELPER_ID, locale="hi"))
    await registered_by(db, HELPER_ID, ("रामू प्रजापति", "Gorakhpur"))
    [direct] = await seed(db, fake, 1)
    fake.block(HELPER_ID)
    first = await wait_finished(db, await queue(bot))
    rows = {d.chat_id: d for d in await deliveries(db, first.id)}
    assert rows[HELPER_ID].state == "failed" and "blocked" in (rows[HELPER_ID].error or "")
    assert not (await artisan(db, HELPER_ID)).reachable

    second = await wait_finished(db, await queue(bot, text="दूसरी सूचना"))
    assert [d.chat_id for d in await deliveries(db, second.id)] == [direct]


async def test_helper_reads_the_list_in_their_own_language(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    await helper.send("/language")
    await helper.press("English")
    await registered_by(db, HELPER_ID, ("रामू प्रजापति", "Gorakhpur"))
    await wait_finished(db, await queue(bot))
    assert "pass the notice above on to" in helper.last_text
    assert "• रामू प्रजापति — Gorakhpur" in helper.last_text


async def test_only_the_artisans_the_notice_is_meant_for_are_named(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    await registered_by(db, HELPER_ID, ("रामू प्रजापति", "Gorakhpur"), ("सीता देवी", "Varanasi"))
    await registered_by(db, HELPER_ID, ("मोहन", "Gorakhpur"), notices_opt_in=False)
    await wait_finished(db, await queue(bot, Audience(districts=("Gorakhpur",))))
    [note] = pass_on_messages(helper)
    assert "रामू प्रजापति" in note.plain
    assert "सीता" not in note.plain and "मोहन" not in note.plain


async def test_helper_of_many_artisans_gets_every_name_in_messages_that_fit(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """The list was cut at one message ("…और 180 कारीगर") and counted everyone as told."""
    helper = await make_helper(fake)
    long_name = "रामकुमार प्रजापति विश्वकर्मा"
    people = [(f"{long_name} {i}", "Gorakhpur") for i in range(300)]
    await registered_by(db, HELPER_ID, *people)
    broadcast = await wait_finished(db, await queue(bot))
    notes = pass_on_messages(helper)  # the fake refuses a text over 4096 characters
    assert len(notes) > 1 and "सूची आगे (भाग 2)" in notes[1].plain
    names = [line for note in notes for line in note.plain.splitlines() if line.startswith("• ")]
    assert names == [f"• {long_name} {i} — गोरखपुर" for i in range(300)]
    [row] = await deliveries(db, broadcast.id)
    assert row.state == "sent" and len(row.for_artisans or []) == 300


async def test_helper_who_is_also_an_artisan_gets_one_notice_naming_their_artisans(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    helper = await make_helper(fake)
    await seed(db, None, 1, start=HELPER_ID)  # registered as an artisan themselves
    await registered_by(db, HELPER_ID, ("रामू प्रजापति", "Gorakhpur"))
    broadcast = await wait_finished(db, await queue(bot))
    assert received(fake, [HELPER_ID], NOTICE) == {HELPER_ID: 1}
    assert "रामू प्रजापति" in pass_on_messages(helper)[0].plain
    [row] = await deliveries(db, broadcast.id)
    assert row.artisan_id is not None and row.for_artisans and row.state == "sent"


async def test_admin_sees_how_many_hear_it_through_helpers_before_sending(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Only artisans without Telegram in the audience: the notice can still be sent."""
    helper = await make_helper(fake)
    await registered_by(db, HELPER_ID, ("रामू प्रजापति", "Gorakhpur"), ("सीता देवी", "Agra"))
    admin = fake.users[ADMIN_ID]
    await admin.send("/broadcast")
    await admin.send("कल शिविर है")
    assert "अभी चुने गए कारीगर: 2" in admin.last_text
    assert "इनमें 2 कारीगरों के पास Telegram नहीं है" in admin.last_text
    await admin.press("सभी कारीगर", expect=2)
    assert "2 कारीगरों को जाएगी" in admin.last_text and admin.buttons[0] == "भेजें"
    await admin.press("भेजें")
    assert "2 कारीगरों के लिए कतार में" in admin.last_text
    await fake.wait_for(lambda: "पूरी हुई" in admin.last_text)
    assert len(pass_on_messages(helper)) == 1
    await admin.send("/broadcasts")
    assert "सहायकों के ज़रिए 2 कारीगर (सहायक: 1)" in admin.last_text
