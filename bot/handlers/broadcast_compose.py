"""The /broadcast dialogue: the notice, the audience, a preview exactly as sent, Send / Cancel.

The draft lives in the admin's `dialogues` row (kind `bc:compose`); payload:
`{"step": "message" | "audience" | "districts" | "crafts" | "preview", "draft": token, "text",
"photo", "audience": Audience.to_json()}`. Buttons are `bc:<verb>[:<arg>]`, re-checked on every
press; Send (`bc:go:<token>`) only works on the latest preview, whose audience it showed.
"""

from __future__ import annotations

import re
import secrets
from functools import partial
from typing import Any

from telegram import InlineKeyboardMarkup
from telegram.ext import Application

from bot.handlers.base import Turn
from bot.handlers.keyboards import button, inline, rows
from bot.outbox import Markup
from bot.services.broadcast import (
    STATE_FILTERS,
    Audience,
    CraftCatalogue,
    Reach,
    count_audience,
    queue_broadcast,
    send_notice,
)
from bot.services.districts import District, DistrictIndex
from bot.storage.models import Dialogue, State
from bot.workers.broadcast_lane import BroadcastLane

KIND = "bc:compose"
LANE_KEY = "broadcast_lane"
_SPLIT = re.compile("[,;\n\u0964]+")  # commas, semicolons, lines, the Devanagari danda
STATE_LABELS = {
    State.APPROVED: "state-approved",
    State.LISTED: "state-listed",
    State.PENDING: "state-pending",
    State.CHANGES_REQUESTED: "state-changes_requested",
    State.REJECTED: "state-rejected",
    State.DRAFT: "state-draft",
}


CAPTION_MAX = 1024  # what Telegram takes under a photo sent by a bot


def lane_of(app: Application[Any, Any, Any, Any, Any, Any]) -> BroadcastLane | None:
    lane = app.bot_data.get(LANE_KEY)
    return lane if isinstance(lane, BroadcastLane) else None


async def is_admin(turn: Turn) -> bool:
    """Roles read now; a refusal is answered in the user's language."""
    if (await turn.staff()).is_admin:
        return True
    if turn.update.callback_query is not None:
        turn.answer("bc-admins-only", alert=True)
    else:
        turn.say("bc-admins-only")
    return False


async def start(turn: Turn) -> None:
    """Open (or restart) the admin's draft and ask for the notice."""
    dialogue = turn.dialogue
    if dialogue is None:
        dialogue = Dialogue(user_id=turn.user_id, kind=KIND)
        turn.session.add(dialogue)
    dialogue.kind = KIND
    dialogue.payload = {"step": "message", "audience": Audience().to_json()}
    turn.say("bc-ask-message")


async def on_input(turn: Turn, dialogue: Dialogue) -> None:
    """A message while composing: the notice itself, or typed districts or crafts."""
    if not await is_admin(turn):
        await turn.session.delete(dialogue)
        return
    payload, msg = dict(dialogue.payload), turn.update.message
    step = payload.get("step")
    if msg is None:
        return
    if step == "message":
        # NUL is never meaningful in a notice, and PostgreSQL text columns refuse it.
        if msg.photo and len(msg.caption or "") > CAPTION_MAX:  # Premium allows 2,048
            turn.say("bc-caption-too-long", max=CAPTION_MAX, count=len(msg.caption or ""))
            return
        if msg.photo:
            caption = (msg.caption_html or "").replace("\x00", "")
            payload.update(photo=msg.photo[-1].file_id, text=caption or None)
            if not caption:  # a notice with no words would reach every artisan: ask for them
                _set(dialogue, payload, step="caption")
                no_text = button(turn.t("bc-btn-no-caption"), "bc:nc")
                turn.say("bc-ask-caption", inline([no_text]))
                return
        elif msg.text and not msg.text.startswith("/"):
            payload.update(photo=None, text=msg.text_html.replace("\x00", ""))
        else:
            turn.say("bc-message-unsupported")
            return
        await _show_audience(turn, dialogue, payload)
    elif step == "caption" and msg.text and not msg.text.startswith("/"):  # under the photo
        if len(msg.text) > CAPTION_MAX:
            turn.say("bc-caption-too-long", max=CAPTION_MAX, count=len(msg.text))
            return
        payload.update(text=msg.text_html.replace("\x00", ""))
        await _show_audience(turn, dialogue, payload)
    elif step == "caption" and msg.photo:  # another photo: the first one was not the notice's
        payload.update(step="message")
        _set(dialogue, payload)
        await on_input(turn, dialogue)
    elif step == "caption":  # a sticker, a file, a command: the text is still awaited
        no_text = button(turn.t("bc-btn-no-caption"), "bc:nc")
        turn.say("bc-ask-caption", inline([no_text]))
    elif step == "districts" and msg.text:
        await _districts_typed(turn, dialogue, payload, msg.text)
    elif step == "crafts" and msg.text:
        await _crafts_typed(turn, dialogue, payload, msg.text)
    elif step == "preview":
        turn.say("bc-use-buttons")
        await _preview(turn, dialogue, payload)
    else:
        turn.say("bc-use-buttons")
        await _show_audience(turn, dialogue, payload)


