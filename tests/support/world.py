"""The test world's constants and the wiring of a real bot to the fake Bot API."""

from __future__ import annotations

from bot.context import BotApp
from bot.fake_telegram import FakeTelegram
from bot.processor import PerUserUpdateProcessor

TOKEN = "123456:TEST-token-for-the-fake-api"
ADMIN_ID = 900_001
REVIEWER_ID = 900_002


def report_handled(app: BotApp, fake: FakeTelegram) -> BotApp:
    """Make ``app`` tell ``fake`` each update it finished, so waits end on that, not on quiet."""
    processor = app.update_processor
    assert isinstance(processor, PerUserUpdateProcessor), processor
    signal = fake.handled_signal()
    processor.finished.append(lambda update: signal(getattr(update, "update_id", -1)))
    return app
