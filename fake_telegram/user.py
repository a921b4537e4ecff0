"""FakeUser: a Telegram user whose actions read like a chat session in tests."""

from __future__ import annotations

import time
from typing import Any

from .models import BotMessage, Call, CallbackQueryState, JSONDict
from .session import FakeChat, find_button
from .user_base import text_fields
from .user_media import MediaUser


class FakeUser(MediaUser):
    """A user plus their private chat with the bot (chat id == user id).

    Send-style coroutines deliver an update, wait until ``expect`` bot actions arrived in
    the chat and the bot is done with the update, then return those actions (successful
    :class:`Call` objects). "Done" is the bot's own report (see
    :meth:`FakeCore.handled_signal`) or, for a bot that does not report, ``settle`` seconds
    of quiet. Wait options on every such method: ``expect`` (default 1), ``timeout``
    (10 s), ``settle`` (extra quiet to wait for; the fake's default without the report).
    """

    # -- text and buttons -------------------------------------------------------------------

    async def send(
        self,
        text: str,
        *,
        expect: int = 1,
        timeout: float = 10.0,
        settle: float | None = None,
        reply_to: BotMessage | int | None = None,
    ) -> list[Call]:
        """Send text; a leading "/cmd" or "/cmd@bot" gets a bot_command entity."""
        fields = text_fields(text)
        if reply_to is not None:
            message_id = reply_to if isinstance(reply_to, int) else reply_to.message_id
            target = self.core.find_any_message(self.chat, message_id)
            if target is not None:
                fields["reply_to_message"] = target
        return await self._send(fields, expect=expect, timeout=timeout, settle=settle)

    async def press(
        self,
        button: str | None = None,
        *,
        data: str | None = None,
        expect: int = 1,
        message: BotMessage | None = None,
        timeout: float = 10.0,
        settle: float | None = None,
    ) -> list[Call]:
        """Press a keyboard button by its text (inline -> callback_query, reply -> message).

        ``data=`` alone presses arbitrary callback data on the newest inline keyboard.
        ``expect`` never counts answerCallbackQuery; use ``expect=0`` if that is all.
        """
        wait: dict[str, Any] = {"expect": expect, "timeout": timeout, "settle": settle}
        if button is None:
            if data is None:
                raise AssertionError("press() needs a button text or data=")
            target = message or next(
                (m for m in reversed(self.visible) if m.is_inline_keyboard), None
            )
            if target is None:
                raise AssertionError(f"no message with an inline keyboard in chat {self.id}")
            return await self._callback(target, data, **wait)
        chat = self.core.chats[message.chat_id] if message is not None else self.chat
        found = find_button(chat.messages, button, message)
        if found.inline:
            callback_data = found.button.get("callback_data")
            if data is None and callback_data is None:
                raise AssertionError(f"button {button!r} is not a callback button: {found.button}")
            pressed = data if data is not None else str(callback_data)
            return await self._callback(found.message, pressed, **wait)
        if found.button.get("request_contact"):
            return await self.share_contact(**wait)
        if found.button.get("request_location"):
            return await self.send_location(**wait)
        return await self._send(text_fields(str(found.button["text"])), chat=chat, **wait)

    async def _callback(
        self,
        target: BotMessage,
        data: str,
        *,
        expect: int,
        timeout: float,
        settle: float | None,
    ) -> list[Call]:
        chat = self.core.chats[target.chat_id]
        query_id = str(4_000_000_000_000_000_000 + self.core.next_serial())
        self.core.callback_queries[query_id] = CallbackQueryState(query_id, chat.id, self.id, data)
        query = {
            "id": query_id,
            "from": self.to_dict(),
            "message": target.result,
            "chat_instance": str(8_000_000_000_000_000_000 + abs(chat.id)),
            "data": data,
        }
        return await self._deliver(
            [{"callback_query": query}], chat=chat, expect=expect, timeout=timeout, settle=settle
        )

    # -- other message types ----------------------------------------------------------------

    async def share_contact(
        self, phone: str = "+919876543210", *, own: bool = True, **wait: Any
    ) -> list[Call]:
        """Send a contact: the user's own (user_id = self.id) or someone else's."""
        contact: JSONDict = {
            "phone_number": phone,
            "first_name": self.first_name if own else "Suresh",
            "user_id": self.id if own else self.id + 777_000,
        }
        if own and self.last_name:
            contact["last_name"] = self.last_name
        return await self._send({"contact": contact}, **wait)

    async def send_location(
        self, lat: float = 26.85, lon: float = 80.95, **wait: Any
    ) -> list[Call]:
        return await self._send({"location": {"latitude": lat, "longitude": lon}}, **wait)

    async def send_forwarded(
        self, text: str, *, sender_name: str = "Mohan Lal", **wait: Any
    ) -> list[Call]:
        """Send text forwarded from someone with hidden account (forward_origin set)."""
        origin = {
            "type": "hidden_user",
            "sender_user_name": sender_name,
            "date": int(time.time()) - 3600,
        }
        return await self._send({"text": text, "forward_origin": origin}, **wait)

    async def edit(
        self, message_id: int, new_text: str, *, expect: int = 0, **wait: Any
    ) -> list[Call]:
        """Edit one of this user's earlier messages (an ``edited_message`` update)."""
        original = self.chat.incoming.get(message_id)
        if original is None:
            raise AssertionError(f"user {self.id} sent no message {message_id} in this chat")
        edited = {**original, "text": new_text, "edit_date": int(time.time())}
        edited.pop("entities", None)
        self.chat.incoming[message_id] = edited
        return await self._deliver([{"edited_message": edited}], expect=expect, **wait)

    async def send_in(self, chat: FakeChat, text: str, **wait: Any) -> list[Call]:
        """Post ``text`` in a group/channel; waits for the bot's actions in that chat."""
        fields = text_fields(text)
        return await self._send(fields, chat=chat.chat, **wait)

    async def send_raw(
        self, message_fields: JSONDict, *, expect: int = 0, **wait: Any
    ) -> list[Call]:
        """Send a message made of the defaults overridden by ``message_fields``."""
        return await self._send(dict(message_fields), expect=expect, **wait)
