"""The chat page and its JSON API on 127.0.0.1, with a Server-Sent Events stream per chat."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.handlers.callback_data import number
from fake_telegram import ChatState, FakeUser
from playground import actions
from playground.chat_view import Differ, snapshot
from playground.personas import Persona
from playground.samples import SAMPLES, sample_photo
from playground.state import Playground

STATIC = Path(__file__).resolve().parent / "static"
PLAYGROUND = web.AppKey("playground", Playground)
PING_SECONDS = 15.0
MAX_UPLOAD = 25 * 1024 * 1024
_LOCAL_HOSTS = ("127.0.0.1", "localhost")
# Sec-Fetch-Site of our own page, or of an address the user typed.
_OWN_SITE = re.compile("same-origin|none")

Action = Callable[[Persona, FakeUser, dict[str, Any]], Awaitable[None]]


def _fail(status: int, reason: str) -> web.HTTPException:
    body = json.dumps({"ok": False, "error": reason})
    kinds: dict[int, type[web.HTTPException]] = {
        400: web.HTTPBadRequest,
        403: web.HTTPForbidden,
        404: web.HTTPNotFound,
        409: web.HTTPConflict,
        415: web.HTTPUnsupportedMediaType,
    }
    return kinds[status](text=body, content_type="application/json")


def _person(request: web.Request) -> tuple[Persona, FakeUser]:
    playground = request.app[PLAYGROUND]
    try:
        return playground.user(number(request.match_info["uid"], 15) or 0)
    except (KeyError, ValueError):
        raise _fail(404, "no such person in this playground") from None


def _language(value: object, user: FakeUser) -> str | None:
    """The page's language doubles as the person's Telegram app language."""
    if value in ("hi", "en"):
        user.language_code = str(value)
    return user.language_code


@web.middleware
async def _local_only(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    # A page from elsewhere that rebinds its DNS name to 127.0.0.1 must not read the chats.
    if request.host.rsplit(":", 1)[0] not in _LOCAL_HOSTS:
        raise web.HTTPForbidden(text="the playground answers only on 127.0.0.1")
    return await handler(request)


def _same_origin(request: web.Request) -> bool:
    """Is this POST from the playground's own page, or from a program that is no browser?

    Any other web page open in the same browser can POST here too (a form or `fetch` needs no
    permission to send; only reading the answer is forbidden), and browsers name that page in
    `Origin` on every cross-origin POST. So: with `Origin`, it must be this very origin (scheme,
    host and port; "null", sent by sandboxed frames and some redirects, is refused). Without
    it, the request comes from a script, curl or a test -- unless `Sec-Fetch-Site`, which
    browsers set and pages cannot forge, says it crossed from another site.
    """
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin == f"{request.scheme}://{request.host}"
    site = request.headers.get("Sec-Fetch-Site")
    return site is None or _OWN_SITE.fullmatch(site) is not None


@web.middleware
async def _no_cross_site_posts(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    if request.method not in ("GET", "HEAD", "OPTIONS") and not _same_origin(request):
        raise _fail(403, "only the playground's own page may post here")
    return await handler(request)


async def _revalidate(_request: web.Request, response: web.StreamResponse) -> None:
    response.headers.setdefault("Cache-Control", "max-age=0")


async def index(_request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "index.html")


async def config(request: web.Request) -> web.Response:
    playground = request.app[PLAYGROUND]
    fake = playground.fake
    return web.json_response(
        {
            "bot": {"name": fake.bot_first_name, "username": fake.bot_username},
            "personas": [p.to_json() for p in playground.personas.values()],
            "samples": [s.to_json() for s in SAMPLES],
        }
    )


async def add_artisan(request: web.Request) -> web.Response:
    return web.json_response(request.app[PLAYGROUND].add_artisan().to_json())


async def chat(request: web.Request) -> web.Response:
    """The whole chat at this moment (scripts and tests poll this; the page uses the stream)."""
    _, user = _person(request)
    language = _language(request.query.get("lang"), user)
    return web.json_response(snapshot(request.app[PLAYGROUND].fake, user.chat, language))


def _version(playground: Playground, chat: ChatState) -> tuple[int, ...]:
    return (playground.revision, chat.last_message_id, len(chat.incoming), chat.activity)


async def events(request: web.Request) -> web.StreamResponse:
    """Server-Sent Events: first the whole chat (``reset``), then only what changed."""
    playground = request.app[PLAYGROUND]
    _, user = _person(request)
    language = _language(request.query.get("lang"), user)
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
    await response.prepare(request)
    await response.write(b"retry: 1000\n\n")
    with contextlib.suppress(ConnectionResetError):  # the tab was closed
        await _stream(playground, user, language, response)
    return response


async def _stream(
    playground: Playground, user: FakeUser, language: str | None, response: web.StreamResponse
) -> None:
    differ, first = Differ(), True
    while not playground.closing:
        mark = _version(playground, user.chat)
        delta = differ.changes(snapshot(playground.fake, user.chat, language))
        if delta is not None:
            delta["reset"] = first
            first = False
            data = json.dumps(delta, ensure_ascii=False)
            await response.write(f"data: {data}\n\n".encode())

        def moved(mark: tuple[int, ...] = mark) -> bool:
            return playground.closing or _version(playground, user.chat) != mark

        if not await playground.fake.notifier.wait_until(moved, PING_SECONDS):
            await response.write(b": ping\n\n")


async def file(request: web.Request) -> web.Response:
    stored = request.app[PLAYGROUND].fake.files.get(request.match_info["file_id"])
    if stored is None:
        raise _fail(404, "no such file")
    return web.Response(body=stored.content, content_type=_sniff(stored.content, stored.mime_type))


def _sniff(content: bytes, declared: str | None) -> str:
    if content.startswith(b"\x89PNG"):
        return "image/png"
    if content.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if content[:4] == b"RIFF" and content[8:12] == b"WAVE":
        return "audio/wav"  # the bundled voice note: playable in any browser
    return declared or "application/octet-stream"


async def sample(request: web.Request) -> web.Response:
    try:
        content = sample_photo(request.match_info["key"])
    except KeyError:
        raise _fail(404, "no such sample") from None
    return web.Response(body=content, content_type="image/png")


async def _body(request: web.Request) -> dict[str, Any]:
    # text/plain (or a form) is what a page elsewhere can post without asking the browser
    # first; application/json from another origin needs a preflight this server never grants.
    if request.content_type != "application/json":
        raise _fail(415, "send the body as application/json")
    if not request.can_read_body:
        return {}
    try:
        body = await request.json()
    except ValueError:
        raise _fail(400, "the body is not JSON") from None
    if not isinstance(body, dict):
        raise _fail(400, "the body must be a JSON object")
    return body


def _int(body: dict[str, Any], key: str) -> int:
    value = body.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _fail(400, f"{key} must be a number")
    return value


async def _message(persona: Persona, user: FakeUser, body: dict[str, Any]) -> None:
    await actions.send_text(user, str(body.get("text", "")))


async def _press(persona: Persona, user: FakeUser, body: dict[str, Any]) -> None:
    if isinstance(body.get("text"), str):
        await actions.press_text(user, persona, body["text"])
        return
    message_id, row, col = _int(body, "message_id"), _int(body, "row"), _int(body, "col")
    await actions.press_at(user, persona, message_id, row, col)


async def _contact(persona: Persona, user: FakeUser, _body: dict[str, Any]) -> None:
    await actions.share_contact(user, persona)


async def _location(_persona: Persona, user: FakeUser, _body: dict[str, Any]) -> None:
    await actions.send_location(user)


async def _sample(_persona: Persona, user: FakeUser, body: dict[str, Any]) -> None:
    await actions.send_sample(user, str(body.get("sample", "")))


async def _voice(_persona: Persona, user: FakeUser, _body: dict[str, Any]) -> None:
    await actions.send_voice(user)


def _json_action(action: Action) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def run(request: web.Request) -> web.Response:
        persona, user = _person(request)
        body = await _body(request)
        _language(body.get("lang"), user)
        try:
            await action(persona, user, body)
        except actions.ActionError as exc:
            raise _fail(409, str(exc)) from None
        return web.json_response({"ok": True})

    return run


async def upload(request: web.Request) -> web.Response:
    """Files from the person's disk (multipart field ``file``, repeated for an album)."""
    _, user = _person(request)
    form = await request.post()
    _language(form.get("lang"), user)
    uploads = [
        actions.Upload(field.file.read(), field.filename, field.content_type)
        for field in form.getall("file", [])
        if isinstance(field, web.FileField)
    ]
    try:
        await actions.send_uploads(user, uploads)
    except actions.ActionError as exc:
        raise _fail(409, str(exc)) from None
    return web.json_response({"ok": True})


