"""Handlers for media sends (single files and albums) and getFile."""

from __future__ import annotations

from .api_common import (
    MAX_DOWNLOAD,
    Handler,
    check_markup,
    media_object,
    render_caption,
    resolve_file,
)
from .core import FakeCore
from .errors import bad_request
from .models import Call, JSONDict, StoredFile

_GROUP_KINDS = frozenset({"photo", "video", "document", "audio"})


def _media_sender(kind: str) -> Handler:
    async def handler(core: FakeCore, call: Call) -> JSONDict:
        p = call.params
        chat = core.sendable_chat(p)
        caption = (
            {}
            if kind == "sticker"
            else render_caption(p.get("caption"), p.get("parse_mode"), p.get("caption_entities"))
        )
        markup = check_markup(p.get("reply_markup"))
        reply_to = core.reply_target(chat, p)
        stored = resolve_file(core, call, p.get(kind), kind, kind)
        message = core.record_message(
            chat,
            call,
            kind,
            {kind: media_object(stored, kind, p), **caption},
            caption=p.get("caption") if caption else None,
            parse_mode=p.get("parse_mode"),
            markup=markup,
            file_id=stored.file_id,
            reply_to=reply_to,
        )
        return message.result

    handler.__name__ = f"send_{kind}"
    return handler


async def send_media_group(core: FakeCore, call: Call) -> list[JSONDict]:
    p = call.params
    chat = core.sendable_chat(p)
    media = p.get("media")
    if not isinstance(media, list) or not all(isinstance(item, dict) for item in media):
        raise bad_request("can't parse media JSON object")
    if len(media) > 10:
        raise bad_request("too much messages to send as an album")
    if len(media) < 2:
        raise bad_request("media group must contain from 2 to 10 items")
    reply_to = core.reply_target(chat, p)
    prepared: list[tuple[JSONDict, str, StoredFile, JSONDict]] = []
    for item in media:
        kind = item.get("type")
        if kind not in _GROUP_KINDS:
            raise bad_request(f"wrong media type {kind!r} in the album")
        caption = render_caption(
            item.get("caption"), item.get("parse_mode"), item.get("caption_entities")
        )
        stored = resolve_file(core, call, item.get("media"), "media", str(kind))
        prepared.append((item, str(kind), stored, caption))
    group_id = str(13_000_000_000_000_000 + core.next_serial())
    results: list[JSONDict] = []
    for item, kind, stored, caption in prepared:
        message = core.record_message(
            chat,
            call,
            "media_group_item",
            {kind: media_object(stored, kind, item), **caption},
            caption=item.get("caption") if caption else None,
            parse_mode=item.get("parse_mode"),
            file_id=stored.file_id,
            media_group_id=group_id,
            reply_to=reply_to,
        )
        results.append(message.result)
    return results


async def get_file(core: FakeCore, call: Call) -> JSONDict:
    stored = core.files.get(str(call.params.get("file_id", "")))
    if stored is None:
        raise bad_request("invalid file_id")
    if stored.size > MAX_DOWNLOAD:
        raise bad_request("file is too big")
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": stored.size,
        "file_path": stored.file_path,
    }


def _kinds() -> dict[str, Handler]:
    names = ("photo", "document", "voice", "video", "audio", "animation", "sticker")
    return {f"send{name.capitalize()}": _media_sender(name) for name in names}


MEDIA_METHODS: dict[str, Handler] = {
    **_kinds(),
    "sendMediaGroup": send_media_group,
    "getFile": get_file,
}
