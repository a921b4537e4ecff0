"""What one person's chat looks like, as JSON for the page, read from the fake's state.

User messages (``chat.incoming``) and the bot's (``chat.messages``) are both Telegram Message
dicts sharing one message_id counter, so one function renders both and ids give the order.
Text is sent as Telegram stores it (plain text + entities): the page builds DOM nodes from
them, so nothing the bot or a user typed is ever parsed as HTML in the browser.
"""

from __future__ import annotations

import json
from typing import Any

from fake_telegram import BotMessage, ChatState, FakeCore

JSON = dict[str, Any]
_MEDIA = ("photo", "video", "animation", "document", "voice", "audio", "sticker", "video_note")


def file_url(file_id: str) -> str:
    return f"/api/files/{file_id}"


def _media(message: JSON) -> JSON | None:
    for kind in _MEDIA:
        value = message.get(kind)
        if isinstance(value, list):  # PhotoSize list: show the largest
            value = value[-1] if value else None
        if isinstance(value, dict) and isinstance(value.get("file_id"), str):
            shown: JSON = {"kind": kind, "url": file_url(value["file_id"])}
            for key in ("width", "height", "duration", "file_name", "mime_type", "file_size"):
                if key in value:
                    shown[key] = value[key]
            return shown
    return None


def _inline_buttons(markup: Any) -> list[list[JSON]]:
    if not isinstance(markup, dict) or not isinstance(markup.get("inline_keyboard"), list):
        return []
    rows = []
    for row in markup["inline_keyboard"]:
        buttons = []
        for button in row if isinstance(row, list) else []:
            if isinstance(button, dict):
                shown: JSON = {"text": str(button.get("text", ""))}
                if isinstance(button.get("url"), str):
                    shown["url"] = button["url"]
                buttons.append(shown)
        rows.append(buttons)
    return rows


def entry(message: JSON, sender: str) -> JSON:
    """One bubble's data: text/caption with entities, media, buttons, edit mark."""
    shown: JSON = {
        "key": f"{sender[0]}{message.get('message_id')}",
        "id": message.get("message_id"),
        "from": sender,
        "date": message.get("date"),
    }
    if "text" in message:
        shown["text"] = message["text"]
        shown["entities"] = message.get("entities", [])
    elif "caption" in message:
        shown["text"] = message["caption"]
        shown["entities"] = message.get("caption_entities", [])
    media = _media(message)
    if media is not None:
        shown["media"] = media
    if isinstance(message.get("contact"), dict):
        contact = message["contact"]
        shown["contact"] = {
            "phone": contact.get("phone_number", ""),
            "name": " ".join(
                str(contact[k]) for k in ("first_name", "last_name") if contact.get(k)
            ),
        }
    if isinstance(message.get("location"), dict):
        shown["location"] = message["location"]
    if message.get("media_group_id"):
        shown["group"] = str(message["media_group_id"])
    if "edit_date" in message:
        shown["edited"] = True
    reply = message.get("reply_to_message")
    if isinstance(reply, dict):
        shown["reply"] = str(reply.get("text") or reply.get("caption") or "")[:120]
    buttons = _inline_buttons(message.get("reply_markup"))
    if buttons:
        shown["buttons"] = buttons
    return shown


def active_reply_keyboard(messages: list[BotMessage]) -> BotMessage | None:
    """The bot message whose reply keyboard is showing (a later removal hides it)."""
    for message in reversed(messages):
        markup = message.reply_markup or {}
        if message.deleted or not markup or "inline_keyboard" in markup:
            continue
        if "keyboard" in markup:
            return message
        if markup.get("remove_keyboard"):
            return None
    return None


def reply_keyboard(chat: ChatState) -> JSON | None:
    message = active_reply_keyboard(chat.messages)
    if message is None or message.reply_markup is None:
        return None
    markup = message.reply_markup
    rows = [
        [
            {
                "text": str(b.get("text", "")) if isinstance(b, dict) else str(b),
                "contact": bool(isinstance(b, dict) and b.get("request_contact")),
                "location": bool(isinstance(b, dict) and b.get("request_location")),
            }
            for b in row
        ]
        for row in markup.get("keyboard", [])
    ]
    return {
        "message_id": message.message_id,
        "rows": rows,
        "placeholder": markup.get("input_field_placeholder") or "",
    }


def commands_for(core: FakeCore, chat_id: int, language: str | None) -> list[JSON]:
    """The command menu this person sees: their chat's own, else the default for the language."""
    by_scope: dict[tuple[str, Any, str], list[JSON]] = {}
    for (scope_json, lang), commands in core.commands.items():
        scope = json.loads(scope_json)
        by_scope[(str(scope.get("type")), scope.get("chat_id"), lang)] = commands
    for key in (
        ("chat", chat_id, language or ""),
        ("chat", chat_id, ""),
        ("default", None, language or ""),
        ("default", None, ""),
    ):
        if key in by_scope:
            return by_scope[key]
    return []


def entries(chat: ChatState) -> list[JSON]:
    shown = [entry(m, "user") for m in chat.incoming.values()]
    shown += [entry(m.result, "bot") for m in chat.messages if not m.deleted]
    return sorted(shown, key=lambda e: int(e["id"] or 0))


def snapshot(core: FakeCore, chat: ChatState, language: str | None) -> JSON:
    """The whole chat: every visible message, the reply keyboard, the menu, answered alerts."""
    return {
        "entries": entries(chat),
        "meta": {
            "keyboard": reply_keyboard(chat),
            "commands": commands_for(core, chat.id, language),
            "alerts": list(chat.alerts),
        },
    }


class Differ:
    """Remembers what one page connection was sent and yields only what changed since."""

    def __init__(self) -> None:
        self._sent: dict[str, str] = {}
        self._meta = ""

    def changes(self, state: JSON) -> JSON | None:
        """``{"entries": [...], "removed": [keys], "meta"?: {...}}``, or None if nothing moved."""
        current = {e["key"]: json.dumps(e, ensure_ascii=False) for e in state["entries"]}
        meta = json.dumps(state["meta"], ensure_ascii=False)
        upserts = [json.loads(v) for k, v in current.items() if self._sent.get(k) != v]
        removed = [k for k in self._sent if k not in current]
        delta: JSON = {"entries": upserts, "removed": removed}
        if meta != self._meta:
            delta["meta"] = state["meta"]
        self._sent, self._meta = current, meta
        return delta if upserts or removed or "meta" in delta else None
