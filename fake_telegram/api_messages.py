"""Handlers for text messages, edits, deletes, callback answers, copies and forwards."""

from __future__ import annotations

import time
from typing import Any

from .api_common import (
    Handler,
    check_markup,
    inline_markup,
    render_caption,
    render_text,
)
from .core import FakeCore
from .errors import NOT_MODIFIED, QUERY_INVALID, ApiError, bad_request
from .models import BotMessage, Call, ChatState, JSONDict

_CONTENT_KEYS = (
    "text",
    "photo",
    "document",
    "voice",
    "video",
    "audio",
    "animation",
    "sticker",
    "location",
    "contact",
    "video_note",
)
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)


async def send_message(core: FakeCore, call: Call) -> JSONDict:
    p = call.params
    chat = core.sendable_chat(p)
    content = render_text(p.get("text"), p.get("parse_mode"), p.get("entities"))
    markup = check_markup(p.get("reply_markup"))
    reply_to = core.reply_target(chat, p)
    message = core.record_message(
        chat,
        call,
        "text",
        content,
        text=p["text"],
        parse_mode=p.get("parse_mode"),
        markup=markup,
        reply_to=reply_to,
    )
    return message.result


def _editable(core: FakeCore, call: Call) -> tuple[ChatState, BotMessage]:
    chat = core.sendable_chat(call.params)
    message_id = call.params.get("message_id")
    message = chat.find_message(message_id) if isinstance(message_id, int) else None
    if message is None:
        if isinstance(message_id, int) and message_id in chat.incoming:
            raise bad_request("message can't be edited")
        raise bad_request("message to edit not found")
    return chat, message


def _finish_edit(message: BotMessage, call: Call) -> JSONDict:
    message.edited = True
    message.result["edit_date"] = int(time.time())
    call.messages.append(message)
    return message.result


def _apply_markup(message: BotMessage, markup: JSONDict | None) -> None:
    if message.reply_markup is None or message.is_inline_keyboard:
        message.reply_markup = markup
    if markup is None:
        message.result.pop("reply_markup", None)
    else:
        message.result["reply_markup"] = markup


async def edit_message_text(core: FakeCore, call: Call) -> Any:
    p = call.params
    if p.get("inline_message_id"):
        return True
    _, message = _editable(core, call)
    if "text" not in message.result:
        raise bad_request("there is no text in the message to edit")
    content = render_text(p.get("text"), p.get("parse_mode"), p.get("entities"))
    markup = inline_markup(check_markup(p.get("reply_markup")))
    current = inline_markup(message.reply_markup)
    if (
        content["text"] == message.result.get("text")
        and content.get("entities", []) == message.result.get("entities", [])
        and markup == current
    ):
        raise bad_request(NOT_MODIFIED.removeprefix("Bad Request: "))
    message.result.pop("entities", None)
    message.result.update(content)
    message.text = p["text"]
    message.parse_mode = p.get("parse_mode")
    _apply_markup(message, markup)
    return _finish_edit(message, call)


async def edit_message_caption(core: FakeCore, call: Call) -> Any:
    p = call.params
    if p.get("inline_message_id"):
        return True
    _, message = _editable(core, call)
    if "text" in message.result:
        raise bad_request("there is no caption in the message to edit")
    content = render_caption(p.get("caption"), p.get("parse_mode"), p.get("caption_entities"))
    markup = inline_markup(check_markup(p.get("reply_markup")))
    current = inline_markup(message.reply_markup)
    if (
        content.get("caption") == message.result.get("caption")
        and content.get("caption_entities", []) == message.result.get("caption_entities", [])
        and markup == current
    ):
        raise bad_request(NOT_MODIFIED.removeprefix("Bad Request: "))
    message.result.pop("caption", None)
    message.result.pop("caption_entities", None)
    message.result.update(content)
    message.caption = p.get("caption")
    message.parse_mode = p.get("parse_mode")
    _apply_markup(message, markup)
    return _finish_edit(message, call)


async def edit_message_reply_markup(core: FakeCore, call: Call) -> Any:
    p = call.params
    if p.get("inline_message_id"):
        return True
    _, message = _editable(core, call)
    markup = inline_markup(check_markup(p.get("reply_markup")))
    if markup == inline_markup(message.reply_markup):
        raise bad_request(NOT_MODIFIED.removeprefix("Bad Request: "))
    _apply_markup(message, markup)
    return _finish_edit(message, call)


