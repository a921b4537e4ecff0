"""Fluent translations: `locales/<locale>/*.ftl`, Hindi first, English complete."""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Generator, Mapping
from pathlib import Path
from typing import Any

from fluent.runtime import FluentLocalization, FluentResourceLoader
from fluent.syntax.ast import Resource

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
SUPPORTED = ("hi", "en")
# How each locale writes numbers: Indian grouping in English too (₹1,00,000, not ₹100,000).
NUMBERS = {"hi": "hi-IN", "en": "en-IN"}
FORMATTED_KEPT = 4096
# Arguments by which a cached text is found: equal values of these types format the same
# (unlike 1 and 1.0, or Decimal("1.5") and Decimal("1.50")).
_KEPT_TYPES = (str, int)
log = logging.getLogger(__name__)


def resource_files(locale: str, root: Path = LOCALES_DIR) -> list[str]:
    return sorted(p.name for p in (root / locale).glob("*.ftl"))


class Translator:
    """Formats message keys; interpolated values are HTML-escaped (we send parse_mode=HTML)."""

    def __init__(self, default_locale: str = "hi", root: Path = LOCALES_DIR) -> None:
        self.default_locale = default_locale
        loader = _FilesOfLanguage(str(root / "{locale}"))
        self._l10n = {
            locale: FluentLocalization(
                [NUMBERS[code] for code in dict.fromkeys([locale, default_locale])],
                resource_files(locale, root),
                loader,
            )
            for locale in SUPPORTED
        }
        # A text depends only on its key and arguments once the files are loaded, and most of
        # an update's texts (prompts, button labels, "Step 3/12") recur: each is formatted
        # once, until FORMATTED_KEPT others have been formatted since it was last used.
        self._formatted = functools.lru_cache(maxsize=FORMATTED_KEPT)(self._format)

    def resolve_locale(self, stored: str | None) -> str:
        """The user's own choice, else the default (Hindi).

        Telegram's `language_code` is not used for artisans: its official apps have no Hindi
        interface, so a Hindi speaker's phone almost always reports `en`. The first screen
        offers English. (Staff: see `bot.handlers.base`.)
        """
        return stored if stored in SUPPORTED else self.default_locale

    def shipped(self, telegram_code: str | None) -> str | None:
        """The locale we ship for a Telegram language code ("en-GB" -> "en"), if any."""
        code = (telegram_code or "").split("-")[0].lower()
        return code if code in SUPPORTED else None

    def native_names(self) -> dict[str, str]:
        """Each language's name in its own script, shown whatever the current language is."""
        return {code: self(code, "language-name") for code in SUPPORTED}

    def __call__(self, locale: str, key: str, **args: Any) -> str:
        if locale not in self._l10n:
            locale = self.default_locale
        if all(type(value) in _KEPT_TYPES for value in args.values()):
            return self._formatted(locale, key, *args.items())
        return self._format(locale, key, *args.items())  # e.g. a date: formatted each time

    def _format(self, locale: str, key: str, *args: tuple[str, Any]) -> str:
        text = self._l10n[locale].format_value(key, _escape(dict(args)))
        if text == key:
            log.error("missing translation key %s", key)
        return text


class _FilesOfLanguage(FluentResourceLoader):
    """Reads `locales/en` for "en-IN": the region sets how numbers are written, not the texts."""

    def resources(
        self, locale: str, resource_ids: list[str]
    ) -> Generator[list[Resource], None, None]:
        return super().resources(locale.split("-")[0], resource_ids)


def _escape(args: Mapping[str, Any]) -> dict[str, Any]:
    return {k: html.escape(v, quote=False) if isinstance(v, str) else v for k, v in args.items()}
