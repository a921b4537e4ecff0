"""The baseline: a bare python-telegram-bot echo bot.

Run as `python bench/echo_bot.py` with TELEGRAM_BOT_TOKEN and TELEGRAM_API_URL set. With
ECHO_TRANSPORT=aiohttp it talks HTTP through the same client as our bot (bot/transport.py);
ECHO_CONCURRENT=N handles N updates at once (0, the default, is PTB's: one after another).
"""

from __future__ import annotations

import os

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("ok", callback_data="ok")]])


async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None:
        await message.reply_text(message.text or "ok", reply_markup=KEYBOARD)


async def pressed(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is not None:
        await query.answer()
        await query.get_bot().send_message(query.from_user.id, "ok", reply_markup=KEYBOARD)


def main() -> None:
    root = os.environ["TELEGRAM_API_URL"]
    builder = Application.builder()
    if os.environ.get("ECHO_TRANSPORT") == "aiohttp":
        from bot.transport import AiohttpRequest

        builder = builder.request(AiohttpRequest()).get_updates_request(AiohttpRequest(1))
    app = (
        builder.token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(f"{root}/bot")
        .base_file_url(f"{root}/file/bot")
        .concurrent_updates(int(os.environ.get("ECHO_CONCURRENT", "0")) or False)
        .build()
    )
    app.add_handler(MessageHandler(filters.ALL, echo))
    app.add_handler(CallbackQueryHandler(pressed))
    app.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
