"""QR posters: the poster's code decodes to the deep link; its payload brings the artisan in."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest
from PIL import Image, features
from sqlalchemy import func, select

from bot.cli_poster import poster_command
from bot.config import Settings
from bot.context import BotApp, services_of
from bot.services import campaigns
from bot.services.catalogue import ExportQuery, export_catalogue
from bot.services.poster import PosterError, font_path
from bot.storage.models import Artisan, Campaign, Submission
from fake_telegram import FakeTelegram, FakeUser
from tests.support.factories import add_scoped_reviewer, approve
from tests.support.journey import english, submit_product
from tests.support.world import ADMIN_ID, SCOPED_ID, Sessions


def _cannot_draw() -> bool:
    """Pillow's Raqm layout needs the system's libfribidi; the fonts come from fonts-noto-core."""
    if not features.check("raqm"):
        return True
    try:
        for script in ("deva", "latn"):
            font_path(script, False)
            font_path(script, True)
    except PosterError:
        return True
    return False


needs_fonts = pytest.mark.skipif(
    _cannot_draw(), reason="posters need: apt-get install libfribidi0 fonts-noto-core"
)


async def new_campaign(db: Sessions, district: str = "Gorakhpur", name: str = "ODOP मेला") -> str:
    async with db() as session:
        campaign = await campaigns.create(session, district, name, ADMIN_ID)
        await session.commit()
        return campaign.payload


async def artisan_row(db: Sessions, user: FakeUser) -> Artisan | None:
    async with db() as session:
        return await session.scalar(select(Artisan).where(Artisan.telegram_id == user.id))


async def campaign_count(db: Sessions) -> int:
    async with db() as session:
        return int(await session.scalar(select(func.count()).select_from(Campaign)) or 0)


def documents(user: FakeUser) -> dict[str, bytes]:
    return {
        call.file_names["document"]: call.files["document"]
        for call in user.actions
        if call.method == "sendDocument"
    }


@needs_fonts
async def test_admin_poster_png_decodes_back_to_the_deep_link(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    import zxingcpp

    admin = await english(fake.user(ADMIN_ID))
    await admin.send("/poster Sant Kabir Nagar ODOP मेला नवंबर", expect=3, timeout=30)
    async with db() as session:
        campaign = (await session.scalars(select(Campaign))).one()
    assert (campaign.district, campaign.name) == ("Sant Kabir Nagar", "ODOP मेला नवंबर")
    link = f"https://t.me/{fake.bot_username}?start={campaign.payload}"
    stem = f"poster-sant-kabir-nagar-{campaign.payload}"
    files = documents(admin)
    assert set(files) == {f"{stem}.png", f"{stem}.pdf"}
    page = Image.open(io.BytesIO(files[f"{stem}.png"]))
    assert page.size == (1654, 2339)  # A4 at 200 dpi
    decoded = [code.text for code in zxingcpp.read_barcodes(page)]
    assert decoded == [link]
    assert files[f"{stem}.pdf"].startswith(b"%PDF")
    assert link in admin.last_text


async def test_artisan_from_poster_gets_its_district_and_campaign_recorded(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    payload = await new_campaign(db)
    artisan = fake.user(language_code="hi")
    await artisan.send(f"/start {payload}")
    assert "गोरखपुर" in artisan.last_text and "उद्योग केंद्र" in artisan.last_text
    assert "✅ हाँ, शुरू करें" in artisan.buttons  # the consent question, as on a normal start
    row = await artisan_row(db, artisan)
    assert row is not None and row.consent_at is None
    assert row.district == "Gorakhpur"
    await artisan.press("हाँ, शुरू करें")
    await artisan.send("सुनीता देवी")
    await artisan.share_contact("+919876512345")
    assert "✅ गोरखपुर" in artisan.buttons  # the district step: the poster's one tap
    async with db() as session:
        campaign = await campaigns.resolve(session, payload)
        draft = await session.scalar(select(Submission).where(Submission.artisan_id == row.id))
    assert campaign is not None and row.campaign_id == campaign.id
    assert draft is not None and draft.district == "Gorakhpur"  # pre-selected for the step


@pytest.mark.parametrize("payload", ["AAAAAAAA", "../etc", "x" * 65, "0 OR 1=1"])
async def test_artisan_with_forged_payload_starts_normally(
    fake: FakeTelegram, bot: BotApp, db: Sessions, payload: str
) -> None:
    await new_campaign(db)
    plain, forged = fake.user(language_code="hi"), fake.user(language_code="hi")
    await plain.send("/start")
    await forged.send(f"/start {payload}")
    assert forged.last_text == plain.last_text
    assert forged.buttons == plain.buttons
    assert await artisan_row(db, forged) is None


async def test_reviewer_cannot_make_a_poster_for_another_district(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    await add_scoped_reviewer(db, SCOPED_ID, ["Varanasi"])
    reviewer = await english(fake.user(SCOPED_ID))
    await reviewer.send("/poster Gorakhpur Mela")
    assert "not one of your districts" in reviewer.last_text
    artisan = await english(fake.user())
    await artisan.send("/poster Gorakhpur")
    assert "by admins, and by reviewers" in artisan.last_text
    assert await campaign_count(db) == 0
    await reviewer.send("/poster Varanasi Mela", expect=2, timeout=30)  # own district: made
    assert await campaign_count(db) == 1


async def test_admin_naming_an_unknown_district_gets_suggestions(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    admin = await english(fake.user(ADMIN_ID))
    await admin.send("/poster Gorakpur", expect=2)
    assert "Did you mean: Gorakhpur" in admin.last_text
    assert await campaign_count(db) == 0


async def test_poster_artisan_counts_in_stats_and_export_per_campaign(
    fake: FakeTelegram, bot: BotApp, db: Sessions, tmp_path: Path
) -> None:
    payload = await new_campaign(db)
    artisan = fake.user(language_code="hi")
    await artisan.send(f"/start {payload}")
    reference = await submit_product(artisan)
    await approve(db, reference)
    await fake.user(language_code="hi").send("/start")  # not from a poster: not counted
    admin = await english(fake.user(ADMIN_ID))
    await admin.send("/stats", expect=2)
    stats = "\n".join(call.params.get("text", "") for call in admin.actions)
    assert f"ODOP मेला ({payload}) — Gorakhpur: 1 / 1" in stats
    services = services_of(bot)
    await export_catalogue(
        services.sessions,
        services.districts,
        services.settings.media_dir,
        ExportQuery(),
        "json",
        tmp_path,
    )
    exported = (tmp_path / "catalogue.json").read_text(encoding="utf-8")
    assert f'"campaign": "ODOP मेला ({payload})"' in exported


def test_district_then_camp_name_split_at_the_longest_district_name(bot: BotApp) -> None:
    index = services_of(bot).districts
    found = campaigns.split_district(index, ["sant", "kabir", "nagar", "Mela", "2026"])
    assert found.district is not None and found.district.key == "Sant Kabir Nagar"
    assert found.rest == "Mela 2026"
    assert campaigns.split_district(index, ["गोरखपुर"]).rest == ""


@needs_fonts
async def test_operator_makes_a_poster_in_the_terminal_with_the_name_from_getme(
    fake: FakeTelegram, settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zxingcpp

    args = argparse.Namespace(
        words=["Varanasi", "हस्तशिल्प कैंप"], bot_username=None, bot_name=None, lang="hi",
        out=tmp_path,
    )  # fmt: skip
    assert await poster_command(settings, args) == 0
    out = capsys.readouterr().out
    payload = out.split("campaign ", 1)[1].split(":", 1)[0]
    png = tmp_path / f"poster-varanasi-{payload}.png"
    assert f"wrote {png}" in out and f"wrote {png.with_suffix('.pdf')}" in out
    decoded = [code.text for code in zxingcpp.read_barcodes(Image.open(png))]
    assert decoded == [f"https://t.me/{fake.bot_username}?start={payload}"]
