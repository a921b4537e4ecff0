"""What the reviewer sees (album, voice, card, what changed) and what the artisan is told."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, InputMediaPhoto, Message

from bot.context import Services
from bot.handlers import assist
from bot.handlers import keyboards as kb
from bot.handlers.base import Turn
from bot.handlers.summary import fields
from bot.services import registration as reg
from bot.services import review, transcripts
from bot.services import review_queries as views
from bot.services.photo_match import similar_elsewhere
from bot.storage.models import IST, Artisan, State, Submission

T = Callable[..., str]
DESCRIPTION_SHOWN = 80
CHANGE_FIELDS = ("name", "phone", *reg.SNAPSHOT_FIELDS, "photos")
NOTIFY_KEYS = {
    State.APPROVED: "notify-approved",
    State.CHANGES_REQUESTED: "notify-changes",
    State.REJECTED: "notify-rejected",
}
# The same, to the field helper of an artisan without Telegram (with the artisan's name).
HELPER_KEYS = {
    State.APPROVED: "fh-notify-approved",
    State.CHANGES_REQUESTED: "fh-notify-changes",
    State.REJECTED: "fh-notify-rejected",
}


def ist(moment: datetime | None, missing: str = "") -> str:
    """Officials in Uttar Pradesh read Indian time."""
    return moment.astimezone(IST).strftime("%d.%m.%Y %H:%M") if moment else missing


def state_name(t: T, state: str) -> str:
    return t(f"rv-state-{state}")


def artisan_t(services: Services, artisan: Artisan | None) -> T:
    """Translate in the artisan's own language (not the reviewer's)."""
    locale = services.t.resolve_locale(artisan.locale if artisan else None)
    return partial(services.t, locale)


def decision_keyboard(
    t: T, submission_id: int, spoken: list[str] | None = None
) -> InlineKeyboardMarkup:
    """Approve first; a "type it in" button for each answer the artisan gave by voice."""
    codes = {field: code for code, field in transcripts.CODES.items()}
    typing = [
        kb.button(
            t("rv-btn-type", field=t(f"rv-field-{field}")), f"tx:{submission_id}:{codes[field]}"
        )
        for field in spoken or []
    ]
    return kb.inline(
        [kb.button(t("rv-btn-approve"), f"rv:ok:{submission_id}")],
        [
            kb.button(t("rv-btn-changes"), f"rv:chg:{submission_id}"),
            kb.button(t("rv-btn-reject"), f"rv:rej:{submission_id}"),
        ],
        *kb.rows(typing),
        [kb.button(t("rv-btn-hsn"), f"hs:{submission_id}")],
    )


def reason_keyboard(t: T, submission_id: int, decision: str) -> InlineKeyboardMarkup:
    to = State.CHANGES_REQUESTED if decision == "c" else State.REJECTED
    buttons = [
        kb.button(t(f"rv-btn-reason-{code}"), f"rv:r:{submission_id}:{decision}:{code}")
        for code in review.REASONS[to]
    ]
    own = [kb.button(t("rv-btn-reason-own"), f"rv:txt:{submission_id}:{decision}")]
    return kb.inline(*kb.rows(buttons, 1), own)


def reason_check_keyboard(t: T, submission_id: int) -> InlineKeyboardMarkup:
    return kb.inline([kb.button(t("rv-btn-reason-send"), f"rv:rs:{submission_id}")])


def next_keyboard(t: T) -> InlineKeyboardMarkup:
    return kb.inline([kb.button(t("rv-btn-next"), "rv:next")])


def district_name(turn: Turn, key: str | None) -> str:
    district = turn.services.districts.get(key)
    return district.name(turn.locale) if district else key or turn.t("value-missing")


async def show(turn: Turn, sub: Submission) -> None:
    """The photos as one album, the voice note, then the card with the decision buttons."""
    photos = await views.photo_ids(turn.session, sub.id)
    chat = turn.chat_id
    caption = turn.t("rv-album-caption", ref=sub.reference, product=sub.product_name or "")
    if len(photos) >= 2:
        media = [InputMediaPhoto(p, caption=caption if i == 0 else None)
                 for i, p in enumerate(photos[:10])]  # fmt: skip
        turn.later(partial(_album, chat, media), chat)
    elif photos:
        turn.later(partial(_photo, chat, photos[0], caption), chat)
    spoken = transcripts.spoken(sub)
    for field in spoken:  # each answer given by voice, to listen to
        voice = reg.spoken(sub, field) or ""
        caption = turn.t("rv-voice-answer", field=turn.t(f"rv-field-{field}"), ref=sub.reference)
        turn.later(partial(_voice, chat, voice, caption), chat)
    text = await card_text(turn, sub, len(photos))
    turn.send_text(text, decision_keyboard(turn.t, sub.id, spoken))


async def _album(chat: int, media: list[InputMediaPhoto], bot: Bot) -> tuple[Message, ...]:
    return await bot.send_media_group(chat, media)


async def _photo(chat: int, photo: str, caption: str, bot: Bot) -> Message:
    return await bot.send_photo(chat, photo, caption=caption)


async def _voice(chat: int, voice: str, caption: str, bot: Bot) -> Message:
    return await bot.send_voice(chat, voice, caption=caption)


async def card_text(turn: Turn, sub: Submission, photo_count: int) -> str:
    artisan = await views.artisan_of(turn.session, sub)
    missing = turn.t("value-missing")
    district = turn.services.districts.get(sub.district)
    description = sub.description or ""
    if len(description) > DESCRIPTION_SHOWN * 5:
        description = description[: DESCRIPTION_SHOWN * 5] + "…"
    text = turn.t(
        "rv-card",
        ref=sub.reference,
        state=state_name(turn.t, sub.state),
        version=sub.version,
        district=district_name(turn, sub.district),
        odop=", ".join(district.products(turn.locale)) if district else missing,
        submitted=ist(sub.submitted_at, missing),
        until=ist(sub.lease_until, missing),
        **fields(turn, artisan, sub, photo_count, description, _craft_name(turn, sub)),
    )
    extra = await flags(turn, sub) + changes(turn, sub)
    return "\n".join([text, *extra])


def _craft_name(turn: Turn, sub: Submission) -> str | None:
    """The craft by its official name in the reviewer's language (an English artisan's
    "Terracotta" on a Hindi reviewer's card read as a typo); as typed when not in the table."""
    crafts, district = turn.services.crafts, turn.services.districts.get(sub.district)
    craft = crafts.get(sub.craft, district)
    return crafts.name_of(craft, turn.locale, district) if craft is not None else None


