"""Every text is a key in both locales, and every key the code uses exists."""

from __future__ import annotations

import ast as pyast
import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.i18n import LOCALES_DIR, SUPPORTED, Translator

BOT_DIR = Path(__file__).resolve().parent.parent / "bot"
# Every kebab-case string constant in bot/ is taken as a message key; a few are not texts.
KEY_SHAPE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9_]+)+$")
NOT_KEYS = {"utf-8", "utf-8-sig", "mark-listed"}


def keys_of(locale: str) -> dict[str, set[str]]:
    """Message ids per file, and the variables each message uses."""
    found: dict[str, set[str]] = {}
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            assert not isinstance(entry, ast.Junk), f"{path}: cannot parse {entry.content!r}"
            if isinstance(entry, ast.Message):
                assert entry.id.name not in found, f"{entry.id.name} defined twice in {locale}"
                found[entry.id.name] = _variables(entry)
    return found


def _variables(message: ast.Message) -> set[str]:
    names: set[str] = set()

    class Variables(Visitor):
        def visit_VariableReference(self, node: ast.VariableReference) -> None:
            names.add(node.id.name)

    Variables().visit(message)
    return names


def keys_used_in_code() -> set[str]:
    used: set[str] = set()
    for path in BOT_DIR.rglob("*.py"):
        if "fake_telegram" in path.parts:
            continue
        for node in pyast.walk(pyast.parse(path.read_text(encoding="utf-8"))):
            value = node.value if isinstance(node, pyast.Constant) else None
            if isinstance(value, str) and KEY_SHAPE.match(value) and value not in NOT_KEYS:
                used.add(value)
    return used


def test_hindi_and_english_have_the_same_keys_and_variables() -> None:
    hindi, english = keys_of("hi"), keys_of("en")
    assert sorted(set(hindi) - set(english)) == []
    assert sorted(set(english) - set(hindi)) == []
    differing = {k for k in hindi if hindi[k] != english[k]}
    assert sorted(differing) == []


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
