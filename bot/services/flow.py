"""The registration flow as data: (artisan, draft, input) -> outcome, no Telegram here.

This module is the one writer of a draft's `step` and of `artisan.active_submission_id`.
Handlers translate a Telegram message or button into one of the inputs below, call `answer`
or `press`, and render the `Outcome`: what to say, and which screen to show next.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import registration as reg
from bot.services import validation as v
from bot.services.amounts import Unclear, read_amount
from bot.services.districts import DistrictIndex
from bot.services.pincodes import PinIndex, normalize_pin
from bot.services.workflow import ARTISAN, transition
from bot.storage.models import Artisan, Photo, State, Submission

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
    ack: bool = False  # a short acknowledgement that opens the next message
    drop_keyboard: bool = False  # remove the reply keyboard (the phone step's)


@dataclass(frozen=True)
class Screen:
    """`prompt` (the current step), `divisions`, `division`, `suggest`, `pins` (a PIN in two
    districts), `craft_other`, `amount` (which of these did you mean?), `edits` (the list of
    answers to change), `photo_edits`, `extras`, `replace_photos` (sure?), `submitted`,
    `album` (answered later), `photo_count` or `limit` (too many drafts)."""

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

    def reprompt(self, out: Outcome | None = None) -> Outcome:
        return (out or Outcome()).show(PROMPT)


# --- starting, resuming and leaving a draft ---


async def start_new(session: AsyncSession, artisan: Artisan) -> Submission | None:
    """Start a product; what the artisan told us before (name, phone, district) is reused.

    None when the artisan already has as many unfinished products as anyone may keep.
    """
    if await reg.open_drafts(session, artisan.id) >= reg.MAX_OPEN_DRAFTS:
        return None
    draft = Submission(artisan_id=artisan.id, state=State.DRAFT, district=artisan.district)
    draft.step = "name"
    spoken_name = None if artisan.name else await reg.spoken_name(session, artisan.id)
    if spoken_name is not None:  # told by voice before: a reviewer may not have typed it yet
        draft.voice_answers = {"name": spoken_name}
    if (artisan.name or spoken_name) and artisan.phone and artisan.district:
        draft.step = "craft"
    draft.first_step = draft.step
    session.add(draft)
    await session.flush()
    artisan.active_submission_id = draft.id
    return draft


async def active(session: AsyncSession, artisan: Artisan) -> Submission | None:
    """The submission being filled in, if it is still editable (else it is let go)."""
    if artisan.active_submission_id is None:
        return None
    sub = await session.get(Submission, artisan.active_submission_id)
    if sub is None or sub.artisan_id != artisan.id or sub.state not in reg.EDITABLE_STATES:
        artisan.active_submission_id = None
        return None
    return sub


async def resume(session: AsyncSession, artisan: Artisan) -> Submission | None:
    """Continue the newest unfinished submission where it stopped."""
    sub = await reg.unfinished(session, artisan)
    if sub is None:
        return None
    artisan.active_submission_id = sub.id
    sub.step = sub.step or "summary"
    return sub


async def open_for_fix(
    session: AsyncSession, artisan: Artisan, submission_id: int
) -> Submission | None:
    """Open exactly the submission a reviewer sent back, at its summary."""
    sub = await session.get(Submission, submission_id)
    if sub is None or sub.artisan_id != artisan.id or sub.state != State.CHANGES_REQUESTED:
        return None
    artisan.active_submission_id = sub.id
    sub.step, sub.editing = "summary", False
    return sub


def leave(artisan: Artisan) -> bool:
    """/cancel: put the draft aside (its answers stay). True if there was one."""
    if artisan.active_submission_id is None:
        return False
    artisan.active_submission_id = None
    return True


# --- moving between steps ---


def _goto(d: Draft, step: str) -> Outcome:
    d.sub.step = step
    reg.touch(d.sub)
    return d.reprompt()


def advance(d: Draft, done_step: str, out: Outcome | None = None) -> Outcome:
    """Save progress: the next step (or back to the summary when editing from it)."""
    sub = d.sub
    sub.step = reg.next_step(d.artisan, sub, done_step)
    sub.editing = False if sub.step == "summary" else sub.editing
    reg.touch(sub)
    return d.reprompt(out)


def back(d: Draft, step: str) -> Outcome:
    """Back one step (from an optional detail: back to the summary); nothing is erased."""
    if step != d.sub.step:
        return d.reprompt()
    previous = "summary" if d.sub.editing else reg.previous_step(step)
    if previous is None:
        return d.reprompt()
    out = Outcome()
    if step == "phone":
        out.says.append(Say("going-back", drop_keyboard=True))
    d.sub.editing = False
    d.sub.step = previous
    reg.touch(d.sub)
    return d.reprompt(out)


# --- typed (or spoken, or shared) answers ---


async def answer(d: Draft, given: Input) -> Outcome:
    """The artisan's message at their current step."""
    step = d.sub.step or "summary"
    if step == "photos":
        return await _photo(d, given)
    if step == "summary":
        return Outcome().say("hint-summary").show(PROMPT)
    if isinstance(given, Voice) and step in reg.VOICE_STEPS:
        return _spoken(d, step, given.file_id)
    return await ANSWERS[step](d, given)


