"""Typed SQLAlchemy models: the database is the bot's state."""

from __future__ import annotations

import enum
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


# India's clock: the days and times artisans and officials read (stored times stay UTC).
IST = timezone(timedelta(hours=5, minutes=30), "IST")


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC — identical on SQLite and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to UTCDateTime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}


class State(enum.StrEnum):
    """Submission states; transitions are guarded in `bot.services.workflow`."""

    DRAFT = "draft"
    PENDING = "pending"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    REJECTED = "rejected"
    LISTED = "listed"


class Artisan(Base):
    __tablename__ = "artisans"

    id: Mapped[int] = mapped_column(primary_key=True)
    # None: registered in person by a field helper, with no Telegram of their own (yet); a
    # UNIQUE column holds any number of NULLs on SQLite and PostgreSQL alike.
    telegram_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    locale: Mapped[str | None] = mapped_column(String(8))
    name: Mapped[str | None] = mapped_column(String(80))
    # A staff member's Telegram name, for the staff list; kept for staff only.
    profile_name: Mapped[str | None] = mapped_column(String(80))
    phone: Mapped[str | None] = mapped_column(String(20))
    district: Mapped[str | None] = mapped_column(String(60))
    pin: Mapped[str | None] = mapped_column(String(6))  # the PIN code, when they gave one
    craft: Mapped[str | None] = mapped_column(String(120))
    consent_at: Mapped[datetime | None]
    # "in_person": given to a field helper (consent_by, their name then), not in the chat.
    consent_method: Mapped[str | None] = mapped_column(String(20))
    consent_by: Mapped[int | None] = mapped_column(BigInteger)
    consent_by_name: Mapped[str | None] = mapped_column(String(80))
    assisted_by: Mapped[int | None] = mapped_column(BigInteger, index=True)  # the helper
    notices_opt_in: Mapped[bool] = mapped_column(Boolean, default=True)
    reachable: Mapped[bool] = mapped_column(Boolean, default=True)
    # No FK: artisans and submissions would reference each other; the code keeps it valid.
    active_submission_id: Mapped[int | None] = mapped_column(Integer)
    # The poster (campaign) that brought them, set once. No FK, as above: campaigns are never
    # deleted, and adding one to this table would make SQLite rebuild it.
    campaign_id: Mapped[int | None] = mapped_column(Integer, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)

    submissions: Mapped[list[Submission]] = relationship(
        back_populates="artisan", passive_deletes=True, order_by="Submission.id"
    )

    @property
    def registered(self) -> bool:
        return self.consent_at is not None