def make_app(playground: Playground) -> web.Application:
    app = web.Application(
        client_max_size=MAX_UPLOAD, middlewares=[_local_only, _no_cross_site_posts]
    )
    app[PLAYGROUND] = playground
    app.on_response_prepare.append(_revalidate)
    chats = "/api/chats/{uid}"
    app.router.add_get("/", index)
    app.router.add_static("/static/", STATIC)
    app.router.add_get("/api/config", config)
    app.router.add_post("/api/personas", add_artisan)
    app.router.add_get("/api/files/{file_id}", file)
    app.router.add_get("/api/samples/{key}.png", sample)
    app.router.add_get(chats, chat)
    app.router.add_get(chats + "/events", events)
    app.router.add_post(chats + "/photos", upload)
    routes: dict[str, Action] = {
        "message": _message,
        "press": _press,
        "contact": _contact,
        "location": _location,
        "sample": _sample,
        "voice": _voice,
    }
    for name, action in routes.items():
        app.router.add_post(f"{chats}/{name}", _json_action(action))
    return app


async def start_web(playground: Playground, host: str, port: int) -> web.AppRunner:
    """Serve the page; ``playground.port`` is set to the port actually bound."""
    runner = web.AppRunner(
        make_app(playground), handler_cancellation=True, access_log=None, shutdown_timeout=1.0
    )
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except OSError:
        await runner.cleanup()
        raise
    playground.port = site.port
    return runner