def _spoken(d: Draft, step: str, file_id: str) -> Outcome:
    """A voice note answers a free-text step; a reviewer listens and types it in."""
    if step == "description":
        d.sub.voice_file_id = file_id
    else:
        d.sub.voice_answers = {**(d.sub.voice_answers or {}), step: file_id}
    # The voice note replaces what was typed before: the reviewer types it in afresh.
    if step == "name":
        d.artisan.name = None
    else:
        setattr(d.sub, step, None)
    return advance(d, step, Outcome().ack("voice-saved"))


def _invalid(d: Draft, exc: v.Invalid) -> Outcome:
    return d.reprompt(Outcome().say(exc.key, **exc.args_))


def _hint(d: Draft, key: str) -> Outcome:
    return d.reprompt(Outcome().say(key))


def _forget_voice(d: Draft, step: str) -> None:
    """A typed answer replaces one given by voice earlier."""
    if d.sub.voice_answers and step in d.sub.voice_answers:
        d.sub.voice_answers = {k: f for k, f in d.sub.voice_answers.items() if k != step}


async def _name(d: Draft, given: Input) -> Outcome:
    if not isinstance(given, Text):
        return _hint(d, "hint-name")
    return set_name(d, given.value)


def set_name(d: Draft, typed: str) -> Outcome:
    """A typed name, or the name on their Telegram profile (one tap)."""
    if d.sub.step != "name":
        return d.reprompt()
    try:
        d.artisan.name = v.parse_name(typed)
    except v.Invalid as exc:
        return _invalid(d, exc)
    _forget_voice(d, "name")
    return advance(d, "name")


async def _phone(d: Draft, given: Input) -> Outcome:
    if isinstance(given, Contact):
        if not given.own:
            return _hint(d, "err-phone-not-own")
        raw = given.phone
    elif isinstance(given, Text):
        raw = given.value
    else:
        return _hint(d, "hint-phone")
    try:
        d.artisan.phone = v.parse_phone(raw)
    except v.Invalid as exc:
        return _invalid(d, exc)
    return advance(d, "phone", Outcome(says=[Say("phone-saved", drop_keyboard=True)]))


async def _district(d: Draft, given: Input) -> Outcome:
    """A district's name in any script, or a 6-digit PIN code."""
    if not isinstance(given, Text):
        return _hint(d, "hint-district")
    pin = normalize_pin(given.value)
    if pin is not None:
        found = [key for key in d.pins.districts(pin) if d.districts.get(key) is not None]
        if not found:
            return _hint(d, "err-pin-unknown")
        d.artisan.pin = pin
        if len(found) == 1 and not d.pins.uncertain(pin):
            return set_district(d, found[0])
        return Outcome().show("pins", found)  # a PIN on a border, or an unsure mapping
    match = d.districts.match(given.value)
    if match.district is not None:
        return set_district(d, match.district.key)
    if match.suggestions:
        keys = [found.key for found in match.suggestions]
        return Outcome().show("suggest", keys)
    return _hint(d, "err-district-unknown")


def set_district(d: Draft, key: str) -> Outcome:
    district = d.districts.get(key)
    if district is None or d.sub.step != "district":
        return d.reprompt()
    artisan, sub = d.artisan, d.sub
    changed = artisan.district != key
    if changed and artisan.pin and key not in d.pins.districts(artisan.pin):
        artisan.pin = None  # a PIN of another district is not theirs any more
    artisan.district = sub.district = key
    out = Outcome().ack("district-saved", district=key)
    if changed and sub.craft and sub.editing:
        sub.craft = None  # the crafts offered depend on the district: ask again
        sub.step = "craft"
        return d.reprompt(out)
    return advance(d, "district", out)


