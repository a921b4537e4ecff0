"""A script doing what the playground page's JavaScript does, through the same JSON API."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from playground.server import run_playground
from playground.state import Playground

ARTISAN = 10_001
Chat = dict[str, Any]


class PageClient:
    """Does what the page's JavaScript does, through the same JSON API."""

    def __init__(
        self, http: aiohttp.ClientSession, playground: Playground, user_id: int, lang: str = "hi"
    ) -> None:
        self.http = http
        self.base = playground.url.rstrip("/")
        self.user_id = user_id
        self.lang = lang  # the page's language is also the person's Telegram app language

    async def post(self, action: str, body: dict[str, Any] | None = None) -> int:
        url = f"{self.base}/api/chats/{self.user_id}/{action}"
        async with self.http.post(url, json={"lang": self.lang, **(body or {})}) as response:
            return response.status

    async def send(self, text: str) -> None:
        assert await self.post("message", {"text": text}) == 200

    async def press(self, text: str) -> None:
        assert await self.post("press", {"text": text}) == 200

    async def chat(self) -> Chat:
        url = f"{self.base}/api/chats/{self.user_id}?lang={self.lang}"
        async with self.http.get(url) as response:
            assert response.status == 200
            result: Chat = await response.json()
            return result

    async def until(self, predicate: Callable[[Chat], bool], timeout: float = 10.0) -> Chat:
        """Poll the chat as a script would until ``predicate`` holds (the page gets pushes)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            chat = await self.chat()
            if predicate(chat):
                return chat
            if asyncio.get_running_loop().time() > deadline:
                shown = [e.get("text", e.get("media")) for e in chat["entries"][-4:]]
                raise AssertionError(f"the page never showed it; last entries: {shown}")
            await asyncio.sleep(0.03)

    async def until_bot_says(self, fragment: str) -> Chat:
        return await self.until(lambda chat: fragment in last_bot_text(chat))


def bot_entries(chat: Chat) -> list[dict[str, Any]]:
    return [e for e in chat["entries"] if e["from"] == "bot"]


def last_bot_text(chat: Chat) -> str:
    texts = [e.get("text", "") for e in bot_entries(chat)]
    return texts[-1] if texts else ""


@pytest.fixture
async def playground(tmp_path: Path) -> AsyncIterator[Playground]:
    async with run_playground(port=0, data_dir=tmp_path) as running:
        yield running


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session
