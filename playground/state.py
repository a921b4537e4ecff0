"""A running playground's state: the fake, the bot, the personas; the page reads it, the
server (server.py) builds it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from bot.config import Settings
from bot.context import BotApp
from fake_telegram import Call, FakeTelegram, FakeUser
from playground.personas import ADMIN_ID, REVIEWER_ID, Persona, artisan

HOST = "127.0.0.1"


def new_token() -> str:
    """A token of Telegram's shape, made up for this run: the fake accepts only it."""
    return f"{secrets.randbelow(9 * 10**9) + 10**9}:{secrets.token_urlsafe(30)}"


@dataclass
class Playground:
    """A running playground: the fake, the bot, the personas and the page's address."""

    fake: FakeTelegram
    data_dir: Path
    personas: dict[int, Persona] = field(default_factory=dict)
    bot: BotApp | None = None
    port: int = 0
    revision: int = 0  # bumped on every answered bot call: wakes the pages' live streams
    closing: bool = False

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def add(self, persona: Persona) -> Persona:
        self.personas[persona.user_id] = persona
        self.fake.user(persona.user_id, first_name=persona.name_en, language_code="hi")
        return persona

    def add_artisan(self) -> Persona:
        artisans = sum(1 for p in self.personas.values() if p.role == "artisan")
        return self.add(artisan(artisans))

    def user(self, user_id: int) -> tuple[Persona, FakeUser]:
        """KeyError for someone who is not a persona of this playground."""
        return self.personas[user_id], self.fake.users[user_id]

    def on_call(self, _call: Call) -> None:
        self.revision += 1
        self.fake.notifier.notify()

    def settings(self) -> Settings:
        """The bot's settings: production's, pointed at the fake and this run's folder."""
        return Settings(  # type: ignore[call-arg]
            _env_file=None,
            telegram_bot_token=self.fake.token,
            telegram_api_url=self.fake.url,
            database_url=f"sqlite+aiosqlite:///{self.data_dir / 'odop.db'}",
            media_dir=self.data_dir / "media",
            admin_ids=[ADMIN_ID],
            reviewer_ids=[REVIEWER_ID],
            webhook_url=None,
            webhook_secret=None,
        )
