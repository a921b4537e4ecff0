"""What the registration flow takes and gives: inputs, outcomes, and the draft it works on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.crafts import CraftIndex
from bot.services.districts import DistrictIndex
from bot.services.pincodes import PinIndex
from bot.storage.models import Artisan, Submission

# --- inputs ---


@dataclass(frozen=True)
class Text:
    value: str


@dataclass(frozen=True)
class Voice:
    file_id: str


@dataclass(frozen=True)
class Contact:
    phone: str
    own: bool


@dataclass(frozen=True)
class Image:
    file_id: str
    unique_id: str
    width: int | None
    height: int | None
    mime: str
    album: str | None = None
    caption: str | None = None  # typed under the photo: an answer to the question at hand


@dataclass(frozen=True)
class Other:
    """Anything else: a sticker, a location; `video` for a video or an animation."""

    video: bool = False


Input = Text | Voice | Contact | Image | Other

# --- what to show next ---


@dataclass(frozen=True)
class Say:
    key: str
    args: dict[str, Any] = field(default_factory=dict)
    ack: bool = False  # opens the next message: an echo, or why the question comes again
    drop_keyboard: bool = False  # remove the reply keyboard (the phone step's)


@dataclass(frozen=True)
class Screen:
    """`prompt` (the current step), `divisions`, `division`, `suggest`, `pins` (a PIN in two
    districts), `craft_other`, `amount` (which of these did you mean?), `amount_month` (an
    amount said per day or week, counted over a month: right?), `edits` (the list of answers
    to change), `photo_edits`, `extras`, `replace_photos` (sure?), `submitted`, `album`
    (answered later), `photo_count` or `limit` (too many drafts)."""

    kind: str
    arg: Any = None


@dataclass
class Outcome:
    says: list[Say] = field(default_factory=list)
    screen: Screen | None = None
    photo_saved: bool = False
    remove_files: list[Path] = field(default_factory=list)  # after the commit

    def say(self, key: str, **args: Any) -> Outcome:
        self.says.append(Say(key, args))
        return self

    def ack(self, key: str, **args: Any) -> Outcome:
        self.says.append(Say(key, args, ack=True))
        return self

    def show(self, kind: str, arg: Any = None) -> Outcome:
        self.screen = Screen(kind, arg)
        return self


PROMPT = "prompt"


@dataclass
class Draft:
    """What one answer works on: the artisan, their open submission and the district data."""

    session: AsyncSession
    artisan: Artisan
    sub: Submission
    districts: DistrictIndex
    user_id: int
    locale: str  # the language the artisan's buttons were shown in
    media_dir: Path
    profile_name: str | None = None  # the name on their Telegram profile
    pins: PinIndex = field(default_factory=lambda: PinIndex([]))
    sold_by: str | None = None  # how the product's kind is priced when no measure is said
    crafts: CraftIndex = field(default_factory=CraftIndex.empty)
    # A field helper registers artisans of their own districts only (empty: any district).
    districts_allowed: frozenset[str] = frozenset()

    def reprompt(self, out: Outcome | None = None) -> Outcome:
        return (out or Outcome()).show(PROMPT)
