"""Terminal command `poster DISTRICT [CAMP ...]`: a campaign row and its poster as PNG and PDF.

The bot's username and name come from getMe (as the bot itself learns them), or from
--bot-username (and --bot-name) without asking Telegram. Exit codes: 0 written, 1 Telegram
could not be reached or the poster could not be drawn, 2 bad input.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from telegram import Bot
from telegram.error import TelegramError

from bot.config import Settings
from bot.i18n import SUPPORTED
from bot.services import campaigns
from bot.services import poster as pst
from bot.services.campaigns import PAYLOAD


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Add this module's subcommand."""
    poster = commands.add_parser(
        "poster", help="make a QR poster (PNG and PDF) for a district or a registration camp"
    )
    poster.add_argument("words", nargs="+", help="the district, then the camp's name if any")
    poster.add_argument("--bot-username", help="the bot's @username, instead of asking getMe")
    poster.add_argument("--bot-name", help="the name printed on the poster (default: getMe's)")
    poster.add_argument("--lang", default="hi", choices=SUPPORTED, help="the poster's language")
    poster.add_argument("--out", type=Path, default=Path("."), help="folder to write into")
    poster.set_defaults(func=_poster)


def _poster(args: argparse.Namespace) -> int:
    from bot.__main__ import load_settings

    return asyncio.run(poster_command(load_settings(), args))


async def bot_identity(settings: Settings) -> tuple[str, str] | None:
    """(username, name) from getMe, or None after printing why it could not be asked."""
    root = settings.telegram_api_url
    bot = Bot(
        settings.telegram_bot_token, base_url=f"{root}/bot", base_file_url=f"{root}/file/bot"
    )
    try:
        await bot.initialize()  # calls getMe
    except TelegramError as exc:
        print(f"cannot reach the Bot API ({exc.message}): give --bot-username", file=sys.stderr)
        return None
    try:
        return bot.username, bot.first_name
    finally:
        await bot.shutdown()


async def poster_command(settings: Settings, args: argparse.Namespace) -> int:
    from bot.cli_catalogue import opened  # the bot's services without the bot

    username = (args.bot_username or "").lstrip("@") or None
    if username is not None and not PAYLOAD.fullmatch(username):
        print(f"not a bot username: {args.bot_username!r}", file=sys.stderr)
        return 2
    async with opened(settings) as services:
        found = campaigns.split_district(services.districts, args.words)
        district = found.district
        if district is None:
            hint = ", ".join(d.key for d in found.suggestions) or "-"
            print(f"unknown district {args.words[0]!r}; did you mean: {hint}", file=sys.stderr)
            return 2
        name = args.bot_name
        if username is None:
            identity = await bot_identity(settings)
            if identity is None:
                return 1
            username, name = identity[0], name or identity[1]
        async with services.sessions() as session:
            campaign = await campaigns.create(session, district.key, found.rest, None)
            await session.commit()

        def t(key: str, **values: Any) -> str:
            return services.t(args.lang, key, **values)

        link = campaigns.deep_link(username, campaign.payload)
        text = pst.compose(
            t, district.name(args.lang), campaign.name, name or username, username, link
        )
    try:
        drawn = await asyncio.to_thread(pst.render, text)
    except pst.PosterError as exc:
        print(f"poster not drawn: {exc}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    stem = campaigns.file_stem(district.key, campaign.payload)
    for suffix, data in ((".png", drawn.png), (".pdf", drawn.pdf)):
        path = args.out / f"{stem}{suffix}"
        await asyncio.to_thread(path.write_bytes, data)
        print(f"wrote {path}")
    print(f"campaign {campaign.payload}: {link}")
    return 0
