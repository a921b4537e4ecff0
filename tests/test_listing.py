"""approved -> listed: by an admin in chat or in bulk from the terminal; the artisan is told."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli_catalogue import mark_listed_command
from bot.config import Settings
from bot.context import BotApp
from bot.services.listing import clean_url, parse_reference
from bot.storage.models import Event, State
from fake_telegram import FakeTelegram
from tests.support.factories import approved_product, load, submission_id
from tests.support.journey import english, submit_product
from tests.support.world import ADMIN_ID, REVIEWER_ID, Sessions

URL = "https://www.flipkart.com/terracotta-elephant/p/itm123?pid=ODOP&x=1"


async def events_of(db: Sessions, reference: str) -> list[Event]:
    async with db() as session:
        rows = await session.scalars(
            select(Event).where(Event.submission_id == submission_id(reference)).order_by(Event.id)
        )
        return list(rows)


async def test_admin_marks_approved_product_listed_and_artisan_is_told_in_english(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan, ref = await approved_product(fake, db, "en")
    admin = fake.user(ADMIN_ID, language_code="hi")
    seen = artisan.mark()
    await admin.send(f"/listed {ref.lower()} {URL}")
    await artisan.wait(since=seen)

    assert ref in admin.last_text and "सूचीबद्ध" in admin.last_text
    assert "Congratulations" in artisan.last_text and URL in artisan.last_text
    sub = await load(db, ref)
    assert (sub.state, sub.listing_url) == (State.LISTED, URL)
    last = (await events_of(db, ref))[-1]
    assert (last.from_state, last.to_state, last.actor_id, last.actor_role, last.reason) == (
        State.APPROVED, State.LISTED, ADMIN_ID, "admin", URL,
    )  # fmt: skip


async def test_artisan_is_told_in_hindi_when_that_is_their_language(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    artisan, ref = await approved_product(fake, db, "hi")
    admin = await english(fake.user(ADMIN_ID))
    seen = artisan.mark()
    await admin.send(f"/listed {ref} {URL}")
    await artisan.wait(since=seen)
    assert "बधाई" in artisan.last_text and "टेराकोटा हाथी" in artisan.last_text
    assert "marked listed" in admin.last_text


async def test_admin_giving_a_bad_url_is_told_and_nothing_changes(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, ref = await approved_product(fake, db)
    admin = await english(fake.user(ADMIN_ID))
    await admin.send(f"/listed {ref} ftp://example.com/item")
    assert "https://" in admin.last_text
    assert (await load(db, ref)).state == State.APPROVED


async def test_admin_cannot_list_a_product_still_waiting_for_review(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    ref = await submit_product(fake.user())
    admin = await english(fake.user(ADMIN_ID))
    await admin.send(f"/listed {ref} {URL}")
    assert "waiting for review" in admin.last_text and "Only approved" in admin.last_text
    assert (await load(db, ref)).state == State.PENDING


async def test_admin_is_told_usage_and_unknown_references(fake: FakeTelegram, bot: BotApp) -> None:
    admin = await english(fake.user(ADMIN_ID))
    await admin.send("/listed")
    assert "Usage: /listed" in admin.last_text
    await admin.send(f"/listed ODOP-999999 {URL}")
    assert "No submission ODOP-999999" in admin.last_text


async def test_reviewer_cannot_mark_listed(fake: FakeTelegram, bot: BotApp, db: Sessions) -> None:
    _, ref = await approved_product(fake, db)
    reviewer = fake.user(REVIEWER_ID, language_code="hi")
    await reviewer.send(f"/listed {ref} {URL}")
    assert "सिर्फ़ एडमिन" in reviewer.last_text
    assert (await load(db, ref)).state == State.APPROVED


async def test_operator_lists_in_bulk_bad_rows_are_reported_and_a_rerun_is_safe(
    fake: FakeTelegram,
    bot: BotApp,
    db: Sessions,
    settings: Settings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, ref1 = await approved_product(fake, db, "hi")
    second, ref2 = await approved_product(fake, db, "en")
    sheet = tmp_path / "listed.csv"
    rows = [f"{ref1},{URL}", "ODOP-000999,https://example.com/x", f"{ref2},{URL}2"]
    sheet.write_text("\ufeffreference,url\n" + "\n".join(rows) + "\n", encoding="utf-8")
    seen = (first.mark(), second.mark())

    assert await mark_listed_command(settings, sheet) == 1
    out = capsys.readouterr()
    assert f"line 2: {ref1}: listed" in out.out and "line 3: ODOP-000999: refused" in out.out
    assert "No submission ODOP-000999" in out.err
    assert "2 of 3 rows done" in out.out
    assert (await load(db, ref1)).listing_url == URL
    assert (await load(db, ref2)).listing_url == URL + "2"
    assert "बधाई" in first.texts[-1] and "Congratulations" in second.texts[-1]
    assert (len(first.actions) - seen[0], len(second.actions) - seen[1]) == (1, 1)

    assert await mark_listed_command(settings, sheet) == 1
    assert "already listed" in capsys.readouterr().out
    assert (len(first.actions) - seen[0], len(second.actions) - seen[1]) == (1, 1)
    assert len(await events_of(db, ref1)) == 4  # pending, in_review, approved, listed: once


@pytest.mark.parametrize(
    ("text", "found"),
    [("ODOP-000123", 123), ("odop-42", 42), ("ODOP000007", 7), ("123", None), ("ODOP-", None)],
)
def test_references_are_read_leniently(text: str, found: int | None) -> None:
    assert parse_reference(text) == found


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://amazon.in/dp/B0X", True),
        ("http://gem.gov.in/item?id=5", True),
        ("javascript:alert(1)", False),
        ("https://localhost/x", False),
        ("https://exa mple.com", False),
        ("example.com/item", False),
        ("https://", False),
        ("https://example.com/" + "x" * 500, False),
    ],
)
def test_listing_urls_must_be_web_addresses(url: str, ok: bool) -> None:
    assert (clean_url(url) is not None) == ok
