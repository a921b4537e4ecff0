"""The one scripted happy path: an artisan registers a product as a person would.

Tests walk it (or stop part-way) through the helpers below; the registration benchmark and
the playground's tests reuse the same table of steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fake_telegram import Call, FakeUser

BUTTONS = {
    "hi": {"agree": "हाँ, शुरू करें", "skip": "छोड़ें", "done": "हो गया", "submit": "जमा करें"},
    "en": {"agree": "Yes, let's start", "skip": "Skip", "done": "Done", "submit": "submit"},
}
NAME = "सुनीता देवी"
DISTRICT = "Gorakhpur"
PRODUCT = "टेराकोटा हाथी"
DESCRIPTION = "हाथ से बना मिट्टी का हाथी, भट्टी में पका हुआ।"
PRICE = "1200"


@dataclass(frozen=True)
class Step:
    """One thing the artisan does; ``answers`` is how many messages the bot answers it with."""

    kind: str  # "send", "press", "contact" or "photo"
    value: str = ""  # the text sent, or the button's label
    data: str | None = None  # the button's callback data (for tools that press by data)
    answers: int = 1

    async def run(self, artisan: FakeUser, *, by_data: bool = False, **wait: Any) -> list[Call]:
        """Do the step; ``by_data`` presses buttons by their callback data."""
        if self.kind == "send":
            return await artisan.send(self.value, **wait)
        if self.kind == "press":
            if by_data:
                return await artisan.press(data=self.data, **wait)
            return await artisan.press(self.value, **wait)
        if self.kind == "contact":
            return await artisan.share_contact(phone_of(artisan), **wait)
        if self.kind == "photo":
            return await artisan.send_photo(**wait)
        raise ValueError(self.kind)


def phone_of(artisan: FakeUser) -> str:
    """A phone number of the artisan's own (unique per user id)."""
    return f"+9198765{artisan.id % 100000:05d}"


def registration(lang: str = "hi", craft: str = "टेराकोटा") -> list[Step]:
    """The 13 updates from /start to submitting a Gorakhpur terracotta product (everyone
    starts in Hindi: in English, one more, the first screen's "English")."""
    buttons = BUTTONS[lang]
    english = [Step("press", "English", "lang:en")] if lang == "en" else []
    return [
        Step("send", "/start"),
        *english,
        Step("press", buttons["agree"], "reg:yes"),
        Step("send", NAME),
        Step("contact", answers=2),
        Step("send", DISTRICT),
        Step("press", craft, "reg:c:0"),
        Step("send", PRODUCT),
        Step("send", DESCRIPTION),
        Step("send", PRICE),
        Step("press", buttons["skip"], "reg:skip:capacity"),
        Step("photo"),
        Step("press", buttons["done"], "reg:done", answers=2),
        Step("press", buttons["submit"], "reg:submit"),
    ]


# Where the helpers below stop (in Hindi): after consent, after the phone, before the photo.
CONSENTED, AT_DISTRICT, AT_PHOTOS = 2, 4, 10


def _upto(lang: str, stop: int) -> int:
    return stop + (1 if lang == "en" else 0)  # the "English" press


async def walk(artisan: FakeUser, steps: list[Step]) -> None:
    for step in steps:
        await step.run(artisan)


async def consent(artisan: FakeUser, lang: str = "hi") -> None:
    await walk(artisan, registration(lang)[: _upto(lang, CONSENTED)])


async def to_district(artisan: FakeUser, lang: str = "hi", name: str = NAME) -> None:
    steps = registration(lang)[: _upto(lang, AT_DISTRICT)]
    steps[_upto(lang, 2)] = Step("send", name)
    await walk(artisan, steps)


async def to_price(artisan: FakeUser) -> None:
    """A Gorakhpur terracotta elephant, up to the price question."""
    await to_district(artisan)
    await artisan.send("Gorakhpur")
    await artisan.press("टेराकोटा")
    await artisan.send("टेराकोटा हाथी")
    await artisan.send("हाथ से बना मिट्टी का हाथी, भट्टी में पका हुआ।")


async def to_photos(artisan: FakeUser, lang: str = "hi", craft: str = "टेराकोटा") -> None:
    """Consent to capacity for a Gorakhpur product of ``craft``; stops at the photo step."""
    await walk(artisan, registration(lang, craft)[: _upto(lang, AT_PHOTOS)])


async def submit_product(artisan: FakeUser, lang: str = "hi", craft: str = "टेराकोटा") -> str:
    """A complete registration; returns the reference the bot told the artisan."""
    await walk(artisan, registration(lang, craft))
    text = artisan.last_text
    start = text.index("ODOP-")
    return text[start : start + 11]


async def choose_language(user: FakeUser, lang: str = "en") -> None:
    """Pick the language with /language: an artisan's is never guessed from Telegram's
    `language_code`; staff who never chose read their Telegram app's language."""
    await user.send("/language")
    await user.press({"en": "English", "hi": "हिन्दी"}[lang])


async def english(user: FakeUser) -> FakeUser:
    """Switch this user (staff or artisan) to English; returns them."""
    await choose_language(user, "en")
    return user
