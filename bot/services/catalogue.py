"""The catalogue for marketplaces: rows streamed from the database, files written, listings.

An export folder holds `catalogue.csv` (UTF-8) and `catalogue_excel.csv` (UTF-8 with BOM, which
Excel opens with Hindi intact), or `catalogue.json` / `catalogue.xlsx`, plus the photos copied to
`photos/<reference>/1.jpg…` and referred to by those relative paths. Photos come from MEDIA_DIR
only: Telegram file ids are valid for this bot alone, so a catalogue never carries them.

Safety of the files: every CSV and XLSX cell whose text could start a spreadsheet formula is
neutralised (see `spreadsheet_text`), and XLSX text cells are written as strings. Reading never
holds the database's write lock: rows are read a page at a time in short read-only transactions
(see `read_only`), and photos are copied with no transaction open, so the bot keeps answering
while a large export runs, in this process or another. A decided submission is exported as it
was submitted for review (`Submission.last_snapshot`), not with what its artisan typed since.
"""

from __future__ import annotations

import asyncio
import csv
import json
import os
import re
import shutil
import zipfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from bot.services.districts import DistrictIndex
from bot.services.registration import EDITABLE_STATES, MAX_PHOTOS
from bot.storage.db import READ_ONLY
from bot.storage.models import Artisan, Photo, State, Submission

FORMATS = ("csv", "json", "xlsx")
STREAM_BATCH = 200
PART_LIMIT = 48 * 1000 * 1000  # a zip part stays under Telegram's 50 MB upload limit
FIELDS = (
    "reference", "state", "artisan_name", "mobile", "district", "district_hi", "odop_product",
    "odop_product_hi", "craft", "product_name", "description", "price", "capacity", "gstin",
    "udyam", "pehchan", "approved_at", "reviewer_id", "listing_url",
)  # fmt: skip
PHOTO_COLUMNS = tuple(f"photo_{n}" for n in range(1, MAX_PHOTOS + 1))
COLUMNS = FIELDS + PHOTO_COLUMNS  # the tabular layout (CSV, XLSX); JSON has a "photos" list


@dataclass(frozen=True)
class ExportQuery:
    state: str = State.APPROVED
    since: datetime | None = None  # decided (approved) at or after; submitted for undecided
    district: str | None = None  # a district key


@dataclass
class ExportResult:
    rows: int = 0
    photos: int = 0
    missing_photos: int = 0  # not downloaded yet (or rejected): run the export again later
    files: list[Path] = field(default_factory=list)


