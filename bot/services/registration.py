"""Registration rules that need no Telegram: step order, completeness, snapshots, purge."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Integer, String, bindparam, delete, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import Artisan, Photo, State, Submission, utcnow

MAX_PHOTOS = 5
MIN_PHOTO_SIDE = 320
MAX_OPEN_DRAFTS = 5  # unfinished products per artisan
MAX_STORED_PHOTOS = 60  # photos kept per artisan over all their products

# The registration journey in order. The artisan sees "step n/N" over the steps of this draft
# (a second product starts at the craft); the summary closes it without a number.
ORDER = [
    "name", "phone", "district", "craft", "product_name", "description", "price", "capacity",
    "photos", "summary",
]  # fmt: skip
OPTIONAL_STEPS = ("gstin", "udyam", "pehchan")  # reached from the summary only
SKIPPABLE = ("capacity", *OPTIONAL_STEPS)  # a "skip" button, or "pata nahin" typed
VOICE_STEPS = ("name", "craft", "product_name", "description")  # a voice note answers them
EDITABLE_STATES = (State.DRAFT, State.CHANGES_REQUESTED)
SNAPSHOT_FIELDS = (
    "district", "craft", "product_name", "description", "voice_file_id", "voice_answers",
    "price", "price_unit", "capacity", "gstin", "udyam", "pehchan",
)  # fmt: skip


def previous_step(step: str) -> str | None:
    if step not in ORDER:
        return "summary"
    index = ORDER.index(step)
    return ORDER[index - 1] if index > 0 else None


def before_photos(submission: Submission) -> bool:
    """At a question the photo question still follows (a photo sent now is kept for it)."""
    step = submission.step or ""
    return not submission.editing and step in ORDER and ORDER.index(step) < ORDER.index("photos")


def next_step(artisan: Artisan, submission: Submission, step: str) -> str:
    """The step after `step`, skipping ahead to the summary when editing from it."""
    if submission.editing or step not in ORDER:
        return "summary"
    return ORDER[min(ORDER.index(step) + 1, len(ORDER) - 1)]


def step_number(submission: Submission, step: str) -> tuple[int, int] | None:
    """(n, N) for the prompt of `step` in this draft, or None for the summary and extras."""
    shown = ORDER[ORDER.index(submission.first_step or ORDER[0]) : -1]
    return (shown.index(step) + 1, len(shown)) if step in shown else None


def spoken(submission: Submission, step: str) -> str | None:
    """The voice note that answered `step`, if it was answered by voice."""
    if step == "description":
        return submission.voice_file_id
    return (submission.voice_answers or {}).get(step)


def craft_given(submission: Submission) -> bool:
    """The kind of work is answered, typed or spoken."""
    return bool(submission.craft or spoken(submission, "craft"))


def first_missing(artisan: Artisan, submission: Submission, photo_count: int) -> str | None:
    """The earliest required answer still missing, or None when the submission is complete."""
    checks = [
        ("name", artisan.name or spoken(submission, "name")),
        ("phone", artisan.phone),
        ("district", artisan.district),
        ("craft", submission.craft or spoken(submission, "craft")),
        ("product_name", submission.product_name or spoken(submission, "product_name")),
        ("description", submission.description or submission.voice_file_id),
        ("price", submission.price),
        ("photos", photo_count or None),
    ]
    return next((step for step, value in checks if not value), None)


async def submissions_of(session: AsyncSession, artisan_id: int) -> list[Submission]:
    """All the artisan's products, oldest first."""
    rows = await session.scalars(
        select(Submission).where(Submission.artisan_id == artisan_id).order_by(Submission.id)
    )
    return list(rows)


async def spoken_name(session: AsyncSession, artisan_id: int) -> str | None:
    """The voice note of the artisan's name from their latest product that has one."""
    for sub in reversed(await submissions_of(session, artisan_id)):
        voice = (sub.voice_answers or {}).get("name")
        if voice:
            return str(voice)
    return None


async def idle_drafts(
    session: AsyncSession, cutoff: datetime, limit: int = 100
) -> list[tuple[Submission, Artisan]]:
    """Drafts untouched since `cutoff` whose artisan was not reminded yet and can be reached."""
    rows = await session.execute(
        select(Submission, Artisan)
        .join(Artisan, Artisan.id == Submission.artisan_id)
        .where(
            Submission.state == State.DRAFT,
            Submission.updated_at < cutoff,
            Submission.reminded_at.is_(None),
            Artisan.reachable.is_(True),
        )
        .order_by(Submission.updated_at)
        .limit(limit)
    )
    return [(sub, artisan) for sub, artisan in rows]


async def unfinished(session: AsyncSession, artisan: Artisan) -> Submission | None:
    """The newest draft (or a submission sent back for changes) the artisan can continue."""
    return await session.scalar(
        select(Submission)
        .where(Submission.artisan_id == artisan.id, Submission.state.in_(EDITABLE_STATES))
        .order_by(Submission.updated_at.desc())
        .limit(1)
    )


# Built once, as the lookups in bot/storage/queries.py: it runs on every step of the photo stage.
_PHOTO_COUNT = (
    select(func.count())
    .select_from(Photo)
    .where(Photo.submission_id == bindparam("submission_id"))
)


