"""What a person does on the page, done through the fake's FakeUser without waiting for the bot.

The page shows the bot's answers through its live stream, so every helper here returns as soon
as the update is queued (``expect=0`` and no settling), never blocking on the bot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fake_telegram import BotMessage, FakeUser
from fake_telegram.media import image_size
from fake_telegram.models import keyboard_rows
from fake_telegram.session import find_button
from playground.chat_view import active_reply_keyboard
from playground.personas import Persona
from playground.samples import sample_photo, sample_voice

NOWAIT: dict[str, Any] = {"expect": 0, "timeout": 0.05, "settle": 0.0}
MAX_TEXT = 4096
MAX_ALBUM = 10


class ActionError(Exception):
    """The action cannot be done (no such button, empty text...); str() says why."""


@dataclass
class Upload:
    content: bytes
    file_name: str
    mime_type: str


async def send_text(user: FakeUser, text: str) -> None:
    text = text.strip()
    if not text:
        raise ActionError("empty message")
    if len(text) > MAX_TEXT:
        raise ActionError(f"message longer than {MAX_TEXT} characters")
    await user.send(text, **NOWAIT)


async def press_at(user: FakeUser, persona: Persona, message_id: int, row: int, col: int) -> None:
    """Press the button at (row, col) of a bot message: inline or on the reply keyboard."""
    message = user.chat.find_message(message_id)
    if message is None:
        raise ActionError("that message is gone")
    try:
        button = keyboard_rows(message.reply_markup)[row][col]
    except IndexError:
        raise ActionError("no such button") from None
    await _press(user, persona, message, button)


async def press_text(user: FakeUser, persona: Persona, text: str) -> None:
    """Press the newest visible button whose text is (or uniquely contains) ``text``."""
    try:
        found = find_button(user.chat.messages, text, None)
    except AssertionError as exc:
        raise ActionError(str(exc)) from None
    await _press(user, persona, found.message, found.button)


async def _press(
    user: FakeUser, persona: Persona, message: BotMessage, button: dict[str, Any]
) -> None:
    if message.is_inline_keyboard:
        data = button.get("callback_data")
        if data is None:
            raise ActionError("this button does not talk to the bot")
        await user.press(data=str(data), message=message, **NOWAIT)
        return
    if active_reply_keyboard(user.chat.messages) is not message:
        raise ActionError("that keyboard is no longer shown")
    if button.get("request_contact"):
        await share_contact(user, persona)
    elif button.get("request_location"):
        await user.send_location(**NOWAIT)
    else:
        await user.send(str(button.get("text", "")), **NOWAIT)


async def share_contact(user: FakeUser, persona: Persona) -> None:
    await user.share_contact(persona.phone, **NOWAIT)


async def send_location(user: FakeUser) -> None:
    await user.send_location(**NOWAIT)


async def send_uploads(user: FakeUser, uploads: list[Upload]) -> None:
    """Images go as photos (several as one album); anything else as a file."""
    if not uploads:
        raise ActionError("no file")
    if len(uploads) > MAX_ALBUM:
        raise ActionError(f"at most {MAX_ALBUM} files at once")
    group = str(15_000_000_000_000_000 + user.core.next_serial()) if len(uploads) > 1 else None
    for upload in uploads:
        size = image_size(upload.content)
        if size is not None:
            width, height = size
            await user.send_photo(
                width=width,
                height=height,
                content=upload.content,
                media_group_id=group,
                **NOWAIT,
            )
        else:
            await user.send_document(
                mime_type=upload.mime_type or "application/octet-stream",
                file_name=upload.file_name or "file",
                content=upload.content,
                **NOWAIT,
            )


async def send_sample(user: FakeUser, key: str) -> None:
    try:
        content = sample_photo(key)
    except KeyError:
        raise ActionError("no such sample") from None
    size = image_size(content) or (480, 360)
    await user.send_photo(width=size[0], height=size[1], content=content, **NOWAIT)


async def send_voice(user: FakeUser) -> None:
    await user.send_voice(duration=3, content=sample_voice(), **NOWAIT)
