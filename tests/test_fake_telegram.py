"""The fake Bot API server, exercised by a real (minimal) python-telegram-bot Application."""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest
import pytest_asyncio
from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from fake_telegram import FakeTelegram, parse_html

pytestmark = pytest.mark.asyncio

TOKEN = "123456:TEST-token"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@dataclass
class BotLog:
    """What the test bot saw: update ids and errors raised in handlers."""

    update_ids: list[int] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_app(fake: FakeTelegram, seen: BotLog) -> Application:
    app = (
        Application.builder()
        .token(fake.token)
        .base_url(f"{fake.url}/bot")
        .base_file_url(f"{fake.url}/file/bot")
        .build()
    )
    albums: dict[str, int] = {}

    async def track(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen.update_ids.append(update.update_id)

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message and update.effective_user
        keyboard = InlineKeyboardMarkup(
            [[InlineKeyboardButton("Pottery 🏺", callback_data="craft:pottery")]]
        )
        await update.effective_message.reply_text(
            f"Namaste <b>{update.effective_user.first_name}</b> &amp; welcome",
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard,
        )

    async def chosen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("Saved")
        await query.edit_message_text(f"Chosen: {query.data}")

    async def ask_phone(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message
        button = KeyboardButton("📱 Share phone", request_contact=True)
        await update.effective_message.reply_text(
            "Please share your phone",
            reply_markup=ReplyKeyboardMarkup([[button]], one_time_keyboard=True),
        )

    async def got_contact(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message and message.contact and update.effective_user
        own = message.contact.user_id == update.effective_user.id
        await message.reply_text(
            f"Got {message.contact.phone_number} own={own}", reply_markup=ReplyKeyboardRemove()
        )

    async def got_photo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message and message.photo
        group = message.media_group_id
        if group is None:
            file = await context.bot.get_file(message.photo[-1].file_id)
            data = await file.download_as_bytearray()
            await message.reply_text(f"photo {len(data)} bytes png={data.startswith(PNG_MAGIC)}")
            return
        albums[group] = albums.get(group, 0) + 1
        if albums[group] == 1:

            async def reply_later() -> None:
                await asyncio.sleep(0.15)
                await message.reply_text(f"album of {albums[group]}")

            context.application.create_task(reply_later())

    async def too_long(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message
        try:
            await update.effective_message.reply_text("क" * 4097)
        except BadRequest as exc:
            await update.effective_message.reply_text(f"rejected: {exc.message}")

    async def same_edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message
        sent = await update.effective_message.reply_text("v1")
        try:
            await sent.edit_text("v1")
        except BadRequest as exc:
            await update.effective_message.reply_text(f"rejected: {exc.message}")

    async def unescaped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message
        await update.effective_message.reply_text("Hi <Ram & Shyam>", parse_mode=ParseMode.HTML)

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message and update.effective_message.text
        await update.effective_message.reply_text(f"echo: {update.effective_message.text}")

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert context.error is not None
        seen.errors.append(context.error)

    app.add_handler(TypeHandler(Update, track), group=-1)
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("phone", ask_phone))
    app.add_handler(CommandHandler("long", too_long))
    app.add_handler(CommandHandler("same", same_edit))
    app.add_handler(CommandHandler("bad", unescaped))
    app.add_handler(CallbackQueryHandler(chosen))
    app.add_handler(MessageHandler(filters.CONTACT, got_contact))
    app.add_handler(MessageHandler(filters.PHOTO, got_photo))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_error_handler(on_error)
    return app


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram(token=TOKEN)
    await server.start()
    yield server
    await server.stop()


@pytest_asyncio.fixture
async def polling(fake: FakeTelegram) -> AsyncIterator[BotLog]:
    seen = BotLog()
    app = build_app(fake, seen)
    await app.initialize()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0.0, timeout=5)
    await app.start()
    yield seen
    await app.updater.stop()
    await app.stop()
    await app.shutdown()


@pytest_asyncio.fixture
async def webhook(fake: FakeTelegram) -> AsyncIterator[BotLog]:
    seen = BotLog()
    app = build_app(fake, seen)
    port = free_port()
    await app.initialize()
    assert app.updater is not None
    await app.updater.start_webhook(
        listen="127.0.0.1",
        port=port,
        url_path="tg",
        webhook_url=f"http://127.0.0.1:{port}/tg",
        secret_token="s3cret",
    )
    await app.start()
    yield seen
    await app.updater.stop()
    await app.stop()
    await app.shutdown()


async def test_echo_round_trip_polling(fake: FakeTelegram, polling: BotLog) -> None:
    user = fake.user(first_name="Ramesh")
    actions = await user.send("namaste")
    assert [a.method for a in actions] == ["sendMessage"]
    assert user.last_text == "echo: namaste"
    assert fake.calls_of("getMe"), "Application.initialize() calls getMe"
    sent = fake.calls_of("sendMessage")[-1]
    assert sent.params["chat_id"] == user.id and isinstance(sent.params["chat_id"], int)


async def test_command_entity_html_and_inline_button(fake: FakeTelegram, polling: BotLog) -> None:
    user = fake.user(first_name="Sita")
    await user.send("/start@odop_test_bot")
    assert user.sent[-1]["entities"] == [{"type": "bot_command", "offset": 0, "length": 20}]
    await user.send("/start")
    assert user.last_text == "Namaste Sita & welcome"
    assert user.last.parse_mode == "HTML"
    assert user.last.result["entities"][0]["type"] == "bold"
    assert user.buttons == ["Pottery 🏺"]
    actions = await user.press("Pottery")
    assert [a.method for a in actions] == ["editMessageText"]
    assert user.last_text == "Chosen: craft:pottery"
    assert user.last.edited and len(user.messages) == 2
    assert user.alerts == ["Saved"]
    assert user.last.buttons == [] and user.buttons == ["Pottery 🏺"]  # first /start msg


async def test_reply_keyboard_request_contact(fake: FakeTelegram, polling: BotLog) -> None:
    user = fake.user()
    await user.send("/phone")
    assert user.buttons == ["📱 Share phone"]
    await user.press("Share phone")
    assert user.last_text == "Got +919876543210 own=True"
    assert user.last_markup == {"remove_keyboard": True}
    with pytest.raises(AssertionError, match="no button 'Nope'"):
        await user.press("Nope")


async def test_timeout_shows_rejected_calls(fake: FakeTelegram, polling: BotLog) -> None:
    user = fake.user()
    with pytest.raises(AssertionError, match="can't parse entities") as info:
        await user.send("/bad", timeout=0.5)
    assert "sendMessage" in str(info.value) and "-> 400" in str(info.value)


async def test_album_waits_once(fake: FakeTelegram, polling: BotLog) -> None:
    user = fake.user()
    actions = await user.send_album(3)
    assert len(actions) == 1
    assert user.last_text == "album of 3"


async def test_get_file_and_download_sent_photo(fake: FakeTelegram, polling: BotLog) -> None:
    user = fake.user()
    await user.send_photo(width=640, height=480)
    assert user.last_text.endswith("png=True")
    assert fake.calls_of("getFile")[-1].ok
    stored = next(iter(f for f in fake.files.values() if f.width == 640))
    async with httpx.AsyncClient() as client:
        good = await client.get(f"{fake.url}/file/bot{TOKEN}/{stored.file_path}")
        missing = await client.get(f"{fake.url}/file/bot{TOKEN}/photos/nope.jpg")
    assert good.content == stored.content and missing.status_code == 404


async def test_retry_after_surfaces_in_bot(fake: FakeTelegram, polling: BotLog) -> None:
    user = fake.user()
    fake.fail("sendMessage", retry_after=7)
    assert await user.send("hi", expect=0) == []
    await fake.wait_for(lambda: bool(polling.errors))
    error = polling.errors[-1]
    assert isinstance(error, RetryAfter)
    assert error.retry_after in (7, dt.timedelta(seconds=7))
    assert fake.calls_of("sendMessage")[-1].status == 429
    await user.send("again")
    assert user.last_text == "echo: again"


async def test_blocked_user_gets_403(fake: FakeTelegram, polling: BotLog) -> None:
    user = fake.user()
    fake.block(user.id)
    await user.send("hello?", expect=0, settle=0.2)
    assert isinstance(polling.errors[-1], Forbidden)
    assert "blocked by the user" in str(polling.errors[-1])
    fake.unblock(user.id)
    await user.send("back")
    assert user.texts == ["echo: back"]


async def test_message_too_long_and_not_modified(fake: FakeTelegram, polling: BotLog) -> None:
    user = fake.user()
    await user.send("/long")
    assert user.last_text == "rejected: Message is too long"
    actions = await user.send("/same", expect=2)
    assert user.last_text.startswith("rejected: Message is not modified")
    assert [a.method for a in actions] == ["sendMessage", "sendMessage"]


async def test_duplicate_update_redelivery_polling(fake: FakeTelegram, polling: BotLog) -> None:
    user = fake.user()
    await user.send("once")
    start = user.mark()
    fake.duplicate_last_update()
    await user.wait(1, since=start)
    assert polling.update_ids[-1] == polling.update_ids[-2]
    assert user.texts == ["echo: once", "echo: once"]


async def test_webhook_mode_round_trip_and_secret(fake: FakeTelegram, webhook: BotLog) -> None:
    assert fake.webhook_url is not None and fake.webhook_url.endswith("/tg")
    assert fake.webhook_secret == "s3cret"
    user = fake.user()
    await user.send("/start")
    await user.press("Pottery 🏺")
    assert user.last_text == "Chosen: craft:pottery"
    assert all(status == 200 for _, status in fake.webhook_deliveries)
    update = {"message": {"message_id": 99, "date": 0, "chat": {"id": 1, "type": "private"}}}
    assert await fake.post_to_webhook(dict(update), None) == 403
    assert await fake.post_to_webhook(dict(update), "wrong") == 403
    fake.duplicate_last_update()
    await fake.wait_for(lambda: len(webhook.update_ids) == 3)
    assert webhook.update_ids[-1] == webhook.update_ids[-2]


async def test_fake_validates_like_telegram(fake: FakeTelegram) -> None:
    """Raw HTTP checks of limits and errors (no bot needed)."""
    user = fake.user()
    base = f"{fake.url}/bot{TOKEN}"
    async with httpx.AsyncClient() as client:

        async def post(method: str, **data: str) -> tuple[int, str]:
            resp = await client.post(f"{base}/{method}", data=data)
            return resp.status_code, resp.json().get("description", "")

        chat = str(user.id)
        assert await post("sendMessage", chat_id="777", text="x") == (
            400,
            "Bad Request: chat not found",
        )
        status, reason = await post("sendMessage", chat_id=chat, text="<b>x", parse_mode="HTML")
        assert status == 400 and reason.startswith("Bad Request: can't parse entities")
        assert (await post("sendMessage", chat_id=chat, text=" "))[1].endswith("text is empty")
        markup = '{"inline_keyboard": [[{"text": "a", "callback_data": "%s"}]]}' % ("x" * 65)
        assert (await post("sendMessage", chat_id=chat, text="a", reply_markup=markup))[1] == (
            "Bad Request: BUTTON_DATA_INVALID"
        )
        assert (await post("sendPhoto", chat_id=chat, photo="nope"))[0] == 400
        assert (await post("noSuchMethod"))[0] == 404
        unauthorized = await client.post(f"{fake.url}/bot1:bad/getMe")
        assert unauthorized.status_code == 401
        fake.fail("sendMessage", error_code=500, times=1, chat_id=user.id)
        assert (await post("sendMessage", chat_id=chat, text="ok"))[0] == 500
        assert (await post("sendMessage", chat_id=chat, text="ok"))[0] == 200
        fake.fail("sendMessage", drop=True)
        with pytest.raises(httpx.RemoteProtocolError):
            await post("sendMessage", chat_id=chat, text="dropped")
    assert user.texts == ["ok"]
    assert parse_html("a &lt;b&gt; <i>c</i>") == (
        "a <b> c",
        [{"type": "italic", "offset": 6, "length": 1}],
    )