class Submission(Base):
    __tablename__ = "submissions"
    __table_args__ = (
        # Counting the queue by district, and a scoped reviewer's next submission.
        Index("ix_submissions_queue", "state", "district", "submitted_at"),
        # An unscoped reviewer's next submission: the oldest pending one, read in order.
        Index("ix_submissions_queue_order", "state", "submitted_at", "id"),
        Index("ix_submissions_draft_idle", "state", "updated_at"),
        # The albums still to answer, looked for when the bot starts.
        Index(
            "ix_submissions_album_due",
            "id",
            sqlite_where=text("album_due IS NOT NULL"),
            postgresql_where=text("album_due IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    artisan_id: Mapped[int | None] = mapped_column(
        ForeignKey("artisans.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[str] = mapped_column(String(20), default=State.DRAFT)
    step: Mapped[str | None] = mapped_column(String(30))
    editing: Mapped[bool] = mapped_column(Boolean, default=False)
    district: Mapped[str | None] = mapped_column(String(60))
    craft: Mapped[str | None] = mapped_column(String(120))
    product_name: Mapped[str | None] = mapped_column(String(120))
    description: Mapped[str | None] = mapped_column(Text)
    voice_file_id: Mapped[str | None] = mapped_column(String(200))  # the description spoken
    # Other answers given as a voice note (name, product_name, craft): field -> file id.
    voice_answers: Mapped[dict[str, Any] | None]
    first_step: Mapped[str | None] = mapped_column(String(30))  # where this draft began
    price: Mapped[int | None] = mapped_column(Integer)
    # What the price and the month's count are of (amount_words.MEASURES: "kilogram", "dozen");
    # None: pieces, as the price question asks.
    price_unit: Mapped[str | None] = mapped_column(String(16))
    capacity: Mapped[int | None] = mapped_column(Integer)
    gstin: Mapped[str | None] = mapped_column(String(20))
    udyam: Mapped[str | None] = mapped_column(String(30))
    pehchan: Mapped[str | None] = mapped_column(String(30))
    assisted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    version: Mapped[int] = mapped_column(Integer, default=0)
    last_snapshot: Mapped[dict[str, Any] | None]
    claimed_by: Mapped[int | None] = mapped_column(BigInteger)
    lease_until: Mapped[datetime | None]
    decided_by: Mapped[int | None] = mapped_column(BigInteger)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    listing_url: Mapped[str | None] = mapped_column(String(500))
    reminded_at: Mapped[datetime | None]
    # An album awaiting its one answer: {"chat", "user", "refusals"}; see bot/handlers/photos.py.
    album_due: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]

    artisan: Mapped[Artisan | None] = relationship(back_populates="submissions")
    photos: Mapped[list[Photo]] = relationship(
        back_populates="submission",
        order_by="Photo.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def reference(self) -> str:
        return format_reference(self.id)


def format_reference(submission_id: int) -> str:
    return f"ODOP-{submission_id:06d}"


class QueueCount(Base):
    """Pending submissions in one district ('' for none), kept by database triggers.

    Migration 0003 defines the triggers: every write to `submissions` updates the counter in
    the same transaction, so /queue reads 75 rows instead of counting every waiting one.
    """

    __tablename__ = "queue_counts"

    district: Mapped[str] = mapped_column(String(60), primary_key=True)
    pending: Mapped[int] = mapped_column(Integer)


PHASH_PIECES = 8  # bot/services/photo_quality.py: HASH_HEX // BAND_HEX


class Photo(Base):
    __tablename__ = "photos"
    __table_args__ = (
        UniqueConstraint("submission_id", "file_unique_id"),
        # One per 8-bit piece of `phash` (bot/services/photo_match.py looks them up).
        *(
            Index(f"ix_photos_phash_{i}", text(f"substr(phash, {i * 2 + 1}, 2)"))
            for i in range(PHASH_PIECES)
        ),
        # The photo worker's queue: the rows still without a file, oldest first.
        Index(
            "ix_photos_to_fetch",
            "created_at",
            "id",
            sqlite_where=text("local_path IS NULL"),
            postgresql_where=text("local_path IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    file_id: Mapped[str] = mapped_column(String(200))
    file_unique_id: Mapped[str] = mapped_column(String(100), index=True)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    mime_type: Mapped[str | None] = mapped_column(String(60))
    album: Mapped[str | None] = mapped_column(String(64))  # Telegram's media_group_id
    reused_elsewhere: Mapped[bool] = mapped_column(Boolean, default=False)
    local_path: Mapped[str | None] = mapped_column(String(300))
    download_attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Set by the photo worker once the file is kept (bot/services/photo_quality.py): the
    # perceptual hash (16 hex digits), a problem worth a retake hint ("blurry", "dark"), and
    # another artisan's photo that looks the same (its id; no foreign key: if that photo goes,
    # the flag simply stops showing).
    phash: Mapped[str | None] = mapped_column(String(16))
    quality: Mapped[str | None] = mapped_column(String(10))
    similar_to: Mapped[int | None] = mapped_column(Integer)

    submission: Mapped[Submission] = relationship(back_populates="photos")


class HelpMessage(Base):
    """One message of an artisan's help thread: their question, or a staff member's answer."""

    __tablename__ = "help_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    artisan_id: Mapped[int] = mapped_column(
        ForeignKey("artisans.id", ondelete="CASCADE"), index=True
    )
    staff_id: Mapped[int | None] = mapped_column(BigInteger)  # None: the artisan asked
    text: Mapped[str | None] = mapped_column(Text)
    voice_file_id: Mapped[str | None] = mapped_column(String(200))
    step: Mapped[str | None] = mapped_column(String(30))  # where the artisan was when asking
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Event(Base):
    """Append-only audit log of submission state changes."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int | None] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(BigInteger)
    actor_role: Mapped[str] = mapped_column(String(20))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Role(enum.StrEnum):
    REVIEWER = "reviewer"
    ADMIN = "admin"
    HELPER = "helper"  # registers artisans without Telegram in person; never reviews


class Campaign(Base):
    """A QR poster for a district (and optionally a camp); its payload opens the bot with it."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    payload: Mapped[str] = mapped_column(String(64), unique=True)
    district: Mapped[str] = mapped_column(String(60))
    name: Mapped[str | None] = mapped_column(String(80))
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Staff(Base):
    __tablename__ = "staff"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    # Empty list: every district.
    districts: Mapped[list[str]] = mapped_column(JSON, default=list)
    granted_by: Mapped[int | None] = mapped_column(BigInteger)
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)


class StaffChange(Base):
    """Append-only audit log of role changes: who granted or removed which role, when."""

    __tablename__ = "staff_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(BigInteger)
    user_id: Mapped[int] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(20))  # granted | regranted | removed
    role: Mapped[str] = mapped_column(String(20))
    # For a grant: the districts given (empty: every district); the previous ones on a re-grant.
    districts: Mapped[list[str]] = mapped_column(JSON, default=list)
    previous: Mapped[list[str] | None] = mapped_column(JSON)
    released: Mapped[int] = mapped_column(Integer, default=0)  # claims sent back to the queue
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class Dialogue(Base):
    """A staff member's open multi-step dialogue (reason text, broadcast draft...)."""

    __tablename__ = "dialogues"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Broadcast(Base):
    __tablename__ = "broadcasts"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_by: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    text: Mapped[str | None] = mapped_column(Text)
    photo_file_id: Mapped[str | None] = mapped_column(String(200))
    audience: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    total: Mapped[int] = mapped_column(Integer, default=0)
    sent: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    progress_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    progress_message_id: Mapped[int | None] = mapped_column(BigInteger)
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]


class Delivery(Base):
    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("broadcast_id", "chat_id"),
        Index("ix_deliveries_work", "broadcast_id", "state", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    broadcast_id: Mapped[int] = mapped_column(ForeignKey("broadcasts.id", ondelete="CASCADE"))
    artisan_id: Mapped[int | None] = mapped_column(
        ForeignKey("artisans.id", ondelete="CASCADE"), index=True
    )
    chat_id: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(String(200))
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    sent_at: Mapped[datetime | None]
    # A field helper's delivery (artisan_id None, chat_id the helper): the ids of the artisans
    # without Telegram they registered, to pass the notice on to. None for everyone else.
    for_artisans: Mapped[list[int] | None] = mapped_column(JSON(none_as_null=True))


class ProcessedUpdate(Base):
    """Update ids already handled, so a redelivered update changes nothing."""

    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class AlbumNote(Base):
    """What was said once for an album's parts, so its later parts say nothing more, whichever
    instance handles them and across a restart (`bot.handlers.photos.answered_album`)."""

    __tablename__ = "album_notes"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    media_group_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    said: Mapped[str] = mapped_column(String(64), primary_key=True)  # a text's key, or ""
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class Listing(Base):
    """Marketplace details of an approved product, asked of the artisan after approval.

    `step` is the question waiting for an answer (None once answered); the stock fields are
    kept fresh by the monthly check (`bot.handlers.listing_details`).
    """

    __tablename__ = "listings"

    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True
    )
    step: Mapped[str | None] = mapped_column(String(20))
    material: Mapped[str | None] = mapped_column(String(80))
    colour: Mapped[str | None] = mapped_column(String(80))
    stock: Mapped[int | None] = mapped_column(Integer)
    ship_days: Mapped[int | None] = mapped_column(Integer)
    size: Mapped[str | None] = mapped_column(String(120))
    # Answers given as a voice note (material, colour, size): step -> file id, until a
    # reviewer listens and types them in with /setlisting.
    voice_answers: Mapped[dict[str, Any] | None]
    hsn: Mapped[str | None] = mapped_column(String(8))  # a reviewer's correction of the craft's
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    stock_at: Mapped[datetime | None]  # when the artisan last said how many are ready
    stock_asked_at: Mapped[datetime | None]
    stock_missed: Mapped[int] = mapped_column(Integer, default=0)  # checks left unanswered
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
