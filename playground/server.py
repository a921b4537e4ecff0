"""Start the fake Bot API, the real bot pointed at it, and the chat page; stop them in reverse."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

from bot.app import build_application
from bot.runner import running
from fake_telegram import FakeTelegram
from playground import DEFAULT_PORT
from playground.personas import default_personas
from playground.state import HOST, Playground, new_token
from playground.web import start_web


@contextlib.asynccontextmanager
async def run_playground(
    port: int = DEFAULT_PORT, data_dir: Path | None = None
) -> AsyncIterator[Playground]:
    """Run everything on 127.0.0.1 (``port=0`` picks a free port); the page is at ``pg.url``.

    Without ``data_dir`` the database lives in a temporary folder removed on exit.
    """
    async with contextlib.AsyncExitStack() as stack:
        folder = _folder(stack, data_dir)
        fake = FakeTelegram(
            token=new_token(), bot_username="odop_playground_bot", bot_first_name="ODOP"
        )
        await fake.start()
        stack.push_async_callback(fake.stop)
        playground = Playground(fake, folder)
        for persona in default_personas():
            playground.add(persona)
        fake.listeners.append(playground.on_call)
        runner = await start_web(playground, HOST, port)  # first: a busy port fails fast
        stack.push_async_callback(runner.cleanup)
        stack.callback(_close_streams, playground)
        settings = playground.settings()
        playground.bot = await stack.enter_async_context(
            running(build_application(settings), settings)
        )
        yield playground


def _folder(stack: contextlib.AsyncExitStack, data_dir: Path | None) -> Path:
    if data_dir is None:
        return Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="odop-pg-")))
    folder = data_dir.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _close_streams(playground: Playground) -> None:
    playground.closing = True
    playground.fake.notifier.notify()
