"""The catalogue's files: the column layout, CSV / JSON / XLSX writers, photo copies, zip parts.

An export folder holds `catalogue.csv` (UTF-8) and `catalogue_excel.csv` (UTF-8 with BOM, which
Excel opens with Hindi intact), or `catalogue.json` / `catalogue.xlsx`, plus the photos copied to
`photos/<reference>/1.jpg…` and referred to by those relative paths.

Artisans' text reaches these files, so every CSV and XLSX cell whose text could start a
spreadsheet formula is neutralised (`spreadsheet_text`), and XLSX text cells are string cells.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any, TextIO

from bot.services.registration import MAX_PHOTOS
from bot.services.validation import readable_phone

PART_LIMIT = 48 * 1000 * 1000  # a zip part stays under Telegram's 50 MB upload limit
FIELDS = (
    "reference", "state", "artisan_name", "mobile", "district", "district_hi", "odop_product",
    "odop_product_hi", "craft", "product_name", "description", "price", "capacity", "gstin",
    "udyam", "pehchan", "approved_at", "reviewer_id", "listing_url", "campaign",
    "price_unit",  # what price and capacity are of (added last: the columns keep their places)
)  # fmt: skip
PHOTO_COLUMNS = tuple(f"photo_{n}" for n in range(1, MAX_PHOTOS + 1))
COLUMNS = FIELDS + PHOTO_COLUMNS  # the tabular layout (CSV, XLSX); JSON has a "photos" list


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


def spreadsheet_text(value: str) -> str:
    """Text that no spreadsheet runs as a formula: a leading quote when it could start one."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


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
