"""The catalogue as ONDC retail `on_search` (home & décor, RET16): one provider per artisan.

Shape followed: ONDC-Official/ONDC-RET-Specifications at commit
6f1a75a1497b1a35230b504dd0b10ebd1d026731, `api/components/Examples/B2C/on_search/
on_search_Home&Kitchen.yaml`, with its notes (`api/components/notes/on_search/
on_search_Home&Kitchen.yaml` at 141c6193505832e7e2fd1184ae3f987debcf8961: code "4:<HSN>",
returnable/cancellable false only for make-to-order items, origin country ISO 3166 alpha-3)
and `incremental_catalog_refresh_item_changes.yaml` (b9a3129a: an item is switched off with
`time.label: disable`, which is how a paused listing is written). Mandatory attributes of a
home item: ONDC-Official/log-validation-utility at 544323bf8e311bd316dc60c69d8ffe598df13ecf,
`constants/category.ts` (`homeObj`: brand, colour, material).

Rows are streamed and each item is written as it is built, so memory stays flat for any number
of products. An item missing a mandatory field is not written: it is listed by reference with
what is missing (`left_out`), and the command's exit code says so.
"""

from __future__ import annotations

import asyncio
import csv
import json
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.catalogue import STREAM_BATCH, ExportQuery, engine_of, read_only
from bot.services.crafts import CraftIndex
from bot.services.districts import DistrictIndex
from bot.storage.models import Artisan, Listing, Photo, State, Submission, utcnow

DOMAIN = "ONDC:RET16"
CORE_VERSION = "1.2.0"
CATALOGUE = "catalogue_ondc.json"
LEFT_OUT = "catalogue_ondc_left_out.csv"
TAX = "catalogue_ondc_tax.csv"
STATE_NAME = "Uttar Pradesh"
STATE_CODE = "UP"
STOCK_UNKNOWN_AFTER = 2  # monthly checks left unanswered


@dataclass
class OndcResult:
    providers: int = 0
    items: int = 0
    left_out: list[tuple[str, list[str]]] = field(default_factory=list)
    stock_unknown: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    sub: Submission
    artisan: Artisan
    listing: Listing | None
    photos: list[str]


def image_url(base: str | None, local_path: str) -> str:
    """A photo's public URL under MEDIA_BASE_URL, or its path relative to MEDIA_DIR."""
    return f"{base.rstrip('/')}/{local_path}" if base else local_path


def provider_id(artisan: Artisan) -> str:
    return f"ODOP-A{artisan.id:06d}"


def maker_address(artisan: Artisan, district_name: str | None) -> str:
    # Registration may store a PIN (the lead's rewrite); used when it is there.
    pin = artisan.pin
    parts = [p for p in (district_name, STATE_NAME, pin) if p]
    return ", ".join(parts)


async def _rows(
    sessions: async_sessionmaker[AsyncSession], query: ExportQuery
) -> AsyncIterator[Row]:
    """Approved and listed products, one artisan's together, with their kept photos.

    Read in batches, each in its own short transaction (keyset on artisan, id): on SQLite every
    transaction holds the write lock, and the bot must not wait for a long export.
    """
    after = (0, 0)
    while True:
        stmt = (
            select(Submission, Artisan, Listing)
            .join(Artisan, Artisan.id == Submission.artisan_id)
            .outerjoin(Listing, Listing.submission_id == Submission.id)
            .where(
                Submission.state.in_((State.APPROVED, State.LISTED)),
                or_(
                    Submission.artisan_id > after[0],
                    and_(Submission.artisan_id == after[0], Submission.id > after[1]),
                ),
            )
            .order_by(Submission.artisan_id, Submission.id)
            .limit(STREAM_BATCH)
        )
        if query.district:
            stmt = stmt.where(Submission.district == query.district)
        if query.since:
            stmt = stmt.where(
                func.coalesce(Submission.decided_at, Submission.submitted_at) >= query.since
            )
        async with read_only(engine_of(sessions)) as session:
            chunk = [(sub, a, li) for sub, a, li in (await session.execute(stmt)).all()]
            if not chunk:
                return
            photos: dict[int, list[str]] = {}
            found = await session.execute(
                select(Photo.submission_id, Photo.local_path)
                .where(
                    Photo.submission_id.in_([sub.id for sub, _a, _l in chunk]),
                    Photo.local_path.is_not(None),
                )
                .order_by(Photo.submission_id, Photo.position)
            )
            for submission_id, local_path in found:
                photos.setdefault(submission_id, []).append(str(local_path))
        for sub, artisan, listing in chunk:
            yield Row(sub, artisan, listing, photos.get(sub.id, []))
        last = chunk[-1][0]
        after = (last.artisan_id or 0, last.id)