async def on_button(turn: Turn, verb: str, arg: str) -> None:
    """Every `bc:` button of the dialogue, checked against the draft as it is now."""
    if not await is_admin(turn):
        return
    dialogue = turn.dialogue
    payload = dict(dialogue.payload) if dialogue is not None and dialogue.kind == KIND else {}
    step = payload.get("step")
    if dialogue is None or step in (None, "message") or (step == "caption") != (verb == "nc"):
        turn.answer("button-stale")
        return
    turn.answer()
    audience = Audience.from_json(payload.get("audience"))
    if verb == "nc":  # "without text": the photo alone is the notice
        await _show_audience(turn, dialogue, payload)
    elif verb == "x":
        await turn.session.delete(dialogue)
        turn.say("bc-compose-cancelled")
    elif verb == "d":
        _set(dialogue, payload, step="districts")
        turn.say("bc-ask-districts")
    elif verb == "c":
        _set(dialogue, payload, step="crafts")
        turn.say("bc-ask-crafts")
    elif verb == "s":
        await _toggle(turn, dialogue, payload, "states", arg, STATE_FILTERS)
    elif verb == "l":
        await _toggle(turn, dialogue, payload, "languages", arg, tuple(_languages(turn)))
    elif verb == "a":
        await _show_audience(turn, dialogue, payload)
    elif verb == "all":
        payload["audience"] = Audience().to_json()
        await _preview(turn, dialogue, payload)
    elif verb == "p":
        await _preview(turn, dialogue, payload)
    elif verb == "go" and payload.get("step") == "preview" and arg == payload.get("draft"):
        await _send(turn, dialogue, payload, audience)
    else:
        turn.say("button-stale")


def _set(dialogue: Dialogue, payload: dict[str, Any], **changes: Any) -> None:
    # A new dict each time: the JSON column does not track in-place changes.
    dialogue.payload = {**payload, **changes}


def _languages(turn: Turn) -> dict[str, str]:
    return turn.services.t.native_names()


def _catalogue(turn: Turn) -> CraftCatalogue:
    return CraftCatalogue(turn.services.districts)


async def _count(turn: Turn, audience: Audience) -> Reach:
    settings = turn.services.settings
    return await count_audience(turn.session, audience, _catalogue(turn), settings.default_locale)


def _say_reach(turn: Turn, key: str, markup: Markup, reach: Reach, **args: Any) -> None:
    """`key` with the artisans counted, and how many of them hear it through a field helper."""
    text = turn.t(key, count=reach.artisans, **args)
    if reach.via_helpers:
        text += "\n" + turn.t("bc-via-helpers", artisans=reach.via_helpers, helpers=reach.helpers)
    turn.send_text(text, markup)


def _districts(index: DistrictIndex, audience: Audience) -> list[tuple[str, District | None]]:
    return [(key, index.get(key)) for key in audience.districts]


def describe(turn: Turn, audience: Audience) -> str:
    """The filters in the admin's language, one per line."""
    if audience.everyone:
        return turn.t("bc-filter-all")
    index, catalogue, names = turn.services.districts, _catalogue(turn), _languages(turn)
    lines = []
    if audience.districts:
        shown = [d.name(turn.locale) if d else key for key, d in _districts(index, audience)]
        lines.append(turn.t("bc-filter-districts", names=", ".join(shown)))
    if audience.crafts:
        crafts = ", ".join(catalogue.name(c, turn.locale) for c in audience.crafts)
        lines.append(turn.t("bc-filter-crafts", names=crafts))
    if audience.states:
        states = ", ".join(turn.t(STATE_LABELS[State(s)]) for s in audience.states)
        lines.append(turn.t("bc-filter-states", names=states))
    if audience.languages:
        langs = ", ".join(names.get(code, code) for code in audience.languages)
        lines.append(turn.t("bc-filter-languages", names=langs))
    return "\n".join(lines)


async def _show_audience(turn: Turn, dialogue: Dialogue, payload: dict[str, Any]) -> None:
    _set(dialogue, payload, step="audience")
    audience = Audience.from_json(payload.get("audience"))
    t = turn.t
    markup = inline(
        [button(t("bc-btn-districts"), "bc:d"), button(t("bc-btn-crafts"), "bc:c")],
        [button(t("bc-btn-states"), "bc:s"), button(t("bc-btn-languages"), "bc:l")],
        [button(t("bc-btn-everyone"), "bc:all")],
        [button(t("bc-btn-preview"), "bc:p")],
        [button(t("bc-btn-cancel"), "bc:x")],
    )
    reach = await _count(turn, audience)
    _say_reach(turn, "bc-audience", markup, reach, summary=describe(turn, audience))