async def flags(turn: Turn, sub: Submission) -> list[str]:
    """Things a reviewer should look at twice."""
    found = []
    reused = await views.reused_photos(turn.session, sub)
    if reused:
        found.append(turn.t("rv-flag-reused-photo", count=reused))
    similar = await similar_elsewhere(turn.session, sub)  # the same picture, sent again
    if similar:
        found.append(turn.t("rv-flag-similar-photo", refs=", ".join(similar)))
    district = turn.services.districts.get(sub.district)
    if district and sub.craft and sub.craft not in (*district.products_en, *district.products_hi):
        found.append(turn.t("rv-flag-craft-not-odop"))
    if sub.assisted:  # registered in person by a field helper: the artisan has no Telegram
        found.append(turn.t("fh-rv-flag-assisted"))
    duplicate = await views.same_product_elsewhere(turn.session, sub)
    if duplicate:
        found.append(turn.t("rv-flag-same-product", ref=duplicate))
    return found


def changes(turn: Turn, sub: Submission) -> list[str]:
    """What the artisan changed since the version the reviewer sent back."""
    snapshot = sub.last_snapshot or {}
    previous, current = snapshot.get("previous"), snapshot.get("fields") or {}
    changed = [f for f in snapshot.get("changed") or [] if f in CHANGE_FIELDS]
    if not previous:
        return []
    if not changed:
        return [turn.t("rv-changed-nothing")]
    lines = [turn.t("rv-changed-title")]
    for field in changed:
        old, new = previous.get(field), current.get(field)
        shown_new = _value(turn, field, new)
        if field == "photos" and isinstance(old, list) and isinstance(new, list):
            # "1 → 1" said nothing when the one photo was replaced: the new ones are counted.
            fresh = len(set(new) - set(old))
            shown_new = turn.t("rv-photos-new", count=len(new), new=fresh) if fresh else shown_new
        lines.append(
            turn.t(
                "rv-changed-field",
                field=turn.t(f"rv-field-{field}"),
                old=_value(turn, field, old),
                new=shown_new,
            )
        )
    return lines


def _value(turn: Turn, field: str, value: Any) -> str:
    if field == "price_unit":  # None: by the piece
        return kb.measure(turn.t, value)["unit"]
    if value is None or value == "" or value == []:
        return turn.t("value-missing")
    if field == "photos":
        return str(len(value)) if isinstance(value, list) else turn.t("value-missing")
    if field == "voice_file_id":
        return turn.t("value-voice")
    if field == "district":
        return district_name(turn, str(value))
    if field == "price":
        return turn.t("rv-money", amount=value)
    text = str(value)
    return text if len(text) <= DESCRIPTION_SHOWN else text[:DESCRIPTION_SHOWN] + "…"


async def notify_decision(turn: Turn, sub: Submission, artisan: Artisan) -> None:
    """Tell the artisan the outcome in their own language, after the commit (or, for an
    artisan without Telegram, the field helper who registered them)."""
    if await assist.notify_helper(turn, sub, artisan, HELPER_KEYS[State(sub.state)]):
        return
    if artisan.telegram_id is None:
        return
    t = artisan_t(turn.services, artisan)
    key = NOTIFY_KEYS[State(sub.state)]
    product = sub.product_name or t("value-missing")
    reason = sub.decision_reason or t("value-missing")
    text = t(key, ref=sub.reference, product=product, reason=reason)
    markup = None
    if sub.state == State.CHANGES_REQUESTED:
        markup = kb.fix(t, sub.id)
    elif sub.state == State.REJECTED:  # what they can do: another product, or ask a person
        markup = kb.inline([kb.button(t("btn-new-product"), "reg:new")], kb.help_row(t))
    turn.send_text(text, markup, chat_id=artisan.telegram_id)


async def notify_reopened(turn: Turn, sub: Submission, artisan: Artisan) -> None:
    if await assist.notify_helper(turn, sub, artisan, "fh-notify-reopened"):
        return
    if artisan.telegram_id is None:
        return
    t = artisan_t(turn.services, artisan)
    text = t("notify-reopened", ref=sub.reference, product=sub.product_name or "")
    turn.send_text(text, chat_id=artisan.telegram_id)