class Builder:
    """Turns rows into `on_search` providers and items (plain dicts, no I/O)."""

    def __init__(
        self, districts: DistrictIndex, crafts: CraftIndex, media_base_url: str | None
    ) -> None:
        self.districts = districts
        self.crafts = crafts
        self.base = media_base_url

    def provider(self, artisan: Artisan) -> dict[str, Any]:
        district = self.districts.get(artisan.district)
        address: dict[str, str] = {
            "locality": district.key if district else (artisan.district or ""),
            "city": district.key if district else (artisan.district or ""),
            "state": STATE_CODE,
        }
        pin = artisan.pin
        if pin:
            address["area_code"] = str(pin)
        contact = {"phone": _mobile(artisan.phone)}
        return {
            "id": provider_id(artisan),
            "time": {"label": "enable", "timestamp": _ts(artisan.created_at)},
            "descriptor": {
                "name": artisan.name or "",
                "short_desc": artisan.craft or "",
                "long_desc": artisan.craft or "",
                "images": [],
            },
            "fulfillments": [{"id": "F1", "type": "Delivery", "contact": contact}],
            "locations": [{"id": "L1", "address": address}],
        }

    def item(self, row: Row) -> tuple[dict[str, Any], list[str]]:
        """The item and the mandatory fields it lacks (empty: it can be written)."""
        sub, artisan, listing = row.sub, row.artisan, row.listing
        district = self.districts.get(sub.district or artisan.district)
        craft = self.crafts.get(sub.craft or artisan.craft, district)
        hsn = (listing.hsn if listing and listing.hsn else None) or (craft.hsn if craft else None)
        stock = listing.stock if listing else None
        ship = listing.ship_days if listing else None
        paused = bool(listing and listing.paused)
        made_to_order = not stock
        images = [image_url(self.base, p) for p in row.photos]
        description = sub.description or ""
        # category.ts also lists `colour_name` (a hex code) as mandatory; artisans name a colour,
        # and the spec's own examples carry only `colour`: we write the name there.
        attributes = [
            ("brand", artisan.name or (craft.label_en if craft else "")),
            ("colour", listing.colour if listing else None),
            ("material", listing.material if listing else None),
        ]
        if listing and listing.size:
            attributes.append(("size", listing.size))
        item: dict[str, Any] = {
            "id": sub.reference,
            "time": {"label": "disable" if paused else "enable", "timestamp": _ts(sub.updated_at)},
            "descriptor": {
                "name": sub.product_name or "",
                "code": f"4:{hsn}" if hsn else "",
                "symbol": images[0] if images else "",
                "short_desc": _short(description),
                "long_desc": description,
                "images": images,
            },
            "quantity": {
                # ONDC's units include "kilogram" and "dozen" (amount_words.MEASURES), by name.
                "unitized": {"measure": {"unit": sub.price_unit or "unit", "value": "1"}},
                "available": {"count": str(0 if paused else (stock or 0))},
                "maximum": {"count": str(max(stock or 0, 1))},
            },
            "price": {
                "currency": "INR",
                "value": f"{sub.price or 0:.2f}",
                "maximum_value": f"{sub.price or 0:.2f}",
            },
            "category_id": craft.ondc_category if craft and craft.is_home_decor else "",
            "fulfillment_id": "F1",
            "location_id": "L1",
            "@ondc/org/returnable": False,  # artisans take no returns: see module docstring
            "@ondc/org/cancellable": not made_to_order,
            "@ondc/org/time_to_ship": f"P{ship}D" if ship else "",
            "@ondc/org/available_on_cod": False,
            "@ondc/org/statutory_reqs_packaged_commodities": {
                "manufacturer_or_packer_name": artisan.name or "",
                "manufacturer_or_packer_address": maker_address(
                    artisan, district.key if district else artisan.district
                ),
                "common_or_generic_name_of_commodity": craft.label_en if craft else "",
                "month_year_of_manufacture_packing_import": (sub.decided_at or utcnow()).strftime(
                    "%m/%Y"
                ),
            },
            "tags": [
                {"code": "origin", "list": [{"code": "country", "value": "IND"}]},
                {
                    "code": "attribute",
                    "list": [{"code": k, "value": v or ""} for k, v in attributes],
                },
            ],
        }
        return item, missing_fields(item, craft is not None and not craft.is_home_decor)

    def tax_row(self, row: Row, item: dict[str, Any]) -> list[str]:
        """reference, HSN, GST rate (from the craft), which of them are uncertain."""
        district = self.districts.get(row.sub.district or row.artisan.district)
        craft = self.crafts.get(row.sub.craft or row.artisan.craft, district)
        rate = "" if craft is None or craft.gst_rate is None else str(craft.gst_rate)
        uncertain = ";".join(craft.uncertain) if craft else ""
        return [row.sub.reference, item["descriptor"]["code"].removeprefix("4:"), rate, uncertain]


