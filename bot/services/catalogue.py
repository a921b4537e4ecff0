"""The catalogue for marketplaces: rows streamed from the database, files written, listings.

An export folder holds `catalogue.csv` (UTF-8) and `catalogue_excel.csv` (UTF-8 with BOM, which
Excel opens with Hindi intact), or `catalogue.json` / `catalogue.xlsx`, plus the photos copied to
`photos/<reference>/1.jpg…` and referred to by those relative paths. Photos come from MEDIA_DIR
only: Telegram file ids are valid for this bot alone, so a catalogue never carries them.
"""

from __future__ import annotations

import asyncio
import csv
import json
import os
import shutil
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.campaigns import campaign_labels
from bot.services.districts import DistrictIndex
from bot.services.registration import MAX_PHOTOS
from bot.storage.models import Artisan, Photo, State, Submission

FORMATS = ("csv", "json", "xlsx")
STREAM_BATCH = 200
PART_LIMIT = 48 * 1000 * 1000  # a zip part stays under Telegram's 50 MB upload limit
FIELDS = (
    "reference", "state", "artisan_name", "mobile", "district", "district_hi", "odop_product",
    "odop_product_hi", "craft", "product_name", "description", "price", "capacity", "gstin",
    "udyam", "pehchan", "approved_at", "reviewer_id", "listing_url", "campaign",
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


async def stream_records(
    session: AsyncSession, districts: DistrictIndex, query: ExportQuery
) -> AsyncIterator[tuple[dict[str, Any], list[str | None]]]:
    """(catalogue fields, photo paths relative to MEDIA_DIR) per submission, in batches."""
    stmt = (
        select(Submission, Artisan)
        .join(Artisan, Artisan.id == Submission.artisan_id)
        .where(Submission.state == query.state)
        .order_by(Submission.id)
        .execution_options(yield_per=STREAM_BATCH)
    )
    if query.district:
        stmt = stmt.where(Submission.district == query.district)
    if query.since:
        stmt = stmt.where(
            func.coalesce(Submission.decided_at, Submission.submitted_at) >= query.since
        )
    result = await session.stream(stmt)
    async for chunk in result.partitions():
        ids = [sub.id for sub, _ in chunk]
        photos: dict[int, list[str | None]] = {}
        rows = await session.execute(
            select(Photo.submission_id, Photo.local_path)
            .where(Photo.submission_id.in_(ids))
            .order_by(Photo.submission_id, Photo.position)
        )
        for submission_id, local_path in rows:
            photos.setdefault(submission_id, []).append(local_path)
        camps = await campaign_labels(session, [artisan.campaign_id for _, artisan in chunk])
        for sub, artisan in chunk:
            fields = _fields(sub, artisan, districts)
            fields["campaign"] = camps.get(artisan.campaign_id or 0)
            yield fields, photos.get(sub.id, [])


def _fields(sub: Submission, artisan: Artisan, districts: DistrictIndex) -> dict[str, Any]:
    district = districts.get(sub.district or artisan.district)
    return {
        "reference": sub.reference,
        "state": sub.state,
        "artisan_name": artisan.name,
        "mobile": artisan.phone,
        "district": district.key if district else sub.district,
        "district_hi": district.name_hi if district else None,
        "odop_product": "; ".join(district.products_en) if district else None,
        "odop_product_hi": "; ".join(district.products_hi) if district else None,
        "craft": sub.craft,
        "product_name": sub.product_name,
        "description": sub.description,
        "price": sub.price,
        "capacity": sub.capacity,
        "gstin": sub.gstin,
        "udyam": sub.udyam,
        "pehchan": sub.pehchan,
        "approved_at": sub.decided_at.isoformat(timespec="seconds") if sub.decided_at else None,
        "reviewer_id": sub.decided_by,
        "listing_url": sub.listing_url,
    }


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


def _tabular(fields: dict[str, Any], photos: list[str]) -> list[Any]:
    cells = [fields[name] for name in FIELDS] + photos
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
        row = ["" if v is None else v for v in _tabular(fields, photos)]
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

        super().__init__(out_dir)
        self._book = Workbook(write_only=True)
        self._sheet = self._book.create_sheet("catalogue")
        self._sheet.append(list(COLUMNS))

    def write(self, fields: dict[str, Any], photos: list[str]) -> None:
        self._sheet.append(_tabular(fields, photos))

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
    """Write the catalogue and its photos into `out_dir` (created owner-only: it has phones)."""
    await asyncio.to_thread(out_dir.mkdir, parents=True, exist_ok=True, mode=0o700)
    writer = WRITERS[fmt](out_dir)
    result = ExportResult()
    try:
        async with sessions() as session:
            async for fields, stored in stream_records(session, districts, query):
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
