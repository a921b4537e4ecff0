"""Admins grant and remove reviewers and admins in chat; each sees their own command menu."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from bot.config import Settings
from bot.context import BotApp, services_of
from bot.services.districts import DistrictIndex
from bot.services.staff import parse_districts
from bot.storage.models import Staff, State
from fake_telegram import FakeTelegram
from tests.support.factories import (
    add_scoped_reviewer,
    events,
    menu_of,
    reference,
    submission,
    waiting,
)
from tests.support.world import ADMIN_ID, REVIEWER_ID, Sessions

NEW_ID = 900_010


async def staff_row(db: Sessions, user_id: int, role: str) -> Staff | None:
    async with db() as session:
        return await session.get(Staff, (user_id, role))


async def test_admin_adds_scoped_reviewer_who_reviews_only_that_district(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    await waiting(fake, db)  # Gorakhpur, older
    _, varanasi = await waiting(fake, db, district="Varanasi", craft="लकड़ी के खिलौने")
    admin = fake.user(ADMIN_ID, language_code="en")
    newcomer = fake.user(NEW_ID, language_code="en")
    await admin.send(f"/addreviewer {NEW_ID} varanasi")
    assert "is now a reviewer" in admin.last_text and "Varanasi" in admin.last_text
    assert "अब आप ODOP आवेदनों के जाँचकर्ता" in newcomer.last_text
    menu = menu_of(fake, NEW_ID)
    assert "queue" in menu and "addreviewer" not in menu
    row = await staff_row(db, NEW_ID, "reviewer")
    assert row is not None and row.districts == ["Varanasi"] and row.granted_by == ADMIN_ID
    await newcomer.send("/queue")
    assert "Varanasi: 1" in newcomer.last_text and "Gorakhpur" not in newcomer.last_text
    await newcomer.send("/review next", expect=2)
    assert reference(varanasi) in newcomer.last_text

    # Given again, the list replaces the old one: said as a change, to both, not as a welcome.
    await admin.send(f"/addreviewer {NEW_ID} lucknow")
    assert "was already a reviewer" in admin.last_text
    assert "before: Varanasi; now: Lucknow" in admin.last_text
    told = newcomer.last_text  # in the language they now read, with the claim they lost
    assert "districts you review have changed" in told and reference(varanasi) in told
    row = await staff_row(db, NEW_ID, "reviewer")
    assert row is not None and row.districts == ["Lucknow"]
    told = len(newcomer.texts)
    await admin.send(f"/addreviewer {NEW_ID} lucknow")  # the same again: nothing changes
    assert "already reviews these districts: Lucknow" in admin.last_text
    assert len(newcomer.texts) == told


async def test_a_reviewer_added_by_an_id_telegram_does_not_know_is_reported_to_the_admin(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """A mistyped id got "✅ … is now a reviewer" and nothing else: the welcome failed unseen."""
    admin = fake.user(ADMIN_ID)
    await admin.send("/addreviewer 123456789 Gorakhpur", expect=2)
    assert admin.texts[-2].startswith("✅ 123456789 अब जाँचकर्ता हैं")  # no double space
    assert "तक संदेश नहीं पहुँचा" in admin.last_text and "123456789" in admin.last_text
    assert await staff_row(db, 123456789, "reviewer") is not None  # granted, waiting for them


async def test_admin_removes_reviewer_whose_claim_returns_and_access_ends(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, sub_id = await waiting(fake, db)
    await add_scoped_reviewer(db, NEW_ID, [])
    reviewer = fake.user(NEW_ID, language_code="en")
    await reviewer.send("/review next", expect=2)
    admin = fake.user(ADMIN_ID, language_code="en")
    await admin.send(f"/removereviewer {NEW_ID}")
    assert "no longer a reviewer" in admin.last_text
    assert "Their open submission went back" in admin.last_text
    sub = await submission(db, sub_id)
    assert (sub.state, sub.claimed_by) == (State.PENDING, None)
    last = (await events(db, sub_id))[-1]
    assert (last.actor_id, last.reason) == (ADMIN_ID, "reason-reviewer-removed")
    assert "queue" not in menu_of(fake, NEW_ID) and "start" in menu_of(fake, NEW_ID)
    await reviewer.send("/queue")
    # No longer staff; still told in the language their app showed while they were.
    assert "only for district officials" in reviewer.last_text


async def test_reviewer_from_settings_cannot_be_removed_in_chat(
    fake: FakeTelegram, bot: BotApp
) -> None:
    admin = fake.user(ADMIN_ID, language_code="en")
    await admin.send(f"/removereviewer {REVIEWER_ID}")
    assert "REVIEWER_IDS" in admin.last_text
    await admin.send(f"/removereviewer {NEW_ID}")
    assert "is not a reviewer" in admin.last_text


async def test_admin_grants_admin_who_can_then_manage_staff(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    admin = fake.user(ADMIN_ID, language_code="en")
    newcomer = fake.user(NEW_ID, language_code="hi")
    await newcomer.send("/staff")
    assert "सिर्फ़ एडमिन" in newcomer.last_text
    await admin.send(f"/addadmin {NEW_ID}")
    assert "is now an admin" in admin.last_text
    assert "addreviewer" in menu_of(fake, NEW_ID) and "queue" in menu_of(fake, NEW_ID)
    fake.user(900011)  # someone Telegram knows: the welcome reaches them
    await newcomer.send("/addreviewer 900011 गोरखपुर")
    assert "900011" in newcomer.last_text and "गोरखपुर" in newcomer.last_text


async def test_a_new_official_who_chose_no_language_is_welcomed_in_each(
    fake: FakeTelegram, bot: BotApp
) -> None:
    """Their phone in English, the welcome in Hindi: the bot had nothing to go by."""
    official = fake.user(NEW_ID, language_code="en")
    await official.send("/queue")  # to learn their id, before they are staff
    await fake.user(ADMIN_ID).send(f"/addreviewer {NEW_ID}")
    await fake.wait_for(lambda: "/queue" in official.last_text and "जाँचकर्ता" in official.last_text)
    assert "You are now a reviewer" in official.last_text


async def test_staff_lists_settings_and_granted_roles_with_districts(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    await add_scoped_reviewer(db, NEW_ID, ["Varanasi", "Gorakhpur"])
    admin = fake.user(ADMIN_ID, language_code="en")
    await admin.send("/staff")
    lines = admin.last_text.splitlines()
    assert any(str(ADMIN_ID) in x and "admin" in x and "(from settings)" in x for x in lines)
    assert any(str(REVIEWER_ID) in x and "all districts" in x for x in lines)
    assert any(str(NEW_ID) in x and "Varanasi, Gorakhpur" in x for x in lines)


async def test_staff_shows_officials_by_their_telegram_name_once_they_used_the_bot(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """An official who never registered a product was an id alone in /staff."""
    admin = fake.user(ADMIN_ID, language_code="en")
    await admin.send(f"/addreviewer {NEW_ID} Varanasi")
    official = fake.user(NEW_ID, first_name="Anita", last_name="Verma", language_code="hi")
    await official.send("/queue")
    await admin.send("/staff")
    [line] = [x for x in admin.last_text.splitlines() if x.startswith(f"• {NEW_ID}")]
    assert "Anita Verma" in line and "Varanasi" in line
    await admin.send(f"/removereviewer {NEW_ID}")
    assert "Anita Verma" in admin.last_text


async def test_a_misspelt_district_is_answered_with_what_it_may_mean_and_all_is_all(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    admin = fake.user(ADMIN_ID, language_code="en")
    fake.user(NEW_ID)
    await admin.send(f"/addreviewer {NEW_ID} Varansi")
    assert "Did you mean: Varanasi?" in admin.last_text
    await admin.send(f"/addhelper {NEW_ID} Gorakpur")
    assert "Gorakhpur" in admin.last_text
    await admin.send(f"/addreviewer {NEW_ID} all")
    assert "is now a reviewer" in admin.last_text and "all districts" in admin.last_text


async def test_addreviewer_explains_a_bad_id_and_an_unknown_district(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    admin = fake.user(ADMIN_ID, language_code="en")
    await admin.send("/addreviewer")
    assert "Write: /addreviewer" in admin.last_text
    await admin.send("/addreviewer @ramesh Gorakhpur")
    assert "Write: /addreviewer" in admin.last_text
    await admin.send(f"/addreviewer {NEW_ID} Gorakhpur Atlantis")
    assert '"Atlantis" not found' in admin.last_text
    assert await staff_row(db, NEW_ID, "reviewer") is None


async def test_re_adding_a_reviewer_replaces_their_districts(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    admin = fake.user(ADMIN_ID, language_code="en")
    await admin.send(f"/addreviewer {NEW_ID} Gorakhpur")
    await admin.send(f"/addreviewer {NEW_ID} Sant Kabir Nagar, Lucknow")
    row = await staff_row(db, NEW_ID, "reviewer")
    assert row is not None and row.districts == ["Sant Kabir Nagar", "Lucknow"]


def test_district_names_are_read_with_spaces_commas_and_hindi(settings: Settings) -> None:
    index = DistrictIndex.load(settings.districts_csv)
    assert parse_districts(index, ["Sant", "Kabir", "Nagar", "Lucknow"]) == (
        ["Sant Kabir Nagar", "Lucknow"],
        [],
    )
    assert parse_districts(index, ["गोरखपुर,", "वाराणसी"]) == (["Gorakhpur", "Varanasi"], [])
    assert parse_districts(index, ["Gorakhpur", "Nowhere"]) == (["Gorakhpur"], ["Nowhere"])


async def test_startup_publishes_menus_for_configured_and_granted_staff(
    fake: FakeTelegram,
    settings: Settings,
    start_bot: Callable[[Settings], AbstractAsyncContextManager[BotApp]],
) -> None:
    async with (
        start_bot(settings) as app,
        services_of(app).sessions() as session,
        session.begin(),
    ):
        session.add(Staff(user_id=NEW_ID, role="reviewer", districts=["Varanasi"]))
    fake.commands.clear()
    async with start_bot(settings):
        assert "addreviewer" in menu_of(fake, ADMIN_ID)
        assert "queue" in menu_of(fake, REVIEWER_ID) and "staff" not in menu_of(fake, REVIEWER_ID)
        assert "queue" in menu_of(fake, NEW_ID)
