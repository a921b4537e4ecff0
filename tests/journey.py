"""Walk an artisan through registration as a person would (shared by several test files)."""

from __future__ import annotations

from bot.fake_telegram import FakeUser

BUTTONS = {
    "hi": {"agree": "हाँ, शुरू करें", "skip": "छोड़ें", "done": "हो गया", "submit": "जमा करें"},
    "en": {
        "agree": "Yes, let's start",
        "skip": "Skip",
        "done": "Done",
        "submit": "All right, submit",
    },
}


def phone_of(artisan: FakeUser) -> str:
    return f"+9198765{artisan.id % 100000:05d}"


async def consent(artisan: FakeUser, lang: str = "hi") -> None:
    """Everyone starts in Hindi; an English speaker taps "English" on the first screen."""
    await artisan.send("/start")
    if lang == "en":
        await artisan.press("English")
    await artisan.press(BUTTONS[lang]["agree"])


async def to_district(artisan: FakeUser, lang: str = "hi", name: str = "सुनीता देवी") -> None:
    await consent(artisan, lang)
    await artisan.send(name)
    await artisan.share_contact(phone_of(artisan))


async def to_photos(artisan: FakeUser, lang: str = "hi", craft: str = "टेराकोटा") -> None:
    """Consent to capacity for a Gorakhpur terracotta product; stops at the photo step."""
    await to_district(artisan, lang)
    await artisan.send("Gorakhpur")
    await artisan.press(craft)
    await artisan.send("टेराकोटा हाथी")
    await artisan.send("हाथ से बना मिट्टी का हाथी, भट्टी में पका हुआ।")
    await artisan.send("1200")
    await artisan.press(BUTTONS[lang]["skip"])


async def submit_product(artisan: FakeUser, lang: str = "hi", craft: str = "टेराकोटा") -> str:
    """A complete registration; returns the reference the bot told the artisan."""
    await to_photos(artisan, lang, craft)
    await artisan.send_photo()
    await artisan.press(BUTTONS[lang]["done"])
    await artisan.press(BUTTONS[lang]["submit"])
    text = artisan.last_text
    start = text.index("ODOP-")
    return text[start : start + 11]


async def choose_language(user: FakeUser, lang: str = "en") -> None:
    """Pick the language with /language: nobody's language is guessed from Telegram's
    `language_code`, staff included (they keep what they chose)."""
    await user.send("/language")
    await user.press({"en": "English", "hi": "हिन्दी"}[lang])


async def english(user: FakeUser) -> FakeUser:
    """Everyone starts in Hindi: switch this user (staff or artisan) to English first."""
    await user.send("/language")
    await user.press("English")
    return user
