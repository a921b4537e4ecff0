"""The playground's API refuses what another web page in the same browser could post to it."""

from __future__ import annotations

import aiohttp

from fake_telegram import make_png
from playground.state import Playground
from tests.support.playground_page import ARTISAN, PageClient


def _url(playground: Playground, action: str) -> str:
    return f"{playground.url}api/chats/{ARTISAN}/{action}"


async def _incoming(playground: Playground) -> int:
    return len(playground.fake.users[ARTISAN].chat.incoming)


async def test_other_web_page_posting_text_plain_is_refused_and_sends_nothing(
    playground: Playground, http: aiohttp.ClientSession
) -> None:
    before = await _incoming(playground)
    body = '{"text": "/start"}'  # what a <form enctype="text/plain"> can post from anywhere
    headers = {"Content-Type": "text/plain"}
    async with http.post(_url(playground, "message"), data=body, headers=headers) as response:
        assert response.status == 415
    form = {"text": "/start"}
    async with http.post(_url(playground, "message"), data=form) as response:
        assert response.status == 415
    assert await _incoming(playground) == before


async def test_other_origin_posting_json_or_files_is_refused(
    playground: Playground, http: aiohttp.ClientSession
) -> None:
    before, personas = await _incoming(playground), len(playground.personas)
    port = playground.url.rstrip("/").rsplit(":", 1)[1]
    for origin in ("http://evil.example", "null", f"http://127.0.0.1:{int(port) + 1}"):
        headers = {"Origin": origin}
        url = _url(playground, "message")
        async with http.post(url, json={"text": "/start"}, headers=headers) as response:
            assert response.status == 403, origin
        form = aiohttp.FormData()
        form.add_field("file", make_png(40, 30, 1), filename="p.png")
        async with http.post(_url(playground, "photos"), data=form, headers=headers) as response:
            assert response.status == 403, origin
        async with http.post(playground.url + "api/personas", headers=headers) as response:
            assert response.status == 403, origin
    crossed = {"Sec-Fetch-Site": "cross-site"}  # a browser that left Origin out
    async with http.post(
        _url(playground, "message"), json={"text": "/start"}, headers=crossed
    ) as r:
        assert r.status == 403
    assert await _incoming(playground) == before
    assert len(playground.personas) == personas


async def test_own_page_and_scripts_without_origin_still_talk(
    playground: Playground, http: aiohttp.ClientSession
) -> None:
    origin = playground.url.rstrip("/")
    page = {"Origin": origin, "Sec-Fetch-Site": "same-origin"}
    async with http.post(_url(playground, "message"), json={"text": "/start"}, headers=page) as r:
        assert r.status == 200
    await PageClient(http, playground, ARTISAN).until_bot_says("क्या आप तैयार हैं?")
    async with http.post(_url(playground, "press"), json={"text": "✅ हाँ, शुरू करें"}) as response:
        assert response.status in (200, 409)  # a script: no Origin at all
