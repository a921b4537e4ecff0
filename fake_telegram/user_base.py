"""Plumbing shared by FakeUser's send-style helpers: building and delivering updates."""

from __future__ import annotations

import time
from typing import Any

from .core import FakeCore
from .entities import utf16_len
from .media import make_png, thumbnail_size
from .models import Call, ChatState, JSONDict, StoredFile
from .session import ChatView


def text_fields(text: str) -> JSONDict:
    """Message fields for ``text``; a leading "/cmd" or "/cmd@bot" gets its entity."""
    fields: JSONDict = {"text": text}
    if text.startswith("/"):
        command = text.split(maxsplit=1)[0]
        fields["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]
    return fields


class UserBase(ChatView):
    """A user plus their private chat; subclasses add the session-style actions."""

    def __init__(
        self,
        core: FakeCore,
        chat: ChatState,
        *,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> None:
        super().__init__(core, chat)
        self.first_name = first_name
        self.last_name = last_name
        self.username = username
        self.language_code = language_code
        self.sent: list[JSONDict] = []

    def __repr__(self) -> str:
        return f"FakeUser(id={self.id}, first_name={self.first_name!r})"

    def to_dict(self) -> JSONDict:
        """The Telegram User object for this user."""
        data: JSONDict = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code:
            data["language_code"] = self.language_code
        return data

    # -- plumbing ---------------------------------------------------------------------------

    def _message(self, chat: ChatState | None = None, **fields: Any) -> JSONDict:
        chat = chat or self.chat
        message: JSONDict = {"message_id": chat.next_message_id()}
        if chat.type == "channel":
            message["sender_chat"] = chat.to_dict()
        else:
            message["from"] = self.to_dict()
        message["chat"] = chat.to_dict()
        message["date"] = int(time.time())
        message.update(fields)
        chat.incoming[message["message_id"]] = message
        self.sent.append(message)
        return message

    async def _deliver(
        self,
        updates: list[JSONDict],
        *,
        chat: ChatState | None = None,
        expect: int = 1,
        timeout: float = 10.0,
        settle: float | None = None,
    ) -> list[Call]:
        chat = chat or self.chat
        start = len(chat.actions)
        ids = [self.core.push_update(update) for update in updates]
        return await self.core.wait_actions(
            chat, start, expect=expect, timeout=timeout, settle=settle, updates=ids
        )

    async def _send(
        self,
        fields: JSONDict,
        *,
        chat: ChatState | None = None,
        expect: int = 1,
        timeout: float = 10.0,
        settle: float | None = None,
    ) -> list[Call]:
        chat = chat or self.chat
        kind = "channel_post" if chat.type == "channel" else "message"
        update = {kind: self._message(chat, **fields)}
        return await self._deliver(
            [update], chat=chat, expect=expect, timeout=timeout, settle=settle
        )

    def _photo_sizes(self, width: int, height: int, content: bytes | None) -> list[JSONDict]:
        seed = self.core.next_serial()
        sizes: list[JSONDict] = []
        for box in (90, 320, None):
            w, h = (width, height) if box is None else thumbnail_size(width, height, box)
            data = content if box is None and content is not None else make_png(w, h, seed)
            stored = self.core.add_file(data, kind="photo", width=w, height=h)
            sizes.append(self._file_dict(stored) | {"width": w, "height": h})
        return sizes

    @staticmethod
    def _file_dict(stored: StoredFile) -> JSONDict:
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": stored.size,
        }

    def _photo_fields(
        self,
        width: int,
        height: int,
        caption: str | None,
        media_group_id: str | None,
        content: bytes | None,
    ) -> JSONDict:
        fields: JSONDict = {"photo": self._photo_sizes(width, height, content)}
        if caption is not None:
            fields["caption"] = caption
        if media_group_id is not None:
            fields["media_group_id"] = media_group_id
        return fields
