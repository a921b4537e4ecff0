"""Validation and payload helpers shared by the Bot API method handlers."""

from __future__ import annotations

import mimetypes
from collections.abc import Awaitable, Callable
from typing import Any

from .core import FakeCore
from .entities import EntityParseError, render
from .errors import WRONG_FILE_ID, ApiError, bad_request
from .models import Call, JSONDict, StoredFile

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_DOWNLOAD = 20 * 1024 * 1024

Handler = Callable[[FakeCore, Call], Awaitable[Any]]

_INLINE_ACTIONS = (
    "callback_data",
    "url",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "callback_game",
    "pay",
    "web_app",
    "copy_text",
)


class RawJSON(str):
    """A handler result that is already JSON text (getUpdates passes bodies through)."""


def _render(text: str, parse_mode: Any, entities: Any) -> tuple[str, list[JSONDict]]:
    if parse_mode is None and isinstance(entities, list):
        return text, entities
    try:
        return render(text, parse_mode if isinstance(parse_mode, str) else None)
    except EntityParseError as exc:
        raise bad_request(f"can't parse entities: {exc}") from exc


def render_text(text: Any, parse_mode: Any, entities: Any = None) -> JSONDict:
    """``{"text", "entities"?}`` as Telegram stores it, or the 400 Telegram gives."""
    if not isinstance(text, str) or not text.strip():
        raise bad_request("message text is empty")
    plain, found = _render(text, parse_mode, entities)
    if not plain.strip():
        raise bad_request("message text is empty")
    if len(plain) > MAX_TEXT:
        raise bad_request("message is too long")
    content: JSONDict = {"text": plain}
    if found:
        content["entities"] = found
    return content


def render_caption(caption: Any, parse_mode: Any, entities: Any = None) -> JSONDict:
    """``{"caption", "caption_entities"?}`` or ``{}`` when there is no caption."""
    if not isinstance(caption, str) or not caption:
        return {}
    plain, found = _render(caption, parse_mode, entities)
    if len(plain) > MAX_CAPTION:
        raise bad_request("message caption is too long")
    content: JSONDict = {"caption": plain}
    if found:
        content["caption_entities"] = found
    return content


def check_markup(markup: Any) -> JSONDict | None:
    """Validate reply_markup like Telegram (callback_data size, button shape)."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request("can't parse inline keyboard markup JSON object")
        for row in rows:
            for button in row:
                _check_inline_button(button)
    elif "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request("can't parse reply keyboard markup JSON object")
        for row in rows:
            for button in row:
                text = button.get("text") if isinstance(button, dict) else button
                if not isinstance(text, str) or not text:
                    raise bad_request("can't parse keyboard button: Text must be non-empty")
    return markup


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict):
        raise bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
        )
    if not isinstance(button.get("text"), str) or not button["text"]:
        raise bad_request("can't parse inline keyboard button: Text must be non-empty")
    data = button.get("callback_data")
    if data is not None and len(str(data).encode()) > MAX_CALLBACK_DATA:
        raise bad_request("BUTTON_DATA_INVALID")
    if not any(key in button for key in _INLINE_ACTIONS):
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )


def inline_markup(markup: JSONDict | None) -> JSONDict | None:
    return markup if markup and "inline_keyboard" in markup else None


def resolve_file(core: FakeCore, call: Call, value: Any, field: str, kind: str) -> StoredFile:
    """The file a send refers to: an upload, an attach:// part, a URL or a known file_id."""
    if value is None or value == "":
        if field in call.files:
            return _upload(core, call, field, kind)
        raise bad_request(f"there is no {field} in the request")
    if isinstance(value, str):
        if value.startswith("attach://"):
            part = value.removeprefix("attach://")
            if part not in call.files:
                raise bad_request(f'can\'t find attached file "{part}"')
            return _upload(core, call, part, kind)
        if value.startswith(("http://", "https://")):
            # Telegram would download the URL; the fake just registers an empty file.
            return core.add_file(b"", kind=kind, file_name=value.rsplit("/", 1)[-1] or None)
        stored = core.files.get(value)
        if stored is not None:
            return stored
    raise ApiError(400, WRONG_FILE_ID)


def _upload(core: FakeCore, call: Call, part: str, kind: str) -> StoredFile:
    content = call.files[part]
    if not content:
        raise bad_request("file must be non-empty")
    name = call.file_names.get(part)
    mime = mimetypes.guess_type(name)[0] if name else None
    return core.add_file(content, kind=kind, file_name=name, mime_type=mime)


def media_object(stored: StoredFile, kind: str, params: JSONDict) -> Any:
    """The Telegram object (PhotoSize list, Document, Voice...) for a sent file."""
    base: JSONDict = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": stored.size,
    }
    width = params.get("width") or stored.width or 1280
    height = params.get("height") or stored.height or 960
    duration = params.get("duration") or stored.duration or 0
    if kind == "photo":
        return [{**base, "width": width, "height": height}]
    if kind == "document":
        return {
            **base,
            "file_name": stored.file_name or "document",
            "mime_type": stored.mime_type or "application/octet-stream",
        }
    if kind == "voice":
        return {**base, "duration": duration, "mime_type": stored.mime_type or "audio/ogg"}
    if kind == "audio":
        extra = {k: params[k] for k in ("title", "performer") if k in params}
        return {
            **base,
            "duration": duration,
            "mime_type": stored.mime_type or "audio/mpeg",
            **extra,
        }
    if kind in ("video", "animation"):
        return {
            **base,
            "width": width,
            "height": height,
            "duration": duration,
            "mime_type": stored.mime_type or "video/mp4",
        }
    if kind == "sticker":
        return {
            **base,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
    return base