async def _craft(d: Draft, given: Input) -> Outcome:
    if not isinstance(given, Text):
        return _hint(d, "hint-craft")
    try:
        craft = v.parse_bounded(given.value, v.CRAFT_MIN, v.CRAFT_MAX, "err-craft")
    except v.Invalid as exc:
        return _invalid(d, exc)
    return set_craft(d, craft)


def set_craft(d: Draft, craft: str) -> Outcome:
    d.sub.craft = d.artisan.craft = craft
    _forget_voice(d, "craft")
    return advance(d, "craft")


def _text_step(field_name: str, lo: int, hi: int, error: str, hint: str) -> Answer:
    async def on_text(d: Draft, given: Input) -> Outcome:
        if not isinstance(given, Text):
            return _hint(d, hint)
        try:
            setattr(d.sub, field_name, v.parse_bounded(given.value, lo, hi, error))
        except v.Invalid as exc:
            return _invalid(d, exc)
        if field_name == "description":
            d.sub.voice_file_id = None
        _forget_voice(d, field_name)
        return advance(d, field_name)

    return on_text


AMOUNT_LIMITS = {"price": v.PRICE_MAX, "capacity": v.CAPACITY_MAX}
AMOUNT_SAVED = {"price": "price-saved", "capacity": "capacity-saved"}


def _amount_step(field_name: str, hint: str) -> Answer:
    async def on_amount(d: Draft, given: Input) -> Outcome:
        if not isinstance(given, Text):
            return _hint(d, hint)
        try:
            value = read_amount(given.value, AMOUNT_LIMITS[field_name])
        except Unclear as unclear:
            return Outcome().show("amount", unclear.choices)
        except v.Invalid as exc:
            return _invalid(d, exc)
        return _set_amount(d, field_name, value)

    return on_amount


def choose_amount(d: Draft, value: int | None) -> Outcome:
    """One of the amounts offered when the typed one could mean several."""
    step = d.sub.step or ""
    if step not in AMOUNT_LIMITS or value is None or not 1 <= value <= AMOUNT_LIMITS[step]:
        return d.reprompt()
    return _set_amount(d, step, value)


def _set_amount(d: Draft, field_name: str, value: int) -> Outcome:
    setattr(d.sub, field_name, value)
    return advance(d, field_name, Outcome().ack(AMOUNT_SAVED[field_name], value=value))


def _optional_step(field_name: str, parse: Callable[[str], str]) -> Answer:
    async def on_optional(d: Draft, given: Input) -> Outcome:
        try:
            setattr(d.sub, field_name, parse(given.value if isinstance(given, Text) else ""))
        except v.Invalid as exc:
            return d.reprompt(Outcome().say(exc.key))
        return advance(d, field_name)

    return on_optional


# --- photos ---


async def _photo(d: Draft, given: Input) -> Outcome:
    """Save an accepted photo at once; refuse small ones, one too many and non-images."""
    if not isinstance(given, Image):
        video = isinstance(given, Other) and given.video
        return _hint(d, "err-photo-video" if video else "err-photo-type")
    sub, session = d.sub, d.session
    facts = await reg.photo_facts(session, sub.id, given.unique_id, d.artisan.id)
    count = facts.photos
    out = Outcome()
    refused: str | None = None
    small = given.width is not None and given.height is not None
    if small and min(given.width or 0, given.height or 0) < reg.MIN_PHOTO_SIDE:
        refused = "err-photo-small"
    elif count >= reg.MAX_PHOTOS:
        refused = "err-photo-limit"
    elif facts.has_it:
        pass  # the same photo again: already saved
    elif facts.stored >= reg.MAX_STORED_PHOTOS:
        refused = "err-photo-storage"
    else:
        session.add(
            Photo(
                submission_id=sub.id,
                position=count + 1,
                file_id=given.file_id,
                file_unique_id=given.unique_id,
                width=given.width,
                height=given.height,
                mime_type=given.mime,
                reused_elsewhere=facts.elsewhere,
            )
        )
        reg.touch(sub)
        count += 1
        out.photo_saved = True
    if given.album:
        return out.show("album", (given.album, refused, count))
    if refused:
        out.say(refused, max=reg.MAX_PHOTOS, min=reg.MIN_PHOTO_SIDE)
    return out.show("photo_count", count)


