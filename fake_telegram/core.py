"""State shared by the HTTP layer, the method handlers and the user-session helpers."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from .errors import BLOCKED, CHAT_NOT_FOUND, ApiError, bad_request
from .faults import FaultInjector
from .media import file_path_for, image_size, new_file_ids
from .models import (
    BotMessage,
    Call,
    CallbackQueryState,
    ChatState,
    JSONDict,
    StoredFile,
)
from .notifier import Notifier
from .updates import UpdateHub
from .waiting import wait_actions, wait_handled

_NOT_MEMBER = {
    "group": "Forbidden: bot is not a member of the group chat",
    "supergroup": "Forbidden: bot is not a member of the supergroup chat",
    "channel": "Forbidden: bot is not a member of the channel chat",
}


class FakeCore:
    """Everything the fake knows: chats, messages, files, calls, updates and faults."""

    def __init__(
        self,
        token: str,
        *,
        bot_username: str,
        bot_first_name: str,
        settle: float,
        webhook_retries: int,
        webhook_retry_delay: float,
    ) -> None:
        self.token = token
        prefix = token.split(":", 1)[0]
        self.bot_id = int(prefix) if prefix.isdigit() else 123456
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.settle = settle
        # True once a bot in this process reports handled updates (see `handled_signal`).
        self.signalled = False
        self.notifier = Notifier()
        self.hub = UpdateHub(
            self.notifier, retries=webhook_retries, retry_delay=webhook_retry_delay
        )
        self.faults = FaultInjector()
        self.calls: list[Call] = []
        self.chats: dict[int, ChatState] = {}
        self.files: dict[str, StoredFile] = {}
        self.files_by_path: dict[str, StoredFile] = {}
        self.commands: dict[tuple[str, str], list[JSONDict]] = {}
        self.menu_buttons: dict[int | None, JSONDict] = {}
        self.callback_queries: dict[str, CallbackQueryState] = {}
        self._serial = 0

    # -- identity ---------------------------------------------------------------------------

    def bot_user(self) -> JSONDict:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def next_serial(self) -> int:
        self._serial += 1
        return self._serial

    # -- updates and waiting ----------------------------------------------------------------

    def push_update(self, update: JSONDict) -> int:
        """Queue a raw update dict (update_id is assigned if missing); returns its id.

        Chats the update comes from become known, as they would be on Telegram.
        """
        self._learn_chat(update)
        return self.hub.push(update)

    def _learn_chat(self, update: JSONDict) -> None:
        for part in update.values():
            if not isinstance(part, dict):
                continue
            holder = part.get("message") if "chat_instance" in part else part
            chat = holder.get("chat") if isinstance(holder, dict) else None
            if (
                isinstance(chat, dict)
                and isinstance(chat.get("id"), int)
                and chat["id"] not in self.chats
            ):
                fields = ("title", "first_name", "last_name", "username")
                self.add_chat(
                    ChatState(
                        chat["id"],
                        str(chat.get("type", "private")),
                        **{k: chat[k] for k in fields if isinstance(chat.get(k), str)},
                    )
                )

    def handled_signal(self) -> Callable[[int], None]:
        """Wait on the bot's word instead of on quiet; returns the callback it must call.

        The bot (its test build, in this process) calls the returned function with each
        update_id once it finished handling that update, the sends it awaited included. From
        then on a user's step returns as soon as its updates are reported handled; without
        the signal (a bot in another process) it returns after ``settle`` seconds of quiet.
        """
        self.signalled = True
        return self.update_handled

    def update_handled(self, update_id: int) -> None:
        """The bot finished update ``update_id``; wakes whoever waits on it."""
        self.hub.handled[update_id] += 1
        key = self.hub.chat_of.get(update_id)
        chats = [self.chats[key]] if key in self.chats else list(self.chats.values())
        for chat in chats:
            chat.notifier.notify()
        self.notifier.notify()

    async def wait_handled(self, *update_ids: int, timeout: float = 10.0) -> None:
        """Wait until the bot reported each of ``update_ids`` handled as often as it was queued."""
        targets = {update_id: self.hub.pushed[update_id] for update_id in update_ids}

        def done() -> bool:
            return all(self.hub.handled[i] >= n for i, n in targets.items())

        if not await self.notifier.wait_until(done, timeout):
            raise AssertionError(f"updates {update_ids} not reported handled within {timeout}s")

    async def wait_actions(
        self,
        chat: ChatState,
        start: int,
        *,
        expect: int = 1,
        timeout: float = 10.0,
        settle: float | None = None,
        updates: Sequence[int] = (),
    ) -> list[Call]:
        """Actions in ``chat`` after index ``start`` once ``expect`` came and the bot is done.

        Done means: with the bot's signal, ``updates`` were reported handled (an explicit
        ``settle`` then also waits for that much quiet);
        without it, the chat went quiet for ``settle`` (default: the fake's) seconds.
        """
        if not self.signalled:
            quiet = self.settle if settle is None else settle
            return await wait_actions(chat, start, expect=expect, timeout=timeout, settle=quiet)
        targets = {update_id: self.hub.pushed[update_id] for update_id in updates}
        actions = await wait_handled(
            chat, start, self.hub.handled, targets, expect=expect, timeout=timeout
        )
        if settle:
            actions = await wait_actions(chat, start, expect=0, timeout=timeout, settle=settle)
        return actions

    # -- chats ------------------------------------------------------------------------------

    def add_chat(self, chat: ChatState) -> ChatState:
        return self.chats.setdefault(chat.id, chat)

    def find_chat(self, value: Any) -> ChatState | None:
        """The chat for a chat_id parameter (int, numeric string or @username), if known."""
        if isinstance(value, str):
            if value.startswith("@"):
                name = value[1:].lower()
                for chat in self.chats.values():
                    if chat.username and chat.username.lower() == name:
                        return chat
                return None
            if value.lstrip("-").isdigit():
                value = int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return self.chats.get(value)
        return None

    def chat_of_call(self, call: Call) -> ChatState | None:
        if call.method == "answerCallbackQuery":
            query = self.callback_queries.get(str(call.params.get("callback_query_id")))
            return self.chats.get(query.chat_id) if query else None
        return self.find_chat(call.params.get("chat_id"))

    def require_chat(self, params: JSONDict, key: str = "chat_id") -> ChatState:
        value = params.get(key)
        if value in (None, ""):
            raise bad_request(f"{key} is empty")
        chat = self.find_chat(value)
        if chat is None:
            raise ApiError(400, CHAT_NOT_FOUND)
        return chat

    def sendable_chat(self, params: JSONDict) -> ChatState:
        """The target chat of a send/edit, or the error Telegram gives for it."""
        chat = self.require_chat(params)
        if chat.blocked:
            raise ApiError(403, BLOCKED)
        if chat.left:
            raise ApiError(403, _NOT_MEMBER.get(chat.type, BLOCKED))
        return chat

    # -- files ------------------------------------------------------------------------------

    def add_file(
        self,
        content: bytes,
        *,
        kind: str = "document",
        mime_type: str | None = None,
        file_name: str | None = None,
        size: int | None = None,
        width: int | None = None,
        height: int | None = None,
        duration: int | None = None,
    ) -> StoredFile:
        """Store a file so getFile/download and sends by file_id work with it."""
        serial = self.next_serial()
        file_id, unique_id = new_file_ids(kind, serial)
        if kind == "photo" and (width is None or height is None):
            width, height = image_size(content) or (1280, 960)
        stored = StoredFile(
            file_id=file_id,
            file_unique_id=unique_id,
            content=content,
            file_path=file_path_for(kind, serial, file_name, content),
            kind=kind,
            size=len(content) if size is None else size,
            mime_type=mime_type,
            file_name=file_name,
            width=width,
            height=height,
            duration=duration,
        )
        self.files[file_id] = stored
        self.files_by_path[stored.file_path] = stored
        return stored

    # -- messages ---------------------------------------------------------------------------

    def find_any_message(self, chat: ChatState, message_id: int) -> JSONDict | None:
        """A message in the chat as a Telegram dict: a user's one or one the bot sent."""
        if message_id in chat.incoming:
            return chat.incoming[message_id]
        sent = chat.find_message(message_id)
        return sent.result if sent is not None else None

    def reply_target(self, chat: ChatState, params: JSONDict) -> JSONDict | None:
        reply = params.get("reply_parameters")
        message_id: Any = params.get("reply_to_message_id")
        allow_missing = bool(params.get("allow_sending_without_reply"))
        if isinstance(reply, dict):
            message_id = reply.get("message_id")
            allow_missing = allow_missing or bool(reply.get("allow_sending_without_reply"))
        if not isinstance(message_id, int):
            return None
        target = self.find_any_message(chat, message_id)
        if target is None and not allow_missing:
            raise bad_request("message to be replied not found")
        if target is None:
            return None
        return {k: v for k, v in target.items() if k != "reply_to_message"}

    def record_message(
        self,
        chat: ChatState,
        call: Call,
        kind: str,
        content: JSONDict,
        *,
        text: str | None = None,
        caption: str | None = None,
        parse_mode: str | None = None,
        markup: JSONDict | None = None,
        file_id: str | None = None,
        media_group_id: str | None = None,
        reply_to: JSONDict | None = None,
    ) -> BotMessage:
        """Create a bot message in ``chat`` and the Message object returned to the bot."""
        message_id = chat.next_message_id()
        result: JSONDict = {"message_id": message_id, "date": int(time.time())}
        if chat.type == "channel":
            result["sender_chat"] = chat.to_dict()
        else:
            result["from"] = self.bot_user()
        result["chat"] = chat.to_dict()
        if reply_to is not None:
            result["reply_to_message"] = reply_to
        if media_group_id is not None:
            result["media_group_id"] = media_group_id
        result.update(content)
        if markup and "inline_keyboard" in markup:
            result["reply_markup"] = markup
        message = BotMessage(
            message_id=message_id,
            chat_id=chat.id,
            kind=kind,
            text=text,
            caption=caption,
            parse_mode=parse_mode,
            reply_markup=markup,
            file_id=file_id,
            media_group_id=media_group_id,
            params=call.params,
            result=result,
        )
        chat.messages.append(message)
        call.messages.append(message)
        return message
