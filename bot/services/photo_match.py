"""The same picture from two artisans: found by perceptual hash, shown to the reviewer.

`Photo.reused_elsewhere` catches the very same Telegram file. A photo saved from someone's
chat and sent again (re-encoded, resized) gets a new `file_unique_id`; its hash stays within
a few bits (see bot/services/photo_quality.py), and the worker records the match in
`Photo.similar_to` when it keeps the file.
"""

from __future__ import annotations

import operator
from functools import reduce

from sqlalchemy import Integer, String, and_, bindparam, cast, func, literal_column, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from bot.services import photo_quality as pq
from bot.storage.models import Photo, Submission, format_reference

# Pre-select in the database by an equal 8-bit piece, through each piece's expression index
# (migration 0011; the positions are literals so that the query's expression is the index's),
# keep the rows with EQUAL_BANDS equal pieces (a match within SIMILAR_BITS always has them),
# then count the differing bits here. Product photos look alike: in the benchmark's 1,200, a
# photo shared a piece with 148 others on average, and two pieces with 16, so the second
# condition leaves a tenth of the rows to read. Built once: the worker runs it for every photo.
_PIECES = [f"piece{i}" for i in range(pq.HASH_HEX // pq.BAND_HEX)]
_EQUAL = [
    func.substr(
        Photo.phash, literal_column(str(i * pq.BAND_HEX + 1)), literal_column(str(pq.BAND_HEX))
    )
    == bindparam(name, type_=String)
    for i, name in enumerate(_PIECES)
]
_OWNER = (
    select(Submission.artisan_id)
    .where(Submission.id == bindparam("submission_id", type_=Integer))
    .scalar_subquery()
)
_SIMILAR = (
    select(Photo.id, Photo.phash)
    .join(Submission, Submission.id == Photo.submission_id)
    .where(
        Photo.phash.is_not(None),
        Photo.id != bindparam("photo_id", type_=Integer),
        # the same file is `reused_elsewhere`
        Photo.file_unique_id != bindparam("unique_id", type_=String),
        Submission.artisan_id != _OWNER,
        or_(*_EQUAL),
        reduce(operator.add, (cast(equal, Integer) for equal in _EQUAL)) >= pq.EQUAL_BANDS,
    )
    .order_by(Photo.id)
)


async def find_similar(session: AsyncSession, photo: Photo, phash: str) -> int | None:
    """The oldest photo of another artisan that looks the same as this one, if any."""
    params: dict[str, object] = dict(zip(_PIECES, pq.bands(phash), strict=True))
    params |= {
        "submission_id": photo.submission_id,
        "photo_id": photo.id,
        "unique_id": photo.file_unique_id,
    }
    for other_id, other_hash in await session.execute(_SIMILAR, params):
        if other_hash is not None and pq.similar(phash, other_hash):
            return int(other_id)
    return None


async def similar_elsewhere(session: AsyncSession, sub: Submission) -> list[str]:
    """References of other artisans' submissions with a photo that looks like one of these.

    Both ways: this photo was matched to theirs, or theirs (sent later) to this one.
    """
    mine, theirs = aliased(Photo), aliased(Photo)
    linked = or_(mine.similar_to == theirs.id, theirs.similar_to == mine.id)
    ids = await session.scalars(
        select(Submission.id)
        .distinct()
        .select_from(mine)
        .join(theirs, and_(linked, theirs.file_unique_id != mine.file_unique_id))
        .join(Submission, Submission.id == theirs.submission_id)
        .where(mine.submission_id == sub.id, Submission.artisan_id != sub.artisan_id)
        .order_by(Submission.id)
    )
    return [format_reference(i) for i in ids]
