"""What a message says besides its answer: "pata nahin", "beta likhega", and the corrections
typed at the summary ("daam 900 kar do": which answer, and its new value). Words come from
data/input_words.csv; no state is read or written here."""

from __future__ import annotations

from bot.services import input_words
from bot.services import validation as v
from bot.services.amount_words import vocabulary


def not_known(text: str) -> bool:
    """ "pata nahin", or made to order ("jitna order ho") with no number: no count to give."""
    no_number = not any(ch.isdigit() for ch in text)
    return input_words.said(text, "dont_know") or (
        no_number and input_words.has_word(text, "to_order")
    )


def someone_else_types(text: str) -> bool:
    """A short message with a word of data/input_words.csv's kind someone_types."""
    words = input_words.words_in(text)
    return len(words) <= SOMEONE_WORDS and bool(set(words) & input_words.words("someone_types"))


SOMEONE_WORDS = 5  # "mera beta likhega": longer is an answer that happens to hold the word


# Answers an artisan may name in a message typed at the summary ("daam 900 kar do"): words of
# data/input_words.csv's kinds field_price, field_phone...
# The answers a correction typed at the summary names; a reviewer's typed reason is read with
# the same words (flow.fix_field), so a word here must name its answer in both.
SUMMARY_FIELDS = ("price", "capacity", "phone", "name", "district", "gstin")


def name_in(text: str) -> str | None:
    """The name a correction gives ("naam Abdul Rashid"), if it gives one."""
    try:
        name = v.parse_name(text)
    except v.Invalid:
        return None
    named = set(input_words.words_in(name))
    return None if named & input_words.words("field_name") else name


def field_named(text: str) -> str | None:
    """The one answer `text` names, if it names exactly one ("GST number": the GST's, its
    "number" no mobile's)."""
    words = set(input_words.words_in(text))
    named = [f for f in SUMMARY_FIELDS if words & input_words.words(f"field_{f}")]
    phone_words = words & input_words.words("field_phone")
    if "gstin" in named and "phone" in named and phone_words <= input_words.words("number_word"):
        named.remove("phone")  # "GST number": the GST's number, no mobile's
    return named[0] if len(named) == 1 else None


def has_new_value(field: str, text: str) -> bool:
    """A new price, count or mobile number in `text` ("do sau" too); a name or a district is
    asked for by its question."""
    if field in ("name", "district"):
        return False
    words = vocabulary()
    spoken = {*words.numbers, *words.multipliers} if field != "phone" else set()
    return any(ch.isdigit() for ch in text) or bool(spoken & set(input_words.words_in(text)))


def without_request(text: str) -> str:
    """ "daam 900 kar do" without its closing "kar do" (whose "do" would read as a 2)."""
    kept = text.split()
    request = input_words.words("request")
    while kept and input_words.words_in(kept[-1])[0] in request:
        kept.pop()
    return " ".join(kept)
