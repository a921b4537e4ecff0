"""The summary: everything the artisan told us shown back, each field editable."""

from __future__ import annotations

import html

from bot.handlers import keyboards as kb
from bot.handlers.base import Turn
from bot.services import flow
from bot.services import registration as reg
from bot.services import review_queries as views
from bot.services.review import CHANGE_REASONS
from bot.services.validation import readable_phone
from bot.storage.models import Artisan, State, Submission


def fields(
    turn: Turn,
    artisan: Artisan | None,
    sub: Submission,
    photo_count: int,
    description: str,
    craft: str | None = None,
) -> dict[str, object]:
    """The answers as both the summary and the reviewer's card show them (`craft`: the work
    as shown, when not as stored)."""
    missing = turn.t("value-missing")
    unit = kb.measure(turn.t, sub.price_unit)

    def told(step: str, typed: str | None) -> str:
        """The typed answer, and a mark when (also) given as a voice note."""
        voice = turn.t("value-voice") if reg.spoken(sub, step) else ""
        return (f"{typed or ''} {voice}").strip() or missing

    return {
        "name": told("name", artisan.name if artisan else None),
        "phone": readable_phone(artisan.phone) if artisan and artisan.phone else missing,
        "craft": told("craft", craft or sub.craft),
        "product": told("product_name", sub.product_name),
        "description": told("description", description),
        "price": (
            turn.t("price-amount", value=sub.price, **unit) if sub.price is not None else missing
        ),
        "capacity": (
            turn.t("btn-amount-capacity", value=sub.capacity, **unit)
            if sub.capacity is not None
            else missing
        ),
        "photos": photo_count,
        "gstin": sub.gstin or missing,
        "udyam": sub.udyam or missing,
        "pehchan": sub.pehchan or missing,
    }


def describe(turn: Turn, artisan: Artisan, sub: Submission, photo_count: int) -> str:
    """The submission as the artisan reads it."""
    district = turn.services.districts.get(sub.district or artisan.district)
    # The work by the short name on its button (data/crafts.csv label_hi), not the list's.
    craft = craft_label(turn, sub.craft) if sub.craft else None
    body = turn.t(
        "summary-body",
        district=district.name(turn.locale) if district else turn.t("value-missing"),
        **fields(turn, artisan, sub, photo_count, sub.description or "", craft),
    )
    given = [(key, getattr(sub, field)) for field, key in EXTRAS.items() if getattr(sub, field)]
    extras = [turn.t(key, value=value) for key, value in given] or [turn.t("summary-no-extras")]
    return body + "\n" + "\n".join(extras)


def craft_label(turn: Turn, craft: str) -> str:
    """How the artisan knows their work: the short label of data/crafts.csv, else as typed."""
    district = turn.services.districts.get(turn.artisan.district if turn.artisan else None)
    return turn.services.crafts.label(craft, turn.locale, district)


EXTRAS = {"gstin": "summary-gstin", "udyam": "summary-udyam", "pehchan": "summary-pehchan"}


async def show_summary(turn: Turn, artisan: Artisan, sub: Submission, photo: bool = True) -> None:
    """The summary to check, under the product's first photo (`photo`: not when it comes again
    after a change, on a phone that pays for every photo and a chat it filled)."""
    photos = await reg.photo_file_ids(turn.session, sub.id)
    if photos and photo:
        # The artisan's own words, sent with parse_mode=HTML: "<b>" in a name must stay text.
        first, caption = photos[0], html.escape(sub.product_name or "", quote=False)
        chat = turn.chat_id
        turn.outbox.photo(chat, first, caption)
    text = describe(turn, artisan, sub, len(photos))
    if sub.state == State.CHANGES_REQUESTED and sub.decision_reason:
        text = await _to_fix(turn, sub) + "\n\n" + text
    turn.send_text(text, kb.summary(turn.t))


async def _to_fix(turn: Turn, sub: Submission) -> str:
    """A sent-back product: the reviewer's reason on top, and what it asks to change."""
    lines = [turn.t("fix-reason", reason=sub.decision_reason or "")]
    reason = await views.sent_back_for(turn.session, sub.id)
    field = flow.fix_field(reason)
    if field is not None:
        label = turn.t(kb.EDIT_FIELDS.get(field, "btn-edit-photos"))
        lines.append(turn.t(await _fix_state(turn, sub, field, reason), field=label))
    return "\n".join(lines)


async def _fix_state(turn: Turn, sub: Submission, field: str, reason: str | None) -> str:
    """How `field` stands against what the reviewer saw (the submitted snapshot): the key
    that says so. Photos sent back as unclear, with new ones beside them, are said to be
    still there (not for "too few photos", where adding is the fix)."""
    sent = (sub.last_snapshot or {}).get("fields", {})
    if field != "photos":
        return "fix-field-done" if getattr(sub, field) != sent.get(field) else "fix-field"
    now, before = await reg.photo_unique_ids(turn.session, sub.id), sent.get("photos", [])
    if now == before:
        return "fix-field"
    kept_old = bool(set(before) & set(now)) and reason != CHANGE_REASONS["few"]
    return "fix-photos-added" if kept_old else "fix-field-done"
