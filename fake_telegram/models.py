"""Plain dataclasses holding the fake server's state."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from .entities import plain_text
from .notifier import Notifier

JSONDict = dict[str, Any]

# Bot calls that count as something the user sees happen in a chat.
ACTION_METHODS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendMediaGroup",
        "sendVoice",
        "sendDocument",
        "sendAudio",
        "sendVideo",
        "sendAnimation",
        "sendSticker",
        "sendLocation",
        "sendContact",
        "copyMessage",
        "forwardMessage",
        "editMessageText",
        "editMessageCaption",
        "editMessageReplyMarkup",
        "editMessageMedia",
        "deleteMessage",
    }
)


def keyboard_rows(markup: JSONDict | None) -> list[list[JSONDict]]:
    """Buttons of an inline or reply keyboard as dicts with at least ``text``."""
    if not markup:
        return []
    rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
    return [
        [button if isinstance(button, dict) else {"text": str(button)} for button in row]
        for row in rows
    ]


@dataclass
class BotMessage:
    """A message the bot sent; edits and deletes update it in place."""

    message_id: int
    chat_id: int
    kind: str
    text: str | None = None
    caption: str | None = None
    parse_mode: str | None = None
    reply_markup: JSONDict | None = None
    file_id: str | None = None
    media_group_id: str | None = None
    params: JSONDict = field(default_factory=dict, repr=False)
    edited: bool = False
    deleted: bool = False
    result: JSONDict = field(default_factory=dict, repr=False)

    @property
    def plain(self) -> str:
        """Visible text or caption (HTML tags stripped, entities unescaped)."""
        raw = self.text if self.text is not None else self.caption
        return plain_text(raw, self.parse_mode)

    @property
    def is_inline_keyboard(self) -> bool:
        return bool(self.reply_markup and "inline_keyboard" in self.reply_markup)

    @property
    def buttons(self) -> list[str]:
        """Button texts of this message's keyboard, row by row."""
        return [b.get("text", "") for row in keyboard_rows(self.reply_markup) for b in row]


@dataclass(repr=False)
class Call:
    """One HTTP request the bot made, with the fake's answer once it was given."""

    method: str
    params: JSONDict
    at: float
    files: dict[str, bytes] = field(default_factory=dict)
    file_names: dict[str, str] = field(default_factory=dict)
    chat_id: int | None = None
    status: int | None = None  # HTTP status; None while in flight, 0 if dropped/aborted
    error: str | None = None
    result: Any = None
    messages: list[BotMessage] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def text(self) -> str:
        """Visible text of the call's message (text or caption, HTML stripped)."""
        if self.messages:
            return self.messages[0].plain
        raw = self.params.get("text", self.params.get("caption"))
        return plain_text(raw if isinstance(raw, str) else None, self.params.get("parse_mode"))

    def __repr__(self) -> str:
        return f"<Call {self.describe()}>"

    def describe(self) -> str:
        shown = {k: v for k, v in self.params.items() if k != "chat_id"}
        state = "in flight" if self.status is None else f"-> {self.status}"
        if self.error:
            state += f" ({self.error})"
        return f"{self.method}({_short(shown)}) {state}"


def _short(value: Any, limit: int = 160) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass
class StoredFile:
    """A file known to the fake (sent by a user or uploaded by the bot)."""

    file_id: str
    file_unique_id: str
    content: bytes
    file_path: str
    kind: str
    size: int
    mime_type: str | None = None
    file_name: str | None = None
    width: int | None = None
    height: int | None = None
    duration: int | None = None


@dataclass
class ChatState:
    """A chat known to the fake: identity plus everything that happened in it."""

    id: int
    type: str
    title: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = None
    last_message_id: int = 0
    messages: list[BotMessage] = field(default_factory=list, repr=False)
    incoming: dict[int, JSONDict] = field(default_factory=dict, repr=False)
    actions: list[Call] = field(default_factory=list, repr=False)
    calls: list[Call] = field(default_factory=list, repr=False)
    alerts: list[str] = field(default_factory=list, repr=False)
    activity: int = 0
    inflight: int = 0
    notifier: Notifier = field(default_factory=Notifier, repr=False, compare=False)
    blocked: bool = False
    left: bool = False

    def next_message_id(self) -> int:
        self.last_message_id += 1
        return self.last_message_id

    def to_dict(self) -> JSONDict:
        data: JSONDict = {"id": self.id, "type": self.type}
        for key in ("title", "first_name", "last_name", "username"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data

    def find_message(self, message_id: int) -> BotMessage | None:
        for message in reversed(self.messages):
            if message.message_id == message_id and not message.deleted:
                return message
        return None


@dataclass
class QueuedUpdate:
    """An update waiting to be fetched by getUpdates or POSTed to the webhook."""

    update_id: int
    body: str
    chat_key: int | None = None
    forced: bool = False  # a re-delivery that getUpdates hands out once despite the offset
    delivered: bool = False
    created: float = field(default_factory=time.monotonic)


@dataclass
class WebhookState:
    """What the bot passed to setWebhook, plus delivery error info for getWebhookInfo."""

    url: str = ""
    secret: str | None = None
    max_connections: int = 40
    allowed_updates: list[str] | None = None
    ip_address: str | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None


@dataclass
class CallbackQueryState:
    """A callback query a user sent, to route answerCallbackQuery back to its chat."""

    id: str
    chat_id: int
    user_id: int
    data: str | None
    answered: bool = False
    answer: JSONDict | None = None