@asynccontextmanager
async def read_only(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    """A short read-only transaction: one consistent snapshot that blocks no writer.

    On SQLite a plain BEGIN (not our usual BEGIN IMMEDIATE, see `bot.storage.db`) on a
    connection of its own, outside this process's writer gate: in WAL mode a reader sees the
    database as of its first statement and never stops a writer. On PostgreSQL, REPEATABLE READ
    gives the transaction's statements one snapshot.
    """
    options: dict[str, Any] = {READ_ONLY: True}
    if engine.dialect.name == "postgresql":
        options.update(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    async with engine.connect() as connection:
        await connection.execution_options(**options)
        async with connection.begin(), _session(connection) as session:
            yield session


def _session(connection: AsyncConnection) -> AsyncSession:
    return AsyncSession(bind=connection, expire_on_commit=False)


def engine_of(sessions: async_sessionmaker[AsyncSession]) -> AsyncEngine:
    """The engine behind the bot's sessions (readers here bypass the sessions' writer gate)."""
    bind = sessions.kw.get("bind")
    if not isinstance(bind, AsyncEngine):
        raise TypeError("the session factory is not bound to an AsyncEngine")
    return bind


async def stream_records(
    engine: AsyncEngine, districts: DistrictIndex, query: ExportQuery
) -> AsyncIterator[tuple[dict[str, Any], list[str | None]]]:
    """(catalogue fields, photo paths relative to MEDIA_DIR) per submission, a page at a time.

    Each page (its submissions, artisans and photos) is read in one short read-only transaction
    and closed before the caller sees its rows, so nothing is held while photos are copied.
    Submissions created after the export began are left out (ids up to the newest at the start);
    each row is exported as it was when its page was read.
    """
    async with read_only(engine) as session:
        newest = await session.scalar(select(func.max(Submission.id)))
    after = 0
    while newest is not None and after < newest:
        async with read_only(engine) as session:
            page = await _page(session, districts, query, after, newest)
        if not page:
            return
        for record in page:
            yield record[1:]
        after = page[-1][0]


async def _page(
    session: AsyncSession, districts: DistrictIndex, query: ExportQuery, after: int, upto: int
) -> list[tuple[int, dict[str, Any], list[str | None]]]:
    stmt = (
        select(Submission, Artisan)
        .join(Artisan, Artisan.id == Submission.artisan_id)
        .where(Submission.state == query.state, Submission.id > after, Submission.id <= upto)
        .order_by(Submission.id)
        .limit(STREAM_BATCH)
    )
    if query.district:
        stmt = stmt.where(Submission.district == query.district)
    if query.since:
        stmt = stmt.where(
            func.coalesce(Submission.decided_at, Submission.submitted_at) >= query.since
        )
    chunk = (await session.execute(stmt)).all()
    photos: dict[int, list[str | None]] = {}
    rows = await session.execute(
        select(Photo.submission_id, Photo.local_path)
        .where(Photo.submission_id.in_([sub.id for sub, _ in chunk]))
        .order_by(Photo.submission_id, Photo.position)
    )
    for submission_id, local_path in rows:
        photos.setdefault(submission_id, []).append(local_path)
    return [
        (sub.id, _fields(sub, artisan, districts), photos.get(sub.id, []))
        for sub, artisan in chunk
    ]


def _submitted(sub: Submission) -> dict[str, Any]:
    """The answers as sent for review, for a submission no longer editable by its artisan.

    Name and phone live on the artisan and can be changed in a later draft; product answers
    cannot change once submitted. The snapshot taken at submission is what the reviewer decided
    on, so an approved or listed product keeps the name and phone it was approved with.
    """
    if sub.state in EDITABLE_STATES or not sub.last_snapshot:
        return {}
    fields = sub.last_snapshot.get("fields")
    return fields if isinstance(fields, dict) else {}


def _fields(sub: Submission, artisan: Artisan, districts: DistrictIndex) -> dict[str, Any]:
    submitted = _submitted(sub)

    def answer(name: str, current: Any) -> Any:
        return submitted.get(name, current)

    district_key = answer("district", sub.district) or artisan.district
    district = districts.get(district_key)
    return {
        "reference": sub.reference,
        "state": sub.state,
        "artisan_name": answer("name", artisan.name),
        "mobile": answer("phone", artisan.phone),
        "district": district.key if district else district_key,
        "district_hi": district.name_hi if district else None,
        "odop_product": "; ".join(district.products_en) if district else None,
        "odop_product_hi": "; ".join(district.products_hi) if district else None,
        **{name: answer(name, getattr(sub, name)) for name in _PRODUCT_ANSWERS},
        "approved_at": sub.decided_at.isoformat(timespec="seconds") if sub.decided_at else None,
        "reviewer_id": sub.decided_by,
        "listing_url": sub.listing_url,
    }


_PRODUCT_ANSWERS = (
    "craft", "product_name", "description", "price", "capacity", "gstin", "udyam", "pehchan",
)  # fmt: skip


def copy_photos(
    media_dir: Path, out_dir: Path, reference: str, stored: list[str | None]
) -> tuple[list[str], int]:
    """Copy the kept photos to photos/<reference>/<n>.<ext>; (relative paths, missing count)."""
    paths: list[str] = []
    missing = 0
    for local in stored:
        source = media_dir / local if local and ".." not in Path(local).parts else None
        if source is None or not source.is_file():
            missing += 1
            continue
        folder = out_dir / "photos" / reference
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        relative = f"photos/{reference}/{len(paths) + 1}{source.suffix}"
        shutil.copyfile(source, out_dir / relative)
        os.chmod(out_dir / relative, 0o600)
        paths.append(relative)
    return paths, missing


class _Writer:
    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.files: list[Path] = []

    def _open(self, name: str, encoding: str = "utf-8") -> TextIO:
        path = self.out_dir / name
        self.files.append(path)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        return open(fd, "w", encoding=encoding, newline="")

    def write(self, fields: dict[str, Any], photos: list[str]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


# OWASP's CSV-injection advice: a cell starting with one of these is taken for a formula by
# Excel, LibreOffice or Google Sheets, so it is prefixed with a single quote (shown as text).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_INDIAN_MOBILE = re.compile(r"^\+91([6-9]\d{4})(\d{5})$")


def spreadsheet_text(value: str) -> str:
    """Text that no spreadsheet runs as a formula: a leading quote when it could start one."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def readable_phone(phone: str) -> str:
    """+919876543210 as "+91 98765 43210", the way people write an Indian mobile number.

    Written bare, a spreadsheet reads "+919876543210" as the number 919876543210 and shows it as
    9.19877E+11; the grouped form is not a number, so a person reads it as a phone. It still
    starts with "+", so the CSV gets it behind the formula guard's quote ('+91 98765 43210) and
    the XLSX as a string cell marked quote-prefixed (no quote visible). Other forms stay as
    stored. JSON, read by programs, keeps the stored E.164 form.
    """
    match = _INDIAN_MOBILE.match(phone)
    return f"+91 {match.group(1)} {match.group(2)}" if match else phone


def _tabular(fields: dict[str, Any], photos: list[str]) -> list[Any]:
    """The row for a spreadsheet: phone grouped, text not yet guarded (see the writers)."""
    cells = [fields[name] for name in FIELDS] + photos
    mobile = COLUMNS.index("mobile")
    if isinstance(cells[mobile], str):
        cells[mobile] = readable_phone(cells[mobile])
    return cells + [None] * (len(COLUMNS) - len(cells))


class CsvWriter(_Writer):
    def __init__(self, out_dir: Path) -> None:
        super().__init__(out_dir)
        self._streams = [
            self._open("catalogue.csv"),
            self._open("catalogue_excel.csv", "utf-8-sig"),
        ]
        self._writers = [csv.writer(s) for s in self._streams]
        for writer in self._writers:
            writer.writerow(COLUMNS)

    def write(self, fields: dict[str, Any], photos: list[str]) -> None:
        row = [
            "" if v is None else spreadsheet_text(v) if isinstance(v, str) else v
            for v in _tabular(fields, photos)
        ]
        for writer in self._writers:
            writer.writerow(row)

    def close(self) -> None:
        for stream in self._streams:
            stream.close()


class JsonWriter(_Writer):
    def __init__(self, out_dir: Path) -> None:
        super().__init__(out_dir)
        self._stream = self._open("catalogue.json")
        self._stream.write("[")
        self._first = True

    def write(self, fields: dict[str, Any], photos: list[str]) -> None:
        self._stream.write("\n" if self._first else ",\n")
        self._stream.write(json.dumps({**fields, "photos": photos}, ensure_ascii=False))
        self._first = False

    def close(self) -> None:
        self._stream.write("\n]\n")
        self._stream.close()


class XlsxWriter(_Writer):
    def __init__(self, out_dir: Path) -> None:
        from openpyxl import Workbook  # imported here: only this format needs it
        from openpyxl.cell import WriteOnlyCell

        super().__init__(out_dir)
        self._text_cell = WriteOnlyCell
        self._book = Workbook(write_only=True)
        self._sheet = self._book.create_sheet("catalogue")
        self._sheet.append([self._cell(name) for name in COLUMNS])

    def _cell(self, value: Any) -> Any:
        """Text as a string cell, whatever it starts with (openpyxl makes "=…" a formula).

        A cell whose text could start a formula is also marked quote-prefixed, Excel's own "this
        is text" flag: the value stays as typed, and editing the cell does not turn it into one.
        """
        if not isinstance(value, str):
            return value
        cell = self._text_cell(self._sheet, value=value)
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
        return cell

    def write(self, fields: dict[str, Any], photos: list[str]) -> None:
        self._sheet.append([self._cell(v) for v in _tabular(fields, photos)])

    def close(self) -> None:
        path = self.out_dir / "catalogue.xlsx"
        self._book.save(path)
        os.chmod(path, 0o600)
        self.files.append(path)


WRITERS: dict[str, type[_Writer]] = {"csv": CsvWriter, "json": JsonWriter, "xlsx": XlsxWriter}


async def export_catalogue(
    sessions: async_sessionmaker[AsyncSession],
    districts: DistrictIndex,
    media_dir: Path,
    query: ExportQuery,
    fmt: str,
    out_dir: Path,
) -> ExportResult:
    """Write the catalogue and its photos into `out_dir` (created owner-only: it has phones).

    No transaction is open while photos are copied or rows written (see `stream_records`).
    """
    await asyncio.to_thread(out_dir.mkdir, parents=True, exist_ok=True, mode=0o700)
    writer = WRITERS[fmt](out_dir)
    result = ExportResult()
    try:
        async for fields, stored in stream_records(engine_of(sessions), districts, query):
            paths, missing = await asyncio.to_thread(
                copy_photos, media_dir, out_dir, fields["reference"], stored
            )
            writer.write(fields, paths)
            result.rows += 1
            result.photos += len(paths)
            result.missing_photos += missing
    finally:
        writer.close()
    result.files = writer.files
    return result


def zip_parts(out_dir: Path, target: Path, limit: int = PART_LIMIT) -> list[Path]:
    """Zip `out_dir/photos` into parts each under `limit` bytes (photos are not recompressed)."""
    files = sorted(p for p in (out_dir / "photos").rglob("*") if p.is_file())
    parts: list[Path] = []
    archive: zipfile.ZipFile | None = None
    size = 0
    for path in files:
        name = path.relative_to(out_dir).as_posix()
        cost = path.stat().st_size + 2 * len(name) + 200  # headers and directory entry
        if archive is None or size + cost > limit - 100:
            if archive is not None:
                archive.close()
            parts.append(target / f"photos_{len(parts) + 1}.zip")
            archive = zipfile.ZipFile(parts[-1], "w", zipfile.ZIP_STORED)
            size = 0
        archive.write(path, name)
        size += cost
    if archive is not None:
        archive.close()
    return parts
