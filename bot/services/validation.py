"""Parsing what artisans type: names, mobile numbers, registration numbers (amounts: `amounts`).

Each parser returns the clean value or raises `Invalid` with a locale key explaining why.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import phonenumbers

from bot.services import input_words

NAME_MIN, NAME_MAX = 2, 60
# Words no name has (data/input_words.csv not_in_name) that make a name typed with them a
# sentence; one alone may be a name's ("Rahi Masoom Raza", "Sujit Kar").
SENTENCE_WORDS = 2
PHONE_DIGITS = 10
PRODUCT_MIN, PRODUCT_MAX = 2, 100
DESCRIPTION_MIN, DESCRIPTION_MAX = 10, 1000
PRICE_MAX = 10_00_000
CAPACITY_MAX = 1_000_000
CRAFT_MIN, CRAFT_MAX = 2, 100

_SPACES = re.compile(r"\s+")


class Invalid(ValueError):
    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


def clean_text(text: str) -> str:
    """NFC, no control or zero-width characters, single spaces."""
    text = unicodedata.normalize("NFC", text)
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs", "Co") or (category == "Cf" and ch not in "\u200c\u200d"):
            kept.append(" " if ch in "\n\t\r" else "")
        else:
            kept.append(ch)
    # ZWJ/ZWNJ shape Devanagari conjuncts inside words, but alone they only hide content.
    cleaned = "".join(kept).replace("\u200d", "").replace("\u200c", "")
    return _SPACES.sub(" ", cleaned).strip()


def parse_name(text: str) -> str:
    """A person's name, without the sentence or the titles said around it (`bare_name`), nor
    what follows a comma ("Ramu, Gorakhpur se": asked later)."""
    text = _abbreviations(clean_text(text))
    if sum(ch.isdigit() for ch in ascii_digits(text)) >= PHONE_DIGITS:  # the next answer, early
        raise Invalid("err-name-phone")
    name = bare_name(text.split(",")[0] if text.split(",")[0].strip() else text)
    if input_words.said(name, "not_a_name"):  # "haan", "ok": said to the question, no name
        raise Invalid("err-name-length", min=NAME_MIN, max=NAME_MAX)
    folded = {input_words.fold(word) for word in name.split()}
    if len(folded & input_words.words("not_in_name")) >= SENTENCE_WORDS:  # "apne ... kar raha"
        raise Invalid("err-name-sentence")
    letters = sum(1 for ch in name if unicodedata.category(ch)[0] in ("L", "M"))
    allowed = all(unicodedata.category(ch)[0] in ("L", "M") or ch in " .'-" for ch in name)
    if not allowed:
        raise Invalid("err-name-chars")
    if len(name) > NAME_MAX:  # "wife of ... village ...": more than the name
        raise Invalid("err-name-sentence")
    if letters < NAME_MIN:
        raise Invalid("err-name-length", min=NAME_MIN, max=NAME_MAX)
    return name


_SENTENCE_END = " .!,\u0964"  # U+0964: the danda


def bare_name(text: str) -> str:
    """ "mera naam Ramu Prajapati hai", "Shri Ramu Prajapati ji", "Mr Ramu" -> the name alone.

    The words are data/input_words.csv's: `name_intro` opens a sentence about the name (its
    `name_verb`, "hai", is dropped only after one), `title` comes before a name and `honorific`
    after it. A sentence that names nobody ("mera naam hai") gives ""; otherwise the name itself
    is never dropped: what would leave nothing is kept ("Shri").
    """
    words = text.strip(_SENTENCE_END).split()
    folded = [input_words.fold(word).strip(":-") for word in words]
    intro = max(_longest_prefix(folded, input_words.words("name_intro")), _whose(folded))
    verbs = input_words.words("name_verb")
    if intro and all(word in verbs for word in folded[intro:]):
        return ""
    while 0 < intro < len(folded) - 1 and folded[intro] in verbs and len(folded[intro]) > 1:
        intro += 1  # "pitaji ka naam hai Shyam" ("naam H Ram": an initial)
    start, end = intro, len(words)
    while start < end - 1 and folded[start] in input_words.words("title"):
        start += 1
    closing = input_words.words("honorific") | (verbs if intro else frozenset())
    while end > start + 1 and folded[end - 1] in closing:
        end -= 1  # "... Prajapati hai ji": both
    kept = " ".join(words[start:end]).strip(_SENTENCE_END + (":-" if intro else ""))
    return kept if start < end and kept else text


def _abbreviations(text: str) -> str:
    """ "Mo0 Irfan" with a Devanagari zero: the mark of "Mohd.", written as a full stop."""
    return "".join(
        "." if ch == "\u0966" and i and unicodedata.category(text[i - 1])[0] in "LM" else ch
        for i, ch in enumerate(text)
    )


def _whose(folded: list[str]) -> int:
    """ "papa ka naam Shyam Lal": the words up to "naam" after "ka" (data/input_words.csv
    kinds name_word and name_of): a son registering his father gives the father's name, the
    artisan's. 0 when the text does not start so."""
    of, name = input_words.words("name_of"), input_words.words("name_word")
    for i in range(1, min(len(folded), 6)):
        if folded[i] in name and folded[i - 1] in of:
            return i + 1
    return 0


