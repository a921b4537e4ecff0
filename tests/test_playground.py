"""The playground: the real bot behind a chat page's JSON API, with no token and no internet."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp

from fake_telegram import make_png
from playground.personas import ADMIN_ID, REVIEWER_ID
from playground.samples import sample_photo
from playground.state import Playground
from tests.support.journey import BUTTONS
from tests.support.playground_page import (
    ARTISAN,
    PageClient,
    last_bot_text,
)

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "playground" / "static"


async def test_artisan_registers_through_the_page_api_up_to_submitted(
    playground: Playground, http: aiohttp.ClientSession
) -> None:
    """The tests' happy path (tests/support/journey.py), as the page's buttons do it."""
    page, hi = PageClient(http, playground, ARTISAN), BUTTONS["hi"]
    await page.send("/start")
    await page.until_bot_says("क्या आप तैयार हैं?")
    await page.press(hi["agree"])
    await page.until_bot_says("चरण 1/9")
    await page.send("सुनीता देवी")
    chat = await page.until_bot_says("चरण 2/9")
    assert chat["meta"]["keyboard"]["rows"][0][0]["contact"] is True
    await page.press("मेरा नंबर भेजें")
    await page.until_bot_says("चरण 3/9")
    await page.send("Gorakhpur")
    await page.until_bot_says("चरण 4/9")
    await page.press("टेराकोटा")
    await page.until_bot_says("चरण 5/9")
    await page.send("टेराकोटा हाथी")
    await page.until_bot_says("चरण 6/9")
    await page.send("हाथ से बना मिट्टी का हाथी, भट्टी में पका हुआ।")
    await page.until_bot_says("चरण 7/9")
    await page.send("1200")
    await page.until_bot_says("चरण 8/9")
    await page.press(hi["skip"])
    await page.until_bot_says("चरण 9/9")
    assert await page.post("sample", {"sample": "pot"}) == 200
    await page.until_bot_says("1/5")
    await page.press(hi["done"])
    chat = await page.until_bot_says("एक बार देख लें")
    assert "सुनीता देवी" in last_bot_text(chat) and "+91 98765 10001" in last_bot_text(chat)
    await page.press(hi["submit"])
    chat = await page.until_bot_says("ODOP-")
    assert re.search(r"ODOP-\d{6}", last_bot_text(chat))


async def test_page_shows_the_bots_photo_with_its_bytes(
    playground: Playground, http: aiohttp.ClientSession
) -> None:
    page = PageClient(http, playground, ARTISAN)
    assert await page.post("sample", {"sample": "chikan"}) == 200
    chat = await page.until(lambda c: any(e.get("media") for e in c["entries"]))
    [photo] = [e for e in chat["entries"] if e.get("media")]
    assert photo["from"] == "user" and photo["media"]["kind"] == "photo"
    assert (photo["media"]["width"], photo["media"]["height"]) == (480, 360)
    async with http.get(playground.url.rstrip("/") + photo["media"]["url"]) as response:
        assert response.content_type == "image/png"
        assert await response.read() == sample_photo("chikan")


async def test_person_uploads_two_photos_from_disk_as_one_album(
    playground: Playground, http: aiohttp.ClientSession
) -> None:
    form = aiohttp.FormData()
    for seed in (1, 2):
        form.add_field("file", make_png(400, 330, seed), filename=f"p{seed}.png")
    url = f"{playground.url}api/chats/{ARTISAN}/photos"
    async with http.post(url, data=form) as response:
        assert response.status == 200
    chat = await PageClient(http, playground, ARTISAN).until(
        lambda c: sum(1 for e in c["entries"] if e.get("group")) == 2
    )
    groups = {e["group"] for e in chat["entries"] if e.get("group")}
    assert len(groups) == 1


async def test_page_stream_pushes_the_bots_answer_without_asking(
    playground: Playground, http: aiohttp.ClientSession
) -> None:
    page = PageClient(http, playground, ARTISAN, lang="en")
    url = f"{playground.url}api/chats/{ARTISAN}/events?lang=en"
    async with http.get(url) as stream:
        assert stream.content_type == "text/event-stream"
        first = await _next_event(stream)
        assert first["reset"] is True and first["entries"] == []
        await page.send("/start")
        seen: list[dict[str, Any]] = []
        while not any(e["from"] == "bot" for e in seen):
            seen += (await _next_event(stream))["entries"]
    [answer] = [e for e in seen if e["from"] == "bot"]
    # Hindi first whatever the app's language; English is one tap away.
    assert "नमस्ते" in answer["text"] and answer["buttons"][0][0]["text"] == "✅ हाँ, शुरू करें"
    assert answer["buttons"][-1][0]["text"] == "English"
    assert any(e["type"] == "bold" for e in answer["entities"])


async def _next_event(stream: aiohttp.ClientResponse) -> dict[str, Any]:
    async with asyncio.timeout(10):
        while True:
            line = (await stream.content.readline()).decode()
            if line.startswith("data: "):
                result: dict[str, Any] = json.loads(line.removeprefix("data: "))
                return result


async def test_page_refuses_a_button_that_is_not_on_screen(
    playground: Playground, http: aiohttp.ClientSession
) -> None:
    page = PageClient(http, playground, ARTISAN)
    assert await page.post("press", {"text": "जमा करें"}) == 409
    assert await page.post("press", {"message_id": 99, "row": 0, "col": 0}) == 409


async def test_playground_grants_reviewer_and_admin_roles_to_its_personas(
    playground: Playground, http: aiohttp.ClientSession
) -> None:
    async with http.get(playground.url + "api/config") as response:
        personas = {p["id"]: p["role"] for p in (await response.json())["personas"]}
    assert personas[REVIEWER_ID] == "reviewer" and personas[ADMIN_ID] == "admin"
    assert playground.bot is not None
    settings = playground.bot.bot_data["settings"]
    assert settings.reviewer_ids == [REVIEWER_ID] and settings.admin_ids == [ADMIN_ID]
    assert settings.telegram_api_url == playground.fake.url
    assert str(settings.database_url).endswith(str(playground.data_dir / "odop.db"))


async def test_visitor_adds_another_artisan_who_can_talk_at_once(
    playground: Playground, http: aiohttp.ClientSession
) -> None:
    async with http.post(playground.url + "api/personas") as response:
        persona = await response.json()
    assert persona["role"] == "artisan" and persona["id"] not in (ARTISAN, ARTISAN + 1)
    page = PageClient(http, playground, persona["id"])
    await page.send("/start")
    await page.until_bot_says("क्या आप तैयार हैं?")


async def test_page_answers_404_for_someone_not_in_the_playground(
    playground: Playground, http: aiohttp.ClientSession
) -> None:
    async with http.get(f"{playground.url}api/chats/42") as response:
        assert response.status == 404


def test_page_texts_exist_in_hindi_and_english_and_nothing_comes_from_the_internet() -> None:
    texts = json.loads((STATIC / "i18n.json").read_text(encoding="utf-8"))
    assert set(texts) == {"hi", "en"} and set(texts["hi"]) == set(texts["en"])
    for path in STATIC.iterdir():
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", path.read_text("utf-8"))


def _env_without_token() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}


def test_operator_reads_playground_help_without_a_token(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "playground", "--help"],
        cwd=tmp_path,
        env=_env_without_token() | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "--port" in done.stdout and "--data" in done.stdout


async def test_operator_starts_playground_without_a_token_and_stops_it_with_ctrl_c(
    tmp_path: Path,
) -> None:
    command = ["-m", "bot", "playground", "--port", "0", "--data", str(tmp_path / "d")]
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *command,
        cwd=tmp_path,
        env=_env_without_token() | {"PYTHONPATH": str(ROOT)},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        async with asyncio.timeout(30):
            line = (await process.stdout.readline()).decode()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line
        async with aiohttp.ClientSession() as http:
            async with http.get(url.group(0)) as page:
                assert page.status == 200 and "app.js" in await page.text()
            # An open live stream must not hold up the stop.
            async with http.get(f"{url.group(0)}api/chats/{ARTISAN}/events") as stream:
                await stream.content.readline()
                process.send_signal(signal.SIGINT)
                async with asyncio.timeout(15):
                    code = await process.wait()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert code == 0
    assert (tmp_path / "d" / "odop.db").exists()
