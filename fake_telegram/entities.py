"""Minimal Telegram HTML parse_mode: validation, plain text and message entities."""

from __future__ import annotations

import html
import re
from typing import Any

_TAG_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "code": "code",
    "pre": "pre",
    "a": "text_link",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_NAME_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
_ATTR_RE = re.compile(r"\s*([a-zA-Z_-]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_CHAR_REF_RE = re.compile(r"&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|lt|gt|amp|quot|apos|nbsp);")
_STRIP_RE = re.compile(r"<[^>]*>")


class EntityParseError(ValueError):
    """The text is not valid Telegram HTML; str() is Telegram's reason."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode())


def _parse_start_tag(inner: str, text: str, index: int) -> tuple[str, dict[str, str]]:
    match = _NAME_RE.match(inner)
    if match is None:
        raise EntityParseError(
            f'Unsupported start tag "{inner[:20]}" at byte offset {_byte_offset(text, index)}'
        )
    name = match.group(0).lower()
    attrs: dict[str, str] = {}
    rest = inner[match.end() :].rstrip("/ ")
    pos = 0
    while pos < len(rest):
        attr = _ATTR_RE.match(rest, pos)
        if attr is None or attr.end() == pos:
            break
        value = attr.group(2) or ""
        if value[:1] in "\"'":
            value = value[1:-1]
        attrs[attr.group(1).lower()] = html.unescape(value)
        pos = attr.end()
    return name, attrs


def parse_html(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Return (plain text, entities) or raise EntityParseError like Telegram does."""
    out: list[str] = []
    offset = 0
    stack: list[tuple[str, int, dict[str, str]]] = []
    entities: list[dict[str, Any]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "<":
            end = text.find(">", i)
            if end == -1:
                raise EntityParseError(
                    f"Can't find end of the tag starting at byte offset {_byte_offset(text, i)}"
                )
            inner = text[i + 1 : end]
            if inner.startswith("/"):
                name = inner[1:].strip().lower()
                if not stack:
                    raise EntityParseError(
                        f'Unexpected end tag "{name}" at byte offset {_byte_offset(text, i)}'
                    )
                open_name, start, attrs = stack.pop()
                if name != open_name:
                    raise EntityParseError(
                        f"Unmatched end tag at byte offset {_byte_offset(text, i)}, "
                        f'expected "</{open_name}>", found "</{name}>"'
                    )
                if offset > start:
                    entities.append(_entity(open_name, start, offset - start, attrs))
            else:
                name, attrs = _parse_start_tag(inner, text, i)
                if name not in _TAG_TYPES or (
                    name == "span" and attrs.get("class") != "tg-spoiler"
                ):
                    raise EntityParseError(
                        f'Unsupported start tag "{name}" at byte offset {_byte_offset(text, i)}'
                    )
                stack.append((name, offset, attrs))
            i = end + 1
            continue
        piece = char
        if char == "&":
            ref = _CHAR_REF_RE.match(text, i)
            if ref is not None:
                piece = html.unescape(ref.group(0))
                i = ref.end() - 1
        out.append(piece)
        offset += utf16_len(piece)
        i += 1
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _entity(tag: str, offset: int, length: int, attrs: dict[str, str]) -> dict[str, Any]:
    kind = _TAG_TYPES[tag]
    entity: dict[str, Any] = {"type": kind, "offset": offset, "length": length}
    if tag == "a":
        href = attrs.get("href", "")
        if href.startswith("tg://user?id="):
            entity["type"] = "text_mention"
            entity["user"] = {
                "id": int(href.split("=", 1)[1] or 0),
                "is_bot": False,
                "first_name": "",
            }
        else:
            entity["url"] = href
    elif tag == "blockquote" and "expandable" in attrs:
        entity["type"] = "expandable_blockquote"
    elif tag == "tg-emoji":
        entity["custom_emoji_id"] = attrs.get("emoji-id", "")
    elif tag == "code" and attrs.get("class", "").startswith("language-"):
        entity["language"] = attrs["class"].removeprefix("language-")
    return entity


def render(text: str, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and entities Telegram would store for ``text``; raises EntityParseError."""
    if parse_mode is not None and parse_mode.upper() == "HTML":
        return parse_html(text)
    return text, []


def plain_text(text: str | None, parse_mode: str | None) -> str:
    """Best-effort visible text (never raises): HTML tags stripped, entities unescaped."""
    if not text:
        return ""
    if parse_mode is None or parse_mode.upper() != "HTML":
        return text
    try:
        return parse_html(text)[0]
    except EntityParseError:
        return html.unescape(_STRIP_RE.sub("", text))
