"""The locale files and the keys the code uses, read for the locale tests."""

from __future__ import annotations

import ast as pyast
import re
from collections.abc import Iterator
from pathlib import Path

from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.i18n import LOCALES_DIR

BOT_DIR = Path(__file__).resolve().parents[2] / "bot"
# Every kebab-case string constant in bot/ is taken as a message key; a few are not texts.
KEY_SHAPE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9_]+)+$")
NOT_KEYS = {"utf-8", "utf-8-sig", "mark-listed"}
# The start of a key completed at runtime: f"rv-state-{state}".
PREFIX_SHAPE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-$")


def keys_of(locale: str) -> dict[str, set[str]]:
    """Message ids per file, and the variables each message uses."""
    found: dict[str, set[str]] = {}
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            assert not isinstance(entry, ast.Junk), f"{path}: cannot parse {entry.content!r}"
            if isinstance(entry, ast.Message):
                assert entry.id.name not in found, f"{entry.id.name} defined twice in {locale}"
                found[entry.id.name] = variables(entry)
    return found


def variables(message: ast.Message) -> set[str]:
    names: set[str] = set()

    class Variables(Visitor):
        def visit_VariableReference(self, node: ast.VariableReference) -> None:
            names.add(node.id.name)

    Variables().visit(message)
    return names


def _bot_trees() -> Iterator[tuple[Path, pyast.Module]]:
    for path in sorted(BOT_DIR.rglob("*.py")):
        yield path, pyast.parse(path.read_text(encoding="utf-8"))


def keys_used_in_code() -> set[str]:
    """Every string constant in bot/ shaped like a message key."""
    used: set[str] = set()
    for _, tree in _bot_trees():
        for node in pyast.walk(tree):
            value = node.value if isinstance(node, pyast.Constant) else None
            if isinstance(value, str) and KEY_SHAPE.match(value) and value not in NOT_KEYS:
                used.add(value)
    return used


def key_prefixes_built_in_code() -> dict[str, list[str]]:
    """Keys the code completes at runtime (``f"rv-state-{state}"``): prefix -> where."""
    found: dict[str, list[str]] = {}
    for path, tree in _bot_trees():
        for node in pyast.walk(tree):
            if not isinstance(node, pyast.JoinedStr) or len(node.values) != 2:
                continue
            head, tail = node.values
            if (
                isinstance(head, pyast.Constant)
                and isinstance(head.value, str)
                and PREFIX_SHAPE.match(head.value)
                and isinstance(tail, pyast.FormattedValue)
            ):
                where = f"{path.relative_to(BOT_DIR.parent)}:{node.lineno}"
                found.setdefault(head.value, []).append(where)
    return found