async def _toggle(
    turn: Turn,
    dialogue: Dialogue,
    payload: dict[str, Any],
    field: str,
    value: str,
    allowed: tuple[str, ...],
) -> None:
    """Show the choices for `field`; with `value`, switch it on or off first."""
    audience = dict(payload.get("audience") or {})
    chosen = [v for v in audience.get(field, []) if v in allowed]
    if value in allowed:
        chosen = [v for v in chosen if v != value] if value in chosen else [*chosen, value]
    audience[field] = chosen
    _set(dialogue, payload, audience=audience, step="audience")
    verb = "s" if field == "states" else "l"
    labels = (
        {s: turn.t(STATE_LABELS[State(s)]) for s in allowed}
        if field == "states"
        else _languages(turn)
    )
    choices = [
        button(("✓ " if v in chosen else "") + labels[v], f"bc:{verb}:{v}") for v in allowed
    ]
    markup = inline(*rows(choices), [button(turn.t("bc-btn-back"), "bc:a")])
    query = turn.update.callback_query
    if value and query is not None:
        turn.later(lambda _bot: query.edit_message_reply_markup(markup))
        return
    turn.say("bc-ask-states" if field == "states" else "bc-ask-languages", markup)


async def _districts_typed(
    turn: Turn, dialogue: Dialogue, payload: dict[str, Any], text: str
) -> None:
    index = turn.services.districts
    found, unknown = [], []
    for part in filter(None, (p.strip() for p in _SPLIT.split(text))):
        district = index.match(part).district
        if district is None:
            unknown.append(part)
        elif district.key not in found:
            found.append(district.key)
    if unknown or not found:
        turn.say("bc-districts-unknown", names=", ".join(unknown) or text.strip())
        return
    payload["audience"] = {**(payload.get("audience") or {}), "districts": found}
    await _show_audience(turn, dialogue, payload)


async def _crafts_typed(
    turn: Turn, dialogue: Dialogue, payload: dict[str, Any], text: str
) -> None:
    parts = [p.strip() for p in _SPLIT.split(text) if p.strip()]
    if not parts or any(not 2 <= len(p) <= 120 for p in parts):
        turn.say("bc-crafts-invalid")
        return
    catalogue = _catalogue(turn)
    crafts = list(dict.fromkeys(catalogue.resolve(p) for p in parts))
    payload["audience"] = {**(payload.get("audience") or {}), "crafts": crafts}
    await _show_audience(turn, dialogue, payload)


def _send_keyboard(turn: Turn, count: int, draft: str = "") -> InlineKeyboardMarkup:
    t = turn.t
    first = [button(t("bc-btn-send"), f"bc:go:{draft}")] if count else []
    return inline(
        [*first, button(t("bc-btn-cancel"), "bc:x")], [button(t("bc-btn-change"), "bc:a")]
    )


async def _preview(turn: Turn, dialogue: Dialogue, payload: dict[str, Any]) -> None:
    """The notice exactly as artisans get it, then the recipient count and Send / Cancel."""
    # Send is tied to this preview: under an older one it would reach the audience since chosen.
    draft = secrets.token_hex(3)
    _set(dialogue, payload, step="preview", draft=draft)
    reach = await _count(turn, Audience.from_json(payload.get("audience")))
    chat = turn.chat_id
    turn.later(partial(send_notice, chat, payload.get("text"), payload.get("photo")), chat)
    if reach.artisans:
        keyboard = _send_keyboard(turn, reach.artisans, draft)
        _say_reach(turn, "bc-preview", keyboard, reach)
    else:
        turn.say("bc-preview-empty", _send_keyboard(turn, 0))


async def _send(
    turn: Turn, dialogue: Dialogue, payload: dict[str, Any], audience: Audience
) -> None:
    """Write the broadcast and its deliveries; the lane sends them after this commit."""
    reach = await _count(turn, audience)
    if not reach.artisans:
        turn.say("bc-preview-empty", _send_keyboard(turn, 0))
        return
    broadcast = await queue_broadcast(
        turn.session,
        created_by=turn.user_id,
        text=payload.get("text"),
        photo_file_id=payload.get("photo"),
        audience=audience,
        catalogue=_catalogue(turn),
        default_locale=turn.services.settings.default_locale,
        ui_locale=turn.locale,
    )
    await turn.session.delete(dialogue)
    _say_reach(turn, "bc-queued", None, reach, id=str(broadcast.id))
    lane = lane_of(turn.context.application)
    if lane is not None:
        turn.later(lambda _bot: _wake(lane))


async def _wake(lane: BroadcastLane) -> None:
    lane.wake()
