"""Logging that never prints the bot token or artisans' phone numbers."""

from __future__ import annotations

import logging
import re

from bot.config import Settings

PHONE_RE = re.compile(r"\+?91[\s-]?[6-9]\d{4}[\s-]?\d{5}\b|\b[6-9]\d{9}\b")


class RedactFilter(logging.Filter):
    """Masks the token and Indian mobile numbers in every record, whoever logs it."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = PHONE_RE.sub("<phone>", message.replace(self.token, "<token>"))
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def setup_logging(settings: Settings) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactFilter(settings.telegram_bot_token))
    logging.basicConfig(level=settings.log_level.upper(), handlers=[handler], force=True)
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