def missing_fields(item: dict[str, Any], other_domain: bool = False) -> list[str]:
    """The mandatory fields (spec example + home attributes) an item lacks."""
    missing: list[str] = []
    descriptor = item["descriptor"]
    for name in ("name", "code", "short_desc", "long_desc"):
        if not descriptor.get(name):
            missing.append("hsn" if name == "code" else name)
    if not descriptor.get("images"):
        missing.append("images")
    if float(item["price"]["value"]) <= 0:
        missing.append("price")
    if not item["category_id"]:
        missing.append("category_id (not home & décor)" if other_domain else "category_id")
    if not item["@ondc/org/time_to_ship"]:
        missing.append("time_to_ship")
    statutory = item["@ondc/org/statutory_reqs_packaged_commodities"]
    for name in ("manufacturer_or_packer_name", "manufacturer_or_packer_address"):
        if not statutory.get(name):
            missing.append(name)
    attributes = {t["code"]: t["value"] for t in item["tags"][1]["list"]}
    for name in ("brand", "colour", "material"):
        if not attributes.get(name):
            missing.append(name)
    return missing


def _ts(moment: Any) -> str:
    value = moment or utcnow()
    return str(value.strftime("%Y-%m-%dT%H:%M:%S.000Z"))


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _mobile(phone: str | None) -> str:
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return digits[-10:] if len(digits) >= 10 else digits


class _Out:
    """The JSON document, written piece by piece, and its two sheets."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.files: list[Path] = []
        self._streams: list[TextIO] = []
        self.json = self._open(CATALOGUE)
        self.left_out = csv.writer(self._open(LEFT_OUT))
        self.left_out.writerow(["reference", "missing"])
        self.tax = csv.writer(self._open(TAX))
        self.tax.writerow(["reference", "hsn", "gst_rate", "uncertain"])

    def _open(self, name: str) -> TextIO:
        path = self.out_dir / name
        self.files.append(path)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        stream = open(fd, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed in close)
        self._streams.append(stream)
        return stream

    def close(self) -> None:
        for stream in self._streams:
            stream.close()


def _head() -> str:
    """The document up to the open providers list; `export_ondc` writes the rest."""
    document = {
        "context": {
            "domain": DOMAIN,
            "country": "IND",
            "city": "*",
            "action": "on_search",
            "core_version": CORE_VERSION,
            "timestamp": _ts(utcnow()),
        },
        "message": {
            "catalog": {
                "bpp/descriptor": {
                    "name": "ODOP Uttar Pradesh",
                    "short_desc": "One District One Product",
                    "long_desc": "One District One Product, Uttar Pradesh",
                },
                "bpp/providers": [],
            }
        },
    }
    return json.dumps(document).removesuffix(_TAIL)


_TAIL = "]}}}"


async def export_ondc(
    sessions: async_sessionmaker[AsyncSession],
    districts: DistrictIndex,
    crafts: CraftIndex,
    media_base_url: str | None,
    query: ExportQuery,
    out_dir: Path,
) -> OndcResult:
    """Write `catalogue_ondc.json` (+ left-out and tax sheets) into `out_dir`."""
    await asyncio.to_thread(out_dir.mkdir, parents=True, exist_ok=True, mode=0o700)
    result = OndcResult()
    if not media_base_url:
        result.warnings.append(
            "MEDIA_BASE_URL is not set: image links are paths relative to MEDIA_DIR"
        )
    build = Builder(districts, crafts, media_base_url)
    out = _Out(out_dir)
    current: int | None = None  # the artisan whose provider is open
    try:
        out.json.write(_head())
        async for row in _rows(sessions, query):
            item, missing = build.item(row)
            listing = row.listing
            if listing is not None and listing.stock_missed >= STOCK_UNKNOWN_AFTER:
                result.stock_unknown.append(row.sub.reference)
            if missing:
                result.left_out.append((row.sub.reference, missing))
                out.left_out.writerow([row.sub.reference, "; ".join(missing)])
                continue
            if current != row.artisan.id:
                if current is not None:
                    out.json.write("]}")
                head = json.dumps(build.provider(row.artisan), ensure_ascii=False)
                out.json.write(("," if current is not None else "") + "\n" + head[:-1])
                out.json.write(', "items": [')
                current = row.artisan.id
                result.providers += 1
            else:
                out.json.write(",")
            out.json.write("\n" + json.dumps(item, ensure_ascii=False))
            out.tax.writerow(build.tax_row(row, item))
            result.items += 1
        if current is not None:
            out.json.write("]}")
        out.json.write("\n" + _TAIL + "\n")
    finally:
        out.close()
    result.files = out.files
    return result
