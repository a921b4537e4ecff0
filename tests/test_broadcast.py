"""An admin composes a notice, chooses who gets it, previews it and sends it (fake Bot API)."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.context import BotApp
from bot.storage.models import Broadcast
from fake_telegram import BotMessage, FakeTelegram, FakeUser
from tests.support.broadcast import NOTICE_PLAIN, deliveries, received, seed, wait_finished
from tests.support.world import ADMIN_ID, REVIEWER_ID, Sessions

TYPED = "कारीगर शिविर 5 मार्च को <आगरा> में & ज़रूर आएँ"


async def latest_broadcast(db: Sessions) -> Broadcast:
    async with db() as session:
        broadcast = await session.scalar(select(Broadcast).order_by(Broadcast.id.desc()))
    assert broadcast is not None
    return broadcast


async def compose(admin: FakeUser, text: str = TYPED) -> None:
    await admin.send("/broadcast")
    assert "नई सूचना" in admin.last_text
    await admin.send(text)
    assert "किसे भेजनी है" in admin.last_text


async def send_and_finish(admin: FakeUser, db: Sessions) -> Broadcast:
    await admin.press("भेजें")
    assert any("कतार में" in text for text in admin.texts)
    return await wait_finished(db, (await latest_broadcast(db)).id)


async def test_admin_previews_the_notice_as_sent_and_every_artisan_gets_it_once(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    ids = await seed(db, fake, 3)
    admin = fake.user(ADMIN_ID)
    await compose(admin)
    assert "अभी चुने गए कारीगर: 3" in admin.last_text
    await admin.press("सभी कारीगर", expect=2)
    assert admin.texts[-2] == TYPED
    assert "3 कारीगरों" in admin.last_text and admin.buttons[0] == "भेजें"

    broadcast = await send_and_finish(admin, db)
    assert (broadcast.state, broadcast.total, broadcast.sent) == ("done", 3, 3)
    assert received(fake, ids) == {i: 1 for i in ids}
    assert all(fake.users[i].last_text == TYPED for i in ids)
    await fake.wait_for(lambda: "पूरी हुई" in admin.last_text)
    assert "भेजी गई: 3" in admin.last_text
    assert any("✅ सूचना" in text and "100%" in text for text in admin.texts)


async def test_a_nul_character_in_the_notice_is_dropped_and_the_notice_still_goes_out(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """PostgreSQL text refuses NUL; a pasted one must not make Send fail."""
    ids = await seed(db, fake, 1)
    admin = fake.user(ADMIN_ID)
    await compose(admin, "शिविर\x00 कल")
    await admin.press("सभी कारीगर", expect=2)
    broadcast = await send_and_finish(admin, db)
    assert (broadcast.state, broadcast.sent) == ("done", 1)
    assert fake.users[ids[0]].last_text == "शिविर कल"


async def test_admin_sends_approved_artisans_in_agra_exactly_them(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    wanted = await seed(db, fake, 2, start=510_000, states=["approved"])
    wanted += await seed(db, fake, 1, start=511_000, states=["listed", "approved"])
    await seed(db, fake, 2, start=520_000, states=["pending"])
    await seed(db, fake, 2, start=530_000, district="Varanasi", states=["approved"])
    await seed(db, fake, 1, start=540_000, states=["approved"], notices_opt_in=False)
    await seed(db, fake, 1, start=550_000, states=["approved"], reachable=False)
    await seed(db, fake, 1, start=560_000, states=["approved"], consent_at=None)
    admin = fake.user(ADMIN_ID)
    await compose(admin)
    await admin.press("ज़िले चुनें")
    await admin.send("आगरा")
    assert "ज़िले: आगरा" in admin.last_text
    await admin.press("आवेदन की स्थिति")
    await admin.press("पास हो गया ✅")
    assert "✓ पास हो गया ✅" in admin.buttons
    await admin.press("वापस")
    assert "आवेदन की स्थिति: पास हो गया ✅" in admin.last_text
    assert "अभी चुने गए कारीगर: 3" in admin.last_text
    await admin.press("पूर्वावलोकन देखें", expect=2)
    assert "3 कारीगरों" in admin.last_text

    broadcast = await send_and_finish(admin, db)
    assert sorted(d.chat_id for d in await deliveries(db, broadcast.id)) == wanted
    assert set(received(fake, range(500_000, 570_000))) == set(wanted)


async def test_admin_filters_by_craft_typed_in_either_language(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    hindi = await seed(db, fake, 2, start=510_000, district="Gorakhpur", craft="टेराकोटा")
    english = await seed(
        db, fake, 1, start=520_000, district="Gorakhpur", craft="Terracotta", locale="en"
    )
    await seed(db, fake, 2, start=530_000, district="Gorakhpur", craft="रेडीमेड वस्त्र")
    admin = fake.user(ADMIN_ID)
    await compose(admin)
    await admin.press("शिल्प चुनें")
    await admin.send("terracotta")
    assert "शिल्प: टेराकोटा" in admin.last_text and "कारीगर: 3" in admin.last_text
    await admin.press("पूर्वावलोकन देखें", expect=2)
    broadcast = await send_and_finish(admin, db)
    assert sorted(d.chat_id for d in await deliveries(db, broadcast.id)) == hindi + english


async def test_admin_filters_by_language(fake: FakeTelegram, bot: BotApp, db: Sessions) -> None:
    await seed(db, fake, 2, start=510_000, locale="hi")
    english = await seed(db, fake, 2, start=520_000, locale="en")
    admin = fake.user(ADMIN_ID)
    await compose(admin)
    await admin.press("भाषा")
    await admin.press("English")
    await admin.press("वापस")
    assert "भाषा: English" in admin.last_text and "कारीगर: 2" in admin.last_text
    await admin.press("पूर्वावलोकन देखें", expect=2)
    broadcast = await send_and_finish(admin, db)
    assert sorted(d.chat_id for d in await deliveries(db, broadcast.id)) == english


async def to_everyone(
    fake: FakeTelegram, admin: FakeUser, db: Sessions, ids: list[int]
) -> BotMessage:
    """ "Everyone", the preview, Send: every artisan got the notice as previewed."""
    await admin.press("सभी कारीगर", expect=2)
    preview = admin.messages[-2]
    await send_and_finish(admin, db)
    for i in ids:
        got = fake.users[i].last
        assert (got.kind, got.file_id, got.plain) == (preview.kind, preview.file_id, preview.plain)
    return preview


async def test_admin_sends_a_photo_with_caption_as_the_notice(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    ids = await seed(db, fake, 2)
    admin = fake.user(ADMIN_ID)
    await admin.send("/broadcast")
    await admin.send_photo(caption=NOTICE_PLAIN)
    preview = await to_everyone(fake, admin, db, ids)
    assert preview.kind == "photo" and preview.plain == NOTICE_PLAIN


async def test_a_photo_sent_without_text_is_asked_for_its_text(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """A photo without a caption went straight to the audience; the text typed next got
    "use the buttons" and every artisan got a photo with no words."""
    ids = await seed(db, fake, 2)
    admin = fake.user(ADMIN_ID)
    await admin.send("/broadcast")
    await admin.send_photo()
    assert "सूचना लिखकर भेजें" in admin.last_text and "सभी कारीगर" not in admin.buttons
    await admin.press(data="bc:all", expect=0)  # an older screen's button: stale here
    await admin.send_sticker()  # no text either: still asked for it
    assert "सूचना लिखकर भेजें" in admin.last_text
    await admin.send(NOTICE_PLAIN)
    preview = await to_everyone(fake, admin, db, ids)
    assert preview.kind == "photo" and preview.plain == NOTICE_PLAIN

    await admin.send("/broadcast")  # a poster that says it all: the photo alone, on purpose
    await admin.send_photo()
    await admin.press("➡️ सिर्फ़ फ़ोटो")
    await admin.press("सभी कारीगर", expect=2)
    assert admin.messages[-2].kind == "photo" and admin.messages[-2].plain == ""


async def test_a_photo_notice_with_a_caption_telegram_would_refuse_is_refused_at_once(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """A Premium admin's 1,300-letter caption: the preview lost its photo, and "✅ sent" came
    with every delivery failed."""
    admin = fake.user(ADMIN_ID)
    await admin.send("/broadcast")
    await admin.send_photo(caption="शिविर की सूचना। " * 80)
    assert "बहुत लंबा है: 1,280 अक्षर" in admin.last_text and "1,024" in admin.last_text
    await admin.send_photo(caption=NOTICE_PLAIN)  # still composing: the shorter one is taken
    assert "सभी कारीगर" in admin.buttons


async def test_admin_types_an_unknown_district_and_is_asked_again(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    admin = fake.user(ADMIN_ID)
    await compose(admin)
    await admin.press("ज़िले चुनें")
    await admin.send("आगरा, झुमरीतलैया")
    assert "झुमरीतलैया" in admin.last_text and "फिर से" in admin.last_text
    await admin.send("आगरा, वाराणसी")
    assert "ज़िले: आगरा, वाराणसी" in admin.last_text


async def test_admin_sends_a_voice_note_as_notice_and_is_asked_for_text(
    fake: FakeTelegram, bot: BotApp
) -> None:
    admin = fake.user(ADMIN_ID)
    await admin.send("/broadcast")
    await admin.send_voice()
    assert "केवल लिखा हुआ संदेश" in admin.last_text


async def test_admin_presses_send_twice_and_one_broadcast_is_queued(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    await seed(db, fake, 2)
    admin = fake.user(ADMIN_ID)
    await compose(admin)
    await admin.press("सभी कारीगर", expect=2)
    confirm = admin.last
    await admin.press("भेजें", message=confirm)
    await admin.press("भेजें", message=confirm, expect=0)
    await fake.wait_for(lambda: bool(admin.alerts))
    assert "काम का नहीं" in admin.alerts[-1]
    async with db() as session:
        assert await session.scalar(select(func.count(Broadcast.id))) == 1


async def test_admin_presses_send_on_an_outdated_preview_and_nothing_is_queued(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    await seed(db, fake, 2)
    admin = fake.user(ADMIN_ID)
    await compose(admin)
    await admin.press("सभी कारीगर", expect=2)
    outdated = admin.last
    await compose(admin, "दूसरी सूचना")
    await admin.press("भेजें", message=outdated)
    assert "काम का नहीं" in admin.last_text
    async with db() as session:
        assert await session.scalar(select(func.count(Broadcast.id))) == 0


async def test_send_under_a_preview_of_a_narrower_audience_sends_nothing(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """Send under "it goes to 2 artisans" (Deoria), pressed after the audience was widened to
    everyone, sent the Deoria-only notice to all of them."""
    await seed(db, fake, 2, start=620_000, district="Deoria")
    await seed(db, fake, 3, start=630_000, district="Varanasi")
    admin = fake.user(ADMIN_ID)
    await compose(admin)
    await admin.press("ज़िले चुनें")
    await admin.send("Deoria")
    await admin.press("पूर्वावलोकन देखें", expect=2)
    deoria = admin.last
    assert "2 कारीगरों" in deoria.plain
    await admin.press("कारीगर बदलें")
    await admin.press("सभी कारीगर", expect=2)
    assert "5 कारीगरों" in admin.last_text
    await admin.press("भेजें", message=deoria)
    assert "काम का नहीं" in admin.last_text
    async with db() as session:
        assert await session.scalar(select(func.count(Broadcast.id))) == 0
    broadcast = await send_and_finish(admin, db)  # the latest preview's Send still sends
    assert len(await deliveries(db, broadcast.id)) == 5


async def test_admin_cancels_the_draft_and_nothing_is_queued(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    await seed(db, fake, 2)
    admin = fake.user(ADMIN_ID)
    await compose(admin)
    await admin.press("रद्द करें")
    assert "कुछ नहीं भेजा गया" in admin.last_text
    async with db() as session:
        assert await session.scalar(select(func.count(Broadcast.id))) == 0


async def test_reviewer_cannot_broadcast_and_is_told_so(fake: FakeTelegram, bot: BotApp) -> None:
    reviewer = fake.user(REVIEWER_ID)
    for command in ("/broadcast", "/broadcasts", "/cancelbroadcast 1"):
        await reviewer.send(command)
        assert "सिर्फ़ एडमिन" in reviewer.last_text
