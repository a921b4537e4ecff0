"""Every text is a key in both locales, and every key the code uses exists."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from bot.handlers.review_card import CHANGE_FIELDS
from bot.i18n import SUPPORTED, Translator
from bot.menus import ADMIN_COMMANDS, ARTISAN_COMMANDS, REVIEWER_COMMANDS
from bot.services import amount_words, transcripts
from bot.services import listing_details as listing
from bot.services.flow.answers import CAPTION_STEPS
from bot.services.review import REASONS
from bot.services.staff import Action
from bot.services.workflow import ADMIN, ARTISAN, REVIEWER, SYSTEM
from bot.storage.models import Role, State
from tests.support.locales import key_prefixes_built_in_code, keys_of, keys_used_in_code

BOT_DIR = Path(__file__).resolve().parents[1] / "bot"
DEVANAGARI = re.compile("[\u0900-\u097f]")


def test_hindi_and_english_have_the_same_keys_and_variables() -> None:
    hindi, english = keys_of("hi"), keys_of("en")
    assert sorted(set(hindi) - set(english)) == []
    assert sorted(set(english) - set(hindi)) == []
    differing = {k for k in hindi if hindi[k] != english[k]}
    assert sorted(differing) == []


def test_no_hindi_text_is_written_in_the_code() -> None:
    """Hindi lives in locales/ and data/: a Devanagari word in bot/, even in a comment, is a
    text or a word list that an editor of the texts would not find."""
    found = [
        f"{path.relative_to(BOT_DIR.parent)}:{number}"
        for path in sorted(BOT_DIR.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if DEVANAGARI.search(line)
    ]
    assert found == []


def test_every_key_used_in_code_exists() -> None:
    used = keys_used_in_code()
    assert len(used) > 50, "the key scanner found too few keys: is the pattern still right?"
    for locale in SUPPORTED:
        missing = used - set(keys_of(locale))
        assert sorted(missing) == [], f"missing in {locale}"


@pytest.mark.parametrize("locale", SUPPORTED)
def test_every_message_formats_without_errors(locale: str) -> None:
    t = Translator(default_locale="hi")
    for key, variables in keys_of(locale).items():
        text = t(locale, key, **{name: "1" for name in variables})
        assert text and text != key
        assert "{" not in text, f"{key} left a placeable unformatted"


# What each key the code completes at runtime is completed with. The prefixes are read from
# the code: a new f"...-{x}" key fails the test below until its values are listed here.
RUNTIME_KEY_VALUES: dict[str, Iterable[object]] = {
    "rv-state-": State,
    "rv-role-": (SYSTEM, ARTISAN, REVIEWER, ADMIN),
    "rv-field-": CHANGE_FIELDS,
    "rv-btn-reason-": {code for reasons in REASONS.values() for code in reasons},
    "staff-role-": Role,
    "cmd-": (*ARTISAN_COMMANDS, *REVIEWER_COMMANDS, *ADMIN_COMMANDS),
    "ls-ask-": ("material", "colour", "material-typed", "colour-typed"),  # the others: whole keys
    "ls-echo-": (*listing.STEPS[:-1], "size"),
    "ls-err-": ("material", "colour", "size"),  # the questions answered in words
    "caption-taken-": CAPTION_STEPS,
    "err-price-at-": ("product_name", "description", "capacity"),  # and -photos, whole
    "reason-transcribed-": transcripts.CODES.values(),
    "staff-action-": Action,
    "unit-": (amount_words.PIECE, *amount_words.MEASURES),
}


def test_every_key_built_at_runtime_exists_in_both_locales() -> None:
    prefixes = key_prefixes_built_in_code()
    unlisted = {p: where for p, where in prefixes.items() if p not in RUNTIME_KEY_VALUES}
    assert unlisted == {}, "list the values these runtime keys take in RUNTIME_KEY_VALUES"
    assert sorted(set(RUNTIME_KEY_VALUES) - set(prefixes)) == [], "no longer built in code"
    built = {
        f"{prefix}{value}" for prefix, values in RUNTIME_KEY_VALUES.items() for value in values
    }
    for locale in SUPPORTED:
        assert sorted(built - set(keys_of(locale))) == [], locale


@pytest.mark.parametrize("locale", SUPPORTED)
def test_a_button_named_in_a_text_is_named_as_it_reads(locale: str) -> None:
    """ "press "📋 Choose from the list"" under a button reading "📋 Choose from list"."""
    t = Translator(default_locale="hi")
    texts = {
        key: t(locale, key, **{name: "1" for name in names})
        for key, names in keys_of(locale).items()
    }
    buttons = {
        text for key, text in texts.items() if key.startswith(("btn-", "ls-btn-", "bc-btn-"))
    }
    quoted = re.compile(r"\"([^\"\w\s<]{1,3} [^\"]+)\"")  # an emoji, a space, a label
    wrong = {
        (key, label)
        for key, text in texts.items()
        for label in quoted.findall(text)
        if label not in buttons
    }
    assert sorted(wrong) == []


@pytest.mark.parametrize("locale", SUPPORTED)
def test_amounts_are_grouped_the_indian_way_in_both_languages(locale: str) -> None:
    """English showed ₹100,000 for a lakh."""
    t = Translator(default_locale="hi")
    assert "₹1,00,000" in t(locale, "price-saved", value=100_000, measure="piece", unit="-")
