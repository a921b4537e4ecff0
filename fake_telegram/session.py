"""Read-side session helpers: what a chat looks like to the person in it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from .core import FakeCore
from .models import BotMessage, Call, ChatState, JSONDict, keyboard_rows


@dataclass
class FoundButton:
    message: BotMessage
    button: JSONDict
    inline: bool


def _active_reply_keyboard(messages: list[BotMessage]) -> BotMessage | None:
    for message in reversed(messages):
        markup = message.reply_markup or {}
        if message.deleted or not markup or "inline_keyboard" in markup:
            continue
        if "keyboard" in markup:
            return message
        if markup.get("remove_keyboard"):
            return None
    return None


def _candidates(messages: list[BotMessage], only: BotMessage | None) -> list[FoundButton]:
    reply_keyboard = _active_reply_keyboard(messages)
    found: list[FoundButton] = []
    for message in reversed(messages):
        if message.deleted or (only is not None and message.message_id != only.message_id):
            continue
        inline = message.is_inline_keyboard
        if inline or message is reply_keyboard or only is not None:
            for row in keyboard_rows(message.reply_markup):
                found.extend(FoundButton(message, button, inline) for button in row)
    return found


def find_button(messages: list[BotMessage], label: str, only: BotMessage | None) -> FoundButton:
    """The newest visible button whose text is ``label`` (or uniquely contains it)."""
    candidates = _candidates(messages, only)
    wanted = label.strip()
    for candidate in candidates:
        if str(candidate.button.get("text", "")).strip() == wanted:
            return candidate
    partial = [c for c in candidates if wanted.lower() in str(c.button.get("text", "")).lower()]
    if partial:
        newest = partial[0].message.message_id
        same_message = [c for c in partial if c.message.message_id == newest]
        if len(same_message) == 1:
            return same_message[0]
        texts = [c.button.get("text") for c in same_message]
        raise AssertionError(f"button {label!r} is ambiguous, it matches {texts}")
    available = [
        f"{c.button.get('text')!r} (msg {c.message.message_id}, "
        f"{'inline' if c.inline else 'reply'})"
        for c in candidates
    ]
    raise AssertionError(
        f"no button {label!r} found. Available buttons: {', '.join(available) or 'none'}"
    )


class ChatView:
    """What the bot showed in one chat; base of FakeUser (private chat) and FakeChat."""

    def __init__(self, core: FakeCore, chat: ChatState) -> None:
        self.core = core
        self.chat = chat

    @property
    def id(self) -> int:
        return self.chat.id

    @property
    def messages(self) -> list[BotMessage]:
        """Every message the bot sent here, in order, edited in place; deleted ones flagged."""
        return list(self.chat.messages)

    @property
    def visible(self) -> list[BotMessage]:
        return [message for message in self.chat.messages if not message.deleted]

    @property
    def last(self) -> BotMessage:
        """The newest message still visible; AssertionError if there is none."""
        visible = self.visible
        if not visible:
            raise AssertionError(f"the bot has sent nothing (visible) to chat {self.id}")
        return visible[-1]

    @property
    def last_text(self) -> str:
        return self.last.plain

    @property
    def texts(self) -> list[str]:
        return [message.plain for message in self.visible]

    @property
    def last_markup(self) -> JSONDict | None:
        visible = self.visible
        return visible[-1].reply_markup if visible else None

    @property
    def buttons(self) -> list[str]:
        """Button texts of the newest visible message carrying a keyboard."""
        for message in reversed(self.visible):
            markup = message.reply_markup or {}
            if "inline_keyboard" in markup or "keyboard" in markup:
                return message.buttons
        return []

    @property
    def alerts(self) -> list[str]:
        """Texts the bot answered this chat's button presses with (answerCallbackQuery)."""
        return list(self.chat.alerts)

    @property
    def actions(self) -> list[Call]:
        """Successful bot calls that changed this chat (sends, edits, deletes)."""
        return list(self.chat.actions)

    @property
    def calls(self) -> list[Call]:
        """Every bot call addressed to this chat, including failed ones."""
        return list(self.chat.calls)

    def mark(self) -> int:
        """Position to pass as ``since=`` to :meth:`wait`."""
        return len(self.chat.actions)

    async def wait(
        self,
        expect: int = 1,
        *,
        since: int | None = None,
        timeout: float = 10.0,
        settle: float | None = None,
    ) -> list[Call]:
        """Wait for bot actions not caused by a user step (reminders, broadcasts...)."""
        start = self.mark() if since is None else since
        return await self.core.wait_actions(
            self.chat, start, expect=expect, timeout=timeout, settle=settle
        )

    async def wait_for_message(self, *, timeout: float = 10.0) -> BotMessage:
        """The next message the bot sends here on its own (a job, a broadcast, an album)."""
        start = len(self.chat.messages)
        if not await self.chat.notifier.wait_until(
            lambda: len(self.chat.messages) > start, timeout
        ):
            raise AssertionError(f"the bot sent nothing to chat {self.id} within {timeout}s")
        return self.chat.messages[start]

    async def assert_quiet(self, seconds: float = 0.3) -> None:
        """Assert the bot does nothing more in this chat for ``seconds``."""
        start = len(self.chat.actions)
        await asyncio.sleep(seconds)
        extra = [call.describe() for call in self.chat.actions[start:]]
        assert not extra, f"the bot was expected to stay quiet in chat {self.id}, but: {extra}"


class FakeChat(ChatView):
    """A group, supergroup or channel; users post in it with ``user.send_in(chat, text)``."""

    @property
    def title(self) -> str | None:
        return self.chat.title

    @property
    def type(self) -> str:
        return self.chat.type

    def to_dict(self) -> JSONDict:
        return self.chat.to_dict()

    def __repr__(self) -> str:
        return f"FakeChat(id={self.id}, type={self.type!r}, title={self.title!r})"
