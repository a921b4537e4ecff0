"""Logging and terminal output that never show the bot token, other secrets or phone numbers."""

from __future__ import annotations

import contextlib
import logging
import re
import sys
from collections.abc import Iterable
from typing import TextIO

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.config import Settings

PHONE_RE = re.compile(r"\+?91[\s-]?[6-9]\d{4}[\s-]?\d{5}\b|\b[6-9]\d{9}\b")
# Shorter secrets are left alone: masking every "odop" in the log would hide more than it saves.
MIN_SECRET = 8


class Redactor:
    """Masks secrets (and, with `phones=True`, Indian mobile numbers) in any text."""

    def __init__(self, secrets: Iterable[str | None], *, phones: bool = True) -> None:
        # Longest first, so the whole token is masked before its secret half.
        unique = {s for s in secrets if s and len(s) >= MIN_SECRET}
        self.secrets = sorted(unique, key=len, reverse=True)
        self.phones = phones

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, "<secret>")
        return PHONE_RE.sub("<phone>", text) if self.phones else text


def secrets_of(settings: Settings) -> list[str | None]:
    """The token (and its secret half, which is what appears in Bot API URLs), the webhook
    secret and the database password."""
    token = settings.telegram_bot_token
    values = [token, token.partition(":")[2], settings.webhook_secret]
    with contextlib.suppress(ArgumentError):
        values.append(make_url(settings.database_url).password)
    return values


class RedactingFormatter(logging.Formatter):
    """Formats the whole record, traceback and stack included, then masks it.

    A filter that cleans `record.msg` misses exception text: PTB's `InvalidToken` carries the
    token in its message, and tracebacks can hold request URLs.
    """

    def __init__(self, fmt: str, redact: Redactor) -> None:
        super().__init__(fmt)
        self.redact = redact

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(super().format(record))


class RedactingStream:
    """A text stream that masks what is written to it (for print() and uncaught tracebacks)."""

    def __init__(self, stream: TextIO, redact: Redactor) -> None:
        self._stream = stream
        self._redact = redact

    def write(self, text: str) -> int:
        self._stream.write(self._redact(text))
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(settings: Settings) -> None:
    """Log to stderr with secrets and phone numbers masked; mask the secrets on stdout too."""
    secrets = secrets_of(settings)
    if not isinstance(sys.stdout, RedactingStream):
        # The terminal commands print results (phone numbers may be asked for); never secrets.
        sys.stdout = RedactingStream(sys.stdout, Redactor(secrets, phones=False))
    if not isinstance(sys.stderr, RedactingStream):
        sys.stderr = RedactingStream(sys.stderr, Redactor(secrets))
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(LOG_FORMAT, Redactor(secrets)))
    logging.basicConfig(level=settings.log_level.upper(), handlers=[handler], force=True)
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