async def delete_message(core: FakeCore, call: Call) -> bool:
    chat = core.require_chat(call.params)
    message_id = call.params.get("message_id")
    message = chat.find_message(message_id) if isinstance(message_id, int) else None
    if message is not None:
        message.deleted = True
        call.messages.append(message)
        return True
    if isinstance(message_id, int) and message_id in chat.incoming:
        del chat.incoming[message_id]
        return True
    raise bad_request("message to delete not found")


async def answer_callback_query(core: FakeCore, call: Call) -> bool:
    query = core.callback_queries.get(str(call.params.get("callback_query_id")))
    if query is None or query.answered:
        raise ApiError(400, QUERY_INVALID)
    text = call.params.get("text")
    if isinstance(text, str) and len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    query.answered = True
    query.answer = call.params
    chat = core.chats.get(query.chat_id)
    if chat is not None and isinstance(text, str) and text:
        chat.alerts.append(text)
    return True


def _source(core: FakeCore, call: Call, verb: str) -> tuple[ChatState, JSONDict]:
    source_chat = core.require_chat(call.params, "from_chat_id")
    message_id = call.params.get("message_id")
    source = (
        core.find_any_message(source_chat, message_id) if isinstance(message_id, int) else None
    )
    if source is None:
        raise bad_request(f"message to {verb} not found")
    return source_chat, source


def _content_of(source: JSONDict) -> tuple[str, JSONDict]:
    content = {
        key: source[key]
        for key in (*_CONTENT_KEYS, "entities", "caption", "caption_entities")
        if key in source
    }
    kind = next((key for key in _CONTENT_KEYS if key in source), "unknown")
    return kind, content


def _file_id_of(content: JSONDict, kind: str) -> str | None:
    media = content.get(kind)
    if isinstance(media, list) and media:
        media = media[-1]
    return media.get("file_id") if isinstance(media, dict) else None


async def copy_message(core: FakeCore, call: Call) -> JSONDict:
    p = call.params
    _, source = _source(core, call, "copy")
    chat = core.sendable_chat(p)
    kind, content = _content_of(source)
    if "caption" in p:
        content.pop("caption", None)
        content.pop("caption_entities", None)
        content.update(render_caption(p.get("caption"), p.get("parse_mode")))
    markup = check_markup(p.get("reply_markup"))
    message = core.record_message(
        chat,
        call,
        kind,
        content,
        text=content.get("text"),
        caption=content.get("caption"),
        markup=markup,
        file_id=_file_id_of(content, kind),
        reply_to=core.reply_target(chat, p),
    )
    return {"message_id": message.message_id}


async def forward_message(core: FakeCore, call: Call) -> JSONDict:
    source_chat, source = _source(core, call, "forward")
    chat = core.sendable_chat(call.params)
    kind, content = _content_of(source)
    if source_chat.type == "channel":
        origin: JSONDict = {
            "type": "channel",
            "chat": source_chat.to_dict(),
            "message_id": source["message_id"],
        }
    else:
        origin = {"type": "user", "sender_user": source.get("from", {})}
    origin["date"] = source.get("date", int(time.time()))
    content["forward_origin"] = origin
    message = core.record_message(
        chat,
        call,
        kind,
        content,
        text=content.get("text"),
        caption=content.get("caption"),
        file_id=_file_id_of(content, kind),
    )
    return message.result


async def send_chat_action(core: FakeCore, call: Call) -> bool:
    core.sendable_chat(call.params)
    if call.params.get("action") not in _CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True


async def send_location(core: FakeCore, call: Call) -> JSONDict:
    p = call.params
    chat = core.sendable_chat(p)
    location = {"latitude": p.get("latitude"), "longitude": p.get("longitude")}
    markup = check_markup(p.get("reply_markup"))
    message = core.record_message(chat, call, "location", {"location": location}, markup=markup)
    return message.result


async def send_contact(core: FakeCore, call: Call) -> JSONDict:
    p = call.params
    chat = core.sendable_chat(p)
    contact = {k: p[k] for k in ("phone_number", "first_name", "last_name") if k in p}
    markup = check_markup(p.get("reply_markup"))
    message = core.record_message(chat, call, "contact", {"contact": contact}, markup=markup)
    return message.result


MESSAGE_METHODS: dict[str, Handler] = {
    "sendMessage": send_message,
    "editMessageText": edit_message_text,
    "editMessageCaption": edit_message_caption,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
    "answerCallbackQuery": answer_callback_query,
    "copyMessage": copy_message,
    "forwardMessage": forward_message,
    "sendChatAction": send_chat_action,
    "sendLocation": send_location,
    "sendContact": send_contact,
}
