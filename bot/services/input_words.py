"""Words the bot reads in what people type, not words it says: `data/input_words.csv`.

Kinds, among others (data/README.md lists them all): `help` (a message that only asks for a
person), `dont_know` (a "don't know" or "none" that skips a question one may skip), `district` and
`pin` (the word around a district's name or before a PIN code), `not_a_name` (a yes, a no, an
okay: no name of a thing), `name_intro`, `name_verb`, `title` and `honorific` (the words around a
person's name), `field_*`, `request` and `wrong` (a correction typed at the summary). An
administrator adds a spelling there and restarts the bot; spellings with and without nukta or
chandrabindu match alike (`fold`).
"""

from __future__ import annotations

import csv
import functools
import unicodedata
from pathlib import Path

WORDS_CSV = Path(__file__).resolve().parents[2] / "data" / "input_words.csv"


def fold(word: str) -> str:
    """One spelling whether or not the nukta and chandrabindu are typed; lower case."""
    word = unicodedata.normalize("NFD", word.casefold())
    word = word.replace("\u093c", "").replace("\u0901", "\u0902")
    return unicodedata.normalize("NFC", word)


@functools.cache
def _all(path: Path = WORDS_CSV) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            found.setdefault(row["kind"], set()).add(fold(row["word"]))
    return {kind: frozenset(words) for kind, words in found.items()}


def said(text: str, kind: str) -> bool:
    """Whether the whole message is one of the words of `kind` (any case, a full stop or not)."""
    typed = " ".join(text.split())
    return fold(typed.strip(" .!?\u0964") or typed) in words(kind)  # U+0964: the danda; "?" alone


def words_in(text: str) -> list[str]:
    """The words of a message, folded, without the punctuation around them."""
    return [fold(word.strip(".,!?:;\u0964\"'()")) for word in text.split()]


def has_word(text: str, kind: str) -> bool:
    """Whether one of the message's words is a word of `kind` ("kab hoga?": what_next)."""
    return bool(set(words_in(text)) & words(kind))


def words(kind: str) -> frozenset[str]:
    """The folded spellings of one kind (empty for a kind the file does not have)."""
    return _all().get(kind, frozenset())
