"""Who one can be in the playground: artisans, a reviewer and an admin with fixed user ids."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ADMIN_ID = 900_001
REVIEWER_ID = 900_002
FIRST_ARTISAN_ID = 10_001
# Display names only (the artisan types their real name during registration).
_ARTISAN_NAMES = (
    ("Sunita", "सुनीता"),
    ("Ramesh", "रमेश"),
    ("Farida", "फ़रीदा"),
    ("Mohan", "मोहन"),
    ("Geeta", "गीता"),
    ("Imran", "इमरान"),
)


@dataclass(frozen=True)
class Persona:
    user_id: int
    role: str  # artisan | reviewer | admin
    name_en: str
    name_hi: str

    @property
    def phone(self) -> str:
        """The number their "share contact" sends (unique per persona, a valid Indian mobile)."""
        return f"+9198765{self.user_id % 100_000:05d}"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.user_id,
            "role": self.role,
            "name": {"en": self.name_en, "hi": self.name_hi},
            "phone": self.phone,
        }


def artisan(number: int) -> Persona:
    """The ``number``-th artisan (0-based): ids 10001, 10002, ..."""
    en, hi = _ARTISAN_NAMES[number % len(_ARTISAN_NAMES)]
    if number >= len(_ARTISAN_NAMES):
        suffix = f" {number // len(_ARTISAN_NAMES) + 1}"
        en, hi = en + suffix, hi + suffix
    return Persona(FIRST_ARTISAN_ID + number, "artisan", en, hi)


def default_personas() -> list[Persona]:
    return [
        artisan(0),
        artisan(1),
        Persona(REVIEWER_ID, "reviewer", "Anil Verma", "अनिल वर्मा"),
        Persona(ADMIN_ID, "admin", "Priya Singh", "प्रिया सिंह"),
    ]
