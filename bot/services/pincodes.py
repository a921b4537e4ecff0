"""Uttar Pradesh PIN code -> district(s), from the offline table `data/up_pincodes.csv`."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from bot.services import input_words

_PIN = re.compile(r"^[1-9][0-9]{5}$")
_IGNORED = re.compile(r"[\s\-.\u200b-\u200d\ufeff]+")  # "273 001", "273-001", joiners
# The word before the digits ("pin 273001", "PIN code: 273001"): data/input_words.csv, kind pin.
_HEAD = re.compile(r"^(\D*?)[\s:\-]*(\d.*)$", re.DOTALL)


def normalize_pin(text: str) -> str | None:
    """The six ASCII digits of a typed PIN (any script's digits, spaces allowed), or None."""
    digits = []
    for ch in _IGNORED.sub("", _without_pin_word(text)):
        value = unicodedata.decimal(ch, None)
        if value is None:
            return None
        digits.append(str(value))
    pin = "".join(digits)
    return pin if _PIN.match(pin) else None


def _without_pin_word(text: str) -> str:
    """`text` without a word for "PIN" before its digits, if it has one."""
    head = _HEAD.match(text)
    if head is None or not head.group(1).strip():
        return text
    pin_words = input_words.words("pin")
    if all(input_words.fold(word.strip(":-")) in pin_words for word in head.group(1).split()):
        return head.group(2)
    return text


class PinIndex:
    """PIN -> district keys of odop_districts.csv; [] for unknown or non-UP PINs."""

    def __init__(self, rows: Iterable[tuple[str, str, bool]]) -> None:
        self._districts: dict[str, list[str]] = {}
        self._uncertain: set[str] = set()
        for pin, district, uncertain in rows:
            found = self._districts.setdefault(pin, [])
            if district not in found:
                found.append(district)
            if uncertain:
                self._uncertain.add(pin)

    @classmethod
    def load(cls, path: Path, known: Iterable[str] | None = None) -> PinIndex:
        """Read the CSV; with `known` district keys, refuse rows naming any other district."""
        allowed = set(known) if known is not None else None
        rows = []
        with path.open(encoding="utf-8", newline="") as f:
            for line, row in enumerate(csv.DictReader(f), start=2):
                pin = normalize_pin(row["pin"] or "")
                district = (row["district_en"] or "").strip()
                if pin is None or not district:
                    raise ValueError(f"{path}:{line}: bad PIN or empty district")
                if allowed is not None and district not in allowed:
                    raise ValueError(f"{path}:{line}: unknown district {district!r}")
                rows.append((pin, district, "uncertain" in (row.get("note") or "")))
        return cls(rows)

    def districts(self, pin: str) -> list[str]:
        """Districts served by this PIN, sorted; a PIN on a border gives several."""
        key = normalize_pin(pin)
        return sorted(self._districts.get(key, [])) if key else []

    def uncertain(self, pin: str) -> bool:
        """True when the table marks the PIN's mapping as doubtful (confirm with the user)."""
        key = normalize_pin(pin)
        return key in self._uncertain if key else False

    def __len__(self) -> int:
        return len(self._districts)
