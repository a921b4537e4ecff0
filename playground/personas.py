"""Who one can be in the playground: artisans, a reviewer and an admin with fixed user ids."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ADMIN_ID = 900_001
REVIEWER_ID = 900_002
FIRST_ARTISAN_ID = 10_001
# Display names only (the artisan types their real name during registration): `persona_<key>`
# in static/i18n.json, with the page's other texts.
_ARTISAN_NAMES = ("sunita", "ramesh", "farida", "mohan", "geeta", "imran")
_TEXTS = Path(__file__).resolve().parent / "static" / "i18n.json"


@functools.cache
def _names(key: str) -> dict[str, str]:
    texts = json.loads(_TEXTS.read_text(encoding="utf-8"))
    return {lang: texts[lang][f"persona_{key}"] for lang in texts}


@dataclass(frozen=True)
class Persona:
    user_id: int
    role: str  # artisan | reviewer | admin
    name_key: str
    suffix: str = ""  # " 2", " 3"... once the names run out

    @property
    def name_en(self) -> str:
        return _names(self.name_key)["en"] + self.suffix

    @property
    def phone(self) -> str:
        """The number their "share contact" sends (unique per persona, a valid Indian mobile)."""
        return f"+9198765{self.user_id % 100_000:05d}"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.user_id,
            "role": self.role,
            "name": {lang: name + self.suffix for lang, name in _names(self.name_key).items()},
            "phone": self.phone,
        }


def artisan(number: int) -> Persona:
    """The ``number``-th artisan (0-based): ids 10001, 10002, ..."""
    key = _ARTISAN_NAMES[number % len(_ARTISAN_NAMES)]
    rounds = number // len(_ARTISAN_NAMES)
    return Persona(FIRST_ARTISAN_ID + number, "artisan", key, f" {rounds + 1}" if rounds else "")


def default_personas() -> list[Persona]:
    return [
        artisan(0),
        artisan(1),
        Persona(REVIEWER_ID, "reviewer", "reviewer"),
        Persona(ADMIN_ID, "admin", "admin"),
    ]
