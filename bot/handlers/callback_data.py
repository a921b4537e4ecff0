"""Callback data comes from the user's client and is never trusted: parse it strictly."""

from __future__ import annotations

MAX_DIGITS = 12


def number(arg: str) -> int | None:
    """ASCII digits only ("²" and "१" are digits to `str.isdigit` but not ours), bounded."""
    if not arg or len(arg) > MAX_DIGITS or not (arg.isascii() and arg.isdigit()):
        return None
    return int(arg)
