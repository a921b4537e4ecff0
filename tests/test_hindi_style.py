"""The artisan's Hindi follows ../shared/HINDI.md: plain words, no character counts, one
spelling (ज़िला, फ़ोटो), and every button label (artisan or staff) short enough for a small phone.

Which texts an artisan sees: every key of a locales/hi file, except the staff keys listed in
STAFF_KEYS below (a new file counts as the artisan's until it is listed here).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from fluent.syntax import FluentParser, FluentSerializer, ast

from bot.i18n import LOCALES_DIR, SUPPORTED, Translator
from tests.support.locales import variables

# Keys an artisan never sees, per file (re.fullmatch on the key).
STAFF_KEYS = {
    "common.ftl": r"help-(reviewer|admin)"
    r"|cmd-(?!(start|status|language|help|cancel|mydata|deletemydata|stopnotices|startnotices)$)"
    r".*",
    "help.ftl": r"help-card|help-step-.*|btn-help-reply|help-reply-.*",
    # notify-* and reason-* reach the artisan; a lapsed lease or a removed reviewer does not.
    "review.ftl": r"(?!notify-|reason-).*|reason-(lease-expired|reviewer-removed)",
    "catalogue.ftl": r"(?!listed-artisan$).*",
    "broadcast.ftl": r"(?!notices-).*",
    "market.ftl": r"(?!ls-).*|ls-(hsn|stock|ondc)-.*",
    # The printed poster and the welcome after scanning it are the artisan's.
    "outreach.ftl": r"(?!poster-(title|headline|step-\d+)$|campaign-welcome$).*",
    "photoq.ftl": r"(?!photoq-).*",
    # A field helper's texts; the artisan sees the offer to link, and hears the consent read out.
    "fieldhelp.ftl": r"(?!fh-(link|btn-link-|consent$)).*",
}
AVOID = ("प्रकोष्ठ", "शिल्प", "पिक्सेल", "सूचीबद्ध", "स्वीकृत", "अस्वीकृत")
# The card's own name ("हस्तशिल्प पहचान कार्ड") is what is printed on it, not a word we chose.
PROPER_NAMES = ("हस्तशिल्प पहचान",)
CHARACTER_COUNT = re.compile(
    r"अक्षरों|अक्षर (का|के|की|तक)|(\d|\}|से|तक)\s*अक्षर|characters?\b", re.IGNORECASE
)
NO_NUKTA = {
    "ज़िला (not जिला/जिले)": re.compile(r"जिल[ाेों]"),
    "फ़ोटो (not फोटो)": re.compile(r"फोटो"),
}
BUTTON_MAX = 20
BUTTON_KEY = re.compile(r"(^|-)btn-")
SAMPLES = {  # a product's name as buttons get it (kb.fit to 14 letters)
    "hi": {"name": "सुनीता देवी", "product": "मिट्टी का दीया"},
    "en": {"name": "Sunita Devi", "product": "Clay diya lamp"},
}
SAMPLE_NUMBER = 12000  # "₹12,000", "12,000 नग"


def messages(locale: str) -> list[tuple[str, ast.Message]]:
    found = []
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        found += [(path.name, e) for e in resource.body if isinstance(e, ast.Message)]
    return found


def source(message: ast.Message) -> str:
    """The text of a message (all variants), without comments."""
    bare = ast.Message(message.id, message.value, message.attributes)
    return FluentSerializer().serialize_entry(bare).split("=", 1)[1]


def artisan_texts() -> list[tuple[str, str, str]]:
    texts = []
    for file, message in messages("hi"):
        staff = STAFF_KEYS.get(file)
        if staff is None or not re.fullmatch(staff, message.id.name):
            texts.append((file, message.id.name, source(message)))
    return texts


def test_artisan_texts_are_found() -> None:
    keys = {key for _, key, _ in artisan_texts()}
    assert {"ask-name", "ask-price", "notify-approved", "cancel-saved"} <= keys
    assert not {"help-admin", "rv-card", "cmd-queue", "bc-preview"} & keys


def test_artisan_hindi_uses_plain_words() -> None:
    found = []
    for file, key, text in artisan_texts():
        for name in PROPER_NAMES:
            text = text.replace(name, "")
        found += [f"{file} {key}: {word}" for word in AVOID if word in text]
    assert not found, "\n".join(found)


def test_artisan_hindi_never_asks_for_a_number_of_characters() -> None:
    found = [
        f"{file} {key}: {m.group(0)!r}"
        for file, key, text in artisan_texts()
        if (m := CHARACTER_COUNT.search(text))
    ]
    assert not found, "\n".join(found)


def test_artisan_hindi_spells_district_and_photo_with_nukta() -> None:
    found = [
        f"{file} {key}: {rule}"
        for file, key, text in artisan_texts()
        for rule, pattern in NO_NUKTA.items()
        if pattern.search(text)
    ]
    assert not found, "\n".join(found)


def width(label: str) -> int:
    """Characters as a reader counts them: vowel signs that take no room, joiners, variation
    selectors and bidi marks do not count; spacing vowel signs (ा, ी) do."""
    return sum(
        1
        for ch in label
        if unicodedata.category(ch) not in ("Mn", "Me", "Cf") and not 0xFE00 <= ord(ch) <= 0xFE0F
    )


def test_every_button_label_fits_a_small_phone() -> None:
    t = Translator()
    too_long = []
    for locale in SUPPORTED:
        for file, message in messages(locale):
            key = message.id.name
            if not BUTTON_KEY.search(key):
                continue
            args = {name: SAMPLES[locale].get(name, SAMPLE_NUMBER) for name in variables(message)}
            label = t(locale, key, **args)
            if width(label) > BUTTON_MAX:
                too_long.append(f"{locale}/{file} {key}: {label!r} ({width(label)})")
    assert not too_long, "\n".join(too_long)


def test_width_counts_what_a_reader_sees() -> None:
    assert width("✅ हाँ, बदलें") == 9  # ✅, space, ह, ा, ",", space, ब, द, ल, े→0, ं→0
    assert width("⬅️ Back") == 6


def test_every_locale_file_is_checked() -> None:
    hindi = {p.name for p in Path(LOCALES_DIR, "hi").glob("*.ftl")}
    assert set(STAFF_KEYS) - hindi == set(), "a listed file no longer exists"