def _longest_prefix(folded: list[str], phrases: frozenset[str]) -> int:
    """How many of the first words make one of `phrases` (the longest; 0 for none)."""
    for n in range(min(len(folded), 4), 0, -1):
        if " ".join(folded[:n]) in phrases:
            return n
    return 0


_INDIAN_MOBILE = re.compile(r"^\+91([6-9]\d{4})(\d{5})$")
_NUMBER_IN_TEXT = re.compile(r"\+?\d[\d\s\-().]{8,}\d")


def parse_phone(text: str) -> str:
    """An Indian mobile number in E.164 (+91XXXXXXXXXX)."""
    raw = ascii_digits(clean_text(text))
    if not any(ch.isdigit() for ch in raw):  # "ok sir": no number at all
        raise Invalid("err-phone-digits")
    found = _NUMBER_IN_TEXT.findall(raw)
    if len(found) > 1:
        raise Invalid("err-phone-many")  # "9876543210, 9415012345": which one?
    if any(ch.isalpha() for ch in raw):  # "mera number 98765 43210 hai": the one number in it
        raw = found[0] if len(found) == 1 else raw
    digits = re.sub(r"[\s\-().]", "", raw)
    if digits.startswith("0") and len(digits) == 11:
        digits = digits[1:]
    try:
        number = phonenumbers.parse(digits, "IN")
    except phonenumbers.NumberParseException:
        raise Invalid("err-phone") from None
    national = str(number.national_number)
    if number.country_code == 91 and len(national) == 10 and national[0] not in "6789":
        raise Invalid("err-phone-not-mobile")  # "1234567890", "0522 2345678": ten, not a mobile
    if (
        number.country_code != 91
        or len(national) != 10
        or not phonenumbers.is_valid_number(number)
    ):
        raise Invalid("err-phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def readable_phone(phone: str) -> str:
    """+919876543210 as "+91 98765 43210", the way people write an Indian mobile number.

    Written bare, a spreadsheet reads "+919876543210" as the number 919876543210 and shows it as
    9.19877E+11; the grouped form is not a number, so a person reads it as a phone. It still
    starts with "+", so the CSV gets it behind the formula guard's quote ('+91 98765 43210) and
    the XLSX as a string cell marked quote-prefixed (no quote visible). Other forms stay as
    stored. JSON, read by programs, keeps the stored E.164 form.
    """
    match = _INDIAN_MOBILE.match(phone)
    return f"+91 {match.group(1)} {match.group(2)}" if match else phone


def ascii_digits(text: str) -> str:
    """Devanagari (or any Unicode) decimal digits as ASCII digits."""
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text)


def parse_bounded(text: str, lo: int, hi: int, key: str) -> str:
    value = clean_text(text)
    if len(value) > hi:  # "write a little more" would say the opposite
        raise Invalid("err-too-long")
    letters = sum(1 for ch in value if ch.isalnum() or unicodedata.category(ch)[0] == "M")
    if letters < lo:
        raise Invalid(key, min=lo, max=hi)
    return value


def parse_words(text: str, lo: int, hi: int, key: str) -> str:
    """A name for a thing (a kind of work, a product): words, not only digits or a yes
    (data/input_words.csv, kind not_a_name)."""
    value = parse_bounded(text, lo, hi, key)
    if not any(ch.isalpha() for ch in value) or input_words.said(value, "not_a_name"):
        raise Invalid(key, min=lo, max=hi)
    return value


GSTIN_RE = re.compile(r"^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$")
UDYAM_RE = re.compile(r"^UDYAM-[A-Z]{2}-\d{2}-\d{7}$")


def parse_gstin(text: str) -> str:
    value = clean_text(text).upper().replace(" ", "")
    if not GSTIN_RE.match(value):
        raise Invalid("err-gstin")
    return value


def parse_udyam(text: str) -> str:
    value = clean_text(text).upper().replace(" ", "")
    if not UDYAM_RE.match(value):
        raise Invalid("err-udyam")
    return value


def parse_pehchan(text: str) -> str:
    value = clean_text(text).upper().replace(" ", "")
    if not re.fullmatch(r"[A-Z0-9/-]{6,30}", value):
        raise Invalid("err-pehchan")
    return value
