"""A fake Telegram Bot API server for end-to-end tests and the playground.

Typical use::

    fake = FakeTelegram()
    await fake.start()
    app = (
        Application.builder().token(fake.token)
        .base_url(f"{fake.url}/bot").base_file_url(f"{fake.url}/file/bot").build()
    )
    ...  # start the app (polling or webhook)
    user = fake.user(first_name="Ramesh")
    actions = await user.send("/start")
    assert "Namaste" in user.last_text
    await fake.stop()
"""

from .core import FakeCore
from .entities import EntityParseError, parse_html, plain_text
from .errors import ApiError
from .faults import FaultRule
from .media import make_png
from .models import (
    ACTION_METHODS,
    BotMessage,
    Call,
    CallbackQueryState,
    ChatState,
    QueuedUpdate,
    StoredFile,
    WebhookState,
)
from .server import FakeTelegram
from .session import ChatView, FakeChat
from .user import FakeUser

__all__ = [
    "ACTION_METHODS",
    "ApiError",
    "BotMessage",
    "Call",
    "CallbackQueryState",
    "ChatState",
    "ChatView",
    "EntityParseError",
    "FakeChat",
    "FakeCore",
    "FakeTelegram",
    "FakeUser",
    "FaultRule",
    "QueuedUpdate",
    "StoredFile",
    "WebhookState",
    "make_png",
    "parse_html",
    "plain_text",
]