async def photo_count(session: AsyncSession, submission_id: int) -> int:
    return int(await session.scalar(_PHOTO_COUNT, {"submission_id": submission_id}) or 0)


async def photo_file_ids(session: AsyncSession, submission_id: int) -> list[str]:
    """The photos' Telegram file ids, in the order the artisan sent them."""
    rows = await session.scalars(
        select(Photo.file_id).where(Photo.submission_id == submission_id).order_by(Photo.position)
    )
    return list(rows)


async def photo_unique_ids(session: AsyncSession, submission_id: int) -> list[str]:
    rows = await session.scalars(
        select(Photo.file_unique_id)
        .where(Photo.submission_id == submission_id)
        .order_by(Photo.position)
    )
    return list(rows)


def snapshot(submission: Submission, artisan: Artisan, photo_ids: list[str]) -> dict[str, Any]:
    """What the reviewer saw, kept so the next version can show what changed."""
    fields: dict[str, Any] = {name: getattr(submission, name) for name in SNAPSHOT_FIELDS}
    fields.update(name=artisan.name, phone=artisan.phone, photos=photo_ids)
    previous = (submission.last_snapshot or {}).get("fields")
    changed = [k for k in fields if previous is not None and previous.get(k) != fields[k]]
    return {"fields": fields, "previous": previous, "changed": changed}


def touch(submission: Submission) -> None:
    submission.updated_at = utcnow()
    submission.reminded_at = None


async def clear_photos(session: AsyncSession, submission_id: int, media_dir: Path) -> list[Path]:
    """Start the photo step afresh (the artisan chose to replace them).

    Returns the downloaded files no other photo uses, to remove once the transaction commits.
    """
    stored = (
        await session.scalars(
            select(Photo.local_path).where(
                Photo.submission_id == submission_id, Photo.local_path.is_not(None)
            )
        )
    ).all()
    await session.execute(delete(Photo).where(Photo.submission_id == submission_id))
    return await _unshared(session, list(stored), media_dir)


async def _unshared(
    session: AsyncSession, stored: list[str | None], media_dir: Path
) -> list[Path]:
    """Files are named by content (file_unique_id): keep one another photo still uses."""
    shared = set(
        (await session.scalars(select(Photo.local_path).where(Photo.local_path.in_(stored)))).all()
    )
    return [media_dir / p for p in stored if p and p not in shared and ".." not in Path(p).parts]


class PhotoFacts(NamedTuple):
    """What deciding on a new photo needs, read in one statement."""

    photos: int  # photos of this submission
    has_it: bool  # this very photo is one of them already
    stored: int  # photos kept for the artisan over all their products
    elsewhere: bool  # another artisan's submission carries this very photo
    album_seen: bool  # another photo of the same album is one of them already


_SUB = bindparam("submission_id", type_=Integer)
_UNIQUE = bindparam("unique_id", type_=String)
_ARTISAN = bindparam("artisan_id", type_=Integer)
_ALBUM = bindparam("album", type_=String)
_PHOTO_FACTS = select(
    select(func.count()).select_from(Photo).where(Photo.submission_id == _SUB).scalar_subquery(),
    exists().where(Photo.submission_id == _SUB, Photo.file_unique_id == _UNIQUE),
    select(func.count())
    .select_from(Photo)
    .join(Submission, Submission.id == Photo.submission_id)
    .where(Submission.artisan_id == _ARTISAN)
    .scalar_subquery(),
    exists().where(
        Photo.file_unique_id == _UNIQUE,
        Submission.id == Photo.submission_id,
        Submission.artisan_id != _ARTISAN,
    ),
    exists().where(Photo.submission_id == _SUB, Photo.album == _ALBUM),
)


async def photo_facts(
    session: AsyncSession,
    submission_id: int,
    unique_id: str,
    artisan_id: int,
    album: str | None = None,
) -> PhotoFacts:
    params = {
        "submission_id": submission_id,
        "unique_id": unique_id,
        "artisan_id": artisan_id,
        "album": album,
    }
    count, has_it, stored, elsewhere, seen = (await session.execute(_PHOTO_FACTS, params)).one()
    return PhotoFacts(int(count), bool(has_it), int(stored), bool(elsewhere), bool(seen))


async def open_drafts(session: AsyncSession, artisan_id: int) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(Submission)
        .where(Submission.artisan_id == artisan_id, Submission.state == State.DRAFT)
    )
    return int(count or 0)


async def maker_changed(session: AsyncSession, artisan: Artisan) -> list[Submission]:
    """Submitted products whose snapshot names another maker's name or mobile than now."""
    rows = await session.scalars(
        select(Submission).where(
            Submission.artisan_id == artisan.id,
            Submission.state.in_((State.PENDING, State.IN_REVIEW, State.APPROVED, State.LISTED)),
        )
    )
    changed = []
    for sub in rows:
        fields = (sub.last_snapshot or {}).get("fields", {})
        if (fields.get("name"), fields.get("phone")) != (artisan.name, artisan.phone):
            changed.append(sub)
    return changed
