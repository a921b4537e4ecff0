"""Decoding of Bot API requests: query, form, multipart or JSON bodies."""

from __future__ import annotations

import json
import re
from typing import Any

from aiohttp import web

# PTB sends every non-string value JSON-encoded; these keys hold objects or lists.
JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "media",
        "entities",
        "caption_entities",
        "allowed_updates",
        "commands",
        "scope",
        "link_preview_options",
        "reply_parameters",
        "menu_button",
        "results",
        "options",
        "explanation_entities",
        "reaction",
        "rights",
        "prices",
        "message_ids",
    }
)
INT_PARAMS = frozenset(
    {
        "chat_id",
        "from_chat_id",
        "message_id",
        "offset",
        "limit",
        "timeout",
        "reply_to_message_id",
        "message_thread_id",
        "duration",
        "width",
        "height",
        "max_connections",
        "cache_time",
        "user_id",
        "length",
        "until_date",
        "live_period",
    }
)
FLOAT_PARAMS = frozenset({"latitude", "longitude", "horizontal_accuracy"})
# Free text never gets type-guessed, even when it looks like a number or "true".
TEXT_PARAMS = frozenset(
    {
        "text",
        "caption",
        "title",
        "description",
        "short_description",
        "url",
        "secret_token",
        "callback_query_id",
        "parse_mode",
        "action",
        "language_code",
        "file_id",
        "photo",
        "document",
        "voice",
        "video",
        "audio",
        "animation",
        "sticker",
        "thumbnail",
        "inline_message_id",
        "business_connection_id",
        "ip_address",
        "question",
        "phone_number",
        "first_name",
        "last_name",
        "emoji",
        "name",
        "performer",
        "address",
        "foursquare_id",
    }
)
_INT_RE = re.compile(r"-?\d+")


def decode_value(key: str, value: Any) -> Any:
    """Turn one wire value back into what the bot passed (ints, bools, dicts...)."""
    if not isinstance(value, str) or key in TEXT_PARAMS:
        return value
    if key in JSON_PARAMS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    if key in INT_PARAMS and _INT_RE.fullmatch(value):
        return int(value)
    if key in INT_PARAMS or key in FLOAT_PARAMS:
        try:
            return float(value)
        except ValueError:
            return value
    if value in ("true", "false"):
        return value == "true"
    if value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def decode_params(raw: dict[str, Any]) -> dict[str, Any]:
    return {key: decode_value(key, value) for key, value in raw.items()}


async def read_request(
    request: web.Request,
) -> tuple[dict[str, Any], dict[str, bytes], dict[str, str]]:
    """Return (raw params, uploaded file bytes by part name, file names by part name)."""
    raw: dict[str, Any] = dict(request.query)
    files: dict[str, bytes] = {}
    names: dict[str, str] = {}
    if request.method != "POST" or not request.can_read_body:
        return raw, files, names
    if request.content_type == "application/json":
        body = await request.json()
        if isinstance(body, dict):
            raw.update(body)
        return raw, files, names
    form = await request.post()
    for key, value in form.items():
        if isinstance(value, web.FileField):
            files[key] = value.file.read()
            names[key] = value.filename
        elif isinstance(value, bytes | bytearray):
            files[key] = bytes(value)
        else:
            raw[key] = value
    return raw, files, names