async def photos_done(d: Draft) -> Outcome:
    if d.sub.step != "photos" or not await reg.photo_count(d.session, d.sub.id):
        return d.reprompt()
    return advance(d, "photos")


# --- the summary ---

EDIT_SCREENS = {"edits", "photo_edits", "extras"}


def open_edits(d: Draft, screen: str) -> Outcome:
    """ "✏️ Change something": the answers to choose from (photos and extras a level down)."""
    if d.sub.step != "summary" or screen not in EDIT_SCREENS:
        return d.reprompt()
    return Outcome().show(screen)


async def edit(d: Draft, field_name: str) -> Outcome:
    if d.sub.step != "summary" or field_name not in EDITABLE:
        return d.reprompt()
    full = field_name == "photos" and await reg.photo_count(d.session, d.sub.id) >= reg.MAX_PHOTOS
    if full:  # "add more": the photos sent stay
        return d.reprompt(Outcome().say("err-photo-full", max=reg.MAX_PHOTOS))
    d.sub.editing = True
    return _goto(d, field_name)


async def replace_photos(d: Draft, sure: bool) -> Outcome:
    """ "🔄 Replace all photos", asked once more before anything is removed."""
    if d.sub.step != "summary":
        return d.reprompt()
    if not sure:
        return Outcome().show("replace_photos")
    out = Outcome().ack("photos-cleared")
    out.remove_files = await reg.clear_photos(d.session, d.sub.id, d.media_dir)
    d.sub.editing = True
    d.sub.step = "photos"
    reg.touch(d.sub)
    return d.reprompt(out)


def skip(d: Draft, step: str) -> Outcome:
    if step != d.sub.step or step not in ("capacity", *reg.OPTIONAL_STEPS):
        return d.reprompt()
    setattr(d.sub, step, None)
    return advance(d, step)


async def submit(d: Draft) -> Outcome:
    """Send for review, or go to the first missing answer."""
    artisan, sub = d.artisan, d.sub
    if sub.step != "summary":
        return d.reprompt()
    count = await reg.photo_count(d.session, sub.id)
    missing = reg.first_missing(artisan, sub, count)
    if missing is not None:
        sub.step = missing
        return d.reprompt(Outcome().say("submit-incomplete"))
    photo_ids = await reg.photo_unique_ids(d.session, sub.id)
    sub.district = artisan.district
    sub.last_snapshot = reg.snapshot(sub, artisan, photo_ids)
    sub.version += 1
    resubmitted = sub.state == State.CHANGES_REQUESTED
    transition(d.session, sub, State.PENDING, actor_id=d.user_id, role=ARTISAN)
    # The maker's name or mobile changed: the other products' snapshots (what the reviewer
    # decides on and the export writes) follow, and an approved one is looked at again.
    for other in await reg.maker_changed(d.session, artisan):
        ids = list((other.last_snapshot or {}).get("fields", {}).get("photos", []))
        other.last_snapshot = reg.snapshot(other, artisan, ids)
        if other.state in (State.APPROVED, State.LISTED):
            other.version += 1
            transition(d.session, other, State.PENDING, actor_id=d.user_id, role=ARTISAN)
    sub.step = None
    sub.editing = False
    artisan.active_submission_id = None
    return Outcome().show("submitted", (sub.reference, resubmitted))


Answer = Callable[[Draft, Input], Awaitable[Outcome]]
ANSWERS: dict[str, Answer] = {
    "name": _name,
    "phone": _phone,
    "district": _district,
    "craft": _craft,
    "product_name": _text_step(
        "product_name", v.PRODUCT_MIN, v.PRODUCT_MAX, "err-product-name", "hint-product-name"
    ),
    "description": _text_step(
        "description", v.DESCRIPTION_MIN, v.DESCRIPTION_MAX, "err-description", "hint-description"
    ),
    "price": _amount_step("price", "hint-price"),
    "capacity": _amount_step("capacity", "hint-capacity"),
    "gstin": _optional_step("gstin", v.parse_gstin),
    "udyam": _optional_step("udyam", v.parse_udyam),
    "pehchan": _optional_step("pehchan", v.parse_pehchan),
}
EDITABLE = (*ANSWERS, "photos")
